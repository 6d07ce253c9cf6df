"""Claimants and demand parties, round 2 (issue 5), with sentences written for these tests.

- an unnamed official's statement resolved to the body or state the words name keeps the
  official, as written, as the voice of the body's demand ("A White House official said ...");
- a mission named with qualifiers between its owner and the mission noun ("the UN Support
  Mission in Libya (UNSMIL)") is the mission, not its owner;
- "according to X" after two clauses joined by "and" sources both; after a list of three or
  more it sources only the last.
"""

from __future__ import annotations

import datetime as dt

from tests.pipeline_helpers import parsed, only_demand

PUBLISHED = dt.date(2025, 6, 2)


def _actor(nlp, text, actor_id):
    return parsed(nlp, text, PUBLISHED)._.actors.actors.get(actor_id)


def _mention_texts(actor) -> set[str]:
    return {m.text for m in actor.mention_details}


def _claims(nlp, text):
    return parsed(nlp, text, PUBLISHED)._.claims or []


# -- anonymous officials -----------------------------------------------------------------


def test_anonymous_official_of_a_named_body_voices_its_demand(parley_nlp):
    text = ("Talks in Oslo ended without a deal on Friday. A White House official, speaking on condition of "
            "anonymity, said Washington's position was unchanged: Tehran must halt all enrichment.")
    d = only_demand(parley_nlp, text, "halt all enrichment")
    assert d.voiced_by is not None and d.voiced_by.startswith("new:person:")
    voice = _actor(parley_nlp, text, d.voiced_by)
    assert voice.name == "White House official"
    assert "A White House official" in _mention_texts(voice)


def test_official_with_an_of_phrase_keeps_the_phrase(parley_nlp):
    text = ("The summit was postponed again. A senior official of the bloc said the meeting would only go ahead "
            "if both governments agreed to attend.")
    d = only_demand(parley_nlp, text, "agreed to attend")
    if d.voiced_by is not None:
        voice = _actor(parley_nlp, text, d.voiced_by)
        assert "senior official of the bloc" in voice.name


def test_named_spokesperson_is_not_made_anonymous(parley_nlp):
    text = "Kremlin spokesman Dmitry Peskov said Kyiv must withdraw its troops from the four regions."
    d = only_demand(parley_nlp, text, "withdraw its troops")
    assert d.voiced_by is None or "anonymous" not in d.voiced_by
    assert not (d.voiced_by or "").startswith("new:person:kremlin")


# -- missions named with qualifiers -----------------------------------------------------


def test_mission_with_qualifiers_is_its_own_actor(parley_nlp):
    text = ("Fighting shook the capital overnight. The UN Support Mission in Libya (UNSMIL) called for an "
            "immediate and unconditional ceasefire.")
    d = only_demand(parley_nlp, text, "unconditional ceasefire")
    assert d.party != "un"
    mission = _actor(parley_nlp, text, d.party)
    assert mission.name == "UN Support Mission in Libya"
    assert "UNSMIL" in _mention_texts(mission)


# -- "according to X" over coordinated clauses ------------------------------------------


def test_according_to_after_two_clauses_sources_both(parley_nlp):
    text = ("About 630,000 people have fled their homes and nearly 1,800 schools remain shut, according to "
            "the U.N. humanitarian office OCHA.")
    by_value = {c.value: c for c in _claims(parley_nlp, text)}
    assert by_value[630_000].claimant == by_value[1_800].claimant
    assert by_value[630_000].claimant is not None


def test_according_to_after_a_list_sources_only_the_last_clause(parley_nlp):
    text = ("Inflation has picked up again, the bolivar has lost about a third of its value since the election, "
            "and another wave of emigration is already under way, according to aid groups working on the border.")
    third = [c for c in _claims(parley_nlp, text) if "third" in text[c.span[0]:c.span[1]]]
    assert third and third[0].claimant is None and not third[0].claimant_name


# -- a clause joined to the verb of saying by "and" ---------------------------------------


def test_clause_joined_to_saying_is_the_writers(parley_nlp):
    text = ("President Adi Wirawan has offered a mixture of force and money. He has said security operations will "
            "continue until the armed groups hand over their weapons, and his government plans to spend about "
            "12 trillion rupiah on the six provinces next year.")
    money = [c for c in _claims(parley_nlp, text) if "rupiah" in text[c.span[0]:c.span[1]]]
    assert money and money[0].claimant is None


def test_figure_said_in_a_conjoined_report_keeps_its_speaker(parley_nlp):
    text = "The ministry said 12 soldiers were killed and 30 were wounded in the attack."
    wounded = [c for c in _claims(parley_nlp, text) if c.value == 30]
    assert wounded and wounded[0].claimant_name


# -- a demand verb joined to a quoted clause ----------------------------------------------


def test_demand_joined_to_a_quoted_clause_is_the_speakers(parley_nlp):
    text = ('Opposition spokesman Daniel Okafor told a press conference in Abuja that the party would not '
            'recognise any result "announced by a commission that excluded the main opposition" and demanded '
            'a fresh, internationally supervised vote.')
    d = only_demand(parley_nlp, text, "supervised vote")
    assert "okafor" in d.party
