"""Event coding on unseen writing, eighth round: type and modality. Each event cites its own
clause (two acts of one sentence no longer share the sentence as evidence), orders, legal
appeals, hosting refugees, manner phrases, claims written with "insist", refusals, and
background told with "long", "earlier" or "for decades".

The coder is called directly (no reliability checks after it), so each test pins its own rule."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import coded_with_evidence

PUBLISHED = dt.date(2025, 10, 8)


@pytest.fixture(scope="module")
def code(parley_nlp):
    def run(text: str):
        return coded_with_evidence(parley_nlp, text, PUBLISHED)
    return run


def _root(found, root):
    return [(e, words) for e, words in found if e.cameo[:2] == root]


# -- evidence: each act its own words ---------------------------------------------------

def test_two_coordinated_acts_cite_their_own_clauses(code):
    found = code("Opposition leader Marco Reyes accused the government of trying to suppress turnout "
                 "and demanded that the defence minister appear before Congress.")
    [(_, accusation)] = _root(found, "11")
    [(_, demand)] = _root(found, "10")
    assert "demanded" not in accusation
    assert demand.startswith("demanded that")  # not the shared subject and its other act
    assert "accused" not in demand


def test_a_subjects_relative_clause_is_not_the_main_acts_evidence(code):
    found = code("Oman, which mediated earlier rounds of talks between Iran and the United States, "
                 "has offered to host a follow-up meeting in Muscat.")
    [(_, offer)] = _root(found, "03")
    assert offer.startswith("has offered") and "mediated" not in offer


def test_an_act_in_an_adverbial_clause_is_cut_from_the_main_act(code):
    found = code("Colombian President Gustavo Petro suspended the talks after ELN fighters launched an "
                 "offensive in the Catatumbo region.")
    [(_, suspension)] = _root(found, "16")
    assert "offensive" not in suspension


def test_a_saying_aside_is_cut_from_an_appeal_but_kept_in_a_criticism(code):
    [(_, appeal)] = _root(code("Germany urged Russia to honour the Minsk agreement, adding that "
                               "sanctions would stay in place."), "02")
    assert "sanctions" not in appeal
    [(event, _)] = _root(code("Germany urged Russia to honour the Minsk agreement, adding that "
                              "sanctions would stay in place."), "02")
    assert event.cameo == "020"  # the aside's "sanctions" is no topic of the appeal
    [(_, criticism)] = _root(code("Tshisekedi lashed out at the United Nations, saying its silence "
                                  "amounted to complicity."), "11")
    assert "complicity" in criticism


# -- types --------------------------------------------------------------------------------

def test_an_order_to_halt_something_is_an_order_not_a_ceasefire(code):
    found = code("Kenya's High Court suspended the plan. Justice Miriam Otieno ordered the interior "
                 "ministry to halt all relocations.")
    assert not _root(found, "08")
    [(event, _)] = _root(found, "10")
    assert event.target == "agent:KEN:GOV"  # the bare ministry is the article's country's
    [(halt, _)] = _root(code("The army ordered a halt to the offensive on Gaza."), "08")
    assert halt.cameo == "0871"


def test_appealing_a_ruling_rejects_it(code):
    [(event, _)] = _root(code("Jakarta appealed the 2022 panel ruling to the WTO's Appellate Body."), "12")
    assert event.plover.type == "REJECT"
    [(appeal, _)] = _root(code("The rebels appealed to the United Nations for help."), "02")
    assert appeal.plover.type == "REQUEST"


def test_hosting_refugees_is_aid_not_a_meeting(code):
    found = code("Turkey has hosted Syrian refugees since 2011.")
    assert _root(found, "07") and not _root(found, "04")


def test_an_act_noun_saying_how_a_verb_was_done_is_not_a_second_event(code):
    found = code("Houthi rebels have detained nine United Nations employees in raids on offices in Sanaa.")
    assert [e.cameo[:2] for e, _ in found] == ["17"]
    condemned = code("The United States condemned the strikes on Kyiv.")
    assert _root(condemned, "11")


def test_insisting_on_a_fact_is_no_demand(code):
    assert not _root(code("Lavrov insists that Russia is not interfering in the election."), "10")
    assert _root(code("Hamas insisted that Israel withdraw all its troops from Gaza."), "10")
    assert _root(code("Kyiv insisted on a full ceasefire before any talks."), "10")


def test_a_refusal_replaces_the_act_it_refuses(code):
    found = code("Iran will not surrender its right to enrich uranium, the foreign minister said.")
    assert _root(found, "12")
    assert not any(e.modality == "negated" for e, _ in found)


# -- modality -----------------------------------------------------------------------------

def test_a_long_standing_practice_is_background(code):
    [(event, _)] = _root(code("Oman, which has long mediated between the Houthis and the government, "
                              "called on the group to release the detainees."), "04")
    assert event.modality == "historical"
    [(hosting, _)] = _root(code("Pakistan has hosted Afghan refugees for more than four decades."), "07")
    assert hosting.modality == "historical"


def test_an_earlier_round_is_background(code):
    [(event, _)] = _root(code("Oman, which mediated earlier rounds of talks between Iran and the "
                              "United States, has offered to host a follow-up meeting in Muscat."), "04")
    assert event.modality == "historical"


def test_no_plans_for_talks_negates_them(code):
    [(event, _)] = _root(code("The US has no plans for direct talks with Tehran, the State Department said."), "04")
    assert event.modality == "negated"
