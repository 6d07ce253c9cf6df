"""Reliability checks on coded events: is this really the act the code says?

The coder (:mod:`parley.extract.events`) matches a verb or noun and reads its actors; in
real news many of those words are used in another sense ("met with opposition", "attack
ads", "beat him in the primary"), their subject is no actor at all ("a problem that demands
a response"), or the act is only mentioned. Each check here reads the parse around the
event's trigger and answers keep or drop (or, for modality, a corrected value). The words
each check needs are data: ``lexicon/event_senses.yaml``.

Checks are general rules of English news writing, one kind of error each::

    checks = EventChecks()
    kept, dropped = checks.review(doc, events)   # dropped: [(event, check name)]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Optional

import re

import yaml
from spacy.tokens import Doc, Span, Token

from ..kb import LEXICON_DIR
from ..model import Event
from ..nlp.sentences import entities, sentence_before, sentence_of, text_of
from .coref import Gender
from .event_lexicon import EventLexicon, _words, load_event_lexicon
from .event_timing import said_before

SENSES_FILE = LEXICON_DIR / "event_senses.yaml"
_YEAR = re.compile(r"\b(1[89][0-9]{2}|20[0-9]{2})(?:s|'s)?\b")
_YEAR_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})\b")  # a resolved "2025-05" or "2025-05-14"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

OBJECT_DEPS = ("dobj", "attr", "oprd", "dative", "nsubjpass")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# an opening "Say"/"Suppose" read by the parser as a stray word rather than an imperative
SUPPOSITION_DEPS = ("dep", "intj", "advmod", "ROOT", "npadvmod")
# a date in one of these relations describes a thing: "the 2016 ruling", "2021's vote"
DATE_MODIFIER_DEPS = ("nummod", "compound", "amod", "poss", "nmod")
PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}


@dataclass(frozen=True)
class Sense:
    """When a trigger lemma is NOT the coded act: the words around it that give it away."""

    lemma: str
    roots: frozenset[str]
    not_objects: frozenset[str] = frozenset()  # "met with opposition", "occupies a position"
    not_preps: frozenset[str] = frozenset()  # "fight for a cause": the preposition alone
    not_particles: frozenset[str] = frozenset()  # "hit back at critics"
    not_heads: frozenset[str] = frozenset()  # a noun modifying these: "attack ads"
    not_modifiers: frozenset[str] = frozenset()  # a noun modified by these: "campaign rally"
    # Violence words used for politics: the act is physical only when the clause shows it
    # (passive "was beaten", "beat up", a violent word in the sentence, an armed actor).
    needs_violence: bool = False
    # The other sense only when nothing is violent about the clause: "fight for control of
    # the city" by an army, "troops took up positions" stay acts of force.
    unless_violent: bool = False


@dataclass
class SenseTable:
    """``event_senses.yaml`` read once."""

    senses: dict[str, list[Sense]] = field(default_factory=dict)
    violence_words: frozenset[str] = frozenset()
    violence_particles: frozenset[str] = frozenset()
    armed_sectors: frozenset[str] = frozenset()
    agentless_nouns: frozenset[str] = frozenset()
    document_objects: frozenset[str] = frozenset()
    reading_verbs: frozenset[str] = frozenset()
    target_preps: frozenset[str] = frozenset()
    target_entity_labels: frozenset[str] = frozenset()
    non_actor_entity_labels: frozenset[str] = frozenset()
    object_target_preps: frozenset[str] = frozenset()
    place_entity_labels: frozenset[str] = frozenset()
    acting_place_types: frozenset[str] = frozenset()
    object_pronouns: frozenset[str] = frozenset()
    target_roots: frozenset[str] = frozenset()
    share_words: frozenset[str] = frozenset()
    physical_objects: frozenset[str] = frozenset()
    guess_adverbs: frozenset[str] = frozenset()
    supposition_words: frozenset[str] = frozenset()
    patient_infinitives: frozenset[str] = frozenset()
    former_words: frozenset[str] = frozenset()
    recent_time_words: frozenset[str] = frozenset()
    modal_words: frozenset[str] = frozenset()
    bounding_preps: frozenset[str] = frozenset()
    background_sentences: int = 2
    avoidance_words: frozenset[str] = frozenset()
    disabled: frozenset[str] = frozenset()
    # the doer decides the kind of act: a crowd's violence is a riot, a state's obstruction a blockade
    riot_code: str = ""
    riot_roots: frozenset[str] = frozenset()
    crowd_nouns: frozenset[str] = frozenset()
    blockade_code: str = ""
    obstruction_codes: frozenset[str] = frozenset()
    state_actor_types: frozenset[str] = frozenset()
    state_agent_sectors: frozenset[str] = frozenset()
    # an attack one side tells of the other and the other denies is a claim
    disputed_roots: frozenset[str] = frozenset()
    denial_lemmas: frozenset[str] = frozenset()
    # background told by month, comparisons, self-directed acts
    background_months: int = 2
    month_words: frozenset[str] = frozenset()
    comparison_verbs: frozenset[str] = frozenset()
    own_things: frozenset[str] = frozenset()
    own_roots: frozenset[str] = frozenset()
    possessive_pronouns: frozenset[str] = frozenset()
    withheld_code: str = ""
    refusal_roots: frozenset[str] = frozenset()
    refusal_verbs: frozenset[str] = frozenset()
    withheld_verbs: frozenset[str] = frozenset()
    # leaving a bloc or treaty is a reduction of relations, not a military retreat
    exit_code: str = ""
    exit_codes: frozenset[str] = frozenset()
    exit_preps: frozenset[str] = frozenset()
    exit_nouns: frozenset[str] = frozenset()
    exit_actor_types: frozenset[str] = frozenset()
    # a weapons test is a show of force, not an attack
    test_code: str = ""
    test_roots: frozenset[str] = frozenset()
    test_words: frozenset[str] = frozenset()
    test_deps: frozenset[str] = frozenset()
    # a police raid is a law-enforcement act, not an armed attack
    raid_code: str = ""
    raid_roots: frozenset[str] = frozenset()
    raid_words: frozenset[str] = frozenset()
    police_sectors: frozenset[str] = frozenset()
    police_nouns: frozenset[str] = frozenset()
    raid_harm_words: frozenset[str] = frozenset()
    # acts only talked about: needed, (in)able, habitual, describing a noun, forecast
    obligation_verbs: frozenset[str] = frozenset()
    ability_auxiliaries: frozenset[str] = frozenset()
    cannot_refusal_verbs: frozenset[str] = frozenset()
    speaker_pronouns: frozenset[str] = frozenset()
    generic_pronouns: frozenset[str] = frozenset()
    habitual_adverbs: frozenset[str] = frozenset()
    forecast_verbs: frozenset[str] = frozenset()
    condition_marks: frozenset[str] = frozenset()
    # "dismissed Estonia as a suburb": disparagement, not the rejection of a proposal
    disparage_code: str = ""
    disparage_roots: frozenset[str] = frozenset()
    disparage_verbs: frozenset[str] = frozenset()
    disparage_preps: frozenset[str] = frozenset()
    # acts only readied, weighed or set for today: modality read off the words that govern them
    readiness_words: frozenset[str] = frozenset()
    intent_roots: frozenset[str] = frozenset()
    deliberation_verbs: frozenset[str] = frozenset()
    present_day_words: frozenset[str] = frozenset()
    # standing preferences and oaths of fact or wish: not acts (preference_stance, unbound_pledge)
    preference_verbs: frozenset[str] = frozenset()
    pledge_roots: frozenset[str] = frozenset()
    pledge_verbs: frozenset[str] = frozenset()
    future_auxiliaries: frozenset[str] = frozenset()

    def senses_of(self, lemma: str, root: str) -> list[Sense]:
        return [s for s in self.senses.get(lemma, ()) if not s.roots or root in s.roots]


@lru_cache(maxsize=2)
def load_senses(path: Path = SENSES_FILE) -> SenseTable:
    with open(path, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_LOADER) or {}
    table = SenseTable(**{key: _words(data.get(key)) for key in (
        "violence_words", "violence_particles", "armed_sectors", "agentless_nouns",
        "document_objects", "reading_verbs", "target_preps", "target_entity_labels", "non_actor_entity_labels", "object_target_preps", "place_entity_labels", "acting_place_types", "object_pronouns",
        "target_roots", "share_words", "physical_objects", "guess_adverbs", "supposition_words", "patient_infinitives", "former_words", "recent_time_words", "modal_words", "bounding_preps", "avoidance_words", "disabled",
        "riot_roots", "crowd_nouns", "obstruction_codes", "state_actor_types", "state_agent_sectors",
        "disputed_roots", "denial_lemmas", "month_words",
        "comparison_verbs", "own_things", "own_roots", "possessive_pronouns", "refusal_roots", "refusal_verbs",
        "withheld_verbs", "exit_codes", "exit_preps", "exit_nouns", "exit_actor_types", "test_roots",
        "test_words", "test_deps", "raid_roots", "raid_words", "police_sectors", "police_nouns",
        "raid_harm_words", "obligation_verbs", "ability_auxiliaries", "cannot_refusal_verbs", "speaker_pronouns", "generic_pronouns",
        "habitual_adverbs", "forecast_verbs", "condition_marks", "disparage_roots", "disparage_verbs", "disparage_preps",
        "readiness_words", "intent_roots", "deliberation_verbs", "present_day_words",
        "preference_verbs", "pledge_roots", "pledge_verbs", "future_auxiliaries")})
    table.background_sentences = int(data.get("background_sentences", 2))
    table.background_months = int(data.get("background_months", 2))
    table.riot_code = str(data.get("riot_code") or "")
    table.blockade_code = str(data.get("blockade_code") or "")
    table.withheld_code = str(data.get("withheld_code") or "")
    table.exit_code = str(data.get("exit_code") or "")
    table.test_code = str(data.get("test_code") or "")
    table.raid_code = str(data.get("raid_code") or "")
    table.disparage_code = str(data.get("disparage_code") or "")
    for raw in data.get("senses") or []:
        for lemma in _words(raw["lemma"]):
            sense = Sense(
                lemma=lemma,
                roots=frozenset(str(r).zfill(2) for r in raw.get("roots") or ()),
                not_objects=_words(raw.get("not_objects")),
                not_preps=_words(raw.get("not_preps")),
                not_particles=_words(raw.get("not_particles")),
                not_heads=_words(raw.get("not_heads")),
                not_modifiers=_words(raw.get("not_modifiers")),
                needs_violence=bool(raw.get("needs_violence")),
                unless_violent=bool(raw.get("unless_violent")),
            )
            table.senses.setdefault(lemma, []).append(sense)
    return table


@dataclass
class Facts:
    """What the checks read about one event: its trigger in the parse and its actors."""

    doc: Doc
    event: Event
    trigger: Optional[Token]
    sentence: Optional[Span]
    actors: object  # parley.extract.actors.ResolvedActors

    @property
    def root(self) -> str:
        return self.event.cameo[:2]

    def actor(self, actor_id: Optional[str]):
        return self.actors.actors.get(actor_id) if actor_id and self.actors else None

    def sources(self) -> list[str]:
        source = self.event.source
        return list(source) if isinstance(source, list) else [source] if source else []


Check = Callable[[Facts, SenseTable], Optional[str]]


class EventChecks:
    """Runs every check on every coded event; keeps the ones no check rejects."""

    def __init__(self, senses: Optional[SenseTable] = None, lexicon: Optional[EventLexicon] = None):
        self.senses = senses or load_senses()
        self.lex = lexicon or load_event_lexicon()
        self.gender = Gender()
        self.checks: list[tuple[str, Check]] = [
            (name, check) for name, check in (
                ("wrong_sense", wrong_sense),
                ("figurative_violence", figurative_violence),
                ("no_actor_source", no_actor_source),
                ("patient_as_source", patient_as_source),
                ("pronoun_gender", self.pronoun_gender),
                ("former_members", former_members),
                ("agentless_passive", agentless_passive),
                ("reading_not_investigating", reading_not_investigating),
                ("poll_share", poll_share),
                ("figurative_comparison", figurative_comparison),
                ("own_matter", own_matter),
                ("obligation_not_act", obligation_not_act),
                ("ability_not_act", ability_not_act),
                ("habitual_stance", habitual_stance),
                ("preference_stance", preference_stance),
                ("unbound_pledge", unbound_pledge),
                ("describing_clause", describing_clause),
                ("forecast_content", forecast_content),
                ("named_target_missing", named_target_missing),
            ) if name not in self.senses.disabled
        ]

    def review(self, doc: Doc, events: Iterable[Event]) -> tuple[list[Event], list[tuple[Event, str]]]:
        """The events to keep, and the dropped ones with the name of the check that dropped them."""
        kept, dropped = [], []
        actors = doc._.actors
        for event in events:
            facts = self.facts(doc, event, actors)
            reason = self.first_failure(facts)
            if reason is None:
                kept.append(self.corrected(facts))
            else:
                dropped.append((event, reason))
        kept = _distinct(kept)  # a correction can make two readings of one act the same event
        kept, done = drop_intents_of_done_acts(kept, lambda e: self.derived(doc, e), lambda e: self.set_for_today(doc, e))
        dropped += [(event, "intent_of_done_act") for event in done]
        if "repeated_intent" not in self.senses.disabled:
            kept, repeats = drop_repeated_intents(kept, lambda e: self.derived(doc, e))
            dropped += [(event, "repeated_intent") for event in repeats]
        return kept, dropped

    def corrected(self, facts: Facts) -> Event:
        """The event with its type corrected when its doer shows another kind of act, and its
        modality when the clause (or the article, for a disputed attack) shows another one."""
        update = {}
        code = corrected_code(facts, self.senses)
        plover = self.lex.plover(code) if code else None
        if plover is not None:
            update.update(cameo=code, plover=plover, goldstein=self.lex.goldstein(code),
                          plover_score=self.lex.plover_score(plover))
        modality = corrected_modality(facts, self.senses)
        if modality is not None and modality != facts.event.modality:
            update["modality"] = modality
        return facts.event.model_copy(update=update) if update else facts.event

    def first_failure(self, facts: Facts) -> Optional[str]:
        for name, check in self.checks:
            if check(facts, self.senses):
                return name
        return None

    def facts(self, doc: Doc, event: Event, actors) -> Facts:
        span = doc.char_span(event.evidence[0], event.evidence[1], alignment_mode="expand")
        trigger = self.trigger_in(span, event.cameo) if span is not None else None
        sentence = sentence_of(trigger) if trigger is not None else None
        return Facts(doc, event, trigger, sentence, actors)

    def trigger_in(self, span: Span, code: str) -> Optional[Token]:
        """The word of ``span`` the coder matched: a lemma with a pattern of the event's very
        code, else of its root; a content word before an auxiliary ("has been met"). None for
        an event derived from another act (an intent read off "would end"): the checks of the
        trigger then have nothing to say."""
        best, best_rank = None, 0
        for token in span:
            lemma = token.lemma_.lower()
            table = self.lex.verbs if token.pos_ in ("VERB", "AUX") else self.lex.nouns if token.pos_ == "NOUN" else None
            patterns = table.get(lemma) if table is not None else None
            if not patterns or not any(p.root == code[:2] for p in patterns):
                continue
            rank = 1 + 2 * any(p.code == code for p in patterns) + (token.pos_ != "AUX")
            if rank > best_rank:
                best, best_rank = token, rank
        return best

    def derived(self, doc: Doc, event: Event) -> bool:
        """No word of the evidence has a pattern of the event's root: the coder derived it
        from another act of the clause (an intent from "would end", a threat from "will strike")."""
        span = doc.char_span(event.evidence[0], event.evidence[1], alignment_mode="expand")
        return span is None or self.trigger_in(span, event.cameo) is None

    def set_for_today(self, doc: Doc, event: Event) -> bool:
        """The event's trigger is an act announced for the day of the news ("will boycott
        today's meeting")."""
        span = doc.char_span(event.evidence[0], event.evidence[1], alignment_mode="expand")
        trigger = self.trigger_in(span, event.cameo) if span is not None else None
        return trigger is not None and _set_for_today(trigger, self.senses)

    # -- checks that need state ----------------------------------------------------------
    def pronoun_gender(self, facts: Facts, senses: SenseTable) -> Optional[str]:
        """'she' given to a man, 'he' to a woman: the pronoun was resolved to the wrong person."""
        subject = _subject(facts.trigger) if facts.trigger is not None else None
        if subject is None or subject.lower_ not in PRONOUN_GENDER:
            return None
        for actor_id in facts.sources():
            actor = facts.actor(actor_id)
            if actor is None or actor.type != "person":
                continue  # "he" may stand for an official acting for his country
            gender = self.gender.of(actor.name)
            if gender is not None and gender != PRONOUN_GENDER[subject.lower_]:
                return f"'{subject.text}' given to {actor.name}"
        return None


