"""Parallel ingest: analysis on a worker pool, and loading ``parley extract`` output with
concurrent writers, store the same rows as one process; SQLite and a real PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from parley.cli import app
from parley.model import ArticleResult, Event, Plover, Quote, Speaker
from parley.scale.shards import Shard, ShardOutput
from parley.store import analysed
from parley.store.ingest import Ingestor, ingest
from parley.store.schema import RECORD_TABLES, connect
from tests.services import CEASEFIRE, FakeAnalyser, fixture_corpus, reset
from tests.test_scale_local import STORIES, write_corpus


# --- comparing two databases ------------------------------------------------------------


def natural_dump(url: str, drop: tuple[str, ...] = ("ingested_at",)) -> dict[str, list]:
    """Every table's rows with ids replaced by what they stand for (an article by its key,
    a statement by its key, an event by its fields), sorted: equal for two databases that
    hold the same corpus whatever order the rows were written in."""
    engine = connect(url)
    with engine.connect() as conn:
        raw = {name: [dict(r._mapping) for r in conn.execute(select(table))] for name, table in RECORD_TABLES.items()}
    engine.dispose()
    article = {r["id"]: r["key"] for r in raw["articles"]}
    statement = {r["id"]: r["key"] for r in raw["statements"]}
    event = {r["id"]: tuple(sorted((k, str(v)) for k, v in r.items() if k != "id")) for r in raw["events"]}
    refs = {"article_id": article, "duplicate_of": article, "statement_id": statement, "event_id": event}
    dump = {}
    for name, rows in raw.items():
        cleaned = []
        for row in rows:
            row = {k: (refs[k].get(v) if k in refs else v) for k, v in row.items() if k not in drop and k != "id"}
            if row.get("similarity") is not None:
                row["similarity"] = round(row["similarity"], 6)
            cleaned.append(tuple(sorted((k, repr(v)) for k, v in row.items())))
        dump[name] = sorted(cleaned)
    return dump


# --- parley ingest --workers ------------------------------------------------------------


@pytest.fixture(scope="module")
def article_folder(tmp_path_factory) -> Path:
    """The scale tests' stories and six bad items, plus a near copy and an exact copy of one."""
    folder = write_corpus(tmp_path_factory.mktemp("ingest-corpus"))
    item, title, body = STORIES[3]
    copies = [
        {"id": "strike-syndicated", "title": title, "text": body + " Reporting by a wire service.", "published": "2024-12-08"},
        {"id": "strike-again", "title": title, "text": body, "published": "2024-12-08"},
    ]
    (folder / "f-copies.jsonl").write_text("".join(json.dumps(c) + "\n" for c in copies), encoding="utf-8")
    return folder


def _cli_ingest(folder: Path, url: str, workers: int):
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", url, "--workers", str(workers), "--batch-size", "2", "--no-progress"],
                              env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    return result.output


def test_ingest_with_two_workers_stores_the_rows_of_one(article_folder, tmp_path, analyzer):
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    said_one = _cli_ingest(article_folder, one, 1)
    said_two = _cli_ingest(article_folder, two, 2)
    assert "13 read: 5 analysed, 1 near-duplicates linked, 1 already stored, 6 errors" in said_one
    # The same errors for the same bad items, in the same order.
    errors = [line for line in said_one.splitlines() if line.startswith("skipped")]
    assert errors == [line for line in said_two.splitlines() if line.startswith("skipped")] and len(errors) == 6
    dump = natural_dump(one)
    assert dump == natural_dump(two)
    copy = next(dict(r) for r in dump["articles"] if ("key", "'strike-syndicated'") in r)
    assert copy["status"] == "'duplicate'" and copy["duplicate_of"] == "'strike'"
    # A rerun with the pool stores nothing and starts no worker (nothing needs analysis).
    assert "0 analysed, 0 near-duplicates linked, 7 already stored" in _cli_ingest(article_folder, two, 2)
    assert natural_dump(two) == dump


