"""Second round of event coding: modality (reported "would", past perfect, "already",
"failed to"), clause evidence, one event per actor, places as targets, protest targets, and
guards against political-speech senses of words of force. Sentences written for these tests."""

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


def code(nlp, text: str) -> tuple[list[Event], object]:
    doc = analyse(nlp, text)
    return doc._.events, doc


def plover(events) -> list[str]:
    return [e.plover.type for e in events]


def test_reported_would_is_future(nlp):
    events, _ = code(nlp, "Poland said it would send tanks to Ukraine.")
    acts = [e for e in events if e.plover.type == "AID"]
    assert acts and acts[0].modality == "future"


def test_would_with_condition_is_hypothetical(nlp):
    events, _ = code(nlp, "Poland said it would send tanks to Ukraine if Germany agreed.")
    acts = [e for e in events if e.plover.type == "AID"]
    assert acts and acts[0].modality == "hypothetical"


def test_backshifted_past_perfect_stays_asserted(nlp):
    events, _ = code(nlp, "Sharif said Pakistan had accepted the ceasefire with India.")
    agreed = [e for e in events if e.plover.type == "AGREE"]
    assert agreed and agreed[0].modality == "asserted"


def test_already_marks_background(nlp):
    events, _ = code(nlp, "China has already imposed sanctions on Lithuania.")
    assert events and events[0].modality == "historical"


def test_failed_to_negates_the_act(nlp):
    events, _ = code(nlp, "Armenia and Azerbaijan failed to agree on a ceasefire.")
    assert events and all(e.modality == "negated" and e.plover.type == "AGREE" for e in events)
    assert "REJECT" not in plover(events)


def test_evidence_is_the_clause_not_the_sentence(nlp):
    text = "Merkel, who resigned in 2021, said Germany had met with France."
    events, _ = code(nlp, text)
    spans = {text[e.evidence[0]:e.evidence[1]] for e in events}
    assert "who resigned in 2021" in spans


def test_joint_act_gives_each_side_the_other_as_target(nlp):
    events, _ = code(nlp, "Russia and the United States exchanged prisoners on Thursday.")
    pairs = {(e.source, e.target) for e in events}
    assert pairs == {("RUS", "USA"), ("USA", "RUS")}


def test_several_sources_of_one_act_are_separate_events(nlp):
    events, _ = code(nlp, "Hungary and Slovakia voted against the resolution.")
    assert sorted(e.source for e in events) == ["HUN", "SVK"]


def test_shelled_place_is_the_target(nlp):
    events, doc = code(nlp, "Israeli troops shelled Jericho on Monday.")
    (event,) = events
    assert event.plover.type == "ASSAULT"
    assert isinstance(event.target, str) and event.target.startswith("place:")
    actor = doc._.actors.actors[event.target]
    assert actor.name == "Jericho" and actor.type == "other"
    assert actor.mention_details and actor.mention_details[0].how == "place"


def test_curfew_in_a_city_targets_the_city(nlp):
    events, _ = code(nlp, "Algeria imposed a curfew in Algiers.")
    assert events and events[0].plover.type == "COERCE" and "algiers" in str(events[0].target)


def test_unused_place_is_not_an_actor(nlp):
    events, doc = code(nlp, "The leaders met in Geneva.")
    assert not any(a.startswith("place:") for a in doc._.actors.actors)


def test_protest_target_is_the_owner_of_what_is_protested(nlp):
    events, _ = code(nlp, "Thousands of Iraqi Kurds marched on Sunday to protest against Turkey's decision.")
    protests = [e for e in events if e.plover.type == "PROTEST"]
    assert protests and "TUR" in str(protests[0].target)


def test_platform_is_no_target(nlp):
    events, _ = code(nlp, "Zelensky thanked Macron on X for his support.")
    assert events and all("x" != t for e in events for t in ([e.target] if isinstance(e.target, str) else e.target or []))


def test_a_persons_attack_is_criticism(nlp):
    events, _ = code(nlp, "Donald Trump attacked Hillary Clinton in a speech.")
    assert plover(events) == ["ACCUSE"]


def test_fighting_an_idea_is_no_event(nlp):
    events, _ = code(nlp, "Barack Obama vowed to keep fighting climate change.")
    assert "ASSAULT" not in plover(events)


@pytest.mark.parametrize("text", [
    "Donald Trump held a rally in Ohio on Friday.",
    "Republicans will continue their legislative attacks on the law.",
    "The senator executed the plan flawlessly.",
    "The veteran shot himself last month.",
    "The campaign received the endorsement of Barack Obama.",
])
def test_political_senses_of_event_words_are_not_events(nlp, text):
    events, _ = code(nlp, text)
    assert not [e for e in events if e.plover.type in ("PROTEST", "ASSAULT", "CONSULT")]
