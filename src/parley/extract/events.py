"""Events: who did what to whom, when and where, coded in CAMEO and PLOVER.

What is extracted
    Per clause, an act matched by a pattern of ``kb/data/lexicon/cameo/`` (a verb with the
    words it needs around it, or an event noun with its actors) whose source is a resolved
    actor: the source and target actors (compound subjects as lists, passives read through
    their "by" agent, a relative pronoun through its noun, "he" through the nearest person
    named before, "we"/"I" inside a quote as its speaker, "Russian forces" as the country's
    agent, "Kyiv" as Ukraine's government), the CAMEO code (refined to 3-4 digits by topic
    words and, for meetings, by where they happened: 042 visit, 043 host, 044 third
    location), the PLOVER type, mode and context, the Goldstein and PLOVER scores, the
    modality, the date and place, and who reports it (the speaker of the quote it sits in).
    An act announced for later ("will send aid", "ready to meet", "would boycott") also
    yields the announcement: a statement of intent (03, AGREE), a threat (13) or, negated,
    a refusal (12). "X said Y must ..." is a demand (10) by X on Y. A pronoun subject of a
    reported clause ("Syria says it will ...") is the reporter.

What is not
    No default code: a sentence with no matched pattern or no source actor yields nothing.
    The acts that appeals, demands, intentions, rejections and threats talk about ("called
    for a ceasefire", "refused negotiations") are not events of their own. Ordinary
    statements ("said") are quotes, not events. Events whose actors are only pronouns that
    cannot be tied to a named actor, or only common nouns ("the talks", "officials"), are
    left out.

How
    One pass over the tokens looks each lemma up in the pattern index; a match is checked
    against its particle, object, adjective and preposition constraints on the dependency
    parse; then actors, modality, date and place are read from the clause. An article-level
    pass drops repeated reports of the same event (headline, standfirst, body), keeping
    the best-dated copy.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, Sequence

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Event, Location, MentionDetail, Quote
from .actors import SECTOR_LABELS, ActorMention
from .coref import Gender
from .event_lexicon import EventLexicon, NounPattern, VerbPattern, load_event_lexicon

# Roots whose act is itself a statement: dated by the statement when told in a quote.
VERBAL_ROOTS = frozenset({"01", "02", "03", "09", "10", "11", "12", "13"})
# Conflictual acts: when a quote attributes one to another country, the speaker accuses it.
HOSTILE_ROOTS = frozenset({"12", "13", "14", "15", "16", "17", "18", "19", "20"})
SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
OBJECT_DEPS = ("dobj", "attr", "oprd", "dative")
RELATIVE_PRONOUNS = frozenset({"that", "who", "which", "whom"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Subject pronouns that, in a reported clause, stand for the reporter ("X said it will ...").
REPORTED_PRONOUNS = frozenset({"it", "they", "he", "she"})
SPEAKER_PRONOUNS = frozenset({"i", "we", "me", "us"})
# Of those, the ones read as the reporter without a person check: "he"/"she" go to the person
# named last before them, so "Trump said she opposes the deal" is not Trump's act.
ORGANISATION_PRONOUNS = frozenset({"it", "they"})
# Pronouns for a body (a country, an organisation, a group): never a named person.
BODY_PRONOUNS = frozenset({"it", "they", "them", "its", "their"})
_SLUG = re.compile(r"[^a-z0-9]+")
_DECADE = re.compile(r"^(1[0-9]|20)?[0-9]0'?s$|^'[0-9]0s$")  # "1990s", "the '90s", "80s"
# Dependencies through which a verb without a subject takes its governor's.
CONTROL_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "acl"})


@dataclass
class _Match:
    """A pattern matched at a trigger token, before actors and the rest are read."""

    trigger: Token
    pattern: object
    predicate: Token  # the verb carrying tense and modality
    objects: list[Token] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    code: str = ""
    derived: bool = False
    # acts talked about inside this one's complement ("threatened to impose a curfew in Algiers")
    mentioned: list = field(default_factory=list)


class EventCoder:
    """Codes the events of parsed Docs with one lexicon (built once per process)."""

    def __init__(self, lexicon: Optional[EventLexicon] = None):
        self.lex = lexicon or load_event_lexicon()
        self.w = self.lex.words

    # -- public -------------------------------------------------------------------------
    def extract(self, doc: Doc, resolved, quotes: Sequence[Quote] = (), dates=(), places=(),
                published: Optional[dt.date] = None) -> list[Event]:
        if resolved is None:
            return []  # no actor resolution, no events (unnamed groups may still act)
        ctx = _Context(doc, resolved, quotes, dates, places, published, self.lex)
        events: list[tuple[_Match, Event]] = []
        for sent in doc.sents:
            matches = self._matches(sent)
            if not matches:
                # "Russia said that Sudan must return the helicopter": a demand with no act word
                events += self._split_sources(self._obligations(sent, [], ctx))
                continue
            matches = self._drop_mentioned(_drop_manner(matches, self.w.manner_preps))
            matches = [m for m in matches if m.mentioned or not getattr(m.pattern, "needs_act", False)]
            sent_events = []
            for match in matches:
                event = self._event(match, sent, ctx)
                if event is not None:
                    sent_events.append((match, event))
            sent_events += self._hosts(sent, sent_events, ctx)
            intents = self._intents(sent_events, ctx)
            sent_events = _refused_dropped(sent_events, intents) + intents
            sent_events += self._obligations(sent, sent_events, ctx)
            events += self._split_sources(_own_words(sent, sent_events, self.w.reporting_verbs, self.w.said_roots))
        events += self._accusations(events, ctx)
        kept = _dedupe([e for _, e in events])
        ctx.commit_groups(kept)
        return kept

    # -- finding ------------------------------------------------------------------------
    def _matches(self, sent: Span) -> list[_Match]:
        found = []
        for token in sent:
            lemma = token.lemma_.lower()
            if token.pos_ in ("VERB", "AUX") and lemma in self.lex.verbs:
                for pattern in self.lex.verbs[lemma]:
                    objects = self._verb_fits(token, pattern)
                    if objects is not None:
                        found.append(_Match(token, pattern, token, objects))
                        break
            elif token.pos_ == "NOUN" and lemma in self.lex.nouns:
                for pattern in self.lex.nouns[lemma]:
                    predicate = self._noun_fits(token, pattern)
                    if predicate is not None:
                        found.append(_Match(token, pattern, predicate))
                        break
        return found

    def _verb_fits(self, verb: Token, pattern: VerbPattern) -> Optional[list[Token]]:
        """The object tokens when ``pattern`` fits the clause of ``verb``, else None."""
        children = list(verb.children)
        if pattern.particle and not any(
            c.dep_ in ("prt", "advmod") and c.lower_ == pattern.particle for c in children
        ):
            return None
        heads = [verb]
        if pattern.adjs:
            adjs = [c for c in children if c.dep_ in ("acomp", "attr") and c.lemma_.lower() in pattern.adjs]
            if not adjs:
                return None
            heads = adjs
        objects = [c for h in heads for c in h.children if c.dep_ in OBJECT_DEPS + PASSIVE_SUBJECTS]
        preps = [c for h in heads for c in h.children if c.dep_ in ("prep", "agent", "dative")]
        for obj in list(objects):
            # not the words of a judgement: "called the ruling a win for voters" is no call for
            if obj.dep_ != "oprd":
                preps += [c for c in obj.children if c.dep_ == "prep"]
        for prep in preps:
            objects += [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        objects += [c for h in heads for c in h.children if c.dep_ == "xcomp"]
        if verb.dep_ == "amod" or _reduced_passive(verb):
            # a participle on its object: "needed guarantees", "the sanctions, imposed in 2018"
            objects.append(verb.head)
        objects += [c for o in list(objects) if o.pos_ in ("NOUN", "PROPN") for c in o.conjuncts if c.pos_ in ("NOUN", "PROPN")]
        if pattern.preps and not any(p.lower_ in pattern.preps and not _is_time(p) for p in preps):
            return None
        if pattern.unless_preps and any(c.dep_ == "prep" and c.lower_ in pattern.unless_preps for c in children):
            return None  # "seized on the issue": a phrasal sense of the verb
        # the clause may hang on the adjective: "is willing to send troops"
        clauses = [c for h in {verb, *heads} for c in h.children if c.dep_ in ("xcomp", "ccomp")]
        if pattern.complement and not clauses:
            return None
        if pattern.infinitive and not any(c.dep_ == "xcomp" for c in clauses):
            return None
        if pattern.intransitive and any(c.dep_ in ("dobj", "ccomp") for c in children):
            return None
        if pattern.describes and not self._judged(verb, pattern.describes):
            return None
        if pattern.mandative and not self._mandative(verb):
            return None
        if pattern.objects:
            if not any(_names(o) & pattern.objects for o in objects if not _verb_with_object(o)):
                return None
        if pattern.unless_objects and any(o.lemma_.lower() in pattern.unless_objects for o in objects):
            return None
        if pattern.root in HOSTILE_ROOTS and any(
                c.dep_ == "dobj" and c.lower_ in self.w.reflexive_objects for c in children):
            return None  # "shot himself": no act between actors
        if pattern.root in HOSTILE_ROOTS and any(
                c.dep_ in ("amod", "compound") and c.lower_ in self.w.feigned_modifiers for o in objects for c in o.children):
            return None  # "carried out a simulated attack": an exercise, not a blow
        return objects

    def _mandative(self, verb: Token) -> bool:
        """The verb asks for an act: "insisted on talks", "insisted that Israel withdraw"
        (a bare verb with its own subject) or "... must withdraw"; an indicative that-clause
        ("insists that Russia is not interfering") states a claim."""
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("on", "upon"):
                return True
            if child.dep_ != "ccomp":
                continue
            aux = [c for c in child.children if c.dep_ in ("aux", "auxpass")]
            if any(a.lower_ in self.w.obligation_aux for a in aux):
                return True
            if child.tag_ == "VB" and not aux and any(c.dep_ in SUBJECTS for c in child.children):
                return True
        return False

    @staticmethod
    def _judged(verb: Token, words: frozenset[str]) -> bool:
        """"called the deal a disgrace", "described the measures as illegal": the verb has an
        object and a word of ``words`` says what that object is (not "called on Russia to stop
        the illegal war": an appeal, whose words describe something else)."""
        children = list(verb.children)
        objects = [c for c in children if c.dep_ == "dobj"]
        if not objects or any(c.dep_ == "prep" and c.lower_ in ("on", "upon", "for") for c in children):
            return False
        phrases = [c for c in children if c.dep_ in ("oprd", "attr", "ccomp", "acomp")]
        phrases += [c for c in children if c.dep_ == "xcomp" and not any(a.lower_ == "to" for a in c.children)]
        for obj in objects:
            phrases += [c for c in obj.children if c.i > obj.i and c.dep_ in ("amod", "appos")]
        for head in [verb, *objects]:
            phrases += [c for c in head.children if c.dep_ == "prep" and c.lower_ == "as"]
        tokens = [t for p in phrases for t in p.subtree]
        found = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
        found |= {f"{a.lower_} {b.lower_}" for a, b in zip(tokens, tokens[1:]) if b.i == a.i + 1}
        return bool(found & words)

    def _noun_fits(self, noun: Token, pattern: NounPattern) -> Optional[Token]:
        """The token carrying the noun event's modality (its participle or governing verb)."""
        if noun.dep_ == "compound":
            return None  # a modifier names a kind of thing: "attack ads", "protest leaders"
        if pattern.modifiers or pattern.unless:
            mods = _names(noun) - {noun.lemma_.lower()}
            if pattern.modifiers and not mods & pattern.modifiers:
                return None
            if mods & pattern.unless:
                return None
        if pattern.via:
            for child in noun.children:
                if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in pattern.via:
                    return child
            return None
        head = noun
        while head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        if pattern.root in HOSTILE_ROOTS and head.lemma_.lower() in self.w.feigning_verbs:
            return None  # "simulated an attack on the island": an exercise, not a blow
        return head

    def _drop_mentioned(self, matches: list[_Match]) -> list[_Match]:
        """Drops matches inside the complement of an appeal, demand, intent, rejection or
        threat: "called for a ceasefire" is an appeal, not a ceasefire."""
        scopes = [m for m in matches if m.pattern.root in self.lex.mentions_acts]
        if not scopes:
            return matches
        kept = []
        for match in matches:
            inside = False
            for scope in scopes:
                if scope is match:
                    continue
                if (_governs(scope.trigger, match.trigger) and not _in_subject(scope.trigger, match.trigger)
                        and not _coordinated(scope.trigger, match.trigger)):
                    inside = True
                    scope.mentioned.append(match)
                    break
            if not inside:
                kept.append(match)
        return kept

    # -- one event ----------------------------------------------------------------------
    def _event(self, match: _Match, sent: Span, ctx: "_Context") -> Optional[Event]:
        pattern = match.pattern
        quote = ctx.quote_at(match.trigger.idx)
        if isinstance(pattern, VerbPattern):
            source, target = self._verb_actors(match, ctx, quote)
            if pattern.direct_target:
                # "received the delegation", "called Macron": not "received the endorsement
                # of X", not "called X's behaviour outrageous"
                if any(c.dep_ in ("oprd", "ccomp") for c in match.trigger.children):
                    return None
                direct = [a for c in match.trigger.children if c.dep_ in ("dobj", "nsubjpass")
                          for a in ctx.actors_of(c, quote)]
                target = [a for a in target if a in direct]
            if not source and pattern.speaker_source and quote is not None and quote.speaker.actor_id:
                source = [quote.speaker.actor_id]
        else:
            source, target = self._noun_actors(match, ctx)
        if isinstance(pattern, VerbPattern) and self._share_subject(match.trigger):
            return None  # "1 percent support Stein": a poll result, not an act
        source = [a for a in source if ctx.can_act(a)]
        target = [a for a in target if ctx.can_act(a)]
        if not source:
            return None
        if getattr(pattern, "not_by_person", False) and all(ctx.is_person(a) for a in source):
            return None  # "Trump held a rally in Michigan": a campaign event, not a protest
        if not target and isinstance(pattern, VerbPattern) and not pattern.direct_target:
            target = self._indirect_target(match, ctx, quote, source)
        if not target:
            target = self._mentioned_target(match, ctx, quote, source)
        if target and set(target) <= set(source) and not getattr(pattern, "reciprocal", False):
            return None  # "X accused X": one side read twice is a resolution slip, not an act
        target = [t for t in target if t not in source]
        target = _unique([ctx.localise_group(t, source, sent) for t in target])
        partnered = bool(target) or (getattr(pattern, "reciprocal", False) and len(source) > 1)
        if not target and pattern.root == "14":
            target = [a for a in self._protest_targets(match, ctx) if a not in source]
        if not target and pattern.root in self.w.place_target_roots:
            target = [a for a in self._place_targets(match, ctx) if a not in source]
        if not target and getattr(pattern, "implicit_partner", False) and not self._has_object(match):
            partner = ctx.counterpart(source)
            if partner:
                target = [partner]
        if not target and getattr(pattern, "needs_target", False) and not (
                getattr(pattern, "thing_object", False) and self._act_object(match)):
            return None
        if getattr(pattern, "reciprocal", False) and not partnered and not getattr(pattern, "implicit_partner", False):
            return None  # a meeting needs someone to meet
        code = self._refine(match, pattern.code)
        if self._policy_wish(match, code, target, ctx):
            return None
        if code[:2] in ("18", "19") and all(ctx.is_person(a) for a in source) and (
                any(ctx.is_person(a) for a in target)
                or (isinstance(pattern, VerbPattern) and match.trigger.lemma_.lower() in self.w.verbal_attack_lemmas)):
            # a named person's "attack" is in words: "attacked Machado", "pounding Trump"
            # criticise; with no actor attacked ("fighting climate change") it is no event
            direct = [a for c in match.trigger.children if c.dep_ == "dobj" for a in ctx.actors_of(c, quote)]
            if not set(target) & set(direct):
                return None  # "fought in Vietnam", "fighting climate change"
            code = "111"
        own_date = ctx.own_date(match)
        location = ctx.location(match, sent, source + target)
        if code[:2] == "04" and location is not None:
            code = ctx.meeting_code(code, source, target, location)
        modality = ctx.modality(match, own_date)
        if modality == "asserted" and getattr(pattern, "modality", None):
            modality = pattern.modality  # "is preparing sanctions": the sanctions lie ahead
        date = own_date.value if own_date is not None else None
        if date is None:
            date = ctx.fallback_date(match, modality, quote, location)
            if date is not None and modality == "asserted" and ctx.is_historical(date):
                modality = "historical"
        plover = self.lex.plover(code)
        if plover is None:
            return None  # a code the table does not know is a lexicon error: skip, don't guess
        match.source, match.target, match.code = source, target, code
        return Event(
            source=_ref(source),
            target=_ref(target),
            cameo=code,
            plover=plover,
            modality=modality,
            date=date,
            location=location,
            evidence=_clause_span(match.predicate, sent),
            reported_by=quote.speaker.actor_id if quote is not None else None,
            goldstein=self.lex.goldstein(code),
            plover_score=self.lex.plover_score(plover),
        )

    def _policy_wish(self, match: _Match, code: str, target: list[str], ctx: "_Context") -> bool:
        """"has called for eliminating the tax break", "called for big tax hikes": a position
        on policy, asked of no one and about no actor, is not an appeal. Only the generic code
        counts: an appeal whose topic the lexicon knows ("called for a ceasefire": 0256) stays,
        and so does one about an actor ("called for Obama's dismissal")."""
        if code != "020" or target or not isinstance(match.pattern, VerbPattern):
            return False
        if match.trigger.lemma_.lower() not in self.w.position_verbs:
            return False
        if any(o.lemma_.lower() in self.w.action_call_nouns for o in match.objects):
            return False  # "called for a mass protest": people are asked to act
        return not any(ctx.by_token[t.i] for o in match.objects for t in _close_words(o))

    def _verb_actors(self, match: _Match, ctx: "_Context", quote: Optional[Quote]) -> tuple[list[str], list[str]]:
        verb = match.trigger
        children = list(verb.children)
        objects = set(t.i for t in match.objects)
        passive = [c for c in children if c.dep_ in PASSIVE_SUBJECTS]
        source: list[str] = []
        target: list[str] = []
        if _reduced_passive(verb):
            # "the deal, signed by Iran in 2015": the noun is what the act was done to
            for agent in (c for c in children if c.dep_ == "agent"):
                for pobj in (c for c in agent.children if c.dep_ == "pobj"):
                    source += ctx.actors_of(pobj, quote)
            target += ctx.actors_of(verb.head, quote)
        elif passive:
            for agent in (c for c in children if c.dep_ == "agent"):
                for pobj in (c for c in agent.children if c.dep_ == "pobj"):
                    source += ctx.actors_of(pobj, quote)
            for subj in passive:
                target += ctx.actors_of(subj, quote)
        else:
            subject = _subject(verb)
            if subject is not None:
                source = ctx.actors_of(subject, quote)
            for child in children:
                if child.dep_ in ("dobj", "dative"):
                    # "ordered the interior ministry to halt": a state body with no country of
                    # its own is the one the sentence or article is about
                    agent = ctx.contextual_agent(child) if _bare_institution(child) else None
                    found = ctx.actors_of(child, quote) or ([agent] if agent else [])
                    if _bare_institution(child):
                        found = ctx.others_institution(child, found, source)
                    target += found
        heads = [verb] + [c for c in children if c.dep_ in ("acomp", "attr", "dobj")]
        # "sent aid to Sri Lanka": the parser calls the recipient's "to" a dative
        preps = [c for h in heads for c in h.children if c.dep_ == "prep" or _dative_prep(c)]
        for obj in match.objects:
            if obj.head.dep_ == "prep" and obj.head.lower_ in self.w.reason_preps:
                continue  # "sanctions on Iran over its deliveries to Russia": a reason, no target
            if obj.i in objects and obj.pos_ in ("NOUN", "PROPN", "PRON"):
                preps += [c for c in obj.children if c.dep_ == "prep"]
        own = {ctx.country(a) for a in source}
        # a phrase after a reason ("over its deliveries to Russia") belongs to the reason even
        # when the parser hangs it on the verb
        reason = min((p.i for p in preps if p.lower_ in self.w.reason_preps and p.i > verb.i), default=len(verb.doc))
        leaving = match.pattern.root in self.w.leaving_roots
        for prep in preps:
            if (prep.lower_ in self.w.target_preps or (leaving and prep.lower_ in self.w.leaving_preps)) and verb.i < prep.i < reason:
                # a fronted phrase sets the scene ("At the UN, Guterres called on ...")
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    found = [a for a in ctx.actors_of(pobj, quote) or self._thing_owners(pobj, ctx, quote, source)
                             if not ctx.is_channel(a)]
                    if prep.lower_ == "to" and match.pattern.root in VERBAL_ROOTS:
                        # "in his speech to the Russian Foreign Ministry": an audience at home
                        found = [a for a in found if ctx.country(a) not in own]
                    target += found
        return _unique(source), _unique(target)

    def _noun_actors(self, match: _Match, ctx: "_Context") -> tuple[list[str], list[str]]:
        noun, holder = match.trigger, match.predicate
        source: list[str] = []
        target: list[str] = []
        for child in noun.children:
            if child.dep_ in ("poss", "amod", "compound") and ctx.token_actor(child):
                source += ctx.actors_of(child, None)
        for node in {noun, holder}:
            for prep in (c for c in node.children if c.dep_ in ("prep", "agent")):
                pobjs = [c for c in prep.children if c.dep_ == "pobj"]
                if prep.lower_ in self.w.noun_source_preps or prep.dep_ == "agent":
                    for pobj in pobjs:
                        source += ctx.actors_of(pobj, None, modifiers=True)
                elif prep.lower_ in self.w.target_preps and node is noun and not _is_time(prep):
                    for pobj in pobjs:
                        target += [a for a in ctx.actors_of(pobj, None) or self._thing_owners(pobj, ctx, None, source)
                                   if not ctx.is_channel(a)]
        if source and not target:
            target = self._patient_of(noun, ctx)
        if not source:
            source = self._carrier_subject(noun, ctx)
        if not target:
            target = self._carrier_object(noun, ctx)
        return _unique(source), _unique(target)

    def _carrier_object(self, noun: Token, ctx: "_Context") -> list[str]:
        """Whom an act set in a clause was done to: "wounded two British soldiers in a bomb
        attack" (the object of the clause the noun event sits in)."""
        head = noun.head
        if not (noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "during")):
            return []
        verb = head.head
        if verb.pos_ != "VERB":
            return []
        quote = ctx.quote_at(verb.idx)
        return [a for c in verb.children if c.dep_ == "dobj" for a in ctx.actors_of(c, quote)]

    def _carrier_subject(self, noun: Token, ctx: "_Context") -> list[str]:
        """The source of an event noun carried by a light verb ("rebels launched an attack",
        "workers staged a strike") or set in a clause ("wounded two soldiers in a bomb
        attack"): the subject of that verb."""
        head = noun.head
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "during"):
            verb = head.head
        elif noun.dep_ in ("dobj", "pobj") and head.lemma_.lower() in self.w.light_verbs:
            verb = head
        elif noun.dep_ == "pobj" and head.head.lemma_.lower() in self.w.light_verbs:
            verb = head.head  # "went on a hunger strike", "took part in a protest"
        else:
            return []
        if verb.pos_ not in ("VERB", "AUX"):
            return []
        if any(c.dep_ in PASSIVE_SUBJECTS for c in verb.children):
            agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if c.dep_ == "pobj"]
            return [a for p in agents for a in ctx.actors_of(p, ctx.quote_at(verb.idx))]
        subject = _subject(verb)
        return ctx.actors_of(subject, ctx.quote_at(verb.idx)) if subject is not None else []

    def _indirect_target(self, match: _Match, ctx: "_Context", quote: Optional[Quote],
                         source: list[str]) -> list[str]:
        """The target of an act written through its complement or its object noun:
        "demanded that the US cancel ..." (the subject of the demanded clause), "threatened
        to cut ties with Russia" (the target of the threatened act), "rejected calls by
        Annan", "accepted demands from the rebels" (the author of the act rejected)."""
        verb = match.trigger
        heads = [verb] + [c for c in verb.children if c.dep_ == "acomp"]  # "is ready to send"
        # a denial is aimed at its accusers, not at whom the denied act would have touched:
        # "Rwanda denies backing the M23"
        denial = verb.lemma_.lower() in self.w.denial_verbs and match.pattern.root == "12"
        for comp in (c for h in heads for c in h.children if c.dep_ in ("ccomp", "xcomp") and not denial):
            subject = next((c for c in comp.children if c.dep_ in SUBJECTS + PASSIVE_SUBJECTS), None)
            if subject is not None and comp.dep_ == "ccomp" and comp.i > verb.i:
                found = ctx.actors_of(subject, quote) or ctx.domestic_agent(subject, source)
                found = [a for a in found if a not in source]
                if found:
                    return found
            found = [a for a in self._clause_targets(comp, ctx, quote) if a not in source]
            if found:
                return found
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
            found = [a for a in self._owners(obj, ctx, quote) if a not in source]
            if found:
                return found
        # "objected to Obama's nomination of Garland": the author of the act the verb is about
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in self.w.target_preps):
            for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in self.w.act_nouns):
                # the possessor is the author; an "of" phrase may be what the act is about
                owners = [a for c in pobj.children if c.dep_ == "poss" for a in ctx.actors_of(c, quote)]
                found = [a for a in owners or self._owners(pobj, ctx, quote) if a not in source]
                if found:
                    return found
        return []

    def _mentioned_target(self, match: _Match, ctx: "_Context", quote: Optional[Quote],
                          source: list[str]) -> list[str]:
        """The target of the act an intent, threat, appeal or refusal talks about, read as that
        act's own: "threatened to impose a curfew in Algiers" (a place an act of force is done
        to), "is willing to withdraw its troops from Lebanon" (the side a withdrawal leaves).
        Not for a denial: "denied detaining Indian traders" is aimed at whoever accused."""
        if match.pattern.root not in self.w.mentioned_target_roots or (
                match.trigger.lemma_.lower() in self.w.denial_verbs):
            return []
        if len(source) > 1 and (getattr(match.pattern, "reciprocal", False) or getattr(match.pattern, "joint", False)):
            return []  # "Israel and Hamas agreed to a ceasefire in Gaza": each is the other's target
        for inner in match.mentioned:
            if isinstance(inner.pattern, VerbPattern):
                found = self._verb_actors(inner, ctx, quote)[1]
            else:
                found = self._noun_actors(inner, ctx)[1]
            if inner.pattern.root in self.w.place_target_roots:
                found = found + self._place_targets(inner, ctx)
            found = [a for a in found if a not in source and ctx.can_act(a)]
            if found:
                return _unique(found)
        return []

    def _owners(self, obj: Token, ctx: "_Context", quote: Optional[Quote]) -> list[str]:
        """The author of an act or text: "Russia's proposal", "calls by Annan", "the plan put
        forward by Kyiv", and for an act noun its actor modifier ("the Russian attack")."""
        found: list[str] = []
        act = obj.lemma_.lower() in self.w.act_nouns
        for child in obj.children:
            if child.dep_ == "poss" or (act and child.dep_ in ("amod", "compound") and ctx.token_actor(child)
                                        and not ctx.named_for_city(obj, child)):
                found += ctx.actors_of(child, quote) or self._unnamed_owner(child, ctx)
            elif child.dep_ == "prep" and child.lower_ in self.w.owner_preps:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    found += ctx.actors_of(pobj, quote)
            elif child.dep_ == "acl" and act:  # "the plan put forward by Kyiv"
                for agent in (c for c in child.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")):
                    for pobj in (c for c in agent.children if c.dep_ == "pobj"):
                        found += ctx.actors_of(pobj, quote)
        return _unique(found)

    def _unnamed_owner(self, owner: Token, ctx: "_Context") -> list[str]:
        """"the government's proposal" in a sentence set in Harare: Zimbabwe's government."""
        if owner.dep_ != "poss" or not _bare_institution(owner):
            return []
        agent = ctx.contextual_agent(owner)
        return [agent] if agent else []

    def _thing_owners(self, noun: Token, ctx: "_Context", quote: Optional[Quote],
                      source: Sequence[str]) -> list[str]:
        """Whose thing an act is aimed at: "hacked into the emails of the DNC", "strikes on its
        facilities", "tariffs on imports from Canada". Only for a common noun that names no
        actor itself; a text's owner is its author (see :meth:`_owners`). The actor's own
        things are no target: "pushing forward at their fastest rate"."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() in self.w.act_nouns:
            return []
        return [a for a in self._owners(noun, ctx, quote) if a not in source]

    def _patient_of(self, noun: Token, ctx: "_Context") -> list[str]:
        """"Russia's invasion of Ukraine", "the Israeli siege of Gaza": when a possessive or an
        adjective names who acts, the "of" phrase names whom the act is done to."""
        if not any(c.dep_ in ("poss", "amod", "compound") and ctx.token_actor(c) for c in noun.children):
            return []
        found: list[str] = []
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                found += ctx.actors_of(pobj, None) or [a for a in [ctx.place_actor(pobj)] if a]
        return found

    def _clause_targets(self, verb: Token, ctx: "_Context", quote: Optional[Quote]) -> list[str]:
        """Actors a clause acts on: its objects, and the objects of its target prepositions
        (on the verb or on its object: "impose restrictions against German goods")."""
        found: list[str] = []
        heads = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        for child in heads[1:]:
            found += ctx.actors_of(child, quote)
        # "refused to allow Ukrainian officials to attend": the one let or made to act
        for comp in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i):
            found += [a for c in comp.children if c.dep_ in SUBJECTS for a in ctx.actors_of(c, quote)]
        for head in heads:
            for prep in (c for c in head.children if c.dep_ in ("prep", "dative")):
                if prep.lower_ in self.w.target_preps and not _is_time(prep):
                    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                        found += [a for a in ctx.actors_of(pobj, quote) if not ctx.is_channel(a)]
        return _unique(found)

    def _share_subject(self, verb: Token) -> bool:
        """The subject of ``verb`` is a number or a share ("5 percent prefer Johnson")."""
        subject = _subject(verb)
        if subject is None:
            return False
        return subject.like_num or subject.lemma_.lower() in self.w.share_nouns or subject.ent_type_ == "PERCENT"

    def _act_object(self, match: _Match) -> bool:
        """The direct object is a political act or text ("welcomed the agreement")."""
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.w.act_nouns
                   for c in match.trigger.children)

    def _has_object(self, match: _Match) -> bool:
        """The act names what it is done to, actor or not ("attacks on commercial ships",
        "shelled the hospital"): the article's other side is then no target to guess."""
        trigger = match.trigger
        heads = [trigger] + [o for o in match.objects if o.head.i == trigger.i and o.dep_ == "dobj"]
        for head in heads:
            for child in head.children:
                if child.dep_ == "dobj" and child.lemma_.lower() not in getattr(match.pattern, "objects", ()):
                    return True
                if (child.dep_ == "prep" and child.i > trigger.i and child.lower_ in self.w.object_preps
                        and not _is_time(child) and any(c.dep_ == "pobj" for c in child.children)):
                    return True
        return False

    def _protest_targets(self, match: _Match, ctx: "_Context") -> list[str]:
        """Whom a protest is against, written after it: "a hunger strike to protest Sweden's
        decision" (the owner of what is protested), "rallied against the government"."""
        quote = ctx.quote_at(match.trigger.idx)
        for token in match.predicate.subtree:
            if token.i <= match.trigger.i or token.lemma_.lower() not in self.w.protest_object_words:
                continue
            heads = [c for c in token.children if c.dep_ in ("dobj", "pobj")]
            heads += [p for c in token.children if c.dep_ == "prep" and c.lower_ in ("against", "at", "of", "over")
                      for p in c.children if c.dep_ == "pobj"]
            for head in heads:
                found = ctx.actors_of(head, quote)
                for child in head.children:
                    if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in self.w.owner_preps):
                        owner = child if child.dep_ == "poss" else next((c for c in child.children if c.dep_ == "pobj"), None)
                        if owner is not None:
                            found += ctx.actors_of(owner, quote) or [
                                a for a in [ctx.place_actor(owner), ctx.contextual_agent(owner)] if a][:1]
                if found:
                    return _unique(found)
        return []

    def _place_targets(self, match: _Match, ctx: "_Context") -> list[str]:
        """A place an act of force or coercion is done to, as its target: "shelled Jericho",
        "raided villages near Homs", "imposed a curfew in Algiers". Read from the act's
        object and the locative or target phrases on the act or its object."""
        trigger = match.trigger
        heads = [trigger, match.predicate] + [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        candidates = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        leaving = match.pattern.root in self.w.leaving_roots
        for head in heads:
            for prep in (c for c in head.children if c.dep_ == "prep" and c.i > trigger.i):
                if (prep.lower_ in self.w.locative_preps or prep.lower_ in self.w.target_preps
                        or (leaving and prep.lower_ in self.w.leaving_preps)):
                    if not _is_time(prep):
                        candidates += [c for c in prep.children if c.dep_ == "pobj"]
        # where what was hit stands: "fired shells at targets in Jericho", "camps near Goma"
        candidates += [p for c in list(candidates) if c.pos_ == "NOUN" for prep in c.children
                       if prep.dep_ == "prep" and prep.lower_ in self.w.locative_preps and not _is_time(prep)
                       for p in prep.children if p.dep_ == "pobj"]
        # "the town of Cizre", "the capital, Kabul": the name sits under the common noun
        candidates += [g for c in candidates for p in c.children if p.dep_ == "appos" or (p.dep_ == "prep" and p.lower_ == "of")
                       for g in ([p] if p.dep_ == "appos" else [x for x in p.children if x.dep_ == "pobj"])]
        found: list[str] = []
        for token in candidates:
            for node in [token, *token.conjuncts]:
                actor = ctx.place_actor(node)
                if actor:
                    found.append(actor)
        return _unique(found)

    def _refine(self, match: _Match, code: str) -> str:
        """A general code (ending in 0) made finer by the first topic word of its complement."""
        topics = self.lex.topics.get(code[:2])
        if not topics or len(code) != 3 or not code.endswith("0"):
            return code
        trigger = match.trigger
        subject = _subject(trigger)
        skip = set(t.i for t in subject.subtree) if subject is not None else set()
        # not a reporting aside: "urged Russia to honour the deal, adding that sanctions stay"
        skip |= _foreign_tokens(trigger, (), self.w.reporting_verbs)
        words = [t for t in trigger.subtree if t.i not in skip and (t.i > trigger.i or t.dep_ in ("dobj", "pobj"))]
        # heads of phrases before their modifiers: "a negotiated end" is about the end
        for token in sorted(words, key=lambda t: (t.dep_ in ("amod", "compound"), t.i)):
            key = token.lemma_.lower()
            if key in topics:
                return topics[key]
        return code

    def _split_sources(self, events: list) -> list:
        """One event per actor when several do one act ("Argentina, Hungary and the Czech
        Republic voted against"); in a joint act with no one else named ("Israel and Hamas
        agreed to a ceasefire", "Russia and the US exchanged prisoners") each side is the
        other's target."""
        out = []
        for match, event in events:
            sources = list(_refs(event.source))
            if len(sources) < 2:
                out.append((match, event))
                continue
            joint = event.target is None and (getattr(match.pattern, "reciprocal", False)
                                              or getattr(match.pattern, "joint", False))
            for source in sources:
                target = _ref([a for a in sources if a != source]) if joint else event.target
                out.append((match, event.model_copy(update={"source": source, "target": target})))
        return out

    def _hosts(self, sent: Span, events: list, ctx: "_Context") -> list:
        """'along with host President Emmanuel Macron': the host of a meeting in the sentence
        hosted its participants (043)."""
        meetings = [(m, e) for m, e in events if e.cameo[:2] == "04"]
        if not meetings:
            return []
        found = []
        for token in sent:
            if token.lower_ != "host" or token.pos_ not in ("NOUN", "PROPN", "ADJ"):
                continue
            host = ctx.token_actor(token.head) if token.dep_ in ("compound", "amod", "nmod") else None
            if host is None:
                nxt = token.nbor(1) if token.i + 1 < sent.end else None
                host = ctx.token_actor(nxt) if nxt is not None else None
                while host is None and nxt is not None and nxt.i + 1 < sent.end and nxt.pos_ == "PROPN":
                    nxt = nxt.nbor(1)
                    host = ctx.token_actor(nxt)
            if host is None:
                continue
            match, meeting = meetings[0]
            guests = _unique([a for a in (match.source + match.target) if a != host])
            if not guests:
                continue
            plover = self.lex.plover("043")
            found.append((_Match(token, None, match.predicate, derived=True), meeting.model_copy(update={
                "source": host, "target": _ref(guests), "cameo": "043", "plover": plover,
                "goldstein": self.lex.goldstein("043"), "plover_score": self.lex.plover_score(plover),
            })))
        return found

    def _intents(self, events: list, ctx: "_Context") -> list:
        """A future or intended act told now is also a statement of intent (CAMEO 03) or a
        threat (13), made when it is told: "Finland will give Tanzania a grant" (033),
        "they would boycott all contact" (131); refused when negated ("will not accept
        refugees": 12). The act itself stays, with its future or hypothetical modality.
        Which code each root gets is the ``intent``/``refusal`` key of its pattern file."""
        found = []
        for match, event in events:
            if match.derived or match.pattern is None or not self._intended(match):
                continue
            table = self.lex.refusals if event.modality == "negated" else self.lex.intents
            code = table.get(event.cameo[:2])
            if event.modality != "negated" and self._ultimatum(match.predicate):
                code = self.w.ultimatum_code or code  # "will withdraw its troops unless ...": pressure
            plover = self.lex.plover(code) if code else None
            if plover is None:
                continue
            quote = ctx.quote_at(match.trigger.idx)
            date = ctx._statement_date(quote) if quote is not None else (
                ctx.published.isoformat() if ctx.published else None)
            found.append((_Match(match.trigger, None, match.predicate, derived=True), event.model_copy(update={
                "cameo": code, "plover": plover, "modality": "asserted", "date": date,
                "goldstein": self.lex.goldstein(code), "plover_score": self.lex.plover_score(plover),
            })))
        return found

    def _obligations(self, sent: Span, events: list, ctx: "_Context") -> list:
        """"X said that Y must withdraw": a reported obligation laid on another actor is a
        demand (CAMEO 10) by the reporter on Y. The obliging words are ``obligation_aux``."""
        found = []
        for verb in sent:
            if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in self.w.reporting_verbs:
                continue
            if not any(c.dep_ == "aux" and c.lower_ in self.w.obligation_aux for c in verb.children):
                continue
            reporter = next((c for c in verb.head.children if c.dep_ in SUBJECTS), None)
            # "the FDLR must be neutralised" lays nothing on the FDLR: a passive names no addressee
            addressee = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
            if reporter is None or addressee is None:
                continue
            quote = ctx.quote_at(verb.idx)
            source = ctx.actors_of(reporter, quote)
            target = [a for a in ctx.actors_of(addressee, quote) if a not in source]
            if not source or not target:
                continue
            match = _Match(verb, None, verb.head, derived=True)
            code = self._refine(match, "100")
            plover = self.lex.plover(code)
            date = ctx.published.isoformat() if ctx.published and verb.head.tag_ in ("VBD", "VBZ", "VBP") else None
            found.append((match, Event(
                source=_ref(source), target=_ref(target), cameo=code, plover=plover, modality="asserted",
                date=date, location=None, evidence=_clause_span(verb.head, sent),
                reported_by=quote.speaker.actor_id if quote is not None else None,
                goldstein=self.lex.goldstein(code), plover_score=self.lex.plover_score(plover))))
        return found

    def _ultimatum(self, verb: Token) -> bool:
        """The act is announced on a condition the other side must meet: "will withdraw its
        peacekeepers unless the president arranges a ceasefire"."""
        node = verb
        for _ in range(4):
            for clause in (c for c in node.children if c.dep_ == "advcl"):
                if any(m.dep_ == "mark" and m.lower_ in self.w.ultimatum_marks for m in clause.children):
                    return True
            if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
                return False
            node = node.head
        return False

    def _intended(self, match: _Match) -> bool:
        """The act is announced as to come: "will"/"would", or under "ready to", "plans to"."""
        node = match.predicate
        for _ in range(5):
            aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
            if aux & (self.w.future_aux | {"would", "'d"}):
                return True
            if node is not match.predicate and node.lemma_.lower() in self.w.intent_words:
                return True
            if node.dep_ not in ("xcomp", "acomp") or node.head.i == node.i:
                return False
            node = node.head
        return False

    def _accusations(self, events: list, ctx: "_Context") -> list:
        """A speaker who tells of a hostile act by another country accuses it (112):
        Peskov's "it was Ukraine that refused ... negotiations"."""
        found = []
        for match, event in events:
            if match.derived or event.reported_by is None or event.modality != "asserted":
                continue
            if event.cameo[:2] not in HOSTILE_ROOTS:
                continue
            speaker_country = ctx.country(event.reported_by)
            source_countries = {ctx.country(a) for a in match.source}
            if speaker_country is None or None in source_countries or speaker_country in source_countries:
                continue
            plover = self.lex.plover("112")
            found.append((_Match(match.trigger, None, match.predicate, derived=True), event.model_copy(update={
                "source": event.reported_by, "target": _ref(match.source), "cameo": "112", "plover": plover,
                "location": None, "goldstein": self.lex.goldstein("112"), "plover_score": self.lex.plover_score(plover),
            })))
        return found


class _Context:
    """Per-Doc look-ups: actors by token, quotes by offset, dates and places by sentence."""

    def __init__(self, doc: Doc, resolved, quotes, dates, places, published, lex: EventLexicon):
        self.doc, self.resolved, self.lex, self.w = doc, resolved, lex, lex.words
        self.published = published
        self.quotes = [q for q in quotes if q.speaker is not None]
        self.by_token: list[Optional[str]] = [None] * len(doc)
        self.metonyms: set[int] = set()  # tokens of a capital standing for its state ("Paris")
        for m in resolved.mentions:
            for i in range(m.token_start, min(m.token_end, len(doc))):
                self.by_token[i] = m.actor_id
                if m.how == "metonym":
                    self.metonyms.add(i)
        self.dates = [(d, _char_token(doc, d.span[0])) for d in dates if d.value]
        self.places = [(p, _char_token(doc, p.span[0])) for p in places]
        self.place_at: dict[int, object] = {}  # token index -> the place whose name covers it
        for place in places:
            span = doc.char_span(place.span[0], place.span[1], alignment_mode="expand")
            for token in span or ():
                self.place_at[token.i] = place
        self._dyad: Optional[tuple[str, ...]] = None
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
        noun = actor_id.rsplit(":", 1)[1].split("-")[-1]
        if noun in self.w.agent_nouns or noun in self.lex.agent_sectors:
            return True
        return any(noun.endswith(end) for end in self.w.agent_noun_endings)

    def is_person(self, actor_id: str) -> bool:
        return getattr(self.resolved.actors.get(actor_id), "type", None) == "person"

    def country(self, actor_id: str) -> Optional[str]:
        actor = self.resolved.actors.get(actor_id) or self.groups.get(actor_id, (None,))[0]
        return actor.country if actor is not None else None

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
        if low in ORGANISATION_PRONOUNS and head.dep_ in SUBJECTS + PASSIVE_SUBJECTS:
            # "Syria says it is willing to withdraw": the pronoun subject of a reported
            # clause is the reporter when the reporter is an actor.
            # "they"/"it" are never a person: "Trump said they would ..." is someone else
            reporter = [a for a in self._reporter_of(head) if not self.is_person(a)]
            if reporter:
                return reporter
        if low in PERSONAL_PRONOUNS:
            person = self._person_before(head) or self._last_speaker(head, person=True)
            return [person] if person else []
        if low in BODY_PRONOUNS:
            return self._body_before(head)  # nothing fits: drop rather than guess
        if head.lemma_.lower() in self.w.statement_nouns and head.dep_ in SUBJECTS and self.by_token[head.i] is None:
            return self._author_of(head, quote)
        actor = self.by_token[head.i]
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

    def _apposed(self, head: Token, actor: Optional[str]) -> Optional[str]:
        """The one a role noun is then named as: "his rival, Hillary Clinton", "Russia's
        ambassador, Oleg Ozerov", "its neighbour, Belarus". The name is who is meant; the
        role noun alone (or its generic agent) says less."""
        if head.pos_ != "NOUN" or (actor is not None and not actor.startswith("agent:")):
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
            return []
        if head.pos_ != "NOUN" and not (head.pos_ == "PROPN" and head.is_sent_start):
            return []  # a capitalised first word is often tagged a name: "Rebels attacked ..."
        sector = self._sector_of(head)
        if sector is None:
            return []
        country = self._country_near(head)
        if country is None and sector.lower() in self.w.state_sectors:
            # "Police arrested dozens in Caracas": a state's agent acting as subject belongs to
            # the country of a place in the sentence, else to the article's main country
            if _acting(head) and sector.lower() in self.w.context_country_sectors:
                country = self._sentence_country(head) or self.main_country()
            if country is None:
                return []  # "the government", "officials", "the embassy": whose is not said
        return [self._group(head, sector, country)]

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

    def _sentence_country(self, head: Token, besides: Sequence[str] = ()) -> Optional[str]:
        """The country of the first place named in the sentence; not one that names an actor
        of ``besides`` ("the rebels, whom Russia accused": Russia is the accuser)."""
        sent = head.sent
        for place, token in self.places:
            if token is not None and sent.start <= token.i < sent.end and place.country:
                if besides and self.by_token[token.i] in besides:
                    continue
                return place.country
        return None

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
        mention = ActorMention(span.start_char, span.end_char, actor_id, "generic", span.start, span.end, span.text)
        if actor_id not in self.groups:
            known = self.resolved.actors.get(actor_id)
            actor = known or Actor(id=actor_id, name=name, type="group", country=country, sector=sector)
            self.groups[actor_id] = (actor, [])
        self.groups[actor_id][1].append(mention)
        for i in range(span.start, span.end):
            self.by_token[i] = actor_id
        return actor_id

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

    def counterpart(self, source: list[str]) -> Optional[str]:
        """The other side of the article's main country dyad: the two countries named most
        (as countries, capitals, demonyms or agents), each at least twice."""
        if self._dyad is None:
            counts: Counter = Counter()
            for m in self.resolved.mentions:
                actor = self.resolved.actors.get(m.actor_id)
                if actor is not None and actor.country and (actor.type == "country" or m.actor_id.startswith("agent:")):
                    counts[actor.country] += 1
            self._dyad = tuple(c for c, n in counts.most_common(2) if n >= 2)
        if len(self._dyad) != 2:
            return None
        countries = {self.country(a) for a in source}
        if len(countries) != 1:
            return None
        (mine,) = countries
        if mine not in self._dyad:
            return None
        other = self._dyad[1] if self._dyad[0] == mine else self._dyad[0]
        return other if other in self.resolved.actors else None

    # quotes
    def quote_at(self, offset: int) -> Optional[Quote]:
        for quote in self.quotes:
            if quote.span[0] <= offset < quote.span[1]:
                return quote
        return None

    # dates
    def own_date(self, match: _Match):
        """A date expression of the event's own clause (not one bounding it: "since 2022")."""
        anchors = {match.trigger.i, match.predicate.i} | {v.i for v in _governing_clauses(match.predicate)}
        sent = match.trigger.sent
        for date, token in self.dates:
            if token is None or not (sent.start <= token.i < sent.end):
                continue
            node, blocked = token, False
            for _ in range(12):
                if node.i in anchors:
                    break
                if node.dep_ == "prep" and node.lower_ in self.w.non_dating_preps:
                    blocked = True
                if node.pos_ in ("VERB", "AUX") and node.i != token.i or node.head.i == node.i:
                    node = None
                    break
                node = node.head
            if node is not None and node.i in anchors and not blocked:
                return date
        return None

    def fallback_date(self, match: _Match, modality: str, quote: Optional[Quote], location) -> Optional[str]:
        """A statement told in a quote has the quote's date; an asserted past act of the news
        cycle the article's; a historical act the date the article gives its place."""
        root = match.pattern.root if match.pattern is not None else ""
        if modality != "asserted":
            return None
        verb = match.predicate
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        reduced = verb.tag_ == "VBN" and not aux and verb.dep_ == "acl"  # "an agreement reached ...": not the statement's act
        if root in VERBAL_ROOTS and quote is not None and not reduced:
            return self._statement_date(quote)
        if verb.tag_ == "VBD" and not aux & {"had", "has", "have", "'d"}:
            return self.published.isoformat() if self.published else None
        if verb.tag_ in ("VBZ", "VBP") and root in VERBAL_ROOTS:
            return self.published.isoformat() if self.published else None
        if location is not None and self._is_past_form(verb):
            return self._date_of_place(location.name, match.trigger.sent)
        return None

    def _statement_date(self, quote: Quote) -> Optional[str]:
        """When the quote was made; a date the quote took from its own content ("agreements
        reached in 2022") is not it, and the article's date stands in."""
        published = self.published.isoformat() if self.published else None
        if not quote.date:
            return published
        sent_end = self.doc[_char_token(self.doc, quote.span[0]).i].sent.end_char if _char_token(self.doc, quote.span[0]) else quote.span[1]
        inside = any(quote.span[0] <= d.span[0] < max(quote.span[1], sent_end) and d.value == quote.date for d, _ in self.dates)
        if inside and self.is_historical(quote.date):
            return published
        return quote.date

    @staticmethod
    def _is_past_form(verb: Token) -> bool:
        return verb.tag_ in ("VBD", "VBN")

    def _date_of_place(self, name: str, sent: Span) -> Optional[str]:
        """'in Istanbul in 2022' elsewhere in the article dates what happened in Istanbul."""
        for place, token in self.places:
            if place.name != name or token is None or sent.start <= token.i < sent.end:
                continue
            for date, dtoken in self.dates:
                if dtoken is not None and 0 < dtoken.i - token.i <= 3:
                    return date.value
        return None

    def is_historical(self, value: str) -> bool:
        if self.published is None or not value:
            return False
        end = _period_end(value)
        return end is not None and end < self.published - dt.timedelta(days=self.w.news_cycle_days)

    # modality
    def modality(self, match: _Match, own_date) -> str:
        verb = match.predicate
        chain = [verb]
        node = verb
        while node.dep_ == "xcomp" and node.head.i != node.i:
            node = node.head
            chain.append(node)
        if verb.tag_ == "VB" and verb.dep_ == "conj":
            chain.append(verb.head)  # "will meet and discuss": the auxiliary is shared
        children = [c for v in chain for c in v.children]
        if match.trigger.pos_ == "NOUN":
            children += list(match.trigger.children)
        if any(c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in self.w.negation) for c in children):
            return "negated"
        if any(v.lemma_.lower() in self.w.negating_verbs for v in chain[1:]):
            return "negated"  # "failed to agree on a ceasefire"
        if self._no_plan_for(match):
            return "negated"
        aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        if aux & self.w.hypothetical_aux or self._conditional(verb) or self._guessed(verb, children):
            return "hypothetical"
        if self._needed(verb):
            return "hypothetical"  # "we need to support our first responders": what should be done
        if aux & self.w.backshift_aux:
            # reported "will" ("said it would stage a strike"); "would have" did not happen
            return "hypothetical" if "have" in aux else "future"
        if aux & self.w.future_aux or any(v.lemma_.lower() in self.w.future_verbs for v in chain[1:]):
            return "future"
        if own_date is not None:
            if self.is_historical(own_date.value):
                return "historical"
            start = _period_start(own_date.value)
            if self.published and start and start > self.published:
                return "future"
        # A past perfect alone is no mark of the past: reported speech backshifts the day's
        # news ("said Pakistan had accepted the ceasefire"). "already"/"previously" is, and so
        # is a fact a reporter recalls ("noted that Zelenskiy had banned contacts").
        elif any(c.dep_ == "advmod" and c.lower_ in self.w.prior_markers for c in children):
            return "historical"
        elif self._long_ago(chain + _governing_clauses(verb)):
            return "historical"
        elif self._habitual(verb, children) or self._prior_object(match):
            return "historical"
        elif "had" in aux and verb.tag_ == "VBN" and (self._recalled(verb) or self._narrated_before(verb)):
            return "historical"
        return "asserted"

    def _no_plan_for(self, match: _Match) -> bool:
        """The act noun (the trigger or its object) sits under a denied intent: "has no
        plans for direct talks", "no intention of meeting him"."""
        for noun in [match.trigger, *match.objects]:
            if noun.head.dep_ != "prep" or noun.head.i == noun.i:
                continue
            owner = noun.head.head
            if owner.lemma_.lower() in self.w.plan_nouns and any(
                    c.dep_ == "det" and c.lower_ in self.w.negation for c in owner.children):
                return True
        return False

    def _habitual(self, verb: Token, children: list[Token]) -> bool:
        """"has long mediated", "had long resisted", "has hosted refugees for four decades":
        a practice of long standing, background to the news."""
        if verb.tag_ not in ("VBN", "VBD"):
            return False
        if any(c.dep_ == "advmod" and c.lower_ in self.w.habitual_markers for c in children):
            return True
        perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
        return perfect and any(
            c.dep_ == "prep" and c.lower_ == "for"
            and any(t.lemma_.lower() in self.w.standing_units for t in c.subtree)
            for c in verb.children)

    def _prior_object(self, match: _Match) -> bool:
        """The act's own object is placed before the news: "mediated earlier rounds of talks"."""
        if match.trigger.pos_ not in ("VERB", "AUX"):
            return False
        objects = [c for c in match.trigger.children if c.dep_ in ("dobj", "attr")]
        return any(c.dep_ == "amod" and c.lower_ in self.w.prior_adjectives for o in objects for c in o.children)

    def _needed(self, verb: Token) -> bool:
        """The act is what someone says must be done: an infinitive under "need", directly or
        through a purpose clause ("need to do everything we can to support them")."""
        node = verb
        for _ in range(3):
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
            if node.dep_ not in ("xcomp", "advcl") or not infinitive or node.head.i == node.i:
                return False
            node = node.head
            if node.lemma_.lower() in self.w.necessity_verbs:
                return True
        return False

    def _long_ago(self, verbs: list[Token]) -> bool:
        """"criticised her years ago", "in the 1990s": a span of time counted back from now,
        or a decade, on the clause or a clause governing it (no resolved date says so)."""
        for verb in verbs:
            for child in verb.children:
                if child.dep_ == "advmod" and child.lower_ == "ago":
                    if any(c.lemma_.lower() in self.w.long_ago_units for c in child.subtree):
                        return True
                if child.dep_ == "prep" and child.lower_ in ("in", "during") and any(
                        _DECADE.match(c.lower_) for c in child.subtree):
                    return True
        return False

    def _guessed(self, verb: Token, children: list[Token]) -> bool:
        """A guess ("Perhaps the moderators will demand ...") or a scenario set up by an
        opening imperative "Say"/"Suppose"/"Imagine" (the parser often makes what follows
        its object, so the whole sentence is the scenario)."""
        if any(c.dep_ == "advmod" and c.lower_ in self.w.hypothetical_adverbs for c in children):
            return True
        first = next((t for t in verb.sent if not t.is_punct), None)
        return (first is not None and first.lemma_.lower() in self.w.supposition_verbs
                and first.tag_ == "VB" and first.dep_ == "ROOT"
                and not any(c.dep_ in SUBJECTS for c in first.children))

    def _narrated_before(self, verb: Token) -> bool:
        """A past perfect in the reporter's own main clause, outside any quote: "Mali had
        expelled the French ambassador, and relations soured" tells background. Reported
        speech ("said Pakistan had accepted") and time clauses ("after Hamas had rejected
        the plan") backshift the day's news and are left alone."""
        node = verb
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        return node.dep_ == "ROOT" and self.quote_at(verb.idx) is None

    def _recalled(self, verb: Token) -> bool:
        """The clause is a fact recalled by a reporter ("noted that ...", "recalled that ...")."""
        node = verb
        while node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
        return node.dep_ == "ccomp" and node.head.lemma_.lower() in self.w.background_reporting_verbs

    def _conditional(self, verb: Token) -> bool:
        node = verb
        for _ in range(6):
            if self._condition_mark(node):
                return True
            # the consequence of a condition: "would send tanks if Germany agreed"
            if any(c.dep_ == "advcl" and self._condition_mark(c) for c in node.children):
                return True
            if node.dep_ in ("ROOT", "ccomp") or node.head.i == node.i:
                return False
            node = node.head
        return False

    def _condition_mark(self, clause: Token) -> bool:
        """The clause opens with "if"/"unless"/"whether", not with a concession: "vowed to
        fight on even if it takes a hundred years" holds whatever happens."""
        for mark in (c for c in clause.children if c.dep_ == "mark" and c.lower_ in self.w.conditional_marks):
            before = clause.doc[mark.i - 1] if mark.i > 0 else None
            if before is None or before.lower_ not in self.w.concessive_words:
                return True
        return False

    # places
    def location(self, match: _Match, sent: Span, actor_ids: list[str]) -> Optional[Location]:
        anchors = {match.trigger.i, match.predicate.i}
        for place, token in self.places:
            if token is None or not (sent.start <= token.i < sent.end) or self.by_token[token.i] in actor_ids:
                continue
            prev = self.doc[token.i - 1] if token.i > 0 else None
            visit = match.pattern is not None and match.pattern.code == "042"
            locative = prev is not None and prev.lower_ in self.w.locative_preps
            # a visit's place may be its object: "visited Kyiv", "travelled to Paris"
            if not locative and not (visit and (token.dep_ == "dobj" or (prev is not None and prev.lower_ == "to"))):
                continue
            node = token
            for _ in range(12):
                if node.i in anchors or node.head.i == node.i:
                    break
                if node.pos_ in ("VERB", "AUX") and node.i != token.i:
                    break
                node = node.head
            if node.i in anchors:
                return Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon,
                                geonames_id=place.geonames_id)
        return None

    def meeting_code(self, code: str, source: list[str], target: list[str], location: Location) -> str:
        """Where a meeting happened decides visit (042), host (043) or third location (044)."""
        if code not in ("040", "046") or not location.country:
            return code
        src = {self.country(a) for a in source}
        tgt = {self.country(a) for a in target}
        if None in src or None in tgt:
            return code
        here = location.country
        if here not in src and here not in tgt:
            return "044"
        if code == "046":
            return code
        if here in tgt and here not in src:
            return "042"
        if here in src and tgt and here not in tgt:
            return "043"
        return code


