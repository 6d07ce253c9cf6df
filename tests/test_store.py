"""The corpus store: ingest, idempotence, resumption, near-duplicates, merging and
queries, run the same way on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select, text

from parley.store import dedup
from parley.store import queries as Q
from parley.store.ingest import Ingestor, ingest
from parley.store.schema import articles, connect
from tests.services import FakeAnalyser, fixture_corpus

ROOT = Path(__file__).resolve().parents[1]


def _counts(url):
    engine = connect(url)
    with engine.connect() as conn:
        counts = Q.counts(conn)
    engine.dispose()
    return counts


def test_ingest_twice_stores_each_article_once(db_url):
    corpus = fixture_corpus()
    first = ingest([a for a, _ in corpus], db_url, analyse=FakeAnalyser(corpus), batch_size=4)
    assert (first.analysed, first.duplicates, first.skipped, first.errors) == (5, 1, 0, 0)
    before = _counts(db_url)
    analyser = FakeAnalyser(corpus)
    second = ingest([a for a, _ in corpus], db_url, analyse=analyser, batch_size=4)
    assert (second.analysed, second.duplicates, second.skipped) == (0, 0, 6)
    assert analyser.seen == []  # nothing already stored is analysed again
    assert _counts(db_url) == before
    assert before["articles"] == 6 and before["quotes"] == 5 and before["demands"] == 3 and before["claims"] == 2


def test_same_url_or_same_text_is_one_article(db_url):
    corpus = fixture_corpus()
    article, _ = corpus[0]
    rewrapped = article.model_copy(update={"id": "other", "url": None, "text": article.text.replace(". ", ".\n  ")})
    same_url = corpus[2][0].model_copy(update={"id": "again", "url": article.url})
    report = ingest([article, rewrapped, same_url], db_url, analyse=FakeAnalyser(corpus))
    assert (report.analysed, report.skipped) == (1, 2)


def test_killed_halfway_then_rerun_leaves_every_article_once(db_url, tmp_path):
    corpus = fixture_corpus()
    clean = f"sqlite:///{tmp_path / 'clean.db'}"
    ingest([a for a, _ in corpus], clean, analyse=FakeAnalyser(corpus), batch_size=1)
    expected = _counts(clean)

    child = subprocess.Popen([sys.executable, "-m", "tests.services", db_url], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        for _ in range(2):  # two batches committed, the third under way
            assert child.stdout.readline().startswith("batch")
        time.sleep(0.2)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    partial = _counts(db_url)
    assert 2 <= partial["articles"] < 6
    report = ingest([a for a, _ in corpus], db_url, analyse=FakeAnalyser(corpus), batch_size=4)
    assert report.skipped == partial["articles"]
    assert _counts(db_url) == expected


def test_syndicated_copy_is_linked_not_analysed(db_url):
    corpus = fixture_corpus()
    analyser = FakeAnalyser(corpus)
    ingest([a for a, _ in corpus], db_url, analyse=analyser)
    assert "odesa-strike-syndicated" not in analyser.seen
    engine = connect(db_url)
    with engine.connect() as conn:
        rows = {r.key: r for r in conn.execute(select(articles.c.id, articles.c.key, articles.c.status, articles.c.duplicate_of, articles.c.similarity))}
        copy, original = rows["odesa-strike-syndicated"], rows["odesa-strike"]
        assert copy.status == "duplicate" and copy.duplicate_of == original.id and copy.similarity >= dedup.THRESHOLD
        assert Q.get_article(conn, original.id)["copies"][0]["id"] == copy.id
        assert all(r.status == "analysed" for k, r in rows.items() if k != "odesa-strike-syndicated")
    # A later run still recognises copies of what is stored (the index is rebuilt from the database).
    late = corpus[2][0].model_copy(update={"id": "late-copy", "url": None, "text": corpus[2][0].text + " Updated at noon."})
    report = Ingestor(engine, analyse=analyser).ingest([late])
    assert report.duplicates == 1 and "late-copy" not in analyser.seen


def test_statements_and_events_merge_across_articles(db_url):
    corpus = fixture_corpus()
    ingest([a for a, _ in corpus], db_url, analyse=FakeAnalyser(corpus))
    engine = connect(db_url)
    with engine.connect() as conn:
        statements = Q.list_statements(conn, Q.Filters(actor="volodymyr-zelenskyy")).items
        assert len(statements) == 1 and statements[0]["sources"] == 2
        detail = Q.get_statement(conn, statements[0]["id"])
        assert {q["article_source"] for q in detail["quotes"]} == {"Wire One", "Daily Two"}
        talks = Q.list_events(conn, Q.Filters(event_type="036")).items
        assert len(talks) == 1 and talks[0]["mentions"] == 2
        assert len(Q.get_event(conn, talks[0]["id"])["mentions_list"]) == 2
        assert Q.list_events(conn).total == 3  # talks (2 reports), the strike, the grain deal


def test_filters_and_search(db_url):
    corpus = fixture_corpus()
    ingest([a for a, _ in corpus], db_url, analyse=FakeAnalyser(corpus))
    engine = connect(db_url)
    with engine.connect() as conn:
        assert Q.list_quotes(conn, Q.Filters(q="ceasefire sky")).total == 2
        assert Q.list_quotes(conn, Q.Filters(q="military targets")).total == 1
        assert Q.list_quotes(conn, Q.Filters(q="'; DROP TABLE quotes; --")).total == 0
        assert Q.list_quotes(conn, Q.Filters(q='"AND( NEAR*')).total == 0
        assert Q.list_quotes(conn, Q.Filters(channel="Telegram")).total == 2
        assert Q.list_quotes(conn, Q.Filters(actor="dmitry-peskov", date_from=__import__("datetime").date(2025, 3, 6))).total == 2
        assert Q.list_events(conn, Q.Filters(event_type="assault")).total == 1
        assert Q.list_events(conn, Q.Filters(dyad=("UKR", "RUS"))).total == 3
        assert Q.list_events(conn, Q.Filters(actor="RUS", event_type="19")).total == 1
        assert Q.list_demands(conn, Q.Filters(issue="territory")).total == 2
        assert Q.list_demands(conn, Q.Filters(actor="RUS")).total == 3  # party or addressee
        page = Q.list_articles(conn, limit=2, offset=2)
        assert page.total == 6 and len(page.items) == 2
        series = Q.dyad_series(conn, "RUS", "UKR")
        assert [p["period"] for p in series["points"]] == ["2025-03-01", "2025-03-05", "2025-03-12"]
        assert series["points"][1]["goldstein"] < 0 < series["points"][2]["goldstein"]
        matrix = Q.positions(conn)
        cell = next(c for c in matrix["cells"] if c["actor"] == "UKR" and c["issue"] == "territory")
        assert cell["latest"]["text"].startswith("Russia return") and len(cell["history"]) == 1
        killed = next(g for g in Q.claim_groups(conn) if g["category"] == "killed")
        assert killed["verdict"] == "contradict" and len(killed["claims"]) == 2
        assert conn.execute(text("SELECT count(*) FROM quotes")).scalar_one() == 5  # the table survived


def test_threshold_separates_copies_from_other_stories():
    """The 0.45 threshold: copies with edits score above it, distinct stories far below."""
    corpus = fixture_corpus()
    texts = {a.id: a.text for a, _ in corpus}
    strike = dedup.signature(texts["odesa-strike"])
    assert strike.jaccard(dedup.signature(texts["odesa-strike-syndicated"])) > 0.8
    trimmed = " ".join(texts["odesa-strike"].split()[:60])  # the last third cut, as papers do
    assert strike.jaccard(dedup.signature(trimmed)) >= dedup.THRESHOLD
    related = dedup.signature(texts["talks-offer"]).jaccard(dedup.signature(texts["talks-offer-daily"]))
    assert related < dedup.THRESHOLD  # same event and quote, different stories: both analysed


def test_feed_and_warc_inputs(tmp_path):
    from warcio.warcwriter import WARCWriter
    from warcio.statusandheaders import StatusAndHeaders
    import io

    from parley.store.sources import read_sources

    feed = tmp_path / "news.rss"
    feed.write_text(
        """<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
        <item><title>Talks resume in Geneva</title><link>https://news.example/geneva</link>
        <pubDate>Sat, 01 Mar 2025 10:00:00 GMT</pubDate>
        <description>&lt;p&gt;Delegations from both countries met in Geneva on Saturday to discuss a ceasefire and the exchange of prisoners held since the war began.&lt;/p&gt;</description></item>
        </channel></rss>""",
        encoding="utf-8",
    )
    archive = tmp_path / "crawl.warc.gz"
    with open(archive, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        page = (b"<html><head><title>Port struck overnight</title></head><body><article><h1>Port struck overnight</h1>"
                b"<p>Drones struck the port in the night and damaged grain terminals, officials said on Wednesday morning after the alarm.</p>"
                b"<p>Emergency crews worked through the night to put out fires along the harbour front and in nearby streets.</p></article></body></html>")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example/port", "response", payload=io.BytesIO(page), http_headers=headers))
    items = list(read_sources([str(feed), str(archive)]))
    assert [a.error for a in items] == [None, None]
    rss, warc = items
    assert rss.title == "Talks resume in Geneva" and rss.url == "https://news.example/geneva"
    assert str(rss.published) == "2025-03-01" and rss.source == "Example Wire" and "<p>" not in rss.text
    assert warc.url == "https://news.example/port" and "grain terminals" in warc.text


def test_real_analysis_end_to_end(analyzer, tmp_path):
    """The default path: read files, analyse with Parley's pipeline, store; rerun skips."""
    from parley.store.sources import read_sources

    examples = ROOT / "examples"
    files = sorted(str(p) for p in examples.glob("*.txt"))[:1]
    url = f"sqlite:///{tmp_path / 'real.db'}"
    report = ingest(read_sources(files), url, analyse=analyzer.analyse)
    assert report.analysed == 1
    counts = _counts(url)
    assert counts["quotes"] > 0 and counts["actors"] > 0
    assert ingest(read_sources(files), url, analyse=analyzer.analyse).skipped == 1
    assert _counts(url) == counts
