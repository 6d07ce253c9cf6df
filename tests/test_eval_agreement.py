"""Agreement between two annotations, on hand-built gold."""

from __future__ import annotations

import copy
import json

import pytest

from parley.eval.agreement import as_result, run_agreement, score_agreement
from parley.eval.gold import parse_gold

TEXT = ("Arland demanded that Brevia withdraw its troops by Friday. "
        "Brevia said 40 soldiers had been killed. Officials put the cost at $2 billion.")

BASE = {
    "id": "a1", "text": TEXT,
    "actors": [{"name": "Arland", "aliases": []}, {"name": "Brevia", "aliases": ["Brevian government"]}],
    "claims": [
        {"claimant": "Brevia", "value": 40, "category": "killed", "approximate": False, "evidence": "40 soldiers had been killed"},
        {"claimant": None, "value": 2e9, "category": "money", "approximate": False, "evidence": "$2 billion"},
    ],
    "demands": [{"party": "Arland", "addressee": "Brevia", "condition": "withdraw troops",
                 "evidence": "Brevia withdraw its troops by Friday"}],
    "events": [{"source": "Arland", "target": "Brevia", "cameo_root": "10", "plover": "REQUEST",
                "modality": "asserted", "evidence": "Arland demanded that Brevia withdraw"}],
}


def _gold(raw):
    return parse_gold(copy.deepcopy(raw))


def test_an_annotation_agrees_with_itself():
    scores = score_agreement([_gold(BASE)], [_gold(BASE)])
    assert scores["kinds"] == ["claims", "demands", "events"]
    assert scores["claims"].claims.f1 == 1.0 and scores["claims"].claimant.value == 1.0
    assert scores["demands"].demands.f1 == 1.0 and scores["demands"].party.value == 1.0
    assert scores["events"].events.f1 == 1.0 and scores["events"].plover.value == 1.0


def test_disagreements_are_counted_both_ways():
    other = copy.deepcopy(BASE)
    other["claims"][1]["claimant"] = "Brevia"  # a claimant where the reference has none
    other["demands"] = []  # the demand not annotated
    other["events"][0]["plover"] = "THREATEN"
    scores = score_agreement([_gold(BASE)], [_gold(other)])
    assert (scores["claims"].claimant.hits, scores["claims"].claimant.total) == (1, 2)
    assert "demands" not in scores["kinds"]  # the second annotation holds none: left out
    assert (scores["events"].plover.hits, scores["events"].plover.total) == (0, 1)
    swapped = score_agreement([_gold(other)], [_gold(BASE)])
    assert swapped["claims"].claims.f1 == scores["claims"].claims.f1


def test_a_second_annotation_reads_as_a_result():
    result = as_result(_gold(BASE))
    assert [a.id for a in result.actors] == ["Arland", "Brevia"]
    assert result.demands[0].party == "Arland" and result.demands[0].addressee == "Brevia"
    assert TEXT[slice(*result.claims[0].span)] == "40 soldiers had been killed"
    assert result.events[0].cameo == "10" and result.events[0].plover.type == "REQUEST"


def test_texts_must_be_the_same(tmp_path):
    other = copy.deepcopy(BASE)
    other["text"] = TEXT.replace("Friday", "Monday")
    with pytest.raises(ValueError, match="different texts"):
        score_agreement([_gold(BASE)], [_gold(other)])
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "a1.json").write_text(json.dumps(BASE))
    (tmp_path / "b" / "b1.json").write_text(json.dumps({**BASE, "id": "b1"}))
    with pytest.raises(ValueError, match="no article id"):
        run_agreement([tmp_path / "a"], [tmp_path / "b"])


def test_command_prints_and_writes_figures(tmp_path):
    from typer.testing import CliRunner

    from parley.eval.cli import eval_app

    for name, raw in (("a", BASE), ("b", {**BASE, "demands": []})):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a1.json").write_text(json.dumps(raw))
    out = tmp_path / "agreement.json"
    run = CliRunner().invoke(eval_app, ["agreement", str(tmp_path / "a"), str(tmp_path / "b"), "--json", str(out)])
    assert run.exit_code == 0, run.output
    assert "│ claims" in run.output and "│ demands" not in run.output
    figures = json.loads(out.read_text())
    assert figures["articles"] == 1 and set(figures) == {"articles", "claims", "events"}
    missing = CliRunner().invoke(eval_app, ["agreement", str(tmp_path / "a"), str(tmp_path / "nope")])
    assert missing.exit_code == 2
