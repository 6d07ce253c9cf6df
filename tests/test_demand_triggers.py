"""The demand finders' triggers (``demand_triggers``): exact, so find_demands finds the same
with them as with every finder run on every token.

Sentences are written for these tests, one or more for each family of finders."""

from __future__ import annotations

import dataclasses

import pytest

from parley.extract.demand_finders import TOKEN_FINDERS, find_demands
from parley.extract.demand_lexicon import load_demand_lexicon
from parley.extract import demand_triggers
from parley.extract.demand_triggers import Trigger, TriggerIndex, condition_sentences, untriggered_finds

TEXTS = [
    # obligations and their kin
    '"Russia must withdraw its troops from Ukraine," the minister said.',
    '"We need more air defence systems to protect our cities," Zelenskiy said.',
    '"Kyiv was obliged to recognise the new borders," Lavrov said.',
    '"The onus is on Moscow to show that it wants peace," he said. "It is up to Hamas to accept the deal."',
    '"It is essential that Rwanda withdraws its troops," the envoy said.',
    '"Caracas has no choice but to accept the results," the senator said.',
    '"It is time for Kyiv to accept the new realities," Lavrov said.',
    '"Stop the bombing now," the protesters shouted.',
    '"Russia has no right to dictate our future," the minister said.',
    '"Any attempt to use the corridor will receive a response," the ministry warned.',
    # calls
    "The UN called on Israel to allow more aid into Gaza. Israel was urged by the EU to halt the strikes.",
    "Hamas set out its conditions for a ceasefire on Monday.",
    "The Authority expects Israel to halt settlement construction. Iran wants sanctions relief.",
    "Hamas offered to free ten hostages in return for a pause in the fighting.",
    "Kyiv repeated its demand for a full withdrawal of Russian troops.",
    "Venezuela: Machado demands tallies\n\nThe opposition leader spoke on Monday.",
    "Israel must allow aid in, as ordered by the Court in its ruling.",
    # refusals and rejections
    "The army refused to negotiate with the rebels. Kyiv rejected the proposal for a ceasefire.",
    '"We will not rejoin ECOWAS under any circumstances," the junta said.',
    '"We will not negotiate with terrorists," the president said.',
    '"Any freeze of the front line is unacceptable," Zelenskiy said. "Concessions are out of the question."',
    '"Iran would negotiate only indirectly," the spokesman said.',
    '"There will be no deal without a full withdrawal," he said.',
    '"The only acceptable outcome is a full withdrawal," she said.',
    '"No pressure will make us give up our land," he said.',
    '"Moscow is not prepared to freeze the conflict," Peskov said.',
    '"No one will decide for us again," the president said.',
    "Israel said it was not bound by an agreement to which it was not a party.",
    '"The world cannot keep looking away," she said. "We cannot afford another war."',
    "Orban vowed never to approve the talks.",
    '"We are not going to negotiate with terrorists," he said.',
    '"We have no intention of withdrawing," the general said.',
    "Diop called the withdrawal irreversible. The minister called the plan non-negotiable.",
    # conditions
    '"Russia\'s condition for a ceasefire is a halt to arms deliveries," Peskov said.',
    "Any easing of sanctions depends on Tehran restoring access for inspectors.",
    "Israel made the return of all hostages a precondition for talks.",
    "The EU gave Belarus until Friday to release the passengers.",
    '"Aid is conditional on free elections," the EU said.',
    '"Talks could only begin after Ukraine recognised the new borders," he said.',
    "Kenya said it was ready to send troops to Haiti provided the UN funded the mission.",
    "The council set a deadline of Friday for Hamas to respond.",
    '"Our operations will continue until the aggression stops," the Houthis said. '
    '"Talks will not resume unless the Taliban take verifiable action."',
]


@pytest.fixture(scope="module")
def lex():
    return load_demand_lexicon()


@pytest.fixture(scope="module")
def docs():
    from parley.nlp.pipeline import load_pipeline

    return list(load_pipeline().pipe(TEXTS))


def _finds(found):
    return [repr(vars(f)) for f in found]


def test_every_trigger_is_exact_on_the_sentences(lex, docs):
    for doc in docs:
        assert untriggered_finds(lex, doc, TOKEN_FINDERS) == [], doc.text


def test_find_demands_is_the_same_with_and_without_triggers(lex, docs):
    for doc in docs:
        assert _finds(find_demands(lex, doc)) == _finds(find_demands(lex, doc, every_finder=True)), doc.text


def test_the_sentences_reach_most_finders(lex, docs):
    """The exactness test means something only where finders fire: most must, here."""
    fired = set()
    for doc in docs:
        for token in doc:
            for finder in TOKEN_FINDERS:
                item = finder(lex, token)
                if item is not None and item != []:
                    fired.add(finder.__name__)
    assert len(fired) >= 30, sorted(f.__name__ for f in TOKEN_FINDERS if f.__name__ not in fired)


def test_a_wrong_trigger_is_caught(lex, docs, monkeypatch):
    from parley.extract.demand_obligations import need

    monkeypatch.setitem(demand_triggers.TRIGGERS, need, lambda lex: Trigger(lemma=frozenset({"require"})))
    fresh = dataclasses.replace(lex)  # a lexicon object of its own: no index built for it yet
    misses = [m for doc in docs for m in untriggered_finds(fresh, doc, TOKEN_FINDERS)]
    need_word = next(t for t in docs[1] if t.lower_ == "need")
    assert ("need", need_word.i) in misses


def test_a_word_added_to_the_lexicon_reaches_its_finder(lex):
    from parley.extract.demand_obligations import need

    index = TriggerIndex(lex, TOKEN_FINDERS)
    bit = 1 << TOKEN_FINDERS.index(need)
    assert not index.mask("crave", "crave", "VBP") & bit
    wider = dataclasses.replace(lex, need_verbs=lex.need_verbs | {"crave"})
    assert TriggerIndex(wider, TOKEN_FINDERS).mask("crave", "crave", "VBP") & bit


def test_a_finder_without_trigger_runs_on_every_token(lex, docs):
    def new_finder(lex, token):
        return None

    index = TriggerIndex(lex, TOKEN_FINDERS + (new_finder,))
    assert all(new_finder in index.finders_for(token) for token in docs[0])


def test_finders_keep_their_order(lex, docs):
    index = TriggerIndex(lex, TOKEN_FINDERS)
    for token in docs[20]:  # "will not ... under any circumstances": several finders on "will"
        chosen = index.finders_for(token)
        assert list(chosen) == [f for f in TOKEN_FINDERS if f in chosen]


def test_phrase_trigger_looks_at_the_next_word(lex, docs):
    from parley.extract.demand_refusals import stand

    index = TriggerIndex(lex, TOKEN_FINDERS)
    doc = docs[18]  # '... under any circumstances'
    under = next(t for t in doc if t.lower_ == "under")
    assert stand in index.finders_for(under)
    in_return = next(t for t in docs[13] if t.lower_ == "in")  # "in return for": not "in any circumstances"
    assert stand not in index.finders_for(in_return)


def test_condition_sentences_need_a_whole_marker(lex, spacy_nlp):
    doc = spacy_nlp("Talks will not resume unless the army withdraws. It was a stiff test. The talks ended.")
    kept = [s.text for s in condition_sentences(lex, doc)]
    assert kept == ["Talks will not resume unless the army withdraws."]
