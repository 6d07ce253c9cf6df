"""Who acts in an event: the per-Doc actor context of the event coder.

Maps tokens to resolved actors and reads the actors of a phrase: compound and relative
subjects, pronouns through their antecedent or the quote's speaker, unnamed groups
("protesters in Baghdad") as generic agents of a country, toponyms as place actors, and
the article's main country and country dyad. Unnamed groups and places are added to the
Doc's actors only when a kept event names them (:meth:`ActorContext.commit_groups`).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Optional, Sequence

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Event, MentionDetail, Quote
from ..nlp.sentences import text_of
from .actors import SECTOR_LABELS, ActorMention
from ..kb import normalise
from .coref import Gender, _institutions_of, _speaker_nouns
from .event_lexicon import EventLexicon
from .event_merge import _refs
from .event_voice import voice_words
from .event_syntax import (PASSIVE_SUBJECTS, SUBJECTS, _acting, _char_token, _common_noun,
                           _in_subject_phrase, _subject, _unique)

RELATIVE_PRONOUNS = frozenset({"that", "who", "which", "whom"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Owners that are a person: "his government", "her country".
PERSON_POSSESSIVES = frozenset({"his", "her"})
# Subject pronouns that, in a reported clause, stand for the reporter ("X said it will ...").
REPORTED_PRONOUNS = frozenset({"it", "they", "he", "she"})
SPEAKER_PRONOUNS = frozenset({"i", "we", "me", "us"})
# Of those, the ones read as the reporter without a person check: "he"/"she" go to the person
# named last before them, so "Trump said she opposes the deal" is not Trump's act.
ORGANISATION_PRONOUNS = frozenset({"it", "they"})
# Pronouns for a body (a country, an organisation, a group): never a named person.
BODY_PRONOUNS = frozenset({"it", "they", "them", "its", "their"})
_SLUG = re.compile(r"[^a-z0-9]+")
_BREAKS = re.compile(r"\n+")
# pronoun agreement (coref's first-name and surname tables), loaded once
_GENDER = Gender()


class ActorContext:
    """Per-Doc look-ups: actors by token, quotes by offset, places by sentence."""

    def __init__(self, doc: Doc, resolved, quotes, places, lex: EventLexicon):
        self.doc, self.resolved, self.lex, self.w = doc, resolved, lex, lex.words
        self.quotes = [q for q in quotes if q.speaker is not None]
        # statements by the offset of their cue verb: who the quote extractor found saying
        # it ("she denied that ...") is who does the act of that verb
        self.cues = {q.cue_span[0]: q for q in quotes if q.speaker is not None and q.cue_span}
        self._coref_resolver = None  # coreference for pronouns, built on first need
        self.voice = voice_words()
        self.by_token: list[Optional[str]] = [None] * len(doc)
        self.metonyms: set[int] = set()  # tokens of a capital standing for its state ("Paris")
        for m in resolved.mentions:
            for i in range(m.token_start, min(m.token_end, len(doc))):
                self.by_token[i] = m.actor_id
                if m.how == "metonym":
                    self.metonyms.add(i)
        self.places = [(p, _char_token(doc, p.span[0])) for p in places]
        self.place_at: dict[int, object] = {}  # token index -> the place whose name covers it
        for place in places:
            span = doc.char_span(place.span[0], place.span[1], alignment_mode="expand")
            for token in span or ():
                self.place_at[token.i] = place
        self._dyad: Optional[tuple[str, ...]] = None
        self._sides: Optional[tuple[str, ...]] = None
        # Unnamed groups met as an event's actor ("Demonstrators in Baghdad"): actor and
        # mentions, added to the Doc's actors only when an event keeps them.
        self.groups: dict[str, tuple[Actor, list[ActorMention]]] = {}

    # actors
    def token_actor(self, token: Optional[Token]) -> Optional[str]:
        return None if token is None else self.by_token[token.i]

    def is_channel(self, actor_id: str) -> bool:
        """A platform named after a preposition ("thanked Trump on X") is where an act was
        told, not whom it was done to."""
        return getattr(self.resolved.actors.get(actor_id), "type", None) == "media"

    def place_actor(self, token: Token) -> Optional[str]:
        """The actor for a toponym used as an act's target: the actor already named there
        ("strikes inside Pakistan"), else the place itself as an actor ``place:<ISO3>:<slug>``,
        added to the Doc's actors only if a kept event uses it (see :meth:`commit_groups`)."""
        place = self.place_at.get(token.i)
        if place is None:
            return None
        named = self.by_token[token.i]
        if named is not None:
            return named
        country = place.country or "XXX"
        actor_id = f"place:{country}:{_SLUG.sub('-', place.name.lower()).strip('-')}"
        span = self.doc.char_span(place.span[0], place.span[1], alignment_mode="expand")
        if span is None:
            return None
        mention = ActorMention(span.start_char, span.end_char, actor_id, "place", span.start, span.end, span.text)
        if actor_id not in self.groups:
            actor = self.resolved.actors.get(actor_id) or Actor(
                id=actor_id, name=place.name, type="other", country=place.country)
            self.groups[actor_id] = (actor, [])
        if all(m.start != mention.start for m in self.groups[actor_id][1]):
            self.groups[actor_id][1].append(mention)
        return actor_id

    def can_act(self, actor_id: str) -> bool:
        """An unnamed common-noun actor ("new:group:<noun>") acts only when its noun names
        people or a body of them; "a problem that demands a response" has no actor."""
        if not actor_id.startswith("new:group:"):
            return True
        nouns = [actor_id.rsplit(":", 1)[1].split("-")[-1]]
        # "Druze inhabitants of the Golan Heights", "Thousands of Iraqi Kurds": the phrase's
        # own head noun (or, after a count, the head of what is counted) says who acts
        heads = self._group_heads(actor_id)
        if any(t.ent_type_ == "NORP" and t.tag_ == "NNPS" for t in heads):
            return True  # "Thousands of Iraqi Kurds": a people's plural name
        # only a plural head: a crowd is named by its people ("inhabitants of ..."); a body
        # named by a long phrase ("a tribunal of the ...") is an organisation left unnamed
        return any(self._people_noun(noun) for noun in nouns + [t.lower_ for t in heads if t.tag_ in ("NNS", "NNPS")])

    def names_people(self, noun: str) -> bool:
        """The common noun names people or a body of them ("ambassador", "rebels"), not a thing or a deed."""
        return self._people_noun(noun)

    def _people_noun(self, noun: str) -> bool:
        # "opposition-groups": a plural of a body noun acts as the singular would
        for form in (noun, noun[:-1] if noun.endswith("s") else noun):
            if (form in self.w.agent_nouns or form in self.lex.agent_sectors or form in self.voice.target_group_nouns
                    or form in self.w.collective_nouns):
                return True
        return any(noun.endswith(end) for end in self.w.agent_noun_endings)

    def _group_heads(self, actor_id: str) -> list[Token]:
        """The head nouns of the phrases naming a group: the root of each mention's tokens,
        and after a count or a partitive ("thousands of ...") the noun counted."""
        heads: list[Token] = []
        tokens = [t for t in self.doc if self.by_token[t.i] == actor_id]
        inside = {t.i for t in tokens}
        for root in (t for t in tokens if t.head.i not in inside or t.head.i == t.i):
            heads.append(root)
            if root.like_num or root.lemma_.lower() in self.w.partitive_nouns:
                heads += [p for prep in root.children if prep.dep_ == "prep" and prep.lower_ == "of"
                          for p in prep.children if p.dep_ == "pobj"]
        return heads

    def is_person(self, actor_id: str) -> bool:
        return getattr(self.resolved.actors.get(actor_id), "type", None) == "person"

    def country(self, actor_id: str) -> Optional[str]:
        actor = self.resolved.actors.get(actor_id) or self.groups.get(actor_id, (None,))[0]
        return actor.country if actor is not None else None

    def sector(self, actor_id: str) -> Optional[str]:
        actor = self.resolved.actors.get(actor_id) or self.groups.get(actor_id, (None,))[0]
        return actor.sector if actor is not None else None

    def actors_of(self, token: Token, quote: Optional[Quote], modifiers: bool = False) -> list[str]:
        """Actors named by the phrase headed by ``token`` and its conjuncts."""
        found: list[str] = []
        for head in [token, *token.conjuncts]:
            found += self._actors_of_head(head, quote, modifiers)
        return _unique(found)

    def _actors_of_head(self, head: Token, quote: Optional[Quote], modifiers: bool) -> list[str]:
        low = head.lower_
        if head.dep_ in ("nsubj", "nsubjpass") and low in RELATIVE_PRONOUNS:
            verb = head.head
            if verb.dep_ == "relcl":
                return self.actors_of(verb.head, quote)
            # cleft: "it was Ukraine that refused" -> Ukraine
            attrs = [c for c in verb.head.children if c.dep_ == "attr"] if verb.dep_ == "ccomp" else []
            return self.actors_of(attrs[0], quote) if attrs else []
        if head.dep_ in ("dobj", "pobj", "dative") and low in RELATIVE_PRONOUNS:
            # "the rebels, whom Russia accused": the object is the noun the clause describes
            verb = head.head.head if head.dep_ == "pobj" else head.head
            return self.actors_of(verb.head, quote) if verb.dep_ == "relcl" else []
        if low in SPEAKER_PRONOUNS and not (head.is_upper and len(head) > 1):  # "US" is a country
            return [quote.speaker.actor_id] if quote is not None and quote.speaker.actor_id else []
        told = self.told_by(head)
        if told is not None and told.speaker.actor_id:
            # "she denied that ...", "A spokesman for Amnesty ... calls": the subject of a
            # statement's cue is its speaker, as the quote extractor resolved it
            return [told.speaker.actor_id]
        reporter = self._reported_pronoun(head)
        if reporter is not None:
            return [reporter]
        if low in ORGANISATION_PRONOUNS and head.dep_ in SUBJECTS + PASSIVE_SUBJECTS:
            # "Syria says it is willing to withdraw": the pronoun subject of a reported
            # clause is the reporter when the reporter is an actor.
            # "they"/"it" are never a person: "Trump said they would ..." is someone else
            reporter = [a for a in self._reporter_of(head) if not self.is_person(a)]
            if reporter:
                return reporter
        if low in PERSONAL_PRONOUNS:
            person = self._person_pronoun(head, quote)
            return [person] if person else []
        if low in BODY_PRONOUNS:
            return self._body_before(head)  # nothing fits: drop rather than guess
        if self.help_phrase(head):
            return []
        pair = self.both_sides(head)
        if pair:
            return pair
        if head.lemma_.lower() in self.w.statement_nouns and head.dep_ in SUBJECTS and self.by_token[head.i] is None:
            return self._author_of(head, quote)
        actor = self.by_token[head.i]
        if actor is None or actor.startswith("new:group:"):
            # "the group", "the bloc", "her country": a body named before, not a new group
            described = self.described_body(head, quote)
            if described:
                return described
        body = self._country_body(head, civil=actor is None) if actor is None or actor.startswith("agent:") else None
        if body is not None:
            return [body]
        if actor is not None and actor.startswith("new:group:"):
            # "the opposition newspaper La Prensa": the name in apposition, not the common noun
            apposed = self._apposed(head, actor)
            if apposed:
                return [apposed]
        if actor is not None and not (modifiers and actor.startswith("agent:")):
            return [actor]
        named = self._named_after(head) or self._apposed(head, actor)
        if named:
            return [named]
        # "Russian and Ukrainian negotiators": each modifier's country, with the head's sector.
        found = [actor] if actor else []
        sector = actor.split(":")[2] if actor and actor.startswith("agent:") else None
        for child in head.children:
            if child.dep_ not in ("amod", "compound", "poss", "nmod") or child.i == head.i:
                continue
            if self._related_to(head, child):
                continue  # "Scott's wife pleads": the wife acts, not Scott
            own = self._own_forces(head, child)
            if own is not None:
                return [own]
            for mod in [child, *child.conjuncts]:
                mod_actor = self.by_token[mod.i]
                if mod_actor is None or mod_actor == actor or self.named_for_city(head, mod):
                    continue
                if sector and not mod_actor.startswith("agent:"):
                    agent = f"agent:{self.country(mod_actor) or mod_actor}:{sector}"
                    mod_actor = agent if agent in self.resolved.actors else mod_actor
                found.append(mod_actor)
        if not found:
            found = self._group_of(head, quote)
        return found

    def help_phrase(self, head: Token) -> bool:
        """"with Albania's help", "with US backing": whose help it is joins the doers of an
        act, so the phrase names no one the act is done to or with."""
        return (head.dep_ == "pobj" and head.head.lower_ == "with"
                and head.lemma_.lower() in self.w.helper_nouns)

    def _related_to(self, head: Token, mod: Token) -> bool:
        """A subject that is someone's relation ("Scott's wife", "the Trump lawyer") is not
        the one it is related to. A body named as a plain modifier is the relation itself:
        "its European Community partners" are the Community's members, and they act."""
        if head.dep_ not in SUBJECTS or not (head.lemma_.lower() in self.voice.relation_nouns
                                             or head.lower_ in self.voice.relation_nouns):
            return False
        if mod.dep_ == "poss":
            return True
        named = self.by_token[mod.i]
        return named is None or self.is_person(named)

    # definite descriptions of a body
    def described_body(self, head: Token, quote: Optional[Quote]) -> list[str]:
        """The actor an acting definite description takes back ("the bloc" after the EU, "the
        group" after Hamas, "the government", "her country"), by coreference's rules for the
        same phrase as a speaker. Only an unambiguous antecedent counts: one actor of the
        fitting kind in the last few sentences."""
        if head.dep_ not in SUBJECTS + PASSIVE_SUBJECTS or head.pos_ not in ("NOUN", "PROPN"):
            return []
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None:
            body = self._owned_body(head, owner, quote) if owner.lower_ in PERSON_POSSESSIVES else None
        elif self._bare_definite(head):
            body = self._antecedent_body(head)
        else:
            return []
        # The body acts, not the one reporting it ("Naim said the group had agreed": Hamas
        # agreed): the guidelines source an act to its doer. Crediting the reporter raised two
        # development sets and lowered the validation set.
        return [body] if body is not None else []

    def _bare_definite(self, head: Token) -> bool:
        """"the bloc", "this group": a determiner and nothing that names whose it is
        ("the Russian army" names its own country and is read elsewhere)."""
        dets = [c for c in head.children if c.dep_ == "det"]
        if not dets or any(d.lower_ not in self.voice.definite_dets for d in dets):
            return False
        return not any(self.by_token[t.i] for t in head.subtree if t.i != head.i)

    def _antecedent_body(self, head: Token) -> Optional[str]:
        """Coreference's antecedent of a bare definite body noun, if no rival of its kind."""
        coref, noun = self._coref(), normalise(head.lemma_)
        nouns = _speaker_nouns()["institution_nouns"]
        fits = nouns.get(head.lower_) or nouns.get(noun)
        if fits is not None and set(fits) == {"sector"}:
            return None  # "the army": whose is read from the sentence's places (_group_of)
        found = coref._institution_noun(head, noun)
        if found is not None:
            return found.actor_id if self._only_fitting(head, found.actor_id, fits) else None
        if noun not in _speaker_nouns()["government_nouns"]:
            # "the council" after "the National Electoral Council"; not "the government" after
            # a state's agent, whose name has the word but whose state may not be meant
            found = coref._organisation_noun(head, noun)
            return found.actor_id if found is not None else None
        found = coref._government(head)
        if found is None or found.actor_id is None or self.is_person(found.actor_id):
            return None
        # "the government" with two states in view ("Oman ... Yemen's"), or said from a place
        # in another state ("Reporting from Aden, ... said the government"), is either one's
        setting = self._sentence_country(head, setting=True)
        if setting is not None and setting != self.country(found.actor_id):
            return None
        return found.actor_id if self._only_fitting(head, found.actor_id, {"type": "country"}, by_country=True) else None

    def _only_fitting(self, head: Token, actor_id: Optional[str], fits: dict, by_country: bool = False) -> bool:
        """No other actor of the kind ``fits`` names in the last few sentences (with
        ``by_country``, no actor of another country)."""
        coref = self._coref()
        start = self._window_start(head, self.voice.antecedent_sentences)
        rivals = {m.actor_id for m, _ in coref._antecedents(head)
                  if m.token_start >= start and coref._fits(self.resolved.actors[m.actor_id], fits)}
        if by_country:
            return {self.country(a) for a in rivals} <= {self.country(actor_id)}
        return actor_id is not None and rivals <= {actor_id}

    def _owned_body(self, head: Token, owner: Token, quote: Optional[Quote]) -> Optional[str]:
        """"her country", "his government": the country of the person the pronoun stands for."""
        noun = normalise(head.lemma_)
        # a state named by a common noun: "country", "nation" (the anaphoric ones) or its executive
        if head.tag_ != "NN" or (noun not in self.voice.anaphoric_group_nouns and noun not in _speaker_nouns()["government_nouns"]):
            return None
        person = self._person_pronoun(owner, quote)
        if person is None:
            return None
        country = self.country(person)
        return next((a.id for a in self.resolved.actors.values() if a.type == "country" and a.country == country), None) if country else None

    def people_group(self, head: Token, quote: Optional[Quote] = None) -> list[str]:
        """The unnamed group an act is aimed at ("urged donors to close the gap", "detained
        14 picketers", "called on member states"): a group actor named by its phrase, with the
        country its modifier or place phrase gives ("Filipino fishermen"). Only for a target:
        an unnamed doer is read by :meth:`_group_of`, which wants a known sector."""
        if head.pos_ != "NOUN" or head.tag_ != "NNS" or self.by_token[head.i] is not None:
            return []
        if any(c.dep_ == "poss" for c in head.children):
            return []  # "its crew members", "our partners": the actor's own people
        if head.lower_ in self.voice.anaphoric_group_nouns and any(
                c.dep_ in ("nummod", "det", "predet") and (c.like_num or c.lower_ == "both") for c in head.children):
            return []  # "both countries": actors named before, not a new group
        if head.lower_ not in self.voice.target_group_nouns and head.lemma_.lower() not in self.voice.target_group_nouns:
            return []
        start = head.i
        for child in head.lefts:
            if child.dep_ in ("amod", "compound", "nmod") and child.i < start:
                start = child.left_edge.i
        while start < head.i and self.doc[start].dep_ in ("det", "predet", "nummod", "quantmod", "punct", "case", "poss"):
            start += 1
        span = self.doc[start : head.i + 1]
        actor_id = f"new:group:{_SLUG.sub('-', span.text.lower()).strip('-')}"
        whole = self._phrase_of(head, span)
        counted = [c.left_edge.i for c in head.lefts if c.dep_ == "nummod"]
        if counted and min(counted) < whole.start:
            whole = self.doc[min(counted) : whole.end]  # "three active-duty soldiers", as written
        mention = ActorMention(whole.start_char, whole.end_char, actor_id, "generic", span.start, span.end, whole.text)
        if actor_id not in self.groups:
            actor = self.resolved.actors.get(actor_id) or Actor(
                id=actor_id, name=span.text, type="group", country=self._country_near(head))
            self.groups[actor_id] = (actor, [])
        self.groups[actor_id][1].append(mention)
        return [actor_id]

    def _country_body(self, head: Token, civil: bool = False) -> Optional[str]:
        """"A Chinese coast guard ship", "China's coast guard", "Russian navy vessels": a
        country's armed or security body written in lower case (coreference's
        ``country_bodies``), acting through its ships or in its own name. The KB's body of that
        country when it lists one, else the organisation "<Country> <body>" that the quote
        side builds for the same words, so both sides name one actor."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        words, country = [], None
        for token in self.doc[head.left_edge.i : head.i + 1]:
            owner = self.resolved.actors.get(self.by_token[token.i]) if self.by_token[token.i] and token.i != head.i else None
            if owner is not None and owner.type == "country":
                country = owner
            elif token.text.islower() and token.pos_ in ("NOUN", "PROPN", "ADJ") and token.dep_ in ("compound", "amod", "nmod", "ROOT") or token.i == head.i:
                words.append(token.lower_)
        if country is None or not country.country:
            return None
        bodies = _speaker_nouns()["country_bodies"]
        key = next((" ".join(words[i:j]) for i in range(len(words)) for j in range(len(words), i, -1)
                    if " ".join(words[i:j]) in bodies), None)
        sector = bodies.get(key) if key is not None else None
        if key is None and civil and words and words[-1] in self.voice.state_body_nouns:
            # "Ukraine's energy ministry rejected": the ministry acts, not the whole country
            key, sector = " ".join(words), self.voice.state_body_nouns[words[-1]]
        if key is None:
            return None
        from ..kb import load_kb

        entries = _institutions_of(load_kb(), country.country, frozenset(normalise(w) for w in key.split()))
        if len(entries) == 1:
            actor_id, name, kind = entries[0].id, entries[0].name, entries[0].type
        else:
            name, kind = f"{country.name} {key}", "organisation"
            actor_id = "new:organisation:" + "-".join(normalise(name).split())
        span = self.doc[head.left_edge.i : head.i + 1]
        while len(span) > 1 and span[0].dep_ in ("det", "predet"):
            span = span[1:]
        mention = ActorMention(span.start_char, span.end_char, actor_id, "country body", span.start, span.end, span.text)
        if actor_id not in self.groups:
            actor = self.resolved.actors.get(actor_id) or Actor(
                id=actor_id, name=name, type=kind, country=country.country, sector=sector)
            self.groups[actor_id] = (actor, [])
        if all(m.start != mention.start for m in self.groups[actor_id][1]):
            self.groups[actor_id][1].append(mention)
        return actor_id

    def _own_forces(self, head: Token, owner: Token) -> Optional[str]:
        """"The defence ministry said its forces had struck ...": forces owned by "its"/"their"
        in a clause reported by a body are that body's own (the speaker tells of its own act)."""
        if owner.dep_ != "poss" or owner.lower_ not in ("its", "their"):
            return None
        if head.lemma_.lower() not in self.voice.own_force_nouns and head.lower_ not in self.voice.own_force_nouns:
            return None
        quote = self.quote_at(head.idx)
        speaker = quote.speaker.actor_id if quote is not None and quote.kind == "indirect" else None
        if speaker is None or self.is_person(speaker):
            return None
        opening = not text_of(self.doc)[quote.span[0]:head.left_edge.idx].strip(" that")
        return speaker if opening else None

    def _apposed(self, head: Token, actor: Optional[str]) -> Optional[str]:
        """The one a role noun is then named as: "his rival, Hillary Clinton", "Russia's
        ambassador, Oleg Ozerov", "its neighbour, Belarus". The name is who is meant; the
        role noun alone (or its generic agent) says less."""
        # a capitalised title is a role noun too: "The Federal Minister for Interior, Aftab Sherpao"
        role = head.pos_ == "NOUN" or (head.pos_ == "PROPN" and self._people_noun(head.lemma_.lower()))
        if not role or (actor is not None and not actor.startswith(("agent:", "new:group:"))):
            return None
        for child in head.children:
            if child.dep_ == "appos" and child.i > head.i and self.by_token[child.i]:
                return self.by_token[child.i]
        return None

    def named_for_city(self, head: Token, mod: Token) -> bool:
        """"the Paris climate accord", "the Minsk agreements", "the Doha talks": a text or a
        meeting named for the city where it was made names no party to it."""
        if head.lemma_.lower() not in self.w.act_nouns or mod.dep_ not in ("compound", "nmod"):
            return False
        place = self.place_at.get(mod.i)
        return (place is not None and getattr(place, "kind", None) == "city") or mod.i in self.metonyms

    # unnamed groups
    def _group_of(self, head: Token, quote: Optional[Quote]) -> list[str]:
        """The actor of a common-noun phrase: "thousands of students" and "leaders of the
        coalition" through their "of" phrase; "rebels", "Demonstrators in Baghdad", "Iraqi
        Kurds" as a generic agent with a sector, and a country when the phrase names one."""
        lemma = head.lemma_.lower()
        if lemma in self.w.partitive_nouns or head.like_num:
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    return self.actors_of(pobj, quote)
            if head.like_num or not any(c.dep_ in ("compound", "amod") for c in head.children):
                return []
            # "Opposition groups in Zimbabwe": a group noun whose modifier gives its sector
        if head.pos_ != "NOUN" and not (head.pos_ == "PROPN" and head.is_sent_start):
            return []  # a capitalised first word is often tagged a name: "Rebels attacked ..."
        sector = self._sector_of(head)
        if sector is None:
            return []
        country = self._country_near(head)
        if country is None and sector.lower() in self.w.state_sectors:
            # "Police arrested dozens in Caracas": a state's agent acting as subject belongs to
            # the country of a place in the sentence, else to the article's main country
            if _acting(head) and sector.lower() in self.w.context_country_sectors and not self._origin_said(head):
                country = self._sentence_country(head, setting=True) or self.main_country()
            if country is None and self._counted_crowd(head, sector):
                country = self._sentence_country(head, setting=True)
                return [self._group(head, sector, country)]
            if country is None and not self._origin_said(head) and not self._people_named(head, sector):
                return []  # "the government", "officials", "the embassy": whose is not said
        return [self._group(head, sector, country)]

    def _people_named(self, head: Token, sector: str) -> bool:
        """"Jewish settlers", "Muslim hackers", "Druze inhabitants": a people or faith named
        by a capitalised modifier says who a non-state group is, though no country is named.
        Not for a state's agents ("Muslim officials" are still some state's)."""
        if sector.lower() in self.w.context_country_sectors:
            return False
        return any(c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" and c.text[:1].isupper()
                   for c in head.children)

    def _counted_crowd(self, head: Token, sector: str) -> bool:
        """"Hundreds of thousands of people blocked streets", "About 200 people marched": a
        crowd's people counted as the doer of a clause. "People" alone names no one; counted
        and acting, they are one crowd. Not for a state's agents ("200 officials" are still
        some state's) nor for those acted upon ("killed 23 people": victims, not a group)."""
        if sector.lower() not in self.w.crowd_sectors:
            return False
        phrase, counted = head, any(c.dep_ == "nummod" and c.like_num for c in head.children)
        # climb "of" phrases to the outermost count: "Hundreds of thousands of people"
        while phrase.dep_ == "pobj" and phrase.head.lower_ == "of" and phrase.head.head.i < phrase.i:
            owner = phrase.head.head
            if not (owner.like_num or owner.lemma_.lower() in self.w.partitive_nouns):
                break
            phrase, counted = owner, counted or owner.tag_ in ("NNS", "CD") or owner.like_num
        return counted and _acting(phrase)

    @staticmethod
    def _origin_said(head: Token) -> bool:
        """The phrase says whom the group is from, in words that name no actor: "Negotiators
        from dozens of developing countries" are not the host country's."""
        return any(c.dep_ == "prep" and c.lower_ in ("from", "of", "for") and any(p.dep_ == "pobj" for p in c.children)
                   for c in head.children)

    def _sector_of(self, head: Token) -> Optional[str]:
        sectors = self.lex.agent_sectors
        lemma = head.lemma_.lower()
        if lemma not in sectors and lemma.endswith("s") and lemma[:-1] in sectors:
            lemma = lemma[:-1]  # a plural the tagger took for a name keeps its "s"
        compounds = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
        for mod in compounds:  # two-word agents first: "security forces", "aid workers"
            key = f"{mod.lemma_.lower()} {lemma}"
            if key in sectors:
                return sectors[key]
        if lemma in sectors:
            return sectors[lemma]
        if lemma in self.w.collective_nouns:  # "the opposition coalition", "a rebel group"
            for mod in compounds:
                if mod.lemma_.lower() in sectors:
                    return sectors[mod.lemma_.lower()]
        return None

    def contextual_agent(self, head: Token) -> Optional[str]:
        """A state agent whose country the sentence or article gives: "against the
        government's decision" in a sentence set in Tbilisi is Georgia's government."""
        sector = self._sector_of(head) if _common_noun(head) else None
        if sector is None or sector.lower() not in self.w.context_country_sectors:
            return None
        country = self._sentence_country(head) or self.main_country()
        return self._group(head, sector, country) if country else None

    def unidentified_attacker(self, means: Token, sector: str) -> str:
        """The attacker of a violence told without its doer ("killed in a car bombing in
        Baghdad"): an unidentified armed group (``sector``) of the country where the act took
        place, else of no country, named by its means."""
        head = means
        country = self._setting_country(head.sent)
        actor_id = self._group(head, sector, country)
        actor, mentions = self.groups[actor_id]
        if country and actor_id not in self.resolved.actors:
            # "Iraq (UAF)" reads as a force of Iraq's; the attacker is only known to act there
            owner = self.resolved.actors.get(country)
            from ..kb import load_kb

            entry = owner or load_kb().get(country)
            known = entry.name if entry else country
            name = f"unidentified attackers in {known}"
            self.groups[actor_id] = (actor.model_copy(update={"name": name}), mentions)
        return actor_id

    def _setting_country(self, sent: Span) -> Optional[str]:
        """The country of the first place the sentence puts something in ("in Baghdad",
        "near Samarra", "outside the Iraqi city of Basra"), not one named as a modifier
        ("an anti-Syria journalist")."""
        for place, token in self.places:
            if token is None or not (sent.start <= token.i < sent.end) or not place.country:
                continue
            if any(a.dep_ == "prep" for a in token.ancestors if a.i >= sent.start):
                return place.country
        return None

    def others_institution(self, head: Token, found: list[str], source: list[str]) -> list[str]:
        """"China and Russia support the government" (of Sudan): a bare "the government"
        acted upon by foreign states is seldom their own, though the resolver gives it the
        country named last. When it was given a source's country, take the country of another
        place in the sentence, else the article's main one, if that is not a source's."""
        own = {self.country(a) for a in source} - {None}
        if not own or not any(self.country(a) in own for a in found):
            return found
        sector = self._sector_of(head)
        if sector is None or sector.lower() not in self.w.context_country_sectors:
            return found
        country = self._sentence_country(head, besides=source) or self.main_country()
        if country is None or country in own:
            return found
        return [self._group(head, sector, country)]

    def localise_group(self, actor_id: str, source: list[str], sent: Span) -> str:
        """A target group that names no country ("fired tear gas at protesters", "met the
        opposition") belongs to the country of a place in its sentence, else to the country
        of a state source acting at home ("Kenya's government met the opposition"). Written
        news names the country once; a group on the receiving end is seldom foreign unless
        the sentence says so."""
        if not actor_id.startswith("new:group:") or actor_id not in self.groups:
            return actor_id
        actor, mentions = self.groups[actor_id]
        here = [m for m in mentions if sent.start <= m.token_start < sent.end]
        if not here or not actor.sector:
            return actor_id
        head = self.doc[here[-1].token_end - 1]
        country = self._sentence_country(head, besides=source) or self._home_country(source)
        return self._group(head, actor.sector, country) if country else actor_id

    def domestic_agent(self, head: Token, source: list[str]) -> list[str]:
        """"the government", "the police" with no country of their own: the country of a
        place in the sentence, else the article's main one, else the one country of the
        act's sources ("Colombian rebels demanded that the government release ...")."""
        agent = self.contextual_agent(head)
        if agent:
            return [agent]
        sector = self._sector_of(head) if head.pos_ == "NOUN" else None
        if sector is None or sector.lower() not in self.w.context_country_sectors:
            return []
        countries = {self.country(a) for a in source}
        if len(countries) != 1 or None in countries:
            return []
        return [self._group(head, sector, countries.pop())]

    def _home_country(self, source: list[str]) -> Optional[str]:
        """The one country of sources that are all a state's home agents (government, police)."""
        countries = set()
        for actor_id in source:
            actor = self.resolved.actors.get(actor_id) or self.groups.get(actor_id, (None,))[0]
            if actor is None or not actor.country:
                return None
            # a state agent at home, not the country as a whole: "Israel says it has killed
            # 17,000 militants" are not Israel's own
            if actor.type == "country" or (actor.sector or "").lower() not in self.w.home_sectors:
                return None
            countries.add(actor.country)
        return countries.pop() if len(countries) == 1 else None

    def _sentence_country(self, head: Token, besides: Sequence[str] = (), setting: bool = False) -> Optional[str]:
        """The country of the first place named in the sentence; not one that names an actor
        of ``besides`` ("the rebels, whom Russia accused": Russia is the accuser). With
        ``setting``, only a place that sets the scene, not one acted upon: "the president
        declined to threaten Moscow" says nothing of whose president acts."""
        sent = head.sent
        for place, token in self.places:
            if token is not None and sent.start <= token.i < sent.end and place.country:
                if besides and self.by_token[token.i] in besides:
                    continue
                if setting and self._acted_upon(token):
                    continue
                return place.country
        return None

    @staticmethod
    def _acted_upon(token: Token) -> bool:
        """A place named as a verb's own object ("threaten Moscow"); a place in a phrase
        ("an offensive on Gaza", "arrested in Caracas") may still set the scene."""
        while token.dep_ in ("compound", "flat") and token.head.i != token.i:
            token = token.head
        return token.dep_ in ("dobj", "dative", "nsubjpass", "attr", "oprd")

    def main_country(self) -> Optional[str]:
        """The country the article is about: the one named most (as country, capital,
        demonym or agent), if named at least twice and more than any other."""
        if not hasattr(self, "_main"):
            counts: Counter = Counter()
            for m in self.resolved.mentions:
                actor = self.resolved.actors.get(m.actor_id)
                if actor is not None and actor.country and (actor.type == "country" or m.actor_id.startswith("agent:")):
                    counts[actor.country] += 1
            for place, _ in self.places:
                if place.country:
                    counts[place.country] += 1
            ranked = counts.most_common(2)
            self._main = ranked[0][0] if ranked and ranked[0][1] >= 2 and (
                len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
        return self._main

    def _country_near(self, head: Token) -> Optional[str]:
        """The country a group noun belongs to: a modifier ("Iraqi Kurds", "Iraq's
        government") or a place phrase ("rebels in the Ivory Coast", "students from Iraq")."""
        nodes = [c for c in head.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "from")):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                nodes += [pobj] + [c for c in pobj.children if c.dep_ in ("compound", "poss", "amod")]
        for node in nodes:
            actor_id = self.by_token[node.i]
            country = self.country(actor_id) if actor_id else None
            if country:
                return country
        return None

    def _group(self, head: Token, sector: str, country: Optional[str]) -> str:
        start = head.i
        for child in head.lefts:
            if child.dep_ in ("amod", "compound", "nmod", "poss") and child.i < start:
                start = child.left_edge.i if child.dep_ != "poss" else child.i
        while start < head.i and self.doc[start].dep_ in ("det", "predet", "nummod", "quantmod", "punct", "case"):
            start += 1
        span = self.doc[start : head.i + 1]
        if country:
            actor_id = f"agent:{country}:{sector}"
            owner = self.resolved.actors.get(country)
            name = f"{owner.name if owner else country} ({SECTOR_LABELS.get(sector, sector)})"
        else:
            actor_id = f"new:group:{_SLUG.sub('-', head.lemma_.lower()).strip('-')}"
            name = span.text
        whole = self._phrase_of(head, span)
        mention = ActorMention(whole.start_char, whole.end_char, actor_id, "generic", span.start, span.end, whole.text)
        if actor_id not in self.groups:
            known = self.resolved.actors.get(actor_id)
            actor = known or Actor(id=actor_id, name=name, type="group", country=country, sector=sector)
            self.groups[actor_id] = (actor, [])
        self.groups[actor_id][1].append(mention)
        for i in range(span.start, span.end):
            self.by_token[i] = actor_id
        return actor_id

    def _phrase_of(self, head: Token, core: Span) -> Span:
        """The whole phrase an unnamed group is named by, as a reader would quote it: with
        its count ("hundreds of protesters") and what it is said to be ("Negotiators from
        dozens of developing countries", "Demonstrators in Baghdad"), up to a comma."""
        outer = head
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i < head.i:
            owner = head.head.head
            if owner.lemma_.lower() in self.w.partitive_nouns or owner.like_num:
                outer = owner  # "hundreds of protesters"
        start = min(core.start, outer.left_edge.i if outer is not head else core.start)
        while start < core.start and self.doc[start].dep_ in ("det", "predet", "punct", "case"):
            start += 1
        end = core.end
        for token in self.doc[head.i + 1 : head.right_edge.i + 1]:
            if token.is_punct or token.dep_ in ("appos", "relcl") and token.head.i == head.i and "," in token.whitespace_:
                break
            end = token.i + 1
        return self.doc[start:end]

    def commit_groups(self, events: list[Event]) -> None:
        """Adds to the Doc's actors the unnamed groups that some kept event names."""
        used = {a for e in events for a in (*_refs(e.source), *_refs(e.target))}
        for actor_id, (actor, mentions) in self.groups.items():
            if actor_id not in used:
                continue
            actor = self.resolved.actors.setdefault(actor_id, actor)
            for m in mentions:
                if m.start in {s for s, _ in actor.mentions}:
                    continue
                actor.mentions.append((m.start, m.end))
                actor.mention_details.append(MentionDetail(span=(m.start, m.end), text=m.text, how=m.how))
                self.resolved.mentions.append(m)
        self.resolved.mentions.sort(key=lambda m: m.start)

    def _reporter_of(self, pronoun: Token) -> list[str]:
        """The actors of the subject of the reporting verb whose clause ``pronoun`` heads."""
        clause = pronoun.head
        while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in self.w.reporting_verbs:
            return []
        subject = next((c for c in clause.head.children if c.dep_ in SUBJECTS), None)
        if subject is None or subject.lower_ in REPORTED_PRONOUNS:
            return []
        # "China, Pyongyang's only ally, said it ...": the named subject speaks, not the
        # actors in a description the parser hung on it as a conjunct
        named = _unique([a for h in (subject, *subject.conjuncts) if (a := self.by_token[h.i])])
        return named or self.actors_of(subject, None)

    def told_by(self, subject: Token) -> Optional[Quote]:
        """The statement whose cue verb ``subject`` is the subject of ("A spokesman for
        Amnesty calls the deal a fraud")."""
        if subject.dep_ not in SUBJECTS + PASSIVE_SUBJECTS:
            return None
        return self.cues.get(subject.head.idx)

    def _reported_pronoun(self, pronoun: Token) -> Optional[str]:
        """The speaker of an indirect statement whose reported clause has ``pronoun`` as its
        subject and agrees with it: "Its foreign ministry says that it welcomes ..." (a body
        for "it"/"they"), "He said he planned to travel" (a person of the pronoun's gender).
        The quote extractor's resolution of the speaker is the better guess than a walk back
        over the mentions."""
        low = pronoun.lower_
        if low not in REPORTED_PRONOUNS or pronoun.dep_ not in SUBJECTS + PASSIVE_SUBJECTS:
            return None
        quote = self._opened_statement(pronoun)
        speaker = quote.speaker.actor_id if quote is not None else None
        if speaker is None:
            return None
        actor = self.resolved.actors.get(speaker)
        if low in PERSONAL_PRONOUNS:
            return speaker if self.is_person(speaker) and _GENDER.agrees(low, actor.name) else None
        return None if self.is_person(speaker) or actor is None else speaker

    def _opened_statement(self, subject: Token) -> Optional[Quote]:
        """The indirect statement whose reported clause ``subject`` is the subject of: the
        cue's clause ("said it would"), or a statement the subject opens ("says in a
        statement that it welcomes ...")."""
        clause = subject.head
        while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
            clause = clause.head
        quote = self.cues.get(clause.head.idx) if clause.dep_ == "ccomp" else None
        if quote is None:
            quote = self.quote_at(subject.idx)
            opening = quote is not None and not text_of(self.doc)[quote.span[0]:subject.left_edge.idx].strip(" that")
            quote = quote if opening else None
        return quote if quote is not None and quote.kind == "indirect" else None

    def _person_pronoun(self, pronoun: Token, quote: Optional[Quote]) -> Optional[str]:
        """Who "he"/"she" is, by coreference's salience rules (the quotes' resolver), or None
        when that answer is not reliable: no person, a gender clash, the speaker of the very
        quote the pronoun is in ("he" in someone's own words is someone else), an antecedent
        in another paragraph, or a second person of the same gender named as near."""
        resolution = self._coref().resolve_pronoun(pronoun, self._last_speaker(pronoun, person=False))
        actor_id = resolution.actor_id
        if not actor_id or not self.is_person(actor_id):
            return None
        if not _GENDER.agrees(pronoun.lower_, self.resolved.actors[actor_id].name):
            return None
        if quote is not None and quote.speaker.actor_id == actor_id and quote.kind == "direct":
            return None
        mention = resolution.mention
        if mention is None:
            # the previous speaker, with nobody named between, in this paragraph or the last
            last = self._last_speaker(pronoun, person=True)
            return actor_id if last == actor_id and self._breaks(self._last_quote_start(pronoun), pronoun.idx) <= 1 else None
        salient = self._is_subject_mention(mention) or actor_id == self._last_speaker(pronoun, person=True)
        # "... Erdan says. \n\n He then feeds the Charter into a shredder": a paragraph may
        # open on the subject or speaker of the one before, not on a name in passing
        if self._breaks(mention.start, pronoun.idx) > (1 if salient else 0):
            return None
        if not salient and self._rival_person(pronoun, mention, actor_id):
            return None
        return actor_id

    def _coref(self):
        if self._coref_resolver is None:
            from ..kb import load_kb
            from .coref import SpeakerResolver
            from .quotemarks import find_quoted_spans

            kb = load_kb()
            titles = dict(sorted((kb.agents.get("titles") or {}).items()))
            quoted = [(q.start, q.end) for q in find_quoted_spans(text_of(self.doc))]
            self._coref_resolver = SpeakerResolver(self.doc, self.resolved, quoted, titles, kb, None, _GENDER)
        return self._coref_resolver

    def _breaks(self, start: Optional[int], end: int) -> int:
        """Paragraph breaks between two offsets (many when ``start`` is unknown)."""
        return 99 if start is None else len(_BREAKS.findall(text_of(self.doc), start, end))

    def _last_quote_start(self, token: Token) -> Optional[int]:
        starts = [q.span[0] for q in self.quotes if q.span[0] < token.idx]
        return max(starts) if starts else None

    def _is_subject_mention(self, mention: ActorMention) -> bool:
        head = self.doc[mention.token_end - 1]
        while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
            head = head.head
        return head.dep_ in SUBJECTS + PASSIVE_SUBJECTS

    def _rival_person(self, pronoun: Token, chosen: ActorMention, actor_id: str) -> bool:
        """Another person the pronoun could stand for, named in its sentence or the one
        before: "Trump invited Flowers, who had an affair with Clinton. And she accepted"."""
        start, _ = self._antecedent_window(pronoun)
        for m in self.resolved.mentions:
            if not (start <= m.token_start < pronoun.i) or m.actor_id == actor_id or m.start == chosen.start:
                continue
            actor = self.resolved.actors.get(m.actor_id)
            if getattr(actor, "type", None) == "person" and _GENDER.agrees(pronoun.lower_, actor.name):
                return True
        return False

    def _named_after(self, head: Token) -> Optional[str]:
        """A title the parser made the head of "Minister Itamar Ben-Gvir": the person whose
        name follows it directly."""
        if head.pos_ not in ("NOUN", "PROPN") or not head.is_title:
            return None
        nxt = head.i + 1
        if nxt < len(self.doc) and self.doc[nxt].pos_ == "PROPN":
            actor_id = self.by_token[nxt]
            if actor_id and self.is_person(actor_id):
                return actor_id
        return None

    def _author_of(self, noun: Token, quote: Optional[Quote]) -> list[str]:
        """Who a statement noun subject stands for ("The statement accused Hamas ..."): its
        possessor or "by"/"from" author, else the speaker of the latest quote before it."""
        found = []
        for child in noun.children:
            if child.dep_ in ("poss", "amod", "compound") and self.by_token[child.i]:
                found += self.actors_of(child, quote)
            elif child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                found += [a for p in child.children if p.dep_ == "pobj" for a in self.actors_of(p, quote)]
        if found:
            return _unique(found)
        speaker = self._last_speaker(noun, person=False)
        return [speaker] if speaker else []

    def _last_speaker(self, token: Token, person: bool) -> Optional[str]:
        """The resolved speaker of the latest quote that starts before ``token`` (a person's,
        when a personal pronoun is to be resolved), within the previous few sentences."""
        best = None
        for quote in self.quotes:
            actor_id = quote.speaker.actor_id
            if not actor_id or quote.span[0] >= token.idx or token.idx - quote.span[0] > self.w_speaker_window:
                continue
            if person and not self.is_person(actor_id):
                continue
            if best is None or quote.span[0] > best.span[0]:
                best = quote
        return best.speaker.actor_id if best is not None else None

    # how far back (characters) a statement noun or pronoun may look for its speaker
    w_speaker_window = 1500

    def _person_before(self, token: Token) -> Optional[str]:
        """The person named last before ``token`` in its sentence or the one before whose
        name agrees with the pronoun's gender; an object pronoun ("scolded him") is not the
        subject of its own clause, which would be "himself"."""
        start, excluded = self._antecedent_window(token)
        for i in range(token.i - 1, start - 1, -1):
            actor_id = self.by_token[i]
            if not actor_id or actor_id in excluded:
                continue
            actor = self.resolved.actors.get(actor_id)
            if getattr(actor, "type", None) == "person" and _GENDER.agrees(token.lower_, actor.name):
                return actor_id
        return None

    def _antecedent_window(self, token: Token) -> tuple[int, set]:
        """Where a pronoun's antecedent is looked for (its sentence and the one before) and
        the actors it cannot be: an object pronoun is not the subject of its own clause."""
        start = token.sent.start
        if start > 0:
            start = self.doc[start - 1].sent.start
        excluded: set = set()
        if token.dep_ not in SUBJECTS + PASSIVE_SUBJECTS:
            subject = _subject(token.head) if token.head.pos_ in ("VERB", "AUX") else None
            excluded = set(self.by_token[t.i] for t in subject.subtree) if subject is not None else set()
        return start, excluded

    def _body_before(self, token: Token) -> list[str]:
        """What "it"/"they" stand for: the body named last as (or in the name of) a clause
        subject, in its sentence or the one before, else coreference's answer if a body ("it" a country or organisation, not an unnamed plural group); never a person,
        and never a noun in passing ("a registry that it accuses", "on their Instagram"). As for persons, an
        object pronoun is not the subject of its own clause."""
        plural = token.lower_ != "it" and token.lower_ != "its"
        start, excluded = self._antecedent_window(token)
        for i in range(token.i - 1, start - 1, -1):
            actor_id = self.by_token[i]
            if not actor_id or actor_id in excluded or not _in_subject_phrase(self.doc[i]):
                continue
            if self._is_body(actor_id, plural):
                return [actor_id]
            pair = self._persons_together(self.doc[i]) if plural else []
            if pair:
                return pair  # "Obama and Clinton withdrew ... They can't blame this on Bush"
        own = self.by_token[token.i]  # coreference's answer, when no subject is at hand
        return [own] if own is not None and self._is_body(own, plural) else []

    def _persons_together(self, token: Token) -> list[str]:
        """The persons of a coordinated subject ("Obama and Clinton"), when ``token`` is one."""
        first = token
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        found = _unique([a for t in (first, *first.conjuncts) if (a := self.by_token[t.i]) and self.is_person(a)])
        return found if len(found) > 1 else []

    def _is_body(self, actor_id: str, plural: bool) -> bool:
        if self.is_person(actor_id) or not self.can_act(actor_id):
            return False
        return plural or not actor_id.startswith("new:group:")

    def dyad(self) -> tuple[str, ...]:
        """The article's main country dyad: the two countries named most (as countries,
        capitals, demonyms or agents), each at least twice; empty when there is none."""
        if self._dyad is None:
            counts: Counter = Counter()
            for m in self.resolved.mentions:
                actor = self.resolved.actors.get(m.actor_id)
                if actor is not None and actor.country and (actor.type == "country" or m.actor_id.startswith("agent:")):
                    counts[actor.country] += 1
            self._dyad = tuple(c for c, n in counts.most_common(2) if n >= 2)
        return self._dyad if len(self._dyad) == 2 else ()

    def both_sides(self, head: Token) -> list[str]:
        """"the two sides", "both delegations", "the warring parties": the article's two
        countries, when the phrase names no actor itself."""
        if self.by_token[head.i] is not None or head.lower_ not in self.voice.pair_nouns:
            return []
        marks = [c.lower_ for c in head.children if c.dep_ in ("det", "predet", "nummod", "amod", "preconj")]
        if not (set(marks) & self.voice.pair_words or (head.lower_ in self.voice.pair_definite_nouns and "the" in marks)):
            return []
        if head.dep_ not in SUBJECTS + PASSIVE_SUBJECTS:
            return []  # "urged both sides to show restraint": the appeal is to the pair, unnamed
        if any(c.dep_ in ("poss", "prep", "relcl", "acl") for c in head.children):
            return []  # "both sides of the border", "our two countries": someone else's pair
        return list(self.sides())

    def sides(self) -> tuple[str, ...]:
        """The article's two sides: its two most-named countries or armed groups (a group
        such as Hamas is its own side, not its country's), each named at least twice."""
        if self._sides is None:
            counts: Counter = Counter()
            for m in self.resolved.mentions:
                actor = self.resolved.actors.get(m.actor_id)
                if actor is None:
                    continue
                if actor.type in self.voice.side_actor_types:
                    counts[actor.id] += 1
                elif actor.country and (actor.type == "country" or m.actor_id.startswith("agent:")):
                    counts[actor.country] += 1
            pair = tuple(c for c, n in counts.most_common(2) if n >= 2)
            self._sides = pair if len(pair) == 2 and all(c in self.resolved.actors for c in pair) else ()
        return self._sides

    def counterpart(self, source: list[str]) -> Optional[str]:
        """The other side of the article's main country dyad."""
        if not self.dyad():
            return None
        countries = {self.country(a) for a in source}
        if len(countries) != 1:
            return None
        (mine,) = countries
        if mine not in self._dyad:
            return None
        other = self._dyad[1] if self._dyad[0] == mine else self._dyad[0]
        return other if other in self.resolved.actors else None

    # targets told earlier
    def antecedent_target(self, verb: Token, source: list[str]) -> list[str]:
        """Whom an act is aimed at when its object points back to something told before:
        a claim ("denies the charge", "rejected that") is aimed at whoever made it, the latest
        speaker before it who is not the act's source; a told act ("welcomed the ruling",
        "opposed the decision") at its author, the subject of the latest verb of its stem
        ("the court ruled ..."). News names the accuser once and then writes "the charge"."""
        obj = self._thing_object(verb)
        if obj is None:
            return []
        if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from")) for c in obj.children):
            return []  # an owner is named ("the White House's slander"): read elsewhere
        low, lemma = obj.lower_, obj.lemma_.lower()
        own = {self.country(a) for a in source} - {None}
        summed = [a for a in self.summarised_doer(verb, obj, source)
                  if not (self._is_state(a) and self.country(a) in own)]  # "Moscow ..., a charge the Kremlin rejected"
        if summed:
            return summed
        if low in self.voice.claim_pronouns and obj.dep_ == "dobj" or (
                (lemma in self.voice.claim_nouns or low in self.voice.claim_nouns) and self._definite(obj, bare=True)):
            return self.claimant_before(verb, source) or self.author_before(obj, source)
        if obj.pos_ == "NOUN" and lemma not in self.voice.target_group_nouns and self._definite(obj):
            if lemma in self.voice.joint_act_nouns or low in self.voice.joint_act_nouns:
                other = self.other_side(source)
                if other is not None:
                    return [other]
            # a side's own state is no target of its stance: "Beijing's spokesman described
            # the drills" (China's) is not aimed at China
            return [a for a in self.author_before(obj, source)
                    if not (self._is_state(a) and self.country(a) in own)]
        return []

    def summarised_doer(self, verb: Token, noun: Token, source: list[str]) -> list[str]:
        """The doer of the clause a comma-set noun phrase sums up, when the act is told in
        that phrase's relative clause: "Islamabad accuses Kabul of sheltering fighters, a
        charge the Taliban deny" (Islamabad); "Pakistan has deported thousands of refugees,
        a campaign the Taliban have condemned" (Pakistan)."""
        low, lemma = noun.lower_, noun.lemma_.lower()
        if not ({low, lemma} & (self.voice.summary_nouns | self.voice.claim_nouns)):
            return []
        before = noun.left_edge.i - 1
        if before < noun.sent.start or self.doc[before].lower_ != ",":
            return []  # "the charge that he denied": a noun of its own, not a summary
        for node in _summed_clauses(verb, noun):
            if node.pos_ not in ("VERB", "AUX"):
                continue
            found = [a for a in self._doer(node) if a not in source and self.can_act(a)]
            if found:
                return found if len(found) == 1 else []
        return []

    def other_side(self, source: list[str]) -> Optional[str]:
        """The article's other side when every source is on one of its two sides: a side's
        stance on talks or a deal it is party to is aimed at its counterpart."""
        pair = self.sides()
        if not pair:
            return None
        mine = {self._side_of(a, pair) for a in source}
        if len(mine) != 1 or None in mine:
            return None
        (side,) = mine
        return pair[1] if pair[0] == side else pair[0]

    def _side_of(self, actor_id: str, pair: tuple[str, ...]) -> Optional[str]:
        """Which of the two sides an actor is: the side itself, or a body or official of the
        side's state (an armed group's leader is not his country's side)."""
        if actor_id in pair:
            return actor_id
        country = self.country(actor_id)
        if country not in pair:
            return None
        sector = (self.sector(actor_id) or "").upper()
        if sector in self.voice.insurgent_sectors:
            return None
        if self.is_person(actor_id) and sector not in self.voice.state_sectors:
            return None  # a person of no office speaks for no state
        return country

    def _is_state(self, actor_id: str) -> bool:
        actor = self.resolved.actors.get(actor_id) or self.groups.get(actor_id, (None,))[0]
        return actor is not None and (actor.type == "country" or actor_id.startswith("agent:")
                                      and (actor.sector or "").lower() in self.w.context_country_sectors)

    def _thing_object(self, verb: Token) -> Optional[Token]:
        """The common noun or pronoun an act is done to: its object ("rejected the claim"),
        or the noun its relative clause describes ("a condition Burkina Faso rejected")."""
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is None:
            # "was resolutely opposed to the test", "disagreed with the ruling"
            heads = [verb, *(c for c in verb.children if c.dep_ == "acomp")]
            obj = next((p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in self.voice.stance_preps
                        for p in c.children if p.dep_ == "pobj"), None)
        if obj is None and verb.dep_ == "relcl" and verb.head.pos_ == "NOUN":
            obj = verb.head
        if obj is None or self.by_token[obj.i] is not None or obj.pos_ not in ("NOUN", "PRON", "DET"):
            return None
        return obj

    def _definite(self, noun: Token, bare: bool = False) -> bool:
        """A thing already told: "the ruling", "this decision" (not "a deal"); with ``bare``,
        a bare plural too ("rejected accusations that ...": the ones made)."""
        dets = [c for c in noun.children if c.dep_ in ("det", "predet", "nummod")]
        return any(d.lower_ in self.voice.definite_dets for d in dets) or (bare and not dets and noun.tag_ == "NNS")

    def _window_start(self, token: Token, sentences: int) -> int:
        """The first token of the ``sentences`` sentences before ``token``'s own."""
        sent = token.sent
        for _ in range(sentences):
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
        return sent.start

    def _doer(self, verb: Token) -> list[str]:
        """Who does ``verb``: its subject, or the "by" agent of a passive."""
        if any(c.dep_ in PASSIVE_SUBJECTS for c in verb.children):
            agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            return [a for p in agents for a in self.actors_of(p, self.quote_at(verb.idx))]
        subject = _subject(verb)
        return self.actors_of(subject, self.quote_at(verb.idx)) if subject is not None else []

    def claimant_before(self, token: Token, source: list[str]) -> list[str]:
        """The speaker of the latest statement before ``token`` in the last few sentences,
        not the act's own source nor the statement the act is told in."""
        start = self.doc[self._window_start(token, self.voice.antecedent_sentences)].idx
        best: Optional[Quote] = None
        for quote in self.quotes:
            speaker = quote.speaker.actor_id
            if not speaker or speaker in source or not (start <= quote.span[0] < token.idx):
                continue
            if quote.span[1] > token.idx or not self.can_act(speaker):
                continue  # the act is told inside it
            if best is None or quote.span[0] > best.span[0]:
                best = quote
        return [best.speaker.actor_id] if best is not None else []

    def author_before(self, noun: Token, source: list[str]) -> list[str]:
        """Who did the act a definite noun names: the subject of the latest verb of the noun's
        stem or family ("ruled" for "the ruling", "accused" for "the charge"), or the owner of
        the same noun met earlier ("Kenya's decision ... the decision"), told in the last few
        sentences or else in the lead, where news tells its main act; a noun that stands for
        any act ("the move") points to the lead's main clause."""
        lemma = noun.lemma_.lower()
        start = self._window_start(noun, self.voice.act_antecedent_sentences)
        found, decided = self._author_in(self.doc[start : noun.i], noun, source)
        if decided:
            return found
        lead = min(self._lead_end(), start)  # the part of the lead the window left out
        if lead == 0:
            return []
        found, decided = self._author_in(self.doc[:lead], noun, source)
        if decided:
            return found
        if lemma in self.voice.lead_act_nouns:
            return self._lead_doer(lead, source)
        return []

    def _author_in(self, tokens, noun: Token, source: list[str]) -> tuple[list[str], bool]:
        """The author of the latest act of ``noun``'s stem or family in ``tokens``, and
        whether one was found (a joint act of several sides is found, with no author)."""
        lemma = noun.lemma_.lower()
        family = self._family({lemma, noun.lower_})
        for token in reversed(tokens):
            other = token.lemma_.lower()
            if token.pos_ == "VERB" and (_same_stem(other, lemma) or other in family):
                found = self._doer(token)
            elif token.pos_ == "NOUN" and (other == lemma or other in family or token.lower_ in family):
                found = [a for c in token.children if c.dep_ in ("poss", "amod", "compound")
                         and self.by_token[c.i] for a in self.actors_of(c, None)]
                if not found and token.dep_ in ("dobj", "pobj"):
                    # "the union said 6,000 members had joined the stoppage": who staged it
                    verb = token.head if token.dep_ == "dobj" else token.head.head
                    found = self._doer(verb) if verb.lemma_.lower() in self.w.light_verbs or verb.lemma_.lower() in family else []
                if not found:
                    # "the ceasefire that India and Pakistan agreed to": the clause says who
                    found = [a for c in token.children if c.dep_ == "relcl" for a in self._doer(c)]
            else:
                continue
            found = [a for a in found if a not in source and self.can_act(a)]
            if len(found) == 1:
                return found, True
            if found:
                return [], True  # a joint act ("Israel and Hamas agreed"): welcoming it targets no side
        return [], False

    def _family(self, words: set[str]) -> frozenset[str]:
        """The other words for the act ``words`` name (empty when it has no family)."""
        return frozenset(w for group in self.voice.act_families if words & group for w in group)

    def _lead_end(self) -> int:
        """The token after the article's lead (its first sentences)."""
        sent = self.doc[0].sent
        for _ in range(self.voice.lead_sentences - 1):
            if sent.end >= len(self.doc):
                break
            sent = self.doc[sent.end].sent
        return sent.end

    def _lead_doer(self, lead: int, source: list[str]) -> list[str]:
        """The doer of the lead's first main clause."""
        for token in self.doc[:lead]:
            if token.dep_ == "ROOT" and token.pos_ in ("VERB", "AUX"):
                found = [a for a in self._doer(token) if a not in source and self.can_act(a)]
                return found if len(found) == 1 else []
        return []

    # quotes
    def quote_at(self, offset: int) -> Optional[Quote]:
        for quote in self.quotes:
            if quote.span[0] <= offset < quote.span[1]:
                return quote
        return None


def _summed_clauses(verb: Token, noun: Token) -> list[Token]:
    """The clause heads a comma-set noun may sum up, nearest first. The parser hangs the
    phrase's relative clause on the noun, or takes the noun as the fronted object of the
    clause ("a charge [the Taliban deny]"): then the clause summed up governs it; or it
    makes the act its root and the summed clause its complement before the comma."""
    fronted = noun.head.i == verb.i and noun.dep_ == "dobj" and noun.i < verb.i
    if verb.dep_ == "relcl" and (verb.head.i == noun.i or fronted):
        return list(verb.ancestors)
    if fronted:
        return [c for c in verb.children if c.dep_ in ("ccomp", "advcl", "conj") and c.i < noun.i]
    return []


def _same_stem(verb: str, noun: str) -> bool:
    """A verb and the noun of its act: "rule"/"ruling", "decide"/"decision",
    "withdraw"/"withdrawal", "invade"/"invasion"."""
    stem = verb.rstrip("e")
    if len(stem) >= 3 and noun.startswith(stem):
        return True
    common = 0
    for a, b in zip(verb, noun):
        if a != b:
            break
        common += 1
    return common >= 4 and common >= len(verb) - 2
