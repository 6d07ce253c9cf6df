"""Demand recall, round 2 (issue 5): conditional threats and verbs of asking, with sentences
written for these tests.

- threats of a sanction on what the other side might do: "any X would be met with sanctions",
  "would veto any budget that ...", "will freeze ratification if ...", and a condition
  ("as long as") on a chain of verbs whose modal sits on the first ("would keep attacking");
- verbs of asking: "requested consultations" (the thing requested as object), "asking only
  that it remembers" (a "that" clause in any mood), "insisted that any dispute be settled"
  (a passive subjunctive), "would propose that the EU add ..."; and what is not asked of a
  party ("asked that her name be withheld", "requested anonymity").
"""

from __future__ import annotations

import pytest

from parley.extract.demand_finders import TOKEN_FINDERS
from parley.extract.demand_lexicon import load_demand_lexicon
from parley.extract.demand_triggers import untriggered_finds
from tests.pipeline_helpers import demands_of, only_demand, parsed
import datetime as dt

PUBLISHED = dt.date(2025, 6, 2)


def _texts(nlp, text):
    return [d.text for d in demands_of(nlp, text, PUBLISHED)]


# --- conditional threats ---------------------------------------------------------------

def test_penalty_for_any_act_is_a_demand(parley_nlp):
    text = ("The State Department warned Moscow that any transfer of missile technology to Pyongyang "
            "would be met with further sanctions.")
    d = only_demand(parley_nlp, text, "any transfer of missile technology")
    assert d.party


def test_sanction_aimed_at_any_doer_is_a_demand(parley_nlp):
    text = "The prime minister said that he would veto any budget that punishes nations for how they vote."
    only_demand(parley_nlp, text, "veto any budget that punishes")


def test_penalty_noun_aimed_at_any_doer_is_a_demand(parley_nlp):
    text = "A State Department spokesperson said Washington would consider sanctions against any party that chose escalation."
    only_demand(parley_nlp, text, "sanctions against any party")


def test_any_thing_without_a_sanction_is_no_demand(parley_nlp):
    text = "The minister said that he would welcome any initiative that brings the two sides together."
    assert not any("any initiative" in t for t in _texts(parley_nlp, text))


def test_sanction_on_an_if_clause_is_kept_outside_a_statement(parley_nlp):
    text = ("Indonesia will freeze ratification of its trade agreement with the European Union if the bloc "
            "goes ahead with plans to impose tariffs on Indonesian steel.")
    only_demand(parley_nlp, text, "freeze ratification")


def test_plain_future_on_an_if_clause_stays_out_of_narrative(parley_nlp):
    text = "Indonesia will open a new port in Java next year if the weather allows the works to go ahead."
    assert _texts(parley_nlp, text) == []


def test_as_long_as_on_a_chain_of_verbs(parley_nlp):
    text = "The group said that it would keep attacking Kenya as long as Kenyan troops remained in Somalia."
    only_demand(parley_nlp, text, "as long as Kenyan troops remained")


# --- verbs of asking -------------------------------------------------------------------

def test_requested_thing_is_a_demand(parley_nlp):
    text = "Poland has formally requested consultations under Article 4 of NATO's founding treaty."
    d = only_demand(parley_nlp, text, "consultations under Article 4")
    assert d.party == "POL"


def test_requested_extradition_names_no_addressee_from_its_of_phrase(parley_nlp):
    text = ("The Ministry of Foreign Affairs of Bangladesh handed a note verbale to India's High Commission, "
            "formally requesting the extradition of former Prime Minister Sheikh Hasina.")
    d = only_demand(parley_nlp, text, "the extradition of former Prime Minister")
    assert "hasina" not in str(d.addressee).lower()


def test_asking_that_in_any_mood(parley_nlp):
    text = '"The world has forgotten Sudan. We are asking only that it remembers us," the aid worker Hiba Osman said.'
    only_demand(parley_nlp, text, "that it remembers")


def test_passive_subjunctive_after_insist(parley_nlp):
    text = ("Tajikistan's president insisted that any future disagreement over the line be settled only through "
            "the joint border commission.")
    only_demand(parley_nlp, text, "be settled only through")


def test_insist_on_a_fact_is_still_no_demand(parley_nlp):
    text = "Tajikistan's president insisted that the disagreement over the line was settled long ago."
    assert _texts(parley_nlp, text) == []


def test_propose_that_subjunctive(parley_nlp):
    text = ("Foreign Minister Elina Valtonen said that Finland would propose that the European Union add "
            "the tanker to its list of sanctioned ships.")
    only_demand(parley_nlp, text, "the European Union add the tanker")


def test_proposing_a_thing_is_no_demand(parley_nlp):
    text = "Finland proposed a meeting of Baltic ministers in Helsinki next month."
    assert _texts(parley_nlp, text) == []


@pytest.mark.parametrize("text", [
    '"Nobody tells us anything," said Fatima, a teacher who asked that her family name be withheld.',
    "The official, who requested anonymity, said the talks had stalled.",
])
def test_a_sources_anonymity_is_no_demand(parley_nlp, text):
    assert _texts(parley_nlp, text) == []


def test_triggers_stay_exact_on_these_forms(parley_nlp):
    lex = load_demand_lexicon()
    for text in ("Poland has formally requested consultations under Article 4.",
                 '"We are asking only that it remembers us," she said.',
                 "Finland would propose that the European Union add the tanker to its list.",
                 "He said he would veto any budget that punishes nations for how they vote.",
                 "Any seizure of power by force will lead to the suspension of Madagascar, he said."):
        doc = parsed(parley_nlp, text, PUBLISHED)
        assert untriggered_finds(lex, doc, TOKEN_FINDERS) == [], text
