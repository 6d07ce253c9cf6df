"""The event scorer: Parley's events against gold events (``../shared/gold-format.md``).

**Matching.** A predicted event matches a gold event when

- their evidence spans overlap by at least half of the shorter one (the quote rule of
  ``matching.py``: gold evidence is a phrase, a predicted one often the whole clause, so the
  shorter one must be mostly inside the longer), and
- they share a **source**: some gold source actor (its name or an alias from the gold
  ``actors``) equals, folded, the canonical name or a mention text of some predicted source
  actor. A gold event with a null source matches only a prediction without one.

Pairs are one to one, greedy by largest overlap (ties: earlier gold, then earlier
prediction). Precision, recall and F1 are over those pairs. The same counts matching on the
evidence alone ("evidence only") are reported too, so a source error can be told apart from
a missed event.

**Over matched pairs:**

- *PLOVER type accuracy* (old labels mapped: DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE
  -> ACCUSE, FIGHT -> ASSAULT; see :func:`plover_type`);
- *CAMEO root accuracy* over pairs whose gold ``cameo_root`` is given (the first two digits
  of the predicted code);
- *target accuracy*: the gold and predicted target sets name the same actors (every gold
  target equals some predicted one and every predicted one some gold one; a null gold
  target is right only when none is predicted);
- *date accuracy* over pairs with a gold date: the ISO strings are equal (a month or year
  predicted for a day-precise gold date is wrong, and the other way round);
- *location accuracy* over pairs with a gold location: the predicted location's name equals
  (folded) the gold ``"City, Country"``'s first part or the whole of it;
- *modality accuracy* (a missing gold modality counts as ``asserted``).

**PLOVER type macro-F1 over events**: for each type T, a true positive is a matched pair
whose gold and predicted types are both T; a false positive a predicted T event that is not
one (unmatched, or matched to another type); a false negative a gold T event that is not
one. F1 per type, averaged over every type seen in gold or predictions.

Not scored: the event's ``reported_by``, PLOVER mode and context, CAMEO beyond the root.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

from ..model import Actor, Article, ArticleResult
from .gold import GoldArticle, locate
from .matching import Counts, Rate, Span, fold, names_match, overlap, overlaps_enough

# PLOVER's gold records and early drafts used labels that the current manual renamed or merged
# (``../shared/reference/plover/NOTES.md``): scores compare the current labels.
OLD_PLOVER_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

MODALITIES = ("asserted", "negated", "hypothetical", "future", "historical")


def plover_type(label: Optional[str]) -> Optional[str]:
    """The current PLOVER label for ``label`` (upper case, old labels mapped); None if blank."""
    if not label or not str(label).strip():
        return None
    label = str(label).strip().upper()
    return OLD_PLOVER_LABELS.get(label, label)


_DIGITS = re.compile(r"\d+")


def cameo_root(code) -> Optional[str]:
    """The two-digit CAMEO root of a code: "044" -> "04", "4" -> "04", "02 (appeal)" -> "02"."""
    if code is None:
        return None
    found = _DIGITS.search(str(code))
    if not found:
        return None
    digits = found.group()
    return digits.zfill(2) if len(digits) < 2 else digits[:2]


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v is not None and str(v).strip()]
    return [str(value)] if str(value).strip() else []


# ---------------------------------------------------------------- gold and predicted items


@dataclass
class GoldEvent:
    source: list[str]
    target: list[str]
    cameo_root: Optional[str]
    plover: Optional[str]
    date: Optional[str]
    location: Optional[str]
    modality: str
    evidence: str
    span: Optional[Span]


@dataclass
class PredictedEvent:
    """What the scorer needs of one predicted event, in gold offsets."""

    span: Span
    plover: Optional[str]
    cameo: Optional[str]
    modality: str = "asserted"
    date: Optional[str] = None
    location: Optional[str] = None
    source_names: list[set[str]] = field(default_factory=list)  # one set of names per source actor
    target_names: list[set[str]] = field(default_factory=list)


def gold_events(gold: GoldArticle) -> list[GoldEvent]:
    """The gold article's events, their evidence located in its text (in listed order)."""
    out, previous = [], 0
    for raw in gold.raw.get("events") or []:
        evidence = raw.get("evidence") or ""
        span = locate(gold.text, evidence, previous) if evidence else None
        if span is not None:
            previous = span[0]
        date = raw.get("date")
        out.append(GoldEvent(
            source=_as_list(raw.get("source")), target=_as_list(raw.get("target")),
            cameo_root=cameo_root(raw.get("cameo_root") or raw.get("cameo")),
            plover=plover_type(raw.get("plover")),
            date=str(date) if date not in (None, "") else None,
            location=raw.get("location") or None,
            modality=(raw.get("modality") or "asserted").strip().lower(),
            evidence=evidence, span=span))
    return out


