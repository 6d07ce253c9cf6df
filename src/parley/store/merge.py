"""Cross-article merging: one statement however many outlets quote it, one event however
many articles report it.

Statements: two quotes are the same statement when they have the same speaker (actor id,
else the name as written) and the same words once case, punctuation and spacing are
ignored, or when one wording contains the other and the shorter has at least
:data:`MIN_CONTAINED_WORDS` words (outlets trim quotes at either end). The longest wording
is kept as the statement's text.

Events: two event records are the same event when source, target, CAMEO code to three
digits, PLOVER type and modality agree and their days are at most :data:`DAY_WINDOW` apart
(the event's own date when known to the day, else the report's publication date). This is
GDELT's events/mentions split; like it, it does not merge across differently coded
reports of one event.

Not done: merging across speakers (a spokesman quoting his minister) or fuzzy wording.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Optional

from sqlalchemy import and_, insert, or_, select, update
from sqlalchemy.engine import Connection

from ..model import Event, Quote
from .schema import event_actors, events, statements

MIN_CONTAINED_WORDS = 6
DAY_WINDOW = 1
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def normalise_words(text: str) -> str:
    """Lower-cased words joined by single spaces: what two wordings must share."""
    return _NON_WORD.sub(" ", text.lower()).strip()


def speaker_key(quote: Quote) -> str:
    return quote.speaker.actor_id or f"name:{(quote.speaker.name or '').strip().lower()}"


def statement_key(quote: Quote) -> str:
    return hashlib.sha256(f"{speaker_key(quote)}\x1f{normalise_words(quote.text)}".encode("utf-8")).hexdigest()


def _contains(longer: str, shorter: str) -> bool:
    return len(shorter.split()) >= MIN_CONTAINED_WORDS and f" {shorter} " in f" {longer} "


def merge_statement(conn: Connection, quote: Quote, published: Optional[dt.date]) -> int:
    """The id of the statement ``quote`` reports, created when it is new."""
    key = statement_key(quote)
    row = conn.execute(select(statements.c.id, statements.c.text).where(statements.c.key == key)).first()
    words = normalise_words(quote.text)
    if row is None:
        speaker = quote.speaker.actor_id
        who = statements.c.speaker_id == speaker if speaker else and_(
            statements.c.speaker_id.is_(None), statements.c.speaker_name == quote.speaker.name
        )
        for candidate in conn.execute(select(statements.c.id, statements.c.text).where(who)):
            other = normalise_words(candidate.text)
            if _contains(other, words) or _contains(words, other):
                row = candidate
                break
    if row is None:
        return conn.execute(insert(statements), dict(
            key=key, speaker_id=quote.speaker.actor_id, speaker_name=quote.speaker.name, text=quote.text,
            kind=quote.kind, first_published=published, sources=1,
        )).inserted_primary_key[0]
    changes = {"sources": statements.c.sources + 1}
    if len(quote.text) > len(row.text):
        changes["text"] = quote.text
    conn.execute(update(statements).where(statements.c.id == row.id).values(**changes))
    if published is not None:
        conn.execute(
            update(statements)
            .where(statements.c.id == row.id)
            .where(or_(statements.c.first_published.is_(None), statements.c.first_published > published))
            .values(first_published=published)
        )
    return row.id


def actor_ids(ref) -> list[str]:
    """An event's source or target as a sorted list of ids."""
    if ref is None:
        return []
    if isinstance(ref, str):
        return [ref]
    return sorted(set(ref))


def joined(ref) -> Optional[str]:
    ids = actor_ids(ref)
    return "|".join(ids) if ids else None


def event_day(event: Event, published: Optional[dt.date]) -> Optional[dt.date]:
    if event.date and _DAY.match(event.date):
        try:
            return dt.date.fromisoformat(event.date)
        except ValueError:
            pass
    return published


def goldstein(event: Event) -> Optional[float]:
    """The event's Goldstein weight: the one the event coder stored with it, else (a record
    written before events carried it, or built by hand) the coder's own table for its code."""
    if event.goldstein is not None:
        return event.goldstein
    from ..extract.event_lexicon import load_event_lexicon  # only loaded for such records

    return load_event_lexicon().goldstein(event.cameo)


def merge_event(conn: Connection, event: Event, published: Optional[dt.date]) -> int:
    """The id of the real-world event ``event`` reports, created when it is new."""
    day = event_day(event, published)
    source, target = joined(event.source), joined(event.target)
    same = [
        events.c.source == source if source else events.c.source.is_(None),
        events.c.target == target if target else events.c.target.is_(None),
        events.c.cameo.startswith(event.cameo[:3], autoescape=True),
        events.c.plover_type == event.plover.type,
        events.c.modality == event.modality,
    ]
    if day is None:
        same.append(events.c.day.is_(None))
    else:
        window = dt.timedelta(days=DAY_WINDOW)
        same.append(events.c.day.between(day - window, day + window))
    row = conn.execute(select(events.c.id).where(*same).order_by(events.c.id).limit(1)).first()
    if row is not None:
        conn.execute(update(events).where(events.c.id == row.id).values(mentions=events.c.mentions + 1))
        return row.id
    location = event.location.name if event.location else None
    event_id = conn.execute(
        insert(events), dict(
            source=source, target=target, cameo=event.cameo, plover_type=event.plover.type,
            plover_mode=event.plover.mode, modality=event.modality, date=event.date, day=day,
            location=location, goldstein=goldstein(event), mentions=1,
        )
    ).inserted_primary_key[0]
    links = [{"event_id": event_id, "actor_id": a, "role": "source"} for a in actor_ids(event.source)]
    links += [{"event_id": event_id, "actor_id": a, "role": "target"} for a in actor_ids(event.target)]
    if links:
        conn.execute(insert(event_actors), links)
    return event_id
