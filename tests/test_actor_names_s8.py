"""A country name followed by a weekday (wire style) is still the country acting."""

import pytest

from parley.model import Article


@pytest.mark.parametrize("text, country", [
    ("Talks failed. Israel Friday imposed blockades in Gaza.", "ISR"),
    ("Talks failed. Israel on Friday imposed blockades in Gaza.", "ISR"),
])
def test_country_before_weekday_is_an_actor(analyzer, text, country):
    result = analyzer.analyse_one(Article(id="t", text=text, published="2024-01-05"))
    assert country in {actor.id for actor in result.actors}
    assert any(event.source == country for event in result.events)


def test_given_name_before_surname_is_still_no_country(analyzer):
    text = "Paris Hilton arrived at the party on Friday."
    result = analyzer.analyse_one(Article(id="t", text=text, published="2024-01-05"))
    assert "FRA" not in {actor.id for actor in result.actors}


def test_entity_with_half_its_bracket_is_named_without_it(analyzer):
    text = ("Analysts at the Jakarta-based Institute for Policy Analysis of Conflict (IPAC) said "
            "the figure was wrong. IPAC also said the toll rose.")
    result = analyzer.analyse_one(Article(id="t", text=text, published="2024-01-05"))
    names = {actor.name for actor in result.actors}
    assert "Institute for Policy Analysis of Conflict" in names
    assert not any("(" in name for name in names)
