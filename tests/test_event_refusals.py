"""Refusals and the dates that set their modality (issue 4).

- a stance verb negated ("would not accept ultimatums", "does not recognise the debt",
  "will not agree to any arrangement", "will not sign any text") is a refusal made now: 12
  REJECT, asserted; a report of what did not happen ("did not sign") stays negated, and
  unnegated "accepted the resignation" is no event;
- a refusal on an "unless" condition ("would not withdraw unless ...") is an ultimatum, 13
  THREATEN, as the gold writers code it;
- a refusal told in a statement made months before ("told parliament in July that ...") is
  historical;
- a month of an act someone committed to ("had agreed to meet again in May") is the nearest
  such month, which may lie after publication; the act of agreeing stays news.

Every test runs the full pipeline, with sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.dates import extract_dates
from tests.pipeline_helpers import events_with_evidence

PUBLISHED = dt.date(2026, 4, 16)


@pytest.fixture(scope="module")
def events(parley_nlp):
    def run(text: str, published: dt.date = PUBLISHED):
        return [(e.plover.type, e.modality, span) for e, span in events_with_evidence(parley_nlp, text, published)]
    return run


def coded(found: list, words: str) -> list[tuple[str, str]]:
    hits = [(kind, modality) for kind, modality, span in found if words in span]
    assert hits, f"no event with {words!r} in {found}"
    return hits


# ------------------------------------------------------------------ stance verbs negated


@pytest.mark.parametrize("text, words", [
    ("Kremlin spokesman Dmitry Peskov said Moscow would not accept ultimatums from a neighbour.",
     "would not accept ultimatums"),
    ("The European Union said it will not recognise the outcome of any such vote.", "will not recognise"),
    ("Moldova does not recognise the claimed debt, the government said.", "does not recognise"),
    ("The government said Chisinau will not agree to any arrangement that links gas supplies to the debt.",
     "will not agree"),
    ("Trade minister Piyush Goyal said India will not sign any text that hurts its fishers.", "will not sign"),
])
def test_negated_stance_is_a_refusal_made_now(events, text, words):
    assert coded(events(text), words) == [("REJECT", "asserted")]


def test_unnegated_accept_of_any_thing_is_no_agreement(events):
    found = events("Prime Minister Keir Starmer accepted the resignation of the ambassador on Monday.")
    assert not [f for f in found if f[0] in ("AGREE", "REJECT")]


def test_a_treaty_not_signed_stays_negated(events):
    found = events("Egypt and Sudan invoke the 1959 treaty, which Ethiopia did not sign.")
    assert coded(found, "did not sign") == [("SUPPORT", "negated")]


# ------------------------------------------------------------------ refusals on a condition


@pytest.mark.parametrize("text, words", [
    ("The M23 said they would not withdraw unless Kinshasa disbanded the Wazalendo militias.", "would not withdraw"),
    ("The truckers said they will not lift their blockades unless the government repeals the decree.",
     "will not lift"),
])
def test_refusal_unless_the_other_side_acts_is_a_threat(events, text, words):
    assert coded(events(text), words) == [("THREATEN", "asserted")]


# ------------------------------------------------------------------ time of the refusal


def test_refusal_told_months_ago_is_historical(events):
    found = events('Ethiopian Prime Minister Abiy Ahmed told parliament in July that Addis Ababa would never '
                   'accept "a colonial-era quota".', dt.date(2025, 10, 20))
    assert coded(found, "would never accept") == [("REJECT", "historical")]


# ------------------------------------------------------------------ months of committed acts


@pytest.mark.parametrize("text, published, value", [
    ("A government source said the two sides had agreed to meet again in Tokyo in May.", PUBLISHED, "2026-05"),
    ("The minister had promised to withdraw the troops by March.", dt.date(2025, 6, 12), "2025-03"),
    ("The ministers met in Tokyo in May.", PUBLISHED, "2025-05"),
])
def test_month_of_a_committed_act_is_the_nearest(spacy_nlp, text, published, value):
    doc = spacy_nlp(text)
    assert [d.value for d in extract_dates(doc, published)] == [value]


def test_agreement_to_meet_next_month_stays_news(events):
    found = events("A Japanese government source told NHK that Japan and China had agreed to meet again in "
                   "Tokyo in May.")
    modalities = {modality for kind, modality in coded(found, "agreed to meet again")}
    assert "historical" not in modalities
