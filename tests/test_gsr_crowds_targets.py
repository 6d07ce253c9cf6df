"""Event actors on crowds and protest targets (issue 4, PLOVER's gold records):

- an unnamed crowd acts when the head of its phrase names people, though a phrase after it
  ends in another word ("inhabitants of the Golan Heights"), or when it counts a people or
  people ("Thousands of Syrian Kurds");
- a protest is aimed at whoever did the thing protested ("a law signed by the minister");
  a possessive that only says where the protest happened ("a jail in Senegal's capital")
  and a crowd the protesters join are no targets;
- force with no object of its own is aimed at the object of the purpose it serves
  ("opened fire to disperse the demonstrators");
- "threatened to institute a curfew in X" threatens X, as "impose" does.

The coder is called directly, so each test pins its own rule. The sentences are the tests' own."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import actor_ids as _ids, coded_events, event_with as _event_with

PUBLISHED = dt.date(2025, 11, 3)


@pytest.fixture(scope="module")
def code(parley_nlp):
    def run(text: str):
        return text, coded_events(parley_nlp, text, PUBLISHED)[1]
    return run


def test_a_crowd_named_with_a_place_phrase_acts(code):
    threat = _event_with(code("Druze inhabitants of the northern valley threatened on Monday to hold a general strike "
                              "unless Israel lifted the closure."), "threatened")
    assert _ids(threat.source) and _ids(threat.source)[0].startswith("new:group:")
    assert _ids(threat.target) == ["ISR"]


def test_a_counted_people_protests_against_the_state_it_wants_freedom_from(code):
    rally = _event_with(code("Thousands of Syrian Kurds demonstrated in the northern city of Qamishli on Friday "
                             "calling for independence from Syria."), "demonstrated")
    assert _ids(rally.source)
    assert _ids(rally.target) == ["SYR"]


def test_a_strike_over_a_law_is_aimed_at_whoever_signed_it(code):
    text, events = code("Some 20,000 dock workers stopped work on Monday over a pension law signed by "
                        "Labour Minister Anna Kovacs.")
    strike = _event_with((text, events), "stopped work")
    assert any("anna-kovacs" in t for t in _ids(strike.target))


def test_the_place_of_a_riot_and_the_crowd_joined_are_no_targets(code):
    riot = _event_with(code("Prisoners rioted at a jail in Senegal's capital Dakar on Monday, joining thousands of "
                            "demonstrators in demanding freedom from French rule."), "rioted")
    assert "SEN" not in _ids(riot.target)
    assert not any("demonstrator" in t for t in _ids(riot.target))
    assert _ids(riot.target) == ["FRA"]


def test_fire_opened_to_disperse_a_crowd_is_aimed_at_the_crowd(code):
    fire = _event_with(code("Kenyan police opened fire to disperse Muslim demonstrators in Mombasa on Sunday night."), "opened fire")
    assert fire.cameo[:2] in ("18", "19", "20")
    assert _ids(fire.target) and "place" not in _ids(fire.target)[0]


def test_a_threat_to_institute_a_curfew_in_a_city_threatens_the_city(code):
    threat = _event_with(code("President Abdelaziz Tebboune threatened to institute a curfew in Oran after the riots."),
                         "threatened")
    assert any("oran" in t for t in _ids(threat.target))
