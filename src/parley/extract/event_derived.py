"""Events derived from the ones a sentence codes, and the steps that settle them.

After the event coder (:mod:`parley.extract.events`) has built one event per matched act,
a sentence's events say more than their acts:

- a meeting with a named "host" is also hosted by that host (043);
- a future or intended act told now is also a statement of intent, a threat or, negated,
  a refusal, made when it is told; the act refused or announced is then not kept twice;
- "X said Y must ..." is a demand by X on Y, with or without an act word;
- an act announced on a condition the other side must meet ("talks would not resume unless
  the Taliban took action"), or a retaliation announced ("Moscow would respond in a
  mirror-like manner"), is a threat (13) even with no act word of the lexicon;
- a speaker's verdict on another side or its act ("X said the vote was 'illegitimate'",
  "These detentions are unacceptable") is a criticism (111) by the speaker;
- an act named as a condition ("unless the ELN commits to ...") is replaced by the
  pressure the main clause's side puts on the condition's side;
- several sources of one act become one event each;
- across the article, a speaker who tells of a hostile act by the other side accuses it.

:class:`DerivedEvents` holds these steps over one lexicon; the pure helpers (whether an act
is announced, negated, conditioned; the date of a stance) are plain functions, since the
coder asks some of them too. Derived events carry a ``derived`` :class:`_Match`, so no
step derives again from them.
"""

from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Span, Token

from ..model import Event, Quote
from .event_actors import ActorContext
from .event_lexicon import CAMEO_DIR, EventLexicon, ModalityWords, _read, _words
from .event_match import HOSTILE_ROOTS, _Match
from .event_merge import _ref, _refs
from .event_syntax import SUBJECTS, _clause_span, _subject, _unique
from .event_timing import EventTiming
from .event_voice import stance_source


