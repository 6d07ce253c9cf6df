"""Event targets, ninth round: the state a visit goes to, and recipients the parser strands.

- a visit to a city is aimed at the city's state, whether or not the story names that
  state; the city stays the visit's place; a trip within the visitor's own country is
  aimed at no state;
- "granted asylum to four officers holed up in ...": when the parser leaves the "to" with
  no object and makes the phrase after it the subject of the next clause, that phrase is
  still the recipient.

The coder is called directly (no reliability checks after it), so each test pins its own
rule. The sentences are the tests' own."""

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


# -- the state of a city visited -----------------------------------------------------------------

def test_a_flight_to_a_capital_is_aimed_at_its_unnamed_state(code):
    trip = _event_with(code("The Kenyan foreign minister flew to Lusaka on Tuesday for talks on the border."),
                       "flew")
    assert _ids(trip.target) == ["ZMB"]
    assert trip.location is not None and trip.location.name == "Lusaka"


def test_a_planned_trip_to_a_city_is_aimed_at_its_state(code):
    trip = _event_with(code("Ghana's president will travel to Ouagadougou next week."), "travel")
    assert _ids(trip.target) == ["BFA"]
    assert trip.location is not None and trip.location.name == "Ouagadougou"


def test_a_trip_at_home_is_aimed_at_no_state(code):
    text, events = code("The Kenyan president travelled to Mombasa on Tuesday.")
    trips = [e for e in events if "travelled" in text[e.evidence[0]:e.evidence[1]]]
    assert all("KEN" not in _ids(e.target) for e in trips)


# -- a recipient the parser strands ----------------------------------------------------------------

def test_a_stranded_recipient_of_asylum_is_the_target(code):
    granted = _event_with(code("Chile has granted diplomatic asylum to four Bolivian army officers "
                               "holed up in its embassy since the coup."), "granted")
    targets = _ids(granted.target)
    assert targets and all(t.startswith("agent:BOL") or t == "BOL" or "bolivia" in t.lower() for t in targets), targets
