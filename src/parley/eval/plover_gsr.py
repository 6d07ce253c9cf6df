"""PLOVER's gold-standard records (``PLOVER_GSR_CAMEO.txt``): reading them and scoring Parley on them.

**The file** is one JSON array. Each record is one short news sentence (``text``) with its
gold PLOVER ``event`` label, ``source`` and ``target`` actor lists (each actor an object
with ``actorText``, a three-letter ``code`` and, sometimes, a ``sector``), and optional
``mode``, ``context`` (a comma-separated string), ``eventLoc`` and ``cameo``. The file's
readme says all ``date`` fields are a placeholder (2000-01-01) and only non-null fields are
present; in practice an absent target is also written as ``""``. The first record is a
``DOCUMENT`` record that documents the file: it is skipped, as is any record without text.

What the reader normalises, and why:

- labels: the records use an older PLOVER draft; the reference notes map them to the current
  types (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT), via
  :func:`parley.eval.events.plover_type`. The label as written is kept in ``label``.
- actor codes: mostly ISO 3166 alpha-3, plus IGO/NGO/IMG group codes and a few legacy
  country codes that plainly mean one ISO code (:data:`LEGACY_CODES`).
- sectors: CAMEO-style strings that may carry an ethnic or religious suffix ("CVLalb",
  "GOVMOS"): the first three letters are the sector; "***" means unknown (None).

**Scoring** (:func:`score_records`): Parley analyses each text as an article of its own;
its events are reduced to one (:func:`choose_event`: the first *asserted* event in text
order, else the first event; the gold is never consulted, so the figure is what a user
would get). Per record:

- PLOVER type accuracy and macro-F1 over records (a record with no predicted event is wrong
  and counts as a false negative of its gold type); also the rate at which *any* predicted
  event has the gold type, an upper bound for a better reduction;
- CAMEO root accuracy over records carrying a ``cameo`` field (the current file has none);
- source and target actor accuracy, over records with a non-empty gold list:
  *text*: some gold ``actorText`` equals, or is a whole-word part of (or contains), the
  canonical name or a mention text of some predicted actor (folded);
  *country*: some gold code equals some predicted actor's country (an ``igo`` actor has
  code IGO); *sector*: over records whose gold actors have a sector, some equals a
  predicted actor's sector; *code*: one gold actor agrees with one predicted actor on the
  country and, when the gold gives one, the sector.
  Reciprocal records (``SRC/TAR`` markup, no target) are scored on their source only.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ..model import Actor, Article, ArticleResult, Event, Section
from .events import cameo_root, plover_type
from .matching import Counts, Rate, fold

# Codes in the gold records that are not ISO 3166 alpha-3 but plainly mean one.
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA"}
SKIPPED_LABELS = {"DOCUMENT"}


@dataclass
class GsrActor:
    text: str
    code: Optional[str] = None
    sector: Optional[str] = None
    sector_raw: Optional[str] = None


@dataclass
class GsrRecord:
    id: str
    text: str
    plover: Optional[str]
    label: str
    source: list[GsrActor] = field(default_factory=list)
    target: list[GsrActor] = field(default_factory=list)
    mode: Optional[str] = None
    context: list[str] = field(default_factory=list)
    cameo: Optional[str] = None
    location: Optional[str] = None
    date: Optional[str] = None

    def to_article(self) -> Article:
        return Article(id=self.id, text=self.text, language="en",
                       sections=[Section(kind="body", span=(0, len(self.text)))])


def _actor(obj: dict) -> GsrActor:
    code = (obj.get("code") or "").strip().upper() or None
    raw = (obj.get("sector") or "").strip() or None
    sector = raw[:3].upper() if raw and raw[:3].isalpha() else None
    return GsrActor(text=(obj.get("actorText") or "").strip(), code=LEGACY_CODES.get(code, code),
                    sector=sector, sector_raw=raw)


def _actors(value) -> list[GsrActor]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return []  # "" (no target), or a stray string
    return [_actor(a) for a in value if isinstance(a, dict) and (a.get("actorText") or a.get("code"))]


def parse_record(obj: dict) -> GsrRecord:
    label = str(obj.get("event") or "").strip()
    context = [c.strip() for c in str(obj.get("context") or "").split(",") if c.strip()]
    loc = obj.get("eventLoc")
    return GsrRecord(id=str(obj.get("id") or ""), text=obj.get("text") or "", plover=plover_type(label),
                     label=label, source=_actors(obj.get("source")), target=_actors(obj.get("target")),
                     mode=(obj.get("mode") or "").strip() or None, context=context,
                     cameo=str(obj["cameo"]) if obj.get("cameo") not in (None, "") else None,
                     location=loc.get("name") if isinstance(loc, dict) else None, date=obj.get("date"))


def read_plover_gsr(path: Path | str) -> list[GsrRecord]:
    """The scorable records of a PLOVER gold file (DOCUMENT and text-less records skipped)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON array of PLOVER records")
    records = [parse_record(obj) for obj in data if isinstance(obj, dict)]
    return [r for r in records if r.text.strip() and r.label.upper() not in SKIPPED_LABELS]


# ---------------------------------------------------------------- scoring


def choose_event(events: list[Event]) -> Optional[Event]:
    """The one event a record is scored on: the first asserted one in text order, else the first."""
    ordered = sorted(events, key=lambda e: tuple(e.evidence))
    for event in ordered:
        if event.modality == "asserted":
            return event
    return ordered[0] if ordered else None


def _ids(ref) -> list[str]:
    if ref is None:
        return []
    return [r for r in (ref if isinstance(ref, list) else [ref]) if r]


def _words_within(short: str, long: str) -> bool:
    return bool(short) and re.search(rf"(?<!\w){re.escape(short)}(?!\w)", long) is not None