# -- helpers -------------------------------------------------------------------------------
def _names(token: Token) -> set[str]:
    """The lemma of an object and of the words that qualify it ("military aid")."""
    # the surface form too: an object noun tagged as a verb keeps its noun ("the ruling" is
    # not lemmatised to "rule")
    names = {token.lemma_.lower(), token.lower_}
    names.update(c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "compound", "nmod"))
    return names


def _governing_clauses(verb: Token) -> list[Token]:
    """The verbs a subjectless participle or infinitive clause hangs on: "sent a letter in
    2015, calling for his dismissal" is dated by "sent". A clause with its own subject, or a
    reported one (ccomp), has its own time."""
    found: list[Token] = []
    node = verb
    for _ in range(4):
        if node.dep_ not in ("advcl", "xcomp", "conj") or node.head.i == node.i:
            break
        if any(c.dep_ in SUBJECTS + PASSIVE_SUBJECTS or c.dep_ == "mark" for c in node.children):
            break
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            break
        found.append(node)
    return found


def _subject(verb: Token) -> Optional[Token]:
    """The clause's subject; a verb without one takes its governor's ("vowed to bring",
    "after meeting Zelenskiy", "refused and continues to refuse")."""
    node = verb
    for _ in range(5):
        # a governor's passive subject controls its infinitive: "Brazil is set to host",
        # "Kyiv was urged to withdraw" (the verb's own passive subject is its target)
        deps = SUBJECTS if node is verb else SUBJECTS + PASSIVE_SUBJECTS
        for child in node.children:
            if child.dep_ in deps:
                return child
        # "is willing to send": the infinitive hangs on the adjective, the subject on "is"
        if node.dep_ not in CONTROL_DEPS and node.dep_ != "acomp" or node.head.i == node.i:
            return None
        node = node.head
        while node.pos_ not in ("VERB", "AUX") and node.dep_ in ("prep", "pcomp") and node.head.i != node.i:
            node = node.head
    return None


