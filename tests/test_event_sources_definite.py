"""Event sources named by a definite description ("the bloc", "the group", "his country"):
resolved as the quotes' speaker resolver resolves the same phrase, only when one actor of the
fitting kind is in view; reported by a speaker of that body, the act is the speaker's."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import parsed

PUBLISHED = dt.date(2025, 3, 4)


@pytest.fixture(scope="module")
def code(parley_nlp):
    return lambda text: parsed(parley_nlp, text, PUBLISHED)._.events


def _sources(events, plover):
    return [e.source for e in events if e.plover.type == plover]


def test_the_bloc_is_the_union_named_before(code):
    events = code("The European Union met in Brussels on Monday to discuss the war.\n\n"
                  "The bloc is preparing new sanctions against Russia.")
    assert _sources(events, "SANCTION") == ["eu"]


def test_the_group_is_the_armed_group_named_before(code):
    events = code("Hamas fighters attacked an army post on Sunday.\n\n"
                  "The group rejected a ceasefire proposal from Egypt on Monday.")
    assert "hamas" in _sources(events, "REJECT")


def test_the_group_with_two_groups_in_view_is_left_unresolved(code):
    events = code("Hamas and Islamic Jihad fighters attacked an army post on Sunday.\n\n"
                  "The group rejected a ceasefire proposal from Egypt on Monday.")
    assert not {"hamas", "palestinian-islamic-jihad"} & set(_sources(events, "REJECT"))


def test_a_spokesman_telling_of_his_group_leaves_the_group_the_source(code):
    events = code("A senior Hamas official, Basem Naim, said the group had agreed to the deal.")
    assert _sources(events, "AGREE") == ["hamas"]


def test_his_country_outside_a_statement_is_the_persons_country(code):
    events = code("British Foreign Secretary David Lammy spoke in London on Monday. "
                  "His country has imposed sanctions on Iran.")
    assert _sources(events, "SANCTION") == ["GBR"]


def test_parties_a_joint_statement_names_are_not_its_authors(code):
    events = code("The Red Cross said the parties had agreed to a truce.")
    assert "icrc" not in _sources(events, "AGREE")
