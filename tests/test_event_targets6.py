"""Event targets, sixth round: a place as the target of a visit or a dispatch, a place an act
of force closes in on, the one a demand noun's "that" clause asks to act, and the doer named
by a participle's "by" agent.

The coder is called directly (no reliability checks after it), so each test pins its own rule.
The sentences are the tests' own."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import actor_ids as _ids, event_coder, of_root as _by_root

PUBLISHED = dt.date(2025, 10, 8)


@pytest.fixture(scope="module")
def code(parley_nlp):
    return event_coder(parley_nlp, PUBLISHED)


# -- a visit is aimed at the state of the city visited -----------------------------------------

def test_visit_to_a_city_whose_country_is_not_named_keeps_its_place(code):
    # the city stays the visit's location; its state (unnamed) is the target, with no mention
    # that would take the city's words (issue 4 changed the target from none to Jordan)
    [visit] = _by_root(code("The Iraqi president arrived in Amman on a visit on Monday."), "04")
    assert _ids(visit.target) == ["JOR"] and visit.location is not None and visit.location.name == "Amman"


def test_visit_to_a_city_of_a_named_country_is_that_country(code):
    # near miss: the article names Iran, so Iran is the host, not a place actor
    events = code("Iran welcomed the news. The Omani foreign minister arrived in Tehran for talks on Sunday.")
    [visit] = [e for e in _by_root(events, "04") if e.cameo == "042"]
    assert _ids(visit.target) == ["IRN"]


def test_intent_to_travel_is_aimed_at_the_host(code):
    events = code("Iran's envoy met Omani officials. The Omani minister said he was ready to travel to Tehran next week.")
    [intent] = _by_root(events, "03")
    assert _ids(intent.target) == ["IRN"]


# -- people or things sent to a place ----------------------------------------------------------

def test_inspectors_sent_to_a_site_in_a_country(code):
    [probe] = _by_root(code("The IAEA sent a team of inspectors to a reactor site in southern Iran."), "09")
    assert _ids(probe.target) == ["IRN"]


def test_the_setting_of_an_agreed_act_is_no_target(code):
    # near miss: "a truce in Gaza" is where the truce holds; the two sides target each other
    events = _by_root(code("Israel and Hamas agreed to a truce in Gaza on Sunday."), "03")
    assert events and all(not any(t.startswith("place:") for t in _ids(e.target)) for e in events)


# -- a place an act of force closes in on ------------------------------------------------------

def test_drills_around_an_island_are_aimed_at_it(code):
    [drill] = _by_root(code("China held large-scale military drills around Taiwan on Monday."), "15")
    assert _ids(drill.target) == ["TWN"]


def test_drills_around_an_island_are_no_joint_exercise(code):
    # near miss: "around" names no partner, so the drills are not cooperation (06)
    assert not _by_root(code("China held large-scale military drills around Taiwan on Monday."), "06")


# -- the one a demand noun asks to act; the doer a participle names ----------------------------

def test_demand_noun_with_that_clause_is_aimed_at_its_subject(code):
    [demand] = _by_root(code("The rebel group insisted on its demand that Kenya's government release all detainees."), "10")
    assert _ids(demand.target) == ["KEN"]


def test_investigation_into_acts_committed_by_an_actor(code):
    [probe] = _by_root(code("Serbian prosecutors opened an investigation into abuses committed by Croatian soldiers."), "09")
    assert _ids(probe.target) == ["agent:HRV:MIL"]


def test_demanded_withdrawal_is_aimed_at_who_withdraws(code):
    # near miss (held before this round): the act noun's "of" phrase names the one asked
    [demand] = _by_root(code("Lithuania demanded the withdrawal of Russian troops from the border area, officials told reporters."), "10")
    assert _ids(demand.target) == ["agent:RUS:MIL"]
