"""Event modality on new writers: background told with background, conditional offers.

- an undated past act told inside a time or describing clause of a dated older act shares
  its time ("freed in December after the US lifted sanctions", "the Declaration of December
  2023, in which both pledged ...", "shut the border in September during exercises held by
  Russia"): historical, with that date; a recent or present governing clause keeps it news;
- "has since deported" counts the act from the last time told before it: from one before the
  news the act is background, from a recent one it is news;
- a statement of intent states its condition as its content: "is ready to ease sanctions if
  the momentum continues" is an offer made now (asserted); "could ... if" stays possible;
- a date after "of" names a thing ("the Declaration of December 2023"), not the act's time.

Sentences written for these tests; the full pipeline runs (coder and reliability checks)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import events_with_evidence


@pytest.fixture(scope="module")
def events(parley_nlp):
    def run(text: str, published: dt.date):
        return events_with_evidence(parley_nlp, text, published)
    return run


def _of(found, words: str) -> list:
    hits = [e for e, span in found if words in span]
    assert hits, f"no event with {words!r} in {[s for _, s in found]}"
    return hits


# ------------------------------------------------------------------ clauses of a dated past act

def test_act_in_time_clause_of_older_act_is_background(events):
    found = events("Belarus freed 120 prisoners in December after the United States lifted sanctions "
                   "on Belarusian potash.", dt.date(2026, 2, 18))
    lifted = _of(found, "lifted sanctions")
    assert [e.modality for e in lifted] == ["historical"]
    assert [e.date for e in lifted] == ["2025-12"]


def test_act_in_time_clause_of_recent_act_stays_news(events):
    found = events("Belarus freed 120 prisoners on Tuesday after the United States lifted sanctions "
                   "on Belarusian potash.", dt.date(2026, 2, 18))
    assert {e.modality for e in _of(found, "lifted sanctions")} == {"asserted"}


def test_act_described_on_a_dated_document_is_background(events):
    found = events("The EU urged Venezuela to honour the Argyle Declaration of December 2023, in which "
                   "Venezuela and Guyana pledged not to use force against one another.", dt.date(2025, 9, 16))
    assert {e.modality for e in _of(found, "pledged not to use force")} == {"historical"}
    # the date names the declaration: the urging is today's news
    assert {e.modality for e in _of(found, "urged Venezuela")} == {"asserted"}


def test_act_described_on_an_undated_document_stays_news(events):
    found = events("The EU urged Venezuela to honour the declaration, in which Venezuela and Guyana "
                   "pledged not to use force against one another.", dt.date(2025, 9, 16))
    assert "historical" not in {e.modality for e in _of(found, "pledged not to use force")}


def test_act_in_phrase_of_older_act_is_background(events):
    found = events("Poland shut the border for two weeks in September during military exercises held "
                   "by Russia and Belarus.", dt.date(2025, 10, 1))
    assert {e.modality for e in _of(found, "held by Russia")} == {"historical"}


def test_act_in_phrase_of_recent_act_stays_news(events):
    found = events("Poland shut the border on Monday during military exercises held by Russia and Belarus.",
                   dt.date(2025, 10, 1))
    assert "historical" not in {e.modality for e in _of(found, "held by Russia")}


def test_offer_described_on_a_scheduled_meeting_stays_news(events):
    # a present clause ("is scheduled for September") governs: told now, whatever the date
    found = events("The next round of talks is scheduled for September in Accra, which Ghana has offered to host.",
                   dt.date(2025, 7, 29))
    assert "historical" not in {e.modality for e in _of(found, "offered to host")}


# ------------------------------------------------------------------ "has since"

def test_since_an_older_time_is_background(events):
    found = events("Talks between Pakistan and Afghanistan collapsed in November. Pakistan has since "
                   "deported tens of thousands of Afghan refugees.", dt.date(2026, 1, 14))
    assert {e.modality for e in _of(found, "has since deported")} == {"historical"}


def test_since_a_recent_time_is_news(events):
    found = events("Talks between Pakistan and Afghanistan collapsed last Thursday. Pakistan has since "
                   "deported tens of thousands of Afghan refugees.", dt.date(2026, 1, 14))
    assert {e.modality for e in _of(found, "has since deported")} == {"asserted"}


# ------------------------------------------------------------------ conditional offers

def test_conditional_readiness_is_an_offer_made_now(events):
    found = events("The US envoy told reporters that Washington is ready to ease sanctions on Belarus "
                   "if the momentum continues.", dt.date(2026, 2, 18))
    assert {e.modality for e in _of(found, "ready to ease") if e.cameo.startswith("03")} == {"asserted"}


def test_conditional_possibility_stays_hypothetical(events):
    found = events("The US envoy told reporters that Washington could ease sanctions on Belarus "
                   "if the momentum continues.", dt.date(2026, 2, 18))
    assert "hypothetical" in {e.modality for e in _of(found, "could ease")}
