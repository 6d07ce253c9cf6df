"""Numeric claims: the figures an article reports, who claims them and what they count.

What is extracted: each figure written in digits ("43,000", "1.5 million", "$3bn",
"USD 380 million", "40%", "10-15") or in words ("two dozen", "a dozen", "fifteen thousand",
"tens of thousands", "hundreds"), shares ("a third", "about half the world's tuna", "one in
five"), counts written as modifiers ("a 5,000-strong force"), and bare figures that repeat the
noun of a count before them ("fell to 1.4 million barrels from 1.8 million") or that a verb sets
a tally to ("the number of displaced has risen to 1.4 million"), with

- ``value`` (fractions are percentages: "a fifth" = 20; ``low``/``high`` for a range: "between 10,000 and 15,000", "10 to 15"; a vague
  plural such as "hundreds" gets the smallest and largest amount it can mean, its value the
  smallest);
- ``approximate`` and ``qualifier`` from the words before it ("some", "more than", "up to")
  or after it ("or so"), and always for vague plurals;
- ``unit``: the counted noun ("soldiers", "drones"), "dollars"/"euros"/... for money,
  "percent" for percentages;
- ``category`` from the words that govern the noun: its modifiers ("wounded soldiers"),
  the verbs and nouns above it up to the first verb ("had been killed", "lost", "freed",
  "a death toll of"), then the noun itself ("casualties", "refugees");
- ``claimant``: the possessor of a claim noun ("Trump's figure of 400,000"), else the
  statement the figure is in (:class:`Attribution`: the quote whose span covers it, the name
  after quoted words, an "according to X" source, the subject of a reporting verb, a bare
  reporting clause after it); else null, the article's own figure. ``claimant_name`` keeps the name as
  written, also when it resolves to no actor ("EU sources");
- ``subject``: the actor the figure is about: a demonym, possessive or agent mention in the
  noun phrase ("Ukraine's soldiers", "Ukrainian soldiers"), the subject of a loss verb
  ("Kyiv had lost"), the claimant's own side for "our", else the subject of a claim with a
  unit of the same kind in the two sentences before;
- ``date``: the first resolved date expression in the sentence, else the publication date.

What is not a claim: dates, years, ages and durations ("45-year-old", "three days"), times
("10:02"), ordinals, labels ("resolution 2334", "Article 5"), numbers inside names ("G7",
"Su-35"), figures on the time-stamped heading of a live-blog entry, and any figure that
neither counts a noun of the units list or a plural noun nor is governed by a category word.
A small count (below ``plural_count_min``) of a plural noun is a claim only when written as
news of a number ("ordered three Russian diplomats to leave"), not when it points at known
things ("their two nations", "control of four regions") or counts a statement's anonymous
source ("according to two diplomats"). A figure restated later by the same claimant with the
same value and unit is reported once.

The word lists are data: ``kb/data/lexicon/claims.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

import yaml
from number_parser import parse_number as _parse_number_words
from spacy.tokens import Doc, Span, Token

from ..kb import LEXICON_DIR
from ..model import Claim, DateRef, Quote
from ..nlp.sentences import sentence_of, sentences, text_of

LEXICON_FILE = LEXICON_DIR / "claims.yaml"

@lru_cache(maxsize=4096)
def parse_number(words: str):
    """number_parser's reading of number words, memoised: it rebuilds its English tables on
    every call, and news repeats the same few words ("two", "three hundred")."""
    return _parse_number_words(words)


_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([a-z]{1,3})?$")
_DIGIT_RANGE = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)[-–](\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)$")
# A bare four-digit number in this range is a year unless it counts a listed noun.
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_HYPHENS = {"-", "–", "—"}
_VERB_POS = {"VERB", "AUX"}
_NOUN_POS = {"NOUN", "PROPN", "PRON"}
# How far up the tree a governing word is looked for (noun -> prep -> noun -> verb).
MAX_CLIMB = 4
# How many sentences back a subject may be carried from an earlier claim.
SUBJECT_CARRY_SENTENCES = 2


@dataclass(frozen=True)
class ClaimLexicon:
    """The word lists of ``claims.yaml``, indexed for lookup."""

    category_of: dict[str, str]
    unit_group: dict[str, str]
    generic_units: frozenset[str]
    human_groups: frozenset[str]
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    currency_codes: dict[str, str]
    percent_words: tuple[tuple[str, ...], ...]
    scales: dict[str, float]
    number_words: frozenset[str]
    multipliers: dict[str, float]
    vague: dict[tuple[str, ...], tuple[float, float]]
    qualifiers: dict[tuple[str, ...], dict]
    trailing_qualifiers: dict[tuple[str, ...], dict]
    label_nouns: frozenset[str]
    not_units: frozenset[str]
    skip_entity_labels: frozenset[str]
    claim_nouns: frozenset[str]
    own_side_words: frozenset[str]
    loss_verbs: frozenset[str]
    tally_nouns: frozenset[str]
    tally_setting_verbs: frozenset[str]
    enumeration_nouns: frozenset[str]
    plural_count_min: float
    act_cues: frozenset[str]
    reference_determiners: frozenset[str] = frozenset()
    reference_max: float = 0.0
    vote_words: tuple[tuple[str, ...], ...] = ()
    claim_verbs: frozenset[str] = frozenset()
    fractions: dict[tuple[str, ...], float] = field(default_factory=dict)
    vote_verbs: frozenset[str] = frozenset()
    bare_shares: dict[str, float] = field(default_factory=dict)
    hyphen_units: dict[str, Optional[str]] = field(default_factory=dict)
    ratio_words: frozenset[str] = frozenset()
    small_count_min: float = 0.0
    scaled_measures: frozenset[str] = frozenset()
    entry_heading: Optional[re.Pattern] = None
    ratio_links: tuple[tuple[str, ...], ...] = ()
    ratio_max: float = 0.0
    people_categories: frozenset[str] = frozenset()
    measure_units: frozenset[str] = frozenset()
    verb_only_words: frozenset[str] = frozenset()
    small_count_nouns_excluded: frozenset[str] = frozenset()
    source_participles: frozenset[str] = frozenset()
    ellipsis_preps: frozenset[str] = frozenset()
    share_followers: frozenset[str] = frozenset()
    share_openers: frozenset[str] = frozenset()
    ellipsis_links: frozenset[str] = frozenset()
    back_pronouns: frozenset[str] = frozenset()
    life_verbs: frozenset[str] = frozenset()
    home_nouns: frozenset[str] = frozenset()
    source_prepositions: frozenset[str] = frozenset()
    rejecting_words: frozenset[str] = frozenset()
    circumstance_marks: frozenset[str] = frozenset()
    addressee_verbs: frozenset[str] = frozenset()
    owned_body_heads: frozenset[str] = frozenset()

    def tolerance(self, qualifier: Optional[str]) -> Optional[dict]:
        """``{below, above}`` of a qualifier as written (None when it is not one)."""
        if not qualifier:
            return None
        key = tuple(qualifier.lower().split())
        return self.qualifiers.get(key) or self.trailing_qualifiers.get(key)

    def units_compatible(self, a: Optional[str], b: Optional[str]) -> bool:
        """Whether two units can count the same thing: equal, of one group, or a generic
        human unit ("people", or none) against a human group."""
        if a == b:
            return True
        ga, gb = self.unit_group.get(a or ""), self.unit_group.get(b or "")
        if ga is not None and ga == gb and ga != "materiel" and ga != "other":
            # soldiers ~ troops; but civilians vs soldiers are different people
            return self._same_kind(a, b)
        generic_a = a is None or a in self.generic_units
        generic_b = b is None or b in self.generic_units
        if generic_a and (generic_b or gb in self.human_groups):
            return True
        if generic_b and ga in self.human_groups:
            return True
        return False

    def _same_kind(self, a: Optional[str], b: Optional[str]) -> bool:
        # Within the military group every noun counts service members; within "people"
        # only the generic nouns stand for any other.
        group = self.unit_group.get(a or "")
        if group == "military":
            return True
        return a in self.generic_units or b in self.generic_units


def _phrases(items: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(str(i).lower().split()) for i in items), key=len, reverse=True))


def _fraction_words(phrase) -> tuple[str, ...]:
    """A fraction as the tokens spaCy makes of it: "two-thirds" is "two", "-", "thirds"."""
    return tuple(re.sub(r"\s*([-–])\s*", r" \1 ", str(phrase).lower()).split())


@lru_cache(maxsize=4)
def load_claim_lexicon(path: Path = LEXICON_FILE) -> ClaimLexicon:
    """Read ``claims.yaml`` (cached)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    category_of = {}
    for category, words in data["categories"].items():
        for word in words:
            category_of.setdefault(str(word).lower(), category)
    unit_group = {str(w).lower(): group for group, words in data["units"].items() for w in words}
    return ClaimLexicon(
        category_of=category_of,
        unit_group=unit_group,
        generic_units=frozenset(data.get("generic_units") or []),
        human_groups=frozenset(data.get("human_groups") or []),
        currency_symbols=dict(data["money"]["symbols"]),
        currency_words={str(k).lower(): v for k, v in data["money"]["words"].items()},
        currency_codes={str(k): v for k, v in (data["money"].get("codes") or {}).items()},
        percent_words=_phrases(data["percent"]),
        scales={str(k).lower(): float(v) for k, v in data["scales"].items()},
        number_words=frozenset(data["number_words"]),
        multipliers={k: float(v) for k, v in data["multiplier_words"].items()},
        vague={tuple(k.split()): (float(v[0]), float(v[1])) for k, v in data["vague"].items()},
        qualifiers={tuple(k.split()): v for k, v in data["qualifiers"].items()},
        trailing_qualifiers={tuple(k.split()): v for k, v in data["trailing_qualifiers"].items()},
        label_nouns=frozenset(str(w).lower() for w in data["label_nouns"]),
        not_units=frozenset(str(w).lower() for w in data["not_units"]),
        skip_entity_labels=frozenset(data["skip_entity_labels"]),
        claim_nouns=frozenset(data["claim_nouns"]),
        own_side_words=frozenset(data["own_side_words"]),
        loss_verbs=frozenset(data.get("loss_verbs") or ()),
        tally_nouns=frozenset(data.get("tally_nouns") or ()),
        tally_setting_verbs=frozenset(data.get("tally_setting_verbs") or ()),
        enumeration_nouns=frozenset(data.get("enumeration_nouns") or ()),
        plural_count_min=float(data.get("plural_count_min", 10)),
        people_categories=frozenset(data.get("people_categories") or ()),
        measure_units=frozenset(data.get("measure_units") or ()),
        verb_only_words=frozenset(data.get("verb_only_words") or ()),
        ratio_links=_phrases(data.get("ratio_links") or ()),
        ratio_max=float(data.get("ratio_max") or 0),
        entry_heading=re.compile(data["entry_heading"]) if data.get("entry_heading") else None,
        scaled_measures=frozenset(data.get("scaled_measures") or ()),
        small_count_min=float(data.get("small_count_min") or data.get("plural_count_min", 10)),
        small_count_nouns_excluded=frozenset(data.get("small_count_nouns_excluded") or ()),
        act_cues=frozenset(data.get("act_cues") or ()),
        reference_determiners=frozenset(data.get("reference_determiners") or ()),
        reference_max=float(data.get("reference_max") or 0),
        vote_words=tuple(tuple(w) for w in data.get("vote_words") or ()),
        claim_verbs=frozenset(data.get("claim_verbs") or ()),
        fractions={_fraction_words(k): float(v) for k, v in (data.get("fractions") or {}).items()},
        vote_verbs=frozenset(data.get("vote_verbs") or ()),
        bare_shares={str(k).lower(): float(v) for k, v in (data.get("bare_shares") or {}).items()},
        share_followers=frozenset(data.get("share_followers") or ()),
        share_openers=frozenset(data.get("share_openers") or ()),
        hyphen_units={str(k).lower(): v for k, v in (data.get("hyphen_units") or {}).items()},
        ratio_words=frozenset(data.get("ratio_words") or ()),
        source_participles=frozenset(data.get("claim_verbs") or ()) | frozenset(data.get("source_participles") or ()),
        ellipsis_preps=frozenset(data.get("ellipsis_preps") or ()),
        ellipsis_links=frozenset(data.get("ellipsis_links") or ()),
        back_pronouns=frozenset(data.get("back_pronouns") or ()),
        life_verbs=frozenset(data.get("life_verbs") or ()),
        home_nouns=frozenset(data.get("home_nouns") or ()),
        source_prepositions=frozenset(data.get("source_prepositions") or ()),
        rejecting_words=frozenset(data.get("rejecting_words") or ()),
        circumstance_marks=frozenset(data.get("circumstance_marks") or ()),
        addressee_verbs=frozenset(data.get("addressee_verbs") or ()),
        owned_body_heads=_owned_body_heads(data),
    )


