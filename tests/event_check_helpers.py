"""Testing the event checks alone: a parsed sentence with hand-resolved actors and a
hand-written Event, so a test pins one check whatever the coder does meanwhile."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from parley.extract.actors import ActorMention, ResolvedActors
from parley.model import Actor, Event, Plover
from parley.nlp import components  # noqa: F401  (registers doc._.published / doc._.actors)


def resolved_doc(nlp: Language, text: str, actors: dict[str, tuple[str, str, str]], published: dt.date) -> Doc:
    """Parse ``text`` and resolve the named actors: {id: (mention text, name, type)}."""
    doc = nlp(text)
    doc._.published = published
    mentions, table = [], {}
    for actor_id, (mention, name, kind) in actors.items():
        start = text.index(mention)
        span = doc.char_span(start, start + len(mention), alignment_mode="expand")
        mentions.append(ActorMention(start, start + len(mention), actor_id, "alias", span.start, span.end, mention))
        table[actor_id] = Actor(id=actor_id, name=name, type=kind)
    doc._.actors = ResolvedActors(mentions=sorted(mentions, key=lambda m: m.start), actors=table)
    return doc


def hand_event(text: str, source, cameo: str, plover: str, target=None, modality="asserted", part: str = "") -> Event:
    """An event whose evidence is ``part`` of ``text`` (all of it when ``part`` is empty)."""
    start = text.index(part) if part else 0
    return Event(source=source, target=target, cameo=cameo, plover=Plover(type=plover), modality=modality,
                 evidence=(start, start + len(part or text)))


def reviewed(checks, doc: Doc, event: Event) -> tuple[list[Event], set[str]]:
    """What the checks keep of one event, and the names of the checks that dropped it."""
    kept, dropped = checks.review(doc, [event])
    return kept, {name for _, name in dropped}
