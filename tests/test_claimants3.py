"""Who claims a figure, round 3: kinds of attribution that new annotators' articles showed
in more than one writer's text. Every sentence is invented for these tests."""

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


def claimant_name(nlp, extractor, text, figure):
    claim, _ = claim_at(nlp, extractor, text, figure)
    return claim.claimant_name


@pytest.mark.parametrize("text, figure, expected", [
    # a fronted "according to X" sources every clause coordinated after it
    ("According to the Red Cross, 40 people were killed in the landslide and 65 others were injured.",
     "65 others", "the Red Cross"),
    ("According to the Red Cross, 40 people were killed in the landslide, and hundreds more were injured.",
     "hundreds", "the Red Cross"),
    # a verb of saying in a relative clause claims the clause right after it
    ("The governor visited the district after floods that officials said left 23 people dead.",
     "23 people", "officials"),
    # "put X at N" with a participle on the object is still the subject's estimate
    ("Union leaders put the wages still owed at roughly $4 million, most of it overtime.",
     "roughly $4 million", "Union leaders"),
    # "according to X" names the source of its own clause, whatever that clause's subject
    ("Freedonia recorded about 3,100 kidnappings last year, according to figures from the Interior Ministry.",
     "about 3,100 kidnappings", "the Interior Ministry"),
    # a document "gathered by" a body is that body's
    ("According to information gathered by the Red Cross, 14 civilians were killed.",
     "14 civilians", "the Red Cross"),
])
def test_claimant_name(parley_nlp, extractor, text, figure, expected):
    name = claimant_name(parley_nlp, extractor, text, figure)
    assert name is not None and expected.lower().removeprefix("the ") in name.lower()


def test_fronted_according_does_not_reach_a_later_clause_with_its_own_source(parley_nlp, extractor):
    # the rule is for a phrase set before its clause; one after the clause still stops there
    text = ("Trade was worth $5 billion last year, according to the central bank, and the new levy "
            "has cost exporters 300 jobs.")
    assert claimant_name(parley_nlp, extractor, text, "300 jobs") != "the central bank"


def test_person_before_organisation_in_a_titled_name(parley_nlp, extractor):
    text = ("Rebel movement spokesman Karim Haddad said government troops had shelled the village, "
            "killing at least 12 civilians.")
    claim, actors = claim_at(parley_nlp, extractor, text, "at least 12 civilians")
    assert claim.claimant in actors and actors[claim.claimant].type == "person"
    assert "Haddad" in actors[claim.claimant].name


def test_with_absolute_participle_names_its_speaker(parley_nlp):
    text = ("Norland and Sudmark agreed to widen their border scheme, with the interior minister, "
            "Ella Varga, saying the number of crossings should fall to a few hundred by June.")
    doc = parley_nlp(text)
    speakers = [q.speaker.name for q in doc._.quotes if "the number of crossings" in text[q.span[0]:q.span[1]]]
    assert speakers and "Varga" in speakers[0]


def test_with_inside_a_phrase_is_no_absolute(parley_nlp):
    text = ("In a statement, the union said the offer was in line with inflation, adding that the strike "
            "was costing the sector 20 million dollars a day.")
    doc = parley_nlp(text)
    speakers = [q.speaker.name for q in doc._.quotes if "the strike" in text[q.span[0]:q.span[1]]]
    assert speakers and speakers[0] != "inflation"
