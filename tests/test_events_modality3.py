"""Event modality, third round: rules narrowed to what English grammar marks.

- a verb joined by "and" shares the auxiliary and negation of the verb before it only when
  it has none of its own: "did not oppose the plan and would send troops" does not negate
  the sending (it keeps its own "would");
- a past perfect in a relative clause on an actor is background, also when the act hangs
  on it through a control verb ("whose envoys had tried to mediate");
- "earlier this year" / "earlier this month" put an act before now within a period still
  running: background; "earlier this week" is the news cycle.

Every test runs the full pipeline (coder and reliability checks), with sentences written
for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import events_with_evidence, modalities_of

PUBLISHED = dt.date(2025, 10, 22)  # a Wednesday, late in the month


@pytest.fixture(scope="module")
def events(parley_nlp):
    def run(text: str, published: dt.date = PUBLISHED):
        return events_with_evidence(parley_nlp, text, published)
    return run


# ------------------------------------------------------------------ shared auxiliaries


def test_conjunct_with_own_modal_keeps_it(events):
    found = events("Chad said it did not oppose the plan and would send troops to Niger.")
    # the sending lies ahead; the negation of "oppose" must not make it a refusal
    assert "future" in modalities_of(found, "send troops")
    assert not [e for e, span in found if "send troops" in span and e.cameo.startswith("12")]


def test_conjunct_without_auxiliary_shares_negation(events):
    # the bare conjunct shares "will not" (the first act becomes a refusal, asserted)
    found = events("Chad will not send troops to Niger and deploy police there.")
    assert modalities_of(found, "deploy police") == ["negated"]


# ------------------------------------------------------------------ past perfect relatives


def test_past_perfect_relative_through_control_verb_is_background(events):
    found = events("Norway, whose envoys had tried to mediate between Colombia and the ELN, "
                   "welcomed the talks on Tuesday.")
    assert "historical" in modalities_of(found, "mediate")


def test_simple_past_relative_stays_news(events):
    # near miss: no perfect, no date: the day's news may be told in a relative clause
    found = events("Norway, which mediated between Colombia and the ELN on Tuesday, "
                   "welcomed the outcome.")
    assert "historical" not in modalities_of(found, "mediated")


# ------------------------------------------------------------------ earlier this year


def test_earlier_this_year_is_background(events):
    found = events("Rebels seized the border town of Kamanyola earlier this year.")
    assert modalities_of(found, "seized") == ["historical"]


def test_earlier_this_month_is_background(events):
    found = events("Kenya expelled two Somali diplomats earlier this month.")
    assert modalities_of(found, "expelled") == ["historical"]


def test_earlier_this_week_stays_news(events):
    found = events("Kenya expelled two Somali diplomats earlier this week.")
    assert modalities_of(found, "expelled") == ["asserted"]


def test_this_year_without_earlier_is_not_history(events):
    # near miss: "this year" alone may be the news or ahead of it
    found = events("Kenya will expel two Somali diplomats this year.")
    assert "historical" not in modalities_of(found, "expel")