# -- the checks ---------------------------------------------------------------------------
def wrong_sense(facts: Facts, senses: SenseTable) -> Optional[str]:
    """The trigger word has another sense here ('met with opposition', 'attack ads')."""
    trigger = facts.trigger
    if trigger is None:
        return None
    for sense in senses.senses_of(trigger.lemma_.lower(), facts.root):
        if _sense_excluded(trigger, sense):
            # the sense's own objects ("occupies one of the key positions") show no violence
            if sense.unless_violent and (_violent_clause(trigger, senses, sense.not_objects) or _armed(facts, senses)):
                continue
            return sense.lemma
    return None


def _sense_excluded(trigger: Token, sense: Sense) -> bool:
    children = list(trigger.children)
    if sense.not_particles and any(c.dep_ in ("prt", "advmod") and c.lower_ in sense.not_particles for c in children):
        return True
    preps = [c for c in children if c.dep_ in ("prep", "agent")]
    if sense.not_preps and any(p.lower_ in sense.not_preps for p in preps):
        return True
    if sense.not_objects and any(o.lemma_.lower() in sense.not_objects for o in _objects(trigger, preps)):
        return True
    if sense.not_heads and trigger.dep_ in ("compound", "amod", "nmod") and trigger.head.lemma_.lower() in sense.not_heads:
        return True
    if sense.not_modifiers and any(
        c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in sense.not_modifiers for c in children
    ):
        return True
    return False