class DerivedEvents:
    """The derived-event steps over one lexicon; ``refine`` is the coder's topic refinement
    of a general code (a demand made finer by the topic of what is demanded)."""

    def __init__(self, lexicon: EventLexicon, refine: Callable[[_Match, str], str]):
        self.lex = lexicon
        self.w = lexicon.words
        self.refine = refine
        self.verdicts = _verdict_words(CAMEO_DIR / "judgements.yaml")
        self.threats = _threat_words(CAMEO_DIR / "13_threaten.yaml")

    def hosts(self, sent: Span, events: list, ctx: ActorContext) -> list:
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

    def intents(self, events: list, ctx: ActorContext, timing: EventTiming) -> list:
        """A future or intended act told now is also a statement of intent (CAMEO 03) or a
        threat (13), made when it is told: "Finland will give Tanzania a grant" (033),
        "they would boycott all contact" (131); refused when negated ("will not accept
        refugees": 12). The act itself stays, with its future or hypothetical modality.
        Which code each root gets is the ``intent``/``refusal`` key of its pattern file."""
        found = []
        for match, event in events:
            if match.derived or match.pattern is None:
                continue
            if not (intended(match, self.w) or stance_refused(match, event, self.w)):
                continue
            table = self.lex.refusals if event.modality == "negated" else self.lex.intents
            code = table.get(event.cameo[:2])
            if event.modality == "negated" and getattr(match.pattern, "refusal", None):
                code = match.pattern.refusal  # "will not allow anyone to ...": a warning
            if event.modality != "negated" and event.cameo[:2] in self.lex.intent_needs_target and not event.target:
                code = None  # "plans to join the protest": a future protest, no threat to anyone
            if ultimatum(match.predicate, self.w):
                # "will withdraw its troops unless ...", "will not withdraw unless ...": pressure
                # on the other side, whether the act is promised or withheld until it gives in
                code = self.w.ultimatum_code or code
            plover = self.lex.plover(code) if code else None
            if plover is None:
                continue
            quote = ctx.quote_at(match.trigger.idx)
            date = timing.statement_date(quote) if quote is not None else (
                timing.published.isoformat() if timing.published else None)
            # "Abiy told parliament in July that ... would never accept": said long before the news
            modality = "historical" if date and timing.is_historical(date) else "asserted"
            # "Indonesia will freeze ratification" (its spokesman): the threat is the speaker's
            voice = stance_source(code[:2], match.predicate, match.source, quote, ctx.country, ctx.is_person,
                                  derived=True, sector_of=ctx.sector)
            found.append((_Match(match.trigger, None, match.predicate, derived=True), event.model_copy(update={
                "source": voice or event.source,
                "target": _ref([t for t in _refs(event.target) if t != voice]) if voice else event.target,
                "cameo": code, "plover": plover, "modality": modality, "date": date,
                "goldstein": self.lex.goldstein(code), "plover_score": self.lex.plover_score(plover),
            })))
        return found

    def obligations(self, sent: Span, events: list, ctx: ActorContext, timing: EventTiming) -> list:
        """"X said that Y must withdraw": a reported obligation laid on another actor is a
        demand (CAMEO 10) by the reporter on Y. The obliging words are ``obligation_aux``."""
        found = []
        for verb in sent:
            if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in self.w.reporting_verbs:
                continue
            if not _has_aux(verb, self.w.obligation_aux):
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
            code = self.refine(match, "100")
            plover = self.lex.plover(code)
            date = timing.published.isoformat() if timing.published and verb.head.tag_ in ("VBD", "VBZ", "VBP") else None
            found.append((match, Event(
                source=_ref(source), target=_ref(target), cameo=code, plover=plover, modality="asserted",
                date=date, location=None, evidence=_clause_span(verb.head, sent),
                reported_by=quote.speaker.actor_id if quote is not None else None,
                goldstein=self.lex.goldstein(code), plover_score=self.lex.plover_score(plover))))
        return found

    # -- threats told without a threat word --------------------------------------------------
    def announced_threats(self, sent: Span, events: list, ctx: ActorContext, timing: EventTiming) -> list:
        """Pressure announced in plain words is a threat (130) by the announcing side, aimed at
        the side it presses:

        - a future or hypothetical clause set on a condition another actor must meet: "talks
          would not resume unless the Taliban took verifiable action", "Warsaw would close its
          crossings if Minsk pushed migrants", "cannot be signed until Armenia removes ...";
        - a retaliation announced: "Moscow would respond in a mirror-like manner", "China will
          respond resolutely", "we will hit back".

        A clause the coder has already coded (an act announced or refused, or the pressure of a
        condition that names an act: run after ``conditioned``) is left to it."""
        if not self.threats.condition_marks and not self.threats.retaliation_verbs:
            return self.consequences_warned(sent, events, ctx, timing)
        taken = {m.predicate.i for m, _ in events}
        found = []
        for verb in sent:
            if verb.pos_ not in ("VERB", "AUX") or verb.i in taken or not self._announced(verb):
                continue
            quote = ctx.quote_at(verb.idx)
            subject = _subject(verb)
            if subject is not None and subject.lower_ not in self.threats.side_pronouns and any(
                    ctx.is_person(a) for a in ctx.actors_of(subject, quote)):
                continue  # "he would respond at the debate", "she would endorse him if ...": a person's plan
            setter = self.condition_setter(verb, ctx, quote)
            if not setter:
                continue
            target = self._pressed(verb, ctx, quote, setter)
            if target is None:
                continue
            event = self._threat_event(verb, sent, setter, target, quote, ctx, timing)
            if event is not None:
                found.append(event)
        return found + self.consequences_warned(sent, events, ctx, timing)

    def _announced(self, verb: Token) -> bool:
        """The clause tells an act to come ("will", "would", "cannot ... until"), and is no
        question about one ("did not say whether it would reciprocate"). The modal may sit on
        the verb the act completes: "will continue to respond"."""
        if any(c.dep_ == "mark" and c.lower_ in self.threats.question_marks for c in verb.children):
            return False
        node = _modal_head(verb)
        aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if aux & (self.w.future_aux | {"would", "'d"}):
            return True
        return bool(aux & self.threats.negated_modals) and denied(node, self.w)

    # -- consequences warned of ------------------------------------------------------------
    def consequences_warned(self, sent: Span, events: list, ctx: ActorContext, timing: EventTiming) -> list:
        """A speaker's warning of what another side will suffer ("those responsible will be
        held to account", "will face the full force of the law", "it will have consequences",
        "such hypocrisy will be met with action") is a threat (130) by the speaker, aimed at the
        sufferer: the clause's subject, or no one when it names an act or "whoever"."""
        if not (self.threats.suffered_objects or self.threats.suffered_passive):
            return []
        taken = {m.predicate.i for m, _ in events}
        warned = {m.predicate.i for m, e in events if e.cameo[:2] == "13"}
        found = []
        for verb in sent:
            if verb.pos_ not in ("VERB", "AUX") or verb.i in taken or not self._suffered(verb):
                continue
            code = self._consequence_code(verb)
            if code is None or any(a.i in warned for a in verb.ancestors):
                continue  # a plain report ("faced consequences"), or inside a warning coded already
            quote = ctx.quote_at(verb.idx)
            if quote is None or not quote.speaker.actor_id:
                continue  # a threat needs someone who makes it: the story's own voice makes none
            speaker = quote.speaker.actor_id
            subject = _subject(verb)
            if subject is not None and subject.lower_ in self.threats.side_pronouns:
                continue  # "we will face the consequences": a fear, not a threat
            sufferers = [a for a in ctx.actors_of(subject, quote) if ctx.can_act(a)] if subject is not None else []
            # the speaker's side is not threatened by its own speaker: a pronoun misread
            sufferers = [a for a in sufferers if not _own_side(speaker, a, ctx)]
            event = self._threat_event(verb, sent, [speaker], sufferers, quote, ctx, timing, code=code)
            if event is not None:
                found.append(event)
        return found

    def _suffered(self, verb: Token) -> bool:
        """The clause tells a sanction its subject will suffer: an object of suffering
        ("face the consequences") or a passive of sanction ("be held to account")."""
        lemma = verb.lemma_.lower()
        if lemma in self.threats.suffered_objects:
            objects = {c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"}
            return bool(objects & self.threats.suffered_objects[lemma])
        if lemma in self.threats.suffered_passive and any(c.dep_ == "auxpass" for c in verb.children):
            after = {c.lemma_.lower() for c in verb.children if c.dep_ in ("acomp", "oprd", "attr", "advmod")}
            after |= {o.lemma_.lower() for p in verb.children if p.dep_ in ("prep", "agent")
                      for o in p.children if o.dep_ == "pobj"}
            return bool(after & self.threats.suffered_passive[lemma])
        return False

    def _consequence_code(self, verb: Token) -> Optional[str]:
        """The code of a sanction told as still to come ("will face", "must bear", "would be
        met with"): a threat; a passive under "must" asks someone to impose it ("those who
        block aid must be held accountable"), a demand. None for a plain report."""
        node = _modal_head(verb)
        aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if any(c.dep_ == "auxpass" for c in verb.children) and aux & self.w.obligation_aux:
            return self.threats.demanded_code
        return self.threats.code if aux & self.threats.consequence_aux else None

    def _pressed(self, verb: Token, ctx: ActorContext, quote: Optional[Quote], setter: list[str]) -> Optional[list[str]]:
        """Whom the announcement presses: the actors of its condition clause; for a
        retaliation, whoever it answers ("respond to Israel's aggression"), possibly no one
        named. None when the clause is neither."""
        conditions = [c for c in verb.children if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in self.threats.condition_marks for m in c.children)]
        for clause in conditions:
            subject = _subject(clause)
            pressed = [a for a in ctx.actors_of(subject, quote) if ctx.can_act(a)] if subject is not None else []
            pressed = [a for a in pressed if a not in setter]
            if pressed:
                return pressed  # "if Minsk pushed migrants": the other side must act
        for clause in conditions:
            if self._ultimatum_told(verb, clause):
                # "will not take part unless its leader is freed": the side pressed may go unnamed
                return _named_in(clause, ctx, setter)
        if not self._retaliation(verb):
            return None
        answered = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("to", "against")
                    for o in p.children if o.dep_ == "pobj"]
        if answered and not any(o.lemma_.lower() in self.threats.retaliation_against or ctx.token_actor(o)
                                for o in answered):
            return None  # "will respond to questions": an answer, not a retaliation
        return [a for o in answered for a in ctx.actors_of(o, quote, modifiers=True)
                if ctx.can_act(a) and a not in setter]

    def _ultimatum_told(self, verb: Token, clause: Token) -> bool:
        """An act withheld until a condition is met ("will not send observers unless these
        conditions are met", "would not lay down their weapons until ...") or granted only on
        one ("the crossings will reopen only if ..."): pressure, whoever must meet it."""
        marks = {m.lower_ for m in clause.children if m.dep_ == "mark"}
        if verb.lemma_.lower() in self.threats.vow_verbs:
            return False  # "we will not rest until the last hostage is home": resolve, no pressure
        if denied(verb, self.w) and marks & self.threats.withheld_marks:
            return True
        return ultimatum_clause(clause, verb, self.w)

    def _retaliation(self, verb: Token) -> bool:
        lemma = verb.lemma_.lower()
        if lemma in self.threats.retaliation_verbs:
            return True
        if lemma in self.threats.retaliation_objects and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.threats.retaliation_objects[lemma] for c in verb.children):
            return True  # "would take all necessary measures": a retaliation left unnamed
        return lemma in self.threats.retaliation_phrasal and any(
            c.dep_ in ("prt", "advmod") and c.lower_ == self.threats.retaliation_phrasal[lemma] for c in verb.children)

    def _threat_event(self, verb: Token, sent: Span, setter: list[str], target: list[str], quote: Optional[Quote],
                      ctx: ActorContext, timing: EventTiming, code: Optional[str] = None):
        code = code or self.threats.code
        plover = self.lex.plover(code)
        if plover is None:
            return None
        # "Warsaw would close its crossings", said Tusk: the threat is the speaker's
        voice = stance_source(code[:2], verb, setter, quote, ctx.country, ctx.is_person,
                              derived=True, sector_of=ctx.sector)
        source = [voice] if voice else setter
        target = [t for t in target if t not in source]
        match = _Match(verb, None, verb, derived=True)
        match.source, match.target, match.code = source, target, code
        date = timing.statement_date(quote) if quote is not None else (
            timing.published.isoformat() if timing.published else None)
        return match, Event(
            source=_ref(source), target=_ref(target), cameo=code, plover=plover, modality="asserted",
            date=date, location=None, evidence=_clause_span(verb, sent),
            reported_by=quote.speaker.actor_id if quote is not None else None,
            goldstein=self.lex.goldstein(code), plover_score=self.lex.plover_score(plover))

    # -- verdicts told in a statement ---------------------------------------------------------
    def verdicts_told(self, sent: Span, events: list, ctx: ActorContext, timing: EventTiming) -> list:
        """"X said the legislature is 'illegitimate'", "These detentions are unacceptable":
        a statement that judges another side or its act with a word of condemnation is a
        criticism (111) by its speaker, aimed at the side judged. Only a plain copular clause
        inside a statement counts, and only about an actor, an act or a text ("the vote", "this"),
        never the speaker's own side ("we are not the aggressor")."""
        if not self.verdicts.negative:
            return []
        taken = {m.predicate.i for m, _ in events}
        found = []
        for verb in sent:
            if verb.lemma_.lower() not in self.verdicts.copulas or verb.i in taken or verb.dep_ not in ("ROOT", "ccomp"):
                continue
            if denied(verb, self.w) or _has_aux(verb, self.w.hypothetical_aux):
                continue  # "is not illegal", "could be a mistake": no verdict given
            quote = ctx.quote_at(verb.idx)
            if quote is None or not quote.speaker.actor_id:
                continue
            subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
            if subject is None or not self._judged_words(verb) & self.verdicts.negative:
                continue
            speaker = quote.speaker.actor_id
            judged = self._judged_actors(subject, ctx, quote)
            if judged is None or speaker in judged:
                continue
            event = self._verdict_event(verb, sent, speaker, judged, quote, timing)
            if event is not None:
                found.append(event)
        return found

    def _judged_words(self, verb: Token) -> set[str]:
        """The lemmas and words of what the copula says its subject is (and their pairs)."""
        tokens = [t for c in verb.children if c.dep_ in ("attr", "acomp") for t in c.subtree]
        words = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
        words |= {f"{a.lower_} {b.lower_}" for a, b in zip(tokens, tokens[1:]) if b.i == a.i + 1}
        return words

    def _judged_actors(self, subject: Token, ctx: ActorContext, quote: Optional[Quote]) -> Optional[list[str]]:
        """Whom a verdict on ``subject`` is aimed at: the actor it names or owns ("Chisinau",
        "the EU's approach"); none for an act, a text or a pointer to one ("the vote",
        "these detentions", "this"); None when the subject is neither (no verdict on anyone)."""
        if subject.lower_ in self.verdicts.own_side:
            return None
        if any(c.dep_ == "det" and c.lower_ in self.verdicts.generic for c in subject.children):
            return None  # "any attack on a nuclear plant is unacceptable": a principle, no one judged
        actors = [a for a in ctx.actors_of(subject, quote) if ctx.can_act(a)]
        owners = [a for c in subject.children if c.dep_ in ("poss", "compound", "amod") and ctx.token_actor(c)
                  for a in ctx.actors_of(c, quote) if ctx.can_act(a)]
        if actors or owners:
            return _unique(actors + owners)
        pointer = subject.lower_ in self.verdicts.pointers or any(
            c.dep_ == "det" and c.lower_ in self.verdicts.pointers for c in subject.children)
        if pointer or subject.lemma_.lower() in self.w.act_nouns or subject.lemma_.lower() in self.verdicts.judged_nouns:
            return []
        return None

    def _verdict_event(self, verb: Token, sent: Span, speaker: str, judged: list[str], quote: Quote,
                       timing: EventTiming):
        code = "111"
        plover = self.lex.plover(code)
        if plover is None:
            return None
        match = _Match(verb, None, verb, derived=True)
        match.source, match.target, match.code = [speaker], judged, code
        return match, Event(
            source=speaker, target=_ref(judged), cameo=code, plover=plover, modality="asserted",
            date=match_date(timing, match, quote), location=None, evidence=_clause_span(verb, sent),
            reported_by=speaker, goldstein=self.lex.goldstein(code), plover_score=self.lex.plover_score(plover))

    # -- conditions set on another side ------------------------------------------------------
    def conditioned(self, sent: Span, events: list, ctx: ActorContext, timing: EventTiming) -> list:
        """An act named as a condition ("would not return to the table unless the ELN
        commits to ...", "talks can resume only if the ELN releases ...", "if Lebanon does not
        disarm Hezbollah, we will") is not that side's act: the news is the pressure the main
        clause's side puts on it. The condition's act is replaced by that pressure, whose
        source is the main clause's actor (or the speaker) and whose target is the side the
        condition names."""
        out = []
        for match, event in events:
            pressure = None if match.derived else self.pressure(match, sent, ctx, timing, events)
            if pressure is None:
                out.append((match, event))
            elif pressure is not False:
                out.append(pressure)
        return out

    def pressure(self, match: _Match, sent: Span, ctx: ActorContext, timing: EventTiming, events: list):
        """The pressure event for ``match`` when its act is a condition set by another side;
        False when that side's own event already tells it; None when the act is no such
        condition."""
        clause = _condition_clause(match.predicate, ctx.voice.pressure_marks)
        if clause is None:
            return None
        main = clause.head
        if not (denied(main, self.w) or _modal(main, ctx.voice.pressure_aux)):
            return None  # "Israel strikes whenever ...": no pressure announced
        quote = ctx.quote_at(main.idx)
        setter = self.condition_setter(main, ctx, quote)
        if not setter or set(setter) & set(match.source):
            return None  # "Iran will leave the NPT if ...": one side's own plan
        if any(m.predicate.i == main.i and set(setter) & set(m.source) for m, _ in events if m is not match):
            return False  # "they would not withdraw unless ...": the refusal is already coded
        code = _pressure_code(main, clause, ctx.voice, self.w)
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

    def condition_setter(self, main: Token, ctx: ActorContext, quote: Optional[Quote]) -> list[str]:
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

    def accusations(self, events: list, ctx: ActorContext, timing: Optional[EventTiming] = None) -> list:
        """A speaker who tells of a hostile act by another country accuses it (112):
        Peskov's "it was Ukraine that refused ... negotiations"."""
        found = []
        for match, event in events:
            if match.derived or event.reported_by is None or event.modality != "asserted":
                continue
            if event.cameo[:2] not in HOSTILE_ROOTS:
                continue
            if not _other_side(event.reported_by, match.source, ctx):
                continue
            plover = self.lex.plover("112")
            found.append((_Match(match.trigger, None, match.predicate, derived=True), event.model_copy(update={
                "source": event.reported_by, "target": _ref(match.source), "cameo": "112", "plover": plover,
                # the accusation is made when it is told
                "date": event.date or (match_date(timing, match, ctx.quote_at(match.trigger.idx)) if timing else None),
                "location": None, "goldstein": self.lex.goldstein("112"), "plover_score": self.lex.plover_score(plover),
            })))
        return found


