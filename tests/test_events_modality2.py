"""Event modality, second round: background told with counted spans, acts that follow a dated
past act, whole months before the news, weeks as periods, and acts said to be impossible.

- "<n> weeks earlier" / "<n> years later" count an act from another past time: history
  ("said earlier" alone is today's news);
- a past act that follows an act dated before the news cycle lies in that past ("resigned
  after the junta seized power in 2021"), unlike one reaching the present ("has grown");
- "last month" is background even when the month ended days ago; "last week" within the
  news cycle is news (a week period ends on its Sunday);
- "will be unable to ... and accuse" negates the act and its conjuncts.

Every test runs the full pipeline (coder and reliability checks), with sentences written
for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import events_with_evidence

PUBLISHED = dt.date(2025, 10, 8)  # a Wednesday


@pytest.fixture(scope="module")
def events(parley_nlp):
    def run(text: str, published: dt.date = PUBLISHED):
        return events_with_evidence(parley_nlp, text, published)
    return run


def _modality(found, words: str) -> str:
    hits = [e.modality for e, span in found if words in span]
    assert hits, f"no event with {words!r} in {[s for _, s in found]}"
    return hits[0]


# ------------------------------------------------------------------ counted spans


def test_weeks_earlier_is_background(events):
    found = events("Oslo said on Monday that the envoy would stay home. Norway had recalled "
                   "its ambassador from Caracas weeks earlier.")
    assert _modality(found, "recalled") == "historical"


def test_years_later_is_background(events):
    found = events("The Malian junta expelled the French ambassador two years later.")
    assert _modality(found, "expelled") == "historical"


def test_days_later_stays_news(events):
    # near miss: a span of days is within the news cycle
    found = events("The Malian junta expelled the French ambassador two days later.")
    assert _modality(found, "expelled") == "asserted"


def test_bare_earlier_stays_news(events):
    # near miss: "earlier" with no span of time is earlier today
    found = events("Ghana's foreign minister met his Togolese counterpart earlier on Tuesday in Accra.")
    assert _modality(found, "met") == "asserted"


# ------------------------------------------------------------------ following a dated past act


def test_act_after_a_dated_past_act_is_background(events):
    found = events("The envoy resigned from the Ecuadorian government after Peru "
                   "expelled its diplomats in 2019.")
    assert _modality(found, "resigned") == "historical"


def test_act_after_a_recent_act_stays_news(events):
    # near miss: the act it follows is of the news cycle
    found = events("The envoy resigned from the Ecuadorian government after Peru "
                   "expelled its diplomats on Monday.")
    assert _modality(found, "resigned") == "asserted"


def test_perfect_after_a_dated_act_stays_news(events):
    # near miss: a present perfect reaches the present
    found = events("Germany has sent more aid to Ukraine after Russia invaded in 2022.")
    assert _modality(found, "sent more aid") == "asserted"


# ------------------------------------------------------------------ months and weeks


def test_last_month_is_background_even_days_after(events):
    found = events("Police in Chisinau said they arrested 40 protesters last month.",
                   published=dt.date(2025, 10, 2))
    assert _modality(found, "arrested") == "historical"


def test_this_month_stays_news(events):
    # near miss: the month is not over
    found = events("Police in Chisinau arrested 40 protesters this month.",
                   published=dt.date(2025, 10, 20))
    assert _modality(found, "arrested") == "asserted"


def test_last_week_within_the_news_cycle_is_news(events):
    # published on a Friday: last week ended five days ago
    found = events("The Kenyan navy carried out exercises off Somalia last week.",
                   published=dt.date(2025, 10, 10))
    assert _modality(found, "exercises") == "asserted"


# ------------------------------------------------------------------ impossible acts


def test_unable_negates_the_act_and_its_conjunct(events):
    found = events("Erdogan will be unable to visit Athens and sign the accord with Greece.")
    # the conjunct shares "unable": the signing is not going to happen either
    assert _modality(found, "sign the accord") == "negated"


def test_able_stays_future(events):
    # near miss: "able" is no negation
    found = events("Erdogan will be able to visit Athens next week, Ankara said.")
    assert _modality(found, "visit Athens") == "future"
