"""Issue 4, sixth round: acts that are only talked about, the largest rejection kind
("not an event") in annotator F's sample.

Each test hands the checks a parsed sentence and a hand-written Event (so it tests the check,
whatever the coder does), with a control sentence the same check must leave alone. All
sentences are written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.event_checks import EventChecks
from tests.event_check_helpers import hand_event, resolved_doc, reviewed

PUBLISHED = dt.date(2016, 10, 3)


@pytest.fixture(scope="module")
def checks():
    return EventChecks()


def _doc(nlp, text: str, actors: dict[str, tuple[str, str, str]]):
    return resolved_doc(nlp, text, actors, PUBLISHED)


# -- what someone needs to do ------------------------------------------------------------------
def test_what_a_body_needs_to_do_is_no_act(checks, spacy_nlp):
    text = "The agency is short of the cash it needs to deliver tents and water to the displaced families."
    doc = _doc(spacy_nlp, text, {"agency": ("The agency", "Relief Agency", "organisation")})
    event = hand_event(text, "agency", "073", "AID", modality="hypothetical", part="it needs to deliver tents")
    kept, dropped = reviewed(checks, doc, event)
    assert not kept and dropped == {"obligation_not_act"}


def test_a_delivery_made_is_kept(checks, spacy_nlp):
    text = "The agency delivered tents and water to the displaced families on Tuesday."
    doc = _doc(spacy_nlp, text, {"agency": ("The agency", "Relief Agency", "organisation")})
    kept, dropped = reviewed(checks, doc, hand_event(text, "agency", "073", "AID"))
    assert "obligation_not_act" not in dropped


# -- what someone can or cannot do ----------------------------------------------------------------
def test_what_they_cannot_do_is_no_act(checks, spacy_nlp):
    text = "They cannot blame the drought on the last governor."
    doc = _doc(spacy_nlp, text, {"party": ("They", "Ruling Party", "organisation")})
    event = hand_event(text, "party", "112", "ACCUSE", modality="negated", part="blame the drought")
    kept, dropped = reviewed(checks, doc, event)
    assert not kept and dropped == {"ability_not_act"}


def test_a_plan_called_off_is_left_to_the_coder(checks, spacy_nlp):
    # "will be unable to visit" is a negated act (tests/test_events_modality2.py), not a judgement of means
    text = "The envoy will be unable to visit Lisbon and meet the Portuguese premier."
    doc = _doc(spacy_nlp, text, {"envoy": ("The envoy", "Envoy", "person")})
    event = hand_event(text, "envoy", "036", "CONSULT", modality="negated", part="meet the Portuguese premier")
    kept, dropped = reviewed(checks, doc, event)
    assert "ability_not_act" not in dropped


def test_the_speakers_own_cannot_accept_stays(checks, spacy_nlp):
    text = '"We cannot accept this ceasefire proposal," the minister said.'
    doc = _doc(spacy_nlp, text, {"minister": ("the minister", "Foreign Minister", "person")})
    event = hand_event(text, "minister", "120", "REJECT", modality="negated", part="We cannot accept this ceasefire proposal")
    kept, dropped = reviewed(checks, doc, event)
    assert "ability_not_act" not in dropped


def test_a_third_party_cannot_allow_is_a_refusal(checks, spacy_nlp):
    # a negated "can" with a verb of yielding refuses, whoever the subject is
    text = "Tehran cannot allow inspectors into the site, the minister said on Monday."
    doc = _doc(spacy_nlp, text, {"tehran": ("Tehran", "Iran", "country")})
    event = hand_event(text, "tehran", "086", "CONCEDE", modality="negated", part="allow inspectors into the site")
    kept, dropped = reviewed(checks, doc, event)
    assert "ability_not_act" not in dropped


# -- habits and leanings ----------------------------------------------------------------------------
def test_a_habitual_leaning_is_no_act(checks, spacy_nlp):
    text = "The columnist generally backed Republicans during her years at the paper."
    doc = _doc(spacy_nlp, text, {"col": ("The columnist", "Columnist", "person")})
    kept, dropped = reviewed(checks, doc, hand_event(text, "col", "051", "SUPPORT", part="generally backed Republicans"))
    assert not kept and dropped == {"habitual_stance"}


def test_support_given_once_is_kept(checks, spacy_nlp):
    text = "The columnist publicly backed the Republican candidate on Friday."
    doc = _doc(spacy_nlp, text, {"col": ("The columnist", "Columnist", "person")})
    kept, dropped = reviewed(checks, doc, hand_event(text, "col", "051", "SUPPORT"))
    assert "habitual_stance" not in dropped


# -- a present-tense relative clause that describes its noun ----------------------------------------
def test_a_describing_clause_with_they_is_no_act(checks, spacy_nlp):
    text = "The ministers keep ignoring the very groups they refuse to name in public."
    doc = _doc(spacy_nlp, text, {"gov": ("The ministers", "Government", "country")})
    kept, dropped = reviewed(checks, doc, hand_event(text, "gov", "120", "REJECT", part="they refuse to name"))
    assert not kept and dropped == {"describing_clause"}


def test_a_describing_clause_with_a_named_doer_is_kept(checks, spacy_nlp):
    text = "Fighting spread to the border town held by the militia, which the army accuses of shelling villages."
    doc = _doc(spacy_nlp, text, {"army": ("the army", "Army", "organisation"), "mil": ("the militia", "Militia", "group")})
    event = hand_event(text, "army", "112", "ACCUSE", target="mil", part="which the army accuses of shelling villages")
    kept, dropped = reviewed(checks, doc, event)
    assert "describing_clause" not in dropped


# -- estimates and forecasts ------------------------------------------------------------------------
def test_an_effect_in_an_estimate_is_no_act(checks, spacy_nlp):
    text = "The Budget Office estimates that the levy would raise $20 billion because it would push firms to move abroad."
    doc = _doc(spacy_nlp, text, {"office": ("The Budget Office", "Budget Office", "organisation")})
    event = hand_event(text, "office", "020", "REQUEST", modality="future", part="it would push firms to move abroad")
    kept, dropped = reviewed(checks, doc, event)
    assert not kept and dropped == {"forecast_content"}


def test_the_scenario_a_model_sets_up_is_kept(checks, spacy_nlp):
    text = "Economists modeled what would happen if Brazil were to impose steep tariffs on Argentina."
    doc = _doc(spacy_nlp, text, {"br": ("Brazil", "Brazil", "country"), "ar": ("Argentina", "Argentina", "country")})
    event = hand_event(text, "br", "163", "SANCTION", target="ar", modality="hypothetical",
                       part="Brazil were to impose steep tariffs on Argentina")
    kept, dropped = reviewed(checks, doc, event)
    assert "forecast_content" not in dropped


# -- word senses ------------------------------------------------------------------------------------------
def test_a_march_toward_election_day_is_no_protest(checks, spacy_nlp):
    text = "After the debate, she will continue her march toward Election Day in Ohio."
    doc = _doc(spacy_nlp, text, {"cand": ("she", "Candidate", "person")})
    kept, dropped = reviewed(checks, doc, hand_event(text, "cand", "141", "PROTEST", modality="future",
                                                     part="her march toward Election Day"))
    assert not kept and dropped == {"wrong_sense"}


def test_a_march_to_parliament_stays_a_protest(checks, spacy_nlp):
    text = "Thousands of teachers began a march toward the parliament on Monday."
    doc = _doc(spacy_nlp, text, {"union": ("teachers", "Teachers", "group")})
    kept, dropped = reviewed(checks, doc, hand_event(text, "union", "141", "PROTEST", part="a march toward the parliament"))
    assert "wrong_sense" not in dropped


# -- disparagement: "dismissed X as ..." ------------------------------------------------------------------
def test_dismissing_a_country_as_something_is_criticism(checks, spacy_nlp):
    text = "Last week the senator dismissed Latvia as a mere outpost of Moscow."
    doc = _doc(spacy_nlp, text, {"sen": ("the senator", "Senator", "person"), "lv": ("Latvia", "Latvia", "country")})
    kept, dropped = reviewed(checks, doc, hand_event(text, "sen", "120", "REJECT", target="lv"))
    assert not dropped and [e.cameo for e in kept] == ["111"] and kept[0].plover.type == "ACCUSE"


def test_dismissing_a_plan_as_a_stunt_stays_a_rejection(checks, spacy_nlp):
    text = "Last week the senator dismissed the peace plan as a stunt."
    doc = _doc(spacy_nlp, text, {"sen": ("the senator", "Senator", "person")})
    kept, dropped = reviewed(checks, doc, hand_event(text, "sen", "120", "REJECT"))
    assert [e.cameo for e in kept] == ["120"]
