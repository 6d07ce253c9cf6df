"""Event modality, one mechanism for acts told as someone's claim.

The coder (``EventTiming.alleged``) reads every allegation: a verb or noun of alleging
over the act, a hearsay passive, an "alleged" modifier, a dispute after it, and (this file)
a claim the sentence itself calls false or unsupported ("wrongly said", "offered no
proof"), which a plain "said" does not make. Sentences written for these tests; the
full pipeline runs (coder and reliability checks)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import events_with_evidence, modalities_of

PUBLISHED = dt.date(2025, 10, 22)


@pytest.fixture(scope="module")
def events(parley_nlp):
    def run(text: str, published: dt.date = PUBLISHED):
        return events_with_evidence(parley_nlp, text, published)
    return run


def test_a_report_called_wrong_is_alleged(events):
    found = events("The ministry wrongly said Ukraine had attacked the convoy.")
    assert modalities_of(found, "attacked the convoy") == ["hypothetical"]


def test_a_report_given_without_proof_is_alleged(events):
    found = events("The ministry said Ukraine had attacked the convoy, but offered no proof.")
    assert modalities_of(found, "attacked the convoy") == ["hypothetical"]


def test_a_report_with_proof_stays_asserted(events):
    # near miss: "proof" offered, not absent
    found = events("The ministry said Ukraine had attacked the convoy and offered photographs as proof.")
    assert modalities_of(found, "attacked the convoy") == ["asserted"]


def test_a_plain_report_stays_asserted(events):
    found = events("The ministry said Ukraine had attacked the convoy.")
    assert modalities_of(found, "attacked the convoy") == ["asserted"]


def test_the_check_no_longer_reads_claims():
    # one mechanism: the reliability checks keep no second reading of disputed claims
    from parley.extract import event_checks

    assert not hasattr(event_checks, "_disputed_claim")
