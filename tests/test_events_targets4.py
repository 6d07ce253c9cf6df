"""Event targets, fifth round: whom an act is aimed at when the sentence names another party
next to the target. A preference's rival ("backs A over B"), a complaint's audience ("complained
to the UN over Israeli raids"), a written appeal's addressee ("in a letter to the State
Department"), and the one a claimed accusation is about ("filed a complaint, claiming that X").

The coder is called directly (no reliability checks after it), so each test pins its own rule.
The sentences are the tests' own."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import actor_ids as _ids, event_coder, of_root as _by_root

PUBLISHED = dt.date(2025, 10, 8)


@pytest.fixture(scope="module")
def code(parley_nlp):
    return event_coder(parley_nlp, PUBLISHED)


# -- "backs A over B": B is passed over, not supported -----------------------------------------

def test_rival_after_over_is_no_target(code):
    [support] = _by_root(code("Norman Ham explained why he backs Trump over Democratic nominee Hillary Clinton."), "05")
    assert _ids(support.target) == ["donald-trump"]


def test_plain_support_keeps_both_objects(code):
    # near miss: two supported sides joined by "and" are both targets
    [support] = _by_root(code("Germany backs Ukraine and Moldova in their bids to join the bloc."), "05")
    assert sorted(_ids(support.target)) == ["MDA", "UKR"]


# -- a complaint is aimed at the one complained about, not at its audience ---------------------

def test_complaint_to_a_body_over_an_actors_raids(code):
    [complaint] = _by_root(code("Lebanon complained to the United Nations on Tuesday over two Israeli air raids."), "11")
    assert _ids(complaint.target) == ["ISR"]


def test_complaint_to_a_body_without_grievance_keeps_the_body(code):
    # near miss: no reason phrase names anyone, so the body complained to stays the target
    [complaint] = _by_root(code("Lebanon complained to the United Nations on Tuesday."), "11")
    assert _ids(complaint.target) == ["un"]


def test_sanction_over_a_reason_keeps_its_target(code):
    # near miss: the grievance rule is for disapproval only; a sanction's "over" is its reason
    [sanction] = _by_root(code("The European Union imposed sanctions on Iran over its drone deliveries to Russia."), "16")
    assert _ids(sanction.target) == ["IRN"]


# -- a written appeal is aimed at its addressee -------------------------------------------------

def test_request_in_a_letter_to_a_department(code):
    [request] = _by_root(code("The senators asked for the documents in a letter to the State Department on Monday."), "02")
    assert _ids(request.target) == ["usa-foreign-ministry"]


def test_request_without_an_addressee_has_no_target(code):
    # near miss: the same request sent to no one named is aimed at no one
    [request] = _by_root(code("The senators asked for the documents on Monday."), "02")
    assert _ids(request.target) == []


def test_accusation_in_a_letter_is_not_aimed_at_the_addressee(code):
    # near miss: an accusation sent to a body tells that body; the letter names no target
    events = _by_root(code("The rebel leadership, in a letter to the African Union, accused federal "
                           "authorities of interfering in the region's affairs."), "11")
    assert all("au" not in _ids(e.target) and "african-union" not in _ids(e.target) for e in events)


# -- "filed a complaint, claiming that X ...": the complaint is against X -----------------------

def test_claimed_subject_is_the_target_of_a_complaint(code):
    [complaint] = _by_root(code("The Republican National Committee is filing a complaint with the oversight board, "
                                "claiming that Hillary Clinton aide Cheryl Mills had a conflict of interest."), "11")
    assert _ids(complaint.target) == ["new:person:cheryl-mills"]
