"""Event arguments beyond named subjects and objects: unnamed groups as actors, targets
written through a complement or an object noun, event nouns carried by light verbs, and
labour strikes told apart from air strikes. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.model import Event
from tests.pipeline_helpers import parsed

PUBLISHED = dt.date(2024, 12, 8)


@pytest.fixture(scope="module")
def nlp(parley_nlp):
    return parley_nlp


def analyse(nlp, text: str):
    return parsed(nlp, text, PUBLISHED)


def code(nlp, text: str) -> list[Event]:
    doc = analyse(nlp, text)
    return doc._.events


def refs(ref) -> set:
    if ref is None:
        return set()
    return set(ref) if isinstance(ref, list) else {ref}


def first(events: list[Event], root: str) -> Event:
    found = [e for e in events if e.cameo.startswith(root)]
    assert found, f"no {root} event in {[(e.cameo, e.source, e.target) for e in events]}"
    return found[0]


# -- unnamed groups ---------------------------------------------------------------------
def test_group_with_a_place_phrase_is_that_countrys_agent(nlp):
    event = first(code(nlp, "Rebels in Mali attacked an army base on Friday."), "19")
    assert refs(event.source) == {"agent:MLI:REB"}


def test_group_through_a_partitive_keeps_its_sector(nlp):
    doc = analyse(nlp, "Thousands of students protested outside the parliament on Friday.")
    event = first(doc._.events, "14")
    (source,) = refs(event.source)
    assert doc._.actors.actors[source].sector == "EDU"
    # the group became an actor of the Doc, with the words that name it
    assert any("students" in m.text for m in doc._.actors.actors[source].mention_details)


def test_state_group_without_a_country_is_no_actor(nlp):
    assert code(nlp, "The government imposed a curfew on Friday.") == []
    assert code(nlp, "The people will not forgive this.") == []


# -- targets ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, root, target",
    [
        ("Poland demanded that Russia release the prisoners.", "10", "RUS"),
        ("Iran threatened to cut ties with Britain on Monday.", "13", "GBR"),
        ("Ukraine rejected calls by Hungary for a ceasefire.", "12", "HUN"),
        ("Egypt accepted demands from Sudan on Friday.", "08", "SDN"),
    ],
)
def test_target_through_complement_or_object_noun(nlp, text, root, target):
    event = first(code(nlp, text), root)
    assert target in refs(event.target)


# -- event nouns ------------------------------------------------------------------------
def test_light_verb_gives_the_noun_event_its_source(nlp):
    events = code(nlp, "Kenyan opposition activists went on a hunger strike on Monday.")
    event = first(events, "14")
    assert event.cameo == "142" and event.plover.type == "PROTEST"
    assert not any(e.cameo.startswith("19") for e in events)


def test_labour_strike_is_a_protest_and_air_strike_an_assault(nlp):
    labour = code(nlp, "Dock workers in Kenya began a general strike on Monday.")
    assert first(labour, "14").cameo == "143"
    assert not any(e.cameo.startswith("19") for e in labour)
    air = code(nlp, "Russia launched a missile strike on Ukraine on Monday.")
    assert first(air, "19").plover.type == "ASSAULT"
