"""Event targets named only inside the act's object phrase (issue 4, judged precision's
largest rejection): a country adjective or compound ("the French-led mission"), a possessive
("Libya's rival factions"), a "for"/"among" phrase of what is acted on ("a training program
for Ukraine", "a shelter for Sudanese refugees"), the object of a relative clause on it
("restrictions that kept Korean ships ..."). Only an empty target is filled, only from the
act's own object phrase, and never with the source's own side, a denial's clause, or a venue.

The coder is called directly (no reliability checks after it). The sentences are the tests' own."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import actor_ids as _ids, event_coder, of_root as _by_root

PUBLISHED = dt.date(2025, 10, 8)


@pytest.fixture(scope="module")
def code(parley_nlp):
    return event_coder(parley_nlp, PUBLISHED)


# -- named inside the object phrase ------------------------------------------------------------

def test_for_phrase_inside_a_partitive_object(code):
    [cut] = _by_root(code("Canada suspended part of a military training program for Ukraine."), "16")
    assert _ids(cut.target) == ["UKR"]


def test_country_inside_a_compound_participle_of_the_refused_act(code):
    [refusal] = _by_root(code("The Spanish government refused to commit any troops to the French-led mission in the Sahel."), "12")
    assert _ids(refusal.target) == ["FRA"]


def test_beneficiaries_of_a_place_attacked(code):
    [attack] = _by_root(code("A shelter for Sudanese refugees was attacked by gunmen on Tuesday."), "19")
    assert _ids(attack.target) == ["agent:SDN:REF"]


def test_possessive_inside_a_phrase_of_the_object(code):
    events = code("The African Union may halt mediation efforts among Libya's rival factions.")
    assert events and all(_ids(e.target) == ["LBY"] for e in events)


def test_pledge_through_a_relative_clause_on_the_object(code):
    [pledge] = _by_root(code("Japan pledged that it would lift restrictions that kept Korean ships from docking in its ports."), "03")
    assert _ids(pledge.target) == ["KOR"]


# -- what is no target -------------------------------------------------------------------------

def test_the_sources_own_thing_is_no_target(code):
    events = code("Greece plans to impose restrictions on its labour market for two years.")
    assert all(not e.target for e in events)


def test_a_denied_clause_names_no_target(code):
    [denial] = _by_root(code("Russia denied that the delay was linked to the talks on Ukraine."), "12")
    assert "UKR" not in _ids(denial.target)


def test_the_venue_of_a_joint_act_is_no_target(code):
    # each side is the other's target; the place they sign at is none
    events = code("Armenia and Azerbaijan initialled a peace agreement at the White House.")
    assert sorted(t for e in events for t in _ids(e.target)) == ["ARM", "AZE"]


def test_a_named_target_is_kept(code):
    # near miss: the object names its target itself; the phrase inside it changes nothing
    [cut] = _by_root(code("Canada suspended military aid to Russia under a program for Ukraine."), "16")
    assert _ids(cut.target) == ["RUS"]
