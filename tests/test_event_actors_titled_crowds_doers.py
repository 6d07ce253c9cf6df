"""Event actors and targets on PLOVER's record style, round 3: who acts and who is judged.

- a title and one capitalised surname make a person even when a town bears the name or the
  word is also a rank ("President Bush", "Prime Minister Major");
- a counted crowd of people acting ("Tens of thousands of people marched") is a group actor
  of the country the sentence is set in; "people" uncounted name no one;
- a faith's adjective before an agent noun names a group ("Islamic fundamentalists");
- investigating or condemning a deed aims at the deed's doer, not its victims ("abuses by
  Ethiopian soldiers against civilians", "the Russian attack on Ukraine");
- a common noun with a name in apposition ("the opposition newspaper La Voz") is the name.

The sentences are the tests' own."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import actor_ids as _ids, coded_events, event_with as _event_with, parsed

PUBLISHED = dt.date(2025, 11, 3)


@pytest.fixture(scope="module")
def code(parley_nlp):
    def run(text: str):
        return text, coded_events(parley_nlp, text, PUBLISHED)[1]
    return run


@pytest.fixture(scope="module")
def actors(parley_nlp):
    def run(text: str):
        doc = parsed(parley_nlp, text, PUBLISHED)
        return {m.text: m.actor_id for m in doc._.actors.mentions}
    return run


# -- a title and a surname ---------------------------------------------------------------------

def test_a_surname_after_a_title_is_a_person_though_a_town_has_the_name(actors):
    found = actors("President Bush spoke to reporters at the White House on Friday.")
    assert found.get("Bush", "").startswith("new:person:")


def test_a_surname_after_a_title_is_a_person_though_it_is_a_rank(actors):
    found = actors("Prime Minister Major met Chancellor Kohl in Bonn.")
    assert found.get("Major", "").startswith("new:person:")


def test_a_rank_alone_is_no_person(actors):
    assert "Major" not in actors("The Major said the attack was repelled.")


def test_a_titled_surname_acts(code):
    threat = _event_with(code("President Bush threatened sanctions against Cuba on Monday."), "threatened")
    assert _ids(threat.source) == ["new:person:bush"]
    assert _ids(threat.target) == ["CUB"]


# -- counted crowds --------------------------------------------------------------------------

def test_a_counted_crowd_acting_is_a_group_of_the_setting_country(code):
    march = _event_with(code("Tens of thousands of people marched through Nairobi on Sunday against the new tax."),
                        "marched")
    assert _ids(march.source) == ["agent:KEN:CVL"]


def test_people_uncounted_name_no_one(code):
    _, events = code("People marched through Nairobi on Sunday against the new tax.")
    assert events == []


def test_a_faiths_fundamentalists_are_a_group(code):
    strike = _event_with(code("Islamic fundamentalists staged a hunger strike in Algiers on Monday."), "strike")
    assert _ids(strike.source) == ["new:group:fundamentalist"]


# -- whose deed is judged -------------------------------------------------------------------

def test_an_investigation_of_abuses_is_aimed_at_their_doers(code):
    probe = _event_with(code("Kenya is investigating abuses by Ethiopian soldiers against Somali civilians."),
                        "investigating")
    assert _ids(probe.target) == ["agent:ETH:MIL"]


def test_condemning_an_attack_is_aimed_at_its_doer_not_its_victim(code):
    blame = _event_with(code("The African Union condemned the Rwandan attack on Burundi."), "condemned")
    assert _ids(blame.target) == ["RWA"]


def test_condemning_a_named_actor_is_unchanged(code):
    blame = _event_with(code("Egypt condemned Israel over the raid."), "condemned")
    assert _ids(blame.target) == ["ISR"]


# -- a name in apposition --------------------------------------------------------------------

def test_a_common_noun_with_a_name_in_apposition_is_the_name(code):
    order = _event_with(code("The Sandinista government ordered the opposition newspaper La Voz to suspend publication."),
                        "ordered")
    assert _ids(order.target) == ["new:organisation:la-voz"]