def _verb_with_object(token: Token) -> bool:
    """A complement verb acting on its own object names an act, not the thing a pattern's
    object list wants: "ordered the ministry to halt all relocations" is an order, not "a
    halt" ordered; "ordered troops to patrol" still names the patrol."""
    return token.pos_ in ("VERB", "AUX") and any(c.dep_ == "dobj" for c in token.children)


def _bare_institution(noun: Token) -> bool:
    """"the government", "the interior ministry": a definite body named by its function
    alone, with no owner or nationality ("Russia's ambassador", "three Russian diplomats")
    that would place it elsewhere."""
    return (_common_noun(noun)
            and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
            and not any(c.dep_ in ("poss", "nummod") or c.ent_type_ in ("NORP", "GPE")
                        for c in noun.children))


def _common_noun(token: Token) -> bool:
    """A noun, also one the tagger took for a name though written in lower case ("the
    interior ministry")."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.is_lower)


def _dative_prep(token: Token) -> bool:
    """A preposition the parser labels dative ("gave $5m to the party"): it has an object."""
    return token.dep_ == "dative" and token.pos_ == "ADP" and any(c.dep_ == "pobj" for c in token.children)


def _reduced_passive(verb: Token) -> bool:
    """A past participle describing a noun, with its doer after "by": "the deal, signed by
    Iran in 2015", "sanctions imposed by Washington". Without the agent it may be an
    adjective ("the disputed region"), so the agent is required."""
    return (verb.dep_ == "acl" and verb.tag_ == "VBN"
            and any(c.dep_ == "agent" for c in verb.children))


def _is_time(prep: Token) -> bool:
    """'on Friday': a preposition whose object is a date does not introduce a target."""
    return any(c.ent_type_ in ("DATE", "TIME") for c in prep.children if c.dep_ == "pobj")


def _governs(head: Token, token: Token) -> bool:
    return head.i != token.i and head in token.ancestors


def _acting(head: Token) -> bool:
    """The phrase is a clause's doer: its subject or a passive's "by" agent."""
    node = head
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ in SUBJECTS or (node.dep_ == "pobj" and node.head.dep_ == "agent")


def _coordinated(head: Token, token: Token) -> bool:
    """``token`` hangs on ``head`` through a coordinated verb: "called the deal reckless and
    threatened to quit" are two acts, the second not inside the first's complement."""
    node = token
    while node.head.i != head.i and node.head.i != node.i:
        node = node.head
    return node.dep_ == "conj"


