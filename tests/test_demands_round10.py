"""Demand forms of round 10: what follows a colon, a rejection's reason, a bare "provided",
"a deadline for X to", "cannot keep doing", "cannot afford another", restraint that refuses
nothing, and live-blog headings that restate the entry below them.

Each case is one short text written for this suite; a near-miss expects no demand at all.
The matching rules are those of tests/test_demands_coverage.py.

Run on its own:  .venv/bin/pytest -q tests/test_demands_round10.py
"""

from __future__ import annotations

import pytest

from tests.test_demands_coverage import ANY, Case, D, N, _matches, case_param, check_case, demands_of, nlp  # noqa: F401 (fixture)

CASES = [
    # -- "X's demand was unchanged: ..." -- the words after the colon are the demand ------------
    D("colon", 'A White House official said Washington\'s core demand was unchanged: Iran "can never have '
               'a nuclear weapon."', ANY, ANY, "Iran \"can never have a nuclear weapon"),
    D("colon", "Kyiv's condition remained the same: Russian troops must leave every occupied region, "
               "Andrii Sybiha said.", ANY, ANY, "Russian troops must leave every occupied region"),

    # -- a rejected bare "idea"/"proposal" runs on to the participle that says why -------------
    D("rejection", "Ukraine's energy ministry rejected the idea, saying any restart under occupation would be "
                   "illegal.", ANY, ANY, "any restart under occupation would be illegal"),
    D("rejection", "Hamas rejected the proposal, saying it did not guarantee an end to the war.",
      "hamas", ANY, "it did not guarantee an end to the war"),

    # -- a bare "provided" (no "that") ---------------------------------------------------------
    D("provided", "Hamas said it would release the hostages provided Israel halted its strikes.",
      "hamas", ANY, "Israel halted its strikes"),
    D("provided", "The rebels would withdraw from the town provided the army pulled back first, "
                  "a rebel spokesman said.", ANY, ANY, "the army pulled back first"),
    N("near-miss", "The UN provided aid to the camps, the ministry said."),
    N("near-miss", "Germany has provided Ukraine with air defence systems since 2022."),

    # -- "a deadline for X to ..." -------------------------------------------------------------
    D("deadline", "Israel has set a deadline of Sunday for Hamas to answer the proposal.",
      "ISR", "hamas", "Hamas to answer the proposal"),
    D("deadline", "ECOWAS gave an ultimatum to the junta for the soldiers to return to barracks.",
      "ecowas", ANY, "the soldiers to return to barracks"),
    N("near-miss", "The deadline for applications expired on Monday."),

    # -- "cannot keep doing" -------------------------------------------------------------------
    D("cannot-keep", 'Riyad Mansour held up a photograph, saying the world "cannot keep looking away".',
      "riyad-mansour", ANY, "cannot keep looking away"),
    D("cannot-keep", '"Europe cannot go on paying for Russian gas," Kaja Kallas said.',
      "kaja-kallas", ANY, "Europe cannot go on paying for Russian gas"),
    N("near-miss", '"We cannot keep the border closed forever," the minister said.'),
    N("near-miss", "The ministry said the fighting could continue for weeks."),

    # -- "cannot afford another ..." -----------------------------------------------------------
    D("cannot-afford", '"Our region cannot afford a wall between brothers," Bassirou Diomaye Faye wrote on Facebook.',
      ANY, ANY, "Our region cannot afford a wall between brothers"),
    D("cannot-afford", '"We cannot afford another war," Kaja Kallas said.', "kaja-kallas", ANY, "another war"),
    N("near-miss", '"We cannot afford food any more," a mother in the camp said.'),
    N("near-miss", '"Our families cannot afford the rent," a refugee said.'),

    # -- restraint that refuses nothing --------------------------------------------------------
    N("near-miss", '"Taiwan will not provoke," Lai Ching-te said.'),
    N("near-miss", '"We will not kneel," Felix Tshisekedi said.'),
    D("restraint", '"Taiwan will not provoke, and Taiwan will not be intimidated," Lai Ching-te said.',
      "lai-ching-te", ANY, "Taiwan will not be intimidated"),
    D("restraint", '"We will not withdraw from the border," Lai Ching-te said.', "lai-ching-te", ANY,
      "We will not withdraw from the border"),
]


def _param(case: Case):
    return case_param(case, CASES)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_round10_forms(nlp, case):  # noqa: F811 (the imported fixture)
    check_case(nlp, case)


def test_colon_gives_the_demand_not_its_announcement(nlp):  # noqa: F811
    found = demands_of(nlp, "A White House official said Washington's core demand was unchanged: "
                            "Iran must never have a nuclear weapon.")
    assert [d.text for d in found] == ["Iran must never have a nuclear weapon"]


def test_rejection_of_a_named_proposal_keeps_its_own_span(nlp):  # noqa: F811
    found = demands_of(nlp, "Iran rejected the American proposal for direct talks, saying it was a trap.")
    assert found and all("trap" not in d.text for d in found if d.stance == "rejection"), \
        [(d.stance, d.text) for d in found]


HEADED_ENTRY = (
    "06:40 GMT – Lai: 'We will not be intimidated'\n"
    "Taiwan's president Lai Ching-te spoke in Taipei on Monday. "
    "\"Taiwan will not be intimidated and will not bow to pressure,\" Lai Ching-te said.\n"
)


def test_live_blog_heading_restating_the_entry_is_one_demand(nlp):  # noqa: F811
    texts = [d.text for d in demands_of(nlp, HEADED_ENTRY)]
    assert not any(t.startswith("We will not be intimidated") for t in texts), texts
    assert any("Taiwan will not be intimidated" in t for t in texts), texts


def test_a_heading_with_its_own_demand_is_kept(nlp):  # noqa: F811
    text = ("06:40 GMT – Kallas: 'Russia must withdraw'\n"
            "\"Moscow must stop the strikes on Kyiv,\" Kaja Kallas said on Monday.\n")
    texts = [d.text for d in demands_of(nlp, text)]
    assert any("Russia must withdraw" in t for t in texts), texts
