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
    This module matches patterns and reads each act's actors, targets and derived events
    (intents, hosts, obligations, accusations). Who a phrase names is
    :mod:`parley.extract.event_actors`; dates, modality and place
    :mod:`parley.extract.event_timing`; parse helpers :mod:`parley.extract.event_syntax`;
    one event per act :mod:`parley.extract.event_merge`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional, Sequence

from spacy.tokens import Doc, Span, Token

from ..model import Event, Quote
from .event_actors import ActorContext
from .event_lexicon import EventLexicon, NounPattern, VerbPattern, load_event_lexicon
from .event_merge import _dedupe, _ref, _refs
from .event_syntax import (OBJECT_DEPS, PASSIVE_SUBJECTS, SUBJECTS, _bare_institution, _clause_span,
                           _close_words, _coordinated, _dative_prep, _foreign_tokens, _governs, _in_subject,
                           _is_time, _names, _own_words, _reduced_passive, _subject, _unique,
                           _verb_with_object)
from .event_voice import stance_source, voice_words
from .event_timing import VERBAL_ROOTS, EventTiming, _period_end  # noqa: F401  (_period_end: re-exported)

# Conflictual acts: when a quote attributes one to another country, the speaker accuses it.
HOSTILE_ROOTS = frozenset({"12", "13", "14", "15", "16", "17", "18", "19", "20"})
# Acts of violence (assault, fight, mass violence): the roots whose doer may go unnamed.
VIOLENT_ROOTS = frozenset({"18", "19", "20"})


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
        self.voice = voice_words()

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
                events += self._split_sources(self._obligations(sent, [], ctx, timing))
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
            sent_events += self._hosts(sent, sent_events, ctx)
            intents = self._intents(sent_events, ctx, timing)
            sent_events = _announced_dropped(_refused_dropped(sent_events, intents), intents,
                                             self.lex.intent_replaces_act) + intents
            sent_events += self._obligations(sent, sent_events, ctx, timing)
            sent_events = self._conditioned(sent, sent_events, ctx, timing)
            events += self._split_sources(_own_words(sent, sent_events, self.w.reporting_verbs, self.w.said_roots))
        events += self._accusations(events, ctx, timing)
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
        objects += [c for h in heads for c in h.children if c.dep_ == "xcomp" or _small_clause(c)]
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
            source = self._agentless_source(match, ctx, quote)
        if not source:
            return None
        if getattr(pattern, "not_by_person", False) and all(ctx.is_person(a) for a in source):
            return None  # "Trump held a rally in Michigan": a campaign event, not a protest
        if isinstance(pattern, VerbPattern):
            # "complained to the UN over Israeli raids": aimed at Israel, the UN only hears it
            grievance = self._grievance_target(match, ctx, quote, source)
            if grievance and set(target) <= set(self._addressees(match.trigger, ctx, quote)):
                target = grievance
        if not target and isinstance(pattern, VerbPattern) and not pattern.direct_target:
            target = self._indirect_target(match, ctx, quote, source)
        if not target:
            target = self._letter_addressee(match, ctx, quote, source) or self._claimed_target(match, ctx, quote, source)
        if not target and pattern.root in ctx.voice.conditional_roots:
            # "threatened to halt talks if the US deployed missiles": the condition's side, not
            # the place of the act the condition names
            target = [a for a in self._condition_actors(match, ctx, quote) if a not in source]
        if not target:
            target = self._mentioned_target(match, ctx, quote, source)
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
            target = [a for a in self._protest_targets(match, ctx) if a not in source]
        if not target and pattern.root in self.w.place_target_roots:
            target = [a for a in self._place_targets(match, ctx) if a not in source]
        if not target and pattern.code in ctx.voice.visit_codes:
            target = [a for a in self._visited(match, ctx) if a not in source]
        if not target and getattr(pattern, "implicit_partner", False) and not self._has_object(match):
            partner = ctx.counterpart(source)
            if partner:
                target = [partner]
        if not target and getattr(pattern, "needs_target", False) and not (
                getattr(pattern, "thing_object", False) and self._act_object(match)) and not (
                getattr(pattern, "refusal", None) and self._denied(match.trigger) and self._intended(match)):
            return None  # a withheld act ("will not allow anyone to ...") needs no one named
        if getattr(pattern, "reciprocal", False) and not partnered and not getattr(pattern, "implicit_partner", False):
            return None  # a meeting needs someone to meet
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

    # -- violence told without its doer ------------------------------------------------------
    def _agentless_source(self, match: _Match, ctx: ActorContext, quote: Optional[Quote]) -> list[str]:
        """The doer of a violent act the clause does not name ("three soldiers were killed in
        a roadside bombing", "an explosion killed two youths"): whoever owns the means ("US
        drone strikes killed ..."), else an unidentified attacker where it happened (a doer
        told in another sentence is not guessed: the checks drop a source the sentence does
        not mention). Only when the clause names the means and a victim: "he killed" with
        "he" unresolved stays out, and so does "the bombing killed the plan"."""
        words = self.lex.agentless
        verb = match.trigger
        if not isinstance(match.pattern, VerbPattern) or match.pattern.root not in VIOLENT_ROOTS:
            return []
        if verb.lemma_.lower() not in words.verbs or not self._has_victim(verb, ctx, quote):
            return []
        means = self._means_of(verb)
        if means is None:
            # "were killed since clashes began", "killed by gunmen" with no actor read from
            # them: no means named, nothing to tell the attack by
            return []
        owners = [a for a in ctx.actors_of(means, quote, modifiers=True) if ctx.can_act(a)]
        if owners:
            # "Israeli air strikes killed 12 people": an attack noun with its doer is an event
            # of its own, told once
            return [] if means.lemma_.lower() in self.lex.nouns else owners
        unknown = ctx.unidentified_attacker(means, words.sector)
        return [unknown] if unknown else []

    def _has_victim(self, verb: Token, ctx: ActorContext, quote: Optional[Quote]) -> bool:
        """The act names whom it struck (a passive subject or a direct object): an actor, or
        people ("a journalist", "two others", a counted "three traders")."""
        for child in verb.children:
            if child.dep_ not in ("dobj", *PASSIVE_SUBJECTS):
                continue
            if child.lemma_.lower() in self.lex.agentless.victims or child.like_num or ctx.actors_of(child, quote):
                return True
            if any(c.dep_ == "nummod" for c in child.children):
                return True  # "three traders": a toll counts people
        return False

    def _means_of(self, verb: Token) -> Optional[Token]:
        """The noun naming the means or the attack that did the act: the subject ("a roadside
        bombing killed"), the "by" agent ("killed by an improvised explosive device") or a
        phrase of means ("killed in a car bomb explosion")."""
        words = self.lex.agentless
        for child in verb.children:
            if child.dep_ in SUBJECTS and child.lemma_.lower() in words.instruments:
                return child
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in words.means_preps):
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    if pobj.lemma_.lower() in words.instruments:
                        return pobj
        return None

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
        passive = [c for c in children if c.dep_ in PASSIVE_SUBJECTS]
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
            subject = _subject(verb)
            if subject is not None:
                source = ctx.actors_of(subject, quote)
            told = ctx.cues.get(verb.idx) if subject is None or subject.head.i != verb.i else None
            if told is not None and told.speaker.actor_id:
                # "Sanchez said the army would ..., and accused the group": the verb is a
                # statement's cue, and the quote extractor resolved who made that statement
                source = [told.speaker.actor_id]
            for child in children:
                if child.dep_ in ("dobj", "dative") and not self._passed_over(child, verb, ctx):
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
            if (prep.lower_ in self.w.target_preps or (leaving and prep.lower_ in self.w.leaving_preps)
                    or (giving and prep.lower_ in ctx.voice.beneficiary_preps)) and verb.i < prep.i < reason:
                # a fronted phrase sets the scene ("At the UN, Guterres called on ...")
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    found = [a for a in ctx.actors_of(pobj, quote) or self._thing_owners(pobj, ctx, quote, source)
                             or ctx.people_group(pobj, quote) if not ctx.is_channel(a)]
                    if prep.lower_ == "to" and match.pattern.root in VERBAL_ROOTS:
                        # "in his speech to the Russian Foreign Ministry": an audience at home
                        found = [a for a in found if ctx.country(a) not in own]
                    target += found
        # "talks aimed at the denuclearization of the DPRK": a participle says whom
        for obj in match.objects if not target else ():
            target += self._aimed_targets(obj, ctx, source)
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
                        target += [a for a in ctx.actors_of(pobj, None) or self._thing_owners(pobj, ctx, None, source)
                                   or ctx.people_group(pobj) if not ctx.is_channel(a)]
        if not target:
            target = self._carrier_phrase_targets(noun, ctx, source) or self._aimed_targets(noun, ctx, source)
        if source and not target:
            target = self._patient_of(noun, ctx)
        if not source:
            source = self._carrier_subject(noun, ctx)
        if not target:
            target = self._carrier_object(noun, ctx)
        return _unique(source), _unique(target)

    def _carrier_phrase_targets(self, noun: Token, ctx: ActorContext, source: Sequence[str]) -> list[str]:
        """Whom an act carried by a light verb was aimed at when the parser hangs the target
        phrase on the verb: "made incursions into Swedish waters", "launched raids on
        Kurdish towns". Only a phrase after the noun: a fronted one sets the scene."""
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_.lower() not in self.w.light_verbs:
            return []
        quote = ctx.quote_at(verb.idx)
        found: list[str] = []
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > noun.i):
            if prep.lower_ not in self.w.target_preps or prep.lower_ in self.w.reason_preps or _is_time(prep):
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                found += [a for a in ctx.actors_of(pobj, quote) or self._thing_owners(pobj, ctx, quote, source)
                          if not ctx.is_channel(a) and a not in source]
        return _unique(found)

    def _aimed_targets(self, noun: Token, ctx: ActorContext, source: Sequence[str]) -> list[str]:
        """Whom an act is aimed at when a participle says so: "talks aimed at the
        denuclearization of the DPRK", "sanctions targeting Russian banks", "measures directed
        against Iran". The participle's object or target phrase, or whose thing it is."""
        found: list[str] = []
        for acl in (c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")):
            phrases = [c for c in acl.children if c.dep_ == "dobj"]
            phrases += [p for c in acl.children if c.dep_ == "prep" and c.lower_ in self.w.target_preps
                        and not _is_time(c) for p in c.children if p.dep_ == "pobj"]
            for phrase in phrases:
                found += [a for a in ctx.actors_of(phrase, None) or self._owners(phrase, ctx, None)
                          if not ctx.is_channel(a) and a not in source]
        return _unique(found)

    def _carrier_object(self, noun: Token, ctx: ActorContext) -> list[str]:
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

    def _carrier_subject(self, noun: Token, ctx: ActorContext) -> list[str]:
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

    @staticmethod
    def _passed_over(obj: Token, verb: Token, ctx: ActorContext) -> bool:
        """"backs Trump over Clinton" parsed with Clinton as a second object after a bare
        "over": the one passed over is no target."""
        return any(c.dep_ == "prep" and c.lower_ in ctx.voice.rival_preps and c.i < obj.i
                   and not any(g.dep_ == "pobj" for g in c.children) for c in verb.children)

    def _addressees(self, verb: Token, ctx: ActorContext, quote: Optional[Quote]) -> list[str]:
        """Whom an act is said to ("complained to the UN"): the actors of its "to" phrases."""
        return [a for prep in verb.children if prep.dep_ in ("prep", "dative") and prep.lower_ == "to"
                for pobj in prep.children if pobj.dep_ == "pobj" for a in ctx.actors_of(pobj, quote)]

    def _grievance_target(self, match: _Match, ctx: ActorContext, quote: Optional[Quote],
                          source: Sequence[str]) -> list[str]:
        """The side a complaint is about: "complained over Israeli air raids", "protested
        to Beijing about Chinese coast guard harassment". The actor the reason phrase names,
        or the one its act noun is marked with (a possessive or an actor adjective)."""
        if match.pattern.root not in ctx.voice.grievance_roots:
            return []
        verb = match.trigger
        found: list[str] = []
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i
                     and c.lower_ in ctx.voice.grievance_preps):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                found += ctx.actors_of(pobj, quote) or self._owners(pobj, ctx, quote) or self._doers_of(pobj, ctx, quote)
        return _unique([a for a in found if a not in source and not ctx.is_channel(a)])

    @staticmethod
    def _doers_of(noun: Token, ctx: ActorContext, quote: Optional[Quote]) -> list[str]:
        """Who did an act written as a noun with an actor adjective: "Israeli air raids"."""
        return [a for c in noun.children if c.dep_ in ("amod", "compound", "poss") and ctx.token_actor(c)
                and not ctx.named_for_city(noun, c) for a in ctx.actors_of(c, quote)]

    def _letter_addressee(self, match: _Match, ctx: ActorContext, quote: Optional[Quote],
                          source: Sequence[str]) -> list[str]:
        """"asked for the records in a letter to the Justice Department": a written appeal
        or complaint is aimed at whom the text is sent to."""
        if match.pattern.root not in ctx.voice.addressed_roots:
            return []
        trigger = match.trigger
        if any(c.dep_ in ("dobj", "dative") for c in trigger.children):
            return []  # "urged the government in a letter to ...": the one urged, named or not
        heads = [trigger] + ([trigger.head] if not isinstance(match.pattern, VerbPattern) else [])
        found: list[str] = []
        for head in heads:
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ctx.voice.letter_preps):
                for text in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in ctx.voice.letter_nouns):
                    found += [a for to in text.children if to.dep_ == "prep" and to.lower_ == "to"
                              for pobj in to.children if pobj.dep_ == "pobj" for a in ctx.actors_of(pobj, quote)]
        return _unique([a for a in found if a not in source and not ctx.is_channel(a)])

    def _claimed_target(self, match: _Match, ctx: ActorContext, quote: Optional[Quote],
                        source: Sequence[str]) -> list[str]:
        """"filed a complaint, claiming that Cheryl Mills had a conflict of interest": an
        accusation whose substance a claiming participle states is aimed at that clause's
        subject."""
        if match.pattern.root not in ctx.voice.grievance_roots:
            return []
        trigger = match.trigger
        verb = trigger if isinstance(match.pattern, VerbPattern) else trigger.head
        found: list[str] = []
        for claim in (c for c in verb.children if c.dep_ in ("advcl", "xcomp", "conj") and c.i > trigger.i
                      and c.lemma_.lower() in ctx.voice.claim_verbs):
            for comp in (c for c in claim.children if c.dep_ == "ccomp"):
                found += [a for c in comp.children if c.dep_ in SUBJECTS for a in ctx.actors_of(c, quote)]
        return _unique([a for a in found if a not in source])

    def _indirect_target(self, match: _Match, ctx: ActorContext, quote: Optional[Quote],
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

    def _mentioned_target(self, match: _Match, ctx: ActorContext, quote: Optional[Quote],
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

    def _owners(self, obj: Token, ctx: ActorContext, quote: Optional[Quote]) -> list[str]:
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

    def _unnamed_owner(self, owner: Token, ctx: ActorContext) -> list[str]:
        """"the government's proposal" in a sentence set in Harare: Zimbabwe's government."""
        if owner.dep_ != "poss" or not _bare_institution(owner):
            return []
        agent = ctx.contextual_agent(owner)
        return [agent] if agent else []

    def _thing_owners(self, noun: Token, ctx: ActorContext, quote: Optional[Quote],
                      source: Sequence[str]) -> list[str]:
        """Whose thing an act is aimed at: "hacked into the emails of the DNC", "strikes on its
        facilities", "tariffs on imports from Canada". Only for a common noun that names no
        actor itself; a text's owner is its author (see :meth:`_owners`). The actor's own
        things are no target: "pushing forward at their fastest rate"."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() in self.w.act_nouns:
            return []
        return [a for a in self._owners(noun, ctx, quote) if a not in source]

    def _patient_of(self, noun: Token, ctx: ActorContext) -> list[str]:
        """"Russia's invasion of Ukraine", "the Israeli siege of Gaza": when a possessive or an
        adjective names who acts, the "of" phrase names whom the act is done to."""
        if not any(c.dep_ in ("poss", "amod", "compound") and ctx.token_actor(c) for c in noun.children):
            return []
        found: list[str] = []
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                found += ctx.actors_of(pobj, None) or [a for a in [ctx.place_actor(pobj)] if a]
        return found

    def _clause_targets(self, verb: Token, ctx: ActorContext, quote: Optional[Quote]) -> list[str]:
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

    def _protest_targets(self, match: _Match, ctx: ActorContext) -> list[str]:
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
        return self._protest_purpose_targets(match, ctx, quote)

    def _protest_purpose_targets(self, match: _Match, ctx: ActorContext, quote: Optional[Quote]) -> list[str]:
        """Whom a protest is against when its purpose says it: the owner of what is
        protested or demanded ("to show their disapproval of the United States' policies",
        "demands for freedom from President Bouteflika's government", "calling for the
        removal of President Mubarak"), read in the clause after the act, never a place
        where it happened ("in the Gaza Strip")."""
        trigger = match.trigger
        for token in match.predicate.subtree:
            if token.i <= trigger.i:
                continue
            if token.pos_ == "PRON":
                continue  # "its own counter-rally": the protesters' own
            if token.dep_ != "poss" and not (token.dep_ == "pobj" and token.head.lower_ in ("against", "from", "of")
                                             and ctx.place_at.get(token.i) is None):
                continue
            of_noun = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
            if of_noun is not None and (of_noun.pos_ != "NOUN" or of_noun.lemma_.lower() in self.lex.nouns):
                continue  # "a counter-rally of students": who rallies, not against whom
            found = [a for a in ctx.actors_of(token, quote) if not ctx.is_channel(a)]
            if found:
                return _unique(found)
        return []

    def _place_targets(self, match: _Match, ctx: ActorContext) -> list[str]:
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

    def _visited(self, match: _Match, ctx: ActorContext) -> list[str]:
        """Whom a visit goes to: the country named after the verb ("will visit Mauritania
        and Senegal"), or the country of the city visited when the article names that country
        ("travel to Tehran" in a story about Iran); the city itself is the act's location."""
        found: list[str] = []
        trigger = match.trigger
        heads = [c for c in trigger.children if c.dep_ == "dobj"]
        heads += [p for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("to", "in", "into")
                  and not _is_time(c) for p in c.children if p.dep_ == "pobj"]
        for head in heads:
            for node in [head, *head.conjuncts]:
                place = ctx.place_at.get(node.i)
                if place is None:
                    continue
                if getattr(place, "kind", None) == "country":
                    actor = ctx.place_actor(node)
                else:
                    actor = place.country if place.country in ctx.resolved.actors else None
                if actor:
                    found.append(actor)
        return _unique(found)

    def _condition_actors(self, match: _Match, ctx: ActorContext, quote: Optional[Quote]) -> list[str]:
        """Whom a conditional threat is aimed at: the subject of its "if"/"unless" clause
        ("will freeze ratification if the bloc goes ahead", "threatened to stop negotiations
        if the United States deploys missiles")."""
        nodes, node = [], match.predicate
        for _ in range(4):  # the clauses it hangs on ("said it would ... if")
            nodes.append(node)
            if node.dep_ not in ("xcomp", "conj", "ccomp") or node.head.i == node.i:
                break
            node = node.head
        node = match.predicate
        for _ in range(3):  # and the acts it threatens ("threatened to stop talks if ...")
            node = next((c for c in node.children if c.dep_ == "xcomp"), None)
            if node is None:
                break
            nodes.append(node)
        for node in nodes:
            for clause in (c for c in node.children if c.dep_ == "advcl"):
                if not any(m.dep_ == "mark" and m.lower_ in ctx.voice.condition_marks for m in clause.children):
                    continue
                subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
                return ctx.actors_of(subject, quote) if subject is not None else []
        return []

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

    def _hosts(self, sent: Span, events: list, ctx: ActorContext) -> list:
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

    def _intents(self, events: list, ctx: ActorContext, timing: EventTiming) -> list:
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
            if event.modality == "negated" and getattr(match.pattern, "refusal", None):
                code = match.pattern.refusal  # "will not allow anyone to ...": a warning
            if event.modality != "negated" and event.cameo[:2] in self.lex.intent_needs_target and not event.target:
                code = None  # "plans to join the protest": a future protest, no threat to anyone
            if event.modality != "negated" and self._ultimatum(match.predicate):
                code = self.w.ultimatum_code or code  # "will withdraw its troops unless ...": pressure
            plover = self.lex.plover(code) if code else None
            if plover is None:
                continue
            quote = ctx.quote_at(match.trigger.idx)
            date = timing.statement_date(quote) if quote is not None else (
                timing.published.isoformat() if timing.published else None)
            # "Indonesia will freeze ratification" (its spokesman): the threat is the speaker's
            voice = stance_source(code[:2], match.predicate, match.source, quote, ctx.country, ctx.is_person,
                                  derived=True, sector_of=ctx.sector)
            found.append((_Match(match.trigger, None, match.predicate, derived=True), event.model_copy(update={
                "source": voice or event.source,
                "target": _ref([t for t in _refs(event.target) if t != voice]) if voice else event.target,
                "cameo": code, "plover": plover, "modality": "asserted", "date": date,
                "goldstein": self.lex.goldstein(code), "plover_score": self.lex.plover_score(plover),
            })))
        return found

    def _obligations(self, sent: Span, events: list, ctx: ActorContext, timing: EventTiming) -> list:
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
            date = timing.published.isoformat() if timing.published and verb.head.tag_ in ("VBD", "VBZ", "VBP") else None
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

    def _denied(self, verb: Token) -> bool:
        """The verb is negated ("will not allow", "never permitted")."""
        return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in self.w.negation) for c in verb.children)

    def _on_condition(self, verb: Token) -> bool:
        """The verb has an "if"/"unless" clause of its own."""
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.w.conditional_marks and m.lower_ != "whether"
                                             for m in c.children) for c in verb.children)

    def _intended(self, match: _Match) -> bool:
        """The act is announced as to come: "will"/"would", or under "ready to", "plans to"."""
        node = match.predicate
        for _ in range(5):
            aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
            if aux & (self.w.future_aux | {"would", "'d"}):
                return True
            if aux & self.w.conditional_intent_aux and self._on_condition(node):
                return True  # "may halt mediation if cooperation founders": announced, on a condition
            if node is not match.predicate and node.lemma_.lower() in self.w.intent_words:
                return True
            if node.dep_ not in ("xcomp", "acomp") or node.head.i == node.i:
                return False
            node = node.head
        return False

    # -- conditions set on another side ------------------------------------------------------
    def _conditioned(self, sent: Span, events: list, ctx: ActorContext, timing: EventTiming) -> list:
        """An act named as a condition ("would not return to the table unless the ELN
        commits to ...", "talks can resume only if the ELN releases ...", "if Lebanon does not
        disarm Hezbollah, we will") is not that side's act: the news is the pressure the main
        clause's side puts on it. The condition's act is replaced by that pressure, whose
        source is the main clause's actor (or the speaker) and whose target is the side the
        condition names."""
        out = []
        for match, event in events:
            pressure = None if match.derived else self._pressure(match, sent, ctx, timing, events)
            if pressure is None:
                out.append((match, event))
            elif pressure is not False:
                out.append(pressure)
        return out

    def _pressure(self, match: _Match, sent: Span, ctx: ActorContext, timing: EventTiming, events: list):
        """The pressure event for ``match`` when its act is a condition set by another side;
        False when that side's own event already tells it; None when the act is no such
        condition."""
        clause = _condition_clause(match.predicate, ctx.voice.pressure_marks)
        if clause is None:
            return None
        main = clause.head
        if not (self._denied(main) or _modal(main, ctx.voice.pressure_aux)):
            return None  # "Israel strikes whenever ...": no pressure announced
        quote = ctx.quote_at(main.idx)
        setter = self._condition_setter(main, ctx, quote)
        if not setter or set(setter) & set(match.source):
            return None  # "Iran will leave the NPT if ...": one side's own plan
        if any(m.predicate.i == main.i and set(setter) & set(m.source) for m, _ in events if m is not match):
            return False  # "they would not withdraw unless ...": the refusal is already coded
        code = self._pressure_code(main, clause, ctx.voice)
        plover = self.lex.plover(code)
        if plover is None:
            return None
        new = _Match(main, None, main, derived=True)
        own = timing.own_date(new)
        date = own.value if own is not None else match_date(timing, new, quote)
        target = [a for a in match.source if a not in setter]
        event = Event(source=_ref(setter), target=_ref(target), cameo=code, plover=plover, modality="asserted",
                      date=date, location=None, evidence=_clause_span(main, sent),
                      reported_by=quote.speaker.actor_id if quote is not None else None,
                      goldstein=self.lex.goldstein(code), plover_score=self.lex.plover_score(plover))
        new.source, new.target, new.code = setter, target, code
        return new, event

    def _condition_setter(self, main: Token, ctx: ActorContext, quote: Optional[Quote]) -> list[str]:
        """Who sets the condition: the main clause's actor ("the government would not
        return"), else the speaker whose statement it is ("dialogue can resume only if")."""
        subject = _subject(main)
        found = [a for a in ctx.actors_of(subject, quote) if ctx.can_act(a)] if subject is not None else []
        if found:
            return found
        if subject is not None and subject.pos_ == "PRON":
            return []  # an unresolved "it": not guessed
        if quote is not None and quote.speaker.actor_id:
            return [quote.speaker.actor_id]
        return []

    @staticmethod
    def _pressure_code(main: Token, clause: Token, voice) -> str:
        """A refusal until the condition is met (12), a condition that is the only way
        forward (10: "only if"), else a warning of what follows (13)."""
        if any(c.dep_ == "neg" for c in main.children):
            return voice.pressure_codes["refusal"]
        if any(c.lower_ in voice.only_words for c in clause.children if c.dep_ == "advmod"):
            return voice.pressure_codes["demand"]
        return voice.pressure_codes["threat"]

    @staticmethod
    def _other_side(speaker: str, doers: list[str], ctx: ActorContext) -> bool:
        """The doers are not the speaker's side: another country, or, within one country,
        an armed group against the state ("the M23 said its fighters were responding to
        attacks by the FARDC"; the army telling of rebel attacks)."""
        if speaker in doers:
            return False
        speaker_country = ctx.country(speaker)
        countries = {ctx.country(a) for a in doers}
        if speaker_country is None or None in countries:
            return False
        if speaker_country not in countries:
            return True
        rebels, state = ctx.voice.insurgent_sectors, ctx.voice.state_sectors
        speaker_sector = (ctx.sector(speaker) or "").lower()
        sectors = {(ctx.sector(a) or "").lower() for a in doers}
        if speaker_sector in rebels:
            return sectors <= state
        return speaker_sector in state and sectors <= rebels

    def _accusations(self, events: list, ctx: ActorContext, timing: Optional[EventTiming] = None) -> list:
        """A speaker who tells of a hostile act by another country accuses it (112):
        Peskov's "it was Ukraine that refused ... negotiations"."""
        found = []
        for match, event in events:
            if match.derived or event.reported_by is None or event.modality != "asserted":
                continue
            if event.cameo[:2] not in HOSTILE_ROOTS:
                continue
            if not self._other_side(event.reported_by, match.source, ctx):
                continue
            plover = self.lex.plover("112")
            found.append((_Match(match.trigger, None, match.predicate, derived=True), event.model_copy(update={
                "source": event.reported_by, "target": _ref(match.source), "cameo": "112", "plover": plover,
                # the accusation is made when it is told
                "date": event.date or (match_date(timing, match, ctx.quote_at(match.trigger.idx)) if timing else None),
                "location": None, "goldstein": self.lex.goldstein("112"), "plover_score": self.lex.plover_score(plover),
            })))
        return found
