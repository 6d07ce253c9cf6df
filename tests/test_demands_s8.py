"""One appeal put to an unnamed pair ("urged both sides to ...", "the two neighbours", "the
parties") is one demand with no addressee by default (the guidelines' "all parties" rule), or one
demand per side with `split_pairs` on; a demand noun's second infinitive is a second demand.

Sentences are written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.pipeline_helpers import demands_of as pipeline_demands

PUBLISHED = dt.date(2025, 10, 8)

STORY = ("Mali accused Algeria on Monday of shooting down a drone near the border, and Algeria "
         "closed its airspace to Malian flights. ")


@pytest.fixture(scope="module")
def nlp():
    from parley.nlp.pipeline import load_pipeline

    return load_pipeline()  # parley_demands is one of its components


@pytest.fixture
def split_pairs(monkeypatch):
    """Turn on `split_pairs` (off in the shipped lexicon) for one test."""
    import dataclasses

    from parley.extract import demand_records

    shipped = demand_records.load_party_lexicon()
    monkeypatch.setattr(demand_records, "load_party_lexicon",
                        lambda: dataclasses.replace(shipped, split_pairs=True))


def demands_of(nlp, text):
    return pipeline_demands(nlp, text, PUBLISHED)


def addressed(demands, words):
    return sorted(str(d.addressee) for d in demands if words in d.text)


def test_both_sides_is_one_demand_per_side(nlp, split_pairs):
    found = demands_of(nlp, STORY + "The European Union urged both sides to exercise restraint.")
    assert addressed(found, "exercise restraint") == ["DZA", "MLI"]


def test_the_two_neighbours_is_one_demand_per_side(nlp, split_pairs):
    found = demands_of(nlp, STORY + "The European Union has urged the two neighbours to settle "
                                          "their dispute through talks.")
    assert addressed(found, "settle their dispute") == ["DZA", "MLI"]


def test_both_sides_is_one_demand_with_no_addressee_by_default(nlp):
    found = demands_of(nlp, STORY + "The European Union urged both sides to exercise restraint.")
    assert addressed(found, "exercise restraint") == ["None"]


def test_a_single_named_addressee_is_not_split(nlp):
    found = demands_of(nlp, STORY + "The European Union urged Algeria to reopen its airspace.")
    assert addressed(found, "reopen its airspace") == ["DZA"]


def test_all_sides_stays_one_demand_with_no_addressee(nlp):
    found = demands_of(nlp, STORY + "The European Union urged all sides to exercise restraint.")
    assert addressed(found, "exercise restraint") == ["None"]


def test_a_refusal_in_the_same_sentence_is_not_put_to_the_pair(nlp, split_pairs):
    found = demands_of(nlp, STORY + "The European Union urged both sides to return to talks, saying "
                                          "Brussels would not allow a war on its southern flank.")
    assert len([d for d in found if "return to talks" in d.text]) == 2
    assert all(not isinstance(d.addressee, list) for d in found)
    assert len([d for d in found if "would not allow" in d.text]) <= 1


def test_a_demand_nouns_second_infinitive_is_a_second_demand(nlp):
    found = demands_of(nlp, "The Secretary-General reiterates his call on Morocco to respect the "
                                  "ceasefire and to refrain from any action that could raise tensions.")
    texts = [d.text for d in found]
    assert any(t.startswith("to refrain") for t in texts)
    assert any("respect the ceasefire" in t and "refrain" not in t for t in texts)


def test_pair_phrase_needs_a_pair_word(spacy_nlp):
    from parley.extract.demand_addressees import _names_pair, load_party_lexicon

    plex = load_party_lexicon()
    doc = spacy_nlp("Both sides must talk. All sides must talk. The parties must talk. "
                    "The parties to the accord must talk.")
    subjects = [t for t in doc if t.dep_ == "nsubj"]
    assert [_names_pair(plex, t, {}) for t in subjects] == [True, False, True, False]
