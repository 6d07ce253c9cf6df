"""Groups of a country's people named by a demonym and a plural noun ("Iraqi Kurds",
"Panamanian army officers", "Russian civilian advisers"): one actor of that country, whose
mention covers the whole group, so an event can take it as its source or target. Plain
nationality plurals ("Nigerians") stay the country, as the team's gold writers read them.
Sentences are written by the team."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.actors import ActorResolver

DAY = dt.date(2025, 6, 1)


@pytest.fixture(scope="module")
def mentions(spacy_nlp, kb):
    resolver = ActorResolver(kb)

    def run(text: str) -> dict[str, tuple[str, object]]:
        found = resolver.resolve(spacy_nlp(text), DAY)
        return {m.text: (m.actor_id, found.actors[m.actor_id]) for m in found.mentions}

    return run


def test_ethnic_plural_after_a_demonym_is_a_group_of_that_country(mentions):
    found = mentions("Thousands of Iraqi Kurds marched through Erbil on Sunday.")
    assert "Iraqi Kurds" in found
    actor_id, actor = found["Iraqi Kurds"]
    assert actor.country == "IRQ" and actor_id != "IRQ"


def test_people_noun_after_a_demonym_is_a_group(mentions):
    found = mentions("Two Azerbaijani citizens were detained in Moscow last week.")
    actor_id, actor = found["Azerbaijani citizens"]
    assert actor.country == "AZE" and actor_id.startswith("agent:AZE:")


def test_people_noun_in_the_singular_stays_the_demonym(mentions):
    found = mentions("An Azerbaijani citizen was detained in Moscow last week.")
    assert "Azerbaijani citizen" not in found


def test_members_of_a_body_take_the_bodys_sector(mentions):
    found = mentions("The embassy sheltered five Panamanian army officers after the coup attempt.")
    actor_id, _ = found["Panamanian army officers"]
    assert actor_id == "agent:PAN:MIL"


def test_adjective_before_a_people_noun_gives_the_nouns_sector(mentions):
    found = mentions("Gunmen seized three Russian civilian advisers near the airport.")
    actor_id, _ = found["Russian civilian advisers"]
    assert actor_id == "agent:RUS:GOV"


def test_title_before_a_name_is_no_group(mentions):
    found = mentions("Iraqi army chief Karim Hassan visited the front.")
    assert not any(text.startswith("Iraqi army chief") for text in found)


def test_plain_nationality_plural_stays_the_country(mentions):
    found = mentions("Thousands of Nigerians gathered in Lagos on Thursday.")
    assert found["Nigerians"][0] == "NGA"


def test_group_is_an_event_target(analyzer):
    from parley.model import Article, Section

    text = "Rebels kidnapped five Russian civilian advisers in the north, officials said."
    article = Article(id="g1", text=text, language="en", sections=[Section(kind="body", span=(0, len(text)))])
    result = next(iter(analyzer.analyse([article])))
    targets = {t for e in result.events for t in ([e.target] if isinstance(e.target, str) else e.target or [])}
    assert "agent:RUS:GOV" in targets
