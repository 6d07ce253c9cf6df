"""Target finders: whom an act is aimed at when the clause does not say it plainly.

The event coder (:mod:`parley.extract.events`) reads an act's target first from its
object and target phrases. When that finds no one, it asks these finders, each for one
way English news writing names the target elsewhere: the owner of the thing struck
("strikes on its facilities"), the side a complaint is about ("complained over Israeli
raids"), the subject of a demanded clause ("demanded that the US cancel ..."), the
addressee of a letter, a place an act of force is done to ("shelled Jericho"), a country
visited, the side a condition names, a participle that says whom ("sanctions targeting
Russian banks"), or the phrase a light verb carries ("launched raids on Kurdish towns";
with it, that verb's subject as the source of an event noun).

Every finder takes what it reads explicitly (the token or :class:`_Match`, the
:class:`ActorContext`, the quote the act sits in, the source already found) and returns
actor ids; none changes the match. They share the word lists of one
:class:`EventLexicon`, so they are methods of a small class built once per coder.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

from spacy.tokens import Token

from ..kb import load_kb
from ..model import Actor, Quote
from .event_actors import ActorContext
from .event_lexicon import EventLexicon, VerbPattern
from .event_match import _Match
from .event_syntax import PASSIVE_SUBJECTS, SUBJECTS, _bare_institution, _is_time, _subject, _unique, counted_object


def absolute_clause(prep: Token) -> bool:
    """", with Oman's foreign minister saying the two sides had agreed", ", with the talks
    stalled": a "with" phrase set off by a comma whose noun carries its own participle is an
    absolute clause, a circumstance of the act and not its partner ("talks with Oman")."""
    if prep.lower_ != "with" or prep.i == prep.sent.start or prep.doc[prep.i - 1].lower_ != ",":
        return False
    if any(c.dep_ == "pcomp" and c.tag_ in ("VBG", "VBN") for c in prep.children):
        return True  # parsed as a clause: "with [the minister saying ...]"
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        if any(c.dep_ in ("acl", "amod") and c.tag_ in ("VBG", "VBN") and c.i > pobj.i for c in pobj.children):
            return True
        # the parser may hang the participle elsewhere: ", with the minister, X, saying ..."
        after = pobj.right_edge.i + 1
        if after < len(prep.doc) and prep.doc[after].lower_ == ",":
            after += 1
        if after < len(prep.doc) and prep.doc[after].tag_ in ("VBG", "VBN") and prep.doc[after].dep_ != "amod":
            return True
    return False


def host_state(place, ctx: ActorContext) -> Optional[str]:
    """The state of a city an act goes to ("arrived in Amman": Jordan), as an actor: the one
    the story already names, else the country's knowledge-base actor, added only if a kept
    event uses it. It gets no mention: the city's words name the act's place, and a mention
    over them would take them from the location when the actors are read again."""
    country = getattr(place, "country", None)
    if not country:
        return None
    if country in ctx.resolved.actors:
        return country
    entry = load_kb().get(country)
    if entry is None or entry.type != "country":
        return None
    if country not in ctx.groups:
        actor = Actor(id=country, name=entry.name, type="country", country=country, wikidata=entry.wikidata)
        ctx.groups[country] = (actor, [])
    return country


def stranded_object(prep: Token) -> Optional[Token]:
    """The noun phrase right after a preposition the parser left with no object, when it
    made that phrase the subject of the next clause: "to [five officers] holed up in ...".
    The highest noun whose phrase starts there; none if a verb or clause comes first."""
    start = prep.i + 1
    if start >= len(prep.doc) or prep.doc[start].is_punct:
        return None
    node = prep.doc[start]
    while node.head.i != node.i and node.head.left_edge.i == start and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head
    if node.pos_ not in ("NOUN", "PROPN") or node.dep_ not in SUBJECTS:
        return None
    return node


class TargetFinder:
    """The target (and carrier-verb source) finders of the event coder, over one lexicon."""

    def __init__(self, lexicon: EventLexicon):
        self.lex = lexicon
        self.w = lexicon.words

    def carrier_phrase_targets(self, noun: Token, ctx: ActorContext, source: Sequence[str]) -> list[str]:
        """Whom an act carried by a light verb was aimed at when the parser hangs the target
        phrase on the verb: "made incursions into Swedish waters", "launched raids on
        Kurdish towns". Only a phrase after the noun: a fronted one sets the scene."""
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_.lower() not in self.w.light_verbs:
            return []
        quote = ctx.quote_at(verb.idx)
        found: list[str] = []
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > noun.i):
            if (prep.lower_ not in self.w.target_preps or prep.lower_ in self.w.reason_preps or _is_time(prep)
                    or absolute_clause(prep)):
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                found += [a for a in ctx.actors_of(pobj, quote) or self.thing_owners(pobj, ctx, quote, source)
                          if not ctx.is_channel(a) and a not in source]
        return _unique(found)

    def judged_doers(self, match: _Match, ctx: ActorContext, quote: Optional[Quote],
                     source: Sequence[str]) -> list[str]:
        """Whose deed an investigation or accusation judges: "investigating war crimes by
        Croatian extremists against Serb civilians", "condemned Russia's attack on Ukraine".
        The deed (a verb's object that names no actor itself) has its doer in a "by" phrase,
        a participle's agent ("crimes committed by ...") or a possessive; an act noun also
        in an actor adjective ("the Russian attack"). Its victims are not who is judged."""
        if match.pattern.root not in self.w.doer_target_roots or not isinstance(match.pattern, VerbPattern):
            return []
        found: list[str] = []
        for deed in self.judged_objects(match.trigger):
            if ctx.token_actor(deed) or ctx.names_people(deed.lemma_.lower()):
                continue  # "accused the rebels", "summoned Russia's ambassador": who is judged
            act = deed.lemma_.lower() in self.w.act_nouns
            for child in deed.children:
                if child.dep_ == "poss" and child.pos_ != "PRON" or (
                        act and child.dep_ in ("amod", "compound") and ctx.token_actor(child)
                        and not ctx.named_for_city(deed, child)):
                    found += ctx.actors_of(child, quote)
                elif _agent_phrase(child):
                    found += [a for pobj in child.children if pobj.dep_ == "pobj" for a in ctx.actors_of(pobj, quote)]
            found += self.participle_agents(deed, ctx, quote)
        return _unique([a for a in found if a not in source and not ctx.is_channel(a)])

    @staticmethod
    def judged_objects(verb: Token) -> list[Token]:
        """What a verb of judging judges: its object, or, when the verdict comes first
        ("denounced as an ugly crime Serbia's suppression of ..."), the noun the parser
        hangs in apposition to the verdict."""
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        if objects or any(c.dep_ == "dobj" for c in verb.children):
            return objects
        return [a for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "as" and prep.i == verb.i + 1
                for verdict in prep.children if verdict.dep_ == "pobj"
                for a in verdict.children if a.dep_ == "appos" and a.pos_ == "NOUN"]

    def aimed_targets(self, noun: Token, ctx: ActorContext, source: Sequence[str]) -> list[str]:
        """Whom an act is aimed at when a participle says so: "talks aimed at the
        denuclearization of the DPRK", "sanctions targeting Russian banks", "measures directed
        against Iran". The participle's object or target phrase, or whose thing it is."""
        found: list[str] = []
        for acl in (c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")):
            phrases = [c for c in acl.children if c.dep_ == "dobj"]
            phrases += [p for c in acl.children if c.dep_ == "prep" and c.lower_ in self.w.target_preps
                        and not _is_time(c) for p in c.children if p.dep_ == "pobj"]
            for phrase in phrases:
                found += [a for a in ctx.actors_of(phrase, None) or self.owners(phrase, ctx, None)
                          if not ctx.is_channel(a) and a not in source]
        return _unique(found)

    def carrier_object(self, noun: Token, ctx: ActorContext) -> list[str]:
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

    def carrier_subject(self, noun: Token, ctx: ActorContext) -> list[str]:
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
            agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            return [a for p in agents for a in ctx.actors_of(p, ctx.quote_at(verb.idx))]
        subject = _subject(verb)
        return ctx.actors_of(subject, ctx.quote_at(verb.idx)) if subject is not None else []

    @staticmethod
    def passed_over(obj: Token, verb: Token, ctx: ActorContext) -> bool:
        """"backs Trump over Clinton" parsed with Clinton as a second object after a bare
        "over": the one passed over is no target."""
        return any(c.dep_ == "prep" and c.lower_ in ctx.voice.rival_preps and c.i < obj.i
                   and not any(g.dep_ == "pobj" for g in c.children) for c in verb.children)

    def venue_actors(self, match: _Match, ctx: ActorContext, quote: Optional[Quote]) -> set[str]:
        """Actors named only as where an act takes place: "initialled a peace agreement at the
        White House", "held talks in Muscat". For an act several sides do together the sides
        are each other's targets, and the place they do it at is no side."""
        heads = [match.trigger, match.predicate, *match.objects]
        return {a for h in heads for prep in h.children if prep.dep_ == "prep" and prep.lower_ in self.w.locative_preps
                and prep.i > match.trigger.i and not _is_time(prep)
                for pobj in prep.children if pobj.dep_ == "pobj"
                for a in ctx.actors_of(pobj, quote) + [ctx.place_actor(pobj)] if a}

    def appeal_addressee(self, match: _Match) -> Optional[Token]:
        """Whom an appeal asks, named before the asked-for act: "urged the administration
        to ...", "called on the administration to ...". That addressee is the appeal's target;
        the act it is asked to do is aimed elsewhere ("call out Russia"). None without an
        infinitive after it: "does not seek war" asks no one."""
        if match.pattern.root not in self.w.appeal_roots:
            return None
        verb = match.trigger
        asked = [c.i for c in verb.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)]
        if not asked:
            return None
        for child in verb.children:
            if child.i > min(asked):
                continue
            if child.dep_ in ("dobj", "dative") and child.pos_ in ("NOUN", "PROPN", "PRON"):
                return child
            if child.dep_ == "prep" and child.lower_ in self.w.addressee_preps:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        return None

    def addressees(self, verb: Token, ctx: ActorContext, quote: Optional[Quote]) -> list[str]:
        """Whom an act is said to ("complained to the UN"): the actors of its "to" phrases."""
        return [a for prep in verb.children if prep.dep_ in ("prep", "dative") and prep.lower_ == "to"
                for pobj in prep.children if pobj.dep_ == "pobj" for a in ctx.actors_of(pobj, quote)]

    def grievance_target(self, match: _Match, ctx: ActorContext, quote: Optional[Quote],
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
                found += ctx.actors_of(pobj, quote) or self.owners(pobj, ctx, quote) or self.doers_of(pobj, ctx, quote)
        return _unique([a for a in found if a not in source and not ctx.is_channel(a)])

    @staticmethod
    def doers_of(noun: Token, ctx: ActorContext, quote: Optional[Quote]) -> list[str]:
        """Who did an act written as a noun with an actor adjective: "Israeli air raids"."""
        return [a for c in noun.children if c.dep_ in ("amod", "compound", "poss") and ctx.token_actor(c)
                and not ctx.named_for_city(noun, c) for a in ctx.actors_of(c, quote)]

    def letter_addressee(self, match: _Match, ctx: ActorContext, quote: Optional[Quote],
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

    def claimed_target(self, match: _Match, ctx: ActorContext, quote: Optional[Quote],
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

    def indirect_target(self, match: _Match, ctx: ActorContext, quote: Optional[Quote],
                        source: list[str]) -> list[str]:
        """The target of an act written through its complement or its object noun:
        "demanded that the US cancel ..." (the subject of the demanded clause), "threatened
        to cut ties with Russia" (the target of the threatened act), "rejected calls by
        Annan", "accepted demands from the rebels" (the author of the act rejected)."""
        verb = match.trigger
        # "kidnapped up to 16 Russian advisers": the counted noun the parser read as a goal
        counted = counted_object(verb)
        if counted is not None:
            found = [a for a in ctx.actors_of(counted, quote) if a not in source]
            if found:
                return found
        heads = [verb] + [c for c in verb.children if c.dep_ == "acomp"]  # "is ready to send"
        # a denial is aimed at its accusers, not at whom the denied act would have touched:
        # "Rwanda denies backing the M23"
        denial = verb.lemma_.lower() in self.w.denial_verbs and match.pattern.root == "12"
        # "demanded the withdrawal of Serbian forces": an act named as the object is aimed at
        # its doer, whatever clause the parser hangs after it
        for obj in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in self.w.act_nouns):
            found = [a for a in self.owners(obj, ctx, quote) if a not in source]
            if found:
                return found
        addressed = self.appeal_addressee(match) is not None
        for comp in (c for h in heads for c in h.children if c.dep_ in ("ccomp", "xcomp") and not denial
                     and not (addressed and c.dep_ == "xcomp")):
            subject = next((c for c in comp.children if c.dep_ in SUBJECTS + PASSIVE_SUBJECTS), None)
            if subject is not None and comp.dep_ == "ccomp" and comp.i > verb.i:
                found = ctx.actors_of(subject, quote) or ctx.domestic_agent(subject, source)
                found = [a for a in found if a not in source]
                if found:
                    return found
            found = [a for a in self.clause_targets(comp, ctx, quote) if a not in source]
            if found:
                return found
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
            found = [a for a in self.owners(obj, ctx, quote) if a not in source]
            if found:
                return found
        # "objected to Obama's nomination of Garland": the author of the act the verb is about
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in self.w.target_preps):
            for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in self.w.act_nouns):
                # "insisted on its demand that the government grant ...": the one the
                # demanded clause asks to act
                found = [a for a in self.asked_of(pobj, ctx, quote, source) if a not in source]
                if found:
                    return found
                # the possessor is the author; an "of" phrase may be what the act is about
                owners = [a for c in pobj.children if c.dep_ == "poss" for a in ctx.actors_of(c, quote)]
                found = [a for a in owners or self.owners(pobj, ctx, quote) if a not in source]
                if found:
                    return found
        return []

    @staticmethod
    def asked_of(noun: Token, ctx: ActorContext, quote: Optional[Quote], source: Sequence[str]) -> list[str]:
        """The subject of the "that" clause an appeal or demand noun carries: "its demand that
        Burundi's government grant more rights", "calls that the army withdraw"."""
        for clause in (c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)):
            subject = next((c for c in clause.children if c.dep_ in SUBJECTS + PASSIVE_SUBJECTS), None)
            if subject is not None:
                return ctx.actors_of(subject, quote) or ctx.domestic_agent(subject, list(source))
        return []

    def mentioned_target(self, match: _Match, ctx: ActorContext, quote: Optional[Quote],
                         source: list[str], act_targets: Callable) -> list[str]:
        """The target of the act an intent, threat, appeal or refusal talks about, read as that
        act's own: "threatened to impose a curfew in Algiers" (a place an act of force is done
        to), "is willing to withdraw its troops from Lebanon" (the side a withdrawal leaves).
        Not for a denial: "denied detaining Indian traders" is aimed at whoever accused.
        ``act_targets(act, ctx, quote)`` is the coder's own reading of an act's targets."""
        if match.pattern.root not in self.w.mentioned_target_roots or (
                match.trigger.lemma_.lower() in self.w.denial_verbs):
            return []
        if len(source) > 1 and (getattr(match.pattern, "reciprocal", False) or getattr(match.pattern, "joint", False)):
            return []  # "Israel and Hamas agreed to a ceasefire in Gaza": each is the other's target
        for inner in match.mentioned:
            found = act_targets(inner, ctx, quote)
            if inner.pattern.root in self.w.place_target_roots:
                found = found + self.place_targets(inner, ctx)
            if inner.pattern.code in ctx.voice.visit_codes:
                found = found + self.visited(inner, ctx)  # "ready to travel to Tehran": the host
            found = [a for a in found if a not in source and ctx.can_act(a)]
            if found:
                return _unique(found)
        return []

    # how deep a phrase inside an object is read: "part of [a program for [Bosnia]]"
    MODIFIER_DEPTH = 3

    def modifier_targets(self, match: _Match, ctx: ActorContext, quote: Optional[Quote],
                         source: Sequence[str]) -> list[str]:
        """Whom an act is aimed at when its object phrase names them only inside it: a
        country adjective ("restrictions on Mexican trucks"), a possessive ("mediation among
        Serbia's feuding republics"), a compound ("the US-led war") or a phrase of what is
        acted on ("part of a military aid program for Bosnia", "a camp for Congolese refugees
        was attacked"). Only the act's own object phrase is read, never its setting; the
        source and its country ("the Turkish government" refusing "Turkish" anything) are no
        target, and a pronoun owner ("its labour market") is not read."""
        if match.pattern.root not in self.w.modifier_target_roots:
            return []
        if len(source) > 1 and (getattr(match.pattern, "reciprocal", False) or getattr(match.pattern, "joint", False)):
            return []  # "Armenia and Azerbaijan initialled a deal": each is the other's target
        own = set(source) | {c for a in source if (c := ctx.country(a))}
        found: list[str] = []
        for head in self.object_heads(match):
            found += self.named_within(head, ctx, quote, self.MODIFIER_DEPTH)
            found = [a for a in found if a not in own and not ctx.is_channel(a) and ctx.can_act(a)]
            if found:
                return _unique(found)
        return []

    def object_heads(self, match: _Match) -> list[Token]:
        """The heads of what an act is done to, in the order the clause gives them: a verb's
        object and passive subject, then the objects of its target phrases; for an intent,
        threat or refusal also those of the act it talks about ("refused to commit to any
        assistance to ...", "pledged that it would lift restrictions on ..."); for a noun
        event its own target phrases ("attacks on ...")."""
        trigger = match.trigger
        if not isinstance(match.pattern, VerbPattern):
            return self.phrase_objects(trigger, trigger)
        verbs = [trigger]
        # a denial is aimed at its accusers, not at whom the denied clause names ("denied
        # that the ban was linked to the talks on Ukraine")
        if match.pattern.root in self.w.mentioned_target_roots and trigger.lemma_.lower() not in self.w.denial_verbs:
            node = trigger
            for _ in range(2):  # "refused to agree to send ...", "pledged that it would lift ..."
                node = next((c for c in node.children if c.dep_ in ("xcomp", "ccomp") and c.i > node.i
                             and c.pos_ in ("VERB", "AUX")), None)
                if node is None:
                    break
                verbs.append(node)
        heads: list[Token] = []
        for verb in verbs:
            objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
            heads += objects + self.phrase_objects(verb, trigger)
            heads += [p for o in objects for p in self.phrase_objects(o, trigger)]
        return heads

    def phrase_objects(self, head: Token, trigger: Token) -> list[Token]:
        """The objects of the phrases on ``head`` that say what it touches and come after the
        act ("on American exports"); a fronted phrase sets the scene, a date is no one, and a
        place the act happens at ("at the White House") is its venue."""
        return [p for c in head.children if c.dep_ in ("prep", "dative") and c.i > trigger.i
                and c.lower_ in self.w.modifier_phrase_preps and not _is_time(c) and not absolute_clause(c)
                for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]

    def named_within(self, head: Token, ctx: ActorContext, quote: Optional[Quote], depth: int) -> list[str]:
        """The actors a noun phrase names inside it: its own actor modifiers first, else the
        actors of the phrases it carries, read down ``depth`` levels, and the object of a
        relative clause that says what the thing does to whom ("restrictions that kept Mexican
        trucks from ..."). An act noun is read only for its doer ("Serbia's suppression of
        ..."): the one it was done to is that act's patient, not this act's target."""
        found = self.actor_modifiers(head, ctx, quote)
        if found or depth <= 1:
            return found
        if head.lemma_.lower() in self.w.act_nouns:
            return []
        for child in head.children:
            if child.dep_ == "relcl" and child.i > head.i:
                found += [a for c in child.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")
                          for a in ctx.actors_of(c, quote)]
            elif child.dep_ == "prep" and child.lower_ in self.w.modifier_phrase_preps and not _is_time(child):
                for pobj in (c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")):
                    found += ctx.actors_of(pobj, quote) or self.named_within(pobj, ctx, quote, depth - 1)
        return _unique(found)

    @staticmethod
    def actor_modifiers(head: Token, ctx: ActorContext, quote: Optional[Quote]) -> list[str]:
        """Actors named as modifiers of a noun: "American exports", "Serbia's republics",
        "the US-led war" (the actor inside a compound participle). A pronoun owner is left
        out: "its", "their" mostly take back the doer."""
        found: list[str] = []
        for child in head.children:
            if child.dep_ not in ("amod", "compound", "nmod", "poss") or child.pos_ == "PRON":
                continue
            named = [child] if ctx.token_actor(child) else [
                g for g in child.children if g.dep_ in ("npadvmod", "compound") and ctx.token_actor(g)]
            for token in named:
                if not ctx.named_for_city(head, token):
                    found += ctx.actors_of(token, quote)
        return _unique(found)

    def owners(self, obj: Token, ctx: ActorContext, quote: Optional[Quote]) -> list[str]:
        """The author of an act or text: "Russia's proposal", "calls by Annan", "the plan put
        forward by Kyiv", and for an act noun its actor modifier ("the Russian attack"). A
        participle's agent is the doer for any noun: "crimes committed by Croat forces",
        "property seized by the army"."""
        found: list[str] = []
        act = obj.lemma_.lower() in self.w.act_nouns
        for child in obj.children:
            if child.dep_ == "poss" or (act and child.dep_ in ("amod", "compound") and ctx.token_actor(child)
                                        and not ctx.named_for_city(obj, child)):
                found += ctx.actors_of(child, quote) or self.unnamed_owner(child, ctx)
            elif child.dep_ == "prep" and child.lower_ in self.w.owner_preps:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    # "the return of property seized by the army": whoever did what the act undoes
                    found += ctx.actors_of(pobj, quote) or (self.participle_agents(pobj, ctx, quote) if act else [])
        return _unique(found + self.participle_agents(obj, ctx, quote))

    @staticmethod
    def participle_agents(noun: Token, ctx: ActorContext, quote: Optional[Quote]) -> list[str]:
        """The agent of a participle describing a noun: "the plan put forward by Kyiv",
        "crimes committed by X", "a bill signed in by the minister"."""
        found: list[str] = []
        for acl in (c for c in noun.children if c.dep_ == "acl"):
            phrases = [c for c in acl.children if _agent_phrase(c)]
            phrases += [g for c in acl.children if c.dep_ == "prt" for g in c.children if _agent_phrase(g)]
            for agent in phrases:
                found += [a for pobj in agent.children if pobj.dep_ == "pobj" for a in ctx.actors_of(pobj, quote)]
        return found

    def unnamed_owner(self, owner: Token, ctx: ActorContext) -> list[str]:
        """"the government's proposal" in a sentence set in Harare: Zimbabwe's government."""
        if owner.dep_ != "poss" or not _bare_institution(owner):
            return []
        agent = ctx.contextual_agent(owner)
        return [agent] if agent else []

    def thing_owners(self, noun: Token, ctx: ActorContext, quote: Optional[Quote],
                     source: Sequence[str]) -> list[str]:
        """Whose thing an act is aimed at: "hacked into the emails of the DNC", "strikes on its
        facilities", "tariffs on imports from Canada". Only for a common noun that names no
        actor itself; a text's owner is its author (see :meth:`owners`). The actor's own
        things are no target: "pushing forward at their fastest rate"."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() in self.w.act_nouns or ctx.help_phrase(noun):
            return []
        return [a for a in self.owners(noun, ctx, quote) if a not in source]


    def patient_of(self, noun: Token, ctx: ActorContext) -> list[str]:
        """"Russia's invasion of Ukraine", "the Israeli siege of Gaza": when a possessive or an
        adjective names who acts, the "of" phrase names whom the act is done to."""
        if not any(c.dep_ in ("poss", "amod", "compound") and ctx.token_actor(c) for c in noun.children):
            return []
        found: list[str] = []
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                found += ctx.actors_of(pobj, None) or [a for a in [ctx.place_actor(pobj)] if a]
        return found

    def clause_targets(self, verb: Token, ctx: ActorContext, quote: Optional[Quote]) -> list[str]:
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
                if prep.lower_ in self.w.target_preps and not _is_time(prep) and not absolute_clause(prep):
                    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                        found += [a for a in ctx.actors_of(pobj, quote) if not ctx.is_channel(a)]
        return _unique(found)

    def protest_targets(self, match: _Match, ctx: ActorContext) -> list[str]:
        """Whom a protest is against, written after it: "a hunger strike to protest Sweden's
        decision" (the owner of what is protested), "rallied against the government"."""
        quote = ctx.quote_at(match.trigger.idx)
        for token in match.predicate.subtree:
            if token.i <= match.trigger.i or token.lemma_.lower() not in self.w.protest_object_words:
                continue
            heads = [c for c in token.children if c.dep_ in ("dobj", "pobj")]
            heads += [p for c in token.children if c.dep_ == "prep" and c.lower_ in ("against", "at", "of", "over")
                      for p in c.children if p.dep_ == "pobj"]
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
        return self.protest_purpose_targets(match, ctx, quote)

    def protest_purpose_targets(self, match: _Match, ctx: ActorContext, quote: Optional[Quote]) -> list[str]:
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
                                             and self._no_route(token, ctx)) and not self._doer_of_thing(token):
                continue
            if token.dep_ == "poss" and self._in_setting(token, match.predicate):
                continue  # "rioted at a jail in East Timor's capital": where, not against whom
            of_noun = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
            if of_noun is not None and (of_noun.pos_ != "NOUN" or of_noun.lemma_.lower() in self.lex.nouns
                                        or of_noun.lemma_.lower() in self.w.partitive_nouns or of_noun.like_num):
                # "a counter-rally of students", "joining thousands of demonstrators": who
                # rallies, not against whom
                continue
            found = [a for a in ctx.actors_of(token, quote) if not ctx.is_channel(a)]
            if found:
                return _unique(found)
        return []

    @staticmethod
    def _no_route(token: Token, ctx: ActorContext) -> bool:
        """A phrase object that names no place a protest moves through: not "marched from
        Tahrir Square", but a state a demanded thing is from ("independence from Iraq")."""
        place = ctx.place_at.get(token.i)
        if place is None:
            return True
        return getattr(place, "kind", None) == "country" and token.head.head.pos_ == "NOUN"

    @staticmethod
    def _doer_of_thing(token: Token) -> bool:
        """"the return of property seized by Algerian forces", "a bill signed by the labour
        minister": the agent of a participle that describes what is protested or demanded
        did the thing the protest is about."""
        agent = token.head
        if token.dep_ != "pobj" or not _agent_phrase(agent):
            return False
        participle = agent.head
        if participle.dep_ == "prt":  # "signed in by": the particle carries the phrase
            participle = participle.head
        return participle.dep_ == "acl" and participle.tag_ == "VBN"

    def _in_setting(self, token: Token, predicate: Token) -> bool:
        """The token lies in a locative phrase ("at a jail in East Timor's capital"): it tells
        where the act happened."""
        node = token
        while node.i != predicate.i and node.head.i != node.i:
            if node.dep_ == "prep" and node.lower_ in self.w.locative_preps:
                return True
            node = node.head
        return False

    def purpose_targets(self, match: _Match, ctx: ActorContext, source: Sequence[str]) -> list[str]:
        """Whom force with no object of its own is used on, told by its purpose: "opened fire
        to disperse the demonstrators", "fired tear gas to break up the crowd" (the object of
        the "to" clause the act serves)."""
        quote = ctx.quote_at(match.trigger.idx)
        found: list[str] = []
        for clause in (c for c in match.trigger.children if c.dep_ in ("advcl", "xcomp") and c.i > match.trigger.i
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
            for obj in (c for c in clause.children if c.dep_ == "dobj"):
                found += ctx.actors_of(obj, quote) or ctx.people_group(obj, quote)
        return _unique([a for a in found if a not in source and not ctx.is_channel(a)])

    def place_targets(self, match: _Match, ctx: ActorContext) -> list[str]:
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
                        or prep.lower_ in self.w.surrounding_preps
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

    def visited(self, match: _Match, ctx: ActorContext) -> list[str]:
        """Whom a visit goes to: the country named after the verb ("will visit Mauritania
        and Senegal"), or the country of the city visited when the article names that country
        ("travel to Tehran" in a story about Iran); the city itself is the act's location."""
        found: list[str] = []
        trigger = match.trigger
        home = self.home_countries(trigger, ctx)
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
                    # "arrived in Amman": the host is the city's state, named or not; the
                    # city itself stays the visit's place
                    # only a visitor from elsewhere goes to a state: "Clinton plans to visit
                    # Charlotte" is a trip at home unless her country says otherwise
                    actor = host_state(place, ctx) if home and place.country not in home else None
                if actor:
                    found.append(actor)
        return _unique(found)

    @staticmethod
    def home_countries(verb: Token, ctx: ActorContext) -> set[str]:
        """The countries of a verb's subject: a trip within one's own country ("Macron
        hosted them at the Elysee", "the minister flew to Basra") visits no other state."""
        subject = _subject(verb)
        if subject is None:
            return set()
        return {c for a in ctx.actors_of(subject, ctx.quote_at(verb.idx)) if (c := ctx.country(a))}

    def goals_of(self, verb: Token) -> tuple[list[Token], list[Token]]:
        """A verb with its objects, and the objects of the destination phrases after it on
        either ("sent observers to Bosnia")."""
        heads = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
        goals = [p for h in heads for c in h.children if c.dep_ in ("prep", "dative") and c.i > verb.i
                 and c.lower_ in self.w.destination_preps and not _is_time(c)
                 for p in c.children if p.dep_ == "pobj"]
        return heads, goals

    def destinations(self, match: _Match, ctx: ActorContext) -> list[str]:
        """Where an act sends people or things, as its target: "sent 21 observers to Bosnia",
        "dispatched inspectors to a plant in central Iran" (the state of the place). Only a
        toponym that names no actor of its own; a phrase fronted before the act sets the scene."""
        if match.pattern.code in ctx.voice.visit_codes:
            return []  # "travelled to Warsaw": the city a visit goes to is its place (see visited)
        haven = self.haven_states(match, ctx)
        if haven:
            return haven
        trigger = match.trigger
        heads, goals = self.goals_of(trigger)
        sender = self.sending_verb(trigger)
        if not goals and sender is not None:
            # "sent 21 personnel to Bosnia to investigate": the act coded is the purpose of
            # the sending, and the place the senders go to is where it is done
            trigger = sender
            heads, goals = self.goals_of(sender)
        if not goals:
            return self.stranded_recipients(match, heads, ctx)
        # the place a goal stands in: "to the plant in central Iran"; not the setting of an act
        # agreed to ("agreed to a ceasefire in Gaza")
        settings = [p for h in goals if h.lemma_.lower() not in self.w.act_nouns and h.pos_ in ("NOUN", "PROPN")
                    for c in self.goal_settings(h, trigger)
                    for p in c.children if p.dep_ == "pobj"]
        for nodes in (goals, settings):
            found = [a for token in nodes for node in [token, *token.conjuncts]
                     for a in [self.goal_actor(node, ctx, sent=trigger is sender)] if a]
            if found:
                return _unique(found)
        return []

    def haven_states(self, match: _Match, ctx: ActorContext) -> list[str]:
        """Whom a plea for shelter asks: the state where it is sought ("sought refuge in
        Germany", "asked for asylum in Jordan": Jordan; a city's state, "in Amman")."""
        trigger = match.trigger
        havens = [c for c in trigger.children if c.dep_ == "dobj" and c.lemma_.lower() in self.w.haven_objects]
        havens += [p for c in trigger.children if c.dep_ == "prep" and not _is_time(c)
                   for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in self.w.haven_objects]
        found: list[str] = []
        for haven in havens:
            for prep in (c for h in (haven, trigger) for c in h.children
                         if c.dep_ == "prep" and c.lower_ == "in" and c.i > haven.i and not _is_time(c)):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    place = ctx.place_at.get(pobj.i)
                    if place is None:
                        continue
                    actor = ctx.place_actor(pobj) if getattr(place, "kind", None) == "country" else host_state(place, ctx)
                    if actor:
                        found.append(actor)
        return _unique(found)

    @staticmethod
    def goal_actor(node: Token, ctx: ActorContext, sent: bool) -> Optional[str]:
        """The actor of a place a destination names. A country named as an actor counts only
        where people are sent for another act ("sent personnel to Bosnia to investigate"):
        the sending verb's own destination phrase was read with its targets already."""
        actor = ctx.place_actor(node)
        if actor is not None or not sent:
            return actor
        return next((a for a in ctx.actors_of(node, ctx.quote_at(node.idx)) if ctx.country(a) == a), None)

    def sending_verb(self, trigger: Token) -> Optional[Token]:
        """The verb of sending an act is the purpose of: "dispatched inspectors to the plant
        to monitor ...", "sent 21 personnel to Bosnia to investigate ..."; none otherwise."""
        head = trigger.head
        if trigger.dep_ not in ("advcl", "xcomp") or head.i == trigger.i or head.i > trigger.i:
            return None
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
            return None
        return head if head.lemma_.lower() in self.w.sending_verbs else None

    def goal_settings(self, goal: Token, verb: Token) -> list[Token]:
        """The locative phrases a goal stands in: on the goal ("to the plant in central
        Iran"), or right after it when the parser hangs the phrase on the verb ("dispatched
        inspectors to the Esfahan plant in central Iran")."""
        own = [c for c in goal.children if c.dep_ == "prep"]
        after = [c for c in verb.children if c.dep_ == "prep" and c.i == goal.right_edge.i + 1]
        return [c for c in own + after if c.lower_ in self.w.locative_preps and not _is_time(c)]

    def stranded_recipients(self, match: _Match, heads: Sequence[Token], ctx: ActorContext) -> list[str]:
        """Whom an act gives or sends to when the parser strands its "to" and reads the
        recipient as the subject of the clause after it: "granted asylum to five officers
        holed up in the residence" (the officers, not the holing up)."""
        trigger = match.trigger
        found: list[str] = []
        for prep in (c for h in heads for c in h.children if c.dep_ in ("prep", "dative") and c.i > trigger.i
                     and c.lower_ in self.w.destination_preps and not any(g.dep_ == "pobj" for g in c.children)):
            phrase = stranded_object(prep)
            if phrase is not None:
                quote = ctx.quote_at(trigger.idx)
                found += [a for a in ctx.actors_of(phrase, quote) or ctx.people_group(phrase, quote)
                          if not ctx.is_channel(a)]
        return _unique(found)

    def condition_actors(self, match: _Match, ctx: ActorContext, quote: Optional[Quote]) -> list[str]:
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


def _agent_phrase(token: Token) -> bool:
    """A "by" phrase naming who did an act: the parser's agent, or a plain "by" preposition."""
    return token.dep_ == "agent" or (token.dep_ == "prep" and token.lower_ == "by")
