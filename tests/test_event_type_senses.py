"""Event types that several gold writers agree on: lifting sanctions is a concession
(CONCEDE), ordering a mission's staff out is an expulsion (SANCTION), boycotting talks halts
them (SANCTION), signing a memorandum of understanding is an agreement (AGREE), "called X
'...'" names and calls no one, and "would take all necessary measures" is a threat.

Every test runs the full pipeline (coder and reliability checks), with sentences written
for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import events_with_evidence, plover_types

PUBLISHED = dt.date(2025, 10, 8)


@pytest.fixture(scope="module")
def events(parley_nlp):
    def run(text: str, published: dt.date = PUBLISHED):
        return events_with_evidence(parley_nlp, text, published)
    return run


def test_lifting_sanctions_is_a_concession(events):
    found = events("The United States lifted sanctions on Belarus on Tuesday after the prisoner release.")
    assert "CONCEDE" in plover_types(found) and "RETREAT" not in plover_types(found)


def test_release_of_prisoners_stays_a_retreat(events):
    found = events("Belarus released 52 prisoners on Tuesday.")
    assert "RETREAT" in plover_types(found)


def test_ordering_embassy_staff_out_is_an_expulsion(events):
    found = events("Algeria on Wednesday ordered 15 French embassy and consular staff to leave the country within 48 hours.")
    assert "SANCTION" in plover_types(found) and "REQUEST" not in plover_types(found)


def test_boycotting_a_meeting_halts_talks(events):
    found = events("The Kanak and Socialist National Liberation Front said on Wednesday it will boycott today's meeting with France.")
    assert "SANCTION" in plover_types(found)
    assert "PROTEST" not in plover_types(found)
    assert "THREATEN" not in plover_types(found)  # set for the day of the news: the act is told, not announced


def test_signing_a_memorandum_is_an_agreement(events):
    found = events("Russia's Rosatom signed a memorandum of understanding with Niger on Tuesday on uranium projects.")
    assert "AGREE" in plover_types(found) and "SUPPORT" not in plover_types(found)


def test_signing_a_treaty_stays_support(events):
    found = events("Kyrgyzstan and Tajikistan signed the state border treaty in Bishkek on Tuesday.")
    assert "SUPPORT" in plover_types(found)


def test_called_with_a_quoted_name_is_no_phone_call(events):
    found = events("Israel's army called the Houthi seizure of the ship \u201ca very grave incident of global consequence\u201d on Tuesday.")
    assert "CONSULT" not in plover_types(found)


def test_phone_call_still_a_call(events):
    found = events("Turkish President Recep Tayyip Erdogan called Russian President Vladimir Putin on Tuesday, the Kremlin said.")
    assert "CONSULT" in plover_types(found)


def test_taking_all_necessary_measures_is_a_threat(events):
    found = events("China's commerce ministry said on Tuesday it would \"take all necessary measures\" to defend "
                   "the interests of Chinese companies after the European Union imposed tariffs.")
    threats = [e for e, _ in found if e.plover.type == "THREATEN"]
    assert threats
    assert not [e for e, ev in found if e.plover.type == "AGREE" and "measures" in ev]


def test_measures_taken_are_no_threat(events):
    found = events("China's central bank took measures to curb inflation on Tuesday.")
    assert "THREATEN" not in plover_types(found)
