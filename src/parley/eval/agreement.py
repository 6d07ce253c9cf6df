"""How far two annotators agree: one gold annotation scored as if it were Parley's output.

A scorer's target means little without the human ceiling: when two careful annotators who
follow the same guidelines agree on demands at F1 0.75, no extractor will be measured at
0.90 against either. ``parley eval agreement A B`` reads two annotations of the same texts
(matched by article id), turns B into an :class:`~parley.model.ArticleResult` and scores it
with the very scorers ``parley eval claims|demands|events`` use, A as the reference. F1 is
symmetric; precision and recall swap when A and B do; the accuracies are over matched items.

Only what an annotation holds is carried over: actors (names and aliases), claims, demands
and events. Fields an annotator did not give stay empty, so they score as wrong where the
reference gives them.
"""

from __future__ import annotations

from typing import Iterable, Optional, Sequence

from ..model import Actor, ArticleResult, Claim, Demand, Event, MentionDetail, Plover
from . import claims as claim_scorer
from . import demands as demand_scorer
from . import events as event_scorer
from .gold import GoldArticle, locate, read_gold

CLAIM_CATEGORIES = frozenset({"killed", "wounded", "casualties", "captured", "displaced", "released",
                              "detained", "money", "percent", "other"})
KINDS = ("claims", "demands", "events")
MODALITIES = frozenset({"asserted", "negated", "hypothetical", "future", "historical"})