def actor_names(actor_id: str, actors: dict[str, Actor]) -> set[str]:
    """The canonical name and every mention text of an actor; the id itself if unknown."""
    actor = actors.get(actor_id)
    if actor is None:
        return {actor_id}
    return {actor.name, *(m.text for m in actor.mention_details)}


def predicted_events(result: ArticleResult, offset: int = 0) -> list[PredictedEvent]:
    """The result's events with spans shifted by ``-offset``; events in the headline are dropped."""
    actors = {actor.id: actor for actor in result.actors}
    out = []
    for event in result.events:
        start, end = event.evidence[0] - offset, event.evidence[1] - offset
        if end <= 0:
            continue  # headline: the gold text has no offsets for it
        out.append(PredictedEvent(
            span=(max(0, start), end), plover=plover_type(event.plover.type), cameo=event.cameo,
            modality=event.modality, date=event.date,
            location=event.location.name if event.location else None,
            source_names=[actor_names(a, actors) for a in _as_list(event.source)],
            target_names=[actor_names(a, actors) for a in _as_list(event.target)]))
    return out


# ---------------------------------------------------------------- comparisons


def source_matches(gold: GoldArticle, g: GoldEvent, p: PredictedEvent) -> bool:
    """Some gold source actor is some predicted source actor; null matches only null."""
    if not g.source:
        return not p.source_names
    return any(names_match(names, gold.names_of(name)) for name in g.source for names in p.source_names)


def same_actors(gold: GoldArticle, wanted: list[str], got: list[set[str]]) -> bool:
    """The two actor lists name the same actors (both empty counts as the same)."""
    gold_forms = [gold.names_of(name) for name in wanted]
    return (all(any(names_match(forms, names) for names in got) for forms in gold_forms)
            and all(any(names_match(forms, names) for forms in gold_forms) for names in got))


def location_matches(gold_location: str, predicted: Optional[str]) -> bool:
    if not predicted:
        return False
    first = gold_location.split(",")[0]
    return fold(predicted) in {fold(first), fold(gold_location)}


# ---------------------------------------------------------------- scores


