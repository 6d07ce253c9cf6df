"""Event lists: source/target references, and one event per act told more than once.

An article tells the same act in its headline, standfirst and body, or reads one clause
twice under two codes; these helpers keep one copy, the best-dated and most fully cited.
"""

from __future__ import annotations

from typing import Optional, Sequence

from ..model import Event


def _ref(ids: list[str]):
    if not ids:
        return None
    return ids[0] if len(ids) == 1 else list(ids)


def _refs(ref) -> tuple:
    if ref is None:
        return ()
    return tuple(ref) if isinstance(ref, list) else (ref,)


def _dedupe(events: list[Event], sentences: Optional[Sequence[int]] = None) -> list[Event]:
    """One event told twice (headline and body, "refused and continues to refuse") is kept
    once: the copy with its own date, a place and a target wins. ``sentences`` gives each
    event's sentence (its start token): two acts told side by side in one sentence with
    words of their own ("urged all parties to ... and called on Member States to ...") are
    two acts, not one told twice."""
    sentence_of = {id(e): s for e, s in zip(events, sentences)} if sentences is not None else {}
    kept: list[Event] = []
    for event in _one_per_act(events):
        key = (_refs(event.source), event.cameo, event.modality)
        twin = None
        for i, other in enumerate(kept):
            if (_refs(other.source), other.cameo, other.modality) != key:
                continue
            if _side_by_side(event, other, sentence_of):
                continue
            a, b = set(_refs(event.target)), set(_refs(other.target))
            if a <= b or b <= a:
                twin = i
                break
        if twin is None:
            kept.append(event)
            continue
        other = kept[twin]
        richer, poorer = (event, other) if _richness(event) > _richness(other) else (other, event)
        kept[twin] = _cited_fully(richer, poorer)
    return sorted(kept, key=lambda e: e.evidence)


def _side_by_side(a: Event, b: Event, sentence_of: dict) -> bool:
    """Both events come from one sentence and their evidence does not overlap."""
    sa, sb = sentence_of.get(id(a)), sentence_of.get(id(b))
    if sa is None or sa != sb:
        return False
    return a.evidence[1] <= b.evidence[0] or b.evidence[1] <= a.evidence[0]


def _cited_fully(richer: Event, poorer: Event) -> Event:
    """The kept copy of an act told twice cites the fuller telling: the lead sentence, not
    the headline that shortens it ("Houthis detain UN staff" / "Yemen's Houthi rebels have
    detained at least nine more UN employees in raids ...")."""
    if _span_length(poorer) > _span_length(richer):
        return richer.model_copy(update={"evidence": poorer.evidence})
    return richer


def _span_length(event: Event) -> int:
    return event.evidence[1] - event.evidence[0]


def _one_per_act(events: list[Event]) -> list[Event]:
    """One predicate, one event: two events from the same clause with the same two sides
    swapped under another code are one act read twice; the first
    (the direct reading, before derived intents and hosts) or the one with a target wins."""
    kept: list[Event] = []
    for event in events:
        twin = next((i for i, other in enumerate(kept) if _same_act(event, other)), None)
        if twin is None:
            kept.append(event)
        elif len(_refs(event.target)) > len(_refs(kept[twin].target)):
            kept[twin] = event
    return kept


def _same_act(a: Event, b: Event) -> bool:
    # a joint act ("Germany and France met") is rightly coded once per side, with one code
    if a.evidence != b.evidence or a.cameo == b.cameo:
        return False
    sa, ta, sb, tb = (set(_refs(x)) for x in (a.source, a.target, b.source, b.target))
    # the same source under two codes is left alone: a future act is also, by design, a
    # statement of intent ("will cooperate" -> 06 and 036)
    return bool(ta) and sa == tb and ta == sb  # swapped roles


def _richness(event: Event) -> tuple:
    return (event.location is not None, event.date is not None, len(_refs(event.target)))