# -- whether an act is announced, negated or set on a condition (the coder asks too) ----
def ultimatum(verb: Token, words: ModalityWords) -> bool:
    """The act is announced on a condition the other side must meet: "will withdraw its
    peacekeepers unless the president arranges a ceasefire"."""
    node = verb
    for _ in range(4):
        for clause in (c for c in node.children if c.dep_ == "advcl"):
            if ultimatum_clause(clause, node, words):
                return True
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False


def ultimatum_clause(clause: Token, main: Token, words: ModalityWords) -> bool:
    """The condition clause is an ultimatum: "unless ...", or a condition restricted as the
    one way forward ("only if the junta frees Bazoum", "would only restart work once ...")."""
    marks = {m.lower_ for m in clause.children if m.dep_ == "mark"}
    if marks & words.ultimatum_marks:
        return True
    if not marks & words.restricted_condition_marks:
        return False
    return any(c.dep_ == "advmod" and c.lower_ in words.ultimatum_restrictors
               for c in (*clause.children, *main.children))


def stance_refused(match: _Match, event: Event, words: ModalityWords) -> bool:
    """A stance verb negated in any tense is a refusal told now: "does not recognise the
    debt", "Moscow did not recognise the E3's right" (reported speech backshifts the present)."""
    return event.modality == "negated" and match.trigger.lemma_.lower() in words.stance_refusal_verbs