def figurative_violence(facts: Facts, senses: SenseTable) -> Optional[str]:
    """'attacked his record', 'can't beat this guy': a violence verb with nothing violent about it."""
    trigger = facts.trigger
    if trigger is None:
        return None
    if trigger.pos_ != "VERB" or not any(s.needs_violence for s in senses.senses_of(trigger.lemma_.lower(), facts.root)):
        return None  # a noun ("the Russian strikes on Kyiv") is the physical sense unless a sense rule says not
    if _violent_clause(trigger, senses) or _armed(facts, senses):
        return None
    return "no violent context"


def _violent_clause(trigger: Token, senses: SenseTable, not_physical: frozenset[str] = frozenset()) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children) and trigger.pos_ == "VERB":
        return True  # "was beaten", "were attacked": news uses the passive for the physical sense
    if any(c.dep_ == "prt" and c.lower_ in senses.violence_particles for c in trigger.children):
        return True
    physical = senses.physical_objects - not_physical
    if any(o.lemma_.lower() in physical for o in _objects(trigger, [c for c in trigger.children if c.dep_ == "prep"])):
        return True  # "attacked the embassy": a building, a convoy, a town is hit physically
    sentence = sentence_of(trigger)
    return any(t.lemma_.lower() in senses.violence_words for t in sentence if t.i != trigger.i)


def _armed(facts: Facts, senses: SenseTable) -> bool:
    """An armed side (army, police, rebels) or a state: their attacks are attacks."""
    for actor_id in facts.sources() + _as_list(facts.event.target):
        actor = facts.actor(actor_id)
        if actor is None:
            continue
        if actor.type == "country" or (actor.sector and actor.sector.upper() in senses.armed_sectors):
            return True
    return False


def no_actor_source(facts: Facts, senses: SenseTable) -> Optional[str]:
    """The grammatical doer is a thing or an idea ('a problem that demands a response')."""
    trigger = facts.trigger
    if trigger is None or trigger.pos_ != "VERB":
        return None
    subject = _subject(trigger)
    if subject is None:
        return None
    if subject.lower_ in ("that", "which") and trigger.dep_ == "relcl":
        subject = trigger.head  # the noun the relative clause describes
    if subject.ent_type_ or subject.pos_ == "PROPN":
        return None
    if subject.lemma_.lower() in senses.agentless_nouns:
        return f"subject '{subject.text}'"
    return None


def patient_as_source(facts: Facts, senses: SenseTable) -> Optional[str]:
    """'journalists who stray wind up beaten', 'the media are to blame': the one acted upon
    was given as the doer."""
    trigger = facts.trigger
    if trigger is None or any(c.dep_ == "agent" for c in trigger.children):
        return None
    if _stative(trigger):
        return None  # "Israel is opposed to the plan": the subject holds the stance
    if trigger.tag_ == "VBN":
        patients = _patients(trigger)
    elif _copular_infinitive(trigger, senses):
        patients = [c for c in trigger.head.children if c.dep_ in SUBJECT_DEPS]
    else:
        return None
    for patient in patients:
        if _names_source(facts, patient):
            return f"'{patient.text}' is acted upon"
    return None


def _stative(verb: Token) -> bool:
    """A participle of stance with its preposition ("is opposed to"), as the coder reads it
    (the words are the lexicon's: ``cameo/modality.yaml``)."""
    words = load_event_lexicon().words
    return verb.lemma_.lower() in words.stative_participles and any(
        c.dep_ == "prep" and c.lower_ in words.stative_preps for c in verb.children)


