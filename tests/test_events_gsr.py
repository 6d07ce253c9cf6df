"""Violent acts told without their doer, and force build-up verbs (own fixtures)."""

import pytest

from parley.model import Article, Section


def _result(analyzer, text):
    article = Article(id="x", text=text, language="en", sections=[Section(kind="body", span=(0, len(text)))])
    return analyzer.analyse_one(article)


def _events(analyzer, text):
    result = _result(analyzer, text)
    actors = {a.id: a for a in result.actors}
    return [(e, actors.get(e.source if isinstance(e.source, str) else e.source[0])) for e in result.events]


@pytest.mark.parametrize("text, country", [
    ("Four policemen were killed in a roadside bombing near Kandahar on Tuesday, officials said.", "AFG"),
    ("Two soldiers were killed by an improvised explosive device outside Mosul.", "IRQ"),
    ("A car bomb explosion killed five civilians in central Kabul on Friday.", "AFG"),
])
def test_unnamed_attacker_of_a_bombing(analyzer, text, country):
    found = [(e, a) for e, a in _events(analyzer, text) if e.plover.type == "ASSAULT"]
    assert found, text
    event, actor = found[0]
    assert actor is not None and actor.sector == "UAF"
    assert actor.country == country


def test_attacker_named_by_its_means(analyzer):
    events = _events(analyzer, "A bomb blast in the market killed three traders on Monday.")
    assert [a.name for e, a in events if e.plover.type == "ASSAULT"] == ["bomb blast"]


@pytest.mark.parametrize("text", [
    "He was killed in the crash.",  # an accident: no means of attack
    "Three people were killed in Baghdad on Monday.",  # no means named
    "The bombing killed the plan.",  # no one struck
    "Dozens of people were killed since the clashes began.",  # "since" tells no means
])
def test_no_unnamed_attacker_without_means_or_victim(analyzer, text):
    assert not any(a is not None and a.sector == "UAF" for _, a in _events(analyzer, text))


def test_named_attacker_is_kept(analyzer):
    events = _events(analyzer, "Russian forces killed three soldiers in an artillery strike near Kharkiv.")
    assert events and all(a is None or a.sector != "UAF" for _, a in events)


def test_recruiting_fighters_is_mobilising(analyzer):
    events = _events(analyzer, "The rebels recruited hundreds of fighters in the north last month.")
    assert "MOBILIZE" in [e.plover.type for e, _ in events]


def test_recruiting_voters_is_no_mobilisation(analyzer):
    events = _events(analyzer, "The party recruited thousands of volunteers for the campaign.")
    assert "MOBILIZE" not in [e.plover.type for e, _ in events]