def denied(verb: Token, words: ModalityWords) -> bool:
    """The verb is negated ("will not allow", "never permitted")."""
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in words.negation) for c in verb.children)


def on_condition(verb: Token, words: ModalityWords) -> bool:
    """The verb has an "if"/"unless" clause of its own."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in words.conditional_marks and m.lower_ != "whether"
                                         for m in c.children) for c in verb.children)


def intended(match: _Match, words: ModalityWords) -> bool:
    """The act is announced as to come: "will"/"would", or under "ready to", "plans to"."""
    node = match.predicate
    for _ in range(5):
        aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if aux & (words.future_aux | {"would", "'d"}):
            return True
        if aux & words.conditional_intent_aux and on_condition(node, words):
            return True  # "may halt mediation if cooperation founders": announced, on a condition
        if node is not match.predicate and node.lemma_.lower() in words.intent_words:
            return True
        if node.dep_ not in ("xcomp", "acomp") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _replaced_by_intent(cameo: str, codes: frozenset[str]) -> bool:
    """The code, or a coarser code above it, is in ``intent_replaces_act``."""
    return any(cameo.startswith(code) for code in codes)


# -- helpers of the steps above ---------------------------------------------------------


class _VerdictWords:
    """The words of a verdict told in a statement (``judgements.yaml``)."""

    def __init__(self, data: dict):
        # words that describe a situation as often as they judge an act ("a dangerous time")
        self.negative = _words(data.get("negative")) - _words(data.get("verdict_descriptive"))
        self.copulas = _words(data.get("verdict_copulas"))
        self.pointers = _words(data.get("verdict_pointers"))
        self.own_side = _words(data.get("verdict_own_side"))
        self.judged_nouns = _words(data.get("verdict_judged_nouns"))
        self.generic = _words(data.get("verdict_generic_determiners"))


class _ThreatWords:
    """The words of a threat told without a threat word (``announced`` in ``13_threaten.yaml``)."""

    def __init__(self, data: dict):
        self.code = str(data.get("code") or "130")
        self.condition_marks = _words(data.get("condition_marks"))
        self.negated_modals = _words(data.get("negated_modals"))
        self.retaliation_verbs = _words(data.get("retaliation_verbs"))
        self.question_marks = _words(data.get("question_marks"))
        self.retaliation_phrasal = {str(k).lower(): str(v).lower()
                                    for k, v in (data.get("retaliation_phrasal") or {}).items()}
        self.retaliation_against = _words(data.get("retaliation_against"))
        self.retaliation_objects = {str(k).lower(): _words(v)
                                    for k, v in (data.get("retaliation_objects") or {}).items()}
        self.side_pronouns = _words(data.get("side_pronouns"))
        self.withheld_marks = _words(data.get("withheld_marks"))
        self.vow_verbs = _words(data.get("vow_verbs"))
        self.consequence_aux = _words(data.get("consequence_aux"))
        self.demanded_code = str(data.get("demanded_code") or "100")
        self.suffered_objects = {str(k).lower(): _words(v) for k, v in (data.get("suffered_objects") or {}).items()}
        self.suffered_passive = {str(k).lower(): _words(v) for k, v in (data.get("suffered_passive") or {}).items()}


def _threat_words(path) -> _ThreatWords:
    return _ThreatWords((_read(path) or {}).get("announced") or {} if path.exists() else {})


def _verdict_words(path) -> _VerdictWords:
    return _VerdictWords(_read(path) if path.exists() else {})



def split_sources(events: list) -> list:
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


def _pressure_code(main: Token, clause: Token, voice, words: ModalityWords) -> str:
    """A refusal until the condition is met (12), else a warning of what follows (13). An
    ultimatum ("unless", "only if": the condition as the one way forward) warns whether the
    main clause is negated or not ("would not resume talks unless the group pulled back",
    "dialogue can resume only if the ELN releases its hostages": 13), as the gold writers
    code it."""
    if ultimatum_clause(clause, main, words):
        return words.ultimatum_code or voice.pressure_codes["threat"]
    if any(c.dep_ == "neg" for c in main.children):
        return voice.pressure_codes["refusal"]
    return voice.pressure_codes["threat"]


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


def _modal_head(verb: Token) -> Token:
    """The verb that carries the clause's modal: the verb itself, or the verb it completes
    ("will continue to respond"); never across a that-clause."""
    node = verb
    for _ in range(3):
        if any(c.dep_ in ("aux", "auxpass") and c.pos_ == "AUX" for c in node.children):
            return node
        if node.dep_ != "xcomp" or node.head.i == node.i:
            return node
        node = node.head
    return node


def _named_in(clause: Token, ctx: ActorContext, setter: list[str]) -> list[str]:
    """The actors a condition clause names anywhere ("unless the site was returned to
    Orano"), other than the side that sets it."""
    named = [ctx.token_actor(t) for t in clause.subtree]
    return _unique([a for a in named if a and ctx.can_act(a) and a not in setter])


def _own_side(speaker: str, actor: str, ctx: ActorContext) -> bool:
    """The actor is the speaker or the speaker's country."""
    return actor == speaker or actor == ctx.country(speaker)


def _modal(verb: Token, auxes: frozenset[str]) -> bool:
    """The verb is announced or made possible: "will", "would", "can" ("we will,": the
    auxiliary itself is the verb when the act is left unsaid)."""
    return verb.lower_ in auxes or _has_aux(verb, auxes)


def _has_aux(verb: Token, auxes: frozenset[str]) -> bool:
    """One of ``auxes`` is an auxiliary of the verb ("must hand over", "could be")."""
    return any(c.dep_ == "aux" and c.lower_ in auxes for c in verb.children)


def match_date(timing: EventTiming, match: _Match, quote: Optional[Quote]) -> Optional[str]:
    """The date of a stance with no date word of its own: its statement's, else the news's
    (a condition is set when it is told)."""
    if quote is not None:
        return timing.statement_date(quote)
    return timing.published.isoformat() if timing.published else None


def _refused_dropped(events: list, intents: list) -> list:
    """A refusal told now ("will not surrender its right to enrich") is the event: the act
    refused never happened, so its negated copy is not kept beside the refusal."""
    # a refusal told as a warning ("will not allow anyone to ...", 13) replaces its act too
    refused = {m.trigger.i for m, e in intents if e.modality in ("asserted", "historical") and e.plover.type in ("REJECT", "THREATEN")}
    return [(m, e) for m, e in events if not (e.modality == "negated" and m.trigger.i in refused)]


def _announced_dropped(events: list, intents: list, codes: frozenset[str]) -> list:
    """Announced cooperation with no act of its own ("would work with the Council", "China
    would support a G20 framework") and announced access ("would accept international
    monitors") are told once, as the intent: the future act of a code in ``codes`` (a code
    stands for itself and every finer code under it) is not kept beside it."""
    announced = {m.trigger.i for m, e in intents if e.modality in ("asserted", "historical") and e.cameo.startswith("03")}
    return [(m, e) for m, e in events
            if not (_replaced_by_intent(e.cameo, codes) and m.trigger.i in announced)]
