"""Span overlap, one-to-one matching, name comparison and the counts every scorer reports.

Shared by the quote scorer and the later ones (claims, demands, events), so that "matched"
means the same thing everywhere:

- a **region** is one ``(start, end)`` character span or a tuple of them (brat allows a
  discontinuous span: ``Content 315 448;463 553``). Its length is the sum of its pieces.
- two regions **overlap enough** when the characters they share are at least half of the
  shorter one (``ratio=0.5``), and at least one character.
- gold and predicted items are paired **one to one, greedily by largest overlap**: the pair
  sharing the most characters is taken first, then the next among the unpaired, and so on.
  Ties go to the earlier gold item, then the earlier prediction, so a run is reproducible.
- an **exact** match compares spans once white space, quote marks, final punctuation and a
  leading "that" are trimmed from both.
- **names** are compared folded: accents transliterated (``unidecode``), case folded,
  whitespace collapsed, surrounding punctuation dropped. Two items name the same actor when
  any folded form of one equals any folded form of the other.

Not done here: fuzzy name matching (a misspelt name does not match) and partial credit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence, Union

from unidecode import unidecode

Span = tuple[int, int]
Region = Union[Span, tuple[Span, ...]]

# Quote marks and white space around a quotation are not part of its words: exact-span
# comparison ignores them (gold quotes leave the marks out; some extractors keep them).
TRIM_CHARS = " \t\r\n\"'“”‘’«»„‟‹›`"
# A quotation often ends with the sentence's full stop or comma inside the marks.
TRIM_END_CHARS = TRIM_CHARS + ".,;:"
# Reported speech often starts with the complementiser ("said that the talks ..."): some
# annotations include it (PolNeAR), others leave it out, so exact comparison drops it.
LEADING_WORDS = ("that ",)


def pieces(region: Region) -> tuple[Span, ...]:
    """The region as a tuple of ``(start, end)`` pieces."""
    if len(region) == 2 and isinstance(region[0], int):
        return (region,)  # type: ignore[return-value]
    return tuple(region)  # type: ignore[arg-type]


def length(region: Region) -> int:
    """Characters covered by the region."""
    return sum(max(0, end - start) for start, end in pieces(region))


def envelope(region: Region) -> Span:
    """The smallest single span covering every piece."""
    parts = pieces(region)
    return (min(s for s, _ in parts), max(e for _, e in parts))


def overlap(a: Region, b: Region) -> int:
    """Characters shared by two regions."""
    return sum(
        max(0, min(ae, be) - max(as_, bs)) for as_, ae in pieces(a) for bs, be in pieces(b)
    )


def overlaps_enough(a: Region, b: Region, ratio: float = 0.5) -> bool:
    """True when ``a`` and ``b`` share at least ``ratio`` of the shorter one's characters."""
    shared = overlap(a, b)
    return shared > 0 and shared >= ratio * min(length(a), length(b))


def match_regions(gold: Sequence[Region], pred: Sequence[Region], ratio: float = 0.5) -> list[tuple[int, int]]:
    """Pair gold and predicted regions one to one, greedily by largest overlap.

    Returns ``(gold_index, pred_index)`` pairs, sorted by gold index. Only pairs that
    :func:`overlaps_enough` are candidates.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            shared = overlap(g, p)
            if shared > 0 and shared >= ratio * min(length(g), length(p)):
                candidates.append((-shared, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def trim_span(text: str, span: Span) -> Span:
    """``span`` without surrounding white space, quote marks, final punctuation and a leading "that"."""
    start, end = span
    while start < end and text[start] in TRIM_CHARS:
        start += 1
    for word in LEADING_WORDS:
        if text[start:start + len(word)].lower() == word:
            start += len(word)
            while start < end and text[start] in TRIM_CHARS:
                start += 1
    while end > start and text[end - 1] in TRIM_END_CHARS:
        end -= 1
    return (start, end)


def same_span(text: str, a: Region, b: Region) -> bool:
    """Exact match: equal envelopes once quote marks, spaces and final punctuation are trimmed."""
    return trim_span(text, envelope(a)) == trim_span(text, envelope(b))


def match_exact(text: str, gold: Sequence[Region], pred: Sequence[Region]) -> list[tuple[int, int]]:
    """Pair gold and predicted regions one to one when they are the :func:`same_span`."""
    by_span: dict[Span, list[int]] = {}
    for pi, p in enumerate(pred):
        by_span.setdefault(trim_span(text, envelope(p)), []).append(pi)
    pairs = []
    for gi, g in enumerate(gold):
        waiting = by_span.get(trim_span(text, envelope(g)))
        if waiting:
            pairs.append((gi, waiting.pop(0)))
    return pairs


_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


def fold(name: str) -> str:
    """A name folded for comparison: no accents, no case, single spaces, no edge punctuation,
    no leading article."""
    folded = _SPACES.sub(" ", unidecode(name).casefold()).strip()
    folded = _EDGE_PUNCT.sub("", folded)
    # "The Kremlin" and "Kremlin" are one name.
    for article in ("the ", "a ", "an "):
        if folded.startswith(article):
            folded = folded[len(article):]
    return folded


def names_match(a: Iterable[Optional[str]], b: Iterable[Optional[str]]) -> bool:
    """True when any name in ``a`` equals any name in ``b``, folded (see :func:`fold`)."""
    left = {fold(n) for n in a if n and fold(n)}
    right = {fold(n) for n in b if n and fold(n)}
    return bool(left & right)


@dataclass
class Counts:
    """True positives, false positives and false negatives, with the figures they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> "Counts":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> Optional[float]:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> Optional[float]:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> Optional[float]:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class Rate:
    """``hits`` out of ``total``: an accuracy over matched items, or a rate."""

    hits: int = 0
    total: int = 0

    def count(self, hit: bool) -> None:
        self.total += 1
        self.hits += bool(hit)

    def add(self, other: "Rate") -> "Rate":
        self.hits += other.hits
        self.total += other.total
        return self

    @property
    def value(self) -> Optional[float]:
        return self.hits / self.total if self.total else None

    def as_dict(self) -> dict:
        return {"hits": self.hits, "total": self.total, "value": self.value}
