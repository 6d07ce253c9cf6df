"""Whose voice an act told inside a statement is: the speaker's stance or a reported act.

News reports what a side intends, refuses, supports or condemns through its spokespeople:
"President Lai said Taiwan would not bow to intimidation", "the envoy said Russia would
continue to cooperate", "a State Department spokesman said the US supports the effort".
The saying is the act, so its source is the speaker, when the clause's subject is the
speaker's own side (an actor of the speaker's country that is not another person) and the
act is a stance held or announced now (future or modal, present tense, or a state such as
"remained open"). Acts the side did before ("Pakistan had accepted the ceasefire") and acts
of other actors ("Houthis seized the ship", even when Japan says so) keep their own source.

The word lists are data: ``kb/data/lexicon/event_voice.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml
from spacy.tokens import Token

from ..kb import LEXICON_DIR
from ..model import Quote
from .event_lexicon import _words

VOICE_FILE = LEXICON_DIR / "event_voice.yaml"


@dataclass(frozen=True)
class VoiceWords:
    stance_roots: frozenset[str]
    intent_aux: frozenset[str]
    state_verbs: frozenset[str]
    own_force_nouns: frozenset[str]
    relation_nouns: frozenset[str]
    visit_codes: frozenset[str]
    conditional_roots: frozenset[str]
    condition_marks: frozenset[str]
    claim_nouns: frozenset[str] = frozenset()
    claim_pronouns: frozenset[str] = frozenset()
    definite_dets: frozenset[str] = frozenset()
    antecedent_sentences: int = 3
    act_antecedent_sentences: int = 5
    lead_sentences: int = 2
    # groups of words (nouns and verbs) for one act: "charge" / "accuse", "agreement" / "sign"
    act_families: tuple = ()
    lead_act_nouns: frozenset[str] = frozenset()
    summary_nouns: frozenset[str] = frozenset()
    joint_act_nouns: frozenset[str] = frozenset()
    target_group_nouns: frozenset[str] = frozenset()
    anaphoric_group_nouns: frozenset[str] = frozenset()
    stance_preps: frozenset[str] = frozenset()
    beneficiary_roots: frozenset[str] = frozenset()
    beneficiary_preps: frozenset[str] = frozenset()
    # "both sides", "the two delegations": the article's two sides
    pair_nouns: frozenset[str] = frozenset()
    pair_words: frozenset[str] = frozenset()
    pair_definite_nouns: frozenset[str] = frozenset()
    side_actor_types: frozenset[str] = frozenset()
    # "backs Trump over Clinton": the one passed over is no target
    rival_preps: frozenset[str] = frozenset()
    # "complained to the UN over Israeli raids": the grievance names the target, not the audience
    grievance_roots: frozenset[str] = frozenset()
    grievance_preps: frozenset[str] = frozenset()
    # "asked in a letter to the Justice Department": the addressee of a written appeal
    addressed_roots: frozenset[str] = frozenset()
    letter_nouns: frozenset[str] = frozenset()
    letter_preps: frozenset[str] = frozenset()
    # "filed a complaint, claiming that Mills had a conflict": the one the claim is about
    claim_verbs: frozenset[str] = frozenset()
    # "Foreign Office spokesman Shafqat Ali Khan said Pakistan remains committed": an official
    # whose country the article leaves unsaid speaks for the state whose stance they tell
    official_sectors: frozenset[str] = frozenset()
    # "Ukraine's energy ministry": civil bodies of a state, by head noun, with their sector
    state_body_nouns: dict = field(default_factory=dict, hash=False, compare=False)
    # conditions set on another side ("would not return unless the ELN ..."), read in events.py
    pressure_marks: frozenset[str] = frozenset()
    pressure_aux: frozenset[str] = frozenset()
    pressure_codes: dict = field(default_factory=dict, hash=False, compare=False)
    # sectors of armed groups fighting a state: their acts and the state's are two sides'
    insurgent_sectors: frozenset[str] = frozenset()
    state_sectors: frozenset[str] = frozenset()
    # prepositions of a phrase that dates an act by an earlier one ("agreed after talks mediated by")
    time_adjunct_preps: frozenset[str] = frozenset()


@lru_cache(maxsize=None)
def voice_words(path: Path = VOICE_FILE) -> VoiceWords:
    """``event_voice.yaml`` read once: each field of :class:`VoiceWords` from the key of its
    name (counts as integers, everything else as a lower-cased word set)."""
    with open(path, encoding="utf-8") as handle:
        raw = yaml.safe_load(handle) or {}
    values = {}
    for item in fields(VoiceWords):
        if item.type in ("int", int):
            values[item.name] = int(raw.get(item.name) or item.default)
        elif item.type in ("tuple", tuple):
            values[item.name] = tuple(_words(group) for group in raw.get(item.name) or ())
        elif item.type in ("dict", dict):
            values[item.name] = {str(k).lower(): str(v).upper() for k, v in (raw.get(item.name) or {}).items()}
        else:
            values[item.name] = _words(raw.get(item.name))
    return VoiceWords(**values)


def stated_now(predicate: Token, words: VoiceWords) -> bool:
    """The clause holds or announces its act at the time of speaking: "would not bow",
    "will find", "supports", "is not interfering", "remained open", "was ready"; not a
    past act ("had accepted", "welcomed")."""
    aux = [c for c in predicate.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_.lower() in words.intent_aux or a.lower_ in words.intent_aux for a in aux):
        return True
    if any(a.tag_ in ("VBD", "VBN") for a in aux):
        return False  # "had met", "was shelled"
    if predicate.tag_ in ("VBZ", "VBP"):
        return True
    if predicate.lemma_.lower() in words.state_verbs:
        return any(c.dep_ in ("acomp", "attr") for c in predicate.children)
    return False


def speaker_voice(source: list[str], quote: Optional[Quote], country_of, is_person,
                  sector_of=None) -> Optional[str]:
    """The quote's speaker when every source is the speaker's own side: an actor of the
    speaker's country that is not a person (a person keeps their own acts: "Trump had
    called her mother", told by his press secretary)."""
    if quote is None or not source:
        return None
    speaker = quote.speaker.actor_id
    if not speaker or speaker in source:
        return None
    country = country_of(speaker) or _official_side(speaker, source, country_of, is_person, sector_of)
    if country is None:
        return None
    if any(is_person(a) or country_of(a) != country for a in source):
        return None
    return speaker


def _official_side(speaker: str, source: list[str], country_of, is_person, sector_of) -> Optional[str]:
    """The country an official of unsaid nationality speaks for: the one state whose stance
    they tell. Officials speak for their own government ("government spokesperson Legesse
    Tulu said Addis Ababa remained committed"); a person who holds no office (an analyst,
    a witness) is no voice of a state, so their report keeps its own source."""
    if sector_of is None or not is_person(speaker):
        return None
    if (sector_of(speaker) or "").upper() not in {s.upper() for s in voice_words().official_sectors}:
        return None
    countries = {country_of(a) for a in source}
    return countries.pop() if len(countries) == 1 else None


def stance_source(root: str, predicate: Token, source: list[str], quote: Optional[Quote],
                  country_of, is_person, derived: bool = False, sector_of=None) -> Optional[str]:
    """The speaker as the source of a stance told for their own side, else None. A derived
    statement of intent, refusal or threat (``derived``) is a stance by nature; any other
    act must have a stance root and be stated as holding now."""
    words = voice_words()
    if not derived and (root not in words.stance_roots or not stated_now(predicate, words)):
        return None
    return speaker_voice(source, quote, country_of, is_person, sector_of)
