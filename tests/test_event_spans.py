"""Which clause an event is, and which reading of one clause is kept.

An event's evidence is its own clause: a relative or participle clause set off by commas on
its subject or object tells another fact and is left out ("Trump, who had pressed allies
..., praised the deal"); a verb reached through a coordinated verb begins there ("... but
failed to agree"). Announced support is told once, as the intent. A speaker's verdict on
another side ("the legislature is 'illegitimate'") is a criticism. A denial told in a
relative clause on an accusation's noun ("a charge Paris has rejected") is its own act. Two
acts of one speaker told side by side in one sentence stay two.

Sentences are written for these tests; the full pipeline runs (coder and checks)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import events_with_evidence

PUBLISHED = dt.date(2025, 6, 25)


@pytest.fixture(scope="module")
def events(parley_nlp):
    def run(text: str):
        return events_with_evidence(parley_nlp, text, PUBLISHED)
    return run


def _of(found, kind):
    return [(e, span) for e, span in found if e.plover.type == kind]


def test_subject_relative_clause_left_out_of_evidence(events):
    found = events("Donald Trump, who had lobbied European capitals for months, praised the agreement as a big win.")
    support = _of(found, "SUPPORT")
    assert support, found
    assert all("lobbied" not in span for _, span in support)
    assert support[0][1].startswith("praised")


def test_object_relative_clause_left_out_of_evidence(events):
    found = events("The meeting was brokered by the United Arab Emirates, which has hosted several rounds of talks.")
    consult = [(e, span) for e, span in found if e.cameo.startswith("04") and "brokered" in span]
    assert consult, found
    assert all("hosted" not in span for _, span in consult)


def test_restrictive_relative_clause_stays(events):
    found = events("Sudanese army chief Abdel Fattah al-Burhan said he was ready to sign an agreement that protects civilians.")
    assert any("protects civilians" in span for _, span in found), found


def test_verb_after_coordinated_verb_starts_there(events):
    found = events("Sudan's army and the Rapid Support Forces have committed to protect civilians, "
                   "but failed to agree on a ceasefire after two weeks of talks in Jeddah.")
    agree = [(e, span) for e, span in found if "agree" in span]
    assert agree, found
    assert all(span.startswith("failed") for _, span in agree)


def test_announced_support_is_the_intent_only(events):
    found = events("Chinese Premier Li Qiang said China would support a G20 framework on critical minerals.")
    assert _of(found, "AGREE"), found
    assert not _of(found, "SUPPORT"), found


def test_verdict_in_a_statement_is_criticism(events):
    found = events("Japanese Prime Minister Shigeru Ishiba said North Korea's repeated launches were unacceptable.")
    accuse = _of(found, "ACCUSE")
    assert accuse, found
    assert "unacceptable" in accuse[0][1]


def test_generic_principle_is_no_verdict(events):
    found = events("IAEA chief Rafael Grossi said any attack on a nuclear power plant is unacceptable.")
    assert not _of(found, "ACCUSE"), found


def test_negated_verdict_is_no_criticism(events):
    found = events("Japanese Prime Minister Shigeru Ishiba said the launches were not illegal.")
    assert not _of(found, "ACCUSE"), found


def test_speaker_own_side_is_no_verdict(events):
    found = events("Russian Foreign Minister Sergei Lavrov said: \"We are not the aggressor, and this is not a crime.\"")
    assert not [e for e, span in _of(found, "ACCUSE") if "aggressor" in span], found


def test_denial_in_relative_clause_on_the_charge(events):
    found = events("Mali's junta accused France of arming the rebels in the north, "
                   "a charge that Paris has rejected as absurd.")
    assert _of(found, "REJECT"), found


def test_two_appeals_in_one_sentence_stay_two(events):
    found = events("UN Secretary-General Antonio Guterres urged all parties to respect international law "
                   "and called on member states to fund the mission.")
    requests = _of(found, "REQUEST")
    assert len(requests) >= 2, found
