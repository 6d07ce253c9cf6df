"""Issue 4, fourth round: the kinds of error annotator D found on open news text.

Each test hands the checks a parsed sentence and a hand-written Event (so it tests the check,
whatever the coder does), with a control sentence the same check must leave alone. The last
tests run the whole pipeline for the lexicon changes (invitations, declining to discuss).
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.event_checks import EventChecks
from tests.event_check_helpers import hand_event, resolved_doc, reviewed


@pytest.fixture(scope="module")
def checks():
    return EventChecks()


def _doc(nlp, text: str, actors: dict[str, tuple[str, str, str]], published=dt.date(2016, 9, 26)):
    return resolved_doc(nlp, text, actors, published)


_event = hand_event


_review = reviewed


# -- figurative comparisons -------------------------------------------------------------------
def test_the_image_of_a_comparison_is_no_act(checks, spacy_nlp):
    text = "Another critic, Laura Tribe, likened the new rules to burning the Constitution."
    doc = _doc(spacy_nlp, text, {"tribe": ("Laura Tribe", "Laura Tribe", "person")})
    kept, dropped = _review(checks, doc, _event(text, "tribe", "170", "COERCE", part="burning the Constitution"))
    assert not kept and dropped == {"figurative_comparison"}


def test_a_burning_that_is_told_is_kept(checks, spacy_nlp):
    text = "Soldiers burned the opposition headquarters in the capital."
    doc = _doc(spacy_nlp, text, {"army": ("Soldiers", "Army", "organisation")})
    kept, dropped = _review(checks, doc, _event(text, "army", "170", "COERCE"))
    assert "figurative_comparison" not in dropped


# -- "executed it": carrying out, not an execution --------------------------------------------
def test_executing_a_plan_is_no_killing(checks, spacy_nlp):
    text = "Trump had a plan for the debate and he flawlessly executed it."
    doc = _doc(spacy_nlp, text, {"trump": ("Trump", "Donald Trump", "person")})
    kept, dropped = _review(checks, doc, _event(text, "trump", "186", "ASSAULT", part="flawlessly executed it"))
    assert not kept and dropped == {"wrong_sense"}


def test_executing_prisoners_is_kept(checks, spacy_nlp):
    text = "The regime executed three dissidents in the main prison on Monday."
    doc = _doc(spacy_nlp, text, {"gov": ("The regime", "Government", "country")})
    kept, dropped = _review(checks, doc, _event(text, "gov", "186", "ASSAULT"))
    assert kept and not dropped


# -- acts on the doer's own vote or campaign --------------------------------------------------
def test_calling_her_own_vote_a_mistake_is_no_accusation(checks, spacy_nlp):
    text = "At the forum, Hillary Clinton called her vote for the war a mistake."
    doc = _doc(spacy_nlp, text, {"hrc": ("Hillary Clinton", "Hillary Clinton", "person")})
    kept, dropped = _review(checks, doc, _event(text, "hrc", "111", "ACCUSE"))
    assert not kept and dropped == {"own_matter"}


def test_calling_his_vote_a_mistake_is_kept_when_the_pronoun_is_someone_else(checks, spacy_nlp):
    text = "At the forum, Hillary Clinton called his vote for the war a mistake."
    doc = _doc(spacy_nlp, text, {"hrc": ("Hillary Clinton", "Hillary Clinton", "person")})
    kept, dropped = _review(checks, doc, _event(text, "hrc", "111", "ACCUSE"))
    assert "own_matter" not in dropped


def test_an_apology_for_his_own_words_is_kept(checks, spacy_nlp):
    text = "Donald Trump did not apologize for his past statements."
    doc = _doc(spacy_nlp, text, {"trump": ("Donald Trump", "Donald Trump", "person")})
    kept, dropped = _review(checks, doc, _event(text, "trump", "055", "SUPPORT", modality="negated"))
    assert "own_matter" not in dropped


# -- background told by month --------------------------------------------------------------------
def _refusal(checks, spacy_nlp, published):
    text = "The decision is risky for Cruz, who refused to endorse Trump at the convention in July."
    doc = _doc(spacy_nlp, text, {"cruz": ("Cruz", "Ted Cruz", "person"),
                                 "trump": ("Trump", "Donald Trump", "person")}, published=published)
    kept, _ = _review(checks, doc, _event(text, "cruz", "120", "REJECT", target="trump",
                                          part="refused to endorse Trump at the convention in July"))
    return kept[0].modality


def test_a_refusal_months_before_publication_is_background(checks, spacy_nlp):
    assert _refusal(checks, spacy_nlp, dt.date(2016, 9, 26)) == "historical"


def test_a_refusal_in_the_month_of_publication_is_news(checks, spacy_nlp):
    assert _refusal(checks, spacy_nlp, dt.date(2016, 7, 25)) == "asserted"


def test_a_span_since_a_month_reaching_now_is_news(checks, spacy_nlp):
    text = "Since 19 November, the Houthis have carried out more than two dozen attacks on ships."
    doc = _doc(spacy_nlp, text, {"h": ("the Houthis", "Houthis", "group")}, published=dt.date(2024, 2, 10))
    kept, _ = _review(checks, doc, _event(text, "h", "190", "ASSAULT"))
    assert kept and kept[0].modality == "asserted"


def test_a_date_that_describes_a_ruling_does_not_time_the_call(checks, spacy_nlp):
    text = "Teodoro called on China to respect the 2016 arbitral ruling on the sea."
    doc = _doc(spacy_nlp, text, {"t": ("Teodoro", "Gilberto Teodoro", "person"),
                                 "chn": ("China", "China", "country")}, published=dt.date(2024, 5, 1))
    kept, _ = _review(checks, doc, _event(text, "t", "020", "REQUEST", target="chn"))
    assert kept and kept[0].modality == "asserted"


# -- the lexicon: invitations are offers, declining to discuss is no rejection -----------------------
def _events(analyzer, text):
    from parley.read import article_from_text

    doc = analyzer.nlp(analyzer._make_doc(article_from_text(text, published=dt.date(2016, 9, 26))))
    return doc._.events


def test_an_invitation_is_an_offer(analyzer):
    events = _events(analyzer, "Aung San Suu Kyi invited Mitch McConnell to visit her in Rangoon.")
    types = {e.plover.type for e in events}
    assert "AGREE" in types and "REQUEST" not in types


def test_declining_to_discuss_is_no_rejection(analyzer):
    events = _events(analyzer, "Governor Terry McAuliffe refuses to discuss potential appointees.")
    assert not any(e.plover.type == "REJECT" for e in events)


def test_refusing_to_withdraw_stays_a_rejection(analyzer):
    events = _events(analyzer, "Russia refused to withdraw its troops from the border.")
    assert any(e.plover.type == "REJECT" for e in events)