@dataclass
class EventScores:
    """Sums for the gold-format event figures (one article, or many added together)."""

    events: Counts = field(default_factory=Counts)
    evidence_only: Counts = field(default_factory=Counts)
    plover: Rate = field(default_factory=Rate)
    cameo_root: Rate = field(default_factory=Rate)
    target: Rate = field(default_factory=Rate)
    date: Rate = field(default_factory=Rate)
    location: Rate = field(default_factory=Rate)
    modality: Rate = field(default_factory=Rate)
    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    articles: int = 0
    errors: list[dict] = field(default_factory=list)

    def add(self, other: "EventScores") -> "EventScores":
        for name in ("events", "evidence_only", "plover", "cameo_root", "target", "date", "location", "modality"):
            getattr(self, name).add(getattr(other, name))
        for key, counts in other.by_type.items():
            self.by_type[key].add(counts)
        self.articles += other.articles
        self.errors.extend(other.errors)
        return self

    @property
    def plover_macro_f1(self) -> Optional[float]:
        """Mean F1 over every PLOVER type seen in gold or predictions (None when there are none)."""
        f1s = [c.f1 or 0.0 for c in self.by_type.values() if c.tp + c.fp + c.fn]
        return sum(f1s) / len(f1s) if f1s else None

    def as_dict(self) -> dict:
        return {
            "articles": self.articles,
            "events": self.events.as_dict(),
            "events_evidence_only": self.evidence_only.as_dict(),
            "plover_type_accuracy": self.plover.as_dict(),
            "plover_type_macro_f1": self.plover_macro_f1,
            "plover_type_f1": {k: v.as_dict() for k, v in sorted(self.by_type.items())},
            "cameo_root_accuracy": self.cameo_root.as_dict(),
            "target_accuracy": self.target.as_dict(),
            "date_accuracy": self.date.as_dict(),
            "location_accuracy": self.location.as_dict(),
            "modality_accuracy": self.modality.as_dict(),
            "errors": self.errors,
        }


