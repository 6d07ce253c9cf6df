"""Clause tests shared by several demand finders and by the record filters.

Whether a conjoined clause stands on its own, whether a negation sits between a modal and
its verb, whether a clause is a threat, an offer, a forecast or a refusal. Kept apart so that
each finder family (obligations, calls, refusals, conditions) can use them without importing
another family.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .demand_lexicon import DemandLexicon
from .demand_syntax import _actor_like, SUBJECT_DEPS


TIME_ENTITIES = ("DATE", "TIME")


def _own_clause(token: Token) -> bool:
    """A conjoined clause with its own subject is a separate demand; so is a finite verb
    joined to a bare one ("would never recognise ..., and repeated Kyiv's demand ...": a
    modal's conjuncts are bare too, so a past or present tense has left its scope)."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in SUBJECT_DEPS for c in token.children):
        return True
    return token.dep_ == "conj" and token.tag_ in ("VBD", "VBZ") and token.head.tag_ == "VB"


def _negation_between(modal: Token, verb: Token) -> bool:
    """'would "never" recognise': a negation between a modal and its verb that the parser
    hung elsewhere (on a quotation mark, a preposition)."""
    if verb.i <= modal.i or verb.i - modal.i > 4:
        return False
    return any(t.lower_ in ("not", "never", "n't") for t in modal.doc[modal.i + 1:verb.i])


def _threat(lex: DemandLexicon, main: Token) -> bool:
    """The clause is the infinitive of a threat or pledge ("threatened to quit ...")."""
    verb = main
    for _ in range(3):
        if verb.lemma_.lower() in lex.threat_verbs:
            return True
        if verb.dep_ != "xcomp" or verb.head is verb:
            return False
        verb = verb.head
    return False


def _sanctioning(lex: DemandLexicon, verb: Optional[Token]) -> bool:
    """The clause imposes a sanction: a verb of sanctioning ("will freeze ratification", "would
    veto") or a penalty as its object ("would impose tariffs", "will face consequences")."""
    if verb is None:
        return False
    return verb.lemma_.lower() in lex.sanction_verbs \
        or any(c.dep_ == "dobj" and c.lemma_.lower() in lex.penalty_words for c in verb.children)


def _ready(lex: DemandLexicon, main: Token) -> bool:
    """"Tehran was ready to resume talks if ...": an offer on a condition (the clause is
    "be" with an adjective of readiness, or that adjective's infinitive)."""
    words = lex.readiness_words
    if main.lower_ in words or any(c.dep_ == "acomp" and c.lower_ in words for c in main.children):
        return True
    return main.dep_ == "xcomp" and main.head.lower_ in words


def _forecast(lex: DemandLexicon, marker: Token, subject: Optional[Token]) -> bool:
    """"Kyiv would need to show flexibility", "both sides will have to compromise": a
    future "need/have to" with an actor as subject predicts; it demands nothing. With a
    thing as subject, or in the passive, it is a condition ("any deal would have to include
    ...", "the decree would have to be revoked")."""
    # "X will have to give up ...", in someone's statement, lays down what X must do;
    # "will need to" and "would have to" forecast.
    auxes = lex.forecast_auxes if marker.lemma_.lower() != "have" else lex.conditional_forecast_auxes
    if not any(c.dep_ == "aux" and c.lower_ in auxes for c in marker.children):
        return False
    return subject is not None and _actor_like(subject, lex)


def _refusing(lex: DemandLexicon, verb: Optional[Token]) -> bool:
    """A clause that refuses: "ruled out signing the treaty until ...", "refused to recognise
    Kosovo unless ..." (the verb, or the verb its infinitive or gerund hangs on)."""
    for _ in range(2):
        if verb is None:
            return False
        lemma = verb.lemma_.lower()
        if lemma in lex.refusal_verbs or lemma in lex.rejection_verbs or (
                lemma in lex.rejection_phrasal
                and any(c.dep_ == "prt" and c.lower_ == lex.rejection_phrasal[lemma] for c in verb.children)):
            return True
        if verb.dep_ not in ("xcomp", "pcomp") or verb.head is verb:
            return False
        verb = verb.head
    return False