def test_a_batch_planned_before_its_original_is_committed_still_links_the_copy(tmp_path):
    """The streamed path plans ahead of the writes: copies across batches still resolve."""
    corpus = fixture_corpus()
    fake = FakeAnalyser(corpus)

    def stream(articles):  # reads the whole input before the first result, as a deep read-ahead would
        return list(fake([*articles]))

    first = corpus[0][0]
    rewrapped = first.model_copy(update={"id": "again", "url": None, "text": first.text.replace(". ", ".\n ")})
    items = [a for a, _ in corpus] + [rewrapped]  # an exact copy of a batch not yet committed
    ahead = f"sqlite:///{tmp_path / 'ahead.db'}"
    plain = f"sqlite:///{tmp_path / 'plain.db'}"
    report = ingest(items, ahead, stream=stream, batch_size=1)
    assert (report.analysed, report.duplicates, report.skipped, report.errors) == (5, 1, 1, 0)
    ingest(items, plain, analyse=FakeAnalyser(corpus), batch_size=1)
    assert natural_dump(ahead) == natural_dump(plain)


# --- loading parley extract output --------------------------------------------------------


def write_output_folder(folder: Path, results: list[ArticleResult], extra_lines=()) -> Path:
    """An ``--engine ray`` output folder: two complete shards (the second with ``extra_lines``)
    and one shard file whose completion marker is missing."""
    out = ShardOutput(str(folder))
    lines = [r.model_dump_json() for r in results]
    half = len(lines) // 2
    out.write(Shard(uri="in/a.jsonl", name="a"), lines[:half])
    out.write(Shard(uri="in/b.jsonl", name="b"), lines[half:])
    with open(out.path("b"), "a", encoding="utf-8") as handle:  # lines extract would not write
        handle.writelines(line + "\n" for line in extra_lines)
    (folder / "c.jsonl").write_text(lines[0] + "\n", encoding="utf-8")  # still being written
    return folder


BAD_LINES = (
    '{"id": "cut-short", "text": "unterminated',  # not JSON
    json.dumps({"id": "wrong", "text": "Some text.", "quotes": "none", "actors": [], "events": []}),  # not a record
    ArticleResult(id="failed", text="Text.", error={"code": "analysis_failed", "message": "analysis failed"}).model_dump_json(),
)


def _load(path, url, workers, batch_size=2):
    return analysed.load([str(path)], Ingestor(url), workers=workers, batch_size=batch_size)


def test_loading_a_shard_folder_matches_analysing_and_is_idempotent(db_url, tmp_path):
    corpus = fixture_corpus()
    folder = write_output_folder(tmp_path / "out", [r for _, r in corpus], BAD_LINES)
    assert analysed.is_shard_folder(str(folder)) and not analysed.is_shard_folder(str(tmp_path))
    report = _load(folder, db_url, workers=2)
    assert (report.analysed, report.duplicates, report.skipped, report.errors) == (5, 1, 0, 4)
    codes = " ".join(report.error_messages)
    assert "cut-short" not in codes and "a.jsonl:1 is not a Parley article record" not in codes
    assert "b.jsonl:4 is not a Parley article record" in codes and "b.jsonl:5 is not a Parley article record (quotes" in codes
    assert "failed: analysis failed" in codes and "c.jsonl' has no completion marker" in codes
    # The same rows as analysing the articles; aside: the origin (a shard line, not the
    # reader's), the language (the fixture's articles carry none, their results "en").
    expected = f"sqlite:///{tmp_path / 'expected.db'}"
    ingest([a for a, _ in corpus], expected, analyse=FakeAnalyser(corpus))
    drop = ("ingested_at", "origin", "language")
    assert natural_dump(db_url, drop) == natural_dump(expected, drop)
    again = _load(folder, db_url, workers=1)
    assert (again.analysed, again.duplicates, again.skipped) == (0, 0, 6)
    assert natural_dump(db_url, drop) == natural_dump(expected, drop)


