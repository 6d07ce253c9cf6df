"""The event coder's knowledge: CAMEO patterns, the CAMEO->PLOVER table and modality words.

Everything here is read from plain files, once per process (:func:`load_event_lexicon`):

- ``kb/data/lexicon/cameo/NN_*.yaml``: verb and noun patterns per CAMEO root (see the
  ``README.md`` beside them for the keys);
- ``kb/data/lexicon/cameo/modality.yaml``: negation, modal, future and locative words;
- ``kb/data/lexicon/plover.yaml``: PLOVER type, mode and context, the Goldstein score of
  every CAMEO code, and PLOVER's cooperation-conflict score per type and mode;
- ``kb/data/actors/agents.yaml`` (``sectors``): generic agent nouns, for unnamed actors.

Patterns are indexed by lemma, most specific first, so coding a sentence is a dictionary
look-up per token.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from ..kb import DATA_DIR, LEXICON_DIR
from ..model import Plover

CAMEO_DIR = LEXICON_DIR / "cameo"
PLOVER_FILE = LEXICON_DIR / "plover.yaml"
AGENTS_FILE = DATA_DIR / "agents.yaml"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _words(value) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    return frozenset(str(v).lower() for v in value)


@dataclass(frozen=True)
class VerbPattern:
    """A clause pattern: a verb lemma and the words around it that must be present."""

    code: str
    lemma: str
    particle: Optional[str] = None
    preps: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    adjs: frozenset[str] = frozenset()
    needs_target: bool = False
    reciprocal: bool = False
    implicit_partner: bool = False
    speaker_source: bool = False
    complement: bool = False
    # The complement must be an infinitive: "agreed to talk" is an act, "agreed that taxes
    # should rise" an opinion.
    infinitive: bool = False
    # The complement must be a finite clause: "will propose that the EU add it to its list"
    # asks the EU (an appeal), "proposed to host the talks" offers (an intent).
    finite: bool = False
    unless_preps: frozenset[str] = frozenset()  # none may hang on the verb: not "seized on"
    unless_objects: frozenset[str] = frozenset()  # none may be the object: not "executed a plan"
    direct_target: bool = False  # the target is the direct object itself, never its owner
    not_by_person: bool = False  # an individual's act of this kind is something else (a rally)
    # With needs_target: an object that is a political act or text ("welcomed the agreement")
    # is enough; the target is then its author when written, else none.
    thing_object: bool = False
    # "called the deal a disgrace": one of these words must describe the object after it.
    describes: frozenset[str] = frozenset()
    # The verb takes no object or that-clause in this sense: "demonstrated outside the
    # embassy" is a protest, "demonstrated resolve", "demonstrate that ..." a showing.
    intransitive: bool = False
    # A compound subject that does the act together with no one else named: each side is the
    # other's target ("India and Pakistan agreed to exchange prisoners"); one subject alone
    # still makes an event without a target (unlike ``reciprocal``).
    joint: bool = False
    # The complement must itself hold an act of the lexicon: "is willing to withdraw its
    # troops" is an offer, "was willing to walk the line" a figure of speech.
    needs_act: bool = False
    # A that-clause must say what should be done, not what is: "insisted that Israel
    # withdraw" / "must withdraw" / "insisted on a ceasefire" is a demand, "insists that
    # Russia is not interfering" a claim.
    mandative: bool = False
    # The modality of an act this verb only readies: "is preparing a new round of sanctions"
    # (future), unless the clause says otherwise (negated, hypothetical, historical).
    modality: Optional[str] = None
    # The code of announcing that this act will not be done, when it is not the root file's
    # ``refusal``: "will not allow anyone to drag the region into war" warns (13), it rejects
    # nothing.
    refusal: Optional[str] = None
    # The verb tells an act of this root only when negated, as a refusal ("would not accept
    # the occupation", "will never recognise the result"): unnegated, its object is too wide
    # to say what was done ("accepted the resignation").
    negated_only: bool = False

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def specificity(self) -> int:
        # a judgement phrase ("called the summit a disgrace") outranks an object alone
        # ("called a summit"): the verb's object is then what is judged
        return 3 * bool(self.describes) + 2 * bool(self.particle) + 2 * bool(self.objects) + 2 * bool(self.adjs) + bool(self.preps) + bool(self.complement)


@dataclass(frozen=True)
class NounPattern:
    """An event noun whose actors are written around it ("Russia's offensive")."""

    code: str
    lemma: str
    via: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()  # one must qualify the noun: "hunger strike"
    unless: frozenset[str] = frozenset()  # none may qualify it: not "air strike" for a labour strike
    not_by_person: bool = False

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def specificity(self) -> int:
        return 2 * bool(self.modifiers) + bool(self.via) + bool(self.unless)


@dataclass
class ModalityWords:
    negation: frozenset[str]
    hypothetical_aux: frozenset[str]
    conditional_marks: frozenset[str]
    future_aux: frozenset[str]
    future_verbs: frozenset[str]
    non_dating_preps: frozenset[str]
    locative_preps: frozenset[str]
    target_preps: frozenset[str]
    noun_source_preps: frozenset[str]
    news_cycle_days: int = 7
    reporting_verbs: frozenset[str] = frozenset()
    intent_words: frozenset[str] = frozenset()
    stance_refusal_verbs: frozenset[str] = frozenset()
    obligation_aux: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    partitive_nouns: frozenset[str] = frozenset()
    owner_preps: frozenset[str] = frozenset()
    helper_nouns: frozenset[str] = frozenset()
    haven_objects: frozenset[str] = frozenset()
    collective_nouns: frozenset[str] = frozenset()
    state_sectors: frozenset[str] = frozenset()
    crowd_sectors: frozenset[str] = frozenset()
    doer_target_roots: frozenset[str] = frozenset()
    backshift_aux: frozenset[str] = frozenset()
    prior_markers: frozenset[str] = frozenset()
    denial_verbs: frozenset[str] = frozenset()
    place_target_roots: frozenset[str] = frozenset()
    destination_preps: frozenset[str] = frozenset()
    # verbs that send people or things somewhere, whose purpose clause is done there
    sending_verbs: frozenset[str] = frozenset()
    surrounding_preps: frozenset[str] = frozenset()
    protest_object_words: frozenset[str] = frozenset()
    verbal_attack_lemmas: frozenset[str] = frozenset()
    negating_verbs: frozenset[str] = frozenset()
    object_preps: frozenset[str] = frozenset()
    background_reporting_verbs: frozenset[str] = frozenset()
    reflexive_objects: frozenset[str] = frozenset()
    act_nouns: frozenset[str] = frozenset()
    statement_nouns: frozenset[str] = frozenset()
    reason_preps: frozenset[str] = frozenset()
    context_country_sectors: frozenset[str] = frozenset()
    home_sectors: frozenset[str] = frozenset()
    concessive_words: frozenset[str] = frozenset()
    leaving_roots: frozenset[str] = frozenset()
    mentioned_target_roots: frozenset[str] = frozenset()
    modifier_target_roots: frozenset[str] = frozenset()
    modifier_phrase_preps: frozenset[str] = frozenset()
    appeal_roots: frozenset[str] = frozenset()
    addressee_preps: frozenset[str] = frozenset()
    action_call_nouns: frozenset[str] = frozenset()
    ultimatum_marks: frozenset[str] = frozenset()
    ultimatum_code: str = ""
    # "only if", "only once": a condition set as the one way forward is an ultimatum too
    ultimatum_restrictors: frozenset[str] = frozenset()
    restricted_condition_marks: frozenset[str] = frozenset()
    leaving_preps: frozenset[str] = frozenset()
    hypothetical_adverbs: frozenset[str] = frozenset()
    supposition_verbs: frozenset[str] = frozenset()
    long_ago_units: frozenset[str] = frozenset()
    feigned_modifiers: frozenset[str] = frozenset()
    agent_noun_endings: frozenset[str] = frozenset()
    agent_nouns: frozenset[str] = frozenset()
    share_nouns: frozenset[str] = frozenset()
    feigning_verbs: frozenset[str] = frozenset()
    position_verbs: frozenset[str] = frozenset()
    necessity_verbs: frozenset[str] = frozenset()
    habitual_markers: frozenset[str] = frozenset()
    prior_adjectives: frozenset[str] = frozenset()
    plan_nouns: frozenset[str] = frozenset()
    manner_preps: frozenset[str] = frozenset()
    # "by threatening to halt talks": a gerund that is the means of the act it hangs on
    means_preps: frozenset[str] = frozenset()
    said_roots: frozenset[str] = frozenset()
    standing_units: frozenset[str] = frozenset()
    conditional_content_roots: frozenset[str] = frozenset()
    anteriority_words: frozenset[str] = frozenset()
    starting_point_words: frozenset[str] = frozenset()
    repeat_quantifiers: frozenset[str] = frozenset()
    occasion_nouns: frozenset[str] = frozenset()
    # participles that state a stance of their subject, parsed as passives: "is opposed to"
    stative_participles: frozenset[str] = frozenset()
    stative_preps: frozenset[str] = frozenset()
    # "may/might/could halt talks if ...": an act announced on a condition (an intent or threat)
    conditional_intent_aux: frozenset[str] = frozenset()
    # "weeks earlier", "two years later": a span counted from another past time (history)
    offset_adverbs: frozenset[str] = frozenset()
    # "resigned after Russia seized Crimea in 2014": an act that follows a dated past one
    sequel_words: frozenset[str] = frozenset()
    # alleged and denied acts (event_timing.EventTiming.alleged): "accused X of shelling",
    # "is said to have fired", "the alleged strike", "denied attacking", "..., which Y denies"
    allegation_heads: frozenset[str] = frozenset()
    content_preps: frozenset[str] = frozenset()
    hearsay_verbs: frozenset[str] = frozenset()
    hearsay_nouns: frozenset[str] = frozenset()
    alleged_modifiers: frozenset[str] = frozenset()
    dispute_verbs: frozenset[str] = frozenset()
    dispute_relatives: frozenset[str] = frozenset()
    told_determiners: frozenset[str] = frozenset()
    # claims the sentence calls false or unsupported: "wrongfully suggests", "offered no proof"
    telling_heads: frozenset[str] = frozenset()
    falsity_words: frozenset[str] = frozenset()
    proof_nouns: frozenset[str] = frozenset()
    absence_words: frozenset[str] = frozenset()
    # the time a narrated past act is set in (event_timing.EventTiming._framed_in_past)
    frame_bounds: frozenset[str] = frozenset()
    frame_marks: frozenset[str] = frozenset()
    # relative pronouns of a person, whose past clause in an earlier sentence sets the time too
    person_relatives: frozenset[str] = frozenset()
    # verbs whose object does the act of their infinitive (event_syntax._subject)
    object_control_verbs: frozenset[str] = frozenset()
    later_adverbs: frozenset[str] = frozenset()
    counted_units: frozenset[str] = frozenset()
    # the narrative back in the present across paragraphs ("now", "today"): no past frame carries on
    present_markers: frozenset[str] = frozenset()
    # adverbs after a past verb that set it in a time told before: "the senator said then"
    recalled_times: frozenset[str] = frozenset()


@dataclass(frozen=True)
class AgentlessWords:
    """Violent acts told without their doer (``cameo/agentless.yaml``)."""

    verbs: frozenset[str] = frozenset()
    instruments: frozenset[str] = frozenset()
    means_preps: frozenset[str] = frozenset()
    victims: frozenset[str] = frozenset()
    sector: str = "UAF"


@dataclass
class EventLexicon:
    """Patterns by lemma, per-root topic refinements, and the code tables."""

    verbs: dict[str, list[VerbPattern]] = field(default_factory=dict)
    nouns: dict[str, list[NounPattern]] = field(default_factory=dict)
    topics: dict[str, dict[str, str]] = field(default_factory=dict)
    mentions_acts: frozenset[str] = frozenset()
    intents: dict[str, str] = field(default_factory=dict)
    refusals: dict[str, str] = field(default_factory=dict)
    # roots whose announced act is a threat only against someone (``intent_needs_target``)
    intent_needs_target: frozenset[str] = frozenset()
    # codes whose announced act is told once, as the intent (``intent_replaces_act``)
    intent_replaces_act: frozenset[str] = frozenset()
    # verbs of promising whose promised hostile act is a threat (``threat_when_hostile``)
    threat_lemmas: frozenset[str] = frozenset()
    codes: dict[str, dict] = field(default_factory=dict)
    plover_scores: dict[str, float] = field(default_factory=dict)
    words: Optional[ModalityWords] = None
    agent_sectors: dict[str, str] = field(default_factory=dict)
    agentless: AgentlessWords = field(default_factory=AgentlessWords)

    def entry(self, code: str) -> Optional[dict]:
        """The table row of ``code``, falling back to its 3-digit parent and then its root's
        general code (a user may add codes the table does not list)."""
        for key in (code, code[:3], code[:2] + "0"):
            if key in self.codes:
                return self.codes[key]
        return None

    def plover(self, code: str) -> Optional[Plover]:
        row = self.entry(code)
        if row is None:
            return None
        context = row.get("context")
        return Plover(type=row["type"], mode=row.get("mode"), context=list(context) if context else None)

    def goldstein(self, code: str) -> Optional[float]:
        row = self.entry(code)
        return None if row is None else row.get("goldstein")

    def plover_score(self, plover: Plover) -> Optional[float]:
        if plover.mode and f"{plover.type}:{plover.mode}" in self.plover_scores:
            return self.plover_scores[f"{plover.type}:{plover.mode}"]
        return self.plover_scores.get(plover.type)


def _read(path: Path) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_LOADER) or {}


@lru_cache(maxsize=4)
def load_event_lexicon(cameo_dir: Path = CAMEO_DIR, plover_file: Path = PLOVER_FILE,
                       agents_file: Path = AGENTS_FILE) -> EventLexicon:
    """Read the pattern files and code tables (cached: call it freely)."""
    lex = EventLexicon()
    mentions, needs_target, replaces, threat_lemmas = set(), set(), set(), set()
    for path in sorted(Path(cameo_dir).glob("*.yaml")):
        data = _read(path)
        root = data.get("root")
        if root is None:
            continue
        root = str(root).zfill(2)
        if data.get("mentions_acts"):
            mentions.add(root)
        if data.get("intent"):
            lex.intents[root] = str(data["intent"])
        if data.get("refusal"):
            lex.refusals[root] = str(data["refusal"])
        if data.get("intent_needs_target"):
            needs_target.add(root)
        replaces |= {str(c) for c in data.get("intent_replaces_act") or []}
        threat_lemmas |= _words(data.get("threat_when_hostile"))
        lex.topics[root] = {str(k).lower(): str(v) for k, v in (data.get("topics") or {}).items()}
        for raw in data.get("verbs") or []:
            for lemma in _words(raw["lemma"]):
                pattern = VerbPattern(
                    code=str(raw["code"]),
                    lemma=lemma,
                    particle=(str(raw["particle"]).lower() if raw.get("particle") else None),
                    preps=_words(raw.get("prep")),
                    objects=_words(raw.get("object")),
                    adjs=_words(raw.get("adj")),
                    needs_target=bool(raw.get("needs_target")),
                    reciprocal=bool(raw.get("reciprocal")),
                    implicit_partner=bool(raw.get("implicit_partner")),
                    speaker_source=bool(raw.get("speaker_source")),
                    complement=bool(raw.get("complement")),
                    infinitive=bool(raw.get("infinitive")),
                    finite=bool(raw.get("finite")),
                    unless_preps=_words(raw.get("unless_prep")),
                    unless_objects=_words(raw.get("unless_object")),
                    direct_target=bool(raw.get("direct_target")),
                    not_by_person=bool(raw.get("not_by_person")),
                    thing_object=bool(raw.get("thing_object")),
                    intransitive=bool(raw.get("intransitive")),
                    joint=bool(raw.get("joint")),
                    needs_act=bool(raw.get("needs_act")),
                    mandative=bool(raw.get("mandative")),
                    modality=(str(raw["modality"]) if raw.get("modality") else None),
                    refusal=(str(raw["refusal"]) if raw.get("refusal") else None),
                    negated_only=bool(raw.get("negated_only")),
                    describes=_describing_words(raw.get("describes"), words_file=Path(cameo_dir) / "judgements.yaml"),
                )
                lex.verbs.setdefault(lemma, []).append(pattern)
        for raw in data.get("nouns") or []:
            for lemma in _words(raw["lemma"]):
                lex.nouns.setdefault(lemma, []).append(NounPattern(
                    str(raw["code"]), lemma, _words(raw.get("via")), _words(raw.get("modifier")), _words(raw.get("unless")),
                    bool(raw.get("not_by_person"))))
    for table in (lex.verbs, lex.nouns):
        for patterns in table.values():
            patterns.sort(key=lambda p: -p.specificity)  # stable: file order among equals
    variants = _read(Path(cameo_dir) / "lemma_variants.yaml") if (Path(cameo_dir) / "lemma_variants.yaml").exists() else {}
    for wrong, right in ((variants.get("verbs") or {})).items():
        # a misread lemma looks up the patterns of the verb it stands for
        if str(right).lower() in lex.verbs and str(wrong).lower() not in lex.verbs:
            lex.verbs[str(wrong).lower()] = lex.verbs[str(right).lower()]
    lex.mentions_acts = frozenset(mentions)
    lex.intent_needs_target, lex.intent_replaces_act = frozenset(needs_target), frozenset(replaces)
    lex.threat_lemmas = frozenset(threat_lemmas)
    words = _read(Path(cameo_dir) / "modality.yaml")
    lex.words = ModalityWords(
        **{k: _words(v) for k, v in words.items() if k not in ("news_cycle_days", "ultimatum_code")},
        news_cycle_days=int(words.get("news_cycle_days", 7)),
        ultimatum_code=str(words.get("ultimatum_code") or ""),
    )
    table = _read(plover_file)
    lex.codes = {str(k): v for k, v in (table.get("codes") or {}).items()}
    lex.plover_scores = {str(k): float(v) for k, v in (table.get("plover_scores") or {}).items()}
    lex.agent_sectors = _agent_sectors(agents_file)
    lex.agentless = _agentless_words(Path(cameo_dir) / "agentless.yaml")
    return lex


def _agentless_words(path: Path) -> AgentlessWords:
    """The words of violent acts told without their doer; none when the file is absent."""
    if not path.exists():
        return AgentlessWords()
    data = _read(path)
    return AgentlessWords(verbs=_words(data.get("verbs")), instruments=_words(data.get("instruments")),
                          means_preps=_words(data.get("means_preps")), victims=_words(data.get("victims")),
                          sector=str(data.get("sector") or "UAF"))


def _describing_words(value, words_file: Path) -> frozenset[str]:
    """``describes`` names a list of ``judgements.yaml`` ("negative", "positive") or lists words."""
    if value is None:
        return frozenset()
    if isinstance(value, str) and words_file.exists():
        return _words(_read(words_file).get(value))
    return _words(value)


def _agent_sectors(path: Path) -> dict[str, str]:
    """Generic agent nouns -> sector ("rebel" -> REB), shared with the actor resolver: a
    subject such as "Demonstrators in Baghdad" is an actor of the event even when unnamed."""
    if not Path(path).exists():
        return {}
    sectors = _read(path).get("sectors") or {}
    return {str(k).lower(): str(v) for k, v in sectors.items()}