def _owned_body_heads(data: dict) -> frozenset[str]:
    """Last words of a body's name (``role_nouns.yaml``: name heads, armed and state bodies) and
    the extra ones of ``claims.yaml``: "ministry", "police", "customs", "cross"."""
    roles = yaml.safe_load((LEXICON_DIR / "role_nouns.yaml").read_text(encoding="utf-8")) or {}
    words = {str(w).lower() for key in ("name_heads", "body_name_heads", "people_named_heads")
             for w in roles.get(key) or []}
    words |= {str(k).lower().split()[-1] for key in ("country_bodies", "state_bodies") for k in roles.get(key) or {}}
    return frozenset(words | {str(w).lower() for w in data.get("owned_body_heads") or ()})


# ---------------------------------------------------------------- reading numbers


@dataclass
class Figure:
    """A number found in the text, before it is judged a claim. Token offsets ``[start, end)``."""

    start: int
    end: int
    value: Optional[float]
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None  # set for money and percent
    qualifier: Optional[str] = None
    approximate: bool = False
    vague: bool = False
    noun: Optional[Token] = None
    anchor: Optional[Token] = None  # the number token that the parse attaches to the noun
    extra: dict = field(default_factory=dict)


class FigureReader:
    """Reads the figures of a sentence: digits, number words, scales, ranges, qualifiers."""

    def __init__(self, lexicon: ClaimLexicon):
        self.lex = lexicon
        # Longest phrases first, sorted once: the reader tries them at every token.
        self._fractions = sorted(lexicon.fractions.items(), key=lambda kv: len(kv[0]), reverse=True)
        self._vague = sorted(lexicon.vague.items(), key=lambda kv: len(kv[0]), reverse=True)
        # The words a figure can begin with, so that most tokens are passed over at once.
        self._fraction_first = frozenset(phrase[0] for phrase in lexicon.fractions)
        self._vague_first = frozenset(phrase[0] for phrase in lexicon.vague)
        self._starts = (
            self._fraction_first | self._vague_first | frozenset(lexicon.number_words) | {"a", "an"}
            | frozenset(lexicon.bare_shares)
        )

    def figures(self, sent: Span) -> list[Figure]:
        doc = sent.doc
        found = []
        i = sent.start
        while i < sent.end:
            figure = self._read_at(doc, i, sent.end)
            if figure is None:
                i += 1
                continue
            self._read_ratio(doc, figure, sent)
            self._read_range(doc, figure, sent)
            self._read_unit_words(doc, figure, sent.end)
            self._read_qualifier(doc, figure, sent.start, sent.end)
            found.append(figure)
            i = figure.end
        return found

    # -- one number ---------------------------------------------------------
    def _read_at(self, doc: Doc, i: int, end: int) -> Optional[Figure]:
        """The number starting at token ``i`` (a currency symbol may come first)."""
        lex = self.lex
        token = doc[i]
        currency = None
        start = i
        if token.text in lex.currency_symbols and i + 1 < end:
            currency = lex.currency_symbols[token.text]
            i += 1
            token = doc[i]
        elif token.text in lex.currency_codes and i + 1 < end and doc[i + 1].text[:1].isdigit():
            currency = lex.currency_codes[token.text]  # "USD 380 million"
            i += 1
            token = doc[i]
        low_text = token.lower_
        if not low_text[:1].isdigit() and low_text not in self._starts:
            return None
        figure: Optional[Figure] = None
        j = i
        vague = self._vague_at(doc, i, end)
        scaled = None if currency else self._share_of_scale(doc, i, end)
        if scaled is not None:
            j, value = scaled
            figure = Figure(start, j, value)  # "half a million", "a quarter of a million"
            figure.anchor = doc[j - 1]
            return figure
        fraction = None if currency else self._fraction_at(doc, i, end) or self._share_at(doc, i, end)
        if fraction is not None:
            j, value = fraction
            figure = Figure(start, j, value, unit="percent")
            figure.anchor = doc[j - 1]
            return figure
        match = _DIGITS.match(low_text)
        ranged = _DIGIT_RANGE.match(low_text)
        if vague is not None:
            j, (lo, hi) = vague
            figure = Figure(start, j, lo, low=lo, high=hi, approximate=True, vague=True)
        elif ranged:
            lo, hi = (float(g.replace(",", "")) for g in ranged.groups())
            figure = Figure(start, i + 1, None, low=lo, high=hi)
            j = i + 1
        elif match:
            suffix = match.group(3)
            if suffix and suffix not in lex.scales:
                return None  # "7th", "3rd", "5g": not a count
            value = float((match.group(1) + (match.group(2) or "")).replace(",", ""))
            if suffix:
                value *= lex.scales[suffix]
            figure = Figure(start, i + 1, value)
            j = i + 1
        elif low_text in ("a", "an") and i + 1 < end and (doc[i + 1].lower_ in lex.multipliers
                                                          or doc[i + 1].lower_ in ("hundred", "thousand", "million", "billion")):
            word = doc[i + 1].lower_
            figure = Figure(start, i + 2, lex.multipliers.get(word) or lex.scales[word])
            j = i + 2
        elif low_text in lex.number_words and low_text not in ("hundred", "thousand", "million", "billion", "trillion"):
            j = i
            while j < end and (doc[j].lower_ in lex.number_words
                               or (doc[j].lower_ in _HYPHENS | {"and"} and j + 1 < end
                                   and doc[j + 1].lower_ in lex.number_words and j > i)):
                j += 1
            words = " ".join(t.lower_ for t in doc[i:j] if t.lower_ not in _HYPHENS)
            value = parse_number(words)
            if value is None:
                return None
            figure = Figure(start, j, float(value))
        if figure is None:
            return None
        # "1.5 million", "two dozen", "3 billion": scale and multiplier words after the number;
        # a one-letter scale only glued to an amount of money ("€100m" is split "€ 100 m")
        def glued_scale(k: int) -> bool:
            return currency is not None and not doc[k - 1].whitespace_

        if not figure.vague and figure.value is not None:
            while j < end and (doc[j].lower_ in lex.scales and (doc[j].lower_ not in ("m", "b", "k") or glued_scale(j))
                               or doc[j].lower_ in lex.multipliers):
                word = doc[j].lower_
                figure.value *= lex.multipliers.get(word) or lex.scales[word]
                j += 1
            figure.value = round(figure.value, 6)  # 4.1 * 1e6 is 4099999.9999999995 in floats
            figure.end = j
        elif figure.low is not None and not figure.vague:
            while j < end and doc[j].lower_ in lex.scales and doc[j].lower_ not in ("m", "b", "k"):
                scale = lex.scales[doc[j].lower_]
                figure.low, figure.high = round(figure.low * scale, 6), round(figure.high * scale, 6)  # type: ignore[operator]
                j += 1
            figure.end = j
        figure.anchor = doc[figure.end - 1]
        if currency:
            figure.unit = currency
        return figure

    def _fraction_at(self, doc: Doc, i: int, end: int) -> Optional[tuple[int, float]]:
        """"a fifth", "a third of the tankers", "two thirds": a share, read as a percentage.
        Not an ordinal: "a fifth consecutive night", "a third term" go on to a noun."""
        if doc[i].lower_ not in self._fraction_first:
            return None
        words = tuple(t.lower_ for t in doc[i:min(end, i + 3)])
        for phrase, value in self._fractions:
            n = len(phrase)
            if words[:n] != phrase:
                continue
            after = doc[i + n] if i + n < end else None
            if after is None or after.lower_ == "of" or after.is_punct or after.pos_ not in ("NOUN", "ADJ", "PROPN"):
                return i + n, value
        return None

    def _share_of_scale(self, doc: Doc, i: int, end: int) -> Optional[tuple[int, float]]:
        """"half a million", "a quarter of a million": a share of a scale word is an amount."""
        lex = self.lex
        if doc[i].lower_ not in self._fraction_first and doc[i].lower_ not in lex.bare_shares:
            return None
        words = [t.lower_ for t in doc[i:min(end, i + 6)]]
        for phrase, share in self._fractions + [((w,), v) for w, v in lex.bare_shares.items()]:
            n = len(phrase)
            if tuple(words[:n]) != phrase:
                continue
            k = n + (1 if words[n:n + 1] == ["of"] else 0)
            scale = words[k + 1] if len(words) > k + 1 and words[k] in ("a", "an") else None
            if scale in lex.scales and scale not in ("m", "b", "k"):
                return i + k + 2, round(share / 100 * lex.scales[scale], 6)
        return None

    def _share_at(self, doc: Doc, i: int, end: int) -> Optional[tuple[int, float]]:
        """"about half the world's tuna", "more than half of the displaced", "fallen by half":
        a bare share word read as a percentage. Not "the first half of 2025", "the harder half
        of the job", "half a century", "half-brother"."""
        lex = self.lex
        token = doc[i]
        value = lex.bare_shares.get(token.lower_)
        if value is None:
            return None
        before = doc[i - 1] if i > 0 else None
        after = doc[i + 1] if i + 1 < end else None
        if before is not None and (before.pos_ in ("DET", "ADJ", "NUM", "NOUN") or before.text in _HYPHENS):
            return None  # "the first half", "an area half the size of"
        if after is not None and (after.text in _HYPHENS or after.lower_ in ("a", "an")):
            return None
        if after is not None and after.lower_ in lex.share_followers:
            return (i + 1, value) if not self._divides_no_share(doc, i + 1, end) else None
        opened = before is not None and before.lower_ in lex.share_openers
        if opened and (after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ")):
            return i + 1, value
        return None

    def _divides_no_share(self, doc: Doc, i: int, end: int) -> bool:
        """Whether the phrase after a share word names a span of time ("half the year"), a
        figure ("half of 1 percent") or a measure it scales ("half the rate", "half the size")."""
        for token in doc[i:min(end, i + 5)]:
            if token.ent_type_ in ("DATE", "TIME") or token.lower_ in self.lex.not_units or token.like_num:
                return True  # also "half of 1 percent": a share of a figure, not a claim of its own
            if token.pos_ in ("NOUN", "PROPN", "PRON"):
                return token.lower_ in self.lex.scaled_measures
        return False

    def _vague_at(self, doc: Doc, i: int, end: int) -> Optional[tuple[int, tuple[float, float]]]:
        if doc[i].lower_ not in self._vague_first:
            return None
        words = [t.lower_ for t in doc[i:min(end, i + 3)]]
        for phrase, bounds in self._vague:
            n = len(phrase)
            if tuple(words[:n]) == phrase:
                # "thousands" is a count only when it counts something: "thousands of people",
                # "thousands fled"; "tens" alone is not vague.
                return i + n, bounds
        return None

    def _read_ratio(self, doc: Doc, figure: Figure, sent: Span) -> None:
        """"one in five", "1 in 3", "eight out of 10": a share, read as a percentage (rounded
        to a whole number like the fractions: "1 in 3" = 33). Not "2 in 2022"."""
        if figure.vague or figure.value is None or figure.unit is not None:
            return
        j = figure.end
        for words in self.lex.ratio_links:
            if tuple(t.lower_ for t in doc[j:j + len(words)]) == words:
                break
        else:
            return
        k = j + len(words)
        if k >= sent.end or doc[k].ent_type_ in ("DATE", "TIME"):
            return
        whole = self._read_at(doc, k, sent.end)
        if whole is None or whole.value is None or whole.vague or whole.unit is not None \
                or not figure.value < whole.value <= self.lex.ratio_max or _YEAR.match(doc[k].text):
            return
        figure.value = float(round(100 * figure.value / whole.value))
        figure.unit = "percent"
        figure.end = whole.end
        figure.anchor = doc[whole.end - 1]

    def _read_range(self, doc: Doc, figure: Figure, sent: Span) -> None:
        """"10,000 to 15,000", "between 10 and 15", "10 - 15": widen the figure to a range."""
        if figure.vague or figure.value is None:
            return
        j = figure.end
        if j + 1 >= sent.end:
            return
        connector = doc[j].lower_
        before = doc[figure.start - 1].lower_ if figure.start > sent.start else ""
        allowed = _HYPHENS | {"to"} | ({"and"} if before == "between" else set())
        if connector not in allowed:
            return
        if connector in _HYPHENS and (doc[j - 1].whitespace_ and not doc[j].whitespace_):
            return  # "10 -15" is not a range
        other = self._read_at(doc, j + 1, sent.end)
        if other is None or other.value is None or other.vague:
            return
        low, high = figure.value, other.value
        # "10 to 15 million": the scale written once applies to both ends
        if high > low * 100 and not any(doc[k].lower_ in self.lex.scales for k in range(figure.start, figure.end)):
            for k in range(other.start, other.end):
                scale = self.lex.scales.get(doc[k].lower_)
                if scale:
                    low *= scale
        if high < low:
            return
        figure.value, figure.low, figure.high = None, low, high
        figure.end = other.end
        figure.anchor = doc[figure.start] if doc[figure.start].text not in self.lex.currency_symbols \
            and doc[figure.start].text not in self.lex.currency_codes else doc[figure.start + 1]
        figure.unit = figure.unit or other.unit
        if before in ("between", "from"):
            figure.start -= 1

    def _read_unit_words(self, doc: Doc, figure: Figure, end: int) -> None:
        """A currency word or percent sign right after the number."""
        j = figure.end
        if j >= end:
            return
        words = [t.lower_ for t in doc[j:min(end, j + 3)]]
        for phrase in self.lex.percent_words:
            if tuple(words[: len(phrase)]) == phrase:
                figure.unit = "percent"
                figure.end = j + len(phrase)
                return
        currency = self.lex.currency_words.get(words[0])
        if currency:
            figure.unit = currency
            figure.end = j + 1

    def _read_qualifier(self, doc: Doc, figure: Figure, sent_start: int, sent_end: int) -> None:
        """The approximation or bound words just before (or after) the figure."""
        begin = figure.start
        if begin > sent_start and doc[begin - 1].lower_ in ("between", "from"):
            begin -= 1
        for phrase in sorted(self.lex.qualifiers, key=len, reverse=True):
            n = len(phrase)
            k = begin - n
            if k < sent_start:
                continue
            if tuple(t.lower_ for t in doc[k:begin]) == phrase:
                figure.qualifier = doc[k:begin].text
                figure.approximate = True
                figure.start = k
                return
        j = figure.end
        for phrase in self.lex.trailing_qualifiers:
            n = len(phrase)
            if j + n <= sent_end and tuple(t.lower_.lstrip("-") for t in doc[j:j + n]) == phrase:
                figure.qualifier = doc[j:j + n].text.lstrip("-")
                figure.approximate = True


# ---------------------------------------------------------------- who claims a figure


class Attribution:
    """Finds who claims a figure, from the statement it is part of.

    In this order: the owner of a claim noun the figure is counted "by", or the source of a
    report relayed as a clause; the statement (``doc._.quotes``) whose span covers the figure
    (unless its cue is an act on the figure, or names its own words elsewhere, or it is an
    "according to X" stretched over another clause); the name right after the closing mark
    of quoted words no statement covers; the source of an "according to X" phrase of the
    figure's clause; the subject of a reporting verb the figure hangs from ("the air force
    said it had shot down 112 of them", "the Archive estimates the crowd at ..."); a bare
    reporting clause after the figure. A figure in a relative clause on a noun set off by a
    comma ("Essequibo, a region that makes up two-thirds of ...") is the writer's. Else
    nobody: the article's own figure.

    Returns ``(actor_id, name)``: the name as the text gives it is kept also when the
    speaker resolves to no actor ("EU sources"); a bare group noun that heads one of the KB
    names of an actor of the article ("peacekeepers": "UN peacekeepers in Lebanon") is that
    actor.
    """

    # Dependents left out of a subject's name: "The Archive of Public Gatherings, an
    # independent monitoring group," is named by its head phrase.
    _NAME_DROP = {"appos", "relcl", "acl", "punct", "advcl", "cc", "conj"}

    def __init__(self, lexicon: ClaimLexicon):
        self.lex = lexicon
        self.pronouns: Optional["PronounClaimants"] = None  # set per Doc by ClaimExtractor.extract
        self.actors: dict = {}  # the Doc's actors by id, set per Doc by ClaimExtractor.extract

    def claimant(self, figure: "Figure", sent: Span, quotes: Sequence[Quote], mentions) -> tuple[Optional[str], Optional[str]]:
        actor_id, name = self._claimant(figure, sent, quotes, mentions)
        if actor_id is None and name:
            group = _group_actor(name, tuple(dict.fromkeys(m.actor_id for m in mentions)))
            if group is not None:
                return group, None  # "peacekeepers" -> the article's UN peacekeeping force
        return actor_id, name

    def _claimant(self, figure: "Figure", sent: Span, quotes: Sequence[Quote], mentions) -> tuple[Optional[str], Optional[str]]:
        doc = sent.doc
        start = doc[figure.start].idx
        end = doc[figure.end - 1].idx + len(doc[figure.end - 1].text)
        found = self._by_own_count(figure, sent, mentions) or self._relayed_report(figure, sent, mentions)
        if found is not None:
            return found
        for quote in quotes:
            if quote.span[0] < end and start < quote.span[1] and not self._object_of_act(figure, quote, sent) \
                    and not self._beyond_according(figure, quote, sent) and not self._cue_names_other(figure, quote, sent) \
                    and not (quote.kind == "indirect" and _in_description(figure)):
                return self._within_statement(figure, quote, sent, mentions)
        found = self._quoted_before_name(figure, sent, mentions)
        if found is not None:
            return found
        found = self._according_to(figure, sent, mentions)
        if found is not None:
            return found
        if _in_description(figure):
            return None, None  # the writer's description of a name, whoever speaks around it
        # A verb of saying the figure's own clause hangs from ("the ministry's data show 3,400
        # homes were destroyed, while the rebels claim ...") comes before any other statement
        # of the sentence.
        found = self._reporting_subject(figure, sent, mentions)
        if found != (None, None):
            return found
        found = self._relative_reporter(figure, sent, mentions)
        if found is not None:
            return found
        return self._trailing_reporter(figure, sent, mentions)

    def _relative_reporter(self, figure: "Figure", sent: Span, mentions) -> Optional[tuple[Optional[str], Optional[str]]]:
        """"shootings that police said left 31 people dead", "the strike, which officials say
        killed 12": a verb of saying inside a relative clause, with the clause it reports
        right after it. The parser often hangs that clause elsewhere, so the test is the word
        order: the reported verb follows the verb of saying at once and governs the figure."""
        doc = sent.doc
        node = figure.noun or figure.anchor
        for verb in sent:
            if verb.i >= figure.start or verb.dep_ != "relcl" or verb.lemma_.lower() not in self.lex.claim_verbs \
                    or self._negated(verb) or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
                continue
            reported = doc[verb.i + 1] if verb.i + 1 < sent.end else None
            if reported is None or reported.pos_ not in _VERB_POS or node is None \
                    or not (reported.i == node.i or reported.is_ancestor(node)):
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
            if subject is not None and subject.lower_ not in ("it", "this", "that", "which", "who"):
                return self._name_of(self._source_of_claim_noun(subject), mentions)
        return None

    def _within_statement(self, figure: "Figure", quote: Quote, sent: Span, mentions) -> tuple[Optional[str], Optional[str]]:
        """The claimant of a figure inside a statement: its speaker, unless the statement
        relays someone else's report inside it ("the juntas counter that Ivorian officials put
        the losses at ...", "the ministry said the agency estimated ..."), or the speaker is
        only a named document of an actor ("according to the agency's monitoring matrix")."""
        nested = self._reporting_subject(figure, sent, mentions, within=quote.span)
        if nested[0] is not None and not self._sources_own_clause(figure, quote, sent):
            return nested
        if quote.speaker.actor_id is None and (quote.cue or "").lower() in self.lex.source_prepositions:
            found = self._according_to(figure, sent, mentions)
            if found is not None and found[0] is not None:
                return found
        return quote.speaker.actor_id, self._speaker_body_name(quote, sent) or quote.speaker.name

    def _speaker_body_name(self, quote: Quote, sent: Span) -> Optional[str]:
        """The name of the body a statement comes from when its speaker's mention only names
        the body's owner ("the health ministry of the ... Government of National Unity (GNU)
        said", "according to the Ukrainian Geological Survey") or leaves out the owner that
        makes the body a national one ("The Kenya Red Cross says"): the body claims the figure.
        The speaker's actor is kept; only the name as written is the body's."""
        speaker = quote.speaker
        if speaker.actor_id is None or speaker.span is None:
            return None
        mention = sent.doc.char_span(speaker.span[0], speaker.span[1], alignment_mode="expand")
        if mention is None:
            return None
        body = self._body_owned_by(mention)
        return self._body_phrase(body) if body is not None else None

    def _body_owned_by(self, mention: Span) -> Optional[Token]:
        """The head of the body's name around ``mention``: the noun the owner hangs on by "of"
        or as a modifier, or the mention's own head when a country word before it is left out
        of the mention."""
        node = mention.root
        while node.dep_ == "appos" and node.head.i != node.i:
            node = node.head  # "(GNU)" in apposition to the name it shortens, or to the body
        if node.i != mention.root.i and self._is_body_head(node):
            return node  # "the health ministry of the ... Government (GNU)", the acronym hung on "ministry"
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.dep_ == "prep":
            return node.head.head
        if node.dep_ in ("amod", "compound", "nmod", "poss") and node.head.i > node.i:
            body = node.head
            while body.dep_ == "compound" and body.head.i > body.i:
                body = body.head  # "Ukrainian" -> "Geological" -> "Survey"
            return body
        if any(c.dep_ in ("compound", "amod") and c.i < mention.start and c.text[:1].isupper() for c in node.children):
            return node  # "The Kenya Red Cross": "Red Cross" alone is another body
        return None

    def _is_body_head(self, token: Token) -> bool:
        """Whether ``token`` ends a body's name: "ministry", "customs", "Survey" (a claim noun
        names a body only capitalised, "the Geological Survey", not "a survey")."""
        word = token.lower_
        if token.pos_ not in ("NOUN", "PROPN") or word not in self.lex.owned_body_heads:
            return False
        return word not in self.lex.claim_nouns or token.text[:1].isupper()

    def _body_phrase(self, body: Token) -> Optional[str]:
        """The body's name as written: its head with the words before it ("The health
        ministry", "the Ukrainian Geological Survey"), none of its complements."""
        if not self._is_body_head(body):
            return None
        start = body.left_edge.i
        while start < body.i and body.doc[start].is_punct:
            start += 1
        return body.doc[start:body.i + 1].text

    def _sources_own_clause(self, figure: "Figure", quote: Quote, sent: Span) -> bool:
        """Whether an "according to X" statement hangs on the very clause that holds the
        figure: in "Ecuador recorded 9,200 homicides, according to figures from the police"
        the police count them, not the subject of "recorded"."""
        if (quote.cue or "").lower() not in self.lex.source_prepositions or quote.cue_span is None:
            return False
        according = next((t for t in sent if t.idx == quote.cue_span[0]), None)
        verb = self._clause_verb(figure, sent)
        return according is not None and verb is not None and verb.i == according.head.i

    def _beyond_according(self, figure: "Figure", quote: Quote, sent: Span) -> bool:
        """Whether an "according to X" statement was stretched over a figure it does not source:
        the phrase sources the clause it hangs on, not a clause joined after it ("Trade was worth
        $5bn, according to the bank, and the new 0.5% levy has hit exporters")."""
        if (quote.cue or "").lower() not in self.lex.source_prepositions:
            return False
        according = next((t for t in sent if t.lower_ in self.lex.source_prepositions
                          and quote.cue_span is not None and t.idx == quote.cue_span[0]), None)
        if according is None:
            according = next((t for t in sent if t.lower_ in self.lex.source_prepositions), None)
        return according is not None and (self._after_according(figure, according)
                                          or self._before_according(figure, according))

    @staticmethod
    def _after_according(figure: "Figure", according: Token) -> bool:
        """Whether the figure sits in a clause coordinated after the one "according" hangs on
        (a clause of its own: a verb with its own subject). A phrase set before its clause
        ("According to the UN, 1,400 were killed and thousands more were injured") sources
        the whole sentence that follows it."""
        clause = according.head
        if according.i < clause.i and _opens_sentence(according):
            return False
        for conj in clause.children:
            if conj.dep_ == "conj" and conj.i > according.i and conj.pos_ in _VERB_POS \
                    and any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children) \
                    and conj.left_edge.i <= figure.start <= conj.right_edge.i:
                return True
        return False

    @staticmethod
    def _before_according(figure: "Figure", according: Token) -> bool:
        """Whether "according to X" closes the last of a list of coordinated clauses and the
        figure is in an earlier one: in "Inflation is up, the currency has lost a third of its
        value, and emigration is rising, according to aid groups", X sources the clause it hangs
        on. Two clauses joined by "and" are one report ("About 630,000 people have fled and
        1,800 schools remain shut, according to OCHA"): X sources both."""
        clause = according.head
        if clause.dep_ != "conj" or clause.pos_ not in _VERB_POS or according.i < clause.i \
                or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) \
                or not _clauses_before(clause.head):
            return False
        node = figure.noun or figure.anchor
        return node is not None and not clause.is_ancestor(node) and clause.head.is_ancestor(node) \
            and figure.end <= clause.left_edge.i

    def _trailing_reporter(self, figure: "Figure", sent: Span, mentions) -> tuple[Optional[str], Optional[str]]:
        """A bare reporting clause set off by a comma after the figure ("... detained nine UN
        employees, the UN says, ..."; "... 10% tariffs, the minister said on Thursday."): its
        subject claims what came before it, however the parser attached it."""
        doc = sent.doc
        for verb in sent:
            if verb.i <= figure.end or verb.pos_ not in _VERB_POS or verb.lemma_.lower() not in self.lex.claim_verbs:
                continue
            if self._negated(verb) or any(self._is_content(verb, c) for c in verb.children):
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
            if subject is None or subject.pos_ == "PRON" or subject.left_edge.i <= figure.end:
                continue
            before = doc[subject.left_edge.i - 1]
            if before.text not in (",", "—", "–") or verb.is_ancestor(figure.anchor or doc[figure.start]):
                continue
            return self._name_of(self._source_of_claim_noun(subject), mentions)
        return None, None

    # A reporting verb with one of these dependents reports its own content, not the clause before it.
    _CONTENT_DEPS = ("ccomp", "dobj", "xcomp", "advcl", "oprd")

    def _is_content(self, verb: Token, child: Token) -> bool:
        """Whether a dependent of a reporting verb is what it reports. Not the person told
        ("police told AFP") nor a clause of circumstance ("..., as the two sides traded blame")."""
        if child.dep_ not in self._CONTENT_DEPS:
            return False
        if child.dep_ == "dobj" and verb.lemma_.lower() in self.lex.addressee_verbs:
            return False
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.lex.circumstance_marks
                                         for c in child.children):
            return False
        return True

    def _cue_names_other(self, figure: "Figure", quote: Quote, sent: Span) -> bool:
        """Whether the statement's cue names its own content apart from the figure: in "leaders
        agreed to spend 5%, a goal Rutte called 'a quantum leap'", Rutte's words are the phrase
        after "called", not the clause before it."""
        cue = (quote.cue or "").lower()
        for token in sent:
            if token.lower_ == cue and token.pos_ in _VERB_POS:
                for child in token.children:
                    if child.dep_ == "oprd" and not child.left_edge.i <= figure.start <= child.right_edge.i:
                        return True
        return False

    @staticmethod
    def _quoted_before_name(figure: "Figure", sent: Span, mentions) -> Optional[tuple[Optional[str], Optional[str]]]:
        """A figure inside quotation marks that no statement covers, closed by a comma and a name:
        '"Two of our crew were hurt," Commodore Jane Doe, the navy spokeswoman, posts on X.' The
        news convention names the speaker right after the quoted words, whatever the verb."""
        doc = sent.doc
        opened = any(t.text in QUOTE_OPENINGS for t in doc[sent.start:figure.start])
        if not opened:
            return None
        close = next((t.i for t in doc[figure.end:sent.end] if t.text in QUOTE_CLOSINGS), None)
        if close is None or close + 1 >= sent.end:
            return None
        k = close + 1
        while k < sent.end and doc[k].is_punct and doc[k].text not in QUOTE_OPENINGS:
            k += 1
        # a title may stand before the name: "Commodore Jane Doe"
        first = k
        while k < sent.end and k - first < 3 and doc[k].pos_ == "PROPN" and not any(m.token_start == k for m in mentions):
            k += 1
        mention = next((m for m in mentions if m.token_start == k), None)
        if mention is None or doc[k].pos_ != "PROPN":
            return None
        return mention.actor_id, doc[first:mention.token_end].text

    def _by_own_count(self, figure: "Figure", sent: Span, mentions) -> Optional[tuple[Optional[str], Optional[str]]]:
        """"which raised 28 billion francs by their own count", "enough, by the agency's
        yardstick, for ten weapons": a claim noun with an owner, hung by "by" on the figure's
        clause, names who counts. A possessive pronoun is the subject of the reporting verb
        above ("the juntas counter that the levy, which raised ... by their own count")."""
        verb = self._clause_verb(figure, sent)
        if verb is None:
            return None
        for prep in verb.children:
            if prep.dep_ not in ("prep", "agent") or prep.lower_ != "by":
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or noun.lower_ not in self.lex.claim_nouns:
                    continue
                owner = next((c for c in noun.children if c.dep_ == "poss"), None)
                if owner is None:
                    continue
                if owner.pos_ != "PRON":
                    found = self._name_of(owner, mentions)
                    return found if found[0] is not None else None
                return self._reporter_above(verb, mentions)
        return None

    def _relayed_report(self, figure: "Figure", sent: Span, mentions) -> Optional[tuple[Optional[str], Optional[str]]]:
        """"The Union notes reports by the police that 30 armed men took part": a clause that
        is the content of a claim noun with a source is that source's claim, whoever relays it.
        The parser may hang the clause on the verb instead of the noun; the noun then ends
        right where the clause begins."""
        clause = self._clause_verb(figure, sent)
        while clause is not None and clause.dep_ == "conj" and clause.head.pos_ in _VERB_POS:
            clause = clause.head  # "... that 30 men took part and that 14 launchers were seized"
        if clause is None or clause.dep_ not in ("ccomp", "acl"):
            return None
        top = clause.head
        if top.lower_ in self.lex.claim_nouns:
            nouns = [top]
        else:
            nouns = [t for t in top.subtree if t.lower_ in self.lex.claim_nouns and t.pos_ == "NOUN"
                     and t.right_edge.i + 1 == clause.left_edge.i]
        for noun in nouns:
            owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
            source = owner if owner is not None else self._source_of_claim_noun(noun)
            if source is not noun:
                return self._name_of(source, mentions)
        return None

    def _reporter_above(self, verb: Token, mentions) -> Optional[tuple[Optional[str], Optional[str]]]:
        """The subject of the nearest reporting verb above ``verb`` (the verb itself excluded)."""
        node = verb
        while node.head.i != node.i:
            node = node.head
            if node.pos_ in _VERB_POS and node.lemma_.lower() in self.lex.claim_verbs:
                subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.pos_ != "PRON":
                    return self._name_of(subject, mentions)
                return None
        return None

    @staticmethod
    def _clause_verb(figure: "Figure", sent: Span) -> Optional[Token]:
        node = figure.noun or figure.anchor
        while node is not None and node.head.i != node.i and sent.start <= node.head.i < sent.end:
            node = node.head
            if node.pos_ in _VERB_POS:
                return node
        return None

    @staticmethod
    def _negated(token: Token) -> bool:
        return any(child.dep_ == "neg" for child in token.children)

    def _object_of_act(self, figure: "Figure", quote: Quote, sent: Span) -> bool:
        """Whether the figure is the object of an act the statement's cue reports rather than
        words someone said: "Moldova ordered three Russian diplomats to leave", and for cues
        that are acts, their complement: "ordered Russia to cut its staff to 25 diplomats"."""
        cue = (quote.cue or "").lower()
        for token in sent:
            if token.lower_ == cue and token.pos_ in _VERB_POS:
                is_act = token.lemma_.lower() in self.lex.act_cues
                acts = ("dobj", "xcomp", "ccomp") if is_act else ("dobj",)
                for child in token.children:
                    if child.dep_ in acts and child.left_edge.i <= figure.start <= child.right_edge.i \
                            and (is_act or not self._in_clause_below(figure, child)):
                        return True
        return False

    @staticmethod
    def _in_clause_below(figure: "Figure", top: Token) -> bool:
        """Whether a clause (a verb) stands between the figure and ``top``: in "accusing rich
        nations of backtracking on a pledge to mobilise $300bn" the figure is part of the
        accusation, not the person accused."""
        node = figure.noun or figure.anchor
        return node is not None and any(t.pos_ in _VERB_POS for t in _path(top, node))

    def _according_to(self, figure: "Figure", sent: Span, mentions) -> Optional[tuple[Optional[str], Optional[str]]]:
        for token in sent:
            if token.lower_ not in self.lex.source_prepositions or self._after_according(figure, token) \
                    or self._before_according(figure, token) or _in_description(figure):
                continue
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "to":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            return self._name_of(self._source_of_claim_noun(pobj), mentions)
        return None

    def _reporting_subject(self, figure: "Figure", sent: Span, mentions,
                           within: Optional[tuple[int, int]] = None) -> tuple[Optional[str], Optional[str]]:
        """The source of the figure's clause: the subject of a verb of saying above it, or the
        source of a claim noun that is a clause's subject. ``within``: only verbs inside this
        character range count (a report relayed inside a statement), and only named subjects."""
        node = figure.noun or figure.anchor
        while node is not None and node.head.i != node.i and sent.start <= node.head.i < sent.end:
            below, node = node, node.head
            if within is not None and not within[0] <= node.idx < within[1]:
                break
            if node.pos_ in _VERB_POS:
                # "Early results released by the council gave Reyes 52%": the source of the
                # claim noun that is the clause's subject, whatever its verb; also for a figure
                # inside the subject that is not its source ("results, with 40% of sheets counted")
                for child in node.children:
                    if child.dep_ == "nsubj" and child.lower_ in self.lex.claim_nouns:
                        source = self._source_of_claim_noun(child)
                        if source is not child and not source.left_edge.i <= figure.start <= source.right_edge.i:
                            return self._name_of(source, mentions)
            if node.pos_ in _VERB_POS and node.lemma_.lower() in self.lex.claim_verbs and not self._negated(node):
                if self._narrated_aside(below) or self._joined_to_saying(below):
                    return None, None
                for child in _subjects_nearest_first(node):
                    if child.lower_ == "it" and within is None and below.dep_ != "dobj" \
                            and not child.left_edge.i <= figure.start <= child.right_edge.i:
                        found = self._body_it(child)
                        if found is not None:
                            return found
                    if child.lower_ not in ("it", "this", "that") \
                            and not (within is not None and child.pos_ == "PRON") \
                            and not child.left_edge.i <= figure.start <= child.right_edge.i:
                        return self._name_of(self._source_of_claim_noun(child), mentions)
                for agent in (c for c in node.children if c.dep_ == "agent"):
                    # "The crowd was estimated at 50,000 by police"
                    for pobj in agent.children:
                        if pobj.dep_ == "pobj" and pobj.lower_ not in self.lex.claim_nouns:
                            return self._name_of(pobj, mentions)
        return None, None

    def _body_it(self, pronoun: Token) -> Optional[tuple[Optional[str], Optional[str]]]:
        """"it" as the active subject of a verb of saying stands for a body named before ("The
        IOM estimated ...; it now says roughly 600,000 remain displaced", "the troops, which it
        puts at 40,000"): the body coreference finds. Not a passive "it" ("it is estimated
        that ..."), one coreference ties to no actor or to a person, nor one inside a report
        whose speaker is named above it. A figure that is the verb's object ("It announces
        EUR 2 million in aid") is an act, not a report (the caller's test)."""
        verb = pronoun.head
        if pronoun.dep_ != "nsubj" or self.pronouns is None:
            return None
        if verb.dep_ in ("ccomp", "xcomp", "conj") and verb.head.lemma_.lower() in self.lex.claim_verbs:
            return None  # "Amnesty says it has recorded 29 killings": the speaker above is "it"
        found = self.pronouns.resolve(pronoun)
        if found is None or found[0] is None:
            return None
        actor = self.actors.get(found[0])
        return found if actor is not None and actor.type != "person" else None

    @staticmethod
    def _joined_to_saying(clause: Token) -> bool:
        """Whether a clause with its own subject is joined to the verb of saying by "and"
        rather than said by it: in "He has said operations will continue, and his government
        plans to spend 12 trillion rupiah" the second clause is the writer's."""
        return clause.dep_ == "conj" and clause.pos_ in _VERB_POS \
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)

    def _narrated_aside(self, clause: Token) -> bool:
        """Whether a clause hung on a verb of saying is the writer's aside rather than what was
        said: "..., he said, referring to the war that killed 600,000", "she said as crowds of
        thousands gathered". A participle of saying ("adding that ...") is no aside."""
        if clause.tag_ in ("VBN", "VBD") and not any(c.dep_.startswith("nsubj") for c in clause.children) \
                and clause.doc[clause.left_edge.i - 1].text not in (",", "—", "–"):
            # "officials put the sum still blocked at €18bn": a participle on the object (often
            # tagged as a past tense); a clause of its own has a subject
            return False
        return clause.dep_ in ("advcl", "acl", "relcl") and clause.pos_ in _VERB_POS \
            and clause.lemma_.lower() not in self.lex.claim_verbs

    def _source_of_claim_noun(self, subject: Token) -> Token:
        """Who stands behind a subject that is a claim noun: "Data from the monitoring group
        show ..." is the group's claim; any other subject is its own source."""
        if subject.lower_ not in self.lex.claim_nouns:
            return subject
        # "data from X", "figures by X", and "results released by X" (a participle's agent);
        # a tally "from" names its cause, not its source ("the death toll from the earthquake")
        sources = ("by",) if subject.lower_ in self.lex.tally_nouns else ("from", "by", "of")
        heads = [subject] + [c for c in subject.children if c.dep_ == "acl" and c.tag_ == "VBN"
                             and c.lemma_.lower() in self.lex.source_participles]  # not "forced ... by violence"
        for head in heads:
            for prep in head.children:
                if prep.dep_ in ("prep", "agent") and prep.lower_ in sources:
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and pobj.pos_ in ("PROPN", "NOUN"):
                            return pobj
        return subject

    def _name_of(self, head: Token, mentions) -> tuple[Optional[str], Optional[str]]:
        """The actor mentioned in the phrase headed by ``head`` and the phrase's own words; a
        personal pronoun ("She put the toll at 52") is the speaker coreference gives it."""
        doc = head.doc
        if head.pos_ == "PRON" and self.pronouns is not None:
            found = self.pronouns.resolve(head)
            if found is not None:
                return found
        dropped = {t.i for child in head.children
                   if (child.dep_ in self._NAME_DROP and not _name_after_title(head, child)) or _is_time_phrase(child)
                   for t in child.subtree}
        kept = [t for t in head.subtree if t.i not in dropped]
        # "Doctors at Goma's main hospital, contacted by AFP": the name ends at a comma
        comma = next((t.i for t in kept if t.i > head.i and t.text == ","), None)
        if comma is not None:
            kept = [t for t in kept if t.i < comma]
        first, last = kept[0], kept[-1]
        actor = self._speaker_over(mentions, first.idx, last.idx + len(last.text))
        name = doc[first.i:last.i + 1].text
        if actor is not None:
            name = self._owned_body_name(head, first, mentions) or name
        return actor, name

    def _owned_body_name(self, head: Token, first: Token, mentions) -> Optional[str]:
        """The name of a body its owner qualifies, without the owner's complement or the claim
        noun after it: "The health ministry" of "The health ministry of the GNU",
        "Algerian customs" of "Algerian customs figures". A complement that names no actor
        is part of the name ("the Ministry of Defence")."""
        doc = head.doc
        if head.lower_ in self.lex.claim_nouns:
            body = doc[head.i - 1] if head.i > first.i else None
            if body is not None and body.dep_ == "compound" and body.head.i == head.i and self._is_body_head(body):
                return doc[first.i:head.i].text
            return None
        if not self._is_body_head(head):
            return None
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i > head.i:
                owner = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if owner is not None and any(m.start <= owner.idx < m.end for m in mentions):
                    return doc[first.i:head.i + 1].text
        return None


    def _speaker_over(self, mentions, start: int, end: int) -> Optional[str]:
        """The actor a claimant phrase names: as for quote speakers (``coref.TYPE_RANK``), a
        person before an organisation before a country, so that "Taliban government spokesman
        Zabihullah Mujahid" is Mujahid; the first mention on a tie."""
        from .coref import TYPE_RANK

        found = [m.actor_id for m in mentions if m.start < end and start < m.end]
        if not found:
            return None

        def rank(actor_id: str) -> int:
            actor = self.actors.get(actor_id)
            return TYPE_RANK.get(actor.type, 4) if actor is not None else 4

        return min(found, key=rank)


