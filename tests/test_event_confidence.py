"""The learned event confidence: features, the weight file, the threshold and its override,
and ``precision.py draw --exclude``."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from parley.extract import event_confidence as ec
from parley.extract.event_confidence import ConfidenceModel, EventConfidence, MODEL_PATH, configured_threshold

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def events_pipe(analyzer):
    return analyzer.nlp.get_pipe("parley_events")


def _features_of(analyzer, events_pipe, text: str):
    """(event, features) for each event the coder keeps in ``text`` (published 1 May 2024)."""
    doc = analyzer.nlp(analyzer._make_doc(analyzer_article(text)))
    scorer = EventConfidence(ConfidenceModel({}), events_pipe.checks.trigger_in, threshold=0.0)
    events = doc._.events or []
    return list(zip(events, scorer.features(doc, events)))


def analyzer_article(text: str):
    import datetime as dt

    from parley.read import article_from_text

    return article_from_text(text, published=dt.date(2024, 5, 1))


def _find(pairs, plover: str):
    found = [feats for event, feats in pairs if event.plover.type == plover]
    assert found, f"no {plover} event in {[e.plover.type for e, _ in pairs]}"
    return found[0]


def test_features_describe_the_act_not_the_story(analyzer, events_pipe):
    pairs = _features_of(analyzer, events_pipe, "Lithuania accused Belarus of shelling border villages on Tuesday.")
    feats = _find(pairs, "ACCUSE")
    assert {"bias", "trig:verb", "lemma:accuse", "dep:ROOT", "mode:asserted", "sent_pos:<=0",
            "src:kb", "tgt:kb", "unreported"} <= set(feats)
    # no feature carries a name of the story
    assert not any("lithuania" in f.lower() or "belarus" in f.lower() for f in feats)


def test_features_see_negation_modals_reports_and_other_years(analyzer, events_pipe):
    text = "Russia and Ukraine held talks in Geneva in 1999.\n\nPutin said that Russia would not attack Kyiv."
    pairs = _features_of(analyzer, events_pipe, text)
    talks = _find(pairs, "CONSULT")
    assert "other_year" in talks and "quote:none" in talks
    threat = _find(pairs, "ASSAULT")
    assert {"neg", "md:would", "head:say", "quote:indirect", "reported", "dep:ccomp"} <= set(threat)
    assert "other_year" not in threat and "neg" not in talks


def test_features_see_an_empty_target_and_a_named_object(analyzer, events_pipe):
    pairs = _features_of(analyzer, events_pipe, "Turkey did not condemn the strike.")
    feats = _find(pairs, "ACCUSE")
    assert "tgt:none" in feats and "obj:named:no_target" not in feats  # "the strike" names no party


def test_probability_and_threshold_split(analyzer, events_pipe):
    text = "Lithuania accused Belarus of shelling border villages on Tuesday."
    doc = analyzer.nlp(analyzer._make_doc(analyzer_article(text)))
    events = doc._.events
    assert events
    keep_all = EventConfidence(ConfidenceModel({"bias": 5.0}, 0.5), events_pipe.checks.trigger_in)
    kept, dropped = keep_all.review(doc, events)
    assert len(kept) == len(events) and not dropped and all(e.confidence > 0.99 for e in kept)
    drop_all = EventConfidence(ConfidenceModel({"bias": -5.0}, 0.5), events_pipe.checks.trigger_in)
    kept, dropped = drop_all.review(doc, events)
    assert not kept and all(check == "low_confidence" and e.confidence < 0.01 for e, check in dropped)
    # threshold 0 keeps everything, still scored
    kept, dropped = EventConfidence(ConfidenceModel({"bias": -5.0}, 0.5), events_pipe.checks.trigger_in,
                                    threshold=0.0).review(doc, events)
    assert len(kept) == len(events) and kept[0].confidence is not None


def test_environment_overrides_the_threshold(monkeypatch):
    model = ConfidenceModel({"bias": 0.0}, 0.6)
    monkeypatch.delenv(ec.THRESHOLD_ENV, raising=False)
    assert configured_threshold(model) == 0.6
    monkeypatch.setenv(ec.THRESHOLD_ENV, "0")
    assert configured_threshold(model) == 0.0
    monkeypatch.setenv(ec.THRESHOLD_ENV, "0.75")
    assert configured_threshold(model) == 0.75
    monkeypatch.setenv(ec.THRESHOLD_ENV, "many")
    with pytest.raises(ValueError):
        configured_threshold(model)


def test_model_env_off_and_missing_file(monkeypatch):
    monkeypatch.setenv(ec.MODEL_ENV, "off")
    assert ec.configured_model() is None
    monkeypatch.setenv(ec.MODEL_ENV, "/nonexistent/events.json")
    with pytest.raises(FileNotFoundError):
        ec.configured_model()


def test_shipped_weight_file_is_small_and_well_formed():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert 0.0 <= data["threshold"] <= 1.0
    assert "bias" in data["weights"] and 20 < len(data["weights"]) < 3000
    assert all(isinstance(v, float) for v in data["weights"].values())
    assert MODEL_PATH.stat().st_size < 200_000
    assert "parley.train.events" in data["command"]
    model = ConfidenceModel.from_json(data)
    assert 0.0 < model.probability(["bias", "root:11", "mode:asserted"]) < 1.0


def test_every_event_carries_a_confidence(analyzer):
    result = analyzer.analyse_one(analyzer_article("Lithuania accused Belarus of shelling border villages on Tuesday."))
    assert result.events and all(e.confidence is not None and 0.0 <= e.confidence <= 1.0 for e in result.events)


# -- precision.py draw --exclude -----------------------------------------------------------------
def _tool():
    spec = importlib.util.spec_from_file_location("precision_tool_test", ROOT / "eval" / "events_precision" / "precision.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_draw_excludes_rows_already_judged(tmp_path, monkeypatch):
    tool = _tool()
    rows = [{"article": "a", "evidence": f"act {i}", "span": [i, i + 5], "paragraph": "", "source": None,
             "target": None, "cameo": "010", "plover": "CONSULT", "modality": "asserted", "reported_by": None}
            for i in range(6)]
    judged = tmp_path / "judged.jsonl"
    # judged once with other actors and modality: still the same article, evidence and type
    judged.write_text(json.dumps({**rows[0], "source": "X", "modality": "future", "verdict": False}) + "\n"
                      + json.dumps({**rows[1], "plover": "ACCUSE", "verdict": True}) + "\n", encoding="utf-8")
    monkeypatch.setattr(tool, "event_rows", lambda folder: rows)
    out = tmp_path / "next.jsonl"
    tool.draw(tmp_path, out, size=10, previous=[], exclude=[judged])
    drawn = {r["evidence"] for r in tool.read_jsonl(out)}
    assert "act 0" not in drawn  # judged: skipped
    assert "act 1" in drawn  # judged under another type: drawn again
    assert len(drawn) == 5
    tool.draw(tmp_path, out, size=10, previous=[])
    assert len(tool.read_jsonl(out)) == 6
