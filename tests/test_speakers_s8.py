"""Speakers named by a title first and a name later, and a body naming its own state.

Sentences are written for these tests; each pins one rule of the speaker layer.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.model import Article, Section


def _analyse(analyzer, text: str):
    article = Article(id="s8", text=text, published=dt.date(2025, 3, 4), language="en",
                      sections=[Section(kind="body", span=(0, len(text)))])
    return next(iter(analyzer.analyse([article])))


def _speaker_of(result, words: str) -> str | None:
    actors = {a.id: a for a in result.actors}
    for quote in result.quotes:
        if words in quote.text:
            actor = actors.get(quote.speaker.actor_id or "")
            return actor.name if actor is not None else quote.speaker.name
    raise AssertionError(f"no quote holds {words!r}: {[q.text for q in result.quotes]}")


LEAD_NEGOTIATOR = (
    "Ukraine's chief negotiator says Kyiv will not give up any land until Russian troops leave the "
    "occupied regions, as talks resumed in Istanbul on Monday.\n\n"
    "\u201cWe did not come here to surrender,\u201d Olena Hrytsenko told reporters outside the palace."
)


def test_lead_title_of_a_role_family_is_the_person_named_next(analyzer):
    # "chief negotiator" is no KB title, but a word of the envoy family: the lead's title is
    # the person the next paragraph names, not the country the negotiator speaks for.
    result = _analyse(analyzer, LEAD_NEGOTIATOR)
    assert _speaker_of(result, "Kyiv will not give up") == "Olena Hrytsenko"


def test_lead_spokesman_still_speaks_for_the_side(analyzer):
    # A representative is one of many: a later name is not theirs.
    text = (
        "A Ukrainian spokesman says Kyiv will not give up any land until Russian troops leave.\n\n"
        "\u201cWe did not come here to surrender,\u201d Olena Hrytsenko told reporters outside the palace."
    )
    result = _analyse(analyzer, text)
    assert _speaker_of(result, "Kyiv will not give up") != "Olena Hrytsenko"


BODY_STATEMENT = (
    "The US State Department says in a statement that Washington is \u2018deeply troubled\u2019 by the "
    "manoeuvres and urges Beijing to \u2018halt its military pressure on the island\u2019."
)


def test_capital_inside_a_body_statement_is_the_body(analyzer):
    result = _analyse(analyzer, BODY_STATEMENT)
    assert _speaker_of(result, "halt its military pressure") == "US State Department"
    demand = next(d for d in result.demands if "halt its military pressure" in d.text)
    assert demand.party == "usa-foreign-ministry"


def test_capital_in_a_clause_beside_the_statement_keeps_its_own_voice(analyzer):
    # "though Baku insisted": a second statement next to the ministry's, not inside it.
    text = (
        "Armenia and Azerbaijan have agreed the text of a peace treaty, Azerbaijan's foreign "
        "ministry said on Thursday, though Baku insisted the treaty could not be signed until "
        "Yerevan changed its constitution."
    )
    result = _analyse(analyzer, text)
    assert _speaker_of(result, "could not be signed") == "Azerbaijan"


def test_officials_of_the_state_inside_a_statement_are_not_the_envoy(analyzer):
    # "US officials say" names people of the state, not the state standing for the speaker.
    text = (
        "Steve Witkoff, the US special envoy, has said in several interviews that this is the red "
        "line of any agreement, and US officials say Iran must also account for its stock of "
        "enriched uranium."
    )
    result = _analyse(analyzer, text)
    assert _speaker_of(result, "Iran must also account") != "Steve Witkoff"
