"""Event modality, issue 4 round "prec5": background told as news across paragraphs.

A past time set in an earlier paragraph carries on to the undated past deeds that follow,
until the narrative comes back to the present (a clause in the reporter's present, a date of
the news, "now", a heading); asides (a parenthesis, a glance ahead) do not end it. A
statement or appeal after a background paragraph stays news unless the writer points back to
that time ("said then", "at the time").

Sentences written for these tests; they run the full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import events_with_evidence, modalities_of

PUBLISHED = dt.date(2025, 11, 20)


@pytest.fixture(scope="module")
def events(parley_nlp):
    def run(text: str, published: dt.date = PUBLISHED):
        return events_with_evidence(parley_nlp, text, published)
    return run


RETROSPECTIVE = (
    "A first summit between Kenya and Ethiopia in March 2019 had failed to settle the dispute.\n\n"
    "In hindsight, it would prove useful. A final accord is expected to be signed next month.\n\n"
    "(Mr. Otieno is now the chairman of the ruling party.)\n\n"
    "Kenyan envoys met Ethiopian officials in Addis Ababa and signed a trade pact with Ethiopia.")


def test_a_past_frame_carries_over_paragraphs_of_asides(events):
    found = events(RETROSPECTIVE)
    assert set(modalities_of(found, "met Ethiopian officials")) == {"historical"}


def test_the_present_ends_the_frame(events):
    text = RETROSPECTIVE.replace("(Mr. Otieno is now the chairman of the ruling party.)",
                                 "Kenya says the border remains closed.")
    found = events(text)
    assert "historical" not in modalities_of(found, "met Ethiopian officials")


def test_a_news_date_ends_the_frame(events):
    text = RETROSPECTIVE.replace("(Mr. Otieno is now the chairman of the ruling party.)",
                                 "Ethiopia closed the border on Tuesday.")
    found = events(text)
    assert "historical" not in modalities_of(found, "met Ethiopian officials")


def test_a_reaction_after_background_stays_news(events):
    found = events("Ethiopia closed its border with Kenya on Tuesday.\n\n"
                   "The two countries fought a border war in 2019.\n\n"
                   "Kenya's foreign minister urged Ethiopia to reopen the crossing.")
    assert "historical" not in modalities_of(found, "urged Ethiopia")


def test_a_statement_pointed_back_to_the_frame_is_background(events):
    found = events("The decision is risky for Ruto, who refused to back Abiy at the summit in March.\n\n"
                   "Ruto was jeered, and the delegates left early. The truth, Ruto said then, was hard.\n\n"
                   "Ruto repeatedly accused Ethiopia of arming the rebels.")
    assert set(modalities_of(found, "accused Ethiopia")) == {"historical"}
