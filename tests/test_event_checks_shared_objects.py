"""prec4: a verb coordinated before another shares its object ("shot and killed Crutcher"),
so an event of the first verb with no target leaves a named target out."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.event_checks import EventChecks
from tests.event_check_helpers import hand_event, resolved_doc, reviewed


@pytest.fixture(scope="module")
def checks():
    return EventChecks()


ACTORS = {"shelby": ("Shelby", "Betty Shelby", "person"), "crutcher": ("Crutcher", "Terence Crutcher", "person")}


def test_first_of_two_verbs_shares_the_named_object(checks, spacy_nlp):
    text = "Officer Shelby, who shot and killed Terence Crutcher in Tulsa, was charged on Thursday."
    doc = resolved_doc(spacy_nlp, text, ACTORS, dt.date(2016, 9, 25))
    kept, dropped = reviewed(checks, doc, hand_event(text, "shelby", "193", "ASSAULT", part="who shot"))
    assert not kept and dropped == {"named_target_missing"}
    kept, _ = reviewed(checks, doc, hand_event(text, "shelby", "193", "ASSAULT", target="crutcher", part="who shot"))
    assert len(kept) == 1


def test_a_conjunct_with_its_own_subject_shares_nothing(checks, spacy_nlp):
    text = "Shelby refused to comment, and Crutcher's family accused Tulsa of a cover-up."
    doc = resolved_doc(spacy_nlp, text, ACTORS, dt.date(2016, 9, 25))
    kept, _ = reviewed(checks, doc, hand_event(text, "shelby", "120", "REJECT", part="refused to comment"))
    assert len(kept) == 1
