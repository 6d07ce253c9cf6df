"""Demand addressees and the party's own state (issue 5, addressees), with sentences written
for these tests.

- a rebel group's demand put to a leader's government ("Petro's government") is addressed to
  the leader's state, which is not the rebels' own side;
- a body the KB gives a country but no sector, whose name calls it an organ of the state
  ("the Philippine Department of Foreign Affairs"), never addresses its own state when a
  refusal's addressee is guessed from the story.
"""

from __future__ import annotations

import datetime as dt

from tests.pipeline_helpers import only_demand as _only

PUBLISHED = dt.date(2025, 6, 2)


def test_rebels_call_on_a_leaders_government_addresses_the_state(parley_nlp):
    text = ("Colombia's ELN rebel group on Sunday called on President Gustavo Petro's government to resume "
            "peace negotiations that were suspended in January.")
    d = _only(parley_nlp, text, "resume peace negotiations")
    assert d.addressee == "COL"


def test_state_body_named_by_its_country_does_not_address_its_state(parley_nlp):
    text = ("Chinese coast guard vessels fired water cannon at two Philippine boats near the shoal on Monday, "
            "Manila said. China said the Philippines had intruded into its waters.\n\n"
            "\"We will not be intimidated into abandoning our fishermen,\" the Philippine Department of "
            "Foreign Affairs said.")
    d = _only(parley_nlp, text, "abandoning our fishermen")
    assert d.addressee != "PHL"
