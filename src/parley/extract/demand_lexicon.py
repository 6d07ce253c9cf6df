"""The demand word lists of ``lexicon/demands.yaml``, read into a :class:`DemandLexicon`
(data apart from the extraction code in :mod:`parley.extract.demands`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from ..kb import LEXICON_DIR


@dataclass(frozen=True)
class DemandLexicon:
    """The word lists of ``lexicon/demands.yaml``."""

    obligation_modals: frozenset[str]
    obligation_verbs: frozenset[str]
    need_verbs: frozenset[str]
    demand_verbs: dict
    weak_demand_verbs: frozenset[str]
    refusal_verbs: frozenset[str]
    refusal_exclude: frozenset[str]
    refusal_exclude_unless: dict
    rejection_verbs: frozenset[str]
    rejection_phrasal: dict
    rejected_things: frozenset[str]
    rejected_claims: frozenset[str]
    condition_markers: tuple[str, ...]
    weak_condition_markers: frozenset[str]
    threat_verbs: frozenset[str]
    assertive_demand_verbs: frozenset[str]
    characterising_preps: frozenset[str]
    commitment_modals: frozenset[str]
    commitment_exclude: frozenset[str]
    ability_modals: frozenset[str]
    permission_verbs: frozenset[str]
    collective_nouns: frozenset[str]
    imperative_exclude: frozenset[str]
    reporting_verbs: frozenset[str]
    condition_nouns: frozenset[str]
    statement_verbs: frozenset[str]
    statement_particles: frozenset[str]
    epistemic_subjects: frozenset[str]
    epistemic_verbs: frozenset[str]
    speech_after_modal: frozenset[str]
    first_person: frozenset[str]
    future_auxes: frozenset[str]
    hypothetical_auxes: frozenset[str]
    historical_days: int
    voice_role_words: tuple[str, ...]
    voice_sectors: frozenset[str]
    issues: tuple[tuple[str, tuple[str, ...]], ...]
    label_stopwords: frozenset[str]
    verdict_words: frozenset[str] = frozenset()
    copula_verbs: frozenset[str] = frozenset()
    right_nouns: frozenset[str] = frozenset()
    wish_verbs: frozenset[str] = frozenset()
    predictive_wish_verbs: frozenset[str] = frozenset()
    wanted_things: frozenset[str] = frozenset()
    copula_condition_nouns: frozenset[str] = frozenset()
    exchange_nouns: frozenset[str] = frozenset()
    nominal_demand_nouns: frozenset[str] = frozenset()
    nominal_demand_verbs: frozenset[str] = frozenset()
    forecast_auxes: frozenset[str] = frozenset()
    commentator_words: tuple[str, ...] = ()
    legal_subjects: frozenset[str] = frozenset()
    yield_verbs: frozenset[str] = frozenset()
    restriction_words: frozenset[str] = frozenset()
    incompatible_verbs: frozenset[str] = frozenset()
    exclusion_preps: frozenset[str] = frozenset()
    marker_adverbs: frozenset[str] = frozenset()
    obligation_nouns: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    thing_subject_verbs: frozenset[str] = frozenset()
    acceptable_words: frozenset[str] = frozenset()
    sole_words: frozenset[str] = frozenset()
    dependence_verbs: frozenset[str] = frozenset()
    coercion_verbs: frozenset[str] = frozenset()
    none_words: frozenset[str] = frozenset()
    pressure_verbs: frozenset[str] = frozenset()
    pushing_verbs: frozenset[str] = frozenset()
    continuation_verbs: frozenset[str] = frozenset()
    headline_verbs: frozenset[str] = frozenset()
    readiness_words: frozenset[str] = frozenset()
    state_nouns: frozenset[str] = frozenset()
    deadline_verbs: frozenset[str] = frozenset()
    headline_addressee_verbs: frozenset[str] = frozenset()
    headline_max_words: int = 12
    continuation_markers: frozenset[str] = frozenset()
    making_verbs: frozenset[str] = frozenset()
    pronoun_window: int = 800
    author_sentences: int = 3
    list_header_max_words: int = 8
    legal_object_verbs: frozenset[str] = frozenset()
    negated_verdict_words: frozenset[str] = frozenset()
    deictic_determiners: frozenset[str] = frozenset()
    fundraising_words: frozenset[str] = frozenset()
    granting_verbs: frozenset[str] = frozenset()
    refusal_condition_markers: frozenset[str] = frozenset()
    conditional_offer_auxes: frozenset[str] = frozenset()
    offer_reporting_verbs: frozenset[str] = frozenset()
    obligation_participles: frozenset[str] = frozenset()
    necessity_words: frozenset[str] = frozenset()
    verdict_phrases: tuple[str, ...] = ()
    negated_verdict_phrases: tuple[str, ...] = ()
    subjunctive_demand_verbs: frozenset[str] = frozenset()
    thing_request_verbs: frozenset[str] = frozenset()
    unrequested_things: frozenset[str] = frozenset()
    object_not_addressee_verbs: frozenset[str] = frozenset()
    listing_verbs: frozenset[str] = frozenset()
    listing_preps: frozenset[str] = frozenset()
    conditional_forecast_auxes: frozenset[str] = frozenset()
    hoped_issues: frozenset[str] = frozenset()
    inverted_condition_modals: frozenset[str] = frozenset()
    no_choice_nouns: frozenset[str] = frozenset()
    object_needs_addressee_verbs: frozenset[str] = frozenset()
    onus_nouns: frozenset[str] = frozenset()
    deferring_verbs: frozenset[str] = frozenset()
    body_voice_nouns: frozenset[str] = frozenset()
    body_voice_preps: frozenset[str] = frozenset()
    group_phrase_preps: frozenset[str] = frozenset()
    owned_body_nouns: frozenset[str] = frozenset()
    impossibility_words: frozenset[str] = frozenset()
    only_markers: frozenset[str] = frozenset()
    seeing_verbs: frozenset[str] = frozenset()
    clarity_words: frozenset[str] = frozenset()
    proviso_words: frozenset[str] = frozenset()
    retaliation_verbs: frozenset[str] = frozenset()
    warning_subjects: frozenset[str] = frozenset()
    warning_nouns: frozenset[str] = frozenset()
    sanction_verbs: frozenset[str] = frozenset()
    penalty_words: frozenset[str] = frozenset()
    generic_determiners: frozenset[str] = frozenset()
    own_side_words: frozenset[str] = frozenset()
    unbound_verbs: frozenset[str] = frozenset()
    affording_verbs: frozenset[str] = frozenset()
    affording_determiners: frozenset[str] = frozenset()
    bare_proviso_words: frozenset[str] = frozenset()
    continuing_verbs: frozenset[str] = frozenset()
    restraint_verbs: frozenset[str] = frozenset()
    deadline_nouns: frozenset[str] = frozenset()
    sole_outcome_nouns: frozenset[str] = frozenset()
    passive_directive_verbs: frozenset[str] = frozenset()
    as_ordered_verbs: frozenset[str] = frozenset()
    rule_agents: frozenset[str] = frozenset()
    predicative_proviso_words: frozenset[str] = frozenset()
    acting_wish_verbs: frozenset[str] = frozenset()
    return_adverbs: frozenset[str] = frozenset()
    concessive_phrases: tuple[str, ...] = ()
    stand_modals: frozenset[str] = frozenset()
    pledge_verbs: frozenset[str] = frozenset()
    refusal_nouns: frozenset[str] = frozenset()
    yielding_particles: frozenset[str] = frozenset()
    handing_verbs: frozenset[str] = frozenset()
    transfer_particles: frozenset[str] = frozenset()
    expulsion_words: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    permanence_words: frozenset[str] = frozenset()

    def issue_of(self, words: str) -> Optional[str]:
        """The first issue (in lexicon order) one of whose trigger words occurs in ``words``
        (a one-word trigger also in its inflected forms: "withdraw" matches "withdraws")."""
        low = re.sub(r"\s+", " ", words.lower())
        for issue, pattern in _issue_patterns(self.issues):
            if pattern.search(low):
                return issue
        return None

    def label_of(self, words: str, max_words: int = 8) -> str:
        """The condition reduced to its first content words."""
        tokens = [w for w in re.findall(r"[\w'-]+", words) if w.lower() not in self.label_stopwords]
        return " ".join(tokens[:max_words])


@lru_cache(maxsize=8)
def _issue_patterns(issues: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[str, re.Pattern], ...]:
    compiled = []
    for issue, triggers in issues:
        parts = [re.escape(t) + ("" if " " in t else r"(?:s|es|d|ed|ing)?") for t in triggers]
        compiled.append((issue, re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")))
    return tuple(compiled)


def _words(values) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or [])


@lru_cache(maxsize=4)
def load_demand_lexicon(path: str = str(LEXICON_DIR / "demands.yaml")) -> DemandLexicon:
    """Read the demand word lists (cached per path)."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    issues = tuple((str(name), tuple(str(t).lower() for t in triggers)) for name, triggers in raw["issues"].items())
    markers = tuple(sorted((str(m).lower() for m in raw["condition_markers"]), key=len, reverse=True))
    return DemandLexicon(
        obligation_modals=_words(raw["obligation_modals"]),
        obligation_verbs=_words(raw["obligation_verbs"]),
        need_verbs=_words(raw["need_verbs"]),
        demand_verbs={str(k): {"addressee": _words(v.get("addressee")), "object": _words(v.get("object")),
                               "particle": _words(v.get("particle"))}
                      for k, v in raw["demand_verbs"].items()},
        weak_demand_verbs=_words(raw["weak_demand_verbs"]),
        legal_object_verbs=_words(raw.get("legal_object_verbs")),
        negated_verdict_words=_words(raw.get("negated_verdict_words")),
        deictic_determiners=_words(raw.get("deictic_determiners")),
        fundraising_words=_words(raw.get("fundraising_words")),
        granting_verbs=_words(raw.get("granting_verbs")),
        refusal_condition_markers=_words(raw.get("refusal_condition_markers")),
        conditional_offer_auxes=_words(raw.get("conditional_offer_auxes")),
        offer_reporting_verbs=_words(raw.get("offer_reporting_verbs")),
        refusal_verbs=_words(raw["refusal_verbs"]),
        refusal_exclude=_words(raw["refusal_exclude"]),
        refusal_exclude_unless={str(k): str(v) for k, v in (raw.get("refusal_exclude_unless") or {}).items()},
        rejection_verbs=_words(raw["rejection_verbs"]),
        rejection_phrasal={str(k): str(v) for k, v in (raw.get("rejection_phrasal") or {}).items()},
        rejected_things=_words(raw["rejected_things"]),
        rejected_claims=_words(raw.get("rejected_claims")),
        condition_markers=markers,
        weak_condition_markers=_words(raw.get("weak_condition_markers")),
        threat_verbs=_words(raw.get("threat_verbs")),
        assertive_demand_verbs=_words(raw.get("assertive_demand_verbs")),
        characterising_preps=_words(raw.get("characterising_preps")),
        commitment_modals=_words(raw.get("commitment_modals")),
        commitment_exclude=_words(raw.get("commitment_exclude")),
        ability_modals=_words(raw.get("ability_modals")),
        permission_verbs=_words(raw.get("permission_verbs")),
        collective_nouns=_words(raw.get("collective_nouns")),
        imperative_exclude=_words(raw.get("imperative_exclude")),
        reporting_verbs=_words(raw.get("reporting_verbs")),
        condition_nouns=_words(raw["condition_nouns"]),
        statement_verbs=_words(raw["statement_verbs"]),
        statement_particles=_words(raw["statement_particles"]),
        epistemic_subjects=_words(raw["epistemic_subjects"]),
        epistemic_verbs=_words(raw["epistemic_verbs"]),
        speech_after_modal=_words(raw["speech_after_modal"]),
        first_person=_words(raw["first_person"]),
        future_auxes=_words(raw["future_auxes"]),
        hypothetical_auxes=_words(raw["hypothetical_auxes"]),
        historical_days=int(raw.get("historical_days", 30)),
        voice_role_words=tuple(str(w).lower() for w in raw["voice_role_words"]),
        voice_sectors=frozenset(str(s) for s in raw["voice_sectors"]),
        issues=issues,
        label_stopwords=_words(raw["label_stopwords"]),
        verdict_words=_words(raw.get("verdict_words")),
        copula_verbs=_words(raw.get("copula_verbs")),
        right_nouns=_words(raw.get("right_nouns")),
        wish_verbs=_words(raw.get("wish_verbs")),
        predictive_wish_verbs=_words(raw.get("predictive_wish_verbs")),
        wanted_things=_words(raw.get("wanted_things")),
        copula_condition_nouns=_words(raw.get("copula_condition_nouns")),
        exchange_nouns=_words(raw.get("exchange_nouns")),
        nominal_demand_nouns=_words(raw.get("nominal_demand_nouns")),
        nominal_demand_verbs=_words(raw.get("nominal_demand_verbs")),
        forecast_auxes=_words(raw.get("forecast_auxes")),
        commentator_words=tuple(str(w).lower() for w in raw.get("commentator_words") or ()),
        legal_subjects=_words(raw.get("legal_subjects")),
        yield_verbs=_words(raw.get("yield_verbs")),
        restriction_words=_words(raw.get("restriction_words")),
        incompatible_verbs=_words(raw.get("incompatible_verbs")),
        exclusion_preps=_words(raw.get("exclusion_preps")),
        marker_adverbs=_words(raw.get("marker_adverbs")),
        obligation_nouns=_words(raw.get("obligation_nouns")),
        document_nouns=_words(raw.get("document_nouns")),
        thing_subject_verbs=_words(raw.get("thing_subject_verbs")),
        acceptable_words=_words(raw.get("acceptable_words")),
        sole_words=_words(raw.get("sole_words")),
        dependence_verbs=_words(raw.get("dependence_verbs")),
        coercion_verbs=_words(raw.get("coercion_verbs")),
        none_words=_words(raw.get("none_words")),
        pressure_verbs=_words(raw.get("pressure_verbs")),
        pushing_verbs=_words(raw.get("pushing_verbs")),
        continuation_verbs=_words(raw.get("continuation_verbs")),
        headline_verbs=_words(raw.get("headline_verbs")),
        readiness_words=_words(raw.get("readiness_words")),
        state_nouns=_words(raw.get("state_nouns")),
        deadline_verbs=_words(raw.get("deadline_verbs")),
        headline_addressee_verbs=_words(raw.get("headline_addressee_verbs")),
        headline_max_words=int(raw.get("headline_max_words", 12)),
        continuation_markers=_words(raw.get("continuation_markers")),
        making_verbs=_words(raw.get("making_verbs")),
        pronoun_window=int(raw.get("pronoun_window", 800)),
        author_sentences=int(raw.get("author_sentences", 3)),
        list_header_max_words=int(raw.get("list_header_max_words", 8)),
        obligation_participles=_words(raw.get("obligation_participles")),
        necessity_words=_words(raw.get("necessity_words")),
        verdict_phrases=tuple(str(w).lower() for w in raw.get("verdict_phrases") or ()),
        negated_verdict_phrases=tuple(str(w).lower() for w in raw.get("negated_verdict_phrases") or ()),
        subjunctive_demand_verbs=_words(raw.get("subjunctive_demand_verbs")),
        thing_request_verbs=_words(raw.get("thing_request_verbs")),
        unrequested_things=_words(raw.get("unrequested_things")),
        object_not_addressee_verbs=_words(raw.get("object_not_addressee_verbs")),
        listing_verbs=_words(raw.get("listing_verbs")),
        listing_preps=_words(raw.get("listing_preps")),
        conditional_forecast_auxes=_words(raw.get("conditional_forecast_auxes")),
        hoped_issues=frozenset(str(w) for w in raw.get("hoped_issues") or ()),
        inverted_condition_modals=_words(raw.get("inverted_condition_modals")),
        no_choice_nouns=_words(raw.get("no_choice_nouns")),
        object_needs_addressee_verbs=_words(raw.get("object_needs_addressee_verbs")),
        onus_nouns=_words(raw.get("onus_nouns")),
        deferring_verbs=_words(raw.get("deferring_verbs")),
        body_voice_nouns=_words(raw.get("body_voice_nouns")),
        body_voice_preps=_words(raw.get("body_voice_preps")),
        group_phrase_preps=_words(raw.get("group_phrase_preps")),
        owned_body_nouns=_words(raw.get("owned_body_nouns")),
        impossibility_words=_words(raw.get("impossibility_words")),
        only_markers=_words(raw.get("only_markers")),
        seeing_verbs=_words(raw.get("seeing_verbs")),
        clarity_words=_words(raw.get("clarity_words")),
        proviso_words=_words(raw.get("proviso_words")),
        retaliation_verbs=_words(raw.get("retaliation_verbs")),
        warning_subjects=_words(raw.get("warning_subjects")),
        warning_nouns=_words(raw.get("warning_nouns")),
        sanction_verbs=_words(raw.get("sanction_verbs")),
        penalty_words=_words(raw.get("penalty_words")),
        generic_determiners=_words(raw.get("generic_determiners")),
        own_side_words=_words(raw.get("own_side_words")),
        unbound_verbs=_words(raw.get("unbound_verbs")),
        sole_outcome_nouns=_words(raw.get("sole_outcome_nouns")),
        affording_verbs=_words(raw.get("affording_verbs")),
        affording_determiners=_words(raw.get("affording_determiners")),
        bare_proviso_words=_words(raw.get("bare_proviso_words")),
        continuing_verbs=_words(raw.get("continuing_verbs")),
        restraint_verbs=_words(raw.get("restraint_verbs")),
        deadline_nouns=_words(raw.get("deadline_nouns")),
        passive_directive_verbs=_words(raw.get("passive_directive_verbs")),
        as_ordered_verbs=_words(raw.get("as_ordered_verbs")),
        rule_agents=_words(raw.get("rule_agents")),
        predicative_proviso_words=_words(raw.get("predicative_proviso_words")),
        acting_wish_verbs=_words(raw.get("acting_wish_verbs")),
        return_adverbs=_words(raw.get("return_adverbs")),
        concessive_phrases=tuple(str(w).lower() for w in raw.get("concessive_phrases") or ()),
        stand_modals=_words(raw.get("stand_modals")),
        pledge_verbs=_words(raw.get("pledge_verbs")),
        refusal_nouns=_words(raw.get("refusal_nouns")),
        yielding_particles=_words(raw.get("yielding_particles")),
        handing_verbs=_words(raw.get("handing_verbs")),
        transfer_particles=_words(raw.get("transfer_particles")),
        expulsion_words=_words(raw.get("expulsion_words")),
        naming_verbs=_words(raw.get("naming_verbs")),
        permanence_words=_words(raw.get("permanence_words")),
    )
