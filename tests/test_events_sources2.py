"""Event sources, round two: officials of unsaid nationality speaking for their state, and
a state's civil bodies acting in their own name.

Probe sentences written for these tests, each with a near miss that must keep its source.
"""

from __future__ import annotations

import datetime as dt

from parley.analyse import analyse_text
from parley.extract.event_voice import speaker_voice, voice_words
from parley.model import Quote, Speaker


def _events(analyzer, text):
    result = analyse_text(text, published=dt.date(2024, 6, 6), analyzer=analyzer)
    names = {a.id: a for a in result.actors}

    def named(ref):
        ids = [] if ref is None else (ref if isinstance(ref, list) else [ref])
        return [names[i].name if i in names else i for i in ids]

    return [(e, named(e.source), named(e.target)) for e in result.events]


def _sources(events, plover):
    return [source for e, source, _ in events if e.plover.type == plover]


# -- an official whose country the article leaves unsaid speaks for the state they tell of --

def test_spokesperson_of_unsaid_country_voices_the_states_stance(analyzer):
    events = _events(analyzer, "Government spokesperson Tesfaye Alemu said on Tuesday that Addis Ababa remained "
                               "committed to the truce agreement.")
    assert _sources(events, "AGREE") == [["Tesfaye Alemu"]]


def test_spokesman_refusal_for_his_state_is_his(analyzer):
    events = _events(analyzer, "Foreign Office spokesman Karim Baksh said Islamabad would not accept the proposal "
                               "from New Delhi.")
    sources = [s for _, s, _ in events]
    assert sources and all(s == ["Karim Baksh"] for s in sources)


def test_private_person_of_unsaid_country_is_no_voice_of_a_state(analyzer):
    # near miss: a resident holds no office, so the state keeps its own stance
    events = _events(analyzer, "Resident Tesfaye Alemu said Addis Ababa remained committed to the truce agreement.")
    assert all("Tesfaye Alemu" not in s for _, s, _ in events)


def test_official_telling_a_past_act_keeps_its_source(analyzer):
    # near miss: what the state did before is its own act, only reported
    events = _events(analyzer, "Government spokesperson Tesfaye Alemu said Ethiopia had signed the truce agreement "
                               "in Pretoria.")
    assert events and all(s != ["Tesfaye Alemu"] for _, s, _ in events)


def _quote(speaker):
    return Quote(span=(0, 10), text="x", kind="indirect", speaker=Speaker(actor_id=speaker))


def test_official_side_needs_one_state():
    # two countries in the source: no single state the official speaks for
    countries = {"ETH": "ETH", "ERI": "ERI", "aide": None}
    country_of, is_person = countries.get, (lambda a: a == "aide")
    sector_of = {"aide": "GOV"}.get
    assert speaker_voice(["ETH"], _quote("aide"), country_of, is_person, sector_of) == "aide"
    assert speaker_voice(["ETH", "ERI"], _quote("aide"), country_of, is_person, sector_of) is None
    assert speaker_voice(["ETH"], _quote("aide"), country_of, is_person) is None  # no sectors known
    assert speaker_voice(["ETH"], _quote("aide"), country_of, is_person, {"aide": "JRN"}.get) is None


def test_official_sectors_are_data():
    words = voice_words()
    assert {"gov", "mil"} <= words.official_sectors
    assert words.state_body_nouns.get("ministry") == "GOV"
    assert "embassy" not in words.state_body_nouns


# -- a state's civil body written in lower case acts in its own name --------------------

def test_ministry_of_a_country_is_its_own_source(analyzer):
    events = _events(analyzer, "Moldova's energy ministry rejected the proposal on Monday.")
    sources = _sources(events, "REJECT")
    assert sources and sources[0] != ["Moldova"]
    assert "ministry" in sources[0][0].lower()


def test_embassy_speaks_for_its_country(analyzer):
    # near miss: an embassy's rebuttal is the state's own
    events = _events(analyzer, "Moldova's embassy in Bucharest rejected the proposal on Monday.")
    sources = _sources(events, "REJECT")
    assert sources and all("embassy" not in s[0].lower() for s in sources)
