"""Refusals, red lines and rejections as demands (issue 5): the forms the guidelines and most
writers count, checked first as they stood, then the gaps filled, with the near-misses the
guidelines keep out.

Counted: "will not / would never / refuses to / cannot accept / rejects / is not prepared to /
not willing to / out of the question / not negotiable / red line / no one will ...", refusals
to allow or let another party act, rejections of a named plan or demand; and the forms added
in this round:
- a stand held "whatever the pressure", "under any circumstances", "come what may" (with or
  without "not": the phrase marks a position held against what is asked);
- a negated pledge ("vowed never to approve", "pledged not to lift");
- "be not going to" + a verb, like "will not";
- "have no intention of" + the act (not "no power to": inability, left out by its writer);
- yielding refused: "will not give in to ...", "will not be driven away / forced out";
- a verdict given by naming: "called the withdrawal 'irreversible'".
Kept out: predictions, negated past facts, "will not hesitate to" (a threat to act), the other
side told it will fail ("they will not break our resolve"), a joint pledge (an agreement),
"whatever it takes" (effort), and a reading of another party's aims ("showed that Russia had
no intention of ...").

Each case is one short text written for this suite; a near-miss expects no demand at all.
The matching rules are those of tests/test_demands_coverage.py.

Run on its own:  .venv/bin/pytest -q tests/test_demand_refusals2.py
"""

from __future__ import annotations

import pytest

from tests.test_demands_coverage import ANY, Case, D, N, _matches, case_param, check_case, demands_of, nlp  # noqa: F401 (fixture)

