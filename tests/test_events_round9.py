"""Event coding, ninth round: the kind of act and its time on a new writer's articles.

Leaving a bloc or treaty is a reduction of relations, a weapons test a show of force, a
police raid a law-enforcement act, a sanctions package no aid; a judgement ("called the
hosting a disgrace") outranks an object reading of its verb; terms agreed together
("agreed the text of a treaty") are an agreement of each side with the other; "the two
sides" / "both delegations" as a subject are the article's two sides; a past perfect in a
relative clause is background; a date inside a clause describing the speaker is not the
date of the saying.

Every test runs the full pipeline (coder and reliability checks), with sentences written
for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import events_with_evidence, plover_types

PUBLISHED = dt.date(2025, 10, 8)


@pytest.fixture(scope="module")
def events(parley_nlp):
    def run(text: str, published: dt.date = PUBLISHED):
        return events_with_evidence(parley_nlp, text, published)
    return run


def _sources(found, kind):
    return sorted(str(e.source) for e, _ in found if e.plover.type == kind)


# -- leaving a bloc is SANCTION (PLOVER: a country withdraws itself from an organisation) --

def test_withdrawal_from_a_bloc_reduces_relations(events):
    found = events("Guinea completed its withdrawal from the regional bloc on Tuesday, the government said.")
    assert "SANCTION" in plover_types(found) and "RETREAT" not in plover_types(found)


def test_pulling_out_of_a_treaty_reduces_relations(events):
    found = events("Hungary completed its withdrawal from the International Criminal Court on Monday.")
    assert "RETREAT" not in plover_types(found)


def test_withdrawing_troops_from_a_border_stays_a_retreat(events):
    found = events("Armenia completed the withdrawal of its troops from the border villages on Monday.")
    assert "RETREAT" in plover_types(found) and "SANCTION" not in plover_types(found)


# -- a weapons test is a show of force --------------------------------------------------

def test_a_test_fired_missile_is_a_show_of_force(events):
    found = events("Iran test-fired a new cruise missile over the Gulf of Oman on Sunday.")
    [(event, _)] = [(e, w) for e, w in found if e.cameo.startswith("15")]
    assert event.plover.type == "MOBILIZE" and event.cameo == "150"
    assert "ASSAULT" not in plover_types(found)


def test_testing_a_missile_is_a_show_of_force(events):
    assert "MOBILIZE" in plover_types(events("Pakistan tested a nuclear-capable ballistic missile on Friday."))


def test_firing_missiles_at_a_city_stays_an_assault(events):
    found = events("Russia fired missiles at Kharkiv overnight, Ukrainian officials said.")
    assert "ASSAULT" in plover_types(found) and "MOBILIZE" not in plover_types(found)


# -- a police raid is COERCE -------------------------------------------------------------

def test_a_police_raid_is_coercion(events):
    found = events("Georgian police carried out dozens of raids on opposition offices on Thursday.")
    assert "COERCE" in plover_types(found) and "ASSAULT" not in plover_types(found)
    assert len([e for e, _ in found if e.plover.type == "COERCE"]) == 1  # one act, one event


def test_an_army_raid_stays_an_assault(events):
    found = events("The Sudanese army launched a raid on Rapid Support Forces positions near El Fasher.")
    assert "COERCE" not in plover_types(found)


# -- a sanctions package is no aid -------------------------------------------------------

def test_a_package_of_sanctions_is_a_sanction(events):
    found = events("Canada approved a new package of sanctions against Iran on Wednesday.")
    assert "SANCTION" in plover_types(found) and "AID" not in plover_types(found)


def test_a_sanctions_package_is_a_sanction(events):
    found = events("Japan approved a fresh sanctions package against Russia on Friday.")
    assert "AID" not in plover_types(found)


def test_an_aid_package_stays_aid(events):
    assert "AID" in plover_types(events("Germany approved a new package of military aid for Ukraine on Tuesday."))


# -- a judgement outranks the object reading of "call" -----------------------------------

def test_calling_a_hosting_a_disgrace_is_an_accusation(events):
    found = events("Brazil's president called Argentina's hosting of the summit a shameful farce.")
    assert "ACCUSE" in plover_types(found) and "CONSULT" not in plover_types(found)


def test_calling_a_summit_stays_a_meeting(events):
    found = events("Egypt called an emergency summit of Arab leaders on Gaza.")
    assert "ACCUSE" not in plover_types(found)


# -- terms agreed together, and "the two sides" -------------------------------------------

def test_agreeing_the_text_of_a_treaty_is_an_agreement_of_both(events):
    found = events("Serbia and Kosovo have agreed the final text of a normalisation accord, the EU said.")
    agree = [(e.source, e.target) for e, _ in found if e.plover.type == "AGREE"]
    assert len(agree) == 2 and {s for s, _ in agree} == {t for _, t in agree}


def test_two_sides_as_subject_are_the_articles_two_countries(events):
    text = ("Ethiopia and Eritrea held talks in Nairobi on Monday. Ethiopia accused Eritrea of massing troops. "
            "Eritrea denied the claim. Kenyan officials said the two sides had agreed to meet again next month.")
    agree = [e for e, words in events(text) if e.plover.type == "AGREE" and "two sides" in words]
    assert sorted(str(e.source) for e in agree) == ["ERI", "ETH"]
    assert all(e.target == ("ETH" if e.source == "ERI" else "ERI") for e in agree)


def test_both_sides_as_an_object_are_left_unnamed(events):
    text = ("Ethiopia and Eritrea held talks in Nairobi on Monday. Ethiopia accused Eritrea of massing troops. "
            "Eritrea denied the claim. The African Union urged both sides to show restraint.")
    [appeal] = [e for e, words in events(text) if e.plover.type == "REQUEST" and "both sides" in words]
    assert appeal.target is None


def test_both_sides_of_a_border_are_no_pair(events):
    text = ("Ethiopia and Eritrea held talks in Nairobi on Monday. Ethiopia accused Eritrea of massing troops. "
            "Eritrea denied the claim. Both sides of the border agreed to reopen the market, traders said.")
    assert not [e for e, words in events(text) if "Both sides" in words and e.plover.type == "AGREE"]


def test_two_sides_with_no_pair_in_the_article_name_no_one(events):
    assert not [e for e, _ in events("The two sides agreed to meet again next week, a mediator said.")
                if e.plover.type == "AGREE"]


# -- time ----------------------------------------------------------------------------------

def test_a_past_perfect_relative_clause_is_background(events):
    found = events("Slovakia, which had threatened to veto the accord, backed it on Monday.")
    [threat] = [e for e, _ in found if e.plover.type == "THREATEN"]
    assert threat.modality == "historical"


def test_a_past_perfect_main_clause_of_reported_news_stays_asserted(events):
    found = events("Jordan said on Monday that Syria had threatened to close the border crossing.")
    assert all(e.modality != "historical" for e, _ in found if e.plover.type == "THREATEN")


def test_a_year_in_the_speakers_relative_clause_is_not_the_statements(events):
    found = events("Qatar, which mediated the 2020 prisoner exchange, said it was ready to host the talks.")
    [offer] = [e for e, words in found if e.plover.type == "AGREE" and "ready" in words]
    assert offer.modality != "historical"


def test_a_decade_inside_a_describing_clause_does_not_date_the_act(events):
    found = events("The leaders of Chad and Sudan have signed a border accord in Doha, in a move that could "
                   "end a dispute that has simmered since the 1990s.", dt.date(2025, 8, 9))
    assert found and all(e.modality == "asserted" for e, _ in found)


def test_a_decade_of_the_act_itself_is_historical(events):
    found = events("Chad and Sudan signed a border accord in the 1990s.")
    assert found and all(e.modality == "historical" for e, _ in found)


# -- stances parsed as passives, and the dates of things ------------------------------------

def test_is_opposed_to_is_the_subjects_rejection(events):
    found = events("Turkey is opposed to Swedish mediation in the dispute, a government spokesman said.")
    [(rejection, _)] = [(e, w) for e, w in found if e.plover.type == "REJECT"]
    assert rejection.source == "TUR"


def test_opposed_by_keeps_the_agent_as_source(events):
    found = events("Kosovo's bid was opposed by Serbia at the meeting.")
    assert all(e.source != "XKX" for e, _ in found if e.plover.type == "REJECT")


def test_is_committed_to_a_course_is_an_intent(events):
    found = events("The spokesman said Indonesia is committed to opening its markets to foreign investors.")
    assert "AGREE" in plover_types(found)


def test_committing_troops_is_no_stance(events):
    assert "AGREE" not in plover_types(events("Britain committed 500 troops to the mission."))


def test_a_dated_thing_does_not_date_a_present_stance(events):
    found = events("Colombia remains committed to the 2016 accord, the foreign minister said on Monday.")
    [(agree, _)] = [(e, w) for e, w in found if e.plover.type == "AGREE"]
    assert agree.modality == "asserted"


def test_a_dated_thing_still_dates_a_past_act(events):
    found = events("Qatar, which brokered the 2020 truce, said on Monday it was ready to help.")
    assert all(e.modality == "historical" for e, w in found if "brokered" in w)


# -- kinds of act read past the first pattern or past a misread lemma -------------------------

def test_exercises_with_no_partner_are_a_show_of_force(events):
    found = events("Russia has launched large-scale naval exercises in the Baltic Sea, its defence ministry said.")
    assert "MOBILIZE" in plover_types(found) and "COOPERATE" not in plover_types(found)


def test_joint_exercises_of_two_stay_cooperation(events):
    assert "COOPERATE" in plover_types(events("India and France held joint naval exercises off Goa on Monday."))


def test_a_misread_lemma_finds_its_patterns(events):
    # the model lemmatises "staged" as "stag"
    found = events("Thousands of Georgian students staged demonstrations in Tbilisi on Sunday.")
    assert "PROTEST" in plover_types(found)


def test_an_army_deploying_is_mobilising(events):
    assert "MOBILIZE" in plover_types(events("The Malian army has deployed to the northern town of Kidal."))


def test_troops_targeting_villages_is_an_assault(events):
    found = events("Armenian troops had targeted villages near the border, Azerbaijan's defence ministry said.")
    assert "ASSAULT" in plover_types(found)


def test_sanctions_targeting_banks_is_no_assault(events):
    assert "ASSAULT" not in plover_types(events("The new EU sanctions target Russian banks and oil traders."))


def test_traded_accusations_accuse_each_other(events):
    found = events("Thailand and Cambodia traded accusations of violating the truce on Friday.")
    pairs = {(e.source, e.target) for e, _ in found if e.plover.type == "ACCUSE"}
    assert pairs == {("THA", "KHM"), ("KHM", "THA")}


# -- announced acts: on a condition, or withheld as a warning ---------------------------------

def test_may_on_a_condition_announces_a_threat(events):
    found = events("The African Union may suspend Mali's membership if the junta delays the election.")
    assert "THREATEN" in plover_types(found)


def test_may_without_a_condition_is_only_a_guess(events):
    assert "THREATEN" not in plover_types(events("Analysts said Russia may cut gas supplies to Moldova."))


def test_will_not_allow_is_a_warning(events):
    found = events("Kenya's president said Nairobi would not allow anyone to destabilise the region.")
    assert "THREATEN" in plover_types(found)
    assert "CONCEDE" not in plover_types(found)  # the act withheld is no event beside the warning


def test_allowing_someone_to_act_is_a_concession(events):
    found = events("Guinea's interior minister allowed opposition leader Sami Diallo to hold a rally in Conakry.")
    assert "CONCEDE" in plover_types(found)


def test_must_not_allow_is_no_event(events):
    assert not events('"We must not allow the gains of the past two years to be lost," the envoy said.')
