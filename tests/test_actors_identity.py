"""Actor identity: names that contain a country, acronyms after a long name, and the country
of a person the KB does not know, read from their title."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.actors import ActorResolver

DAY = dt.date(2025, 3, 1)


@pytest.fixture(scope="module")
def resolve(spacy_nlp, kb):
    resolver = ActorResolver(kb)

    def run(text: str):
        return resolver.resolve(spacy_nlp(text), DAY)

    return run


def _new_person(found, surname: str):
    people = [a for a in found.actors.values() if a.type == "person" and a.name.endswith(surname)]
    assert people, f"no person named ... {surname}: {[a.name for a in found.actors.values()]}"
    return people[0]


def test_a_country_name_inside_a_group_name_is_not_the_country(resolve):
    found = resolve("Kamal Thapa, whose group Sahayog Nepal organised the march, spoke on Monday. "
                    "The talks failed, according to Sahayog Nepal.")
    assert "NPL" not in found.actors
    groups = [a for a in found.actors.values() if a.name == "Sahayog Nepal"]
    assert len(groups) == 1 and len(groups[0].mentions) == 2


def test_a_surname_that_resembles_a_country_is_a_person(resolve):
    found = resolve("Ilker Solomon, the director of the Migrant Aid Trust, says the rules must change.")
    assert "SLB" not in found.actors
    assert _new_person(found, "Solomon").name == "Ilker Solomon"


def test_a_country_in_a_persons_name_is_not_their_country(resolve):
    found = resolve("Chad Okafor, a local trader, said prices had doubled.")
    person = _new_person(found, "Okafor")
    assert person.country is None


@pytest.mark.parametrize("text, surname, country", [
    ("Eritrea's information minister Tesfay Gebrehiwet said Ethiopia must withdraw.", "Gebrehiwet", "ERI"),
    ("Pakistan's foreign ministry spokesman Nadeem Qureshi said India must stop.", "Qureshi", "PAK"),
    ("Niger’s junta leader General Moussa Hamani spoke on television on Tuesday.", "Hamani", "NER"),
    ("The Indonesian Coordinating Maritime Affairs Minister Agus Prasetyo said Jakarta would respond.",
     "Prasetyo", "IDN"),
])
def test_an_unknown_persons_country_comes_from_their_title(resolve, text, surname, country):
    person = _new_person(resolve(text), surname)
    assert person.country == country
    assert person.sector is not None


def test_a_later_title_completes_an_unknown_person(resolve):
    found = resolve("Agus Prasetyo spoke first. Prasetyo, Indonesia's trade minister, said the deal was dead.")
    assert _new_person(found, "Prasetyo").country == "IDN"


def test_an_acronym_after_a_long_name_names_the_whole_body(resolve):
    found = resolve("According to the United Nations Mission for the Stabilization in Central Sahel (MINUCS), "
                    "three people were killed. MINUCS has sent a team to the area.")
    mission = [a for a in found.actors.values() if a.name.startswith("United Nations Mission")]
    assert len(mission) == 1
    assert mission[0].name == "United Nations Mission for the Stabilization in Central Sahel"
    texts = [m.text for m in found.mentions if m.actor_id == mission[0].id]
    assert texts.count("MINUCS") == 2
