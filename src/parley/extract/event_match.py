"""The record of one pattern match, and the groups of CAMEO roots more than one step reads.

A :class:`_Match` is what the event coder (:mod:`parley.extract.events`) hands between its
steps: the trigger and predicate tokens, the pattern and, once the event is built, its
source, target and code. The target finders (:mod:`parley.extract.event_targets`), the
agentless-source reader (:mod:`parley.extract.event_agentless`) and the derived-event steps
(:mod:`parley.extract.event_derived`) all take it, so it lives apart from all of them and
none has to import the coder.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

# Conflictual acts: when a quote attributes one to another country, the speaker accuses it.
HOSTILE_ROOTS = frozenset({"12", "13", "14", "15", "16", "17", "18", "19", "20"})
# Acts of violence (assault, fight, mass violence): the roots whose doer may go unnamed.
VIOLENT_ROOTS = frozenset({"18", "19", "20"})


@dataclass
class _Match:
    """A pattern matched at a trigger token, before actors and the rest are read."""

    trigger: Token
    pattern: object
    predicate: Token  # the verb carrying tense and modality
    objects: list[Token] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    code: str = ""
    derived: bool = False
    # acts talked about inside this one's complement ("threatened to impose a curfew in Algiers")
    mentioned: list = field(default_factory=list)
