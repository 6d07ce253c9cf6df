"""Validate the hand-written gold set in eval/gold/{dev,test}.

Checks the shape of every gold file, not the truth of its annotations: valid JSON, the
required fields, quote spans that really are substrings of the article text, speakers
that are declared actors, and kinds/channels from the allowed sets.  A half that does not
exist yet is skipped, so the test can land before the other half is written.
"""

import json
import re
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parents[1] / "eval" / "gold"
HALVES = ("dev", "test")

REQUIRED = {"id", "published", "source", "title", "text", "actors", "quotes", "claims", "demands", "events"}
ACTOR_TYPES = {"person", "organisation", "country"}
KINDS = {"direct", "indirect"}
CHANNELS = {"X", "Telegram", "Truth Social", "Facebook", "statement", "interview", "press conference",
            "conference call", "televised address", "speech", "reporters", None}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _records(path):
    """One record per .json file, one per line of a .jsonl file."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in raw.splitlines() if line.strip()]
    return [json.loads(raw)]


def _gold_files():
    files = []
    for half in HALVES:
        folder = GOLD / half
        if folder.is_dir():
            files += sorted(p for p in folder.iterdir() if p.suffix in (".json", ".jsonl"))
    return files


FILES = _gold_files()


def test_dev_half_present():
    folder = GOLD / "dev"
    if not folder.is_dir():
        pytest.skip("dev half not written yet")
    assert len(list(folder.glob("*.json"))) >= 20


def test_test_half_present():
    folder = GOLD / "test"
    if not folder.is_dir():
        pytest.skip("test half not written yet")
    assert len(list(folder.glob("*.json"))) >= 20


def test_ids_unique_across_halves():
    ids = [rec["id"] for path in FILES for rec in _records(path)]
    assert len(ids) == len(set(ids)), "duplicate article ids"


@pytest.mark.skipif(not FILES, reason="no gold files yet")
@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_gold_file(path):
    for rec in _records(path):
        missing = REQUIRED - rec.keys()
        assert not missing, f"missing fields {missing}"
        assert DATE.match(rec["published"]), rec["published"]
        text = rec["text"]
        assert isinstance(text, str) and text.strip()

        names = set()
        for actor in rec["actors"]:
            assert actor["name"] and actor["type"] in ACTOR_TYPES, actor
            assert isinstance(actor.get("aliases", []), list)
            assert actor.get("country") is None or re.match(r"^[A-Z]{3}$", actor["country"]), actor
            names.add(actor["name"])

        for quote in rec["quotes"]:
            assert quote["text"] and quote["text"] in text, f"not in text: {quote['text'][:60]!r}"
            assert quote["speaker"] in names, f"speaker not an actor: {quote['speaker']!r}"
            assert quote["kind"] in KINDS, quote["kind"]
            assert quote.get("channel") in CHANNELS, quote.get("channel")
            surface = quote.get("speaker_surface")
            assert surface is None or surface.lower() in text.lower(), f"surface not in text: {surface!r}"

        for key in ("claims", "demands", "events"):
            assert isinstance(rec[key], list)
            for item in rec[key]:
                assert item.get("evidence", "") in text, f"{key} evidence not in text"
