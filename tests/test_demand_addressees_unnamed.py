"""Demand addressees named by their kind, not by name (issue 5, addressees), with sentences
written for these tests.

- "the government" a rights body of no country urges is the state the story is about (named
  most often), not the state named last; the words stay a mention of that state;
- a group that demands "that the government ..." addresses that government (the subject of
  the demanded clause is who must act);
- a body the parser tags as a proper noun ("instructed the Registry to ...") is an addressee
  as written; an unknown place is not ("Africa is being asked to ...").
"""

from __future__ import annotations

import datetime as dt

from tests.pipeline_helpers import only_demand as _only, parsed

PUBLISHED = dt.date(2025, 6, 2)


def _demand(doc, words: str):
    found = [d for d in doc._.demands if words in d.text]
    assert len(found) == 1, [(d.party, d.addressee, d.text) for d in doc._.demands]
    return found[0]


def test_rights_body_urging_the_government_addresses_the_country_of_the_story(parley_nlp):
    text = ("Cameroon's army and separatists in Cameroon's English-speaking regions have clashed for eight years. "
            "Cameroon says the separatists burned schools. The separatists accuse Cameroon of killing civilians. "
            "France, the former colonial power, has stayed silent.\n\n"
            "Human Rights Watch on Tuesday urged the government to open an independent inquiry into the burning "
            "of about 40 homes.")
    doc = parsed(parley_nlp, text, PUBLISHED)
    d = _demand(doc, "open an independent inquiry")
    assert d.addressee == "CMR"
    cameroon = doc._.actors.actors["CMR"]
    assert "the government" in [m.text for m in cameroon.mention_details]


def test_group_demanding_that_the_government_act_addresses_the_state(parley_nlp):
    text = ("Israel and Hamas resumed talks in Cairo on Monday. Israel has threatened an offensive in Rafah. "
            "Relatives of Israeli hostages held in Gaza demanded that the government put a deal ahead of the "
            "Rafah offensive.")
    d = _only(parley_nlp, text, "put a deal ahead")
    assert d.addressee == "ISR"


def test_body_tagged_as_a_proper_noun_is_addressed_as_written(parley_nlp):
    text = "The International Criminal Court instructed the Registry to facilitate the attendance of victims in The Hague."
    d = _only(parley_nlp, text, "facilitate the attendance")
    assert d.addressee is not None and "registry" in str(d.addressee)


def test_unknown_place_asked_to_act_is_no_addressee(parley_nlp):
    text = ('"Africa is being asked to accept a number that does not reflect the science," '
            "Kenyan negotiator Ali Mohamed says.")
    d = _only(parley_nlp, text, "accept a number")
    assert d.addressee is None or "africa" not in str(d.addressee)
