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

Where
    This module finds the pattern matches and builds each act's event: its source and
    target as the clause says them, its code, modality, date and place. The record of a
    match and the root groups the steps share are :mod:`parley.extract.event_match`; targets
    the clause does not give plainly (an owner, a place, a complement's subject ...)
    :mod:`parley.extract.event_targets`; the doer of violence told without one
    :mod:`parley.extract.event_agentless`; the events derived after the first pass
    (intents, hosts, obligations, conditions, accusations) :mod:`parley.extract.event_derived`.
    Who a phrase names is :mod:`parley.extract.event_actors`; dates, modality and place
    :mod:`parley.extract.event_timing`; parse helpers :mod:`parley.extract.event_syntax`;
    one event per act :mod:`parley.extract.event_merge`.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional, Sequence

from spacy.tokens import Doc, Span, Token

from ..model import Event, Quote
from .event_actors import ActorContext
from .event_agentless import AgentlessSource
from .event_checks import load_senses
from .event_derived import (DerivedEvents, _announced_dropped, _refused_dropped, denied, intended,
                            match_date, split_sources)  # noqa: F401  (match_date: re-exported)
from .event_lexicon import EventLexicon, NounPattern, VerbPattern, load_event_lexicon
from .event_match import HOSTILE_ROOTS, VIOLENT_ROOTS, _Match  # noqa: F401  (re-exported)
from .event_merge import _dedupe, _ref
from .quotemarks import OPENING, STRAIGHT
from .event_syntax import (OBJECT_DEPS, PASSIVE_SUBJECTS, SUBJECTS, _bare_institution, _clause_span,
                           _close_words, _coordinated, _dative_prep, _foreign_tokens, _governs, _in_relative_clause, _in_subject,
                           _is_time, _names, _own_words, _passive_subjects, _reduced_passive, _subject, _unique,
                           _verb_with_object)
from .event_targets import TargetFinder, absolute_clause
from .event_voice import stance_source, voice_words
from .event_timing import VERBAL_ROOTS, EventTiming, _period_end  # noqa: F401  (_period_end: re-exported)


class EventCoder:
    """Codes the events of parsed Docs with one lexicon (built once per process)."""

    def __init__(self, lexicon: Optional[EventLexicon] = None):
        self.lex = lexicon or load_event_lexicon()
        self.w = self.lex.words
        self.voice = voice_words()
        self.armed_sectors = load_senses().armed_sectors
        # the steps around each match, sharing the lexicon (loaded once)
        self.targets = TargetFinder(self.lex)
        self.agentless = AgentlessSource(self.lex)
        self.derived = DerivedEvents(self.lex, refine=self._refine)

    # -- public -------------------------------------------------------------------------
    def extract(self, doc: Doc, resolved, quotes: Sequence[Quote] = (), dates=(), places=(),
                published: Optional[dt.date] = None) -> list[Event]:
        if resolved is None:
            return []  # no actor resolution, no events (unnamed groups may still act)
        ctx = ActorContext(doc, resolved, quotes, places, self.lex)
        timing = EventTiming(ctx, dates, published)
        events: list[tuple[_Match, Event]] = []
        for sent in doc.sents:
            matches = self._matches(sent)
            if not matches:
                # "Russia said that Sudan must return the helicopter": a demand with no act word
                events += split_sources(self.derived.obligations(sent, [], ctx, timing))
                events += self.derived.verdicts_told(sent, [], ctx, timing)
                events += split_sources(self.derived.announced_threats(sent, [], ctx, timing))
                continue
            matches = self._drop_mentioned(_drop_manner(matches, self.w.manner_preps))
            matches = [m for m in matches if m.mentioned or not getattr(m.pattern, "needs_act", False)]
            sent_events = []
            for match in matches:
                event = self._event(match, sent, ctx, timing)
                if event is None and getattr(match.pattern, "reciprocal", False):
                    match, event = self._solo_reading(match, sent, ctx, timing)
                if event is not None:
                    sent_events.append((match, event))
            sent_events += self.derived.hosts(sent, sent_events, ctx)
            intents = self.derived.intents(sent_events, ctx, timing)
            sent_events = _announced_dropped(_refused_dropped(sent_events, intents), intents,
                                             self.lex.intent_replaces_act) + intents
            sent_events += self.derived.obligations(sent, sent_events, ctx, timing)
            sent_events += self.derived.verdicts_told(sent, sent_events, ctx, timing)
            sent_events = self.derived.conditioned(sent, sent_events, ctx, timing)
            threats = self.derived.announced_threats(sent, sent_events, ctx, timing)
            sent_events = _purpose_intents_dropped(sent_events, threats) + threats
            events += split_sources(_own_words(sent, sent_events, self.w.reporting_verbs, self.w.said_roots))
        events += self.derived.accusations(events, ctx, timing)
        kept = _dedupe([e for _, e in events], [m.predicate.sent.start for m, _ in events])
        ctx.commit_groups(kept)
        return kept

    # -- finding ------------------------------------------------------------------------
    def _matches(self, sent: Span) -> list[_Match]:
        found = []
        for token in sent:
            pos = token.pos_
            if pos not in ("VERB", "AUX", "NOUN"):
                continue  # (the cheap test first: this runs on every token)
            lemma = token.lemma_.lower()
            if pos in ("VERB", "AUX") and lemma in self.lex.verbs:
                seen: dict = {}  # the clause's words, shared by the verb's patterns
                for pattern in self.lex.verbs[lemma]:
                    objects = self._verb_fits(token, pattern, seen)
                    if objects is not None:
                        found.append(_Match(token, pattern, token, objects))
                        break
            elif pos == "NOUN" and lemma in self.lex.nouns:
                for pattern in self.lex.nouns[lemma]:
                    predicate = self._noun_fits(token, pattern)
                    if predicate is not None:
                        found.append(_Match(token, pattern, predicate))
                        break
        return found

    def _solo_reading(self, match: _Match, sent: Span, ctx: ActorContext, timing: EventTiming) -> tuple[_Match, Optional[Event]]:
        """A joint act with no partner ("China launched exercises around Taiwan" is no joint
        exercise): the verb's next pattern that fits and needs no partner, if any."""
        if not isinstance(match.pattern, VerbPattern):
            return match, None
        patterns = self.lex.verbs.get(match.trigger.lemma_.lower(), [])
        later = patterns[patterns.index(match.pattern) + 1:] if match.pattern in patterns else []
        for pattern in later:
            if pattern.reciprocal:
                continue
            objects = self._verb_fits(match.trigger, pattern)
            if objects is None:
                continue
            other = _Match(match.trigger, pattern, match.predicate, objects, mentioned=match.mentioned)
            return other, self._event(other, sent, ctx, timing)
        return match, None

    def _verb_fits(self, verb: Token, pattern: VerbPattern, seen: Optional[dict] = None) -> Optional[list[Token]]:
        """The object tokens when ``pattern`` fits the clause of ``verb``, else None. ``seen``
        keeps the clause's words for the verb's next pattern (most patterns read the same)."""
        children = list(verb.children)
        if pattern.particle and not any(
            c.dep_ in ("prt", "advmod") and c.lower_ == pattern.particle for c in children
        ):
            return None
        if pattern.negated_only and not denied(verb, self.w):
            return None
        heads = [verb]
        if pattern.adjs:
            adjs = [c for c in children if c.dep_ in ("acomp", "attr") and c.lemma_.lower() in pattern.adjs]
            if not adjs:
                return None
            heads = adjs
        key = tuple(h.i for h in heads)
        words = seen.get(key) if seen is not None else None
        if words is None:
            words = _clause_words(verb, heads)
            if seen is not None:
                seen[key] = words
        objects, preps, clauses = list(words[0]), words[1], words[2]
        if pattern.preps and not any(p.lower_ in pattern.preps and not _is_time(p) for p in preps):
            return None
        if pattern.unless_preps and any(c.dep_ == "prep" and c.lower_ in pattern.unless_preps for c in children):
            return None  # "seized on the issue": a phrasal sense of the verb
        if pattern.complement and not clauses:
            return None
        if pattern.infinitive and not any(c.dep_ == "xcomp" for c in clauses):
            return None
        if pattern.finite and not any(c.dep_ == "ccomp" for c in clauses):
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
        # the object's qualifiers count too: "a new sanctions package" is no aid package
        if pattern.unless_objects and any(_names(o) & pattern.unless_objects for o in objects):
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
                        and not _coordinated(scope.trigger, match.trigger)
                        and not _in_relative_clause(scope.trigger, match.trigger)
                        and not self._in_time_adjunct(scope.trigger, match.trigger)):
                    inside = True
                    scope.mentioned.append(match)
                    break
            if not inside:
                kept.append(match)
        return kept

    def _in_time_adjunct(self, scope: Token, token: Token) -> bool:
        """``token`` sits in a phrase that says when the scope's act came ("agreed to a
        ceasefire after talks mediated by the United States"): a prior act of its own, not
        what was agreed, demanded or refused."""
        node = token
        while node.head.i != scope.i and node.head.i != node.i:
            node = node.head
        return node.head.i == scope.i and node.dep_ == "prep" and node.lower_ in self.voice.time_adjunct_preps

    # -- one event ----------------------------------------------------------------------
    def _event(self, match: _Match, sent: Span, ctx: ActorContext, timing: EventTiming) -> Optional[Event]:
        pattern = match.pattern
        quote = ctx.quote_at(match.trigger.idx)
        if isinstance(pattern, VerbPattern):
            source, target = self._verb_actors(match, ctx, quote)
            target = self.targets.judged_doers(match, ctx, quote, source) or target
            if pattern.direct_target:
                # "received the delegation", "called Macron": not "received the endorsement
                # of X", not "called X's behaviour outrageous"
                if any(c.dep_ in ("oprd", "ccomp") for c in match.trigger.children) or _named_in_quotes(match.trigger):
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
            source = self.agentless.source(match, ctx, quote)
        if not source:
            return None
        if getattr(pattern, "not_by_person", False) and all(ctx.is_person(a) for a in source):
            return None  # "Trump held a rally in Michigan": a campaign event, not a protest
        if pattern.code in ctx.voice.visit_codes and self._no_visitors(source, ctx):
            return None  # "Russian troops arrived in Bamako", "refugees arrived in Burundi"
        if isinstance(pattern, VerbPattern):
            # "complained to the UN over Israeli raids": aimed at Israel, the UN only hears it
            grievance = self.targets.grievance_target(match, ctx, quote, source)
            if grievance and set(target) <= set(self.targets.addressees(match.trigger, ctx, quote)):
                target = grievance
        if not target and isinstance(pattern, VerbPattern) and not pattern.direct_target:
            target = self.targets.indirect_target(match, ctx, quote, source)
        if not target:
            target = self.targets.letter_addressee(match, ctx, quote, source) or self.targets.claimed_target(match, ctx, quote, source)
        if not target and pattern.root in ctx.voice.conditional_roots:
            # "threatened to halt talks if the US deployed missiles": the condition's side, not
            # the place of the act the condition names
            target = [a for a in self.targets.condition_actors(match, ctx, quote) if a not in source]
        if not target:
            target = self.targets.mentioned_target(match, ctx, quote, source, self._act_targets)
        if not target and isinstance(pattern, VerbPattern):
            # "Rwanda denies the charge", "welcomed the ruling": aimed at whoever made the
            # claim or did the act, told in an earlier sentence
            target = [a for a in ctx.antecedent_target(match.trigger, source) if a not in source]
        if target and set(target) <= set(source) and not getattr(pattern, "reciprocal", False):
            return None  # "X accused X": one side read twice is a resolution slip, not an act
        target = [t for t in target if t not in source]
        target = _unique([ctx.localise_group(t, source, sent) for t in target])
        partnered = bool(target) or (getattr(pattern, "reciprocal", False) and len(source) > 1)
        if not target and pattern.root == "14":
            target = [a for a in self.targets.protest_targets(match, ctx) if a not in source]
        if not target and pattern.root in VIOLENT_ROOTS and not self._has_object(match):
            target = self.targets.purpose_targets(match, ctx, source)
        if not target and pattern.root in self.w.place_target_roots:
            target = [a for a in self.targets.place_targets(match, ctx) if a not in source]
        if not target and pattern.code in ctx.voice.visit_codes:
            target = [a for a in self.targets.visited(match, ctx) if a not in source]
        if not target and getattr(pattern, "implicit_partner", False) and not self._has_object(match):
            partner = ctx.counterpart(source)
            if partner:
                target = [partner]
        if not target and isinstance(pattern, VerbPattern):
            # "sent 21 observers to Bosnia": a toponym the act sends people or things to
            target = [a for a in self.targets.destinations(match, ctx) if a not in source]
        if len(source) > 1 and (getattr(pattern, "reciprocal", False) or getattr(pattern, "joint", False)):
            # "Armenia and Azerbaijan initialled a deal at the White House": each side is the
            # other's target (see split_sources), the venue is none
            target = [a for a in target if a not in self.targets.venue_actors(match, ctx, quote)]
        if not target and getattr(pattern, "needs_target", False) and not (
                getattr(pattern, "thing_object", False) and self._act_object(match)) and not (
                getattr(pattern, "refusal", None) and denied(match.trigger, self.w) and intended(match, self.w)) and not (
                self._unnamed_addressee(match)):
            # a withheld act ("will not allow anyone to ...") needs no one named; an appeal to
            # someone who is no actor ("asked our friends abroad to ...") still asks
            return None
        if getattr(pattern, "reciprocal", False) and not partnered and not getattr(pattern, "implicit_partner", False):
            return None  # a meeting needs someone to meet
        if not target:
            # "tariffs on American exports", "an aid program for Bosnia": named only inside the
            # object phrase. Read after the checks above: a name inside a phrase completes an
            # act, it is no evidence that an act took place
            target = self.targets.modifier_targets(match, ctx, quote, source)
        # a threat is read off the general intent before a topic word refines it: "pledged to
        # impose further sanctions as a deterrence to a threat to peace" threatens, it settles nothing
        code = self._threat_code(match, pattern.code)
        if code == pattern.code:
            code = self._threat_code(match, self._refine(match, pattern.code))
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
        own_date = timing.own_date(match)
        location = timing.location(match, sent, source + target)
        if code[:2] == "04" and location is not None:
            code = timing.meeting_code(code, source, target, location)
        modality = timing.modality(match, own_date)
        if modality == "asserted" and getattr(pattern, "modality", None):
            modality = pattern.modality  # "is preparing sanctions": the sanctions lie ahead
        date = own_date.value if own_date is not None else None
        if date is None:
            date = timing.fallback_date(match, modality, quote, location)
            if date is not None and modality == "asserted" and timing.is_historical(date):
                modality = "historical"
        if location is None:
            location = timing.dateline_location(match, modality, date, source)
        plover = self.lex.plover(code)
        if plover is None:
            return None  # a code the table does not know is a lexicon error: skip, don't guess
        match.source, match.target, match.code = source, target, code
        # "Lai said Taiwan would not bow": a stance told for the speaker's side is the speaker's
        voice = stance_source(code[:2], match.predicate, source, quote, ctx.country, ctx.is_person,
                             sector_of=ctx.sector)
        return Event(
            source=_ref([voice] if voice else source),
            target=_ref([t for t in target if t != voice]),
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

    def _unnamed_addressee(self, match: _Match) -> bool:
        """An appeal asks someone who is no actor: "asked our friends abroad to", "asking
        everyone to". A personal pronoun ("ask us to") stands for an actor the resolver missed:
        whom it asks is unknown."""
        addressee = self.targets.appeal_addressee(match)
        return addressee is not None and addressee.tag_ != "PRP"

    def _no_visitors(self, source: list[str], ctx: ActorContext) -> bool:
        """Every source is an armed body (troops, police, rebels) or an unnamed crowd
        ("refugees", "migrants"): their arrivals are deployments and flights, not the
        visits of a state's envoys."""
        return all(a.startswith("new:group:") or (_sector(a, ctx) or "").lower() in self.armed_sectors
                   for a in source)

    def _policy_wish(self, match: _Match, code: str, target: list[str], ctx: ActorContext) -> bool:
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

    def _stative(self, verb: Token, children: list[Token]) -> bool:
        """"is opposed to the plan", "remains committed to the talks": a participle of stance
        with its preposition and no "by" agent; its subject holds the stance."""
        if verb.lemma_.lower() not in self.w.stative_participles or any(c.dep_ == "agent" for c in children):
            return False
        return any(c.dep_ == "prep" and c.lower_ in self.w.stative_preps for c in children)

    def _verb_actors(self, match: _Match, ctx: ActorContext, quote: Optional[Quote]) -> tuple[list[str], list[str]]:
        verb = match.trigger
        children = list(verb.children)
        objects = set(t.i for t in match.objects)
        passive = _passive_subjects(verb)
        source: list[str] = []
        target: list[str] = []
        if _reduced_passive(verb):
            # "the deal, signed by Iran in 2015": the noun is what the act was done to
            for agent in (c for c in children if c.dep_ == "agent"):
                for pobj in (c for c in agent.children if c.dep_ == "pobj"):
                    source += ctx.actors_of(pobj, quote)
            target += ctx.actors_of(verb.head, quote)
        elif passive and self._stative(verb, children):
            for subj in passive:
                source += ctx.actors_of(subj, quote)
        elif passive:
            for agent in (c for c in children if c.dep_ == "agent"):
                for pobj in (c for c in agent.children if c.dep_ == "pobj"):
                    source += ctx.actors_of(pobj, quote)
            for subj in passive:
                target += ctx.actors_of(subj, quote)
        else:
            subject = _subject(verb, self.w.object_control_verbs)
            if subject is not None:
                source = ctx.actors_of(subject, quote)
            told = ctx.cues.get(verb.idx) if subject is None or subject.head.i != verb.i else None
            if told is not None and told.speaker.actor_id:
                # "Sanchez said the army would ..., and accused the group": the verb is a
                # statement's cue, and the quote extractor resolved who made that statement
                source = [told.speaker.actor_id]
            for child in children:
                if child.dep_ in ("dobj", "dative") and not self.targets.passed_over(child, verb, ctx):
                    # "ordered the interior ministry to halt": a state body with no country of
                    # its own is the one the sentence or article is about
                    agent = ctx.contextual_agent(child) if _bare_institution(child) else None
                    found = ctx.actors_of(child, quote) or ([agent] if agent else [])
                    if not found and not (_names(child) & match.pattern.objects):
                        # "urged donors to ...", not "exchanged four prisoners" (the thing moved)
                        found = ctx.people_group(child, quote)
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
        # "provided aid for Romania": aid is done for its beneficiary
        giving = match.pattern.root in ctx.voice.beneficiary_roots
        for prep in preps:
            if absolute_clause(prep):
                continue  # ", with Oman's minister saying ...": a circumstance, not a partner
            if (prep.lower_ in self.w.target_preps or (leaving and prep.lower_ in self.w.leaving_preps)
                    or (giving and prep.lower_ in ctx.voice.beneficiary_preps)) and verb.i < prep.i < reason:
                # a fronted phrase sets the scene ("At the UN, Guterres called on ...")
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    found = [a for a in ctx.actors_of(pobj, quote) or self.targets.thing_owners(pobj, ctx, quote, source)
                             or ctx.people_group(pobj, quote) if not ctx.is_channel(a)]
                    if prep.lower_ == "to" and match.pattern.root in VERBAL_ROOTS:
                        # "in his speech to the Russian Foreign Ministry": an audience at home
                        found = [a for a in found if ctx.country(a) not in own]
                    target += found
        # "talks aimed at the denuclearization of the DPRK": a participle says whom
        for obj in match.objects if not target else ():
            target += self.targets.aimed_targets(obj, ctx, source)
        return _unique(source), _unique(target)

    def _noun_actors(self, match: _Match, ctx: ActorContext) -> tuple[list[str], list[str]]:
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
                        target += [a for a in ctx.actors_of(pobj, None) or self.targets.thing_owners(pobj, ctx, None, source)
                                   or ctx.people_group(pobj) if not ctx.is_channel(a)]
        if not target:
            target = self.targets.carrier_phrase_targets(noun, ctx, source) or self.targets.aimed_targets(noun, ctx, source)
        if source and not target:
            target = self.targets.patient_of(noun, ctx)
        if not source:
            source = self.targets.carrier_subject(noun, ctx)
        if not target:
            target = self.targets.carrier_object(noun, ctx)
        return _unique(source), _unique(target)

    def _act_targets(self, match: _Match, ctx: ActorContext, quote: Optional[Quote]) -> list[str]:
        """The targets read for an act as the coder reads them (the target finders use it for
        the acts an intent, threat, appeal or refusal talks about)."""
        if isinstance(match.pattern, VerbPattern):
            return self._verb_actors(match, ctx, quote)[1]
        return self._noun_actors(match, ctx)[1]

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

    def _threat_code(self, match: _Match, code: str) -> str:
        """A promise to do a hostile act is a threat: "pledged to impose further sanctions"
        takes the threat code (13x) of the act it announces instead of a general 030."""
        if code != "030" or match.trigger.lemma_.lower() not in self.lex.threat_lemmas:
            return code
        for act in match.mentioned:
            announced = self.lex.intents.get(act.pattern.root, "") if act.pattern is not None else ""
            if announced.startswith("13"):
                return announced
        return code

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


def _purpose_intents_dropped(events: list, threats: list) -> list:
    """"would take all necessary measures to defend the interests of Chinese companies": the
    purpose of an announced retaliation is no offer of its own; an intent (03) read off an act
    inside the threatening clause goes, the threat tells it."""
    if not threats:
        return events
    scopes = [m.trigger for m, _ in threats]
    return [(m, e) for m, e in events
            if not (m.derived and e.cameo.startswith("03")
                    and any(m.trigger.i != v.i and v.left_edge.i <= m.trigger.i <= v.right_edge.i for v in scopes))]


_OPENING_QUOTES = frozenset(OPENING + STRAIGHT + "‘'")  # a quoted name may be in single marks


def _named_in_quotes(verb: Token) -> bool:
    """"called the seizure “a very grave incident”": the object is given a quoted name (the
    parser hangs it on the object as an apposition), so the verb names, it calls no one."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for appos in (c for c in obj.children if c.dep_ == "appos"):
            first = appos.doc[appos.left_edge.i]
            before = appos.doc[first.i - 1] if first.i > 0 else None
            if first.text in _OPENING_QUOTES or (before is not None and before.text in _OPENING_QUOTES):
                return True
    return False


def _clause_words(verb: Token, heads: list[Token]) -> tuple[list[Token], list[Token], list[Token]]:
    """The objects, prepositions and clauses of a verb's clause (read from ``heads``: the verb,
    or the adjectives of "is willing to ..."), as every verb pattern tests them."""
    objects = [c for h in heads for c in h.children if c.dep_ in OBJECT_DEPS + PASSIVE_SUBJECTS]
    preps = [c for h in heads for c in h.children if c.dep_ in ("prep", "agent", "dative")]
    for obj in list(objects):
        # not the words of a judgement: "called the ruling a win for voters" is no call for
        if obj.dep_ != "oprd":
            preps += [c for c in obj.children if c.dep_ == "prep"]
    for prep in preps:
        objects += [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    objects += [c for h in heads for c in h.children if c.dep_ == "xcomp" or _small_clause(c)]
    if verb.dep_ == "amod" or _reduced_passive(verb):
        # a participle on its object: "needed guarantees", "the sanctions, imposed in 2018"
        objects.append(verb.head)
    objects += [c for o in list(objects) if o.pos_ in ("NOUN", "PROPN") for c in o.conjuncts if c.pos_ in ("NOUN", "PROPN")]
    # the clause may hang on the adjective: "is willing to send troops"
    clauses = [c for h in {verb, *heads} for c in h.children if c.dep_ in ("xcomp", "ccomp")]
    return objects, preps, clauses


def _sector(actor_id: str, ctx: ActorContext) -> Optional[str]:
    """An actor's sector; a country's agent ("agent:RUS:MIL") carries it in its id."""
    if actor_id.startswith("agent:") and actor_id.count(":") == 2:
        return actor_id.rsplit(":", 1)[1]
    return ctx.sector(actor_id)


def _small_clause(token: Token) -> bool:
    """A bare participle clause that says what the verb brings about: "ordered the camp
    closed", "wants the sanctions lifted" (no auxiliary, subordinator or object of its own;
    the tagger often reads the participle as a past tense)."""
    return token.dep_ == "ccomp" and token.tag_ in ("VBN", "VBD") and not any(
        c.dep_ in ("aux", "auxpass", "mark", "dobj") for c in token.children)


def _drop_manner(matches: list, preps: frozenset[str]) -> list:
    """An act noun in a phrase that says how another matched verb was done is that act, not a
    second one: "detained nine UN employees in raids on offices" is one detention, not a
    detention and a raid. An act noun that is the verb's object ("condemned the strikes")
    stays its own event."""
    verbs = {m.trigger.i for m in matches if m.trigger.pos_ in ("VERB", "AUX")}
    return [m for m in matches if not (
        m.trigger.pos_ == "NOUN" and m.trigger.dep_ == "pobj" and m.trigger.head.lower_ in preps
        and m.trigger.head.head.i in verbs)]


_DEFAULT: Optional[EventCoder] = None


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
