"""Modality of alleged, disputed and denied acts (event_timing.EventTiming.alleged).

The guidelines code an act told only as someone's allegation as ``hypothetical`` and an act
a denial says did not happen as ``negated``; the accusing or denying itself is reported as
done (``asserted``). The allegation is read from the grammar:

- a verb or noun of allegation governing the act: "claims that Hamas had violated the
  truce", "are suspected of seizing the ship";
- a hearsay passive with an infinitive: "are said to have shelled the village";
- an allegation marked on the act noun: "the alleged bombing ... killed nine";
- a report disputed in its own sentence: "Kyiv says Minsk supplied fuel ..., which Belarus
  denies", "..., a charge Baku denies".

Each test pins the coder alone (``coded_events``: no reliability checks after it), with
sentences written for these tests, and a contrast that must stay asserted."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Token

from parley.extract.event_timing import EventTiming
from tests.pipeline_helpers import coded_with_evidence

PUBLISHED = dt.date(2025, 10, 22)


@pytest.fixture(scope="module")
def coded(parley_nlp):
    def run(text: str):
        return coded_with_evidence(parley_nlp, text, PUBLISHED)
    return run


def _modality(found, root: str) -> str:
    hits = [e.modality for e, _ in found if e.cameo[:2] == root]
    assert hits, f"no event of root {root} in {[(e.cameo, s) for e, s in found]}"
    return hits[0]


# ------------------------------------------------------------------ allegation heads

def test_claim_that_makes_the_act_alleged(coded):
    assert _modality(coded("Israel claims that Hamas had violated the truce."), "19") == "hypothetical"


def test_suspected_of_makes_the_act_alleged(coded):
    assert _modality(coded("The Houthis are suspected of seizing the ship."), "18") == "hypothetical"


def test_hearsay_passive_makes_the_act_alleged(coded):
    assert _modality(coded("Russian troops are said to have shelled the village overnight."), "19") == "hypothetical"


def test_said_by_a_side_stays_reported(coded):
    # a side telling of its own or another's act is a report, not an allegation, until disputed
    assert _modality(coded("Ukraine says its forces shelled Russian positions near Bakhmut."), "19") == "asserted"


def test_claiming_responsibility_is_no_allegation(coded):
    # the claim of responsibility is itself the act (a statement), reported as done
    assert _modality(coded("Hamas claimed responsibility for the attack on the checkpoint."), "01") == "asserted"


# ------------------------------------------------------------------ marked act nouns

def test_alleged_act_as_subject(coded):
    found = coded("The alleged bombing of the hospital by government forces killed nine people.")
    assert _modality(found, "18") == "hypothetical"


def test_unmarked_act_as_subject_stays_reported(coded):
    found = coded("The bombing of the hospital by government forces killed nine people.")
    assert _modality(found, "18") == "asserted"


# ------------------------------------------------------------------ disputes in the sentence

def test_which_clause_of_denial_disputes_the_report(coded):
    found = coded("Kyiv says Minsk supplied fuel to the Russian army, which Belarus denies.")
    assert _modality(found, "07") == "hypothetical"
    assert _modality(found, "12") == "asserted"  # the denial itself is made


def test_report_with_no_dispute_stays_reported(coded):
    found = coded("Kyiv says Minsk supplied fuel to the Russian army, which Belarus joined in 2022.")
    assert _modality(found, "07") == "asserted"


# ------------------------------------------------------------------ the tree walk itself

@pytest.fixture(scope="module")
def timing_words():
    from parley.extract.event_lexicon import load_event_lexicon

    return load_event_lexicon().words


class _Bare(EventTiming):
    """The walk of :meth:`EventTiming._told_under` without an article around it."""

    def __init__(self, words):
        self.w = words


def _token(doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text, word, expected", [
    ("The Houthis denied attacking the tanker.", "attacking", "negated"),
    ("The government denied that its soldiers had attacked the protesters.", "attacked", "negated"),
    ("Moscow dismissed reports that its troops had shelled the town.", "shelled", "negated"),
    ("Rwanda rejected accusations that it had sent troops into Congo.", "sent", "hypothetical"),
    ("Ukraine accused Russia of shelling the town.", "shelling", "hypothetical"),
    ("He accused the government of trying to suppress turnout.", "suppress", "hypothetical"),
    ("Ukraine said Russia shelled the town.", "shelled", None),
    ("Reports of troop movements near the border worried Kyiv.", "movements", None),
])
def test_governor_of_the_act(spacy_nlp, timing_words, text, word, expected):
    doc = spacy_nlp(text)
    assert _Bare(timing_words)._told_under(_token(doc, word)) == expected


def test_dispute_in_the_next_sentence(coded):
    found = coded("Kyiv says Minsk supplied fuel to the Russian army. Belarus denies the charge.")
    assert _modality(found, "07") == "hypothetical"


def test_denial_of_another_matter_in_the_next_sentence(coded):
    # a denial that names its own matter answers no report told before it
    found = coded("Kyiv says Minsk supplied fuel to the Russian army. Belarus denies sending troops.")
    assert _modality(found, "07") == "asserted"


def test_act_joined_to_an_accusation_is_made_not_alleged(coded):
    # "and demanded ..." is a conjunct of "accused", not its content; the later rebuttal of
    # "the accusation" does not reach it
    found = coded("The candidate accused the government of trying to suppress turnout and demanded that "
                  "the defence minister resign. The governing party rejected the accusation.")
    assert _modality(found, "10") == "asserted"


def test_later_rebuttal_leaves_an_appeal_made(coded):
    found = coded("Georgian opposition parties said Kobakhidze was giving away too much, and called for street "
                  "protests on Friday. The prime minister rejected the charge.")
    assert _modality(found, "02") != "hypothetical"
