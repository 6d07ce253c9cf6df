"""Demand forms of the third finder round: the common variants of each broad family that the
finders missed, and the near-misses each new rule must leave alone.

- directives in the passive with no agent ("Israel was urged to ...", "Kyiv was asked to ...",
  "Russia was called on to ..."), kept inside someone's statement;
- an order pointed back to ("..., as ordered by the Court", "as required by a ruling"), the
  author's demand apart from the clause it follows;
- conditions said of a thing ("is conditional on", "was conditioned on", "is contingent on");
- "only ... once" with "once" read as an adverb; "turned down" as a rejection; a past
  "sought" as an act of asking;
- precision: "call X Y" names (its "for" asks nothing), "insisted it did not matter" is a
  claim, and a manner phrase "on an equal footing" is not a second addressee.

Each case is one short text written for this suite; a near-miss expects no demand at all.
The matching rules are those of tests/test_demands_coverage.py.

Run on its own:  .venv/bin/pytest -q tests/test_demand_forms3.py
"""

from __future__ import annotations

import pytest

from tests.test_demands_coverage import ANY, Case, D, N, _matches, case_param, check_case, demands_of, nlp  # noqa: F401 (fixture)

CASES = [
    # -- a directive in the passive, no agent: the speaker asks, the subject must act ----------
    D("passive", "Israel was urged to allow more aid into Gaza, the European Union said.",
      "eu", "ISR", "Israel was urged to allow more aid into Gaza"),
    D("passive", '"Kyiv was asked to withdraw its troops from the region," Dmitry Peskov said.',
      ANY, "UKR", "withdraw its troops from the region"),
    D("passive", "Russia was called on to return the deported children, Volodymyr Zelenskiy said.",
      "volodymyr-zelenskiy", "RUS", "return the deported children"),
    D("passive", "Rwanda was told to withdraw its troops from eastern Congo, Antonio Guterres said.",
      "antonio-guterres", "RWA", "withdraw its troops"),
    N("near-miss", "Israel was urged to allow more aid into Gaza."),  # nobody named as asking
    N("near-miss", '"We are being asked to talk about definitions," a delegate said.'),  # a complaint
    N("near-miss", "Zelenskiy was called to testify before the committee."),
    N("near-miss", "In Washington, Joe Biden was asked by reporters for his reaction."),

    # -- an order pointed back to -------------------------------------------------------------
    D("as-ordered", "Venezuela must refrain from any action on the ground, as ordered by the International "
                    "Court of Justice in May, the EU said.", "icj", ANY, "as ordered by the International Court"),
    D("as-ordered", "Venezuela must refrain from any action on the ground, as ordered by the International "
                    "Court of Justice in May, the EU said.", "eu", "VEN", "Venezuela must refrain from any action"),
    N("near-miss", "The president must be elected by parliament, as required by the constitution."),
    N("near-miss", "Ballots were counted twice, as required by law."),

    # -- a condition said of a thing ----------------------------------------------------------
    D("conditional", "Aid to the government is conditional on free elections, the EU said.",
      "eu", ANY, "conditional on free elections"),
    D("conditional", "The deal was conditioned on the release of all hostages, Benjamin Netanyahu said.",
      "benjamin-netanyahu", ANY, "the release of all hostages"),
    D("conditional", '"Any deal is contingent on a full withdrawal," Volodymyr Zelenskiy said.',
      "volodymyr-zelenskiy", ANY, "contingent on a full withdrawal"),
    N("near-miss", "Ukraine is dependent on Western aid, Volodymyr Zelenskiy said."),
    N("near-miss", "The town is subject to shelling every night, the mayor said."),

    # -- "only ... once", "turned down", a past "sought" ---------------------------------------
    D("only-once", "Ukraine says it will only negotiate once Russian troops leave.",
      "UKR", ANY, "once Russian troops leave"),
    D("rejection", "Kyiv turned down the offer of talks.", "UKR", ANY, "turned down the offer of talks"),
    N("near-miss", "Kyiv turned down the volume of its criticism."),
    D("seek", "Congo sought sanctions against Rwanda at the Security Council.", ANY, ANY, "sanctions against Rwanda"),
    N("near-miss", "Kyiv sought to reassure its allies."),
    N("near-miss", "The company sought a new chief executive."),

    # -- precision: naming, a claim after "insist", a manner phrase ------------------------------
    N("near-miss", 'Dick Schoof calls the summit "a must-win moment for European security".'),
    N("near-miss", 'NATO agreed on a goal that Mark Rutte called "a quantum leap" for the alliance.'),
    D("call", "The UN called again on Friday for a ceasefire.", "un", ANY, "a ceasefire"),
    N("near-miss", "Cyril Ramaphosa insisted it did not matter."),
    D("insist", "Cyril Ramaphosa insisted that Washington send a delegation.",
      "cyril-ramaphosa", "USA", "Washington send a delegation"),
]


def _param(case: Case):
    return case_param(case, CASES)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_forms3(nlp, case):  # noqa: F811 (the imported fixture)
    check_case(nlp, case)


def test_order_pointed_back_is_apart_from_the_clause_before(nlp):  # noqa: F811
    texts = [d.text for d in demands_of(nlp, "Ms Delgado is demanding that the government transfer 1,000 minors "
                                             "to the mainland by October, as required by a Supreme Court ruling.")]
    assert len(texts) == 2 and not any("by October" in t and "required" in t for t in texts), texts


def test_manner_phrase_is_not_a_second_addressee(nlp):  # noqa: F811
    found = demands_of(nlp, 'Lai Ching-te called on China to hold talks with his government "on an equal footing".')
    assert len(found) == 1 and found[0].addressee == "CHN", [(d.addressee, d.text) for d in found]
