"""The doer of an act of violence the clause does not name.

"Three soldiers were killed in a roadside bombing", "US drone strikes killed four": news
often tells violence by its means and its victims. When the event coder
(:mod:`parley.extract.events`) finds no source for a violent act, it asks
:class:`AgentlessSource` for whoever owns the means, or an unidentified attacker where it
happened. The words (killing verbs, means and victim nouns, prepositions of means) are the
``agentless`` lists of the event lexicon.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..model import Quote
from .event_actors import ActorContext
from .event_lexicon import EventLexicon, VerbPattern
from .event_match import VIOLENT_ROOTS, _Match
from .event_syntax import PASSIVE_SUBJECTS, SUBJECTS


class AgentlessSource:
    """Reads the source of a violent act told without its doer (one lexicon, built once)."""

    def __init__(self, lexicon: EventLexicon):
        self.lex = lexicon

    def source(self, match: _Match, ctx: ActorContext, quote: Optional[Quote]) -> list[str]:
        """The doer of a violent act the clause does not name ("three soldiers were killed in
        a roadside bombing", "an explosion killed two youths"): whoever owns the means ("US
        drone strikes killed ..."), else an unidentified attacker where it happened (a doer
        told in another sentence is not guessed: the checks drop a source the sentence does
        not mention). Only when the clause names the means and a victim: "he killed" with
        "he" unresolved stays out, and so does "the bombing killed the plan"."""
        words = self.lex.agentless
        verb = match.trigger
        if not isinstance(match.pattern, VerbPattern) or match.pattern.root not in VIOLENT_ROOTS:
            return []
        if verb.lemma_.lower() not in words.verbs or not self._has_victim(verb, ctx, quote):
            return []
        means = self._means_of(verb)
        if means is None:
            # "were killed since clashes began", "killed by gunmen" with no actor read from
            # them: no means named, nothing to tell the attack by
            return []
        owners = [a for a in ctx.actors_of(means, quote, modifiers=True) if ctx.can_act(a)]
        if owners:
            # "Israeli air strikes killed 12 people": an attack noun with its doer is an event
            # of its own, told once
            return [] if means.lemma_.lower() in self.lex.nouns else owners
        unknown = ctx.unidentified_attacker(means, words.sector)
        return [unknown] if unknown else []

    def _has_victim(self, verb: Token, ctx: ActorContext, quote: Optional[Quote]) -> bool:
        """The act names whom it struck (a passive subject or a direct object): an actor, or
        people ("a journalist", "two others", a counted "three traders")."""
        for child in verb.children:
            if child.dep_ not in ("dobj", *PASSIVE_SUBJECTS):
                continue
            if child.lemma_.lower() in self.lex.agentless.victims or child.like_num or ctx.actors_of(child, quote):
                return True
            if any(c.dep_ == "nummod" for c in child.children):
                return True  # "three traders": a toll counts people
        return False

    def _means_of(self, verb: Token) -> Optional[Token]:
        """The noun naming the means or the attack that did the act: the subject ("a roadside
        bombing killed"), the "by" agent ("killed by an improvised explosive device") or a
        phrase of means ("killed in a car bomb explosion")."""
        words = self.lex.agentless
        for child in verb.children:
            if child.dep_ in SUBJECTS and child.lemma_.lower() in words.instruments:
                return child
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in words.means_preps):
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    if pobj.lemma_.lower() in words.instruments:
                        return pobj
        return None