def _condition_clause(predicate: Token, marks: frozenset[str]) -> Optional[Token]:
    """The "if"/"unless" clause the predicate heads (through its coordinated partners:
    "only if the ELN releases its hostages and halts attacks")."""
    node = predicate
    for _ in range(3):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in node.children):
            return node
        if node.dep_ != "conj" or node.head.i == node.i:
            return None
        node = node.head
    return None


def _modal(verb: Token, auxes: frozenset[str]) -> bool:
    """The verb is announced or made possible: "will", "would", "can" ("we will,": the
    auxiliary itself is the verb when the act is left unsaid)."""
    return verb.lower_ in auxes or any(c.dep_ == "aux" and c.lower_ in auxes for c in verb.children)


def match_date(timing: EventTiming, match: _Match, quote: Optional[Quote]) -> Optional[str]:
    """The date of a stance with no date word of its own: its statement's, else the news's
    (a condition is set when it is told)."""
    if quote is not None:
        return timing.statement_date(quote)
    return timing.published.isoformat() if timing.published else None


def _small_clause(token: Token) -> bool:
    """A bare participle clause that says what the verb brings about: "ordered the camp
    closed", "wants the sanctions lifted" (no auxiliary, subordinator or object of its own;
    the tagger often reads the participle as a past tense)."""
    return token.dep_ == "ccomp" and token.tag_ in ("VBN", "VBD") and not any(
        c.dep_ in ("aux", "auxpass", "mark", "dobj") for c in token.children)


def _refused_dropped(events: list, intents: list) -> list:
    """A refusal told now ("will not surrender its right to enrich") is the event: the act
    refused never happened, so its negated copy is not kept beside the refusal."""
    # a refusal told as a warning ("will not allow anyone to ...", 13) replaces its act too
    refused = {m.trigger.i for m, e in intents if e.modality == "asserted" and e.plover.type in ("REJECT", "THREATEN")}
    return [(m, e) for m, e in events if not (e.modality == "negated" and m.trigger.i in refused)]


def _announced_dropped(events: list, intents: list, codes: frozenset[str]) -> list:
    """Announced cooperation with no act of its own ("would work with the Council") is told
    once, as the intent: the future act of a code in ``codes`` is not kept beside it."""
    announced = {m.trigger.i for m, e in intents if e.modality == "asserted" and e.cameo.startswith("03")}
    return [(m, e) for m, e in events if not (e.cameo in codes and m.trigger.i in announced)]


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
