"""``--engine ray`` on a local two-CPU cluster: the local records, shard by shard, resumable."""

from __future__ import annotations

import json
import os

import pytest

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'parley[ray]')")
pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install 'parley[ray]')")

from typer.testing import CliRunner  # noqa: E402

from parley.cli import app  # noqa: E402
from parley.read import read_inputs  # noqa: E402
from parley.scale.ray_engine import FAIL_SHARD_ENV, run_ray  # noqa: E402
from parley.scale.shards import read_output  # noqa: E402

from .test_scale_local import write_shards  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    started = not ray.is_initialized()
    if started:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    if started:
        ray.shutdown()


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ray-shards")
    write_shards(folder)
    return folder


@pytest.fixture(scope="module")
def local_records(shards, analyzer) -> list[dict]:
    return [r.model_dump(mode="json") for r in analyzer.analyse(read_inputs([str(shards)]))]


def test_ray_engine_gives_the_local_records(cluster, shards, local_records, tmp_path):
    out = tmp_path / "out"
    done = CliRunner().invoke(
        app, ["extract", str(shards), "--engine", "ray", "--workers", "2", "--format", "jsonl", "--out", str(out)]
    )
    assert done.exit_code == 0, done.output
    assert sorted(p.name for p in out.glob("*.jsonl")) == ["a.jsonl", "b.jsonl", "c.jsonl"]
    records = list(read_output(str(out)))
    assert {r["error"]["code"] for r in records if r["error"]} >= {"malformed_json", "empty", "binary"}
    assert records == local_records


def test_a_killed_run_resumes_and_writes_every_article_once(cluster, shards, local_records, tmp_path, monkeypatch):
    out = tmp_path / "out"
    monkeypatch.setenv(FAIL_SHARD_ENV, "b")  # the job dies after shard a, before shard b is written
    with pytest.raises(RuntimeError, match="fault injected"):
        run_ray([str(shards)], str(out), concurrency=2, fmt="parquet")
    assert (out / "a.parquet").exists() and (out / "_done" / "a.json").exists()
    assert not (out / "b.parquet").exists() and not (out / "_done" / "b.json").exists()
    first_write = os.stat(out / "a.parquet").st_mtime_ns

    monkeypatch.delenv(FAIL_SHARD_ENV)
    report = run_ray([str(shards)], str(out), concurrency=2, fmt="parquet")
    assert (report.skipped, report.written) == (1, 2)
    assert os.stat(out / "a.parquet").st_mtime_ns == first_write  # the finished shard was not redone
    records = list(read_output(str(out)))
    ids = [r["id"] for r in records]
    assert sorted(ids) == sorted(r["id"] for r in local_records) and len(set(ids)) == len(ids)
    assert records == local_records
    marker = json.loads((out / "_done" / "b.json").read_text())
    assert marker["articles"] == 4 and marker["errors"] == 1

    again = run_ray([str(shards)], str(out), concurrency=2, fmt="parquet")
    assert (again.skipped, again.written) == (3, 0)


def test_warc_and_parquet_shards_become_articles(tmp_path):
    """The two shard formats the local engine does not read: HTML pages of a WARC, Parquet rows."""
    import datetime as dt
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    pytest.importorskip("warcio", reason="warcio is not installed (pip install 'parley[ray]')")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from parley.scale.shards import list_shards, read_shard

    page = (
        b"<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1><p>"
        + b"Negotiators met in Doha on Monday to discuss a ceasefire and a prisoner exchange. " * 4
        + b"</p></article></body></html>"
    )
    with open(tmp_path / "crawl.warc.gz", "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for n, (kind, body) in enumerate([("text/html; charset=utf-8", page), ("image/png", b"\x89PNG"), ("text/html", b"")]):
            http = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://example.org/{n}", "response", payload=io.BytesIO(body), http_headers=http)
            writer.write_record(record)
    table = {"id": ["p1", None], "text": ["Officials met in Cairo on Sunday to talk about aid.", " "], "published": [dt.date(2024, 12, 8), None]}
    pq.write_table(pa.table(table), tmp_path / "rows.parquet")

    assert [s.name for s in list_shards([str(tmp_path)])] == ["crawl", "rows"]
    pages = list(read_shard(str(tmp_path / "crawl.warc.gz")))
    assert [(a.id, a.url, a.title) for a in pages] == [
        ("crawl:1", "https://example.org/0", "Talks resume"), ("crawl:2", "https://example.org/2", None)
    ]
    assert "Doha" in pages[0].text and pages[0].error is None and pages[1].error.code == "empty"
    rows = list(read_shard(str(tmp_path / "rows.parquet")))
    assert [(a.id, a.published) for a in rows] == [("p1", dt.date(2024, 12, 8)), ("rows:2", None)]
    assert rows[1].error.code == "empty"
