"""Round 2 of event precision (issue 4): modality read off the words that govern an act.

Acts someone stands ready for lie ahead, acts a verb of deliberation governs are options
under review, and a "will" act set for the day of the news is the news itself. Each test
hands the checks a parsed sentence of our own and an Event written by hand.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.event_checks import EventChecks
from tests.event_check_helpers import hand_event, resolved_doc

PUBLISHED = dt.date(2024, 5, 14)


@pytest.fixture(scope="module")
def checks():
    return EventChecks()


def _modality(checks, nlp, text, actors, source, cameo, plover, part, modality="asserted", target=None):
    doc = resolved_doc(nlp, text, actors, PUBLISHED)
    event = hand_event(text, source, cameo, plover, target=target, modality=modality, part=part)
    kept, _ = checks.review(doc, [event])
    assert kept, "the check dropped the event"
    return kept[0].modality


def test_ready_to_visit_lies_ahead(checks, spacy_nlp):
    text = "Portugal's foreign minister said she was ready to visit Angola within days."
    actors = {"POR": ("Portugal", "Portugal", "country"), "AGO": ("Angola", "Angola", "country")}
    assert _modality(checks, spacy_nlp, text, actors, "POR", "042", "CONSULT", "ready to visit Angola", target="AGO") == "future"


def test_not_ready_to_visit_is_no_future_visit(checks, spacy_nlp):
    text = "Portugal's foreign minister said she was not ready to visit Angola."
    actors = {"POR": ("Portugal", "Portugal", "country"), "AGO": ("Angola", "Angola", "country")}
    assert _modality(checks, spacy_nlp, text, actors, "POR", "042", "CONSULT", "ready to visit Angola", target="AGO") != "future"


def test_plain_visit_stays_asserted(checks, spacy_nlp):
    text = "Portugal's foreign minister visited Angola on Monday."
    actors = {"POR": ("Portugal", "Portugal", "country"), "AGO": ("Angola", "Angola", "country")}
    assert _modality(checks, spacy_nlp, text, actors, "POR", "042", "CONSULT", "visited Angola", target="AGO") == "asserted"


def test_considering_sanctions_is_an_option(checks, spacy_nlp):
    text = "Chile would consider imposing sanctions on Peru, its trade minister said."
    actors = {"CHL": ("Chile", "Chile", "country"), "PER": ("Peru", "Peru", "country")}
    assert _modality(checks, spacy_nlp, text, actors, "CHL", "163", "SANCTION",
                     "consider imposing sanctions on Peru", modality="future", target="PER") == "hypothetical"


def test_boycott_of_todays_meeting_is_the_news(checks, spacy_nlp):
    text = "The opposition party said it will boycott today's session of parliament."
    actors = {"OPP": ("The opposition party", "opposition party", "organisation")}
    assert _modality(checks, spacy_nlp, text, actors, "OPP", "143", "PROTEST",
                     "will boycott today's session", modality="future") == "asserted"


def test_boycott_of_next_weeks_meeting_stays_future(checks, spacy_nlp):
    text = "The opposition party said it will boycott next week's session of parliament."
    actors = {"OPP": ("The opposition party", "opposition party", "organisation")}
    assert _modality(checks, spacy_nlp, text, actors, "OPP", "143", "PROTEST",
                     "will boycott next week's session", modality="future") == "future"


def test_intent_read_off_ready_stays_asserted(checks, spacy_nlp):
    # the statement of intent is made in the news; only the act itself lies ahead
    text = "Portugal's foreign minister said she was ready to visit Angola within days."
    actors = {"POR": ("Portugal", "Portugal", "country"), "AGO": ("Angola", "Angola", "country")}
    assert _modality(checks, spacy_nlp, text, actors, "POR", "036", "AGREE", "ready to visit Angola",
                     target="AGO") == "asserted"
