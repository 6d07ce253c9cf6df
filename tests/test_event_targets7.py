"""Event targets, seventh round: acts several sides do together.

- ", with X saying ...": an absolute clause is a circumstance of the act, never its partner;
- the place a joint act is done at ("at the White House", "in Muscat") is no side of it;
- a round of talks held by two sides makes each the other's target.

The coder is called directly (no reliability checks after it), so each test pins its own
rule. The sentences are the tests' own."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.event_targets import absolute_clause
from tests.pipeline_helpers import actor_ids as _ids, event_coder, of_root as _by_root

PUBLISHED = dt.date(2025, 11, 3)


@pytest.fixture(scope="module")
def code(parley_nlp):
    return event_coder(parley_nlp, PUBLISHED)


def _with_prep(doc):
    return next(t for t in doc if t.lower_ == "with")


# -- the absolute "with" clause ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The talks ended on Monday, with Qatar's prime minister saying both sides would return.",
    "The two ministers signed the deal, with the Norwegian envoy, Jonas Berg, looking on.",
])
def test_comma_with_and_a_participle_is_an_absolute_clause(spacy_nlp, text):
    assert absolute_clause(_with_prep(spacy_nlp(text)))


@pytest.mark.parametrize("text", [
    # near misses: a partner, and a partner with a reduced relative but no comma
    "Iran held talks with Qatar's prime minister on Monday.",
    "Sweden met with officials representing the Finnish government.",
])
def test_a_plain_with_phrase_is_not_an_absolute_clause(spacy_nlp, text):
    assert not absolute_clause(_with_prep(spacy_nlp(text)))


def test_absolute_clause_speaker_is_no_partner_of_a_joint_agreement(code):
    events = _by_root(code("Norway and Sweden have agreed to extend their fisheries pact, with the Danish "
                           "foreign minister, Lars Holm, saying the quota should double by spring."), "03")
    targets = {_ids(e.source)[0]: _ids(e.target) for e in events}
    assert targets == {"NOR": ["SWE"], "SWE": ["NOR"]}


# -- the venue of a joint act ----------------------------------------------------------------------

def test_venue_of_a_joint_signing_is_no_target(code):
    events = _by_root(code("The leaders of Ethiopia and Eritrea initialled a border agreement at the "
                           "White House on Friday."), "03")
    targets = {_ids(e.source)[0]: _ids(e.target) for e in events}
    assert targets == {"ETH": ["ERI"], "ERI": ["ETH"]}


def test_one_side_acting_at_a_place_keeps_its_object(code):
    # near miss: one source, so the rule for joint acts does not apply
    [event] = _by_root(code("Ethiopia signed an agreement with Eritrea at the African Union on Friday."), "05")
    assert "ERI" in _ids(event.target)


# -- a round of talks held by two sides ------------------------------------------------------------

def test_round_of_talks_by_two_sides_targets_each_other(code):
    events = _by_root(code("China and Japan held a second round of talks on fishing rights in Beijing "
                           "on Monday."), "04")
    targets = {_ids(e.source)[0]: _ids(e.target) for e in events}
    assert targets == {"CHN": ["JPN"], "JPN": ["CHN"]}


def test_round_of_talks_by_one_side_needs_a_partner(code):
    # near miss: one side and no partner is no meeting
    assert _by_root(code("China held a second round of talks on Monday."), "04") == []
