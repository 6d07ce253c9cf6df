"""Event sources, round three: conditions set on another side, accusations between an armed
group and the state it fights, and an act dated by an earlier one ("agreed after talks
mediated by ...").

Probe sentences written for these tests, each with a near miss.
"""

from __future__ import annotations

import datetime as dt

from parley.analyse import analyse_text


def _events(analyzer, text):
    result = analyse_text(text, published=dt.date(2024, 6, 6), analyzer=analyzer)
    names = {a.id: a for a in result.actors}

    def named(ref):
        ids = [] if ref is None else (ref if isinstance(ref, list) else [ref])
        return [names[i].name if i in names else i for i in ids]

    return [(e, named(e.source), named(e.target)) for e in result.events]


def _typed(events, plover):
    return [(source, target) for e, source, target in events if e.plover.type == plover]


# -- a condition names the other side's act; the pressure is the main clause's side's ------

def test_refusal_unless_the_other_side_acts_is_the_refusers(analyzer):
    # a refusal on an "unless" condition is an ultimatum (13), as most gold writers code it
    events = _events(analyzer, "The Colombian government said on Monday it would not return to the table "
                               "unless the ELN committed to ending kidnappings.")
    assert _typed(events, "THREATEN") == [(["Colombia (government)"], ["ELN"])]
    assert not any("ELN" in name for e, s, _ in events for name in s)


def test_only_if_is_an_ultimatum_by_the_speaker(analyzer):
    # "only if" sets the condition as the one way forward: a threat (13), as seven of the
    # eight gold writers whose articles have one code it (intent5)
    events = _events(analyzer, "President Gustavo Petro said that dialogue can resume only if the ELN releases "
                               "all its hostages.")
    threats = _typed(events, "THREATEN")
    assert threats and threats[0][0] == ["Gustavo Petro"] and threats[0][1] == ["ELN"]
    assert not _typed(events, "RETREAT")  # the release is a condition, not an act


def test_if_we_will_is_a_threat_by_the_speaker(analyzer):
    events = _events(analyzer, "Israeli Defence Minister Israel Katz wrote on X: 'If the Lebanese state does not "
                               "disarm Hezbollah, we will.'")
    threats = _typed(events, "THREATEN")
    assert threats and threats[0][0] == ["Israel Katz"]
    assert not _typed(events, "RETREAT")


def test_a_sides_own_plan_on_its_own_condition_keeps_its_act(analyzer):
    # near miss: the condition's act and the main clause are one side's: nothing to re-read
    events = _events(analyzer, "Iran said it would resume talks with the IAEA if Tehran released the inspectors.")
    assert not _typed(events, "THREATEN")
    assert _typed(events, "RETREAT") == [(["Iran"], ["inspectors"])]


# -- an armed group and the state it fights accuse each other -------------------------------

def test_rebels_telling_of_army_attacks_accuse_the_army(analyzer):
    events = _events(analyzer, "The M23 said in a post on X that its fighters were responding to attacks by the FARDC.")
    assert (["M23"], ["FARDC"]) in _typed(events, "ACCUSE")


def test_rebels_telling_of_their_own_attack_accuse_no_one(analyzer):
    events = _events(analyzer, "The M23 said its fighters had attacked FARDC positions near Uvira.")
    assert not _typed(events, "ACCUSE")


# -- an act dated by an earlier one is its own event ----------------------------------------

def test_mediation_in_a_time_phrase_is_its_own_event(analyzer):
    events = _events(analyzer, "India and Pakistan agreed to a ceasefire after talks mediated by the United States.")
    assert (["United States"], []) in _typed(events, "CONSULT")
    assert sorted(s[0] for s, _ in _typed(events, "AGREE")) == ["India", "Pakistan"]


def test_mediation_inside_an_appeal_stays_mentioned(analyzer):
    # near miss: what an appeal asks for is no act of its own
    events = _events(analyzer, "India urged the United States to mediate talks with Pakistan.")
    assert not _typed(events, "CONSULT")
