"""The contract's `parley extract` and friends, run as a user runs them (a subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PARLEY = [sys.executable, "-m", "parley.cli"]


def _run(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*PARLEY, *args], cwd=cwd, input=stdin, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "a-good.txt").write_text(
        "Talks resume in Geneva\nKremlin spokesman Dmitry Peskov said on Monday that Russia was ready for talks.\n",
        encoding="utf-8",
    )
    (folder / "b-empty.txt").write_text("", encoding="utf-8")
    (folder / "c-binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 50)
    (folder / "d-lines.jsonl").write_text(
        json.dumps({"id": "line-1", "text": "Volodymyr Zelenskiy said Ukraine would not cede territory.", "published": "2025-03-02"})
        + "\n{not json\n"
        + json.dumps({"id": "line-3", "text": "The Kremlin said the talks had been useful."})
        + "\n",
        encoding="utf-8",
    )
    return folder


def test_extract_on_a_mixed_folder_gives_one_record_per_item(mixed_folder):
    done = _run("extract", str(mixed_folder), "--format", "jsonl", "--published", "2025-03-04", "--workers", "1")
    assert done.returncode == 0, done.stderr.decode()
    records = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [r["id"] for r in records][:3] == ["a-good", "b-empty", "c-binary"]
    assert len(records) == 6
    errors = {r["id"]: r["error"]["code"] if r["error"] else None for r in records}
    assert errors["a-good"] is None and errors["b-empty"] == "empty" and errors["c-binary"] == "binary"
    assert errors["line-1"] is None and errors["line-3"] is None
    assert sum(code == "malformed_json" for code in errors.values()) == 1
    good = next(r for r in records if r["id"] == "a-good")
    assert any(a["name"] == "Dmitry Peskov" for a in good["actors"])
    assert good["quotes"] and good["quotes"][0]["speaker"]["name"] == "Dmitry Peskov"
    # Every span points into the record's own text.
    for record in records:
        for actor in record["actors"]:
            for start, end in actor["mentions"]:
                assert 0 <= start < end <= len(record["text"])


def test_extract_fails_only_when_every_item_fails(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    done = _run("extract", str(tmp_path / "empty.txt"))
    assert done.returncode != 0
    assert json.loads(done.stdout)["error"]["code"] == "empty"


def test_extract_reads_standard_input():
    done = _run("extract", "-", "--published", "2024-12-08", stdin=b"Trump met Zelenskiy in Paris on Saturday.")
    assert done.returncode == 0, done.stderr.decode()
    record = json.loads(done.stdout)
    assert {"donald-trump", "volodymyr-zelenskiy"} <= {a["id"] for a in record["actors"]}
    assert any(d["value"] == "2024-12-07" for d in record["dates"])


def test_schema_lists_the_contract_fields():
    done = _run("schema")
    schema = json.loads(done.stdout)
    for field in ("id", "title", "published", "source", "url", "text", "actors", "quotes", "events", "demands", "claims", "dates", "places"):
        assert field in schema["properties"]
