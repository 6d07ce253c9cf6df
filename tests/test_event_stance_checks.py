"""Event precision round 2 (issue 4): stances and oaths coded as acts.

A verb of preference in the simple present ("favors a strongman approach") tells a leaning,
not an act; a verb of pledging over a finite clause with nothing ahead in it ("I swear he
better live") swears to a fact or voices a wish; a share coordinated with a subject ("Johnson
and 1 percent support Stein") is a poll result. Each test hands the checks a parsed sentence
of our own and an Event written by hand.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.event_checks import EventChecks
from tests.event_check_helpers import hand_event, reviewed, resolved_doc

PUBLISHED = dt.date(2024, 5, 14)
PERSON = ("Morales", "Ana Morales", "person")


@pytest.fixture(scope="module")
def checks():
    return EventChecks()


def _review(checks, nlp, text, actors, source, cameo, plover, part, target=None):
    doc = resolved_doc(nlp, text, actors, PUBLISHED)
    return reviewed(checks, doc, hand_event(text, source, cameo, plover, target=target, part=part))


def test_present_preference_is_a_leaning(checks, spacy_nlp):
    text = "Senator Morales favors a tougher approach to trade, her rival said."
    kept, dropped = _review(checks, spacy_nlp, text, {"m": PERSON}, "m", "051", "SUPPORT",
                            "Senator Morales favors a tougher approach to trade")
    assert not kept and "preference_stance" in dropped


def test_past_endorsement_stays_an_act(checks, spacy_nlp):
    text = "Senator Morales endorsed the trade bill on Tuesday."
    kept, _ = _review(checks, spacy_nlp, text, {"m": PERSON}, "m", "051", "SUPPORT", "endorsed the trade bill")
    assert kept


def test_oath_of_a_wish_is_no_pledge(checks, spacy_nlp):
    text = "Morales told reporters: I swear the bill passes this time."
    kept, dropped = _review(checks, spacy_nlp, text, {"m": PERSON}, "m", "030", "AGREE", "I swear the bill passes this time")
    assert not kept and "unbound_pledge" in dropped


@pytest.mark.parametrize("sentence,part", [
    ("Morales vowed that the government would lift the restrictions.", "vowed that the government would lift the restrictions"),
    ("Morales vowed to lift the restrictions within a year.", "vowed to lift the restrictions"),
    ("Morales promised that she is going to lift the restrictions.", "promised that she is going to lift the restrictions"),
])
def test_pledges_of_acts_ahead_stay(checks, spacy_nlp, sentence, part):
    kept, _ = _review(checks, spacy_nlp, sentence, {"m": PERSON}, "m", "030", "AGREE", part)
    assert kept


def test_share_coordinated_with_the_subject_is_a_poll(checks, spacy_nlp):
    # the parser hangs "Trump" and "Johnson and 1 percent" on "support" as its subjects
    text = ("Among likely voters in a four-way race, 46 percent would choose Clinton and 44 percent would back "
            "Trump, while 5 percent prefer Libertarian nominee Gary Johnson and 1 percent support the Green Party’s Jill Stein.")
    actors = {"j": ("Gary Johnson", "Gary Johnson", "person"), "s": ("Jill Stein", "Jill Stein", "person")}
    doc = resolved_doc(spacy_nlp, text, actors, PUBLISHED)
    kept, dropped = reviewed(checks, doc, hand_event(text, "j", "051", "SUPPORT", target="s", part="1 percent support the Green Party’s Jill Stein"))
    assert not kept and "poll_share" in dropped
