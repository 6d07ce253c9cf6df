"""Reliability checks on coded events (parley.extract.event_checks).

Most tests hand the checks a parsed sentence and an Event written by hand, so they test the
checks alone, whatever the coder does meanwhile; the last ones run the whole pipeline.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.event_checks import EventChecks, load_senses
from tests.event_check_helpers import hand_event, resolved_doc, reviewed


@pytest.fixture(scope="module")
def checks():
    return EventChecks()


def _doc(nlp, text: str, actors: dict[str, tuple[str, str, str]], published=dt.date(2016, 9, 20)):
    return resolved_doc(nlp, text, actors, published)


_event = hand_event


_review = reviewed


# -- word senses ------------------------------------------------------------------------------
def test_meeting_with_criticism_is_no_meeting(checks, spacy_nlp):
    text = "The governor's budget plan met with fierce criticism from teachers."
    doc = _doc(spacy_nlp, text, {"gov": ("governor", "The Governor", "person")})
    kept, dropped = _review(checks, doc, _event(text, "gov", "040", "CONSULT"))
    assert not kept and dropped == {"wrong_sense"}


def test_meeting_with_a_minister_is_kept(checks, spacy_nlp):
    text = "The governor met with the Canadian trade minister in Ottawa."
    doc = _doc(spacy_nlp, text, {"gov": ("governor", "The Governor", "person"),
                                 "min": ("Canadian trade minister", "Trade Minister", "person")})
    kept, _ = _review(checks, doc, _event(text, "gov", "040", "CONSULT", target="min"))
    assert len(kept) == 1


def test_holding_an_office_is_no_occupation(checks, spacy_nlp):
    text = "Smith occupies one of the most senior posts in the cabinet."
    doc = _doc(spacy_nlp, text, {"smith": ("Smith", "Anna Smith", "person")})
    kept, dropped = _review(checks, doc, _event(text, "smith", "192", "COERCE"))
    assert not kept and dropped == {"wrong_sense"}


def test_occupying_a_town_by_an_army_is_kept(checks, spacy_nlp):
    text = "Government troops occupied the town after heavy shelling."
    doc = _doc(spacy_nlp, text, {"army": ("Government troops", "Army", "group")})
    kept, _ = _review(checks, doc, _event(text, "army", "192", "COERCE"))
    assert len(kept) == 1


def test_an_interview_is_no_political_agreement(checks, spacy_nlp):
    text = "The senator agreed to a long interview with the local paper."
    doc = _doc(spacy_nlp, text, {"sen": ("senator", "A Senator", "person")})
    kept, dropped = _review(checks, doc, _event(text, "sen", "030", "AGREE"))
    assert not kept and dropped == {"wrong_sense"}


# -- violence words in politics -----------------------------------------------------------------
def test_beating_a_rival_in_an_election_is_no_assault(checks, spacy_nlp):
    text = "Jones can beat this guy in November if turnout holds."
    doc = _doc(spacy_nlp, text, {"jones": ("Jones", "Mary Jones", "person")})
    kept, dropped = _review(checks, doc, _event(text, "jones", "182", "ASSAULT", modality="hypothetical"))
    assert not kept and dropped == {"figurative_violence"}


def test_a_passive_beating_is_an_assault(checks, spacy_nlp):
    text = "The reporter said he was beaten by two men outside his flat."
    doc = _doc(spacy_nlp, text, {"men": ("two men", "two men", "group")})
    kept, _ = _review(checks, doc, _event(text, "men", "182", "ASSAULT"))
    assert len(kept) == 1


def test_a_state_attacking_is_an_attack(checks, spacy_nlp):
    text = "Ruritania attacked the capital of its neighbour at dawn."
    doc = _doc(spacy_nlp, text, {"RUR": ("Ruritania", "Ruritania", "country")})
    kept, _ = _review(checks, doc, _event(text, "RUR", "190", "ASSAULT"))
    assert len(kept) == 1


def test_attacking_a_record_is_no_assault(checks, spacy_nlp):
    text = "Jones attacked her opponent's record on taxes."
    doc = _doc(spacy_nlp, text, {"jones": ("Jones", "Mary Jones", "person")})
    kept, _ = _review(checks, doc, _event(text, "jones", "190", "ASSAULT"))
    assert not kept


# -- who acts ------------------------------------------------------------------------------------
def test_a_problem_demands_nothing(checks, spacy_nlp):
    text = "Officials face a housing problem that demands a quick response."
    doc = _doc(spacy_nlp, text, {"off": ("Officials", "officials", "group")})
    kept, dropped = _review(checks, doc, _event(text, "off", "100", "REQUEST"))
    assert not kept and dropped == {"no_actor_source"}


def test_a_statement_speaks_for_its_author(checks, spacy_nlp):
    text = "The ministry's statement accused the rebels of shelling the market."
    doc = _doc(spacy_nlp, text, {"min": ("ministry", "Ministry", "organisation"),
                                 "reb": ("rebels", "rebels", "group")})
    kept, _ = _review(checks, doc, _event(text, "min", "112", "ACCUSE", target="reb"))
    assert len(kept) == 1


def test_the_victims_of_a_beating_are_not_its_authors(checks, spacy_nlp):
    text = "Critics who speak out can end up beaten and hospitalized."
    doc = _doc(spacy_nlp, text, {"crit": ("Critics", "critics", "group")})
    kept, dropped = _review(checks, doc, _event(text, "crit", "182", "ASSAULT"))
    assert not kept and dropped == {"patient_as_source"}


def test_she_is_not_a_man(checks, spacy_nlp):
    text = "She refused to answer the committee's questions."
    doc = _doc(spacy_nlp, text, {"jd": ("She", "John Doe", "person")})
    kept, dropped = _review(checks, doc, _event(text, "jd", "120", "REJECT"))
    assert not kept and dropped == {"pronoun_gender"}


def test_poll_shares_are_not_supporters(checks, spacy_nlp):
    text = "About 40 percent of likely voters support Jill Stein in the state."
    doc = _doc(spacy_nlp, text, {"stein": ("Jill Stein", "Jill Stein", "person")})
    kept, dropped = _review(checks, doc, _event(text, "stein", "051", "SUPPORT"))
    assert not kept and dropped == {"poll_share"}


def test_reading_a_report_is_no_investigation(checks, spacy_nlp):
    text = "The fact-checkers examined the senator's statement on Monday."
    doc = _doc(spacy_nlp, text, {"fc": ("fact-checkers", "fact-checkers", "group")})
    kept, dropped = _review(checks, doc, _event(text, "fc", "090", "ACCUSE"))
    assert not kept and dropped == {"reading_not_investigating"}


# -- targets -------------------------------------------------------------------------------------
def test_a_named_target_left_out_drops_the_event(checks, spacy_nlp):
    text = "Brown accused Holt of lying about the budget."
    doc = _doc(spacy_nlp, text, {"brown": ("Brown", "Tom Brown", "person"), "holt": ("Holt", "Ann Holt", "person")})
    kept, dropped = _review(checks, doc, _event(text, "brown", "112", "ACCUSE"))
    assert not kept and dropped == {"named_target_missing"}
    kept, _ = _review(checks, doc, _event(text, "brown", "112", "ACCUSE", target="holt"))
    assert len(kept) == 1


def test_a_city_visited_is_a_destination_not_a_target(checks, spacy_nlp):
    text = "The senator plans to visit Charlotte on Sunday."
    doc = _doc(spacy_nlp, text, {"sen": ("senator", "A Senator", "person")})
    kept, _ = _review(checks, doc, _event(text, "sen", "042", "CONSULT", modality="future"))
    assert len(kept) == 1


def test_a_country_named_against_is_a_target(checks, spacy_nlp):
    text = "Ruritania imposed new sanctions against Freedonia."
    doc = _doc(spacy_nlp, text, {"RUR": ("Ruritania", "Ruritania", "country"), "FRE": ("Freedonia", "Freedonia", "country")})
    kept, dropped = _review(checks, doc, _event(text, "RUR", "163", "SANCTION"))
    assert not kept and dropped == {"named_target_missing"}


def test_a_date_is_no_target(checks, spacy_nlp):
    text = "Greece plans to impose restrictions on workers from 1 May."
    doc = _doc(spacy_nlp, text, {"GRC": ("Greece", "Greece", "country")})
    kept, _ = _review(checks, doc, _event(text, "GRC", "172", "COERCE"))
    assert len(kept) == 1


# -- modality --------------------------------------------------------------------------------------
def test_an_act_under_an_earlier_year_is_historical(checks, spacy_nlp):
    text = "In 2012, the senator met with the opposition leader in Rangoon."
    doc = _doc(spacy_nlp, text, {"sen": ("senator", "A Senator", "person"),
                                 "opp": ("opposition leader", "Opposition Leader", "person")})
    kept, _ = _review(checks, doc, _event(text, "sen", "040", "CONSULT", target="opp"))
    assert [e.modality for e in kept] == ["historical"]


def test_an_act_this_week_stays_asserted(checks, spacy_nlp):
    text = "On Monday the senator, elected in 2012, met with the opposition leader."
    doc = _doc(spacy_nlp, text, {"sen": ("senator", "A Senator", "person"),
                                 "opp": ("opposition leader", "Opposition Leader", "person")})
    kept, _ = _review(checks, doc, _event(text, "sen", "040", "CONSULT", target="opp"))
    assert [e.modality for e in kept] == ["asserted"]


def test_a_guess_is_hypothetical(checks, spacy_nlp):
    text = "Perhaps the moderators will demand more details from the candidates."
    doc = _doc(spacy_nlp, text, {"mod": ("moderators", "moderators", "group")})
    kept, _ = _review(checks, doc, _event(text, "mod", "100", "REQUEST", modality="future"))
    assert [e.modality for e in kept] == ["hypothetical"]


# -- data and pipeline -------------------------------------------------------------------------
def test_sense_data_is_well_formed():
    senses = load_senses()
    assert senses.senses["meet"] and all(len(root) == 2 for s in senses.senses["meet"] for root in s.roots)
    assert "person" in senses.target_entity_labels and "date" in senses.non_actor_entity_labels


def test_the_pipeline_keeps_what_the_checks_drop(analyzer):
    from parley.read import article_from_text

    text = "Smith occupies one of the most powerful posts in Washington as attorney general."
    doc = analyzer.nlp(analyzer._make_doc(article_from_text(text, published=dt.date(2016, 9, 20))))
    assert doc._.dropped_events is not None
    assert not any(e.plover.type == "COERCE" for e in doc._.events)


# -- the recheck of judged samples (eval/events_precision/precision.py) ------------------------
def test_recheck_tells_kept_changed_dropped_and_gone_rows():
    import importlib.util
    from pathlib import Path

    tool = Path(__file__).resolve().parents[1] / "eval" / "events_precision" / "precision.py"
    spec = importlib.util.spec_from_file_location("event_precision_recheck", tool)
    precision = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(precision)
    row = {"span": [0, 10], "cameo": "040", "source": "X", "target": None, "modality": "asserted"}
    event = _event("0123456789", "x", "040", "CONSULT")
    historical = event.model_copy(update={"modality": "historical"})
    raw = [(event, "X", None, None)]
    assert precision._whereabouts(row, (raw, [(event, "X", None, None)], [])) == "kept"
    assert precision._whereabouts(row, (raw, [], [(event, "X", None, "wrong_sense")])) == "dropped:wrong_sense"
    assert precision._whereabouts(row, (raw, [(historical, "X", None, None)], [])) == "corrected:historical"
    assert precision._whereabouts(row, ([(event, "X", "Y", None)], [], [])) == "coder_changed"
    assert precision._whereabouts(row, ([(event, "Z", None, None)], [], [])) == "coder_changed"
