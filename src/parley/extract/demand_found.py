"""A demand as the parse shows it (:class:`Found`), before anyone is named as its party,
and the groups of forms that decide where a form's party comes from.

Shared by the finders (which make :class:`Found` items) and by :mod:`.demand_records` (which
turns them into records), so neither has to import the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Token


@dataclass
class Found:
    """A demand as found in the parse, before its party and addressee are resolved."""

    form: str  # obligation, need, verb, condition, statement, refusal, rejection
    act: Token  # the word that carries the act of demanding (modal, verb, marker)
    start: int  # token range of the condition's words [start, end)
    end: int
    stance: str = "demand"
    party_token: Optional[Token] = None  # whose words name the party (subject, agent)
    subject: Optional[Token] = None  # subject of the condition clause (addressee candidate)
    addressees: list[Token] = field(default_factory=list)  # tokens naming the addressee
    patient: Optional[Token] = None  # a thing to be acted on whose owner is the addressee
    context: Optional[Token] = None  # a clause whose words give the issue when the condition's do not
    label_start: Optional[int] = None  # where the condition proper starts, when the words include its main clause
    needs_statement: bool = False  # kept only inside someone's statement (a bare "if ... would")


# Forms whose party is the speaker of the statement they are in (not their grammatical subject).
SPEAKER_FORMS = ("obligation", "need", "condition", "commitment", "imperative", "verdict", "no_right", "restriction",
                 "learned", "acceptable", "dependence", "warning")


# Forms kept only inside a statement or after a named speaker's verb of saying: in narrative
# they are the reporter's own words ("the plan is unacceptable to many").
STATEMENT_FORMS = ("obligation", "need", "commitment", "imperative", "verdict", "no_right", "restriction", "learned",
                   "acceptable", "dependence", "warning")
