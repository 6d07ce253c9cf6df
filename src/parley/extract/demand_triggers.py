"""Which demand finders can start on a word: a cheap prefilter for :func:`~.demand_finders.find_demands`.

Every finder of :data:`~.demand_finders.TOKEN_FINDERS` returns None at once unless its token
is one of a few words of the demand lexicon ("must", "urge", "unacceptable"). Calling all of
them on every token costs more than all their real work. A :class:`Trigger` names, for one
finder, the word lists its first test reads, taken from the same :class:`DemandLexicon` the
finder reads: a word added to ``demands.yaml`` reaches its finder through the trigger too.

A trigger must be *exact*: wherever its finder can find something, the trigger passes (it
may pass more often). :func:`untriggered_finds` checks this by running every finder on
every token. A finder with no trigger here runs on every token, so a new finder is safe
before it gets one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional, Sequence

from spacy.tokens import Doc, Span, Token

from ..nlp.sentences import sentences, text_of

from .demand_calls import as_ordered, demand_verb, exchange, headline_demand, nominal, statement, wish
from .demand_conditions import (bare_proviso, condition_made, copula_condition, deadline_for, dependence,
                                given_until, only_then, proviso)
from .demand_lexicon import DemandLexicon
from .demand_obligations import imperative, necessity, need, no_choice, no_right, obligation, onus, time_for, warning
from .demand_refusals import (cannot_afford, cannot_keep, commitment, exclusion, named_verdict, negated_pledge,
                              no_intention, no_pressure, none_on_us, not_going_to, not_prepared, only_acceptable,
                              refusal, rejection, restriction, stand, unbound, verdict)

Finder = Callable


@dataclass(frozen=True)
class Trigger:
    """The words a finder can start on; the token passes when any one test holds.

    ``lower`` is tested against ``token.lower_``, ``lemma`` against ``token.lemma_.lower()``,
    ``inflected`` against the guesses of :func:`~.demand_syntax._lemma_in` (the lemma and the
    form with its ending cut), ``tag`` against ``token.tag_``. ``phrases``: the token opens
    one of them (its first word, and the next token its second word).
    """

    lower: frozenset[str] = frozenset()
    lemma: frozenset[str] = frozenset()
    inflected: frozenset[str] = frozenset()
    tag: frozenset[str] = frozenset()
    phrases: tuple[str, ...] = ()


def _words(*lists) -> frozenset[str]:
    return frozenset().union(*lists)


def _last_words(phrases: Sequence[str]) -> frozenset[str]:
    """The last word of each phrase (a finder that reads a phrase backwards starts on it)."""
    return frozenset(p.split()[-1] for p in phrases if p.split())


def _ends_after(words, mark: str) -> frozenset[str]:
    """Each word and every ending of it after ``mark``: "non-negotiable" is told on its last
    token, "negotiable", and "red line" on "line"."""
    ends = set()
    for word in words:
        pieces = word.split(mark)
        ends.update(mark.join(pieces[i:]) for i in range(len(pieces)))
    return frozenset(ends)


# Words some finders test in their code rather than in the lexicon (kept here in step with it).
_UP = frozenset({"up"})          # onus: "it is up to Hamas to ..."
_WOULD = frozenset({"would"})    # warning: a reported "would"
_NOBODY = frozenset({"nobody", "noone", "one"})  # none_on_us: "nobody", "no one"
_GOING = frozenset({"going"})    # not_going_to
_BASE_VERB = frozenset({"VB"})   # imperative: a bare verb

# finder -> its trigger, read from the lexicon.
TRIGGERS: dict[Finder, Callable[[DemandLexicon], Trigger]] = {
    obligation: lambda lex: Trigger(lower=lex.obligation_modals,
                                    lemma=_words(lex.obligation_verbs, lex.obligation_participles)),
    need: lambda lex: Trigger(lemma=lex.need_verbs),
    demand_verb: lambda lex: Trigger(lemma=frozenset(lex.demand_verbs)),
    statement: lambda lex: Trigger(lemma=lex.condition_nouns),
    refusal: lambda lex: Trigger(lemma=lex.refusal_verbs),
    rejection: lambda lex: Trigger(lemma=_words(lex.rejection_verbs, lex.rejection_phrasal)),
    stand: lambda lex: Trigger(phrases=lex.concessive_phrases),
    commitment: lambda lex: Trigger(lower=lex.commitment_modals),
    imperative: lambda lex: Trigger(tag=_BASE_VERB),
    verdict: lambda lex: Trigger(lower=_words(_last_words(lex.verdict_phrases + lex.negated_verdict_phrases),
                                              _ends_after(_words(lex.verdict_words, lex.negated_verdict_words), "-"))),
    no_right: lambda lex: Trigger(lemma=lex.right_nouns),
    wish: lambda lex: Trigger(inflected=lex.wish_verbs),
    copula_condition: lambda lex: Trigger(lemma=_ends_after(lex.copula_condition_nouns, " ")),
    exchange: lambda lex: Trigger(lower=lex.exchange_nouns),
    nominal: lambda lex: Trigger(lemma=lex.nominal_demand_nouns),
    restriction: lambda lex: Trigger(lower=lex.restriction_words),
    exclusion: lambda lex: Trigger(lower=lex.exclusion_preps),
    time_for: lambda lex: Trigger(lemma=lex.obligation_nouns),
    only_acceptable: lambda lex: Trigger(lemma=_words(lex.sole_words, lex.acceptable_words)),
    dependence: lambda lex: Trigger(lemma=lex.dependence_verbs),
    no_pressure: lambda lex: Trigger(lemma=lex.coercion_verbs),
    condition_made: lambda lex: Trigger(lemma=lex.condition_nouns),
    headline_demand: lambda lex: Trigger(inflected=lex.headline_verbs),
    given_until: lambda lex: Trigger(lemma=lex.deadline_verbs),
    necessity: lambda lex: Trigger(lower=lex.necessity_words),
    no_choice: lambda lex: Trigger(lemma=lex.no_choice_nouns),
    proviso: lambda lex: Trigger(lower=_words(lex.proviso_words, lex.predicative_proviso_words)),
    onus: lambda lex: Trigger(lower=_UP, lemma=lex.onus_nouns),
    not_prepared: lambda lex: Trigger(lower=lex.readiness_words),
    only_then: lambda lex: Trigger(lower=lex.only_markers),
    warning: lambda lex: Trigger(lower=_words(lex.future_auxes, _WOULD)),
    none_on_us: lambda lex: Trigger(lower=_NOBODY),
    unbound: lambda lex: Trigger(lemma=lex.unbound_verbs),
    bare_proviso: lambda lex: Trigger(lower=lex.bare_proviso_words),
    cannot_keep: lambda lex: Trigger(lower=lex.ability_modals),
    cannot_afford: lambda lex: Trigger(lower=lex.ability_modals),
    deadline_for: lambda lex: Trigger(lemma=lex.deadline_nouns),
    as_ordered: lambda lex: Trigger(lemma=lex.as_ordered_verbs),
    negated_pledge: lambda lex: Trigger(lemma=lex.pledge_verbs),
    not_going_to: lambda lex: Trigger(lower=_GOING),
    no_intention: lambda lex: Trigger(lemma=lex.refusal_nouns),
    named_verdict: lambda lex: Trigger(lower=_ends_after(_words(lex.verdict_words, lex.permanence_words), "-")),
}


def _guesses(lower: str, lemma: str) -> tuple[str, ...]:
    """The words :func:`~.demand_syntax._lemma_in` tries for a token, in its order."""
    return lemma, lower, lower[:-1], lower[:-2], lower[:-3] + "e", lower[:-3]


class TriggerIndex:
    """For a lexicon and a tuple of finders: the finders, in their order, that can start on
    a token. The words' part of the answer depends only on the token's form, lemma and tag,
    so it is kept per (orth, lemma, tag) once worked out; a phrase trigger then looks at the
    next token."""

    _MEMO_LIMIT = 200_000  # distinct (form, lemma, tag) kept before the memo starts over

    def __init__(self, lex: DemandLexicon, finders: Sequence[Finder]):
        self.finders = tuple(finders)
        self._by: dict[str, dict[str, int]] = {"lower": {}, "lemma": {}, "inflected": {}, "tag": {}}
        self._always = 0
        # finder -> its phrases' first word -> the second words (None: a one-word phrase)
        self._follows: dict[Finder, dict[str, Optional[set[str]]]] = {}
        for position, finder in enumerate(self.finders):
            bit = 1 << position
            make = TRIGGERS.get(finder)
            if make is None:
                self._always |= bit  # no trigger known: run it on every token
                continue
            trigger = make(lex)
            for field, table in self._by.items():
                for word in getattr(trigger, field):
                    table[word] = table.get(word, 0) | bit
            if trigger.phrases:
                self._follows[finder] = _second_words(trigger.phrases)
                for word in self._follows[finder]:
                    self._by["lower"][word] = self._by["lower"].get(word, 0) | bit
        self._memo: dict[tuple[int, int, int], tuple[tuple[Finder, ...], bool]] = {}
        self._by_mask: dict[int, tuple[tuple[Finder, ...], bool]] = {}

    def finders_for(self, token: Token) -> tuple[Finder, ...]:
        key = (token.orth, token.lemma, token.tag)
        entry = self._memo.get(key)
        if entry is None:
            if len(self._memo) >= self._MEMO_LIMIT:
                self._memo.clear()
            entry = self._memo[key] = self._in_order(self.mask(token.lower_, token.lemma_.lower(), token.tag_))
        found, by_phrase = entry
        if by_phrase:
            found = tuple(f for f in found if f not in self._follows or self._opens_phrase(f, token))
        return found

    def mask(self, lower: str, lemma: str, tag: str) -> int:
        """The bits (one per finder position) of the finders whose word trigger passes."""
        by = self._by
        mask = self._always | by["lower"].get(lower, 0) | by["lemma"].get(lemma, 0) | by["tag"].get(tag, 0)
        inflected = by["inflected"]
        if inflected:
            for guess in _guesses(lower, lemma):
                mask |= inflected.get(guess, 0)
        return mask

    def _in_order(self, mask: int) -> tuple[tuple[Finder, ...], bool]:
        entry = self._by_mask.get(mask)
        if entry is None:
            found = tuple(f for i, f in enumerate(self.finders) if mask >> i & 1)
            entry = self._by_mask[mask] = (found, any(f in self._follows for f in found))
        return entry

    def _opens_phrase(self, finder: Finder, token: Token) -> bool:
        seconds = self._follows[finder].get(token.lower_, set())
        if seconds is None:
            return True
        doc = token.doc
        return token.i + 1 < len(doc) and doc[token.i + 1].lower_ in seconds


def _second_words(phrases: Sequence[str]) -> dict[str, Optional[set[str]]]:
    """first word -> the words that follow it in the phrases (None when a phrase is that word alone)."""
    follows: dict[str, Optional[set[str]]] = {}
    for phrase in phrases:
        words = phrase.split()
        if not words:
            continue
        if len(words) == 1:
            follows[words[0]] = None
        elif follows.get(words[0], set()) is not None:
            follows.setdefault(words[0], set()).add(words[1])
    return follows


def condition_sentences(lex: DemandLexicon, doc: Doc) -> list[Span]:
    """The sentences in which :func:`~.demand_conditions.conditions` can find something: those
    whose lower-cased text holds a condition marker as a whole word (the test it makes
    marker by marker, made once with all of them)."""
    pattern = _any_marker(lex.condition_markers)
    text = text_of(doc)
    return [sent for sent in sentences(doc) if pattern.search(text[sent.start_char:sent.end_char].lower())]


@lru_cache(maxsize=8)
def _any_marker(markers: tuple[str, ...]) -> re.Pattern:
    # The same word boundaries conditions() puts round each marker.
    return re.compile(r"\b(?:" + "|".join(re.escape(m) for m in markers) + r")\b")


_INDEXES: dict[tuple[int, tuple], tuple[DemandLexicon, TriggerIndex]] = {}


def trigger_index(lex: DemandLexicon, finders: Sequence[Finder]) -> TriggerIndex:
    """The index for this lexicon and these finders, built once (the lexicon holds dicts and
    cannot be hashed: it is kept by identity)."""
    key = (id(lex), tuple(finders))
    cached = _INDEXES.get(key)
    if cached is None or cached[0] is not lex:
        cached = _INDEXES[key] = (lex, TriggerIndex(lex, finders))
    return cached[1]


def untriggered_finds(lex: DemandLexicon, doc: Doc, finders: Sequence[Finder]) -> list[tuple[str, int]]:
    """Every (finder name, token index) where a finder found something on a token its trigger
    let through to no one: empty when every trigger is exact on this Doc. Runs every finder on
    every token (slow: for tests and checks only)."""
    index = trigger_index(lex, finders)
    misses = []
    for token in doc:
        if token.is_punct or token.is_space:
            continue
        allowed = index.finders_for(token)
        for finder in index.finders:
            if finder not in allowed and _found(finder(lex, token)):
                misses.append((finder.__name__, token.i))
    return misses


def _found(item: Optional[object]) -> bool:
    return item is not None and item != []
