"""Event targets, round 2 on PLOVER's records (issue 4): the place people are sent to is the
target of the act they are sent for, a protest "in protest of" someone's decision is aimed at
its owner, a body named as the modifier of a relation noun ("its NATO partners") is the body
itself."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import actor_ids, coded_events

PUBLISHED = dt.date(2005, 8, 10)


@pytest.fixture(scope="module")
def code(parley_nlp):
    return lambda text: coded_events(parley_nlp, text, PUBLISHED)[1]


def _of_type(events, plover):
    found = [e for e in events if e.plover.type == plover]
    assert found, [(e.cameo, e.source, e.target) for e in events]
    return found[0]


def test_the_place_inspectors_are_sent_to_is_the_target_of_their_inquiry(code):
    events = code("NATO has sent 40 officers to Bosnia last week to investigate the shooting.")
    event = _of_type(events, "ACCUSE")
    assert actor_ids(event.target) == ["BIH"]


def test_a_place_after_the_goal_gives_the_state_of_the_goal(code):
    # the parser hangs "in southern Iran" on the verb, right after the goal phrase
    event = _of_type(code("The IAEA has dispatched a team to the Natanz Enrichment Facility in central Iran "
                          "to inspect the centrifuges."), "ACCUSE")
    assert actor_ids(event.target) == ["IRN"]


def test_a_purpose_of_a_verb_that_sends_no_one_takes_no_destination(parley_nlp):
    from parley.extract.event_lexicon import load_event_lexicon
    from parley.extract.event_targets import TargetFinder

    finder = TargetFinder(load_event_lexicon())
    doc = parley_nlp("The minister went to court to challenge the ruling.")
    challenge = next(t for t in doc if t.lower_ == "challenge")
    assert finder.sending_verb(challenge) is None
    doc = parley_nlp("The agency sent inspectors to Syria to investigate the attack.")
    investigate = next(t for t in doc if t.lower_ == "investigate")
    assert finder.sending_verb(investigate).lemma_ == "send"


def test_in_protest_of_a_governments_decision_is_aimed_at_that_government(code):
    event = _of_type(code("Hundreds of students staged a sit-in in protest of the Kenyan government's "
                          "decision to raise fees."), "PROTEST")
    assert [a for a in actor_ids(event.target) if "KEN" in a]


def test_a_body_named_before_partners_is_the_one_asked(code):
    event = _of_type(code("France demanded that its NATO partners increase defence spending."), "REQUEST")
    assert actor_ids(event.target) == ["nato"]


def test_a_persons_relation_is_still_not_that_person(code):
    events = code("Emmanuel Macron's wife demanded that the minister resign.")
    assert not any("macron" in str(e.source).lower() for e in events)