class PronounClaimants:
    """Who a pronoun that claims a figure outside any statement stands for ("Health Minister
    Maria Costa visited the hospital. She put the death toll at 52."): the quotes' speaker
    coreference (``coref.py``: the previous statement's speaker, the subject before, ...),
    built for the Doc only when a pronoun claimant is met. A pronoun coreference cannot
    resolve to an actor or a described speaker stays as written."""

    def __init__(self, doc: Doc, resolved, quotes: Sequence[Quote]):
        self.doc, self.resolved, self.quotes = doc, resolved, quotes
        self._resolver = None

    def resolve(self, pronoun: Token) -> Optional[tuple[Optional[str], Optional[str]]]:
        if pronoun.lower_ not in self._words():
            return None
        before = [q for q in self.quotes if q.span[0] < pronoun.idx and q.speaker.actor_id]
        previous = before[-1].speaker.actor_id if before else None
        found = self._coref().resolve_pronoun(pronoun, previous if previous in self.resolved.actors else None)
        if found.actor_id is None and (found.name or "").lower() == pronoun.lower_:
            return None
        return found.actor_id, found.name

    @staticmethod
    def _words() -> frozenset[str]:
        from .coref import GROUP_PRONOUNS, PERSON_PRONOUNS

        return frozenset(PERSON_PRONOUNS | GROUP_PRONOUNS)

    def _coref(self):
        if self._resolver is None:
            from ..kb import load_kb
            from .coref import SpeakerResolver
            from .quotemarks import find_quoted_spans

            kb = load_kb()
            titles = dict(sorted((kb.agents.get("titles") or {}).items()))
            quoted = [(q.start, q.end) for q in find_quoted_spans(text_of(self.doc))]
            self._resolver = SpeakerResolver(self.doc, self.resolved, quoted, titles, kb, self.doc._.published)
        return self._resolver


