"""The learned demand detector (opt-in) and the demand rules added with it.

Sentences are written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.demand_model import DemandModel, load_demand_model, sentence_features
from parley.train import demands as trainer

PUBLISHED = dt.date(2025, 3, 10)


@pytest.fixture(scope="module")
def nlp():
    from parley.nlp.pipeline import load_pipeline

    return load_pipeline()


def parsed(nlp, text):
    doc = nlp.make_doc(text)
    doc._.published = PUBLISHED
    return nlp(doc)


def probability(nlp, model, text):
    doc = parsed(nlp, text)
    sent = next(iter(doc.sents))
    return model.probability(sentence_features(sent, doc._.quotes or []))


# -- the shipped model --------------------------------------------------------------
def test_shipped_model_loads_and_is_small():
    model = load_demand_model()
    assert model is not None and 100 < len(model.weights) < 50_000
    assert 0.0 < model.threshold < 1.0


def test_shipped_model_tells_a_demand_from_a_report(nlp):
    model = load_demand_model()
    demand = probability(nlp, model, '"Russia must withdraw all of its troops immediately," the minister said.')
    report = probability(nlp, model, "Heavy rain fell on the capital on Tuesday, and several roads were closed.")
    assert demand > 0.5 > report


def test_learned_part_is_off_by_default(nlp):
    assert nlp.get_pipe("parley_demands").model is None


def test_learned_part_adds_sentences_the_rules_leave_empty(nlp):
    component = nlp.get_pipe("parley_demands")
    text = "Antonio Guterres said the fighting was terrible for civilians."
    assert parsed(nlp, text)._.demands == []
    always = DemandModel({"bias": 10.0}, threshold=0.5)  # calls every sentence a demand
    component.model = always
    try:
        (d,) = parsed(nlp, text)._.demands
    finally:
        component.model = None
    assert d.party == "antonio-guterres"
    assert "terrible for civilians" in d.text


# -- training -----------------------------------------------------------------------
def _tiny_examples():
    demand = ["bias", "md:must", "quote:direct"]
    other = ["bias", "lem:rain", "quote:none"]
    examples = []
    for k in range(6):  # six articles, so that every fold has one to hold out
        examples.append(trainer.Example(f"a{k}", demand, True))
        examples += [trainer.Example(f"a{k}", other, False) for _ in range(3)]
    return examples


def test_training_learns_a_tiny_fixture():
    model = trainer.train(_tiny_examples())
    assert model.probability(["bias", "md:must", "quote:direct"]) > model.threshold
    assert model.probability(["bias", "lem:rain", "quote:none"]) < model.threshold
    assert DemandModel.from_json(model.to_json()).threshold == model.threshold


def test_training_examples_from_a_parsed_doc(nlp):
    doc = parsed(nlp, "It rained in the capital. \"Israel must allow aid into Gaza,\" Antonio Guterres said.")
    start = doc.text.index("Israel")
    examples = trainer.examples_from_docs([("t1", doc, [(start, start + 20)])])
    assert [e.label for e in examples] == [False, True]
    assert examples[1].rules_hit and "md:must" in examples[1].features


# -- rules added with the learned part ----------------------------------------------
@pytest.mark.parametrize("text, words", [
    ("Houthi spokesman Yahya Saree said the group would halt attacks on shipping as soon as Israel stops the war.",
     "would halt attacks on shipping as soon as Israel stops"),
    ("Aleksandar Vucic said Belgrade will return to the talks on condition that the special police units leave.",
     "will return to the talks on condition that"),
    ("Antonio Guterres said the United Nations could not support the operation without a plan to protect civilians.",
     "could not support the operation without a plan"),
])
def test_conditions_the_parser_hangs_elsewhere(nlp, text, words):
    demands = parsed(nlp, text)._.demands
    assert any(words in d.text for d in demands), [d.text for d in demands]


@pytest.mark.parametrize("text", [
    "He said the fighting would continue until the end of the year.",
    "Antonio Guterres said the city could not cope without more water.",
])
def test_not_conditions(nlp, text):
    assert parsed(nlp, text)._.demands == []
