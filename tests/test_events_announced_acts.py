"""Announced acts: allowing access, proposals, ultimatums, payments.

Allowing access ("would accept international monitors") is told once, as the intent (03), as
the guidelines say; "will propose that the EU add it to its list" asks the EU (REQUEST); "only
if" is an ultimatum (THREATEN), as seven of eight writers code it; money paid to another side is
aid and reinstated sanctions a sanction. (Plainly announced acts are still coded both as the
act to come and as the intent: CAMEO's 03x/13x codes and PLOVER's records code the intent, the
team's writers the act.)

Probe sentences written for these tests, each with a near miss.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.analyse import analyse_text


def _coded(analyzer, text):
    result = analyse_text(text, published=dt.date(2025, 3, 4), analyzer=analyzer)
    return [(e.plover.type, e.modality) for e in result.events]


# -- allowing access is told as the intent alone ------------------------------------------

def test_announced_access_is_told_as_the_intent(analyzer):
    # "stated intentions to ... allow access are 03 AGREE": the allowing itself is not kept beside it
    coded = _coded(analyzer, "Russia said it would accept IAEA inspectors at the Zaporizhzhia plant.")
    assert ("AGREE", "asserted") in coded
    assert not [c for c in coded if c[1] == "future"]


# -- a proposal that others act is a request ----------------------------------------------

def test_proposing_that_another_side_act_is_a_request(analyzer):
    coded = _coded(analyzer, "Finland said it would propose that the European Union add the tanker to its "
                             "list of sanctioned ships.")
    assert ("REQUEST", "future") in coded
    assert "AGREE" not in [t for t, _ in coded]


def test_proposing_to_do_something_is_an_offer(analyzer):
    # near miss: an infinitive proposes one's own act
    coded = _coded(analyzer, "Oman proposed to host the next round of talks between Iran and the United States.")
    assert "AGREE" in [t for t, _ in coded]
    assert "REQUEST" not in [t for t, _ in coded]


# -- "only if" is an ultimatum ------------------------------------------------------------

def test_an_act_promised_only_if_the_other_side_acts_is_a_threat(analyzer):
    coded = _coded(analyzer, "Hamas said it would release the hostages only if Israel withdrew from Gaza.")
    assert ("THREATEN", "asserted") in coded
    assert "AGREE" not in [t for t, _ in coded]


def test_an_act_offered_on_a_plain_condition_is_no_ultimatum(analyzer):
    # near miss: without "only", a promised release on a condition is an offer (035, AGREE)
    coded = _coded(analyzer, "Hamas said it would release the hostages if Israel withdrew from Gaza.")
    assert "THREATEN" not in [t for t, _ in coded]


# -- the announced acts themselves: words the writers' announcements use ------------------

def test_reinstating_sanctions_is_a_sanction(analyzer):
    assert ("SANCTION", "future") in _coded(analyzer, "The European Union said it would reinstate its own "
                                                      "sanctions on Iran.")


def test_paying_money_to_another_side_is_aid(analyzer):
    assert ("AID", "future") in _coded(analyzer, "The EU would pay Ukraine a further 3.5 billion euros in March.")


def test_paying_compensation_is_no_aid(analyzer):
    # near miss: compensation settles a debt (08), it is no aid
    coded = _coded(analyzer, "Russia paid 5 million dollars in compensation to Azerbaijan.")
    assert "AID" not in [t for t, _ in coded]