# ---------------------------------------------------------------- claims


class ClaimExtractor:
    """Turns the figures of a parsed Doc into :class:`~parley.model.Claim` records.

    Args:
        lexicon: the word lists (``load_claim_lexicon()`` by default).
    """

    def __init__(self, lexicon: Optional[ClaimLexicon] = None):
        self.lex = lexicon or load_claim_lexicon()
        self.reader = FigureReader(self.lex)
        self.attribution = Attribution(self.lex)

    def extract(self, doc: Doc, resolved_actors=None, quotes: Sequence[Quote] = (),
                dates: Sequence[DateRef] = (), published: Optional[dt.date] = None) -> list[Claim]:
        """Every claim of ``doc``, in text order (see the module docstring)."""
        mentions = list(resolved_actors.mentions) if resolved_actors is not None else []
        actors = resolved_actors.actors if resolved_actors is not None else {}
        self.attribution.pronouns = PronounClaimants(doc, resolved_actors, quotes) if resolved_actors is not None else None
        self.attribution.actors = actors
        claims: list[Claim] = []
        recent: list[tuple[int, Claim]] = []  # (sentence number, claim) incl. restatements
        seen: dict[tuple, int] = {}  # claim key -> index in claims
        # The first line of a multi-line text is the headline: a figure it restates from the
        # body is cited from the body, where its claimant and context are.
        headline_end = text_of(doc).find("\n")
        for sent_no, sent in enumerate(sentences(doc)):
            sent_claims: list[tuple[Figure, Claim]] = []
            for figure in self.reader.figures(sent):
                if self._in_entry_heading(doc, doc[figure.start].idx):
                    continue  # "10:15 GMT – Thousands flee border villages": the entry below tells it
                if not self._is_count(doc, figure, sent):
                    continue
                figure.noun = self._counted_noun(doc, figure, sent)
                if figure.noun is not None and figure.noun.lower_ in self.lex.not_units:
                    continue
                if figure.noun is not None and figure.noun.lower_ in self.lex.currency_words:
                    figure.unit = self.lex.currency_words[figure.noun.lower_]  # "millions of euros"
                unit = figure.unit or (figure.noun.lower_ if figure.noun is not None else None)
                category = self._category(figure)
                if category is None:
                    unit, category = self._hyphen_count(doc, figure, sent) or (unit, None)
                if category is None and figure.noun is None:
                    unit, category = self._set_to(figure) or self._elided(doc, figure, sent_claims)
                if category is None and figure.noun is None and self._bare_subject(doc, figure):
                    category = "other"  # "Nearly 2,000 have crossed into Chad"
                if category is None:
                    continue
                claim_noun_owner = self._claim_noun_owner(figure, mentions)
                if claim_noun_owner:
                    claimant, claimant_name = claim_noun_owner, None
                else:
                    claimant, claimant_name = self.attribution.claimant(figure, sent, quotes, mentions)
                subject = self._subject(figure, sent, mentions, actors, claimant, unit, recent, sent_no)
                span = self._char_span(doc, figure)
                claim = Claim(
                    claimant=claimant, value=figure.value, low=figure.low, high=figure.high, unit=unit,
                    category=category, approximate=figure.approximate, subject=subject, span=span,
                    date=self._date(sent, dates, published), qualifier=figure.qualifier,
                    claimant_name=claimant_name or _actor_name(actors, claimant),
                )
                recent.append((sent_no, claim))
                sent_claims.append((figure, claim))
                key = (claimant, figure.value, figure.low, figure.high, unit)
                if key in seen:
                    earlier = seen[key]
                    if claims[earlier].span[1] <= headline_end:
                        claims[earlier] = claim
                    continue  # "Trump's figure of 400,000 ..." restates a claim already reported
                seen[key] = len(claims)
                claims.append(claim)
        return claims

    def _in_entry_heading(self, doc: Doc, char: int) -> bool:
        """Whether a character is on the heading line of a live-blog entry: a time stamp, a dash
        and a few words with no closing stop. Its figure is a headline the entry restates."""
        pattern = self.lex.entry_heading
        if pattern is None:
            return False
        text = text_of(doc)
        start = text.rfind("\n", 0, char) + 1
        end = text.find("\n", char)
        line = text[start:end if end >= 0 else len(text)].strip()
        return bool(pattern.match(line)) and line[-1:] not in ".!?\"”’'"

    def _hyphen_count(self, doc: Doc, figure: Figure, sent: Span) -> Optional[tuple[Optional[str], str]]:
        """"a 5,000-strong joint force", "the 101-seat parliament": a count written as a
        hyphenated modifier. Widens the figure over the compound; returns (unit, "other")."""
        k = figure.end
        if figure.unit is not None or figure.value is None or k + 1 >= sent.end:
            return None
        hyphen, word = doc[k], doc[k + 1]
        if hyphen.text not in _HYPHENS or doc[k - 1].whitespace_ or hyphen.whitespace_ \
                or word.lower_ not in self.lex.hyphen_units or figure.value < self.lex.plural_count_min:
            return None
        unit = self.lex.hyphen_units[word.lower_]
        if unit is None:
            described = _compound_head(word.head) if word.head.pos_ in ("NOUN", "PROPN") else None
            unit = described.lower_ if described is not None else None
        figure.end = k + 2
        return unit, "other"

    def _elided(self, doc: Doc, figure: Figure, sent_claims) -> tuple[Optional[str], Optional[str]]:
        """"6.2 million votes against 2.7 million for Maduro": a bare figure joined to the
        claim just before it counts the same unit."""
        if not sent_claims:
            return None, None
        before, claim = sent_claims[-1]
        last = before.noun.i + 1 if before.noun is not None and before.noun.i >= before.end else before.end
        gap = [t.lower_ for t in doc[last:figure.start]]
        if 1 <= len(gap) <= 2 and all(w in self.lex.ellipsis_links for w in gap) and claim.unit:
            return claim.unit, claim.category
        # "launched 147 drones, of which 97 were shot down": a part of the things just counted
        relative = [t.lower_ for t in doc[max(last, figure.start - 2):figure.start]]
        if relative[-2:] in (["of", "which"], ["of", "whom"]) and claim.unit:
            return claim.unit, "other"
        # "fell to 1.4 million barrels a day from 1.8 million in the summer", "shelters built for
        # 2,000 children now house more than 5,500": a bare figure later in the sentence of a
        # count of things names the same things again (not a share or a sum, which carry their
        # sign; not small numbers, which are mostly pronouns: "six were appointed")
        if claim.unit and claim.unit in self.lex.unit_group or _is_plural_noun_unit(claim.unit, before):
            if not figure.vague and (figure.value or 0) >= self.lex.plural_count_min \
                    and self._bare_argument(doc, figure):
                return claim.unit, claim.category
        return None, None

    def _in_ratio(self, doc: Doc, figure: Figure) -> bool:
        """"eight out of 10", "one in 10", "nine of 10 limes": a number joined to another by a
        ratio word."""
        def number(k: int) -> bool:
            return 0 <= k < len(doc) and (doc[k].like_num or doc[k].lower_ in self.lex.number_words) \
                and doc[k].ent_type_ not in ("DATE", "TIME")  # "up from 2,200 in 2022" is no ratio

        k = figure.end
        while k < len(doc) and k < figure.end + 2 and doc[k].lower_ in self.lex.ratio_words:
            k += 1
        if k > figure.end and number(k):
            return True
        k = figure.start - 1
        while k >= 0 and k > figure.start - 3 and doc[k].lower_ in self.lex.ratio_words:
            k -= 1
        return k < figure.start - 1 and number(k)

    def _bare_subject(self, doc: Doc, figure: Figure) -> bool:
        """Whether a figure with no noun is the subject of a verb, and so counts whoever did it:
        "Nearly 2,000 have crossed into Chad", "Thousands gathered outside parliament". Not a
        pointer to known things ("The 27 agreed") nor a small number ("Two said ...")."""
        anchor = figure.anchor
        if anchor is None or figure.unit is not None or anchor.dep_ not in ("nsubj", "nsubjpass") \
                or anchor.head.pos_ not in _VERB_POS or self._in_ratio(doc, figure):
            return False
        if (figure.value or figure.low or 0) < self.lex.plural_count_min:
            return False
        before = doc[figure.start - 1] if figure.start > 0 else None
        if before is not None and before.text == "," and figure.start > 1 and doc[figure.start - 2].pos_ == "PROPN":
            return False  # "Crutcher, 40, a father of four": an age after a name
        return before is None or not (before.pos_ in ("DET", "PRON", "ADJ", "NUM") or before.tag_ in ("PRP$", "POS"))

    def _set_to(self, figure: Figure) -> Optional[tuple[Optional[str], str]]:
        """"The number of people forced from their homes has risen to more than 1.4 million",
        "doubled its daily patrols to 12": a bare figure a verb sets a tally or a plural object
        to counts what the tally counts, or the object. Returns (unit, category)."""
        anchor = figure.anchor
        if anchor is None or anchor.dep_ != "pobj" or anchor.head.lower_ != "to" or figure.value is None:
            return None
        verb = anchor.head.head
        if verb.pos_ not in _VERB_POS:
            return None
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lower_ in self.lex.tally_nouns:
                counted = next((p for prep in child.children if prep.dep_ == "prep" and prep.lower_ == "of"
                                for p in prep.children if p.dep_ == "pobj"), None)
                return (counted.lower_ if counted is not None else None), self._tally_category(verb) or "other"
        for child in verb.children:
            if child.dep_ == "dobj" and child.tag_ == "NNS" and child.lower_ not in self.lex.not_units \
                    and child.lower_ not in self.lex.enumeration_nouns and figure.value >= self.lex.plural_count_min:
                return child.lower_, self._word_category(child) or "other"
        return None

    def _bare_argument(self, doc: Doc, figure: Figure) -> bool:
        """Whether a figure with no noun stands where its noun would: an object or subject of
        its own, or the object of "from", "to", "than" on a verb ("rose to 62", "up from 2,200").
        Not a ratio ("eight out of 10", "one in 10") nor an age ("closer to 18")."""
        anchor = figure.anchor
        if anchor is None:
            return False
        if self._in_ratio(doc, figure):
            return False
        if anchor.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "appos", "conj"):
            return True
        prep = anchor.head
        return anchor.dep_ == "pobj" and prep.lower_ in self.lex.ellipsis_preps \
            and (prep.head.pos_ in _VERB_POS or prep.head.lower_ in self.lex.ellipsis_preps)

    # -- is it a count at all? ---------------------------------------------
    def _is_count(self, doc: Doc, figure: Figure, sent: Span) -> bool:
        lex = self.lex
        numbers = [t for t in doc[figure.start:figure.end] if t.like_num or _DIGITS.match(t.lower_)]
        if any(t.ent_type_ in lex.skip_entity_labels for t in numbers) and figure.unit is None:
            return False
        first = doc[figure.start]
        if figure.start > sent.start:
            before = doc[figure.start - 1]
            if before.lower_ in lex.label_nouns or before.lower_.rstrip(".") in lex.label_nouns:
                return False  # "resolution 2334"
            if before.lower_ in lex.reference_determiners and not figure.approximate \
                    and (figure.value or figure.high or 0) < lex.reference_max:
                return False  # "the three countries": a reference, not a count
            if before.lower_ in lex.rejecting_words and figure.qualifier is None:
                return False  # "with 2%, not 5%": the figure is denied, not claimed
            if before.text in _HYPHENS and not before.whitespace_ and figure.start > sent.start + 1 \
                    and doc[figure.start - 2].text[:1].isupper() and not doc[figure.start - 2].whitespace_:
                return False  # "Su-35"
        after = doc[figure.end] if figure.end < sent.end else None
        if after is not None and after.text in _HYPHENS and not first.whitespace_ and figure.end + 1 < sent.end:
            if doc[figure.end + 1].lower_ in lex.not_units:
                return False  # "45-year-old"
        if after is not None and after.lower_ == "of" and doc[figure.start].lower_ == "one" and figure.end - figure.start == 1:
            return False  # "one of the heaviest attacks"
        if any(ch in t.text for t in numbers for ch in ":/") or first.text.startswith("+"):
            return False  # times, dates and phone numbers
        if figure.unit is None and figure.value is not None and _YEAR.match(doc[figure.end - 1].text):
            noun = self._counted_noun(doc, figure, sent)
            if noun is None or noun.lower_ not in lex.unit_group:
                return False
        return True

    # -- what is counted ---------------------------------------------------
    def _counted_noun(self, doc: Doc, figure: Figure, sent: Span) -> Optional[Token]:
        """The noun the number counts: its syntactic head, the object of "of" after a vague
        plural ("thousands of people"), or a listed unit noun right after the figure."""
        lex = self.lex
        if figure.unit is not None:
            return None
        anchor = figure.anchor or doc[figure.end - 1]
        # "thousands of people", "120 of the prisoners"
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ in _NOUN_POS and pobj.pos_ != "PRON":
                        return pobj
                    if pobj.dep_ == "pobj" and pobj.pos_ == "ADJ" and self._word_category(pobj):
                        return pobj  # "three of the dead": an adjective standing for people
        head = anchor.head
        if anchor.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod") and head.pos_ in ("NOUN", "PROPN") \
                and head.i >= figure.end and sent.start <= head.i < sent.end:
            return _compound_head(head)
        estimated = self._estimated_noun(anchor)
        if estimated is not None:
            return estimated
        # "more than 200 wounded": a category word used as the noun
        if figure.end < sent.end and doc[figure.end].lower_ in lex.category_of \
                and (doc[figure.end].pos_ in ("NOUN", "ADJ") or doc[figure.end].head.i == anchor.i):
            return doc[figure.end]
        # parse errors: take the next content word when it is a listed unit
        first = figure.end + 1 if figure.vague and figure.end < sent.end and doc[figure.end].lower_ == "of" else figure.end
        for k in range(first, min(sent.end, first + 3)):
            token = doc[k]
            if token.lower_ in lex.unit_group or token.lower_ in lex.not_units or _is_demonym(token):
                return token
            if token.pos_ not in ("ADJ", "PROPN", "NOUN") or token.dep_ not in ("amod", "compound", "nmod"):
                break
        return None

    def _estimate_verb(self, anchor: Token) -> Optional[Token]:
        """The verb that puts a quantity at the figure: "estimated the crowd at 275,000",
        "Protesters, estimated by organisers at 100,000", "put it at more than 100,000"."""
        prep = anchor.head
        if anchor.dep_ != "pobj" or prep.lower_ != "at" or prep.head.lemma_.lower() not in self.lex.tally_setting_verbs:
            return None
        return prep.head

    def _estimated_noun(self, anchor: Token) -> Optional[Token]:
        """What an estimate counts: the estimating verb's object, its passive subject, or the
        noun its participle describes."""
        verb = self._estimate_verb(anchor)
        if verb is None:
            return None
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass") and child.pos_ in _NOUN_POS and child.pos_ != "PRON":
                return child
        if verb.dep_ == "acl" and verb.head.pos_ in _NOUN_POS and verb.head.pos_ != "PRON":
            return verb.head
        return None

    def _category(self, figure: Figure) -> Optional[str]:
        """The category from the unit, the noun's modifiers, the words above, the noun itself;
        "other" for a listed unit with no category word; None when it is not a claim. What is
        done to people (killed, captured, released, ...) done to things is "other": "200
        kilograms of explosives were seized", "14 launchers were captured"."""
        category = self._category_from_words(figure)
        noun = figure.noun
        if category in self.lex.people_categories and noun is not None \
                and (self.lex.unit_group.get(noun.lower_) == "materiel" or noun.lower_ in self.lex.measure_units):
            return "other"
        return category

    def _category_from_words(self, figure: Figure) -> Optional[str]:
        lex = self.lex
        if figure.unit == "percent":
            return "percent"
        if figure.unit in lex.currency_words.values() or figure.unit in lex.currency_codes.values():
            return "money"
        noun = figure.noun
        start = noun if noun is not None else (figure.anchor or None)
        if start is None:
            return None
        if noun is not None:
            for child in noun.children:
                if child.dep_ in ("amod", "compound", "acl", "relcl", "nmod") and child.i not in range(figure.start, figure.end):
                    category = self._word_category(child)
                    if category:
                        return category
        node = start
        for _ in range(MAX_CLIMB):
            if node.head.i == node.i:
                break
            below, node = node, node.head
            if self._negated(node) and below.dep_ != "nsubj":
                # "did not kill 40" denies the count; "17 million Yemenis do not have enough to
                # eat" states it and denies something else of them
                return None
            category = self._word_category(node)
            if category:
                return category
            if node.dep_ == "prep" and node.pos_ in _VERB_POS:
                # "12 people, including three children, were killed": see through "including",
                # unless the noun names its own category ("1,204 casualties, including 312 deaths")
                own = self._word_category(noun) if noun is not None else None
                if own:
                    return own
                continue
            if node.pos_ in ("NOUN", "PROPN"):
                for child in node.children:
                    if child.dep_ in ("compound", "amod"):
                        category = self._word_category(child)
                        if category:
                            return category
            if node.pos_ in _VERB_POS:
                # "The death toll rose to 87": a tally noun as the verb's subject
                category = self._tally_category(node) or self._verb_phrase_category(node, noun, below) \
                    or self._coordinated_category(node, below)
                if category:
                    return category
                break
        if noun is not None:
            category = self._word_category(noun)
            if category:
                return category
            if noun.lower_ in lex.unit_group or _is_demonym(noun) or self._counts_group_name(figure, noun):
                return "other"
            if self._counts_plural_noun(figure, noun):
                return "other"  # "more than 1,100 polling stations", "about 300 activists"
            if any(c.dep_ == "compound" and c.lower_ in lex.unit_group for c in noun.children):
                return "other"  # "25 crew members"
        anchor = figure.anchor
        if anchor is not None:
            if any(c.dep_ == "prep" and c.lower_ == "of" and any(p.lower_ in lex.back_pronouns for p in c.children)
                   for c in anchor.children) and (figure.value or 0) > 1:
                return "other"  # "112 of them"
            if anchor.dep_ in ("nsubj", "nsubjpass") and anchor.head.lemma_.lower() in lex.vote_verbs:
                return "other"  # "five including Germany voted against"
            if self._tally_of_vote(anchor):
                return "other"  # "parliament voted 170 to 12", "voted 98-3"
            head = anchor.head
            if anchor.dep_ in ("attr", "dobj", "pobj") and head.lemma_.lower() in ("be", "stand", "reach", "at"):
                verb = head.head if head.dep_ == "prep" else head
                if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in lex.claim_nouns | lex.tally_nouns
                       for c in verb.children):
                    return "other"  # "the figure is 107,000", "the tally stands at 90"
            if self._estimate_verb(anchor) is not None:
                return "other"  # "organisers put it at more than 100,000"
        after = tuple(t.lower_ for t in figure.anchor.doc[figure.end:figure.end + 2]) if figure.anchor is not None else ()
        if any(after[:len(words)] == words for words in lex.vote_words):
            return "other"  # a vote count
        return None

    def _tally_of_vote(self, anchor: Token) -> bool:
        """Whether a bare number is one side of a vote's tally: the numbers and "to" of
        "voted 170 to 12" hang from the verb of voting."""
        node = anchor
        for _ in range(MAX_CLIMB):
            if node.head.i == node.i:
                return False
            node = node.head
            if node.pos_ in _VERB_POS:
                return node.lemma_.lower() in self.lex.vote_verbs
            if not (node.like_num or node.lower_ == "to"):
                return False
        return False

    def _counts_group_name(self, figure: Figure, noun: Token) -> bool:
        """"1.1 million Rohingya", "5,000 Wagner": a number right before the name of a people or
        group (no person, place or organisation) counts its members."""
        anchor = figure.anchor
        return anchor is not None and noun.pos_ == "PROPN" and anchor.head.i == noun.i and anchor.dep_ == "nummod" \
            and noun.i == figure.end and noun.ent_type_ in ("", "NORP") \
            and (figure.value or figure.low or 0) >= self.lex.plural_count_min

    def _counts_plural_noun(self, figure: Figure, noun: Token) -> bool:
        """A number written as a count of a plural common noun it modifies directly: a claim
        whatever the noun, unless the noun measures time or distance or labels a thing."""
        anchor = figure.anchor
        counts = anchor is not None and (
            _compound_head(anchor.head).i == noun.i and anchor.dep_ in ("nummod", "quantmod", "compound")
            or noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i == anchor.i)  # "6,000 of its members"
        if not (counts and noun.tag_ == "NNS" and noun.lower_ not in self.lex.not_units
                and noun.lower_ not in self.lex.enumeration_nouns
                and noun.lemma_.lower() not in self.lex.label_nouns):
            return False
        value = figure.value or figure.low or 0
        if value >= self.lex.plural_count_min:
            return True
        return value >= self.lex.small_count_min and self._small_count_is_news(figure, noun)

    def _small_count_is_news(self, figure: Figure, noun: Token) -> bool:
        """Whether a small count ("three Russian diplomats") is news of a number rather than a
        pointer to known things or the anonymous source of a statement (see claims.yaml)."""
        doc = noun.doc
        if noun.lower_ in self.lex.small_count_nouns_excluded or figure.vague or figure.value is None:
            return False
        if figure.start > 0:
            before = doc[figure.start - 1]
            if before.pos_ in ("DET", "PRON", "ADJ", "NUM", "PART") or before.tag_ in ("PRP$", "POS") \
                    or before.lower_ in self.lex.reference_determiners or before.text in _HYPHENS:
                return False  # "the final two debates", "their two nations", "all four candidates"
        if any(c.dep_ == "appos" for c in noun.children):
            return False  # "two Vermont developers, Ariel Quiros and William Stenger": who, not how many
        if any(t.tag_ in ("JJS", "RBS") for t in doc[figure.end:noun.i]):
            return False  # "the world's two biggest polluters"
        if self._in_ratio(doc, figure):
            return False  # "one of two hurricanes"
        return not self._is_source(noun)

    def _is_source(self, noun: Token) -> bool:
        """Whether people counted are who a statement cites: "according to two diplomats", "Two
        officials at the ministry, who asked not to be named, told Reuters"."""
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ in self.lex.source_prepositions:
            return True
        return noun.dep_ == "nsubj" and head.pos_ in _VERB_POS and head.lemma_.lower() in self.lex.claim_verbs

    def _verb_phrase_category(self, verb: Token, noun: Optional[Token], below: Optional[Token] = None) -> Optional[str]:
        """The category a verb takes from its phrase: "claimed ... lives" (killed), "forced
        from their homes" (displaced), "remain in custody" (detained), and for the verb's
        object, the verb of what it is made to do: "forced some 50,000 to flee" (displaced)."""
        if noun is not None and noun.lower_ in ("lives", "life") and verb.lemma_.lower() in self.lex.life_verbs:
            return "killed"
        if below is not None and below.dep_ == "dobj":
            for child in verb.children:
                if child.dep_ == "xcomp" and child.pos_ in _VERB_POS:
                    category = self._word_category(child)
                    if category:
                        return category
        for prep in verb.children:
            if prep.dep_ != "prep":
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                if prep.lower_ == "from" and pobj.lower_ in self.lex.home_nouns:
                    return "displaced"
                category = self._word_category(pobj)
                if category in ("detained", "captured"):
                    return category
                if category == "wounded" and prep.lower_ == "with" and below is not None and below.dep_ == "dobj":
                    return category  # "left one man with stab wounds"
        return None

    def _coordinated_category(self, verb: Token, below: Token) -> Optional[str]:
        """For the verb's subject, the category of a verb coordinated with it: "1.2 million
        Afghans have returned or been expelled" (displaced)."""
        if below.dep_ not in ("nsubj", "nsubjpass"):
            return None
        for child in verb.children:
            if child.dep_ == "conj" and child.pos_ in _VERB_POS \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                category = self._word_category(child)
                if category:
                    return category
        return None

    def _tally_category(self, verb: Token) -> Optional[str]:
        """The category of a tally noun the verb reports: its subject ("the death toll rose to
        87") or, for a verb that sets a tally, its object ("puts the death toll at 48,000")."""
        sets_tally = verb.lemma_.lower() in self.lex.tally_setting_verbs
        for child in verb.children:
            if (child.dep_ in ("nsubj", "nsubjpass") or child.dep_ == "dobj" and sets_tally) \
                    and child.lower_ in self.lex.tally_nouns:
                for mod in child.subtree:
                    if mod is not child:
                        category = self._word_category(mod)
                        if category:
                            return category
                for mod in child.subtree:
                    # "the number of people forced from their homes"
                    if mod is not child and mod.pos_ in _VERB_POS:
                        category = self._verb_phrase_category(mod, None)
                        if category:
                            return category
        return None

    def _word_category(self, token: Token) -> Optional[str]:
        lex = self.lex
        if token.pos_ in _VERB_POS:
            particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
            if particle and f"{token.lemma_.lower()} {particle}" in lex.category_of:
                return lex.category_of[f"{token.lemma_.lower()} {particle}"]  # "rounded up"
        elif token.lower_ in lex.verb_only_words or token.lemma_.lower() in lex.verb_only_words:
            return None  # "free travel", "visa-free": not a release
        if token.i > 0 and token.doc[token.i - 1].text in _HYPHENS and not token.doc[token.i - 1].whitespace_:
            return None  # the second half of a compound word: "visa-free", "tax-free"
        return lex.category_of.get(token.lower_) or lex.category_of.get(token.lemma_.lower())

    @staticmethod
    def _negated(token: Token) -> bool:
        return any(child.dep_ == "neg" for child in token.children)

    # -- who claims it, about whom, when -----------------------------------
    def _claim_noun_owner(self, figure: Figure, mentions) -> Optional[str]:
        """"Trump's figure of 400,000": the possessor of a claim noun above the figure."""
        node = figure.noun or figure.anchor
        for _ in range(MAX_CLIMB):
            if node is None or node.head.i == node.i:
                return None
            node = node.head
            if node.pos_ in _VERB_POS:
                return None
            if node.lower_ in self.lex.claim_nouns:
                for child in node.children:
                    if child.dep_ == "poss":
                        return _actor_over(mentions, child.idx, child.idx + len(child.text))
        return None

    def _subject(self, figure: Figure, sent: Span, mentions, actors, claimant, unit, recent, sent_no) -> Optional[str]:
        noun = figure.noun
        doc = sent.doc
        found: Optional[str] = None
        if noun is not None:
            # "Ukraine's soldiers", "Ukrainian soldiers", "Russian troops"
            left = doc[noun.left_edge.i:noun.i + 1]
            for mention in mentions:
                if mention.token_start >= left.start and mention.token_end <= noun.i + 1 \
                        and not (figure.start <= mention.token_start < figure.end):
                    found = mention.actor_id
            if found is None:
                if any(c.dep_ == "poss" and c.lower_ in self.lex.own_side_words for c in noun.children):
                    found = self._country_of(claimant, actors)
            if found is None:
                # "soldiers of the Ukrainian army"
                for child in noun.children:
                    if child.dep_ == "prep" and child.lower_ == "of":
                        sub = doc[child.i:child.right_edge.i + 1]
                        for mention in mentions:
                            if sub.start <= mention.token_start and mention.token_end <= sub.end:
                                found = mention.actor_id
                                break
        if found is None:
            # "Kyiv had lost some 400,000 soldiers": the loser is the subject of a loss verb
            node = noun or figure.anchor
            for _ in range(MAX_CLIMB):
                if node is None or node.head.i == node.i:
                    break
                node = node.head
                if node.pos_ in _VERB_POS:
                    if node.lemma_.lower() in self.lex.loss_verbs:
                        for child in node.children:
                            if child.dep_ in ("nsubj", "nsubjpass"):
                                if child.lower_ in self.lex.own_side_words:
                                    found = self._country_of(claimant, actors)
                                else:
                                    # "Ukraine's army has lost": any actor named in the subject phrase
                                    found = _actor_over(mentions, child.left_edge.idx,
                                                        child.right_edge.idx + len(child.right_edge.text))
                    break
        if found is None:
            group = self.lex.unit_group.get(unit or "")
            for earlier_no, earlier in reversed(recent):
                if sent_no - earlier_no > SUBJECT_CARRY_SENTENCES:
                    break
                if earlier.subject and group and self.lex.unit_group.get(earlier.unit or "") == group:
                    found = earlier.subject
                    break
        return self._country_level(found, actors)

    @staticmethod
    def _country_of(actor_id: Optional[str], actors) -> Optional[str]:
        actor = actors.get(actor_id or "")
        if actor is None or not actor.country:
            return None
        return actor.country if actor.country in actors else actor.id if actor.type == "country" else actor.country

    @staticmethod
    def _country_level(actor_id: Optional[str], actors) -> Optional[str]:
        """"Ukrainian soldiers" resolve to Ukraine's military agent; the figure is about Ukraine
        when the article names the country as an actor."""
        if actor_id and actor_id.startswith("agent:"):
            country = actor_id.split(":")[1]
            if country in actors:
                return country
        return actor_id

    @staticmethod
    def _date(sent: Span, dates: Sequence[DateRef], published: Optional[dt.date]) -> Optional[str]:
        start, end = sent.start_char, sent.end_char
        for ref in dates:
            if start <= ref.span[0] and ref.span[1] <= end and ref.value:
                return ref.value
        return published.isoformat() if published else None

    def _char_span(self, doc: Doc, figure: Figure) -> tuple[int, int]:
        """From the qualifier to the counted noun when the noun follows within three words."""
        start = doc[figure.start].idx
        last = doc[figure.end - 1]
        noun = figure.noun
        if noun is not None and figure.end <= noun.i <= figure.end + 3:
            last = noun
        return (start, last.idx + len(last.text))


