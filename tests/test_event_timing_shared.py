"""Event modality, issue 4 round ("mod"):

- one reader of "said before" for the coder's own acts and for acts the checks derive from
  a clause: the content of a statement marked as made before ("had previously said ...")
  is recalled, not news; a statement marked so by no reporting verb is no such mark;
- a gerund that is the means of an act ("helped broker a truce in July by threatening to
  halt trade talks") shares that act's time;
- a clause told in the present on a past date ("killed civilians in 2021, which the army
  denies") is told now, not counted from the date.

Sentences written for these tests; the pipeline ones run the full pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.event_lexicon import load_event_lexicon
from parley.extract.event_timing import said_before
from tests.pipeline_helpers import events_with_evidence, modalities_of

PUBLISHED = dt.date(2025, 12, 11)


@pytest.fixture(scope="module")
def events(parley_nlp):
    def run(text: str, published: dt.date = PUBLISHED):
        return events_with_evidence(parley_nlp, text, published)
    return run


def _token(doc, word: str):
    return next(t for t in doc if t.text == word)


# ------------------------------------------------------------------ one "said before" reader


def test_said_before_reads_a_prior_marker_on_the_reporting_verb(parley_nlp):
    doc = parley_nlp("The ministry had previously said it would close the border.")
    assert said_before(_token(doc, "close"), load_event_lexicon().words)


def test_said_before_needs_a_prior_marker(parley_nlp):
    doc = parley_nlp("The ministry said it would close the border.")
    assert not said_before(_token(doc, "close"), load_event_lexicon().words)


def test_said_before_needs_a_reporting_verb(parley_nlp):
    # "already hoped": a wish, not a statement made before
    doc = parley_nlp("The ministry had already hoped it would close the border.")
    assert not said_before(_token(doc, "close"), load_event_lexicon().words)


def test_statement_made_before_puts_its_content_in_the_past(events):
    found = events("Turkey had already announced that it would close its airspace to Israeli flights.")
    assert "asserted" not in modalities_of(found, "close its airspace")


# ------------------------------------------------------------------ the means of a dated act


def test_means_of_a_dated_act_shares_its_time(events):
    found = events("U.S. President Donald Trump, who helped broker a truce in July by threatening "
                   "to halt trade talks with both countries, said on Friday that he expected the "
                   "two governments to stop the killing.")
    threats = [e for e, span in found if "threatening" in span]
    assert threats and all(e.modality == "historical" and e.date == "2025-07" for e in threats)


def test_means_of_a_news_act_stays_news(events):
    found = events("U.S. President Donald Trump helped broker a truce on Tuesday by threatening "
                   "to halt trade talks with both countries.")
    assert "historical" not in modalities_of(found, "threatening")


# ------------------------------------------------------------------ present clause on a past date


def test_present_denial_of_a_past_act_is_news(events):
    found = events("Human rights organisations, including Amnesty International, have urged the company "
                   "to publish an independent report into allegations that Mozambican soldiers guarding "
                   "the site detained and killed civilians in 2021, which the army denies.",
                   dt.date(2026, 1, 20))
    assert modalities_of(found, "denies") == ["asserted"]


def test_past_clause_on_a_past_date_stays_background(events):
    found = events("The row dates back to 2021, when Kenya expelled the Somali ambassador.")
    assert "asserted" not in modalities_of(found, "expelled")
