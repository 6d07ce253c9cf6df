"""Who a demand is addressed to (issue 5), with sentences written for these tests.

- a refusal or condition with no one named answers the other side named near it;
- the subject of a refusal refuses: it is never its addressee;
- the actor a condition waits on ("until X withdraws") is the addressee;
- a group told to act that no known actor names becomes an actor ("called on donors to");
- a body named by its kind ("urged the bloc to") is the last such actor named before;
- "all parties", "both sides" are no one actor, and none is guessed;
- a bare singular role noun ("the president") is a person, never a group party.
"""

from __future__ import annotations

import datetime as dt

from tests.pipeline_helpers import demands_of, only_demand as _only

PUBLISHED = dt.date(2025, 6, 2)


def test_refusal_with_no_one_named_answers_the_other_side(parley_nlp):
    text = ("Russia launched new strikes on Ukraine on Sunday, and Russia said it would press on.\n\n"
            "Ukrainian President Volodymyr Zelenskiy said Ukraine would never give up its territory.")
    d = _only(parley_nlp, text, "never give up")
    assert d.addressee == "RUS"


def test_refusal_subject_is_not_its_addressee(parley_nlp):
    # Near miss of the rule above: the country named as the one refusing stays the party's side.
    text = ("Chinese ships circled Taiwan for a third day, and China accused Taipei of provocation.\n\n"
            "Taiwanese President Lai Ching-te said Taiwan would not bow to pressure.")
    d = _only(parley_nlp, text, "bow to pressure")
    assert d.addressee != "TWN"
    assert d.addressee == "CHN"


def test_condition_names_the_one_who_must_act(parley_nlp):
    text = "The Sudanese army said it would not join any new talks until the RSF withdrew from the capital."
    d = _only(parley_nlp, text, "withdrew")
    assert (d.addressee or "").split(":")[-1] == "rsf"


def test_unnamed_group_told_to_act_becomes_an_actor(parley_nlp):
    text = "The UN refugee agency UNHCR called on donors to close a funding gap in its Chad budget."
    d = _only(parley_nlp, text, "funding gap")
    assert d.addressee == "new:group:donors"


def test_thing_in_a_demanded_noun_phrase_is_not_an_addressee(parley_nlp):
    # Near miss: "tallies" is what is demanded, not someone told to act.
    text = "Opposition leader Maria Corina Machado demanded the publication of polling-station tallies."
    d = _only(parley_nlp, text, "tallies")
    assert not (d.addressee or "").startswith("new:group:")


def test_body_named_by_its_kind_is_the_last_such_actor(parley_nlp):
    text = ("The European Union adopted a new sanctions package on Friday.\n\n"
            "Ukrainian Foreign Minister Andrii Sybiha urged the bloc to move faster on frozen assets.")
    d = _only(parley_nlp, text, "move faster")
    assert d.addressee == "eu"


def test_all_parties_is_no_one_actor(parley_nlp):
    text = ("Fighting between Ethiopia and Eritrea spread on Monday.\n\n"
            "UN Secretary-General Antonio Guterres urged all parties to cease hostilities immediately.")
    d = _only(parley_nlp, text, "cease hostilities")
    assert d.addressee is None


def test_lone_role_noun_keeps_its_demand(parley_nlp):
    # An unresolved "the president" stays the party (as an unnamed actor) rather than losing
    # the demand: dropping such demands cost recall on two writers' sets (fresh2 and the
    # validation set) and gained on none.
    text = ("The ELN released six hostages on Monday.\n\n"
            "The president has said that talks can resume only if the ELN releases all its hostages.")
    found = demands_of(parley_nlp, text, PUBLISHED)
    assert [d.addressee for d in found] == ["eln"]
    assert found[0].party and "president" in found[0].party