QUOTE_OPENINGS = frozenset('“"«„')
QUOTE_CLOSINGS = frozenset('”"»')


def _name_after_title(head: Token, child: Token) -> bool:
    """Whether an apposition is the name a title introduces, with no comma between ("The
    conflict monitor Airwars"): part of the claimant's name, not a comment on it."""
    return child.dep_ == "appos" and child.i > head.i and child.pos_ == "PROPN" \
        and not any(t.is_punct for t in head.doc[head.i + 1:child.left_edge.i])


def _subjects_nearest_first(verb: Token) -> list[Token]:
    """The verb's subjects, the one nearest before it first. The parser splits "The conflict
    monitor Acled puts ..." into two subjects; the last before the verb heads the phrase (as
    for quote speakers, ``quotes._clause_subject``)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return sorted(subjects, key=lambda c: (c.i > verb.i, -c.i))


def _clauses_before(verb: Token) -> bool:
    """Whether a clause with its own subject stands before ``verb`` in the same list of clauses
    ("Inflation has picked up, | the bolivar has lost ..., and ..."): the parser hangs it on
    ``verb`` as a complement or conjunct, or ``verb`` is itself a later conjunct."""
    if verb.dep_ == "conj" and verb.head.pos_ in _VERB_POS:
        return True
    return any(c.i < verb.i and c.dep_ in ("ccomp", "conj", "parataxis") and c.pos_ in _VERB_POS
               and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in verb.children)


def _opens_sentence(token: Token) -> bool:
    """Whether only white space or punctuation stands before ``token`` in its sentence."""
    sent = sentence_of(token)
    return all(t.is_space or t.is_punct for t in token.doc[sent.start:token.i])


def _in_description(figure: Figure) -> bool:
    """Whether the figure is in a relative clause on a noun set off by a comma: "Essequibo, a
    region that makes up two-thirds of the country" describes a name, and "..., a move that
    could affect 1.1 million people" comments on a clause, both in the writer's voice."""
    node = figure.noun or figure.anchor
    while node is not None and node.head.i != node.i:
        head = node.head
        if node.dep_ == "relcl" and head.dep_ in ("appos", "npadvmod") and _after_comma(head):
            return True
        node = head
    return False