def _greedy(candidates: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def match_events(gold: GoldArticle, golds: list[GoldEvent], predicted: list[PredictedEvent],
                 use_source: bool = True) -> list[tuple[int, int]]:
    """One-to-one ``(gold_index, pred_index)`` pairs (see the module docstring)."""
    candidates = []
    for gi, g in enumerate(golds):
        if g.span is None:
            continue
        for pi, p in enumerate(predicted):
            if overlaps_enough(g.span, p.span) and (not use_source or source_matches(gold, g, p)):
                candidates.append((-overlap(g.span, p.span), gi, pi))
    return _greedy(candidates)


def score_gold_article(gold: GoldArticle, predicted: list[PredictedEvent]) -> EventScores:
    """Score one article's predicted events (gold offsets) against its gold events."""
    scores = EventScores(articles=1)
    golds = gold_events(gold)
    for g in golds:
        if g.span is None:
            scores.errors.append({"kind": "evidence not found", "article": gold.id, "evidence": g.evidence})
    pairs = match_events(gold, golds, predicted)
    scores.events = Counts(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(golds) - len(pairs))
    loose = match_events(gold, golds, predicted, use_source=False)
    scores.evidence_only = Counts(tp=len(loose), fp=len(predicted) - len(loose), fn=len(golds) - len(loose))

    matched_g = {gi: pi for gi, pi in pairs}
    matched_p = {pi: gi for gi, pi in pairs}
    for gi, pi in pairs:
        g, p = golds[gi], predicted[pi]
        right_type = g.plover is not None and g.plover == p.plover
        scores.plover.count(right_type)
        if right_type:
            scores.by_type[g.plover].tp += 1  # type: ignore[index]
        if g.cameo_root:
            scores.cameo_root.count(cameo_root(p.cameo) == g.cameo_root)
        right_target = same_actors(gold, g.target, p.target_names)
        scores.target.count(right_target)
        if not right_target:
            scores.errors.append({"kind": "wrong target", "article": gold.id, "evidence": g.evidence,
                                  "gold": g.target, "predicted": sorted(min(n) for n in p.target_names)})
        if g.date:
            scores.date.count(p.date == g.date)
            if p.date != g.date:
                scores.errors.append({"kind": "wrong date", "article": gold.id, "evidence": g.evidence,
                                      "gold": g.date, "predicted": p.date})
        if g.location:
            right_place = location_matches(g.location, p.location)
            scores.location.count(right_place)
            if not right_place:
                scores.errors.append({"kind": "wrong location", "article": gold.id, "evidence": g.evidence,
                                      "gold": g.location, "predicted": p.location})
        scores.modality.count(p.modality == g.modality)
        if not right_type or p.modality != g.modality:
            scores.errors.append({"kind": "wrong type or modality", "article": gold.id, "evidence": g.evidence,
                                  "gold": [g.plover, g.modality], "predicted": [p.plover, p.modality]})
    for gi, pi in loose:
        if gi not in matched_g and pi not in matched_p:  # the act found, its source not
            scores.errors.append({"kind": "wrong source", "article": gold.id, "evidence": golds[gi].evidence,
                                  "gold": golds[gi].source,
                                  "predicted": sorted(min(n) for n in predicted[pi].source_names)})
    for gi, g in enumerate(golds):
        p_type = predicted[matched_g[gi]].plover if gi in matched_g else None
        if g.plover and p_type != g.plover:
            scores.by_type[g.plover].fn += 1
        if gi not in matched_g and g.span is not None:
            scores.errors.append({"kind": "missed", "article": gold.id, "evidence": g.evidence,
                                  "gold": [g.plover, g.source]})
    for pi, p in enumerate(predicted):
        g_type = golds[matched_p[pi]].plover if pi in matched_p else None
        if p.plover and g_type != p.plover:
            scores.by_type[p.plover].fp += 1
        if pi not in matched_p:
            scores.errors.append({"kind": "spurious", "article": gold.id, "span": list(p.span),
                                  "predicted": [p.plover, sorted(min(n) for n in p.source_names)]})
    return scores


def total(scores: Iterable[EventScores]) -> EventScores:
    out = EventScores()
    for s in scores:
        out.add(s)
    return out


# ---------------------------------------------------------------- running Parley with events


def results_with_events(articles: Iterable[Article], model: Optional[str] = None,
                        batch_size: int = 16) -> Iterator[ArticleResult]:
    """Analyse articles; the default pipeline runs ``parley_events``."""
    from ..analyse import analyse_articles

    yield from analyse_articles(articles, model, batch_size)

# ---------------------------------------------------------------- printing (``parley eval events``)

GOLD_HEADER = (
    "Events vs gold: a prediction matches a gold event when the evidence spans overlap by at least half of the "
    "shorter one and a source actor agrees (names through the gold actors' aliases); one to one, greedy by largest "
    "overlap. Type, CAMEO root, target, date, location and modality accuracy are over matches (date and location "
    "only where the gold gives one). Macro-F1 averages per-type F1 over every type in gold or predictions."
)
GSR_HEADER = (
    "Events vs PLOVER gold records: Parley analyses each record's text; its events are reduced to the first asserted "
    "one in text order (else the first). A record with no event is wrong. Old labels mapped: DEMAND->REQUEST, "
    "DISAPPROVE/INVESTIGATE->ACCUSE, FIGHT->ASSAULT. Actor accuracy is over records with gold actors on that side."
)


def _pct(value: Optional[float]) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def print_gold(scores: EventScores, console, per_article=None, errors: bool = False) -> None:
    from rich.table import Table

    console.print(f"[bold]Events vs gold[/bold] ({scores.articles} articles)")
    console.print(GOLD_HEADER, style="dim")
    prf = Table("matching", "P", "R", "F1", "counts")
    for label, c in (("events (evidence + source)", scores.events), ("events (evidence only)", scores.evidence_only)):
        prf.add_row(label, _pct(c.precision), _pct(c.recall), _pct(c.f1), f"tp {c.tp} fp {c.fp} fn {c.fn}")
    console.print(prf)
    acc = Table("over matched events", "%", "right/total")
    for label, rate in (("PLOVER type", scores.plover), ("CAMEO root", scores.cameo_root), ("target", scores.target),
                        ("date", scores.date), ("location", scores.location), ("modality", scores.modality)):
        acc.add_row(label, _pct(rate.value), f"{rate.hits}/{rate.total}")
    acc.add_row("PLOVER type macro-F1 (over events)", _pct(scores.plover_macro_f1), "")
    console.print(acc)
    _print_types(scores.by_type, console)
    if per_article:
        rows = Table("article", "gold", "pred", "F1", "type")
        for name, s in per_article:
            rows.add_row(name, str(s.events.tp + s.events.fn), str(s.events.tp + s.events.fp), _pct(s.events.f1),
                         f"{s.plover.hits}/{s.plover.total}")
        console.print(rows)
    if errors:
        for error in scores.errors:
            console.print(f"{error['kind']}: {error}", markup=False)


def _print_types(by_type: dict, console) -> None:
    from rich.table import Table

    if not by_type:
        return
    table = Table("PLOVER type", "P", "R", "F1", "counts")
    for label, c in sorted(by_type.items()):
        table.add_row(label, _pct(c.precision), _pct(c.recall), _pct(c.f1), f"tp {c.tp} fp {c.fp} fn {c.fn}")
    console.print(table)


def print_gsr(scores, console, errors: bool = False) -> None:
    from rich.table import Table

    console.print(f"[bold]Events vs PLOVER gold records[/bold] ({scores.records} records, "
                  f"{scores.with_event} with a predicted event)")
    console.print(GSR_HEADER, style="dim")
    if scores.failed:
        from rich.markup import escape

        console.print(f"[bold red]{len(scores.failed)} records failed analysis[/bold red] (scored as no event): "
                      + escape("; ".join(f"{f['id']}: {f['message']}" for f in scores.failed[:5])))
    table = Table("over records", "%", "right/total")
    table.add_row("PLOVER type accuracy", _pct(scores.plover.value), f"{scores.plover.hits}/{scores.plover.total}")
    table.add_row("PLOVER type macro-F1", _pct(scores.plover_macro_f1), "")
    table.add_row("any predicted event has the gold type", _pct(scores.any_event_plover.value),
                  f"{scores.any_event_plover.hits}/{scores.any_event_plover.total}")
    table.add_row("CAMEO root accuracy", _pct(scores.cameo_root.value), f"{scores.cameo_root.hits}/{scores.cameo_root.total}")
    for side, rates in (("source", scores.source), ("target", scores.target)):
        for label in ("text", "country", "sector", "code"):
            rate = getattr(rates, label)
            table.add_row(f"{side} {label}", _pct(rate.value), f"{rate.hits}/{rate.total}")
    console.print(table)
    _print_types(scores.by_type, console)
    if errors:
        for error in scores.errors:
            console.print(f"wrong: {error}", markup=False)


def run_eval(gold_paths, plover_gsr=None, *, per_article: bool = False, errors: bool = False,
             json_out=None, limit: Optional[int] = None, model: Optional[str] = None, console=None) -> dict:
    """What ``parley eval events`` does: score gold files and/or a PLOVER gold file; return all figures."""
    from .gold import read_gold
    from .plover_gsr import read_plover_gsr, score_records
    from .report import write_json

    payload: dict = {}
    if gold_paths:
        gold_articles = read_gold(gold_paths)[:limit]
        per = [(g.id, score_gold_article(g, predicted_events(result, g.body_offset)))
               for g, result in zip(gold_articles, results_with_events((g.to_article() for g in gold_articles), model))]
        overall = total(s for _, s in per)
        if console is not None:
            print_gold(overall, console, per_article=per if per_article else None, errors=errors)
        payload["gold"] = {"inputs": [str(p) for p in gold_paths], **overall.as_dict(),
                           "per_article": {name: s.as_dict() for name, s in per}}
    if plover_gsr is not None:
        records = read_plover_gsr(plover_gsr)[:limit]
        scores = score_records(records, results_with_events((r.to_article() for r in records), model))
        if console is not None:
            print_gsr(scores, console, errors=errors)
        payload["plover_gsr"] = {"file": str(plover_gsr), **scores.as_dict()}
    if json_out is not None:
        write_json(json_out, payload)
        if console is not None:
            console.print(f"wrote {json_out}")
    return payload
