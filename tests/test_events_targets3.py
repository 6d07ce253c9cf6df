"""Event targets, fourth round: a target the sentence names where the coder used to leave it
empty. A light verb's target phrase ("made incursions into Swedish waters"), a participle that
says whom an act is aimed at ("talks aimed at the denuclearization of North Korea").

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


# -- a light verb carries the act; the parser hangs the target phrase on the verb ----------

def test_light_verb_target_phrase_names_both_countries(code):
    [incursion] = _by_root(code("Russia has made submarine incursions into Swedish and Finnish waters."), "15")
    assert sorted(_ids(incursion.target)) == ["FIN", "SWE"]


def test_light_verb_phrase_before_the_noun_sets_the_scene(code):
    # "in Syria" precedes nothing here: the fronted phrase is where, not whom
    events = code("In Syria, Turkey launched attacks yesterday.")
    assert all(not _ids(e.target) for e in _by_root(events, "19"))


# -- a participle says whom the act is aimed at ---------------------------------------------

def test_talks_aimed_at_a_named_country(code):
    [offer] = _by_root(code("Kerry said the US was open to talks aimed at the denuclearization of North Korea."), "03")
    assert _ids(offer.target) == ["PRK"]


def test_sanctions_targeting_a_country_s_banks(code):
    [sanction] = _by_root(code("The EU adopted sanctions targeting Russian banks."), "16")
    assert [t.split(":")[1] for t in _ids(sanction.target)] == ["RUS"]