def _after_comma(noun: Token) -> bool:
    """Whether the phrase of ``noun`` opens right after a comma or dash."""
    first = noun.left_edge.i
    return first > 0 and noun.doc[first - 1].text in (",", "—", "–")


@lru_cache(maxsize=1)
def _kb():
    from ..kb import load_kb

    return load_kb()


@lru_cache(maxsize=1024)
def _group_heads(actor_id: str) -> frozenset[str]:
    """The head nouns of an actor's longer KB names: "UN peacekeepers in Lebanon" gives
    "peacekeepers", the plain word for the force's members."""
    entry = _kb().get(actor_id)
    if entry is None:
        return frozenset()
    heads = set()
    for name in entry.names:
        words = name.lower().split()
        for i, word in enumerate(words):
            if word in ("in", "of", "for", "at", "on"):
                words = words[:i]
                break
        if len(words) >= 2 and words[-1].endswith("s"):
            heads.add(words[-1])
    return frozenset(heads)


def _group_actor(name: str, actor_ids: tuple) -> Optional[str]:
    """The one actor of the article a bare group noun ("peacekeepers") names through the KB."""
    word = name.lower()
    if " " in word or not word.endswith("s"):
        return None
    found = [a for a in actor_ids if a and word in _group_heads(a)]
    return found[0] if len(found) == 1 else None


