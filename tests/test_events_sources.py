"""Event sources and targets: whose act a clause tells, and whom it is aimed at.

Probe sentences written for these tests; each checks one general rule of
:mod:`parley.extract.event_actors`, :mod:`parley.extract.event_voice` and the coder's
source/target functions.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.analyse import analyse_text
from parley.extract.event_voice import stated_now, voice_words


def _events(analyzer, text):
    result = analyse_text(text, published=dt.date(2024, 6, 6), analyzer=analyzer)
    names = {a.id: a for a in result.actors}

    def named(ref):
        ids = [] if ref is None else (ref if isinstance(ref, list) else [ref])
        return [names[i].name if i in names else i for i in ids]

    return [(e, named(e.source), named(e.target)) for e in result.events], names


def _with_plover(events, plover):
    return [(e, s, t) for e, s, t in events if e.plover.type == plover]


# -- a stance told for the speaker's own side is the speaker's ----------------------------

def test_refusal_for_own_country_is_the_speakers(analyzer):
    events, _ = _events(analyzer, "TAIPEI - President Lai Ching-te said Taiwan would not bow to intimidation from Beijing.")
    ((event, source, target),) = _with_plover(events, "REJECT")
    assert source == ["Lai Ching-te"]
    assert "Lai Ching-te" not in target


def test_present_support_for_own_country_is_the_spokesmans(analyzer):
    events, _ = _events(analyzer, "A State Department spokesman said the US supports the European effort to restore sanctions on Iran.")
    ((event, source, _),) = _with_plover(events, "SUPPORT")
    assert source == ["US State Department"]


def test_past_act_of_own_country_keeps_its_source(analyzer):
    # what the side did before is its own act, only reported by the speaker
    events, _ = _events(analyzer, "Pakistani Prime Minister Shehbaz Sharif said Pakistan had accepted the ceasefire with India.")
    assert events and all(source == ["Pakistan"] for _, source, _ in events)


def test_act_of_another_country_keeps_its_source(analyzer):
    events, _ = _events(analyzer, "Japanese Foreign Minister Yoko Kamikawa said Russia would not negotiate with Ukraine.")
    assert [source for _, source, _ in _with_plover(events, "REJECT")] == [["Russia"]]


def test_stated_now(spacy_nlp):
    words = voice_words()
    doc = spacy_nlp("He said Russia would continue, that Iran supports it, that Kyiv had accepted it and that Oslo welcomed it.")
    by_word = {t.text: t for t in doc}
    assert stated_now(by_word["continue"], words)
    assert stated_now(by_word["supports"], words)
    assert not stated_now(by_word["accepted"], words)
    assert not stated_now(by_word["welcomed"], words)


# -- pronouns -------------------------------------------------------------------------------

def test_pronoun_subject_of_a_statement_is_its_speaker(analyzer):
    text = ("Hillary Clinton spoke to veterans in Osama bin Laden's former hideout region on Wednesday. "
            "The former first lady said it was a mistake, but she denied that she mishandled classified information.")
    events, _ = _events(analyzer, text)
    assert [source for _, source, _ in _with_plover(events, "REJECT")] == [["Hillary Clinton"]]


def test_pronoun_reported_by_a_person_of_its_gender_is_the_reporter(analyzer):
    text = ("Rafael Grossi, the head of the IAEA, met Mikhail Ulyanov in Vienna on Monday. "
            "Grossi said he planned to travel to Moscow next month.")
    events, _ = _events(analyzer, text)
    travels = [source for e, source, _ in events if "travel" in e.model_dump_json()] or [
        source for e, source, _ in events if e.plover.type == "CONSULT" and e.cameo == "042"]
    assert travels and all(source == ["Rafael Grossi"] for source in travels)


def test_pronoun_with_two_candidates_is_left_out(analyzer):
    text = ("Trump invited Gennifer Flowers, who once had an affair with President Clinton, to the debate. "
            "And she has accepted that invitation.")
    events, _ = _events(analyzer, text)
    # "she" is never one of the two men; Gennifer Flowers, a person by her "who" clause, may be it.
    assert all(source == ["Gennifer Flowers"] for e, source, _ in events if e.plover.type == "AGREE")


def test_possessor_of_a_relative_is_not_the_source(analyzer):
    events, _ = _events(analyzer, "Keith Lamont Scott's wife pleads for his life.")
    assert not any("Keith Lamont Scott" in source for _, source, _ in events)


def test_its_forces_in_a_ministry_statement_are_the_ministry(analyzer):
    text = ("MOSCOW - The Russian defence ministry said on Telegram that its forces had carried out "
            "a massive strike on Ukrainian defence industry sites.")
    events, _ = _events(analyzer, text)
    ((event, source, target),) = _with_plover(events, "ASSAULT")
    assert source == ["Russian Defence Ministry"] and target == ["Ukraine"]


# -- unnamed groups --------------------------------------------------------------------------

def test_group_with_its_own_origin_is_not_the_host_country(analyzer):
    text = ("BONN, Germany (AFP) - Negotiators from dozens of developing countries walked out of a "
            "session on climate finance at UN talks on Tuesday.")
    events, actors = _events(analyzer, text)
    assert events
    for event, source, _ in events:
        actor = actors[event.source]
        assert actor.country is None
        assert "Negotiators from dozens of developing countries" in {m.text for m in actor.mention_details}


def test_group_mention_keeps_its_count_and_place(analyzer):
    events, actors = _events(analyzer, "Demonstrators in Baghdad blocked a road on Tuesday.")
    mentions = {m.text for e, _, _ in events for m in actors[e.source].mention_details}
    assert "Demonstrators in Baghdad" in mentions


# -- targets ---------------------------------------------------------------------------------

def test_visit_is_aimed_at_the_places_visited(analyzer):
    events, _ = _events(analyzer, "Gambian President Dawda Jawara will visit Mauritania and Senegal next week.")
    visits = [target for e, _, target in events if e.cameo == "042"]
    assert visits == [["Mauritania", "Senegal"]]


def test_conditional_threat_is_aimed_at_the_side_of_the_condition(analyzer):
    events, _ = _events(analyzer, "Russia threatened to halt the talks if the United States deployed new missiles in Europe.")
    threats = _with_plover(events, "THREATEN")
    assert [target for _, _, target in threats] == [["United States"]]


@pytest.mark.parametrize("text, wanted", [
    ("Demonstrators in Baghdad blocked a road to show their disapproval of the United States' military policies.",
     "United States"),
    ("Egyptian demonstrators rioted after a rally calling for the removal of President Hosni Mubarak.",
     "Hosni Mubarak"),
])
def test_protest_is_aimed_at_whom_its_purpose_names(analyzer, text, wanted):
    events, _ = _events(analyzer, text)
    protests = _with_plover(events, "PROTEST")
    assert protests and all(target == [wanted] for _, _, target in protests)


def test_visit_to_a_city_is_aimed_at_its_country_named_in_the_story(analyzer):
    text = ("Iran agreed to resume talks on its nuclear programme. "
            "Rafael Grossi said he would travel to Tehran next week.")
    events, _ = _events(analyzer, text)
    visits = [(e, target) for e, _, target in events if e.cameo == "042"]
    assert visits and all(target == ["Iran"] and e.location.name == "Tehran" for e, target in visits)


def test_visit_to_a_city_of_an_unnamed_country_is_aimed_at_that_country(analyzer):
    # issue 4: the host state is the target even when the story never names it; the city
    # stays the visit's place
    events, _ = _events(analyzer, "Macron will travel to Warsaw next week.")
    visits = [(e, target) for e, _, target in events if e.cameo == "042"]
    assert visits and all(target == ["Poland"] and e.location.name == "Warsaw" for e, target in visits)
