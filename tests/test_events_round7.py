"""Event coding on unseen writing, seventh round: targets (unnamed groups placed in their
country, the one an infinitive lets act, the act an intent or threat talks about, denials
aimed at no one, treaties named for a city), offers written with an adjective, joint acts,
ultimatums, concessions, reduced passives, past perfect background, and the README's type
choices (appeal for a protest, walkout, hijacking, expelling diplomats).

The coder is called directly (no reliability checks after it), so each test pins its own rule."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import event_coder

PUBLISHED = dt.date(2024, 12, 8)


@pytest.fixture(scope="module")
def code(parley_nlp):
    return event_coder(parley_nlp, PUBLISHED)


def _refs(ref) -> list:
    if ref is None:
        return []
    return ref if isinstance(ref, list) else [ref]


def _root(events, root):
    return [e for e in events if e.cameo[:2] == root]


def _countries(ref) -> set:
    """'agent:GEO:OPP' -> 'GEO', 'place:LBY:benghazi' -> 'LBY', 'ETH' -> 'ETH'."""
    return {r.split(":")[1] if r.startswith(("agent:", "place:")) else r for r in _refs(ref)}


# -- targets ----------------------------------------------------------------------------

def test_an_unnamed_target_group_takes_the_country_of_the_sentence(code):
    [event] = _root(code("Police fired tear gas at protesters in Tbilisi on Sunday."), "17")
    assert event.cameo == "175"  # riot control, not chemical war (20)
    assert event.target == "agent:GEO:OPP"


def test_a_government_acting_at_home_places_the_group_it_meets(code):
    [event] = _root(code("The Kenyan government met the opposition on Monday."), "04")
    assert event.target == "agent:KEN:OPP"


def test_a_country_killing_militants_does_not_make_them_its_own(code):
    events = _root(code("Israel says it has killed more than 17,000 militants."), "18")
    assert events and not any(_countries(e.target) & {"ISR"} for e in events)


def test_the_one_an_infinitive_lets_act_is_the_target(code):
    [event] = _root(code("Hungary refused to allow Ukrainian officials to attend the meeting."), "12")
    assert _countries(event.target) == {"UKR"}


def test_the_government_asked_to_act_is_the_sources_country(code):
    [event] = _root(code("Colombian rebels demanded that the government release their leader."), "10")
    assert event.target == "agent:COL:GOV"


def test_a_denial_has_no_target_from_the_denied_act(code):
    [event] = _root(code("Iran denied supplying drones to Russia."), "12")
    assert event.target is None


def test_a_threat_is_aimed_where_the_threatened_act_would_fall(code):
    [event] = _root(code("Libya threatened to impose a curfew in Benghazi."), "13")
    assert _countries(event.target) == {"LBY"}


def test_an_offer_to_withdraw_is_aimed_at_the_side_left(code):
    events = _root(code("Eritrea said it was ready to withdraw its troops from Ethiopia."), "03")
    assert [(e.source, _countries(e.target)) for e in events] == [("ERI", {"ETH"})]


def test_a_treaty_named_for_a_city_is_no_party(code):
    [event] = _root(code("Kenya ratified the Paris climate accord on Monday."), "05")
    assert (event.source, event.target) == ("KEN", None)


def test_sides_that_agree_together_are_each_others_target(code):
    events = _root(code("India and Pakistan agreed to exchange prisoners."), "03")
    assert sorted((e.source, e.target) for e in events) == [("IND", "PAK"), ("PAK", "IND")]


def test_a_warning_to_a_country_is_a_threat_to_it(code):
    [event] = _root(code("Iran warned Israel against any attack on its nuclear sites."), "13")
    assert event.target == "ISR"


# -- the act itself -----------------------------------------------------------------------

def test_an_offer_written_with_an_adjective_is_an_intent(code):
    events = _root(code("Peru is willing to send troops to Haiti, the minister said."), "03")
    assert [(e.source, _countries(e.target), e.modality) for e in events] == [("PER", {"HTI"}, "asserted")]


def test_an_adjective_before_no_act_is_a_figure_of_speech(code):
    assert code("Peru was willing to walk a fine line on the issue.") == []


def test_a_raised_subject_does_the_infinitive(code):
    [event] = _root(code("Ukraine is expected to sign the deal with Poland next week."), "05")
    assert (event.source, event.target, event.modality) == ("UKR", "POL", "future")


def test_an_obligation_with_no_act_word_is_still_a_demand(code):
    [event] = _root(code("Russia said on Friday that Moldova must return the helicopter."), "10")
    assert (event.source, event.target) == ("RUS", "MDA")


def test_a_passive_obligation_names_no_addressee(code):
    assert _root(code("Rwanda said that the FDLR must be neutralised."), "10") == []


# -- type choices -------------------------------------------------------------------------

def test_calling_for_a_protest_is_an_appeal(code):
    events = code("Georgia's opposition called for a mass protest on Friday.")
    assert _root(events, "02") and not _root(events, "14")


def test_walking_out_is_a_sanction(code):
    assert _root(code("The Iranian delegation walked out of the UN meeting."), "16")


def test_seizing_a_ship_is_a_hijacking(code):
    events = code("Somali pirates seized a cargo ship off the coast of Yemen.")
    assert [e.cameo for e in events] == ["181"]


def test_ordering_diplomats_to_leave_is_an_expulsion(code):
    [event] = code("Mali ordered French diplomats to leave the country.")
    assert event.cameo == "161"


def test_an_act_held_over_a_condition_is_a_threat(code):
    events = code("Nigeria will withdraw its troops from Chad unless the rebels accept a truce.")
    threats = [e for e in _root(events, "13") if e.source == "NGA"]
    assert [(e.modality, _countries(e.target)) for e in threats] == [("asserted", {"TCD"})]


# -- modality -----------------------------------------------------------------------------

def test_even_if_concedes_and_does_not_condition(code):
    [event] = _root(code("Vietnam vowed to fight on even if the talks fail."), "13")
    assert event.modality == "asserted"


def test_an_alleged_act_is_hypothetical(code):
    [event] = code("Syria allegedly used chemical weapons against civilians.")
    assert event.modality == "hypothetical"


def test_a_participle_with_its_doer_describes_an_earlier_act(code):
    [event] = _root(code("The sanctions, imposed by Washington in 2018, remain in place."), "16")
    assert (event.source, event.modality) == ("USA", "historical")


def test_a_past_perfect_in_the_reporters_voice_is_background(code):
    [event] = _root(code("Mali had expelled the French ambassador, and relations soured."), "16")
    assert event.modality == "historical"


def test_a_reported_past_perfect_is_the_days_news(code):
    [event] = _root(code("Officials said Pakistan had accepted the ceasefire."), "03")
    assert event.modality == "asserted"


def test_us_in_capitals_is_the_country_not_the_pronoun(code):
    [event] = _root(code("China demanded that the US cancel the arms sale."), "10")
    assert (event.source, event.target) == ("CHN", "USA")


def test_the_object_of_a_clause_is_the_target_of_the_attack_it_sits_in(code):
    events = _root(code("Irish guerrillas wounded two British soldiers in a bomb attack on Thursday."), "19")
    assert [e.target for e in events] == ["agent:GBR:MIL"]
