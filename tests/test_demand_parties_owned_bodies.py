"""Demand parties (issue 5, party3 round), with sentences written for these tests.

- a person who only reports their state's request ("the minister said Ghana had asked ...")
  leaves the demand the state's, voiced by the person;
- a group named by a common noun keeps its "in"/"from" phrase ("The council in Misrata",
  "Lawmakers from the opposition Green party");
- a body named only through its owner's possessive ("Kenya's energy ministry", "the
  governor's office") is that body, not the state or person who owns it;
- a place after "in" that hangs on a noun for a person ("a tribal elder in Kufra, who ...")
  is not made a person by the "who", and an indefinite role phrase ("A tribal elder") is
  someone new, not a person of that role named before;
- a KB body's full name longer than seven words is one mention of that body.
"""

from __future__ import annotations

import datetime as dt

from tests.pipeline_helpers import parsed, only_demand as _only

PUBLISHED = dt.date(2025, 6, 2)


def _mention_texts(nlp, text, actor_id):
    actors = parsed(nlp, text, PUBLISHED)._.actors.actors
    actor = actors.get(actor_id)
    return [m.text for m in actor.mention_details] if actor is not None else []


def test_minister_reporting_the_states_request_leaves_it_the_states(parley_nlp):
    text = ("Foreign Minister Radoslaw Sikorski told reporters in Warsaw that Poland had asked Lithuania to "
            "reopen the border crossing.")
    d = _only(parley_nlp, text, "reopen the border")
    assert d.party == "POL"
    assert d.voiced_by == "radoslaw-sikorski"


def test_a_ministrys_statement_naming_its_state_stays_the_ministrys(parley_nlp):
    # Near miss: an organ (not a person) speaking keeps the demand as its own voice.
    d = _only(parley_nlp, "The U.S. State Department said Washington had called on Moscow to withdraw its "
                          "troops from the border.", "withdraw")
    assert d.party != "USA"


def test_a_group_keeps_its_in_phrase(parley_nlp):
    text = "The council in Misrata has rejected every call to hand over the detained commanders."
    d = _only(parley_nlp, text, "rejected every call")
    assert "misrata" in d.party
    assert any(m.lower().endswith("council in misrata") for m in _mention_texts(parley_nlp, text, d.party))


def test_a_group_keeps_its_from_phrase(parley_nlp):
    text = "Lawmakers from the opposition Green party called on the interior minister to resign."
    d = _only(parley_nlp, text, "resign")
    assert d.party.startswith("new:group:lawmakers-from-the-opposition-green-party")


def test_a_states_ministry_the_kb_lacks_is_the_ministry(parley_nlp):
    text = "Ukraine's energy ministry rejected the proposal, saying the plant must not restart."
    d = _only(parley_nlp, text, "rejected the proposal")
    assert d.party != "UKR" and "energy-ministry" in d.party
    actor = parsed(parley_nlp, text, PUBLISHED)._.actors.actors[d.party]
    assert actor.country == "UKR"


def test_a_states_government_stays_the_state(parley_nlp):
    # Near miss: "government" is not a body apart from its state in the writers' usage.
    d = _only(parley_nlp, "Ghana's government rejected the proposal, saying the plant must not restart.",
              "rejected the proposal")
    assert d.party == "GHA"


def test_a_place_after_a_persons_noun_is_not_a_person(parley_nlp):
    text = ("The prime minister, Abdul Hamid Dbeibah, met tribal leaders on Monday. A tribal elder in Kufra, who "
            "asked not to be named, said his fighters would not leave the town unless the army withdrew first.")
    d = _only(parley_nlp, text, "leave the town")
    assert "kufra" in d.party and not d.party.startswith("new:person:kufra")
    assert "dbeibah" not in d.party.lower()


def test_a_kb_bodys_long_full_name_is_one_mention(parley_nlp):
    text = ("The UN Office for the Coordination of Humanitarian Affairs said on Monday that 40,000 people had "
            "fled. The Secretary-General called on all parties to let aid convoys through.")
    texts = _mention_texts(parley_nlp, text, "ocha")
    assert "UN Office for the Coordination of Humanitarian Affairs" in texts
    actors = parsed(parley_nlp, text, PUBLISHED)._.actors.actors
    assert not any(a.name == "Coordination of Humanitarian Affairs" for a in actors.values())


def test_the_un_named_through_its_office_still_gives_the_secretary_general(parley_nlp):
    # The UN is named only inside its office's long name; "The Secretary-General" is still its head.
    text = ("The UN Office for the Coordination of Humanitarian Affairs said on Monday that 40,000 people had "
            "fled.\n\nThe Secretary-General said the fighting must stop at once.")
    quotes = parsed(parley_nlp, text, PUBLISHED)._.quotes
    said = [q for q in quotes if "fighting must stop" in q.text]
    assert said and said[0].speaker.actor_id == "antonio-guterres"


def test_a_name_the_parser_made_a_second_subject_after_a_title_is_the_party(parley_nlp):
    # "X's foreign policy chief Name urged ...": the small parser gives "chief" and the name
    # each as a subject of the verb; the person named, not the body of the possessive, spoke.
    text = "The African Union's peace and security commissioner Bankole Adeoye urged both sides to hold their fire."
    d = _only(parley_nlp, text, "hold their fire")
    assert "adeoye" in d.party


def test_a_two_city_dateline_is_no_party(parley_nlp):
    # "GENEVA/NAIROBI, 2 June 2025 - ": a release filed from two cities names places, not the
    # government of the second one, even when the parser makes it the sentence's subject.
    text = ("GENEVA/NAIROBI, 2 June 2025 - The World Food Programme today warned that rations in the Kakuma camp "
            "would run out within weeks, and called on donors to release the pledged funds without delay.")
    d = _only(parley_nlp, text, "release the pledged funds")
    assert d.party != "KEN"
