"""Precision of coded events (issue 4, ninth-sample round): the one a passive acts upon is
never its doer, a pledge of a hostile act is a threat whatever topic word follows, and an
appeal is aimed at whom it asks, not at whom the asked-for act would touch."""
from __future__ import annotations

import datetime as dt

import pytest
import spacy

from parley.extract.event_syntax import _passive_subjects
from tests.pipeline_helpers import coded_events

PUBLISHED = dt.date(2016, 9, 26)


@pytest.fixture(scope="module")
def code(parley_nlp):
    return lambda text: coded_events(parley_nlp, text, PUBLISHED)[1]


def _token(doc, word):
    return next(t for t in doc if t.text == word)


def test_a_participle_joined_to_a_passive_shares_its_subject(spacy_nlp):
    doc = spacy_nlp("Smith was shot and killed by a police officer.")
    assert [t.text for t in _passive_subjects(_token(doc, "killed"))] == ["Smith"]


def test_a_subjectless_passive_clause_takes_its_governors_subject(spacy_nlp):
    doc = spacy_nlp("The general led the revolt before being arrested.")
    assert [t.text for t in _passive_subjects(_token(doc, "arrested"))] == ["general"]


def test_an_active_verb_has_no_passive_subject(spacy_nlp):
    doc = spacy_nlp("The officer shot and killed Smith.")
    assert _passive_subjects(_token(doc, "killed")) == []


def test_the_one_killed_is_not_the_killer(code):
    events = code("Keith Scott, who was black, was shot and killed by a police officer in Charlotte.")
    assert not any("keith" in str(e.source).lower() for e in events if e.plover.type == "ASSAULT")


def test_the_one_assassinated_is_not_the_assassin(code):
    events = code("Benazir Bhutto, who led Pakistan twice before being assassinated, was a reformer.")
    assert not any(e.plover.type == "ASSAULT" and "PAK" in str(e.source) for e in events)
    assert not any(e.plover.type == "ASSAULT" and "bhutto" in str(e.source).lower() for e in events)


def test_a_pledge_of_sanctions_is_a_threat(code):
    events = code("The United Nations Security Council pledged to impose further sanctions on Iran "
                  "as a deterrence to what it called a threat to international peace.")
    assert [e.plover.type for e in events if e.cameo[:2] in ("03", "13")] == ["THREATEN"]


def test_an_appeal_is_not_aimed_at_the_object_of_the_asked_for_act(code):
    events = code("Senator Graham called on the administration to call out Russia on the hacking.")
    appeals = [e for e in events if e.plover.type == "REQUEST"]
    assert appeals and all(e.target != "RUS" and "RUS" not in (e.target or []) for e in appeals)


def test_an_appeal_to_people_who_are_no_actor_is_still_an_appeal(code):
    events = code("President Felix Tshisekedi asked everyone to stand with the people of Congo.")
    assert [e.plover.type for e in events if e.plover.type == "REQUEST"] == ["REQUEST"]


def test_seeking_war_asks_no_one(code):
    events = code("Guyana does not seek war, President Irfaan Ali said.")
    assert not any(e.plover.type == "REQUEST" for e in events)
