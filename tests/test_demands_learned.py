"""The learned demand detector (opt-in) and the demand rules added with it.

Sentences are written for these tests."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from parley.extract.demand_model import (MODEL_ENV, DemandModel, configured_demand_model, learned_found,
                                        load_demand_model, sentence_features)
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


# -- feature groups and proposals (a hand-set model, so the test does not hang on training) --
def test_feature_groups_name_kinds_of_words_and_frames(nlp):
    doc = parsed(nlp, '"We urge Serbia to withdraw its troops," the foreign minister said.')
    sent = next(iter(doc.sents))
    base = sentence_features(sent, doc._.quotes)
    full = sentence_features(sent, doc._.quotes, ("base", "cues", "frame", "speaker"), doc._.actors)
    assert "cue:demand_verbs" not in base and "cue:demand_verbs" in full
    assert "qpos:first" in full and "spk:none" not in full
    assert set(base) < set(full)
    nolex = sentence_features(sent, doc._.quotes, ("base", "nolex"))
    assert "lem:troop" in base and "lem:troop" not in nolex and "lem:urge" in nolex


OBLIGATION_MODEL = DemandModel({"bias": -3.0, "cue:obligation_modals": 4.0, "quote:direct": 1.0}, threshold=0.8,
                               groups=("base", "cues"))


def _proposed(nlp, text):
    doc = parsed(nlp, text)
    return learned_found(doc, OBLIGATION_MODEL, doc._.quotes, taken=[], actors=doc._.actors)


def test_a_sentence_above_the_threshold_is_proposed(nlp):
    (found,) = _proposed(nlp, '"The militias ought to disarm before the vote," the envoy told reporters.')
    assert found.form == "learned"


def test_a_near_miss_is_not_proposed(nlp):
    assert _proposed(nlp, '"The militias disarmed before the vote," the envoy told reporters.') == []


def test_groups_survive_the_json_round_trip():
    back = DemandModel.from_json(OBLIGATION_MODEL.to_json())
    assert back.groups == ("base", "cues") and back.threshold == 0.8
    assert DemandModel.from_json({"threshold": 0.5, "weights": {"bias": 1}}).groups == ("base",)


# -- choosing the model file by environment -------------------------------------------
def test_environment_names_the_model_file(tmp_path, monkeypatch):
    file = tmp_path / "m.json"
    file.write_text(json.dumps(OBLIGATION_MODEL.to_json()), encoding="utf-8")
    monkeypatch.setenv(MODEL_ENV, str(file))
    assert configured_demand_model(learned=False).groups == ("base", "cues")
    monkeypatch.setenv(MODEL_ENV, "off")
    assert configured_demand_model(learned=True) is None
    monkeypatch.setenv(MODEL_ENV, str(tmp_path / "missing.json"))
    with pytest.raises(FileNotFoundError):
        configured_demand_model(learned=False)
    monkeypatch.delenv(MODEL_ENV)
    assert configured_demand_model(learned=False) is None
    assert configured_demand_model(learned=True) is load_demand_model()


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
