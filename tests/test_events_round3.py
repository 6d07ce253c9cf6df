"""Event coding, third round: acts on things, judgements, statement subjects, unnamed agents."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import parsed

PUBLISHED = dt.date(2025, 1, 15)


@pytest.fixture(scope="module")
def nlp(parley_nlp):
    return parley_nlp


def code(nlp, text: str):
    doc = parsed(nlp, text, PUBLISHED)
    return doc._.events, {a.id: a for a in doc._.actors.actors.values()}


def refs(ref) -> set:
    return set() if ref is None else set(ref if isinstance(ref, list) else [ref])


def countries(ref, actors) -> set:
    return {getattr(actors.get(a), "country", None) for a in refs(ref)}


def test_praise_of_a_thing_is_support_without_target(nlp):
    events, actors = code(nlp, "French President Emmanuel Macron welcomed the agreement on Monday.")
    assert [e.cameo for e in events] == ["051"]
    assert events[0].target is None


def test_praise_of_nothing_political_is_no_event(nlp):
    events, _ = code(nlp, "French President Emmanuel Macron praised the weather on Monday.")
    assert events == []


def test_rejected_plan_targets_its_author(nlp):
    events, actors = code(nlp, "Iran rejected the plan put forward by Washington.")
    assert events and events[0].cameo.startswith("12")
    assert countries(events[0].target, actors) == {"USA"}


def test_called_with_a_pejorative_is_criticism(nlp):
    events, actors = code(nlp, "Biden called Putin a war criminal.")
    assert [e.cameo for e in events] == ["111"]
    assert countries(events[0].target, actors) == {"RUS"}


def test_called_with_praise_is_support(nlp):
    events, _ = code(nlp, "British Prime Minister Keir Starmer called the deal historic.")
    assert [e.cameo for e in events] == ["051"]


def test_call_on_is_not_a_judgement(nlp):
    events, _ = code(nlp, "Biden called on Russia to stop the illegal war.")
    assert [e.cameo[:2] for e in events] == ["02"]


def test_coordinated_threat_is_not_inside_criticism(nlp):
    events, _ = code(nlp, "Trump called the ruling a disgrace and threatened to appeal.")
    assert {e.cameo[:2] for e in events} == {"11", "13"}


def test_statement_subject_is_its_author(nlp):
    events, actors = code(nlp, "Netanyahu's office said in a statement that talks would continue. "
                               "The statement accused Hamas of stalling.")
    accuse = [e for e in events if e.cameo.startswith("112")]
    assert accuse and countries(accuse[0].source, actors) == {"ISR"}


def test_police_take_the_country_of_the_place(nlp):
    events, actors = code(nlp, "Police arrested dozens of opposition supporters in Caracas.")
    assert events and events[0].cameo.startswith("17")
    assert countries(events[0].source, actors) == {"VEN"}


def test_police_without_country_give_no_event(nlp):
    events, _ = code(nlp, "Police arrested dozens of people.")
    assert events == []


def test_reason_phrase_is_no_target(nlp):
    events, actors = code(nlp, "The European Union imposed new sanctions on Iran over its drone deliveries to Russia.")
    assert events and countries(events[0].target, actors) == {"IRN"}