def test_a_jsonl_file_of_records_loads_and_input_jsonl_is_not_taken_for_one(tmp_path):
    corpus = fixture_corpus()
    records = tmp_path / "records.jsonl"
    records.write_text("".join(r.model_dump_json() + "\n" for _, r in corpus), encoding="utf-8")
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps({"id": "x", "text": "An article to analyse."}) + "\n", encoding="utf-8")
    assert analysed.is_analysed(str(records)) and not analysed.is_analysed(str(articles))
    url = f"sqlite:///{tmp_path / 'c.db'}"
    result = CliRunner().invoke(app, ["ingest", str(records), "--db", url, "--workers", "1", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "5 loaded, 1 near-duplicates linked" in result.output
    mixed = CliRunner().invoke(app, ["ingest", str(records), str(articles), "--db", url], env={"COLUMNS": "300"})
    assert mixed.exit_code != 0 and "not both" in mixed.output


def crowd(count: int) -> list[ArticleResult]:
    """Different reports (random filler, so no two are copies) quoting one statement and
    reporting one event, so that concurrent writers all merge into the same rows."""
    rng = random.Random(7)
    words = "port grain river council winter market bridge school village harbour station field road".split()
    results = []
    for n in range(count):
        filler = " ".join(rng.choice(words) + str(rng.randrange(1000)) for _ in range(40))
        text = f"Report {n}\n\nVolodymyr Zelenskyy said: \"{CEASEFIRE}\". Ukraine proposed talks with Russia. {filler}"
        start = text.index(CEASEFIRE)
        talks = text.index("Ukraine proposed")
        results.append(ArticleResult(
            id=f"crowd-{n}", text=text, published=dt.date(2025, 3, 1 + n % 2), url=f"https://news.example/crowd/{n}",
            quotes=[Quote(span=(start, start + len(CEASEFIRE)), text=CEASEFIRE, kind="direct",
                          speaker=Speaker(actor_id="volodymyr-zelenskyy", name="Volodymyr Zelenskyy"))],
            events=[Event(source="UKR", target="RUS", cameo="036", plover=Plover(type="CONSULT"), date="2025-03-01",
                          evidence=(talks, talks + 16), goldstein=4.0)],
        ))
    return results


def test_concurrent_postgresql_writers_store_what_one_writer_stores(postgres_url, tmp_path):
    reset(postgres_url)
    folder = write_output_folder(tmp_path / "out", crowd(24) + [r for _, r in fixture_corpus()])
    one = f"sqlite:///{tmp_path / 'one.db'}"
    assert _load(folder, one, workers=1, batch_size=2).analysed == 29
    report = _load(folder, postgres_url, workers=3, batch_size=2)
    assert (report.analysed, report.duplicates, report.errors) == (29, 1, 1)  # the unmarked shard
    assert natural_dump(postgres_url) == natural_dump(one)  # one statement, merged events, nothing twice
    reset(postgres_url)


def test_stored_events_keep_their_own_goldstein_and_fall_back_to_the_coder_table(tmp_path):
    url = f"sqlite:///{tmp_path / 'g.db'}"
    corpus = fixture_corpus()  # its events carry no goldstein: the coder's table gives it
    own = crowd(1)  # an event with its own weight, different from the table's
    own[0].events[0].goldstein = 2.5
    own[0].events[0].source = "volodymyr-zelenskyy"  # not merged into the corpus's talks
    records = tmp_path / "records.jsonl"
    records.write_text("".join(r.model_dump_json() + "\n" for r in [r for _, r in corpus] + own), encoding="utf-8")
    _load(records, url, workers=1)
    engine = connect(url)
    with engine.connect() as conn:
        weights = {(r.cameo, r.source): r.goldstein for r in conn.execute(select(RECORD_TABLES["events"]))}
    assert weights[("195", "RUS")] < 0 < weights[("057", "RUS")] and weights[("036", "UKR")] == 4.0
    assert weights[("036", "volodymyr-zelenskyy")] == 2.5
