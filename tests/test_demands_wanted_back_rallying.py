"""Demand recall and what writers count as a demand (issue 5, dem3): two cue-level rules found by
classifying every missed and spurious gold demand of the development sets by its cue.

- "wanted X back (at the table)": a want whose object is told to return is asked of that
  object, with no "to" clause (test t14, valid3 m03; each missed before).
- "We will not hand our streets to criminals": the speaker's own side refusing to hand
  something to its enemies is a rallying line, not a refusal of anything asked (valid s01,
  valid3 m03, valid4 j01: coded by none of the three writers). A transfer asked for, with
  "over" or by a third person, stays a refusal.

Each case is one short text written for this suite; a near-miss expects no demand at all.
The matching rules are those of tests/test_demands_coverage.py.
"""

from __future__ import annotations

import pytest

from tests.test_demands_coverage import ANY, Case, D, N, case_param, check_case, nlp  # noqa: F401 (fixture)

CASES = [
    # -- a want with the object told to come back ------------------------------------------------
    D("wanted-back", "Antonio Costa said the European Union wanted the United States back at the table next year.",
      ANY, ANY, "the United States back at the table"),
    D("wants-back", "Tom Barrack said Washington wants both governments back at the negotiating table in Baku.",
      ANY, ANY, "both governments back at the negotiating table"),
    N("near-miss", "Antonio Costa said the European Union did not want the United States back at the table."),
    N("near-miss", 'Antonio Costa said: "We want it back."'),

    # -- rallying lines: the speaker's own side will not hand something to its enemies ----------
    N("rallying", '"We will not hand our streets to criminals," Bernardo Arevalo said.'),
    N("rallying", '"We will not hand a single street back to these terrorists," Daniel Noboa said.'),
    D("hand-over", 'Nicolas Maduro said he would not hand over power "to fascists".', ANY, ANY, "hand over power"),
    D("we-hand-over", '"We will not hand over our weapons," Mazloum Abdi said.', ANY, ANY, "hand over our weapons"),
]


def _param(case: Case):
    return case_param(case, CASES)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_dem3_cases(nlp, case):  # noqa: F811 (the imported fixture)
    check_case(nlp, case)


def test_wanted_back_names_who_is_told_to_return(nlp):  # noqa: F811
    from tests.test_demands_coverage import demands_of

    found = demands_of(nlp, "Tom Barrack said Washington wanted Israel back at the negotiating table.")
    assert [d.addressee for d in found] == ["ISR"], [(d.party, d.addressee, d.text) for d in found]
