"""Precision rules of the event coder: only actors act, poll shares are no acts, guesses
are hypothetical, a resignation is RETREAT, object pronouns find their person."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import parsed


PUBLISHED = dt.date(2016, 10, 1)


@pytest.fixture(scope="module")
def code(parley_nlp):
    return lambda text: parsed(parley_nlp, text, PUBLISHED)._.events


def test_a_thing_does_not_demand(code):
    assert code("Gun violence is a problem that demands a bipartisan response.") == []


def test_poll_share_is_not_support(code):
    events = code("Trump has 44 percent, while 1 percent support the Green Party's Jill Stein.")
    assert all(e.plover.type != "SUPPORT" for e in events)


def test_perhaps_makes_a_guess(code):
    events = code("Perhaps the debate moderators will demand more details.")
    assert [e.modality for e in events] == ["hypothetical"]


def test_resignation_is_retreat(code):
    events = code("Debbie Wasserman Schultz resigned on Friday.")
    assert [e.plover.type for e in events] == ["RETREAT"]
