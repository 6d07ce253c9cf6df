"""Event modality, sample 8 round: background told in the simple past.

- a simple past with no time of its own takes the last time the writer named before it, in
  its sentence or the sentences before it in its paragraph: a time before the news makes it
  background; a time of the news anywhere in its sentence keeps it news; a new paragraph
  sets its own time, unless the act is counted from an earlier time ("days later");
- dates that describe a thing ("which Turkey brokered in 2024") or bound a span reaching
  now ("since the end of September") set no time, but "since April 2025, when ..." does;
- a past date the parser hangs on the act's bare complement dates the act ("asked Algeria
  to take back 2,800 nationals last year"), never a date that names a thing;
- a time clause ("back when it signed on more than 20 years ago") dates its main clause;
- a statement marked as made before ("had previously said they would ...") carries its
  content, and the threat or intent read off it, into the past.

Every test runs the full pipeline (coder and reliability checks), with sentences written
for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import events_with_evidence, modalities_of

PUBLISHED = dt.date(2025, 6, 12)


@pytest.fixture(scope="module")
def events(parley_nlp):
    def run(text: str, published: dt.date = PUBLISHED):
        return events_with_evidence(parley_nlp, text, published)
    return run


# ------------------------------------------------------------------ the paragraph's time


def test_act_after_a_past_frame_in_its_paragraph_is_background(events):
    found = events("In March 2023, fighting on the border killed 40 people. "
                   "Kenya accused Somali militias of shelling its villages.")
    assert modalities_of(found, "accused Somali militias") == ["historical"]


def test_news_time_in_the_sentence_keeps_it_news(events):
    found = events("In March 2023, fighting on the border killed 40 people. "
                   "On Tuesday, Kenya accused Somali militias of shelling its villages.")
    assert "historical" not in modalities_of(found, "accused Somali militias")


def test_new_paragraph_sets_its_own_time(events):
    found = events("In March 2023, fighting on the border killed 40 people.\n\n"
                   "Kenya accused Somali militias of shelling its villages.")
    assert modalities_of(found, "accused Somali militias") == ["asserted"]


def test_act_counted_days_later_crosses_the_paragraph(events):
    found = events("A passenger jet crashed near the border on Dec. 25, killing 38 people.\n\n"
                   "Russia apologized to Azerbaijan days later for the crash.")
    assert modalities_of(found, "apologized") == ["historical"]


def test_relative_clause_date_sets_no_frame(events):
    found = events("Talks resumed under the Ankara process, which Turkey brokered in December 2023. "
                   "Ethiopia urged Somalia to accept the deal.")
    assert modalities_of(found, "urged Somalia") == ["asserted"]


def test_bounding_date_sets_no_frame(events):
    found = events("Some 9,000 refugees have crossed into Burundi since the end of March. "
                   "The agency urged the Burundian authorities to keep the border open.")
    assert modalities_of(found, "urged the Burundian") == ["asserted"]


def test_relative_past_tagged_as_participle(events):
    found = events("In January, Burundi accused Rwanda of backing the rebels, "
                   "an accusation Kigali rejected as baseless.")
    assert modalities_of(found, "rejected") == ["historical"]


# ------------------------------------------------------------------ dates on complements


def test_past_date_on_the_complement_dates_the_request(events):
    found = events("France asked Algeria to take back about 2,800 of its nationals last year.",
                   dt.date(2026, 2, 18))
    assert modalities_of(found, "asked Algeria") == ["historical"]


def test_future_date_on_the_complement_leaves_the_request_news(events):
    found = events("France asked Algeria on Monday to take back its nationals next month.",
                   dt.date(2026, 2, 18))
    assert "historical" not in modalities_of(found, "asked Algeria")


def test_date_naming_a_thing_on_the_complement_is_no_time(events):
    found = events("Manila called on China to respect the 2016 arbitral ruling.")
    assert modalities_of(found, "called on China") == ["asserted"]


# ------------------------------------------------------------------ time clauses, recalled statements


def test_time_clause_long_ago_dates_the_main_clause(events):
    found = events("Back when it joined the trade pact more than 20 years ago, Mexico pledged "
                   "that it would lift its import quotas.", dt.date(2016, 9, 28))
    assert "asserted" not in modalities_of(found, "pledged")


def test_statement_made_before_carries_its_threat_into_the_past(events):
    found = events("The Security Council noted that it had previously said it would impose sanctions "
                   "on North Korea if Pyongyang conducted another test.", dt.date(2016, 9, 10))
    assert "asserted" not in modalities_of(found, "impose sanctions")
