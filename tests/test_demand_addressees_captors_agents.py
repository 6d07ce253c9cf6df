"""Addressees of release demands and of a state's generic agents (issue 5, addressees), with
sentences written for these tests.

- a demand that people be released is put to whoever detained them, as told before it
  ("Military police detained ...", "... was arrested by soldiers"), not to the detained;
- "seized power" is no detention of people: it names no captor;
- a state's troops or officials named by a demonym ("Russian troops") stand for the state
  when they are who must act (when the state itself is an actor of the article).
"""

from __future__ import annotations

import datetime as dt

from tests.pipeline_helpers import parsed

PUBLISHED = dt.date(2025, 6, 2)


def _demand(doc, words: str):
    found = [d for d in doc._.demands if words in d.text]
    assert len(found) == 1, [(d.party, d.addressee, d.text) for d in doc._.demands]
    return found[0]


def _names(doc, actor_id) -> set[str]:
    actor = doc._.actors.actors.get(actor_id)
    return {actor.name.lower()} | {m.text.lower() for m in actor.mention_details} if actor else set()


def test_release_demand_is_put_to_the_group_that_detained(parley_nlp):
    text = ("Dockworkers in Santos went on strike on Monday. Military police detained 14 picketers who tried to "
            "block a road to the terminals. The union denied that its members had used violence and called for "
            "their immediate release.")
    doc = parsed(parley_nlp, text, PUBLISHED)
    d = _demand(doc, "release")
    assert "military police" in _names(doc, d.addressee)


def test_release_demand_is_put_to_the_agent_of_a_passive_arrest(parley_nlp):
    text = ("Opposition leader Domingos Pereira was arrested by soldiers on Wednesday, according to party "
            "officials. The PAIGC called for his immediate release.")
    doc = parsed(parley_nlp, text, PUBLISHED)
    d = _demand(doc, "release")
    assert "soldiers" in _names(doc, d.addressee)


def test_seizing_power_names_no_captor(parley_nlp):
    text = ("Army officers seized power in the capital on Wednesday. The PAIGC called for the immediate "
            "release of its leader Domingos Pereira.")
    doc = parsed(parley_nlp, text, PUBLISHED)
    d = _demand(doc, "release")
    assert not any("officers" in n for n in _names(doc, d.addressee))


def test_troops_in_a_condition_stand_for_their_state(parley_nlp):
    text = ("Russia launched its invasion of Ukraine in February 2022. French President Emmanuel Macron said "
            "European sanctions would stay in place as long as Russian troops remained on Ukrainian soil.")
    doc = parsed(parley_nlp, text, PUBLISHED)
    d = _demand(doc, "as long as")
    assert d.addressee == "RUS"


def test_refusal_to_negotiate_with_a_militia_is_put_to_the_armed_group(parley_nlp):
    text = ("The Rapid Support Forces took the town of Wad Madani in December. The United States sent an envoy; "
            "the United States said talks were possible. Army chief Abdel Fattah al-Burhan said the army would "
            'not negotiate with "a militia that loots and rapes".')
    doc = parsed(parley_nlp, text, PUBLISHED)
    d = _demand(doc, "negotiate")
    assert d.addressee == "rsf"


def test_refusal_of_talks_with_a_named_partner_is_put_to_the_partner(parley_nlp):
    text = ("Fighting shook Tripoli overnight. Prime Minister Abdulhamid Dbeibah has refused to resume talks "
            "with Radaa.")
    doc = parsed(parley_nlp, text, PUBLISHED)
    d = _demand(doc, "resume talks")
    assert "radaa" in str(d.addressee)


def test_instrument_of_a_refused_reward_is_no_partner(parley_nlp):
    text = ('Commission President Omar Alieu Touray said the bloc would not "reward the confiscation of power" '
            "with a permanent trade deal.")
    doc = parsed(parley_nlp, text, PUBLISHED)
    d = _demand(doc, "reward")
    assert "trade-deal" not in str(d.addressee)
