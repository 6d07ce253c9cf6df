"""The hand-judged precision tool: scoring, intervals and carried-over verdicts."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[1] / "eval" / "events_precision" / "precision.py"


@pytest.fixture(scope="module")
def precision():
    spec = importlib.util.spec_from_file_location("event_precision", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _row(n, verdict=None, reason=None, plover="CONSULT"):
    row = {"n": n, "article": "a", "span": [n, n + 5], "cameo": "040", "plover": plover,
           "source": "X", "target": None, "modality": "asserted"}
    if verdict is not None:
        row["verdict"] = verdict
    if reason:
        row["reason"] = reason
    return row


def test_wilson_interval_matches_known_values(precision):
    low, high = precision.wilson(85, 100)
    assert round(low, 3) == 0.767 and round(high, 3) == 0.907
    assert precision.wilson(0, 0) == (0.0, 1.0)


def test_score_counts_verdicts_types_and_reasons(precision, tmp_path):
    rows = [_row(1, True), _row(2, False, "wrong_target"), _row(3, True, plover="ACCUSE"), _row(4)]
    path = tmp_path / "judged.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    report = precision.score(path)
    assert report["judged"] == 3 and report["unjudged"] == 1 and report["accepted"] == 2
    assert report["precision"] == round(2 / 3, 3)
    assert report["by_type"]["CONSULT"] == {"accepted": 1, "judged": 2}
    assert report["rejections"] == {"wrong_target": 1}


def test_identity_separates_a_changed_coding(precision):
    same, changed = _row(1), {**_row(1), "target": "Y"}
    assert precision.identity(same) == precision.identity(_row(1))
    assert precision.identity(same) != precision.identity(changed)
