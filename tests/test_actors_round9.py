"""Round 9: bodies named by their form, rival governments and bare titles of international
offices. Sentences written by the team; each rule has a near miss it must leave alone."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.analyse import analyse_text
from parley.extract.actors import ActorResolver

DAY = dt.date(2025, 6, 1)


@pytest.fixture(scope="module")
def resolve(spacy_nlp, kb):
    resolver = ActorResolver(kb)

    def run(text: str, published=DAY):
        found = resolver.resolve(spacy_nlp(text), published)
        return found, {m.text: m.actor_id for m in found.mentions}

    return run


def _speakers(analyzer, text: str, published=DAY) -> list[tuple[str, str]]:
    result = analyse_text(text, published=published, analyzer=analyzer)
    return [(q.speaker.actor_id, q.speaker.name) for q in result.quotes]


# -- missions abroad ------------------------------------------------------------------

def test_embassy_keeps_its_place_and_its_country(resolve):
    found, by_text = resolve("The Canadian Embassy in Lima said its staff were safe.")
    actor_id = by_text["Canadian Embassy in Lima"]
    actor = found.actors[actor_id]
    assert actor.type == "organisation" and actor.country == "CAN"
    assert "Canadian" not in by_text


def test_mission_of_an_international_body(resolve):
    found, by_text = resolve("The EU Mission in Georgia says it has added night patrols.")
    actor = found.actors[by_text["EU Mission in Georgia"]]
    assert actor.country is None and "EU" not in by_text


def test_embassy_named_after_of(resolve):
    found, by_text = resolve("The Embassy of Kenya in Addis Ababa urged citizens to register.")
    assert found.actors[by_text["Embassy of Kenya in Addis Ababa"]].country == "KEN"


def test_lower_case_mission_is_no_body(resolve):
    _, by_text = resolve("Talks were held at the Iranian mission in Geneva on Tuesday.")
    assert not any("mission" in text.lower() for text in by_text)


def test_embassy_speaks_for_itself(analyzer):
    speakers = _speakers(analyzer, "The Canadian Embassy in Lima called on all sides to respect the vote count.")
    assert speakers and speakers[0][1] == "Canadian Embassy in Lima"


# -- names with "and" inside ------------------------------------------------------------

def test_name_with_and_is_one_organisation(resolve):
    found, by_text = resolve("The Families and Survivors Forum, which speaks for relatives, said it would keep campaigning.")
    assert found.actors[by_text["Families and Survivors Forum"]].type == "organisation"
    assert "Families" not in by_text and "Forum" not in by_text


def test_two_countries_forces_are_not_one_name(resolve):
    _, by_text = resolve("Russian and Chinese Forces held joint drills near the border.")
    assert "Russian and Chinese Forces" not in by_text


def test_headline_in_title_case_is_left_alone(resolve):
    _, by_text = resolve("Rebels And Army Agree Truce In Eastern Province Council")
    assert not any(" And " in text for text in by_text)


# -- a group followed by its members -----------------------------------------------------

def test_group_with_its_members_in_apposition_is_the_group(analyzer):
    text = ("The G4 - Brazil, India and Japan, which want permanent seats - say they will table a new "
            "reform text next week.")
    speakers = _speakers(analyzer, text)
    assert speakers and speakers[0][1] == "G4"


def test_three_actors_in_a_comma_list_stay_three(resolve):
    _, by_text = resolve("NATO, Britain and France said they were watching the border closely.")
    assert by_text.get("Britain") == "GBR" and by_text.get("France") == "FRA" and by_text.get("NATO") == "nato"


def test_a_date_before_a_dash_names_no_group(resolve):
    _, by_text = resolve("The talks resume on Monday - Britain, France and Germany will attend.")
    assert by_text.get("Britain") == "GBR"
    assert not any("Monday" in text for text in by_text)


# -- a country's bodies ------------------------------------------------------------------

def test_capitalised_body_of_several_words_is_the_body_not_the_country(resolve):
    found, by_text = resolve("The Indonesian Coast Guard said it had towed the boat to port.")
    actor_id = by_text["Indonesian Coast Guard"]
    assert found.actors[actor_id].country == "IDN" and actor_id != "IDN"


def test_determiner_is_no_half_of_a_demonym(resolve):
    _, by_text = resolve("The Indonesian delegation arrived late.")
    assert "The Indonesian" not in by_text


# -- governments -------------------------------------------------------------------------

def test_rival_government_is_an_actor_of_its_own(analyzer):
    text = ("Libya's rival administrations traded accusations. The eastern-based government in Benghazi said "
            "it would not recognise the deal. The government said the vote was illegal.")
    speakers = _speakers(analyzer, text)
    first, second = speakers[0], speakers[1]
    assert first[0] != "LBY" and first[0] == second[0]
    assert "eastern-based government" in first[1]


def test_central_government_is_still_the_country(analyzer):
    text = "Nigeria's states protested. The central government said it would release the funds."
    speakers = _speakers(analyzer, text)
    assert speakers and speakers[0][0] == "NGA"


# -- titles of international offices -------------------------------------------------------

def test_bare_title_is_no_actor(resolve):
    _, by_text = resolve("The Secretary-General reiterates his call for a ceasefire.")
    assert "Secretary-General" not in by_text


def test_pronoun_after_a_bare_international_title_is_its_holder(analyzer):
    text = ("UN agencies say fighting has displaced 50,000 people. The Secretary-General reiterates his call "
            "for a ceasefire. He said the parties must return to talks.")
    speakers = _speakers(analyzer, text, published=dt.date(2025, 10, 8))
    assert speakers[-1][0] == "antonio-guterres"


def test_bare_title_without_its_organisation_names_nobody(analyzer):
    text = ("Fighting displaced 50,000 people. The Secretary-General reiterates his call for a ceasefire. "
            "He said the parties must return to talks.")
    speakers = _speakers(analyzer, text, published=dt.date(2025, 10, 8))
    assert speakers[-1][0] != "antonio-guterres"


# -- unnamed spokespeople ------------------------------------------------------------------

def test_spokesperson_speaks_for_the_main_subject_not_the_reported_one(analyzer):
    text = ("The Foreign Office said Britain condemned the missile test and urged restraint. "
            "A spokesperson said the commitment to its allies remained firm.")
    speakers = _speakers(analyzer, text)
    assert speakers[-1][0] != "GBR"
    assert speakers[-1][0] == speakers[0][0]