def _copular_infinitive(verb: Token, senses: SenseTable) -> bool:
    """'X is to blame': an infinitive after 'be' whose subject undergoes the act."""
    return (verb.lemma_.lower() in senses.patient_infinitives and verb.dep_ in ("xcomp", "acomp")
            and verb.head.lemma_.lower() == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


def _patients(participle: Token) -> list[Token]:
    """Who undergoes a passive participle: its passive subject; the noun it modifies ("a man
    killed in the raid"); the subject of "wind up / get + participle"; or, coordinated with a
    passive verb, that verb's passive subject ("was beaten and robbed")."""
    own = [c for c in participle.children if c.dep_ == "nsubjpass"]
    if own:
        return own
    if any(c.dep_ in ("nsubj", "aux", "auxpass", "dobj") for c in participle.children):
        return []  # its own subject or object: an active past form ("uses detained foreigners" misparsed)
    head = participle.head
    if participle.dep_ in ("acl", "amod"):
        return [head]
    if participle.dep_ in ("xcomp", "oprd"):
        subject = _subject(head)
        return [subject] if subject is not None else []
    if participle.dep_ == "conj" and any(c.dep_ == "auxpass" for c in head.children):
        return [c for c in head.children if c.dep_ == "nsubjpass"]
    return []


def former_members(facts: Facts, senses: SenseTable) -> Optional[str]:
    """'Former RT journalists complained': ex-members speak for themselves, not their old employer."""
    trigger = facts.trigger
    subject = _subject(trigger) if trigger is not None and trigger.pos_ == "VERB" else None
    if subject is None or not any(c.dep_ == "amod" and c.lower_ in senses.former_words for c in subject.children):
        return None
    modifiers = [c for c in subject.children if c.dep_ in ("compound", "nmod", "poss", "amod")]
    if any(_names_source(facts, m, pronouns=False) for m in modifiers) and not _mentions_source_at(facts, subject):
        return "a former member given as the body"
    return None


def _mentions_source_at(facts: Facts, token: Token) -> bool:
    sources = set(facts.sources())
    return any(m.actor_id in sources and m.start <= token.idx < m.end for m in facts.actors.mentions) if facts.actors else False


def agentless_passive(facts: Facts, senses: SenseTable) -> Optional[str]:
    """'... before being assassinated': a passive act with no 'by' names no doer; a source the
    sentence never mentions was guessed from elsewhere."""
    trigger = facts.trigger
    if trigger is None or trigger.tag_ != "VBN" or facts.sentence is None:
        return None
    if not any(c.dep_ == "auxpass" for c in trigger.children) or any(c.dep_ == "agent" for c in trigger.children):
        return None
    if _stative(trigger):
        return None
    sentence, sources = facts.sentence, set(facts.sources())
    mentioned = facts.actors is not None and any(
        m.actor_id in sources and sentence.start_char <= m.start < sentence.end_char for m in facts.actors.mentions)
    return None if mentioned else "no doer named"


def reading_not_investigating(facts: Facts, senses: SenseTable) -> Optional[str]:
    """Examining a report or a statement is reading, not an investigation of anyone."""
    trigger = facts.trigger
    if trigger is None or facts.root != "09" or trigger.lemma_.lower() not in senses.reading_verbs:
        return None
    # "looked into the report", "looked at the figures": the object; not "on Monday"
    objects = _objects(trigger, [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("into", "at", "over")])
    if objects and all(o.lemma_.lower() in senses.document_objects for o in objects):
        return "a text examined"
    return None


def named_target_missing(facts: Facts, senses: SenseTable) -> Optional[str]:
    """The sentence names who was acted upon, the event has no target: half an event."""
    trigger = facts.trigger
    if trigger is None or facts.event.target or facts.root not in senses.target_roots or trigger.pos_ != "VERB":
        return None
    for token in _target_words(trigger, senses):
        if (token.lower_ in senses.object_pronouns or _is_name(facts, token, senses)) and not _names_source(facts, token, pronouns=False):
            return f"'{token.text}' named"
    return None


def _target_words(trigger: Token, senses: SenseTable) -> list[Token]:
    """Where news names the one acted upon: the object ("accused Holt"), its apposition
    ("the North's leader, Kim Jong Un"), a proper-name owner ("criticised the party's
    record" names no one, "Iran's programme" does), a preposition on the object ("sanctions
    against Burma", "a letter to the Justice Department"), the passive subject when an agent
    is named ("he was investigated by Congress")."""
    preps = [c for c in trigger.children if c.dep_ in ("prep", "dative") and c.lower_ in senses.target_preps]
    objects = _objects(trigger, preps) or _shared_objects(trigger)
    if any(c.dep_ == "agent" for c in trigger.children):
        objects += [c for c in trigger.children if c.dep_ == "nsubjpass"]
    words = list(objects)
    for obj in objects:
        words += [c for c in obj.children if c.dep_ == "appos" or (c.dep_ == "poss" and c.pos_ == "PROPN")]
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ in senses.object_target_preps:
                words += [c for c in prep.children if c.dep_ == "pobj"]
    return words


def _shared_objects(trigger: Token) -> list[Token]:
    """'who shot and killed Terence Crutcher': a verb with no object of its own shares the
    object of the verb coordinated after it (the parser hangs it on the last verb only). Only
    a proper name: a common noun there ("detaining and deporting Afghan refugees") is as often
    a group the coder leaves unnamed for both verbs, and the act is still right."""
    objects = []
    for verb in trigger.children:
        # a conjunct with its own subject is another clause ("refused ..., and Niamey accused Benin")
        if verb.dep_ == "conj" and verb.pos_ == "VERB" and verb.i > trigger.i and not any(
                c.dep_ in SUBJECT_DEPS for c in verb.children):
            objects += [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN"]
    return objects


def _is_name(facts: Facts, token: Token, senses: SenseTable) -> bool:
    """A person, body or country named: by entity type, or a proper name the tagger left
    untyped or mistyped ("Holt" as a work of art); dates, sums and numbers are not ("from 1
    May"), nor a place that is no actor ("plans to visit Charlotte": a destination)."""
    label = token.ent_type_.lower()
    if label in senses.place_entity_labels:
        return _actor_type_at(facts, token) in senses.acting_place_types
    if label in senses.target_entity_labels:
        return True
    if token.pos_ == "PROPN" and label not in senses.non_actor_entity_labels:
        return True
    return not label and _is_mention(facts, token)


def _actor_type_at(facts: Facts, token: Token) -> Optional[str]:
    actor = facts.actor(facts.actors.actor_at(token.idx, token.idx + len(token))) if facts.actors else None
    return actor.type if actor is not None else None


def poll_share(facts: Facts, senses: SenseTable) -> Optional[str]:
    """'1 percent support Stein', 'received 38 percent support': poll shares, not acts."""
    trigger = facts.trigger
    if trigger is None:
        return None
    subject = _subject(trigger) if trigger.pos_ == "VERB" else None
    # every subject the parser hangs on the verb and what is coordinated with it: "Trump,
    # while ..., Johnson and 1 percent support Stein" (a share among misread subjects)
    subjects = [c for c in trigger.children if c.dep_ in SUBJECT_DEPS] or ([subject] if subject is not None else [])
    arguments = [s for c in subjects for s in (c, *c.conjuncts)]
    arguments += [c for c in trigger.children if c.dep_ in ("dobj", "attr")]
    if trigger.pos_ == "NOUN":
        arguments.append(trigger)
    for token in arguments:
        words = [token] + [c for c in token.children if c.dep_ in ("nummod", "compound", "amod", "nmod", "quantmod")]
        if any(w.lemma_.lower() in senses.share_words or w.ent_type_ == "PERCENT" or w.text == "%" for w in words):
            return f"'{token.text}' is a share"
    return None


def figurative_comparison(facts: Facts, senses: SenseTable) -> Optional[str]:
    """'likened the rules to "burning the Constitution"': the act is the image of a
    comparison, not something done."""
    trigger = facts.trigger
    if trigger is None:
        return None
    for head in _heads(trigger, 4):
        if head.lemma_.lower() in senses.comparison_verbs:
            return f"image of '{head.text}'"
    return None


def own_matter(facts: Facts, senses: SenseTable) -> Optional[str]:
    """'called her vote a mistake', 'has given $60 million to his campaign': an act on the
    doer's own vote or campaign, with no one else acted upon (a concession, self-funding)."""
    trigger = facts.trigger
    if trigger is None or facts.event.target or facts.root not in senses.own_roots:
        return None
    preps = [c for c in trigger.children if c.dep_ in ("prep", "dative")]
    for obj in _objects(trigger, preps):
        if obj.lemma_.lower() not in senses.own_things:
            continue
        owner = next((c for c in obj.children if c.dep_ == "poss"), None)
        if owner is not None and owner.lower_ in senses.possessive_pronouns and _owner_is_source(facts, owner):
            return f"'{owner.text} {obj.text}'"
    return None


def _owner_is_source(facts: Facts, owner: Token) -> bool:
    """'her' in 'her vote' stands for the doer: a possessive of the known gender of a person
    source. 'its' and 'their' are left alone: a body's 'their statements' are most often the
    other side's ("calling their statements unacceptable interference")."""
    gender = PRONOUN_GENDER.get(owner.lower_)
    if gender is None:
        return False
    for actor_id in facts.sources():
        actor = facts.actor(actor_id)
        if actor is not None and actor.type == "person" and _gender_of(actor.name) == gender:
            return True
    return False


def _gender_of(name: str) -> Optional[str]:
    return _GENDER().of(name)


@lru_cache(maxsize=1)
def _GENDER() -> Gender:
    return Gender()


# -- acts only talked about ------------------------------------------------------------------
# Dependency relations through which a verb hands its act to a lower verb: "needs [to
# provide]", "do everything [to support]", "unable [to turn] ... and [accuse]".
CONTROL_DEPS = ("xcomp", "advcl", "conj", "acomp")


def _controllers(trigger: Token, n: int, deps: tuple[str, ...] = CONTROL_DEPS) -> list[Token]:
    """The words above the trigger through control relations, nearest first (up to ``n``)."""
    heads, token = [], trigger
    while len(heads) < n and token.head.i != token.i and token.dep_ in deps:
        token = token.head
        heads.append(token)
    return heads


def obligation_not_act(facts: Facts, senses: SenseTable) -> Optional[str]:
    """'the money it needs to provide food', 'who needs to make more appeals to voters': what
    someone needs to do is a need the writer sees, not an act done or announced."""
    trigger = facts.trigger
    if trigger is None or trigger.pos_ != "VERB" or trigger.dep_ not in ("xcomp", "advcl", "conj"):
        return None
    for head in _controllers(trigger, 3):
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in senses.obligation_verbs:
            return f"needed ('{head.text}')"
    return None


def _negated_ability(verb) -> bool:
    """'cannot accept', "can't allow", 'can not tolerate'."""
    return any(c.dep_ == "neg" for c in verb.children) or any(
        c.dep_ == "aux" and c.lower_ == "cannot" for c in verb.children)


def ability_not_act(facts: Facts, senses: SenseTable) -> Optional[str]:
    """'They can't blame this on Bush': what someone can or cannot do is a judgement of
    their means, not an act. The speaker's own "we cannot accept" is a refusal, and stays;
    "will be unable to visit" is a planned act called off, which the coder negates."""
    trigger = facts.trigger
    if trigger is None or trigger.pos_ != "VERB":
        return None
    verbs = [trigger] + [h for h in _controllers(trigger, 2, ("conj",)) if h.pos_ == "VERB"]
    for verb in verbs:
        if any(c.dep_ == "aux" and c.lower_ in senses.ability_auxiliaries for c in verb.children):
            subject = _subject(verb)
            if subject is not None and subject.lower_ in senses.speaker_pronouns:
                return None
            if verb.lemma_.lower() in senses.cannot_refusal_verbs and _negated_ability(verb):
                return None  # "Moscow cannot accept NATO troops": a refusal, whoever says it
            return f"ability ('{verb.text}')"
    return None


def habitual_stance(facts: Facts, senses: SenseTable) -> Optional[str]:
    """'generally supported Democrats', 'had historically resisted such agreements': an
    adverb of habit makes the verb a standing leaning, not one act."""
    trigger = facts.trigger
    if trigger is None or trigger.pos_ != "VERB":
        return None
    adverb = next((c for c in trigger.children if c.dep_ == "advmod" and c.lower_ in senses.habitual_adverbs), None)
    return f"habit ('{adverb.text}')" if adverb is not None else None


def preference_stance(facts: Facts, senses: SenseTable) -> Optional[str]:
    """'Trump favors a strongman approach', '5 percent prefer Johnson': a verb of preference
    in the simple present tells a standing leaning, not an act of support ("favored the
    deal in the vote", "will favour" stay: a past or announced choice is an act)."""
    trigger = facts.trigger
    if trigger is None or trigger.pos_ != "VERB" or trigger.lemma_.lower() not in senses.preference_verbs:
        return None
    if trigger.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return None
    return f"preference ('{trigger.text}')"


def unbound_pledge(facts: Facts, senses: SenseTable) -> Optional[str]:
    """'I swear he better live', 'promised the money is there': a verb of pledging over a
    finite clause with nothing ahead in it swears to a fact or voices a wish. A pledge binds
    someone to an act to come: "vowed to fight", "pledged that it would lift restrictions"."""
    trigger = facts.trigger
    if trigger is None or trigger.pos_ != "VERB" or facts.root not in senses.pledge_roots:
        return None
    if trigger.lemma_.lower() not in senses.pledge_verbs or any(c.dep_ == "xcomp" for c in trigger.children):
        return None
    clause = next((c for c in trigger.children if c.dep_ == "ccomp" and c.i > trigger.i), None)
    if clause is None or _tells_future(clause, senses):
        return None
    return f"no act ahead in '{clause.text}'"


def _tells_future(verb: Token, senses: SenseTable) -> bool:
    """A clause set ahead: a future or modal auxiliary ("would lift"), "going to", or an
    infinitive ("to lift")."""
    if any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in senses.future_auxiliaries for c in verb.children):
        return True
    if verb.tag_ in ("VB", "VBG") and verb.lemma_.lower() == "go" and any(c.dep_ == "xcomp" for c in verb.children):
        return True  # "is going to pay"
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def describing_clause(facts: Facts, senses: SenseTable) -> Optional[str]:
    """'the very people they refuse to define', 'something we support': a relative clause in
    the simple present describes the noun it hangs on by a standing attitude; news narrates
    an act in a relative clause in the past ("problems that he blamed on Obama")."""
    trigger = facts.trigger
    if trigger is None or trigger.pos_ != "VERB" or trigger.dep_ != "relcl" or trigger.tag_ not in ("VBP", "VBZ"):
        return None
    if any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return None
    # a named doer ("the group, which the army accuses of arming the RSF") reports its act;
    # "we" and "they" in a describing clause speak of a standing attitude
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in senses.generic_pronouns:
        return None
    return f"describes '{trigger.head.text}'"


def forecast_content(facts: Facts, senses: SenseTable) -> Optional[str]:
    """'The Tax Foundation estimates that it would cost ... because it would encourage
    investors': an act inside an estimate or a forecast is the analyst's model, not an act."""
    trigger = facts.trigger
    if trigger is None or trigger.pos_ != "VERB":
        return None
    heads = _controllers(trigger, 4, ("ccomp", "advcl", "conj", "xcomp"))
    forecast = next((h for h in heads if h.pos_ == "VERB" and h.lemma_.lower() in senses.forecast_verbs), None)
    if forecast is None:
        return None
    # the scenario a model sets up ("modeled what would happen if America were to slap
    # tariffs") is a hypothetical act someone may do; its effects are the model's
    between = [trigger] + heads[:heads.index(forecast)]
    if any(c.dep_ == "mark" and c.lower_ in senses.condition_marks for t in between for c in t.children):
        return None
    return f"forecast ('{forecast.text}')"


def corrected_code(facts: Facts, senses: SenseTable) -> Optional[str]:
    """The CAMEO code the doer makes of the act, or None to keep it: "protesters attacked the
    embassies" is a riot (145), "Chinese ships began blocking access" a blockade (191)."""
    trigger, code = facts.trigger, facts.event.cameo
    if trigger is None:
        return None
    if facts.root in senses.riot_roots and senses.riot_code and _crowd_subject(trigger, senses):
        return senses.riot_code
    if code in senses.obstruction_codes and senses.blockade_code and facts.sources() and all(
            _is_state_agent(facts.actor(a), senses) for a in facts.sources()) and not _people_subject(trigger, senses):
        return senses.blockade_code
    if senses.withheld_code and _withheld_statement(trigger, facts, senses):
        return senses.withheld_code
    if senses.exit_code and code in senses.exit_codes and _leaves_body(trigger, facts, senses):
        return senses.exit_code
    if senses.test_code and facts.root in senses.test_roots and _weapons_test(trigger, senses):
        return senses.test_code
    if senses.raid_code and facts.root in senses.raid_roots and _police_raid(trigger, facts, senses):
        return senses.raid_code
    if senses.disparage_code and facts.root in senses.disparage_roots and _disparaged(trigger, facts, senses):
        return senses.disparage_code
    return None


def _disparaged(trigger: Token, facts: Facts, senses: SenseTable) -> bool:
    """'dismissed Estonia as a suburb of St. Petersburg': dismissing an actor (not a
    proposal: "dismissed the plan as a stunt" rejects it) with an "as" phrase that says what
    it is taken for characterises the actor; no proposal is rejected."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in senses.disparage_verbs:
        return False
    if not any(c.dep_ == "prep" and c.lower_ in senses.disparage_preps for c in trigger.children):
        return False
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    return any(_is_name(facts, o, senses) for o in objects)


def _police_raid(trigger: Token, facts: Facts, senses: SenseTable) -> bool:
    """'Police carried out more than 250 raids', 'prosecutors raided the offices': a raid
    (the trigger or its object) done by law enforcement."""
    objects = [c for c in trigger.children if c.dep_ in OBJECT_DEPS]
    # "dozens of raids": the noun counted
    objects += [o for c in objects for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj"]
    words = [trigger] + objects
    if not any(w.lemma_.lower() in senses.raid_words for w in words):
        return False
    if any(t.lemma_.lower() in senses.raid_harm_words or t.lower_ in senses.raid_harm_words for t in sentence_of(trigger)):
        return False  # people were hurt: an assault whoever did it
    for actor in (facts.actor(a) for a in facts.sources()):
        if actor is None:
            continue
        # a police body by its sector, or by its name ("Moldovan Police", "National Police")
        if (actor.sector or "").lower() in senses.police_sectors or set(actor.name.lower().split()) & senses.police_nouns:
            return True
    subject = _subject(trigger)
    return subject is not None and subject.lemma_.lower() in senses.police_nouns


def _distinct(events: list[Event]) -> list[Event]:
    seen, out = set(), []
    for event in events:
        key = (event.cameo, json_key(event.source), tuple(event.evidence), event.modality)
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out


def _leaves_body(trigger: Token, facts: Facts, senses: SenseTable) -> bool:
    """'completed their withdrawal from the West African bloc', 'pulled out of the treaty':
    what is left is a bloc, treaty or court (a word of exit_nouns or an international body),
    so the act cuts relations; "withdrew its troops from the border" stays a retreat."""
    heads = [trigger] + [c for c in trigger.children if c.dep_ in OBJECT_DEPS]
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in senses.exit_preps):
        for left in (o for o in prep.children if o.dep_ == "pobj"):
            words = [left] + [c for c in left.children if c.dep_ in ("appos", "compound")]
            if any(w.lemma_.lower() in senses.exit_nouns for w in words):
                return True
            actor = facts.actor(_mentioned_actor(facts, left))
            if actor is not None and actor.type in senses.exit_actor_types:
                return True
    return False


def _weapons_test(trigger: Token, senses: SenseTable) -> bool:
    """'test-fired a missile': the parser hangs "test" on the verb of firing."""
    return any(c.dep_ in senses.test_deps and c.lemma_.lower() in senses.test_words for c in trigger.children)


def _withheld_statement(trigger: Token, facts: Facts, senses: SenseTable) -> bool:
    """'refuses to discuss potential appointees', 'declined to confirm the report': a
    statement withheld, not a rejection of a demand or an offer."""
    if facts.root not in senses.refusal_roots or trigger.lemma_.lower() not in senses.refusal_verbs:
        return False
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in senses.withheld_verbs for c in trigger.children)


def _people_subject(trigger: Token, senses: SenseTable) -> bool:
    """"Young Algerians blocked roads": a country's people (a demonym) or a crowd, not its state."""
    subject = _subject(trigger)
    return subject is not None and (subject.ent_type_ == "NORP" or _crowd_subject(trigger, senses))


def _crowd_subject(trigger: Token, senses: SenseTable) -> bool:
    subject = _subject(trigger)
    if subject is None or subject.dep_ == "nsubjpass":
        return False
    # "hundreds of protesters", "a crowd of students": the crowd named after "of"
    nouns = [subject] + [o for p in subject.children if p.dep_ == "prep" and p.lower_ == "of"
                         for o in p.children if o.dep_ == "pobj"]
    return any(n.lemma_.lower() in senses.crowd_nouns for n in nouns)


def _is_state_agent(actor, senses: SenseTable) -> bool:
    if actor is None:
        return False
    return actor.type in senses.state_actor_types or (actor.sector or "") in senses.state_agent_sectors


def _disputed(facts: Facts, senses: SenseTable) -> bool:
    """An attack one side tells of the other ("the defence ministry says Azerbaijani forces
    opened fire") is a claim when the accused side denies something in the article, or when
    the teller tells it in a denial of their own, in its sentence or the one before."""
    event = facts.event
    if facts.root not in senses.disputed_roots or not event.reported_by or facts.sentence is None:
        return False
    teller = _country_of(facts, event.reported_by)
    accused = {_country_of(facts, a) for a in facts.sources()}
    if teller is None or None in accused or teller in accused:
        return False
    before = sentence_before(facts.sentence)
    near = range(before.start if before is not None else facts.sentence.start, facts.sentence.end)
    for token in facts.doc:
        if token.pos_ != "VERB" or token.lemma_.lower() not in senses.denial_lemmas:
            continue
        subject = _subject(token)
        if subject is None or subject.dep_ == "nsubjpass":
            continue
        denier = _country_of(facts, _mentioned_actor(facts, subject))
        if denier in accused or (denier == teller and token.i in near):
            return True
    return False


def _country_of(facts: Facts, actor_id: Optional[str]) -> Optional[str]:
    actor = facts.actor(actor_id)
    if actor is None:
        return None
    return actor.country or (actor.id if actor.type == "country" else None)


def _mentioned_actor(facts: Facts, token: Token) -> Optional[str]:
    if facts.actors is None:
        return None
    start = token.left_edge.idx if token.pos_ != "PRON" else token.idx
    return facts.actors.actor_at(start, token.idx + len(token))


def corrected_modality(facts: Facts, senses: SenseTable) -> Optional[str]:
    """'Perhaps the moderators will demand' is a guess; 'steered clear of criticising' a non-act."""
    trigger = facts.trigger
    if facts.event.modality == "asserted" and _said_before(facts):
        return "historical"
    # the intent or threat read off "ready to"/"would consider" is itself stated now: only the
    # act coded as such is ahead or under review
    if facts.root not in senses.intent_roots:
        if facts.event.modality in ("asserted", "future") and _weighed(_governing_words(facts), senses):
            return "hypothetical"
        if facts.event.modality == "asserted" and _readied(_governing_words(facts), senses):
            return "future"
    if trigger is None or facts.event.modality in ("negated", "hypothetical"):
        return None
    clause = [trigger] + [h for h in _heads(trigger, 3)]
    if any(t.lemma_.lower() in senses.avoidance_words for t in clause[1:]):
        return "negated"
    if senses.withheld_code and _withheld_statement(trigger, facts, senses):
        return "negated"  # the statement is not made
    if facts.event.modality == "future" and _set_for_today(trigger, senses):
        return "asserted"
    verb = next((t for t in clause if t.pos_ in ("VERB", "AUX")), trigger)
    if any(c.dep_ == "advmod" and c.lower_ in senses.guess_adverbs for c in verb.children):
        return "hypothetical"
    if _supposed(facts, senses):
        return "hypothetical"
    if facts.event.modality == "asserted" and _disputed(facts, senses):
        return "hypothetical"
    if facts.event.modality == "asserted" and _narrated_past(facts, senses):
        return "historical"
    return None


def _governing_words(facts: Facts) -> list[Token]:
    """The words that may govern the act as their complement: the trigger, the words above
    it in its clause, and, for an intent the coder read off "was ready to" or "would consider"
    (no trigger, or the verb "be"/"stand" the adjective hangs on), the words of the evidence."""
    trigger = facts.trigger
    if trigger is None:
        span = facts.doc.char_span(facts.event.evidence[0], facts.event.evidence[1], alignment_mode="expand")
        return list(span) if span is not None else []
    return [trigger] + _heads(trigger, 3) + [c for c in trigger.children if c.dep_ in ("acomp", "oprd")]


def _weighed(words: list[Token], senses: SenseTable) -> bool:
    """'would consider recognizing Somaliland', 'is weighing imposing sanctions': an act a
    verb of deliberation governs as its complement is an option under review, not done or
    announced."""
    return any(w.pos_ == "VERB" and w.lemma_.lower() in senses.deliberation_verbs
               and any(c.dep_ == "xcomp" for c in w.children) for w in words)


def _readied(words: list[Token], senses: SenseTable) -> bool:
    """'was ready to travel to Tehran', 'stands ready to support': an act someone declares
    themselves ready for lies ahead. Not when the readiness is denied ("not ready to sign")."""
    for word in words:
        if word.pos_ == "ADJ" and word.lemma_.lower() in senses.readiness_words and any(
                c.dep_ == "xcomp" for c in word.children):
            governors = [word] + ([word.head] if word.dep_ in ("acomp", "oprd") else [])
            return not any(c.dep_ == "neg" for g in governors for c in g.children)
    return False


def _set_for_today(trigger: Token, senses: SenseTable) -> bool:
    """'will boycott today's meeting': an act announced for the day of the news is the
    news itself, not a future one."""
    return trigger.pos_ == "VERB" and any(
        t.lower_ in senses.present_day_words and _in_clause_of(t, trigger) for t in trigger.subtree if t.i != trigger.i)


def _said_before(facts: Facts) -> bool:
    """An act derived from a clause (an intent, a threat) whose clause is the content of a
    statement made before: read from the evidence's own head with the coder's reader."""
    span = facts.doc.char_span(facts.event.evidence[0], facts.event.evidence[1], alignment_mode="expand")
    node = facts.trigger if facts.trigger is not None else span.root if span is not None else None
    return node is not None and said_before(node, load_event_lexicon().words)


def _supposed(facts: Facts, senses: SenseTable) -> bool:
    """'Say Mexico demanded ...', 'Imagine Russia invaded ...': a scenario set up by an
    imperative verb of supposing at the head of the sentence."""
    sentence = facts.sentence
    if sentence is None:
        return False
    first = next((t for t in sentence if not t.is_punct and not t.is_space), None)
    if first is None or first.lower_ not in senses.supposition_words or first.i >= facts.trigger.i:
        return False
    # the parser often misreads the opening imperative as a name ("Say" NNP, dep): any
    # reading but the subject or part of it
    return first.tag_ == "VB" or first.dep_ in SUPPOSITION_DEPS


def _narrated_past(facts: Facts, senses: SenseTable) -> bool:
    """A past-tense act told under an earlier year: 'In 2014 Podesta began talks with China',
    or the paragraph set the year a sentence or two before ('In January 2012 ... He met her').
    A year in the act's own clause decides; else, for a simple past (a present perfect, "has
    signalled", is current news), the last year of the sentences before it in the same
    paragraph. A recent time word ("on Monday", "this week") keeps the act current."""
    trigger, published = facts.trigger, facts.doc._.published
    if trigger is None or published is None or trigger.tag_ not in ("VBD", "VBN"):
        return False
    auxes = {c.lemma_.lower() for c in trigger.children if c.dep_ in ("aux", "auxpass")}
    if auxes & senses.modal_words:
        return False
    if any(t.lower_ in senses.recent_time_words for t in facts.sentence):
        return False
    year = _clause_year(trigger)
    if year is None and trigger.tag_ == "VBD":
        year = _paragraph_year(facts, senses)
    if year is None:
        return not _present_perfect(trigger) and _clause_months_before(trigger, senses, published) >= senses.background_months
    return year < published.year


def _present_perfect(verb: Token) -> bool:
    """'has urged', 'have carried out': an act that reaches the present is current news."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve", "'s") for c in verb.children)


def _clause_months_before(trigger: Token, senses: SenseTable, published) -> int:
    """How many months before publication the year-less month of the trigger's clause lies
    (negative when it is still to come); -1 when the clause names no month. The month is
    read as the date reader resolved it, which weighs the tense ("had agreed to meet again
    in May" is the coming May), else as the last such month before publication."""
    found = _clause_month(trigger, senses)
    if found is None:
        return -1
    ent, month = found
    resolved = _resolved_month(ent)
    if resolved is None:
        return _months_before(month, published)
    year, month = resolved
    return (published.year * 12 + published.month) - (year * 12 + month)


def _clause_month(trigger: Token, senses: SenseTable) -> Optional[tuple[Span, int]]:
    """The year-less DATE in the trigger's own clause ("at the convention in July"), with
    its month (1-12)."""
    sentence = sentence_of(trigger)
    for ent in entities(trigger.doc):
        if ent.label_ != "DATE" or not (sentence.start <= ent.start < sentence.end) or _YEAR.search(ent.text):
            continue
        if any(t.lower_ in senses.recent_time_words for t in ent) or _bounds_or_describes(ent, senses):
            continue  # "last week", "since 19 November", "the May talks": no background time
        month = next((_month_number(t.lower_, senses) for t in ent if t.lower_ in senses.month_words), None)
        if month and _in_clause_of(ent.root, trigger):
            return ent, month
    return None


def _resolved_month(ent: Span) -> Optional[tuple[int, int]]:
    """The year and month the date reader (``doc._.dates``) gave the expression at ``ent``,
    if it resolved one there."""
    dates = ent.doc._.dates if ent.doc.has_extension("dates") else None
    start, end = ent.start_char, ent.end_char
    for date in dates or ():
        if date.value and date.span[0] < end and start < date.span[1]:
            match = _YEAR_MONTH.match(date.value)
            if match:
                return int(match.group(1)), int(match.group(2))
    return None


def _month_number(word: str, senses: SenseTable) -> Optional[int]:
    """'july' -> 7, 'sept' -> 9: months by their first three letters."""
    names = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    return names.index(word[:3]) + 1 if word[:3] in names and word in senses.month_words else None


def _months_before(month: Optional[int], published) -> int:
    """How many months before publication a year-less month lies (a later month than the
    publication's is last year's); -1 when there is no month."""
    if month is None:
        return -1
    return (published.month - month) % 12


def _clause_year(trigger: Token) -> Optional[int]:
    """The year of a DATE in the trigger's own clause ("met her in January 2012"), not in a
    clause inside it ("talks it abandoned in 2009")."""
    sentence = sentence_of(trigger)
    for ent in entities(trigger.doc):
        if ent.label_ != "DATE" or not (sentence.start <= ent.start < sentence.end):
            continue
        match = _YEAR.search(ent.text)
        if match and _in_clause_of(ent.root, trigger) and ent.root.dep_ not in DATE_MODIFIER_DEPS and not _of_a_thing(ent):
            return int(match.group(1))
    return None


def _of_a_thing(ent: Span) -> bool:
    """"honour the Argyle Declaration of December 2023": a date after "of" names the thing
    (like "the 2023 declaration"), not the time of the act done to it."""
    prep = ent.root.head
    return ent.root.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ in ("NOUN", "PROPN")


def _bounds_or_describes(ent: Span, senses: Optional[SenseTable] = None) -> bool:
    """A date that describes a thing ("the 2016 arbitral ruling") or bounds a span reaching
    now ("since 19 November") times no narrated act."""
    root = ent.root
    if root.dep_ in DATE_MODIFIER_DEPS:
        return True
    bounding = senses.bounding_preps if senses is not None else load_senses().bounding_preps
    return root.head.dep_ == "prep" and root.head.lower_ in bounding


def _in_clause_of(token: Token, trigger: Token) -> bool:
    """``token`` times the trigger's clause: its clause is the trigger's, or the verb the
    trigger controls ("refused [to endorse Trump] at the convention in July")."""
    head = _clause_head(token)
    return head.i == trigger.i or (head.dep_ == "xcomp" and head.head.i == trigger.i)


def _clause_head(token: Token) -> Token:
    """The verb whose clause holds ``token``: up the tree to the first verb."""
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return token
        token = token.head
    return token


def _paragraph_year(facts: Facts, senses: SenseTable) -> Optional[int]:
    """The last year named in the sentences before the act's, back to its paragraph's start."""
    current = facts.sentence
    for _ in range(senses.background_sentences):
        before = sentence_before(current)
        if before is None or _paragraph_break(facts.doc, before, current):
            return None  # a new paragraph sets its own time
        if any(t.lower_ in senses.recent_time_words for t in before):
            return None
        year = _year_in(before, None, senses)
        if year is not None:
            return year
        current = before
    return None


def _paragraph_break(doc: Doc, before: Span, current: Span) -> bool:
    """A line break between two sentences (spaCy gives the break to the sentence before it
    as trailing whitespace, so the gap is read from its last word)."""
    words = [t for t in before if not t.is_space]
    end = words[-1].idx + len(words[-1]) if words else before.start_char
    return "\n" in text_of(doc)[end:current.start_char]


def _year_in(sentence: Span, default: Optional[int], senses: Optional[SenseTable] = None) -> Optional[int]:
    """The last year of a DATE that times a clause of ``sentence`` ("In January 2012, ...",
    "met in 2014"), not one that describes a thing ("the 2008 housing collapse", "below the
    2021 primaries") nor one that bounds a span reaching now ("has filed 60 protests since 2023")."""
    found = default
    bounding = senses.bounding_preps if senses is not None else frozenset()
    for ent in entities(sentence.doc):
        if ent.start >= sentence.start and ent.end <= sentence.end and ent.label_ == "DATE" and _times_a_clause(ent, bounding):
            for match in _YEAR.finditer(ent.text):
                found = int(match.group(1))
    return found


# Clauses that describe a noun rather than narrate: their dates do not time a paragraph.
DESCRIBING_CLAUSE_DEPS = ("relcl", "acl")


def _times_a_clause(ent: Span, bounding: frozenset[str] = frozenset()) -> bool:
    """Up from the date to a verb through prepositions only: an adverbial of time. A date
    that modifies a noun ("the 2021 primaries") or sits under a bounding preposition
    ("since 2023") times no narrated act, nor does one in a relative clause, which describes
    a thing ("coca cultivation, which reached a record in 2023")."""
    token = ent.root
    if token.dep_ in DATE_MODIFIER_DEPS or (token.head.dep_ == "prep" and token.head.lower_ in bounding):
        return False
    for _ in range(4):
        if token.head.i == token.i:
            return token.pos_ in ("VERB", "AUX")
        if token.dep_ not in ("pobj", "prep", "npadvmod", "nmod", "appos") and not (ent.start <= token.i < ent.end):
            return False
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token.dep_ not in DESCRIBING_CLAUSE_DEPS
    return False


def _heads(token: Token, n: int) -> list[Token]:
    heads = []
    while len(heads) < n and token.head.i != token.i and token.dep_ not in ("ROOT", "ccomp", "relcl"):
        token = token.head
        heads.append(token)
    return heads


def drop_repeated_intents(events: list[Event], derived: Callable[[Event], bool]) -> tuple[list[Event], list[Event]]:
    """One clause coded as an act and again as the intent to do it ('would end the emergency'
    as CONCEDE and AGREE): the derived intent (CAMEO 03) repeats the act; keep the act. An
    intent with its own word ("signalled willingness to change the law, but met with ...") stays."""
    acts = {(e.evidence, json_key(e.source)) for e in events if not e.cameo.startswith("03")}
    kept, repeats = [], []
    for event in events:
        if event.cameo.startswith("03") and (event.evidence, json_key(event.source)) in acts and derived(event):
            repeats.append(event)
        else:
            kept.append(event)
    return kept, repeats


def drop_intents_of_done_acts(events: list[Event], derived: Callable[[Event], bool],
                              for_today: Callable[[Event], bool]) -> tuple[list[Event], list[Event]]:
    """An intent or threat (03, 13) read off an announced act set for the day of the news
    ('will boycott today's meeting': the checks tell the act as asserted): nothing is left
    to announce, the act is told; keep the act alone."""
    done = {(e.evidence, json_key(e.source)) for e in events
            if e.modality == "asserted" and not e.cameo.startswith(("03", "13")) and for_today(e)}
    kept, dropped = [], []
    for event in events:
        if event.cameo.startswith(("03", "13")) and (event.evidence, json_key(event.source)) in done and derived(event):
            dropped.append(event)
        else:
            kept.append(event)
    return kept, dropped


# -- helpers --------------------------------------------------------------------------------
def json_key(ref) -> tuple:
    return tuple(ref) if isinstance(ref, list) else (ref,)


def _as_list(ref) -> list[str]:
    return list(ref) if isinstance(ref, list) else [ref] if ref else []


def _subject(verb: Token) -> Optional[Token]:
    """The subject of ``verb``, or of the verb it is coordinated with or controlled by."""
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
            verb = verb.head
        else:
            return None
    return None


def _objects(trigger: Token, preps: list[Token]) -> list[Token]:
    objects = [c for c in trigger.children if c.dep_ in OBJECT_DEPS and c.dep_ != "nsubjpass"]
    for prep in preps:
        objects += [c for c in prep.children if c.dep_ == "pobj"]
    return [_through_partitive(o) for o in objects]


def _through_partitive(token: Token) -> Token:
    """'one of the key positions' -> 'positions': the noun a number or quantifier picks from."""
    if token.pos_ in ("NUM", "PRON", "DET") or token.lemma_.lower() in ("part", "some", "many", "most", "all"):
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    return token


def _is_mention(facts: Facts, token: Token) -> bool:
    return facts.actors is not None and facts.actors.actor_at(token.idx, token.idx + len(token)) is not None


def _names_source(facts: Facts, token: Token, pronouns: bool = True) -> bool:
    """Does ``token`` (or its phrase) mention one of the event's sources? A personal pronoun
    counts when ``pronouns`` (the coder resolved it, and most often to the source)."""
    if facts.actors is None:
        return False
    # the noun and what stands before it ("the detained foreigners"), not its relative
    # clauses or appositions, which name other people
    start = token.left_edge.idx if token.pos_ != "PRON" else token.idx
    end = token.idx + len(token)
    sources = set(facts.sources())
    for mention in facts.actors.mentions:
        if mention.start < end and start < mention.end and mention.actor_id in sources:
            return True
    return pronouns and token.pos_ == "PRON" and token.lower_ not in ("it", "they", "them")
