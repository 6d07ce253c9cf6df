"""Event modality and date, mod3 round: three general timing mechanisms.

- a dateline's date ("KYIV, Sept 22 - ") is when the story was filed: the parser hangs it on
  the first clause, but a date of the clause's own ("on April 30") dates the act;
- a simple past is an act already done: a later date on it ("called for protests next week")
  names what it is about, so the act is not future;
- a purpose infinitive ("will dispatch envoys to Juba to meet Kiir") is done when its
  governing act is, so it shares that act's modals and tense.

Every test runs the full pipeline, with sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import events_with_evidence, modalities_of

PUBLISHED = dt.date(2025, 9, 22)


@pytest.fixture(scope="module")
def events(parley_nlp):
    def run(text: str, published: dt.date = PUBLISHED):
        return events_with_evidence(parley_nlp, text, published)
    return run


def _dates_of(found: list, words: str) -> list:
    hits = [e.date for e, span in found if words in span]
    assert hits, f"no event with {words!r} in {[s for _, s in found]}"
    return hits


# ------------------------------------------------------------------ the dateline's date


def test_own_date_beats_the_dateline_date(events):
    found = events("KYIV/WASHINGTON, Sept 22 - When U.S. Treasury Secretary Scott Bessent and Ukraine's "
                   "then economy minister Yulia Svyrydenko signed the minerals agreement in Washington on April 30, the ceremony "
                   "took barely ten minutes.")
    # one event per signer: each is background, dated by its own clause
    assert set(modalities_of(found, "signed the minerals agreement")) == {"historical"}
    assert set(_dates_of(found, "signed the minerals agreement")) == {"2025-04-30"}


def test_dateline_date_alone_keeps_the_act_news(events):
    found = events("KYIV, Sept 22 - Ukraine signed a minerals agreement with the United States in Washington.")
    assert modalities_of(found, "signed a minerals agreement") == ["asserted"]


# ------------------------------------------------------------------ a later date on a done act


def test_past_call_for_next_weeks_protests_is_made_now(events):
    found = events("Armenian opposition parties said Pashinyan was conceding too much, "
                   "and called for street protests next week.")
    assert modalities_of(found, "called for street protests") == ["asserted"]


def test_future_date_on_an_unmade_act_stays_future(events):
    found = events("Armenian opposition parties will hold street protests next week.")
    assert modalities_of(found, "protests") == ["future"]


# ------------------------------------------------------------------ purpose clauses


def test_purpose_of_a_future_act_is_future(events):
    found = events("African Union Commission chairperson Mahmoud Ali Youssouf announced that he will dispatch "
                   "a delegation to Juba in the coming days to meet President Salva Kiir.")
    assert set(modalities_of(found, "to meet President Salva Kiir")) == {"future"}


def test_purpose_of_a_done_act_is_asserted(events):
    found = events("African Union Commission chairperson Mahmoud Ali Youssouf dispatched a delegation to Juba "
                   "on Sunday to meet President Salva Kiir.")
    assert modalities_of(found, "meet President Salva Kiir") == ["asserted"]
