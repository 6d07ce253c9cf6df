"""Demand detection, round 2: demands found but dropped for want of a party, and two word
rules that were too wide.

- a release's numbered points whose verbs have no subject ("The Government:" then "1. calls
  on ...") take the party from the heading line above the list;
- a refusal told as a participle ("barred after refusing to sign ...") is its clause
  subject's, as the demand verbs' participles already were;
- "Moscow must admit guilt": a verb of saying after a modal is a demand when it has a thing to
  own up to and someone other than the speaker as subject ("I must admit" stays out);
- "9.3 million people need humanitarian assistance": a head count's need is a figure, not a
  demand.

Each case is one short text written for this suite; a near-miss expects no demand at all.
The matching rules are those of tests/test_demands_coverage.py.

Run on its own:  .venv/bin/pytest -q tests/test_dem2_demands.py
"""

from __future__ import annotations

import pytest

from tests.test_demands_coverage import ANY, Case, D, N, case_param, check_case, demands_of, nlp  # noqa: F401 (fixture)

RELEASE = (
    "Riga, 3 March 2026 – The Government of Latvia met today to discuss the border situation.\n\n"
    "The Government:\n\n"
    "1. calls on the Russian Federation to withdraw its troops from the border area;\n\n"
    "2. urges the European Commission to release the emergency border funds without delay;\n\n"
    "3. requests the OSCE to send observers to the crossing points.\n\n"
    "The next meeting is scheduled for April."
)

CASES = [
    # -- a participle's refusal is its clause subject's ------------------------------------------
    D("refusal", "Hamas was excluded from the talks after refusing to sign the ceasefire text.",
      "hamas", ANY, "refusing to sign the ceasefire text"),
    # -- a verb of saying after a modal, with a thing to own up to ------------------------------
    D("obligation", "Ilham Aliyev said Moscow must admit guilt for the crash.",
      "ilham-aliyev", "RUS", "Moscow must admit guilt"),
    N("near-miss", '"I must admit the talks went better than expected," Ilham Aliyev said.'),
    N("near-miss", '"It should be noted that the talks went well," Ilham Aliyev said.'),
    # -- a head count's need is a figure --------------------------------------------------------
    N("near-miss", "About 9.3 million people in South Sudan need humanitarian assistance, the UN said."),
    D("need", '"We need more Patriot systems," Volodymyr Zelensky said.', "volodymyr-zelenskiy", ANY,
      "We need more Patriot systems"),
]


def _param(case: Case):
    return case_param(case, CASES)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_dem2_forms(nlp, case):  # noqa: F811 (the imported fixture)
    check_case(nlp, case)


def test_numbered_points_take_the_heading_as_party(nlp):  # noqa: F811
    found = demands_of(nlp, RELEASE)
    points = [d for d in found if any(w in d.text for w in ("withdraw its troops", "emergency border funds",
                                                            "send observers"))]
    assert len(points) == 3, [(d.party, d.text) for d in found]
    assert len({d.party for d in points}) == 1 and "government" in points[0].party, [(d.party, d.text) for d in points]


def test_points_under_a_heading_naming_two_actors_get_no_party_from_it(nlp):  # noqa: F811
    text = RELEASE.replace("The Government:", "Latvia and Estonia:")
    found = demands_of(nlp, text)
    assert not any("send observers" in d.text for d in found), [(d.party, d.text) for d in found]


def test_point_with_its_own_subject_keeps_it(nlp):  # noqa: F811
    text = RELEASE.replace("3. requests the OSCE", "3. Lithuania requests the OSCE")
    found = [d for d in demands_of(nlp, text) if "send observers" in d.text]
    assert found and all("government" not in d.party for d in found), [(d.party, d.text) for d in found]
