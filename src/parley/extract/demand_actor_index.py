"""Which known actor a token names, for the demand readers: the mention index and its lookups.

Shared by :mod:`.demand_parties` (who sets a condition) and :mod:`.demand_addressees` (who is told
to meet it); a group no known actor names gets a ``new:group:`` id here.
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span, Token

from ..model import Actor, MentionDetail
from .actors import ActorMention, ResolvedActors


_SLUG = re.compile(r"[^a-z0-9]+")

# Words that open a phrase without naming anything: dropped before a new actor is named by it.
LEADING_WORDS = ("the", "a", "an", "its", "their", "his", "her", "some", "several")


def new_actor_id(kind: str, name: str) -> str:
    """An id for an actor no known one matches ("new:person:ahmed-ali")."""
    return f"new:{kind}:" + _SLUG.sub("-", name.lower()).strip("-")


def mention_index(resolved: ResolvedActors) -> dict[int, str]:
    index: dict[int, str] = {}
    for mention in resolved.mentions:
        for i in range(mention.token_start, mention.token_end):
            index.setdefault(i, mention.actor_id)
    return index


def actor_of(token: Optional[Token], actor_at: dict[int, str]) -> Optional[str]:
    ids = actors_of(token, actor_at)
    return ids[0] if ids else None


def actors_of(token: Optional[Token], actor_at: dict[int, str]) -> list[str]:
    """The actors a noun phrase names: its head's mention, else one in the words before the
    head, plus those of conjoined nouns ("Ukraine and Russia")."""
    if token is None:
        return []
    ids: list[str] = []
    if token.i in actor_at:
        ids.append(actor_at[token.i])
    else:
        for i in range(token.left_edge.i, token.i):
            if i in actor_at:
                ids.append(actor_at[i])
                break
    for child in token.children:
        if child.dep_ == "conj":
            ids += actors_of(child, actor_at)
    return ids


def country_of(actor_id: Optional[str], resolved: ResolvedActors) -> Optional[str]:
    if actor_id is None:
        return None
    actor = resolved.actors.get(actor_id)
    if actor is not None:
        return actor.country
    return actor_id if re.fullmatch(r"[A-Z]{3}", actor_id) else None


def state_of_agent(actor_id: str, resolved: ResolvedActors, state_sectors: frozenset[str]) -> str:
    """The state a generic agent of its own organs stands for ("Russian troops", "the Turkish
    military", "Venezuelan authorities" -> the country), else the id unchanged. Annotators name
    the state as the one who must act: its troops leave or stay because it decides so."""
    actor = resolved.actors.get(actor_id)
    if actor is None or not actor_id.startswith("agent:") or actor.sector not in state_sectors \
            or not actor.country or actor.country not in resolved.actors:
        return actor_id
    return actor.country


def is_person(actor_id: Optional[str], resolved: ResolvedActors) -> bool:
    actor = resolved.actors.get(actor_id) if actor_id else None
    return actor is not None and actor.type == "person"


def group_actor(span: Span, resolved: ResolvedActors, actor_at: dict[int, str]) -> Optional[str]:
    """The id of a group actor named by ``span``, added to the article's actors (as the
    events extractor does for "protesters"); None for a pronoun or a number."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    # "about 300 activists" are activists: the count stays in the mention, not the name.
    while words and len(words) > 1 and (words[0].lower_ in LEADING_WORDS or words[0].like_num
                                        or words[0].dep_ == "quantmod" or words[0].head.like_num):
        words = words[1:]
    if not words or all(t.pos_ in ("PRON", "NUM", "DET") for t in words):
        return None
    named = next((actor_at[t.i] for t in words if t.i in actor_at), None)
    if named is not None and len(words) == 1:
        return named
    phrase = span.doc[words[0].i:words[-1].i + 1]
    actor_id = new_actor_id("group", phrase.text)
    actor = resolved.actors.get(actor_id)
    if actor is None:
        actor = Actor(id=actor_id, name=phrase.text, type="group", country=_country_named_in(phrase, resolved, actor_at))
        resolved.actors[actor_id] = actor
    # The mention keeps the words as written ("Its foreign ministry"); the name drops them.
    first = next((t.i for t in span if not (t.is_punct or t.is_space) and t.lower_ not in ("the", "a", "an")), phrase.start)
    note_mention(actor_id, span.doc[min(first, phrase.start):phrase.end], resolved, "new")
    return actor_id


def note_mention(actor_id: str, phrase: Span, resolved: ResolvedActors, how: str) -> None:
    """Record ``phrase`` as a mention of ``actor_id`` (once), so the words a demand names its
    addressee by ("the government") stay linked to the actor they were read as."""
    actor = resolved.actors.get(actor_id)
    where = (phrase.start_char, phrase.end_char)
    if actor is None or where in actor.mentions:
        return
    actor.mentions.append(where)
    actor.mention_details.append(MentionDetail(span=where, text=phrase.text, how=how))
    resolved.mentions.append(ActorMention(where[0], where[1], actor_id, how, phrase.start, phrase.end, phrase.text))
    resolved.mentions.sort(key=lambda m: m.start)


def _country_named_in(phrase: Span, resolved: ResolvedActors, actor_at: dict[int, str]) -> Optional[str]:
    """The one country a group's words name ("Japan's embassy in Manila" -> JPN), so the group
    stays linked to the state it belongs to; None when they name none or several."""
    countries = {resolved.actors[actor_at[t.i]].country for t in phrase
                 if t.i in actor_at and actor_at[t.i] in resolved.actors
                 and resolved.actors[actor_at[t.i]].type == "country"}
    return countries.pop() if len(countries) == 1 else None
