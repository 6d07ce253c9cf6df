"""Event targets, eighth round: targets told earlier in the article.

- a comma-set noun that sums up the clause before it ("..., a charge Lima denies", "..., a
  campaign Moscow condemned") is aimed at that clause's doer;
- a told act found through a word of another stem ("the measures" / "imposed") and, beyond
  the look-back window, in the lead, where news tells its main act;
- a side's stance on talks or a deal it is party to is aimed at the article's other side;
  a third party's stance on a joint deal names no side.

The coder is called directly (no reliability checks after it), so each test pins its own
rule. The sentences are the tests' own."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import actor_ids as _ids, coded_events, event_with as _event_with

PUBLISHED = dt.date(2025, 11, 3)

# sentences about something else, to push a told act out of the look-back window
FILLER = " ".join([
    "The river has flooded twice this year.",
    "Wheat prices rose in the spring.",
    "Farmers planted late because of the rain.",
    "Roads in the south remain closed.",
    "The harvest is expected in March.",
    "Schools reopened last week.",
])


@pytest.fixture(scope="module")
def code(parley_nlp):
    def run(text: str):
        return text, coded_events(parley_nlp, text, PUBLISHED)[1]
    return run


# -- a noun that sums up the clause before it ----------------------------------------------------

def test_a_charge_summing_up_an_accusation_is_aimed_at_the_accuser(code):
    events = code("Chile accuses Peru of arming smugglers on the border, a charge Lima denies.")
    denial = _event_with(events, "denies")
    assert _ids(denial.source) == ["PER"]
    assert _ids(denial.target) == ["CHL"]


def test_a_campaign_summing_up_an_act_is_aimed_at_its_doer(code):
    events = code("Norway has expelled hundreds of Russian fishermen, a campaign Moscow has condemned.")
    condemned = _event_with(events, "condemned")
    assert _ids(condemned.target) == ["NOR"]


def test_a_relative_clause_without_the_comma_is_no_summary(code):
    # the charge is a noun of its own here, not a summary of Chile's act
    text, events = code("Chile accuses Peru of arming smugglers on the border. "
                        + FILLER + " Lima rejected a charge that Bolivia repeated.")
    rejected = [e for e in events if "rejected" in text[e.evidence[0]:e.evidence[1]]]
    assert all("CHL" not in _ids(e.target) for e in rejected)


# -- told acts of another stem, and the lead ------------------------------------------------------

def test_measures_point_back_to_who_imposed_them_in_the_lead(code):
    events = code("Chile imposed tariffs on Argentine wheat on Monday. " + FILLER
                  + " Argentina condemned the measures.")
    condemned = _event_with(events, "condemned the measures")
    assert _ids(condemned.target) == ["CHL"]


def test_a_told_act_beyond_the_window_and_not_in_the_lead_names_no_one(code):
    events = code("The river has flooded again. Wheat prices rose. Chile imposed tariffs on Argentine "
                  "wheat on Monday. " + FILLER + " Argentina condemned the measures.")
    condemned = _event_with(events, "condemned the measures")
    assert _ids(condemned.target) == []


# -- joint acts ------------------------------------------------------------------------------------

def test_a_side_committed_to_the_talks_aims_at_the_other_side(code):
    text = ("Armenia and Azerbaijan held talks in Geneva on Monday. Armenia wants a border commission. "
            "Azerbaijan wants a new road. Armenia said it remained committed to the talks.")
    committed = _event_with(code(text), "remained committed")
    assert _ids(committed.target) == ["AZE"]


def test_a_third_party_welcoming_a_joint_deal_names_no_side(code):
    events = code("Serbia and Kosovo signed a trade agreement on Monday. Germany welcomed the agreement.")
    welcomed = _event_with(events, "welcomed")
    assert _ids(welcomed.target) == []
