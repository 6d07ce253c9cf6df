"""Where and when events happened: the dateline, fronted scene phrases, places in the noun
phrase of a locative, and the article's date for the day's news told in the present perfect."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.analyse import analyse_text

PUBLISHED = dt.date(2025, 3, 19)


def _events(analyzer, text):
    result = analyse_text(text, published=PUBLISHED, title="Headline of the story", analyzer=analyzer)
    return [(result.text[e.evidence[0]:e.evidence[1]], e) for e in result.events]


def _event(analyzer, text, words):
    found = [e for evidence, e in _events(analyzer, text) if words in evidence]
    assert found, (words, _events(analyzer, text))
    return found[0]


def _place(event):
    return event.location.name if event.location else None


DATELINE = ("LIMA, March 19 (Reuters) - Peru's Supreme Court on Wednesday suspended the mining decree.\n\n"
            "Judge Elena Ramos ordered the energy ministry to halt all new permits. "
            "Chile's foreign ministry urged Peru to protect the workers.")


def test_dateline_places_a_local_act_of_the_day(analyzer):
    assert _place(_event(analyzer, DATELINE, "Judge Elena Ramos ordered")) == "Lima"


def test_dateline_does_not_place_a_foreign_governments_act(analyzer):
    assert _place(_event(analyzer, DATELINE, "Chile's foreign ministry urged")) is None


@pytest.mark.parametrize("text", [
    "Quito (AFP) – Ecuador has expelled two Colombian diplomats, calling their remarks unacceptable.",
    "HARARE, Zimbabwe (AP) — Zimbabwe ordered four British journalists to leave the country.",
])
def test_dateline_styles(analyzer, text):
    # title case with an agency, and upper case the tagger misses as an entity
    event = _events(analyzer, text)[0][1]
    assert _place(event) == text.split(" ")[0].strip(",").title()


def test_no_dateline_no_place(analyzer):
    text = "Zimbabwe ordered four British journalists to leave the country."
    assert _place(_events(analyzer, text)[0][1]) is None


def test_fronted_place_covers_the_clause_and_its_participle(analyzer):
    text = ("Trade ministers met on Monday.\n\n"
            "In Lagos, hundreds of protesters attacked the French embassy, accusing France of backing the junta.")
    assert _place(_event(analyzer, text, "accusing France")) == "Lagos"


def test_fronted_place_sets_the_scene_for_its_paragraph_only(analyzer):
    text = ("The talks stalled.\n\nAt a press briefing in Ankara, foreign ministry spokesman Oncu Keceli urged "
            "Athens to end its provocations. He accused Greece of arming the islands.\n\n"
            "Greek officials declined to comment.")
    assert _place(_event(analyzer, text, "He accused Greece")) == "Ankara"
    assert _place(_event(analyzer, text, "declined to comment")) is None


def test_place_named_inside_a_locative_noun_phrase(analyzer):
    text = ("Talks resumed.\n\nSpeaking to soldiers in the northern province of Kunduz, the minister said "
            "the army would not negotiate with the rebels.")
    assert _place(_event(analyzer, text, "would not negotiate")) == "Kunduz"


def test_present_perfect_and_participle_take_the_articles_date(analyzer):
    text = "Ecuador has expelled two Colombian diplomats, calling their remarks unacceptable."
    events = _events(analyzer, text)
    assert events and all(e.date == PUBLISHED.isoformat() for _, e in events)


def test_past_perfect_narration_gets_no_published_date(analyzer):
    text = "Ecuador had expelled two Colombian diplomats, and relations soured."
    events = _events(analyzer, text)
    assert events and all(e.date != PUBLISHED.isoformat() for _, e in events)