def _close_words(token: Token) -> list[Token]:
    """``token``, its owner, name parts and object, and their "of" phrases: "Obama's
    dismissal", "the release of Navalny", not a clause further down ("a compromise
    rebuffed by Republicans")."""
    found = [token]
    for child in token.children:
        if child.dep_ in ("poss", "compound", "dobj", "nmod", "appos"):
            found += [child, *[c for c in child.children if c.dep_ in ("poss", "compound")]]
        elif child.dep_ == "prep" and child.lower_ == "of":
            found += [c for c in child.children if c.dep_ == "pobj"]
    return found


def _in_subject_phrase(token: Token) -> bool:
    """``token`` is a subject or a name-part or owner of one: "The Foreign Office says",
    "India's strikes hit", "Armenian and Azeri leaders met"."""
    node = token
    for _ in range(3):
        if node.dep_ in SUBJECTS + PASSIVE_SUBJECTS:
            return True
        if node.dep_ not in ("compound", "poss", "amod", "conj", "appos") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _in_subject(head: Token, token: Token) -> bool:
    subject = _subject(head)
    return subject is not None and (subject.i == token.i or subject in token.ancestors)


def _char_token(doc: Doc, offset: int) -> Optional[Token]:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _unique(ids: list[str]) -> list[str]:
    seen: list[str] = []
    for i in ids:
        if i and i not in seen:
            seen.append(i)
    return seen


