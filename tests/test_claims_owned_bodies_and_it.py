"""Who claims a figure, session claim3: a body named with its owner, "it" standing for a body,
and a body named "X of Y" as the subject coreference takes back. Every sentence is invented
for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.claims import ClaimExtractor

from tests.pipeline_helpers import claim_with_actors

PUBLISHED = dt.date(2025, 3, 1)


@pytest.fixture(scope="module")
def extractor():
    return ClaimExtractor()


def claim_at(nlp, extractor, text: str, figure: str):
    return claim_with_actors(nlp, extractor, text, figure, PUBLISHED)


@pytest.mark.parametrize("text, figure, body", [
    # the owner hangs on the body by "of" (its acronym in brackets too)
    ("The health ministry of the Tripoli-based Government of National Unity (GNU) said nine people "
     "had died in the clashes.", "nine people", "The health ministry"),
    # a demonym opens the body's proper name
    ("Freedonia holds deposits of 22 of the 34 minerals the bloc classifies as critical, according "
     "to the Ukrainian Geological Survey.", "22 of the 34 minerals", "the Ukrainian Geological Survey"),
    # a claim noun after the body: the body counts
    ("Algerian customs figures show cross-border trade fell by nearly 40 percent last year.",
     "nearly 40 percent", "Algerian customs"),
])
def test_a_body_named_with_its_owner_claims_under_its_own_name(parley_nlp, extractor, text, figure, body):
    claim, actors = claim_at(parley_nlp, extractor, text, figure)
    assert claim.claimant_name == body
    assert claim.claimant is not None  # the owner stays the actor the claim is tied to


def test_a_complement_naming_no_actor_stays_in_the_body_name(parley_nlp, extractor):
    claim, _ = claim_at(parley_nlp, extractor, "The Ministry of Defence said 14 soldiers were wounded in the attack.",
                        "14 soldiers")
    assert claim.claimant_name != "The Ministry"


def test_it_as_the_subject_of_a_verb_of_saying_is_the_body_before(parley_nlp, extractor):
    text = ("The International Organization for Migration estimated in 2022 that about one million "
            "people had fled their homes; it now says roughly 600,000 remain displaced, and that a new "
            "wave of attacks in southern districts forced between 80,000 and 100,000 people to flee.")
    claim, _ = claim_at(parley_nlp, extractor, text, "between 80,000 and 100,000")
    assert claim.claimant == "iom"


def test_it_announcing_a_sum_makes_no_claim_of_it(parley_nlp, extractor):
    text = ("The EU remains committed to the sovereignty of Guyana. It announces today €2 million in "
            "additional humanitarian assistance for the displaced.")
    claim, _ = claim_at(parley_nlp, extractor, text, "€2 million")
    assert claim.claimant is None


def test_it_inside_a_named_speakers_report_is_that_speaker(parley_nlp, extractor):
    text = ("Amnesty International says it has recorded at least 29 unlawful killings of civilians by "
            "security forces this year.")
    claim, actors = claim_at(parley_nlp, extractor, text, "at least 29")
    assert actors[claim.claimant].name == "Amnesty International"


def test_it_said_takes_back_a_body_named_x_of_y_as_the_subject_before(parley_nlp, extractor):
    text = ("The Border Guard said the vessel's anchor had been dragged along the seabed. The National "
            "Bureau of Investigation is investigating the incident as aggravated criminal mischief. "
            "Eight crew members have been banned from leaving the country, and two of them have been "
            "detained, it said.")
    claim, actors = claim_at(parley_nlp, extractor, text, "Eight crew members")
    assert actors[claim.claimant].name == "National Bureau of Investigation"
