"""Event targets: the one acted upon, when the sentence names it. Appositions ("his rival,
Hillary Clinton"), datives ("sent aid to Sri Lanka"), the owner of a thing acted upon ("the
emails of the DNC"), the "of" phrase of an act noun whose author is given ("Russia's
invasion of Ukraine"), an unnamed owner placed by the sentence ("the government's proposal"
in Harare), and a bare "the government" that belongs to another country than its supporters.

The coder is called directly (no reliability checks after it), so each test pins its own rule."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import coded_events

PUBLISHED = dt.date(2025, 10, 8)


@pytest.fixture(scope="module")
def code(parley_nlp):
    def run(text: str):
        doc, events = coded_events(parley_nlp, text, PUBLISHED)
        return [(e, _targets(e)) for e in events]
    return run


def _targets(event) -> list[str]:
    target = event.target
    return list(target) if isinstance(target, list) else [target] if target else []


def _root(found, root):
    return [targets for e, targets in found if e.cameo[:2] == root]


# -- appositions: the name is who is meant ----------------------------------------------

def test_apposed_name_is_the_target_of_a_role_noun(code):
    [targets] = _root(code("Trump criticized his rival, Hillary Clinton, at a rally in Ohio."), "11")
    assert any("clinton" in t for t in targets)


def test_apposed_name_beats_the_owner_country(code):
    [targets] = _root(code("The ministry summoned Russia's ambassador, Oleg Ozerov, on Friday."), "11")
    assert any("ozerov" in t for t in targets)
    assert "RUS" not in targets


# -- obliques -----------------------------------------------------------------------------

def test_dative_recipient_is_the_target(code):
    [targets] = _root(code("India sent humanitarian aid to Sri Lanka last week."), "07")
    assert targets == ["LKA"]


def test_owner_of_a_thing_acted_upon(code, parley_nlp):
    found = code("Russia hacked into the emails of the Democratic National Committee, officials said.")
    [targets] = _root(found, "17")
    assert len(targets) == 1 and targets[0] not in ("RUS", "USA")


def test_a_text_is_not_a_thing_whose_owner_is_the_target(code):
    # "a report by Amnesty" is authored, not owned: the coder must not read Amnesty as the
    # one the visit was aimed at
    found = code("Blinken traveled to Cairo with a report by Amnesty International on Monday.")
    assert not any(any("amnesty" in t.lower() for t in targets) for _, targets in found)


def test_of_phrase_of_an_act_noun_with_an_author_is_the_patient(code):
    found = code("Russia's invasion of Ukraine began in February 2022, the ministry said.")
    assert ["UKR"] in _root(found, "19") + _root(found, "18") + _root(found, "20")


# -- "the government": whose --------------------------------------------------------------

def test_supported_government_is_not_the_supporters_own(code):
    found = _root(code("China and Russia support the government in Khartoum, diplomats in Sudan said."), "05")
    assert found and all(targets == ["agent:SDN:GOV"] for targets in found)


def test_own_government_stays_when_no_other_country_is_named(code):
    found = _root(code("Trump attacked the government over the shutdown on Monday."), "11")
    assert all(not any(t.startswith("agent:") and ":USA:" not in t for t in targets) for targets in found)


def test_unnamed_owner_placed_by_the_sentence(code):
    [targets] = _root(code("The opposition rejected the government's proposal in Harare on Monday."), "12")
    assert targets == ["agent:ZWE:GOV"]
