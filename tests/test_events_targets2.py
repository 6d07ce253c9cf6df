"""Event targets and actors, third round: a target told earlier in the article ("rejected
the charge" -> whoever made it, "welcomed the ruling" -> the court that ruled), unnamed groups
as targets ("urged donors to ..."), a country's lower-case body ("a Chinese coast guard
ship"), and groups named by a people or faith ("Jewish settlers").

The coder is called directly (no reliability checks after it), so each test pins its own rule.
The sentences are the tests' own."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import actor_ids as _ids, coded_events, of_root as _by_root

PUBLISHED = dt.date(2025, 10, 8)


@pytest.fixture(scope="module")
def code(parley_nlp):
    def run(text: str):
        doc, events = coded_events(parley_nlp, text, PUBLISHED)
        return doc, events
    return run


def _name(doc, actor_id: str) -> str:
    actor = doc._.actors.actors.get(actor_id)
    return actor.name if actor is not None else actor_id


# -- the maker of a claim, named before the rebuttal ---------------------------------------

def test_rejected_charge_is_aimed_at_whoever_made_it(code):
    doc, events = code("Armenia accused Azerbaijan of shelling its border posts on Monday. "
                       "Azerbaijan rejected the accusation.")
    [rejection] = _by_root(events, "12")
    assert _ids(rejection.target) == ["ARM"]


def test_pronoun_that_points_back_to_the_claim(code):
    doc, events = code("Peru's president said Chile had moved troops to the border. "
                       "Chilean officials rejected that outright.")
    [rejection] = _by_root(events, "12")
    assert rejection.target and "CHL" not in _ids(rejection.target)


def test_a_new_thing_is_not_read_back(code):
    # "a plan" is not one told before: no earlier author is looked for
    doc, events = code("Germany proposed a ceasefire on Monday. Russia rejected a plan on Tuesday.")
    rejections = _by_root(events, "12")
    assert all("DEU" not in _ids(e.target) for e in rejections)


# -- the author of a told act ----------------------------------------------------------------

def test_definite_act_noun_goes_back_to_the_verb_of_its_stem(code):
    doc, events = code("The European Commission decided on Friday to impose duties on Chinese steel. "
                       "Beijing firmly opposed the decision.")
    [rejection] = _by_root(events, "12")
    assert [_name(doc, a) for a in _ids(rejection.target)] == ["European Commission"]


def test_joint_act_targets_no_single_side(code):
    doc, events = code("Israel and Hamas agreed to a truce on Monday. The Pope welcomed the agreement.")
    welcomes = [e for e in events if e.cameo.startswith("05")]
    assert all(not _ids(e.target) for e in welcomes)


def test_stem_match():
    from parley.extract.event_actors import _same_stem

    assert _same_stem("rule", "ruling") and _same_stem("decide", "decision") and _same_stem("withdraw", "withdrawal")
    assert not _same_stem("say", "sanction") and not _same_stem("meet", "measure")


# -- unnamed groups as targets ------------------------------------------------------------------

def test_urged_common_noun_group_is_the_target(code):
    doc, events = code("The UN agency urged donors to close the funding gap.")
    [appeal] = _by_root(events, "02")
    assert [_name(doc, a) for a in _ids(appeal.target)] == ["donors"]


def test_own_people_are_no_new_group(code):
    # "its crew members" belong to the actor: no group target is made of them
    doc, events = code("The rebels freed its crew members on Friday.")
    assert all(not any(a.startswith("new:group:crew") for a in _ids(e.target)) for e in events)


def test_counted_countries_stand_for_named_ones(code):
    doc, events = code("The envoy urged both countries to stay the course.")
    assert all(not any(a.startswith("new:group:") for a in _ids(e.target)) for e in events)


# -- actors ------------------------------------------------------------------------------------------

def test_lower_case_coast_guard_of_a_country_is_its_body(code):
    doc, events = code("A Chinese coast guard ship fired water cannon at a Philippine fisheries vessel on Tuesday.")
    assert events
    assert [_name(doc, a) for a in _ids(events[0].source)] == ["China coast guard"]


def test_group_named_by_its_faith_acts_without_a_country(code):
    doc, events = code("Jewish settlers attacked Palestinian farmers near the village.")
    [attack] = _by_root(events, "19")
    assert [_name(doc, a) for a in _ids(attack.source)] == ["Jewish settlers"]


def test_plural_group_noun_with_a_sector_modifier_acts(code):
    doc, events = code("Opposition groups in Zimbabwe demanded the resignation of Mugabe.")
    assert events and _ids(events[0].source)
