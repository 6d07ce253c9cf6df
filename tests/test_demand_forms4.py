"""Demand forms of the fourth finder round, chosen from errors seen in two or more writers'
sets, and the near-misses each rule must leave alone.

- a stand "whatever happens" / "whatever the pressure" on a passive clause ("the vote will be
  held ..."): the speaker's refusal to yield, even when the concessive phrase has a verb;
- "calls on all concerned to ...": an addressee the parser leaves without an object;
- "wanted X to do": the object's infinitive read as a clause of purpose, and the clause wanted
  must follow the verb of wanting ("goes further: he wants Britain to ...");
- one appeal to several named addressees is one demand per addressee (same words);
- precision: "dismissed the agreement as a gimmick" characterises a thing done, it refuses
  no demand (a proposal dismissed "as a trap" is still rejected).

Each case is one short text written for this suite. Run on its own:
.venv/bin/pytest -q tests/test_demand_forms4.py
"""

from __future__ import annotations

import pytest

from tests.test_demands_coverage import ANY, Case, D, N, case_param, check_case, demands_of, nlp  # noqa: F401 (fixture)

CASES = [
    # -- a stand on a passive clause, the speaker's --------------------------------------------
    D("stand", "Interior Minister Ana Lopez told reporters that the referendum would be held in May "
               '"whatever the pressure" from the opposition.', ANY, ANY, "would be held in May"),
    D("stand", "Hakan Demir told state radio that the local elections, delayed twice already, would be "
               "held before the winter, whatever happens.", ANY, ANY, "would be held before the winter"),
    N("near-miss", "The local elections would be held before the winter, whatever happens."),  # no speaker
    # -- an addressee the parser leaves without an object --------------------------------------
    D("call", "Antonio Guterres notes that the mission has sent a team to the town and calls on all concerned to "
              "cooperate fully with the inquiry.", ANY, ANY, "cooperate fully with the inquiry"),
    # -- what is wanted of another ---------------------------------------------------------------
    D("want", "Blinken said Washington wanted Egyptian authorities to open the crossing to aid trucks "
              "every day.", ANY, ANY, "open the crossing"),
    D("want", "The Greens go further: Marine Tondelier wants France to quit the pact so that the farms can be "
              "protected.", ANY, ANY, "France to quit the pact"),
    N("near-miss", "The minister wanted to visit the border town before the weekend."),  # own intention
    # -- precision: a characterisation, not a refusal ------------------------------------------
    N("near-miss", "The opposition leader, Karl Berg, dismissed the border agreement as a gimmick."),
]


def _param(case: Case):
    return case_param(case, CASES)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_forms4(nlp, case):  # noqa: F811 (the imported fixture)
    check_case(nlp, case)


def test_wanted_clause_is_not_the_clause_before(nlp):  # noqa: F811
    texts = [d.text for d in demands_of(nlp, "The Greens go further: Marine Tondelier wants France to quit the pact.")]
    assert texts and not any("goes further" in t for t in texts), texts


def test_one_appeal_to_several_named_addressees_is_one_demand_each(nlp):  # noqa: F811
    found = demands_of(nlp, "Antonio Guterres urged Morocco, Algeria and Mauritania to reopen the border crossings.")
    assert len(found) == 3 and len({d.text for d in found}) == 1, [(d.addressee, d.text) for d in found]
    assert len({str(d.addressee) for d in found}) == 3, [d.addressee for d in found]


def test_alternative_addressees_stay_one_demand(nlp):  # noqa: F811
    found = demands_of(nlp, "Antonio Guterres urged Armenia or Azerbaijan to reopen the border crossings.")
    assert len(found) == 1, [(d.addressee, d.text) for d in found]


def test_one_addressee_stays_one_demand(nlp):  # noqa: F811
    found = demands_of(nlp, "Antonio Guterres urged Armenia to reopen the border crossings.")
    assert len(found) == 1, [(d.addressee, d.text) for d in found]
