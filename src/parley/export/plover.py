"""Parley's events as PLOVER JSON event objects (one flat object per event, for JSON Lines).

The field names follow the brief's PLOVER/POLECAT flat layout (``id``, ``date``,
``event_type``, ``mode``, ``context``, ``source_actor``, ``source_agent``, ``target_actor``,
``target_agent``, ``country``, ``admin1``, ``location``, ``latitude``, ``longitude``,
``event_text``, ``story_date``, ``publisher``) plus what Parley knows and PLOVER has room for
(CAMEO code, Goldstein and PLOVER scores, modality, reporting source, evidence offsets,
actor ids and Wikidata QIDs). ``docs/export.md`` maps each field to the PLOVER manual's
names and lists the deviations.

One object per event, compound actors kept together (names joined with "; ", ids as
lists): PLOVER allows several actors per record. By default only events that happened
(``asserted`` or ``historical``) are written, as for GDELT; pass ``modalities=None`` for all,
each carrying its ``modality``.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Optional, Sequence

from ..model import Actor, ArticleResult, Event
from . import actor_ids, actors_of, evidence_text, event_key, quad_class
from .gdelt import HAPPENED

# PLOVER's own quad categories (its README): they differ from CAMEO's root-based ones for a
# few types (SANCTION is verbal conflict here, material conflict as CAMEO root 16).
PLOVER_QUAD = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}


def _join(values: Iterable[Optional[str]]) -> Optional[str]:
    kept = [v for v in values if v]
    return "; ".join(dict.fromkeys(kept)) if kept else None


def _side(prefix: str, ref, actors: dict[str, Actor]) -> dict:
    ids = actor_ids(ref)
    found = actors_of(ref, actors)
    names = [a.name if a else i for a, i in zip(found, ids)]
    return {
        f"{prefix}_actor": _join(names),
        f"{prefix}_agent": _join(a.sector for a in found if a),
        f"{prefix}_country": _join(a.country for a in found if a),
        f"{prefix}_actor_id": ids,
        f"{prefix}_wikidata": [a.wikidata for a in found if a and a.wikidata],
    }


def plover_object(result: ArticleResult, event: Event) -> dict:
    """The PLOVER JSON object of one event of ``result``."""
    actors = {a.id: a for a in result.actors}
    location = event.location
    place = None
    if location is not None:
        place = next((p for p in result.places if location.geonames_id is not None
                      and p.geonames_id == location.geonames_id), None)
    published = result.published.isoformat() if result.published else None
    reporter = actors.get(event.reported_by or "")
    quad = PLOVER_QUAD.get(event.plover.type.upper()) or quad_class(event.cameo)
    return {
        "id": "parley-" + event_key(result, event)[:20],
        "date": event.date or published,
        "event_type": event.plover.type,
        "mode": event.plover.mode,
        "context": list(event.plover.context or []),
        "quad_code": quad,
        "cameo": event.cameo,
        "goldstein": getattr(event, "goldstein", None),
        "plover_score": getattr(event, "plover_score", None),
        "modality": event.modality,
        **_side("source", event.source, actors),
        **_side("target", event.target, actors),
        "country": location.country if location else None,
        "admin1": place.admin1 if place else None,
        "location": location.name if location else None,
        "latitude": location.lat if location else None,
        "longitude": location.lon if location else None,
        "geonames_id": location.geonames_id if location else None,
        "reported_by": event.reported_by,
        "reported_by_name": reporter.name if reporter else None,
        "event_text": evidence_text(result, event),
        "evidence": list(event.evidence),
        "story_id": result.id,
        "story_date": published,
        "story_title": result.title,
        "publisher": result.source,
        "url": result.url,
        "language": result.language,
    }


def to_plover_objects(results: Iterable[ArticleResult],
                      modalities: Optional[Sequence[str]] = HAPPENED) -> Iterator[dict]:
    """Every event of every result as a PLOVER JSON object, in article then event order.

    ``modalities``: only events with one of these are written; None writes every event.
    """
    for result in results:
        for event in result.events:
            if modalities is None or event.modality in modalities:
                yield plover_object(result, event)