CASES = [
    # -- forms that already worked (kept as a guard) ------------------------------------------
    D("will-not", '"We will not touch the pension law," Robert Fico said.', ANY, ANY, "touch the pension law"),
    D("would-never", "Asked about the plan, Viktor Orban said he would never support it.",
      "viktor-orban", ANY, "would never support it"),
    D("never-accept", '"We will never accept a colonial-era quota," Abdoulaye Diop said.', ANY, ANY,
      "accept a colonial-era quota"),
    D("cannot-accept", '"We cannot accept this proposal," Kaja Kallas said.', "kaja-kallas", ANY, "accept this proposal"),
    D("refuse", "Iran refuses to halt enrichment, Abbas Araghchi said.", ANY, ANY, "halt enrichment"),
    D("reject", "Russia rejected the plan on Monday.", "RUS", ANY, "rejected the plan"),
    D("dismiss", "Kyiv dismissed the proposal as a trap.", "UKR", ANY, "dismissed the proposal"),
    D("not-prepared", '"We are not prepared to give up an inch of territory," Volodymyr Zelenskiy said.',
      "volodymyr-zelenskiy", ANY, "give up an inch of territory"),
    D("not-willing", "Claudia Sheinbaum said Mexico was not willing to accept deportation flights.",
      "claudia-sheinbaum", ANY, "accept deportation flights"),
    D("out-of-question", '"Any talk of partition is out of the question," Felix Tshisekedi said.',
      "felix-tshisekedi", ANY, "out of the question"),
    D("not-negotiable", '"Our sovereignty is not negotiable," Abdoulaye Diop said.', ANY, ANY, "not negotiable"),
    D("red-line", '"The return of the islands is a red line for us," Abdoulaye Diop said.', ANY, ANY, "a red line"),
    D("no-one", '"No one will force us to leave our land," Mahmoud Abbas said.', "mahmoud-abbas", ANY,
      "force us to leave our land"),
    D("not-allow", '"We will not allow Kosovo to join the Council of Europe," Aleksandar Vucic said.',
      "aleksandar-vucic", ANY, "allow Kosovo to join"),
    D("not-let", '"We will not let them dictate the terms," Aleksandar Vucic said.', "aleksandar-vucic", ANY,
      "let them dictate the terms"),
    D("as-long-as", "Our troops will remain in Mali as long as Bamako needs us, Andrei Belousov said.", ANY, ANY,
      "as long as Bamako needs us"),
    D("while", '"We will not withdraw while the militias remain armed," Abdoulaye Diop said.', ANY, ANY,
      "while the militias remain armed"),

    # -- a stand held whatever is asked ---------------------------------------------------------
    D("concessive", 'The Philippines would keep sending vessels to the shoal "whatever the pressure", '
                    "Gilberto Teodoro said.", ANY, ANY, "keep sending vessels"),
    D("concessive", "Assimi Goita has made clear that Mali will not rejoin ECOWAS under any circumstances.",
      ANY, ANY, "will not rejoin ECOWAS"),
    D("concessive", '"Come what may, we will hold the elections in March," Ibrahim Traore said.', ANY, ANY,
      "hold the elections in March"),
    D("concessive", '"No matter what happens, Taiwan will not give up its democracy," Lai Ching-te said.',
      "lai-ching-te", ANY, "give up its democracy"),
    N("near-miss", '"We will do whatever it takes to win," Volodymyr Zelenskiy said.'),
    N("near-miss", '"Whatever happens, the sun will rise tomorrow," Mahmoud Abbas said.'),

    # -- a negated pledge -------------------------------------------------------------------------
    D("pledge", "Viktor Orban has vowed never to approve the accession talks.", "viktor-orban", ANY,
      "approve the accession talks"),
    D("pledge", "Viktor Orban pledged not to lift his veto.", "viktor-orban", ANY, "lift his veto"),
    N("near-miss", "Nicolas Maduro and Irfaan Ali pledged not to use force against one another."),
    N("near-miss", "The president promised the family he would never stop fighting for Daniel."),

    # -- "not going to" ------------------------------------------------------------------------
    D("going-to", '"We are not going to give up our land," Mahmoud Abbas told reporters.', "mahmoud-abbas", ANY,
      "give up our land"),
    D("going-to", "Gustavo Petro said he was not going to negotiate with the ELN.", "gustavo-petro", ANY,
      "negotiate with the ELN"),
    N("near-miss", "Prices are not going to fall soon, the central bank said."),

    # -- "no intention of", "no power to" ------------------------------------------------------
    D("no-intention", "The European Commission said it had no intention of exempting any country from the rules.",
      ANY, ANY, "exempting any country"),
    N("near-miss", "The ministry said it had no legal power to stop the launches."),  # inability, left out
    D("no-intention", '"We have no intention of leaving," Mahmoud Abbas told reporters.', "mahmoud-abbas", ANY,
      "no intention of leaving"),
    N("near-miss", "Kaja Kallas said the attack showed that Russia had no intention of pursuing peace."),
    N("near-miss", "The ministry said it had no information about the arrests."),

    # -- yielding refused ------------------------------------------------------------------------
    D("no-yield", '"We will not give in to blackmail," Mette Frederiksen said.', "mette-frederiksen", ANY,
      "give in to blackmail"),
    D("no-yield", '"We will not be driven away from our own waters," Ferdinand Marcos Jr. told reporters.',
      ANY, ANY, "driven away from our own waters"),
    D("no-yield", '"We will not be forced out of our homes," Mahmoud Abbas said.', "mahmoud-abbas", ANY,
      "forced out of our homes"),
    N("near-miss", '"We will not give up on diplomacy," Mahmoud Abbas said.'),

    # -- a verdict by naming ---------------------------------------------------------------------
    D("named-verdict", 'Abdoulaye Diop called the withdrawal "irreversible".', ANY, ANY, "irreversible"),
    D("named-verdict", "Kaja Kallas called the proposal unacceptable.", "kaja-kallas", ANY, "unacceptable"),
    N("near-miss", 'The president called its actions "unacceptable and outrageous".'),

    # -- predictions, past facts, threats, defiance -----------------------------------------------
    N("near-miss", "Talks will not resume before next month, diplomats said."),
    N("near-miss", "The minister did not attend the summit."),
    N("near-miss", '"This election will not change anything," Salome Zourabichvili said.'),
    N("near-miss", '"We will not hesitate to respond," Kaja Kallas said.'),
    N("near-miss", '"They will not break our resolve," Ferdinand Marcos Jr. said.'),
    N("near-miss", "Iran rejected the accusation."),
    N("near-miss", "Iran refused to comment."),
]


def _param(case: Case):
    return case_param(case, CASES)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_refusals2(nlp, case):  # noqa: F811 (the imported fixture)
    check_case(nlp, case)


def test_stand_is_a_refusal_of_its_subject(nlp):  # noqa: F811
    found = demands_of(nlp, "Viktor Orban has vowed never to approve the accession talks.")
    assert [(d.party, d.stance) for d in found] == [("viktor-orban", "refusal")], found
