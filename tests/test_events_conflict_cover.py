"""Coverage of the conflict roots (13-20) on new writers' wording (issue 4).

- a future or hypothetical clause set on a condition another side must meet is a threat
  (130) even with no threat word; so is a retaliation announced ("would respond");
- an exchange of fire is fighting both ways; closing a border is a reduction of relations
  (SANCTION); crowds taking to the streets protest; police sent somewhere are mobilised;
  a state of emergency extended coerces; deporting refugees is coercion, not mass violence.

Each test has a contrast that must stay uncoded. Sentences are written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import actor_ids, coded_with_evidence

PUBLISHED = dt.date(2025, 10, 22)


@pytest.fixture(scope="module")
def coded(parley_nlp):
    def run(text: str):
        return coded_with_evidence(parley_nlp, text, PUBLISHED)
    return run


def _plovers(found) -> set[str]:
    return {e.plover.type for e, _ in found}


def _of(found, plover: str) -> list:
    return [e for e, _ in found if e.plover.type == plover]


def test_conditional_refusal_is_a_threat(coded):
    found = coded("The Estonian foreign minister said Tallinn would not reopen the border unless Moscow "
                  "returned the detained guard.")
    threats = _of(found, "THREATEN")
    assert threats, found
    assert "RUS" in actor_ids(threats[0].target)


def test_condition_on_own_side_is_no_threat(coded):
    found = coded("Finland said it would host the talks if it received a formal request.")
    assert "THREATEN" not in _plovers(found), found


def test_retaliation_announced_is_a_threat(coded):
    found = coded("A Kremlin spokesman said Moscow would retaliate in kind.")
    assert _of(found, "THREATEN"), found


def test_answer_to_questions_is_no_threat(coded):
    found = coded("The Chilean ministry will respond to questions from reporters on Friday.")
    assert "THREATEN" not in _plovers(found), found


def test_question_about_a_reply_is_no_threat(coded):
    found = coded("The Moroccan government did not say whether it would reciprocate.")
    assert "THREATEN" not in _plovers(found), found


def test_person_planning_a_reply_is_no_threat(coded):
    found = coded("Senator Elizabeth Warren said she would respond to the attacks in her speech.")
    assert "THREATEN" not in _plovers(found), found


def test_exchange_of_fire_is_fighting_both_ways(coded):
    found = coded("Armenia and Azerbaijan exchanged fire along their border on Monday.")
    assert len(_of(found, "ASSAULT")) == 2, found


def test_exchanging_views_is_no_fighting(coded):
    found = coded("India and China exchanged views on trade on Monday.")
    assert "ASSAULT" not in _plovers(found), found


def test_closing_a_border_is_a_sanction(coded):
    found = coded("Kyrgyzstan closed the main crossing with Tajikistan on Tuesday.")
    assert _of(found, "SANCTION"), found


def test_closing_a_factory_is_no_sanction(coded):
    found = coded("Kyrgyzstan closed the main cement factory on Tuesday.")
    assert "SANCTION" not in _plovers(found), found


def test_crowds_taking_to_the_streets_protest(coded):
    found = coded("Thousands of Kenyan protesters took to the streets of Nairobi on Sunday.")
    assert _of(found, "PROTEST"), found


def test_police_sent_are_mobilised_without_a_threat(coded):
    found = coded("Spain will deploy extra police officers on the southern coast, the interior minister said.")
    assert _of(found, "MOBILIZE"), found
    assert "THREATEN" not in _plovers(found), found


def test_state_of_emergency_extended_coerces(coded):
    found = coded("Peruvian President Dina Boluarte extended a state of emergency in Lima on Tuesday.")
    assert _of(found, "COERCE"), found


def test_deporting_refugees_is_coercion(coded):
    found = coded("Iran has deported tens of thousands of Afghan refugees since March.")
    assert _of(found, "COERCE"), found
    assert "ASSAULT" not in _plovers(found), found
