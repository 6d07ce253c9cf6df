"""Event precision round 3 (issue 4): background and sources.

- a past clause telling what a person did ("Cruz, who refused to endorse Trump at the
  convention in July") in the sentence before an undated simple past sets the time the writer
  goes on in: the act is background; a clause describing a thing ("the deal, which Turkey
  brokered in 2024") does not, nor does it when the act's own sentence names a time of the
  news, also in a describing clause ("In a video posted this week, he urged ...");
- under a verb whose object does the act of its infinitive ("persuade utilities to agree"),
  the persuader is not the source of the agreeing.

Every test runs the full pipeline, with sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import actor_ids, events_with_evidence, modalities_of

PUBLISHED = dt.date(2025, 9, 26)


@pytest.fixture(scope="module")
def events(parley_nlp):
    def run(text: str, published: dt.date = PUBLISHED):
        return events_with_evidence(parley_nlp, text, published)
    return run


def test_persons_past_clause_before_sets_the_time(events):
    found = events("The decision is risky for Ruto, who refused to endorse Odinga at the party congress in July. "
                   "Ruto urged delegates to vote their conscience.")
    assert modalities_of(found, "urged delegates") == ["historical"]


def test_without_the_persons_past_clause_the_act_is_news(events):
    found = events("The decision is risky for Ruto, a senior figure of the party. "
                   "Ruto urged delegates to vote their conscience.")
    assert modalities_of(found, "urged delegates") == ["asserted"]


def test_a_things_describing_clause_sets_no_time(events):
    found = events("The talks follow the truce, which Turkey brokered in July. "
                   "Russia accused Ukraine of shelling the port.")
    assert "historical" not in modalities_of(found, "accused Ukraine")


def test_news_time_in_a_describing_clause_of_the_sentence_keeps_it_news(events):
    found = events("Gonzalez, who left for exile in Spain in July, has said he will return. "
                   "In a video posted on X this week, he urged the armed forces to respect the vote.")
    assert "historical" not in modalities_of(found, "urged the armed forces")


def _sources(found, words):
    return [actor_ids(e.source) for e, evidence in found if words in evidence]


def test_object_controlled_infinitive_is_not_the_persuaders_act(events):
    found = events("Tom Clarke says he hopes to persuade utilities and steel mills to agree to pay for the credits.")
    assert not any("Clarke" in " ".join(s) or "clarke" in " ".join(s)
                   for s in _sources(found, "agree to pay"))


def test_named_object_still_controls(events):
    found = events("The shelling prompted Beijing to summon the Japanese ambassador on Monday.")
    assert all(s == ["CHN"] for s in _sources(found, "summon")) and _sources(found, "summon")
