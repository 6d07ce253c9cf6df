"""Finding demands in a parsed Doc: every finder run over the words it can start on, then the spans tidied.

A finder is one way of phrasing a demand (``finder(lex, token) -> Found | list[Found] | None``),
kept in the module of its family (obligations, calls, refusals, conditions). This module only
runs them, in a fixed order, and hands what they found to :mod:`.demand_spans`. The order
matters: when two finders find the same words, :func:`~.demand_spans.dedupe` keeps the first.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..nlp.sentences import sentences

from .demand_calls import as_ordered, demand_verb, exchange, headline_demand, nominal, statement, wish
from .demand_conditions import (bare_proviso, condition_made, conditions, copula_condition, deadline_for, dependence,
                                given_until, only_then, proviso)
from .demand_found import Found
from .demand_lexicon import DemandLexicon
from .demand_obligations import imperative, necessity, need, no_choice, no_right, obligation, onus, time_for, warning
from .demand_refusals import (cannot_afford, cannot_keep, commitment, exclusion, named_verdict, negated_pledge,
                              no_intention, no_pressure, none_on_us, not_going_to, not_prepared, only_acceptable,
                              refusal, rejection, restriction, stand, unbound, verdict)
from .demand_spans import cut_pointed_orders, dedupe, expand_lists, merge_conjoined, split_addressees, split_conjoined
from .demand_triggers import condition_sentences, trigger_index

# Every finder that starts from a single word, in the order their finds are ranked. ``stand``
# ranks above ``commitment``: a "will not" clause held "under any circumstances" is a stand
# even in the narrator's voice, where a bare "will not" is dropped.
TOKEN_FINDERS = (obligation, need, demand_verb, statement,
                 refusal, rejection, stand, commitment, imperative,
                 verdict, no_right, wish, copula_condition,
                 exchange, nominal, restriction, exclusion,
                 time_for, only_acceptable, dependence, no_pressure,
                 condition_made, headline_demand, given_until, necessity,
                 no_choice, proviso, onus, not_prepared,
                 only_then, warning, none_on_us, unbound, bare_proviso,
                 cannot_keep, cannot_afford, deadline_for, as_ordered,
                 # stands and refusals told without "refuse" or a "will not" + verb
                 negated_pledge, not_going_to, no_intention, named_verdict)


def find_demands(lex: DemandLexicon, doc: Doc, every_finder: bool = False) -> list[Found]:
    """Every demand form in the Doc, in text order, overlapping duplicates removed.

    Each token is tried only with the finders whose trigger words it carries
    (:mod:`.demand_triggers`), in the order of TOKEN_FINDERS; ``every_finder`` tries all of
    them on every token instead (the same finds, slower: for checking the triggers)."""
    index = trigger_index(lex, TOKEN_FINDERS)
    found: list[Found] = []
    for token in doc:
        if token.is_punct or token.is_space:
            continue  # no demand form starts on punctuation
        for finder in (index.finders if every_finder else index.finders_for(token)):
            item = finder(lex, token)
            if isinstance(item, list):
                found.extend(item)
            elif item is not None:
                found.append(item)
    # Conditions are found by their marker words in the sentence's text ("only if", "unless").
    for sent in (sentences(doc) if every_finder else condition_sentences(lex, doc)):
        found.extend(conditions(lex, sent))
    return split_addressees(merge_conjoined(split_conjoined(expand_lists(dedupe(cut_pointed_orders(found))))))
