"""Event precision, fifth round: acts placed in the past by their adverbials, judgements
that are no appeals, opinions that are no agreements, campaigning that is no mobilisation,
reviews of one's own affairs, scenarios opened by "Say"/"Suppose"."""
from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.events import _period_end

from tests.pipeline_helpers import parsed

PUBLISHED = dt.date(2016, 9, 20)


@pytest.fixture(scope="module")
def code(parley_nlp):
    return lambda text: parsed(parley_nlp, text, PUBLISHED)._.events


def test_years_ago_is_historical(code):
    events = code("Donald Trump criticized Hillary Clinton years ago over her trade policy.")
    assert [e.modality for e in events] == ["historical"]


def test_a_decade_is_historical(code):
    events = code("In the 1990s, Bill Clinton accused the Republican Party of blocking the budget.")
    assert [e.modality for e in events] == ["historical"]
    assert _period_end("1990s") == dt.date(1999, 12, 31)


def test_a_participle_takes_the_date_of_its_clause(code):
    events = code("A group of doctors in 2015 sent a letter to the hospital, calling for Barack Obama's dismissal.")
    assert [(e.plover.type, e.modality) for e in events] == [("REQUEST", "historical")]


def test_the_same_sentence_without_a_date_is_news(code):
    events = code("A group of doctors sent a letter to the hospital on Monday, calling for Barack Obama's dismissal.")
    assert [e.modality for e in events] == ["asserted"]


def test_calling_a_ruling_a_win_is_no_appeal(code):
    assert code('Ohio Democratic Party Chairman David Pepper called Friday\'s decision a "huge win for Ohio voters."') == []


def test_calling_for_something_is_still_an_appeal(code):
    events = code("Barack Obama called on Congress to pass the budget.")
    assert [e.plover.type for e in events] == ["REQUEST"]


def test_agreeing_that_something_should_happen_is_an_opinion(code):
    assert code("Paul Ryan agreed that taxes should be lowered.") == []


def test_agreeing_to_act_is_an_undertaking(code):
    events = code("Paul Ryan agreed to meet Barack Obama.")
    assert "AGREE" in [e.plover.type for e in events]


def test_mobilizing_voters_is_campaigning(code):
    assert code("Bernie Sanders mobilized voters in Ohio.") == []


def test_reviewing_ones_own_defenses_is_no_investigation(code):
    assert code("Donald Trump ordered a thorough review of the nation's computer defenses.") == []


def test_a_scenario_opened_by_say_is_hypothetical(code):
    events = code("Say Donald Trump attacks Hillary Clinton on trade.")
    assert events and all(e.modality == "hypothetical" for e in events)


def test_an_air_incursion_is_a_show_of_force(code):
    events = code("Chinese military aircraft made an air incursion into Taiwan on Monday.")
    assert [e.plover.type for e in events] == ["MOBILIZE"]


def test_a_simulated_attack_is_no_assault(code):
    events = code("North Korea carried out a simulated attack on South Korea on Monday.")
    assert all(e.plover.type != "ASSAULT" for e in events)


def test_objecting_to_an_act_criticises_its_author(code):
    events = code("Republicans objected to Barack Obama's nomination of Merrick Garland.")
    assert [(e.cameo, e.target) for e in events] == [("111", "barack-obama")]
