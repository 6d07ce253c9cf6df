"""Demands as press releases, live blogs and analysis pieces word them: second infinitives and
second addressees, "reiterates its call on X to", colon lists, threats and offers on a
condition in reported speech, and what looks like a demand but is not.

Sentences are written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.pipeline_helpers import demands_of as pipeline_demands

PUBLISHED = dt.date(2025, 10, 8)


@pytest.fixture(scope="module")
def nlp():
    from parley.nlp.pipeline import load_pipeline

    return load_pipeline()  # parley_demands is one of its components


def demands_of(nlp, text, published=PUBLISHED):
    return pipeline_demands(nlp, text, published)


def texts(demands):
    return [d.text for d in demands]


def test_second_infinitive_joined_to_the_verb_is_a_second_demand(nlp):
    found = demands_of(nlp, "The European Union calls on Serbia to cooperate with the investigators, "
                            "and to hand over any suspects who have crossed the border.")
    assert len(found) == 2
    assert found[1].text.startswith("to hand over")
    assert all(d.party == "eu" and d.addressee == "SRB" for d in found)


def test_bare_verb_hung_on_the_object_is_split(nlp):
    found = demands_of(nlp, "Antonio Guterres called on all sides to respect the results and refrain from violence.")
    assert texts(found) == ["all sides to respect the results", "refrain from violence"]


def test_modal_with_two_bare_verbs_gives_two_conditions(nlp):
    text = '"Both armies must pull back their forces and return to the ceasefire line," Antonio Guterres said.'
    found = demands_of(nlp, text)
    assert len(found) == 2
    assert found[1].text == "return to the ceasefire line"


def test_reiterated_call_on_two_addressees(nlp):
    text = ("Antonio Guterres reiterates his call on Rwanda to withdraw from Congolese territory, "
            "and on the M23 to withdraw from the towns it holds.")
    found = demands_of(nlp, text)
    assert len(found) == 2
    assert found[0].addressee == "RWA"
    assert found[1].text.startswith("the M23 to withdraw")
    assert {d.party for d in found} == {"antonio-guterres"}


def test_reiterated_demand_that(nlp):
    (d,) = demands_of(nlp, "The European Union reiterates its demand that Venezuela refrain from any "
                           "action that would change the situation on the ground.")
    assert d.party == "eu" and d.addressee == "VEN"


def test_call_on_read_as_a_particle(nlp):
    text = ("The European Union warned that renewed fighting has forced thousands from their homes, "
            "and called on all parties to let aid convoys through.")
    (d,) = demands_of(nlp, text)
    assert d.party == "eu"
    assert d.text.startswith("all parties to let")


def test_could_after_warned_is_a_conditional_threat(nlp):
    (d,) = demands_of(nlp, "Antonio Guterres has warned that the United Nations could withdraw its staff "
                           "if the attacks continue.")
    assert "if the attacks continue" in d.text


def test_could_after_said_of_a_thing_is_not(nlp):
    assert demands_of(nlp, "Economists warned that prices could rise if the talks fail.") == []


def test_offer_with_only_if(nlp):
    (d,) = demands_of(nlp, "The European Union has offered to resume budget support, but only if the "
                           "junta sets a date for elections.")
    assert d.party == "eu" and "only if the junta" in d.text


def test_threat_whose_quote_stops_before_the_condition(nlp):
    (d,) = demands_of(nlp, "Benjamin Netanyahu has threatened to strike again if Iran rebuilds its sites.")
    assert d.party == "benjamin-netanyahu" and d.addressee == "IRN"


def test_modal_outside_the_quote_marks(nlp):
    text = "The US must ‘stop arming Taiwan’, Antonio Guterres said on Tuesday."
    (d,) = demands_of(nlp, text)
    assert d.party == "antonio-guterres"


def test_meeting_called_for_a_day_is_not_a_demand(nlp):
    assert demands_of(nlp, "The African Union has called an emergency meeting of its council for Thursday.") == []


def test_no_need_is_not_a_demand(nlp):
    assert demands_of(nlp, '"We are ready; there is no need for panic," Antonio Guterres said.') == []


def test_colon_list_gives_one_demand_per_item(nlp):
    text = ("The European Union stresses the need for:\n\n"
            "1. the immediate release of the detained journalists and the reopening of the border crossings;\n\n"
            "2. a return to the negotiating table without preconditions.\n\n"
            "The talks are due to resume in Brussels.")
    found = demands_of(nlp, text)
    assert texts(found) == ["the immediate release of the detained journalists",
                            "the reopening of the border crossings",
                            "a return to the negotiating table without preconditions"]
    assert {d.party for d in found} == {"eu"}


def test_colon_that_opens_a_quote_is_no_list(nlp):
    text = "Antonio Guterres called for restraint:\n\nThe talks are due to resume in Geneva."
    assert len(demands_of(nlp, text)) == 1


def test_two_parallel_things_demanded(nlp):
    found = demands_of(nlp, "Iran demands the lifting of the sanctions and the release of its frozen assets.")
    assert texts(found) == ["the lifting of the sanctions", "the release of its frozen assets"]


def test_one_thing_with_two_parts_stays_one(nlp):
    found = demands_of(nlp, "Iran demands the lifting of sanctions and restrictions on its banks.")
    assert len(found) == 1


def test_a_bloc_refuses(nlp):
    text = "Antonio Guterres told the summit that the bloc would not reward the seizure of power with a trade deal."
    (d,) = demands_of(nlp, text)
    assert d.stance == "refusal" and d.party == "antonio-guterres"