def text_matches(gold: list[GsrActor], predicted: list[Actor]) -> bool:
    """Some gold actor text is, or is a whole-word part of, a name or mention of a predicted actor."""
    for g in gold:
        want = fold(g.text)
        if not want:
            continue
        for actor in predicted:
            for form in {actor.name, *(m.text for m in actor.mention_details)}:
                got = fold(form)
                if got and (want == got or _words_within(want, got) or _words_within(got, want)):
                    return True
    return False


def _codes(actor: Actor) -> set[str]:
    codes = {actor.country} if actor.country else set()
    if actor.type == "igo":
        codes.add("IGO")
    return codes


def country_matches(gold: list[GsrActor], predicted: list[Actor]) -> bool:
    return any(g.code in _codes(p) for g in gold if g.code for p in predicted)


def sector_matches(gold: list[GsrActor], predicted: list[Actor]) -> bool:
    return any(g.sector == p.sector for g in gold if g.sector for p in predicted if p.sector)


def code_matches(gold: list[GsrActor], predicted: list[Actor]) -> bool:
    return any(g.code in _codes(p) and (g.sector is None or g.sector == p.sector)
               for g in gold if g.code for p in predicted)


@dataclass
class ActorRates:
    text: Rate = field(default_factory=Rate)
    country: Rate = field(default_factory=Rate)
    sector: Rate = field(default_factory=Rate)
    code: Rate = field(default_factory=Rate)

    def count(self, gold: list[GsrActor], predicted: list[Actor]) -> None:
        self.text.count(text_matches(gold, predicted))
        self.country.count(country_matches(gold, predicted))
        if any(g.sector for g in gold):
            self.sector.count(sector_matches(gold, predicted))
        self.code.count(code_matches(gold, predicted))

    def as_dict(self) -> dict:
        return {"text": self.text.as_dict(), "country": self.country.as_dict(),
                "sector": self.sector.as_dict(), "code": self.code.as_dict()}


@dataclass
class GsrScores:
    records: int = 0
    with_event: int = 0
    plover: Rate = field(default_factory=Rate)
    any_event_plover: Rate = field(default_factory=Rate)
    cameo_root: Rate = field(default_factory=Rate)
    source: ActorRates = field(default_factory=ActorRates)
    target: ActorRates = field(default_factory=ActorRates)
    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    confusion: Counter = field(default_factory=Counter)  # (gold, predicted or "none") -> n
    errors: list[dict] = field(default_factory=list)
    # records whose analysis raised: scored as "no event", and named so a crash is not read as a miss
    failed: list[dict] = field(default_factory=list)

    @property
    def plover_macro_f1(self) -> Optional[float]:
        """Mean F1 over every type that is a gold or a predicted label of some record."""
        f1s = [c.f1 or 0.0 for c in self.by_type.values() if c.tp + c.fp + c.fn]
        return sum(f1s) / len(f1s) if f1s else None

    def as_dict(self) -> dict:
        return {
            "records": self.records, "records_with_event": self.with_event,
            "records_failed": self.failed,
            "reduction": "first asserted event in text order, else the first event",
            "plover_type_accuracy": self.plover.as_dict(),
            "plover_type_macro_f1": self.plover_macro_f1,
            "plover_type_f1": {k: v.as_dict() for k, v in sorted(self.by_type.items())},
            "any_event_has_gold_type": self.any_event_plover.as_dict(),
            "cameo_root_accuracy": self.cameo_root.as_dict(),
            "source": self.source.as_dict(), "target": self.target.as_dict(),
            "confusion": {f"{g} -> {p}": n for (g, p), n in sorted(self.confusion.items())},
            "errors": self.errors,
        }


def score_record(record: GsrRecord, result: ArticleResult, scores: GsrScores) -> None:
    """Add one record's figures to ``scores`` (see the module docstring)."""
    scores.records += 1
    if result.error is not None:
        scores.failed.append({"id": record.id, "message": result.error.message})
    actors = {a.id: a for a in result.actors}
    event = choose_event(list(result.events))
    predicted = plover_type(event.plover.type) if event else None
    scores.with_event += event is not None
    gold = record.plover
    scores.plover.count(predicted == gold)
    scores.any_event_plover.count(any(plover_type(e.plover.type) == gold for e in result.events))
    scores.confusion[(gold or "none", predicted or "none")] += 1
    if gold and predicted == gold:
        scores.by_type[gold].tp += 1
    else:
        if gold:
            scores.by_type[gold].fn += 1
        if predicted:
            scores.by_type[predicted].fp += 1
    if record.cameo:
        scores.cameo_root.count(event is not None and cameo_root(event.cameo) == cameo_root(record.cameo))
    sources = [actors[i] for i in _ids(event.source) if i in actors] if event else []
    targets = [actors[i] for i in _ids(event.target) if i in actors] if event else []
    if record.source:
        scores.source.count(record.source, sources)
    if record.target:
        scores.target.count(record.target, targets)
    if predicted != gold:
        scores.errors.append({"id": record.id, "gold": gold, "predicted": predicted, "text": record.text,
                              "events": [e.plover.type for e in result.events]})
    for side, gold_actors, got in (("source", record.source, sources), ("target", record.target, targets)):
        if gold_actors and not text_matches(gold_actors, got):
            scores.errors.append({"id": record.id, "kind": f"wrong {side}", "text": record.text,
                                  "gold": [g.text for g in gold_actors], "predicted": [a.name for a in got],
                                  "event": None if event is None else f"{event.plover.type} {event.cameo}"})


def score_records(records: Iterable[GsrRecord], results: Iterable[ArticleResult]) -> GsrScores:
    """Score results (one per record, in the same order) against the records."""
    scores = GsrScores()
    for record, result in zip(records, results):
        score_record(record, result, scores)
    return scores