def _is_plural_noun_unit(unit: Optional[str], figure: "Figure") -> bool:
    """Whether an earlier claim counted a plural noun ("2,000 children"), not a sum or a share."""
    noun = figure.noun
    return bool(unit) and noun is not None and noun.lower_ == unit and noun.tag_ in ("NNS", "NNPS")


def _compound_head(noun: Token) -> Token:
    """The head of the noun compound a noun opens: "1.3 million card holders" counts holders."""
    while noun.dep_ == "compound" and noun.head.i == noun.i + 1 and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun


def _is_time_phrase(token: Token) -> bool:
    """A prepositional phrase of time hung on a name: "the council on Monday"."""
    return token.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)


def _is_demonym(token: Token) -> bool:
    """A plural people noun from a nationality: "Russians", "Sudanese", "Palestinians"."""
    return token.ent_type_ == "NORP" and token.tag_ in ("NNPS", "NNS", "NNP")


def _path(top: Token, bottom: Token) -> list[Token]:
    """The tokens from ``bottom`` up to (not including) its ancestor ``top``."""
    path, node = [], bottom
    while node.i != top.i and node.head.i != node.i:
        path.append(node)
        node = node.head
    return path


def _actor_name(actors, actor_id: Optional[str]) -> Optional[str]:
    actor = actors.get(actor_id or "") if actors else None
    return actor.name if actor is not None else None


def _actor_over(mentions, start: int, end: int) -> Optional[str]:
    for mention in mentions:
        if mention.start < end and start < mention.end:
            return mention.actor_id
    return None


def extract_claims(doc: Doc, resolved_actors=None, quotes: Sequence[Quote] = (),
                   published: Optional[dt.date] = None, dates: Optional[Sequence[DateRef]] = None) -> list[Claim]:
    """The numeric claims of a parsed ``doc`` (see the module docstring).

    Args:
        doc: a Doc parsed by a pipeline with a parser and NER.
        resolved_actors: ``doc._.actors`` (a ResolvedActors) or None.
        quotes: ``doc._.quotes``; a figure inside a quote is claimed by its speaker.
        published: the publication date, the claim date when the sentence has none.
        dates: ``doc._.dates``; read from the Doc when not given.
    """
    if dates is None:
        dates = getattr(doc._, "dates", None) or [] if Doc.has_extension("dates") else []
    return _default_extractor().extract(doc, resolved_actors, quotes, dates, published)


@lru_cache(maxsize=1)
def _default_extractor() -> ClaimExtractor:
    return ClaimExtractor()