def _names(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [v for v in value if isinstance(v, str) and v]


def _ref(value):
    names = _names(value)
    if not names:
        return None
    return names[0] if len(names) == 1 else names


def _actors(gold: GoldArticle) -> list[Actor]:
    # The actor's name is its id, so a record's party/claimant/source (a name) resolves to it.
    return [Actor(id=a.name, name=a.name, type="other",
                  mention_details=[MentionDetail(span=(0, 0), text=alias, how="alias") for alias in a.aliases])
            for a in gold.actors]


def _located(gold: GoldArticle, items: Iterable[dict]) -> Iterable[tuple[dict, tuple[int, int]]]:
    """The items whose evidence is found in the text, in order (as the gold scorers locate them)."""
    previous = 0
    for item in items:
        if not isinstance(item, dict):
            continue
        span = locate(gold.text, item.get("evidence") or item.get("text") or "", previous)
        if span is None:
            continue
        previous = span[0]
        yield item, span


def _number(value) -> Optional[float]:
    try:
        return None if value is None or isinstance(value, bool) else float(value)
    except (TypeError, ValueError):
        return None


def _claims(gold: GoldArticle) -> list[Claim]:
    out = []
    for raw, span in _located(gold, gold.raw.get("claims") or []):
        value, low, high = raw.get("value"), None, None
        if isinstance(value, (list, tuple)) and len(value) == 2:
            low, high, value = _number(value[0]), _number(value[1]), None
        category = raw.get("category") if raw.get("category") in CLAIM_CATEGORIES else "other"
        out.append(Claim(claimant=raw.get("claimant"), value=_number(value), low=low, high=high, span=span,
                         category=category, approximate=bool(raw.get("approximate"))))
    return out


def _demands(gold: GoldArticle) -> list[Demand]:
    return [Demand(party=raw.get("party"), addressee=_ref(raw.get("addressee")), span=span,
                   text=gold.text[span[0]:span[1]], issue=raw.get("issue"))
            for raw, span in _located(gold, gold.raw.get("demands") or [])]


def _events(gold: GoldArticle) -> list[Event]:
    out = []
    for raw, span in _located(gold, gold.raw.get("events") or []):
        modality = (raw.get("modality") or "asserted").strip().lower()
        root = event_scorer.cameo_root(raw.get("cameo_root") or raw.get("cameo")) or ""
        out.append(Event(source=_ref(raw.get("source")), target=_ref(raw.get("target")), cameo=root,
                         plover=Plover(type=event_scorer.plover_type(raw.get("plover")) or ""),
                         modality=modality if modality in MODALITIES else "asserted",
                         date=str(raw["date"]) if raw.get("date") not in (None, "") else None, evidence=span))
    return out


def as_result(gold: GoldArticle) -> ArticleResult:
    """An annotation as the output Parley would give for the same text (body only, offset 0)."""
    return ArticleResult(id=gold.id, text=gold.text, actors=_actors(gold), claims=_claims(gold),
                         demands=_demands(gold), events=_events(gold))


def paired(reference: Sequence[GoldArticle], other: Sequence[GoldArticle]) -> list[tuple[GoldArticle, GoldArticle]]:
    """Articles both annotations hold, by id; an error names the texts that differ."""
    others = {g.id: g for g in other}
    pairs = []
    for gold in reference:
        twin = others.get(gold.id)
        if twin is None:
            continue
        if twin.text != gold.text:
            raise ValueError(f"{gold.id}: the two annotations are of different texts")
        pairs.append((gold, twin))
    return pairs


def score_agreement(reference: Sequence[GoldArticle], other: Sequence[GoldArticle]) -> dict:
    """Claims, demands and events of ``other`` scored against ``reference``."""
    pairs = paired(reference, other)
    if not pairs:
        raise ValueError("the two annotations share no article id")
    claims, demands, events = [], [], []
    for gold, twin in pairs:
        result = as_result(twin)
        claims.append(claim_scorer.score_gold_article(gold, claim_scorer.predicted_claims(result)))
        demands.append(demand_scorer.score_gold_article(gold, result, offset=0))
        events.append(event_scorer.score_gold_article(gold, event_scorer.predicted_events(result)))
    # A kind neither annotation holds (say, only demands were annotated twice) is left out.
    annotated = [kind for kind in KINDS
                 if any(gold.raw.get(kind) and twin.raw.get(kind) for gold, twin in pairs)]
    return {"articles": len(pairs), "kinds": annotated, "claims": claim_scorer.total(claims),
            "demands": demand_scorer.total(demands), "events": event_scorer.total(events)}


def run_agreement(reference_paths, other_paths, *, console=None, errors: bool = False) -> dict:
    """What ``parley eval agreement`` does: read both annotations, score, print, return the figures."""
    scores = score_agreement(read_gold(reference_paths), read_gold(other_paths))
    if console is not None:
        _print(scores, console, errors)
    return {"articles": scores["articles"], **{kind: scores[kind].as_dict() for kind in scores["kinds"]}}


def _pct(rate) -> str:
    return "–" if rate.value is None else f"{100 * rate.value:.1f} ({rate.hits}/{rate.total})"


def _f(value: Optional[float]) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def _print(scores: dict, console, errors: bool) -> None:
    from rich.table import Table

    console.print(f"[bold]Agreement between two annotations[/bold] ({scores['articles']} articles; "
                  "the first is the reference: P and R swap when the two are swapped, F1 does not)")
    table = Table("items", "P", "R", "F1", "counts", "accuracy over matches")
    c, d, e = scores["claims"], scores["demands"], scores["events"]
    rows = (("claims", "claims", c.claims, f"claimant {_pct(c.claimant)}; category {_pct(c.category)}"),
            ("demands", "demands", d.demands, f"party {_pct(d.party)}; addressee {_pct(d.addressee)}"),
            ("events", "events (evidence + source)", e.events,
             f"type {_pct(e.plover)}; modality {_pct(e.modality)}; target {_pct(e.target)}"),
            ("events", "events (evidence only)", e.evidence_only, ""))
    for kind, label, counts, accuracy in rows:
        if kind in scores["kinds"]:
            table.add_row(label, _f(counts.precision), _f(counts.recall), _f(counts.f1),
                          f"tp {counts.tp} fp {counts.fp} fn {counts.fn}", accuracy)
    console.print(table)
    if errors:
        for kind in scores["kinds"]:
            for error in scores[kind].errors:
                console.print(f"{kind}: {error}", markup=False)
