"""Threats told without a threat word (issue 4, threat6).

Writers of every gold set code as 13 THREATEN, asserted, warnings that carry no act word of
the lexicon:

- a refusal to put up with what the other side does: "would never tolerate separatist
  activities", "will not stand idly by" (unnegated "tolerated dissent" is no event);
- what the other side will suffer, in a speaker's words: "those responsible will be held to
  account", "will face the full force of the law", "failure ... will have consequences",
  "any transfer ... would be met with further sanctions"; the speaker is the source (its
  state or body, as for other acts), the sufferer the target. A passive under "must"
  ("must be held accountable") asks someone to impose it: 10 REQUEST. The speaker's own
  side suffering ("we will face the consequences") and a plain report ("faced consequences")
  are no threat;
- a retaliation announced through the verb it completes ("will continue to respond to every
  act of aggression") or by a speaker's "we" ("We will respond firmly", a president);
- an act withheld until a condition that names no actor is met ("will not send an
  observation mission unless these conditions are met"); a vow of resolve ("will not rest
  until ...") withholds nothing.

Every test runs the full pipeline, with sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import events_with_evidence

PUBLISHED = dt.date(2026, 3, 2)


@pytest.fixture(scope="module")
def events(parley_nlp):
    def run(text: str):
        return [(e.plover.type, e.modality, e.source, e.target, span)
                for e, span in events_with_evidence(parley_nlp, text, PUBLISHED)]
    return run


def threats(found: list, words: str) -> list:
    return [f for f in found if f[0] == "THREATEN" and f[1] == "asserted" and words in f[4]]


# ------------------------------------------------------------------ refusing to tolerate


@pytest.mark.parametrize("text, words", [
    ("China warned on Sunday that it would never tolerate separatist activities by Taiwan.", "tolerate"),
    ("Egypt said it would not stand idly by if Ethiopia filled the dam.", "stand idly by"),
    ("The African Union will not stand by while the peace agreement is dismantled, Youssouf said.", "stand by"),
])
def test_refusing_to_tolerate_warns(events, text, words):
    assert threats(events(text), words)


def test_tolerating_is_no_event(events):
    found = events("The government tolerated the protests in the capital for a week, officials said.")
    assert not [f for f in found if "tolerat" in f[4]]


# ------------------------------------------------------------------ consequences warned of


@pytest.mark.parametrize("text, words", [
    ('"Those who attacked our soldiers will be held accountable," the Russian Defence Ministry said.',
     "held accountable"),
    ("Police chief David Misime said anyone who breaks the curfew will face the full force of the law.",
     "face the full force"),
    ("The EU said that failure to implement the reforms will have consequences for Serbia.", "have consequences"),
    ("The State Department has warned Moscow that any transfer of missile technology to Pyongyang "
     "would be met with further sanctions.", "met with further sanctions"),
])
def test_consequences_warned_of_are_a_threat(events, text, words):
    assert threats(events(text), words)


def test_the_sufferer_is_the_target(events):
    found = threats(events("Chinese ambassador Sun Weidong said Japan must bear all the consequences "
                           "if it interferes in the Taiwan question."), "bear all the consequences")
    assert found and found[0][3] == "JPN"


def test_sanction_under_must_is_a_demand(events):
    found = events('"Those who block aid convoys must be held accountable," UN envoy William O\'Neill said.')
    assert [f for f in found if f[0] == "REQUEST" and "held accountable" in f[4]]
    assert not threats(found, "held accountable")


@pytest.mark.parametrize("text", [
    '"We will face the consequences of this decision for years," the Finnish minister said.',
    "The company faced consequences for the leak, the regulator said.",
])
def test_own_fear_or_plain_report_is_no_threat(events, text):
    assert not [f for f in events(text) if f[0] == "THREATEN"]


# ------------------------------------------------------------------ retaliation announced


def test_retaliation_under_a_completing_verb(events):
    found = events('"Our forces will continue to respond to every act of aggression," '
                   "the Pakistani military said in a statement.")
    assert threats(found, "respond")


def test_a_leaders_we_retaliates_for_the_state(events):
    found = events('"We will respond firmly," President Lee Jae-myung said after the launch.')
    assert threats(found, "We will respond firmly")


# ------------------------------------------------------------------ acts withheld on a condition


def test_act_withheld_until_an_unnamed_condition(events):
    found = events("ASEAN will not send an election observation mission unless these conditions are met, "
                   "the statement said.")
    assert threats(found, "will not send")


def test_vow_of_resolve_is_no_threat(events):
    found = events('"We will not rest until the last of them is back," the Hostages Forum said.')
    assert not [f for f in found if f[0] == "THREATEN"]
