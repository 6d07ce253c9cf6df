"""Positions voiced in statements: red lines, warnings, refusals to yield, needs and sole outcomes.

The forms added for issue 5's "positions" (eval/gold/README.md, "Demands": refusals and red
lines count as demands). Each case is one short sentence written for this suite; a near-miss
expects no demand at all (a forecast, a description, narration, a third party's need in the
reporter's voice). The matching rules are those of tests/test_demands_coverage.py.

Run on its own:  .venv/bin/pytest -q tests/test_demands_positions.py
"""

from __future__ import annotations

import pytest

from tests.test_demands_coverage import ANY, Case, D, N, _matches, case_param, check_case, demands_of, nlp  # noqa: F401 (fixture)

CASES = [
    # -- a negation the parser hung away from its modal ("would 'never' recognise") -----------
    D("never", 'Nicolas Maduro told reporters that Venezuela would "never" accept the ruling on the border.',
      "nicolas-maduro", ANY, "accept the ruling"),
    D("never", 'Sergei Lavrov said Moscow would “never” hand back the four regions.',
      "sergei-lavrov", ANY, "hand back the four regions"),

    # -- conditional threats: "if ... (not) ..., we will" / "X will respond" ------------------
    D("threat", '"If the army does not disarm the militias, we will," Kaja Kallas said.',
      "kaja-kallas", ANY, "If the army does not disarm the militias"),
    D("threat", '"If Belgrade keeps sending troops to the border, Pristina will respond firmly," Vjosa Osmani said.',
      ANY, ANY, "If Belgrade keeps sending troops to the border"),
    D("threat", '"If Hamas violates the truce, Israel will react with force," Antonio Guterres quoted officials as saying.',
      ANY, ANY, "If Hamas violates the truce"),

    # -- warnings to a generic doer: "whoever ... will", "any attempt to ... will" -------------
    D("warning", '"Whoever crosses our border will pay a heavy price," Vladimir Putin said.',
      "vladimir-putin", ANY, "Whoever crosses our border"),
    D("warning", '"Any attempt to seize the island will meet a decisive response," Sergei Lavrov said.',
      "sergei-lavrov", ANY, "Any attempt to seize the island"),
    D("warning", '"Anyone who attacks our ships will regret it," the Houthi leader said in a speech, Kaja Kallas said.',
      ANY, ANY, "Anyone who attacks our ships"),
    D("warning", 'Emmanuel Macron warned that any incursion into Moldova would be met with sanctions.',
      "emmanuel-macron", ANY, "any incursion into Moldova"),

    # -- a universal doer denied: "no one will decide for us" -------------------------------
    D("none-on-us", '"No one will dictate our borders to us," Felix Tshisekedi said.',
      "felix-tshisekedi", ANY, "No one will dictate our borders"),
    D("none-on-us", '"Nobody is going to come here and tell us how to vote," Nicolas Maduro said.',
      "nicolas-maduro", ANY, "Nobody is going to come here"),

    # -- denying that an agreement binds one ---------------------------------------------------
    D("unbound", 'Hamas said in a statement that it was not bound by a plan it had never been shown.',
      "hamas", ANY, "not bound by a plan"),
    D("unbound", 'Aleksandar Vucic said Serbia was "not bound" by a deal it had never signed.',
      "aleksandar-vucic", ANY, "bound"),

    # -- "has no right to", with the infinitive hung on "have" -------------------------------
    D("no-right", 'Sergei Lavrov said NATO "has no right" to station troops in Finland.',
      "sergei-lavrov", ANY, "has no right"),
    D("no-right", 'Kaja Kallas said Moscow "has no right" to decide who joins the European Union.',
      "kaja-kallas", ANY, "has no right"),

    # -- a need voiced by a body about itself: a sum or a count ------------------------------
    D("need", 'The Red Cross said it needed 40 million francs to keep its clinics open this winter.',
      ANY, ANY, "it needed 40 million francs"),
    D("need", 'UNRWA said it needed 500 trucks a day to feed the population of Gaza.',
      ANY, ANY, "it needed 500 trucks a day"),

    # -- the only outcome the speaker will settle for ----------------------------------------
    D("sole-outcome", '"The only real solution is a full withdrawal of foreign troops," Felix Tshisekedi said.',
      "felix-tshisekedi", ANY, "a full withdrawal of foreign troops"),
    D("sole-outcome", '"The only way forward is direct negotiations with Kyiv," Sergei Lavrov said.',
      "sergei-lavrov", ANY, "direct negotiations with Kyiv"),

    # -- opposing a class of acts in advance ("opposes any ...") -------------------------------
    D("oppose", 'Kaja Kallas said the EU opposes any unilateral attempt to redraw borders by force.',
      ANY, ANY, "opposes any unilateral attempt"),
    D("oppose", 'Emmanuel Macron said France would oppose any deal that rewards aggression.',
      "emmanuel-macron", ANY, "oppose any deal"),

    # -- role noun named by the appositive after it (party) -----------------------------------
    D("party", '"Our convoys are stuck," said the country director, Maria Lindqvist. '
               '"What we need is access and fuel."',
      "new:person:maria-lindqvist", ANY, "What we need is access and fuel"),

    # -- near-misses: forecasts, facts, narration, a third party's need ------------------------
    N("near-miss", '"No one will get everything they want in this deal," the chairman said.'),
    N("near-miss", "Nobody is going to win this war quickly, Sergei Lavrov said."),
    N("near-miss", '"Whoever wins the election will face a difficult winter," the professor said.'),
    N("near-miss", "The refugees needed 40 million francs, the report found."),
    N("near-miss", "The camp needed 500 trucks a day before the crossing closed."),
    N("near-miss", "The only road to the village was washed away by the floods."),
    N("near-miss", '"The only way to get there is by boat," a fisherman said.'),
    N("near-miss", "Officials said the treaty was bound by strict rules of procedure."),
    N("near-miss", "If the weather holds, the talks will begin on Monday."),
    N("near-miss", "The ministry said any attempt to count the dead was premature."),
]


def _param(case: Case):
    return case_param(case, CASES)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_position_forms(nlp, case):  # noqa: F811 (the imported fixture)
    check_case(nlp, case)


def test_every_form_has_a_near_miss_or_two_cases():
    forms = [c.form for c in CASES if c.party is not None]
    assert len([c for c in CASES if c.party is None]) >= 8
    assert all(forms.count(f) >= 2 for f in set(forms) if f != "party")