def _ref(ids: list[str]):
    if not ids:
        return None
    return ids[0] if len(ids) == 1 else list(ids)


def _clause_span(predicate: Token, sent: Span, others: Sequence[Token] = (),
                 asides: frozenset[str] = frozenset()) -> tuple[int, int]:
    """The characters of the event's clause: the words around the predicate that belong to
    it, with its subject (a controlled verb's subject sits higher: "Russia vowed to attack").
    Cut out: the clauses coordinated to it ("attacked X and signed Y" are two acts, each with
    its own evidence), the subject's relative clause ("Oman, which mediated earlier talks,
    offered to host"), and the adverbial or relative clauses of ``others``, the sentence's
    other event predicates ("suspended the talks after rebels launched an offensive"), and
    a participle of ``asides`` that reports something else (", saying the Philippines would
    keep sending vessels"). The span is the unbroken run of kept words around the predicate, so two events of one
    sentence point to their own words, not both to the sentence."""
    skip = _foreign_tokens(predicate, others, asides)
    kept = {t.i for t in predicate.subtree if t.i not in skip}
    subject = _subject(predicate)
    # a coordinated verb's subject is its partner's ("X accused Y and demanded Z"): taking it
    # would pull the partner's words in; a controlled verb's is taken with the words between
    if subject is not None and subject.sent == sent and not (
            predicate.dep_ == "conj" and subject.head.i != predicate.i):
        skip |= {t.i for c in subject.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
        kept |= {i for i in range(subject.left_edge.i, predicate.i) if i not in skip}
    doc = sent.doc
    start = end = predicate.i
    while start - 1 >= sent.start and start - 1 in kept:
        start -= 1
    while end + 1 < sent.end and end + 1 in kept:
        end += 1
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and doc[end].is_punct and doc[end].lower_ not in ('"', "'", "”", "’", ")"):
        end -= 1
    if start > end:
        return sent.start_char, _trim_end(sent)
    return doc[start].idx, doc[end].idx + len(doc[end].text)


# Clause links under which another event's predicate is an act of its own, not the content
# of this one ("accused X of trying to suppress turnout" keeps "suppress" inside).
_OWN_CLAUSE_DEPS = frozenset({"advcl", "relcl", "conj", "parataxis", "acl"})


def _foreign_tokens(predicate: Token, others: Sequence[Token], asides: frozenset[str] = frozenset()) -> set[int]:
    """Token indices in ``predicate``'s subtree that belong to other acts: coordinated verbs
    (with their "and") and other event predicates' own clauses hanging below it."""
    skip: set[int] = set()
    for child in predicate.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            skip.update(t.i for t in child.subtree)
            skip.update(c.i for c in predicate.children if c.dep_ == "cc" and c.i < child.i)
        elif child.dep_ == "advcl" and child.i > predicate.i and child.lemma_.lower() in asides:
            skip.update(t.i for t in child.subtree)
    for other in others:
        if other.i == predicate.i or other in predicate.ancestors or predicate not in other.ancestors:
            continue
        clause = other
        while clause.head.i != predicate.i and clause.dep_ not in _OWN_CLAUSE_DEPS:
            clause = clause.head
        if clause.dep_ in _OWN_CLAUSE_DEPS:
            skip.update(t.i for t in clause.subtree)
    return skip


def _refused_dropped(events: list, intents: list) -> list:
    """A refusal told now ("will not surrender its right to enrich") is the event: the act
    refused never happened, so its negated copy is not kept beside the refusal."""
    refused = {m.trigger.i for m, e in intents if e.modality == "asserted" and e.plover.type == "REJECT"}
    return [(m, e) for m, e in events if not (e.modality == "negated" and m.trigger.i in refused)]


def _drop_manner(matches: list, preps: frozenset[str]) -> list:
    """An act noun in a phrase that says how another matched verb was done is that act, not a
    second one: "detained nine UN employees in raids on offices" is one detention, not a
    detention and a raid. An act noun that is the verb's object ("condemned the strikes")
    stays its own event."""
    verbs = {m.trigger.i for m in matches if m.trigger.pos_ in ("VERB", "AUX")}
    return [m for m in matches if not (
        m.trigger.pos_ == "NOUN" and m.trigger.dep_ == "pobj" and m.trigger.head.lower_ in preps
        and m.trigger.head.head.i in verbs)]


def _own_words(sent: Span, events: list, asides: frozenset[str] = frozenset(),
               said_roots: frozenset[str] = frozenset()) -> list:
    """Recut each event's evidence to its own clause now that the sentence's other acts are
    known (their predicates' clauses are left out of it)."""
    # only verbs head clauses; a noun trigger's own phrase is not cut out of another's
    predicates = {m.predicate.i: m.predicate for m, _ in events}
    verbs = [t for t in predicates.values() if t.pos_ in ("VERB", "AUX")]
    out = []
    for match, event in events:
        others = [t for t in verbs if t.i != match.predicate.i]
        # "lashed out at the UN, saying its silence amounted to complicity": what a verbal
        # act says is its own words; "urged X to talk, saying Y" says something else
        own_asides = frozenset() if event.cameo[:2] in said_roots else asides
        span = _clause_span(match.predicate, sent, others, own_asides)
        out.append((match, event if span == event.evidence else event.model_copy(update={"evidence": span})))
    return out


def _trim_end(sent: Span) -> int:
    text = sent.text.rstrip()
    return sent.start_char + len(text)


def _period_end(value: str) -> Optional[dt.date]:
    try:
        if _is_decade(value):
            return dt.date(int(value[:4]) + 9, 12, 31)
        if len(value) == 4:
            return dt.date(int(value), 12, 31)
        if len(value) == 7 and value[4] == "-":
            year, month = int(value[:4]), int(value[5:7])
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _period_start(value: str) -> Optional[dt.date]:
    try:
        if _is_decade(value):
            return dt.date(int(value[:4]), 1, 1)
        if len(value) == 4:
            return dt.date(int(value), 1, 1)
        if len(value) == 7 and value[4] == "-":
            return dt.date(int(value[:4]), int(value[5:7]), 1)
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _is_decade(value: str) -> bool:
    """A decade as the dates extractor writes it: "1990s"."""
    return len(value) == 5 and value.endswith("s") and value[:4].isdigit()


def _refs(ref) -> tuple:
    if ref is None:
        return ()
    return tuple(ref) if isinstance(ref, list) else (ref,)


def _dedupe(events: list[Event]) -> list[Event]:
    """One event told twice (headline and body, "refused and continues to refuse") is kept
    once: the copy with its own date, a place and a target wins."""
    kept: list[Event] = []
    for event in _one_per_act(events):
        key = (_refs(event.source), event.cameo, event.modality)
        twin = None
        for i, other in enumerate(kept):
            if (_refs(other.source), other.cameo, other.modality) != key:
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


_DEFAULT: Optional[EventCoder] = None
# pronoun agreement (coref's first-name and surname tables), loaded once
_GENDER = Gender()


def extract_events(doc: Doc, resolved_actors, quotes: Sequence[Quote] = (), dates=(), places=(),
                   published: Optional[dt.date] = None) -> list[Event]:
    """The events of a parsed Doc (see the module docstring for what is and is not coded).

    Args:
        doc: a Doc parsed by the Parley pipeline (dependency parse needed).
        resolved_actors: ``doc._.actors`` (:class:`parley.extract.actors.ResolvedActors`).
        quotes: ``doc._.quotes``; events inside a quote get its speaker as ``reported_by``.
        dates: ``doc._.dates``; places: ``doc._.places``.
        published: the publication date (dates "of the news cycle" and historical events).
    """
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = EventCoder()
    return _DEFAULT.extract(doc, resolved_actors, quotes, dates, places, published)
