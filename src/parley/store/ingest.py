"""Analyse articles and store them, once each, in a SQLite or PostgreSQL corpus.

Guarantees:

- **Idempotent**: an article already stored (same URL, or same text up to whitespace) is
  skipped without analysis; so is a second copy within one run.
- **Transactional per batch**: a batch's articles and every record extracted from them are
  written in one transaction, so a batch is either all there or not at all.
- **Resumable**: killed at any point and run again, the committed batches are skipped and
  the rest stored, so every article is in the corpus exactly once.
- **Near-duplicates** (syndicated copies, a re-headlined wire story) are found with MinHash
  (:mod:`parley.store.dedup`), stored with ``duplicate_of`` pointing at the original and
  *not* analysed: their records would only double-count the original's.

Items that cannot be read or analysed are reported and not stored, so a rerun retries them.
Statements and events are merged across articles as they are stored (:mod:`.merge`).
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Iterable, Optional, Sequence, Union

from sqlalchemy import insert, select, text
from sqlalchemy.engine import Connection, Engine

from ..model import Article, ArticleResult
from . import dedup
from .merge import joined, merge_event, merge_statement
from .schema import (
    actors,
    article_actors,
    articles,
    claims,
    connect,
    demands,
    event_mentions,
    is_sqlite,
    quotes,
)

Analyse = Callable[[list[Article]], Iterable[ArticleResult]]
"""Turns a batch of articles into their results, in order (``Analyzer().analyse`` fits)."""

DEFAULT_BATCH = 32


@dataclass
class IngestReport:
    """What one ingest run did."""

    read: int = 0
    analysed: int = 0
    duplicates: int = 0
    skipped: int = 0
    errors: int = 0
    seconds: float = 0.0
    error_messages: list[str] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.analysed + self.duplicates

    @property
    def rate(self) -> float:
        """Articles read per second."""
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def __str__(self) -> str:
        return (
            f"{self.read} read: {self.analysed} analysed, {self.duplicates} near-duplicates linked, "
            f"{self.skipped} already stored, {self.errors} errors in {self.seconds:.1f} s ({self.rate:.1f} articles/s)"
        )


class Ingestor:
    """Stores articles into one database; keeps the near-duplicate index between batches.

    Args:
        db: a database URL or path (see :func:`parley.store.schema.connect`) or an Engine.
        analyse: the batch analyser; default a lazily loaded :class:`parley.analyse.Analyzer`
            (loaded only when something new needs analysis).
        threshold: the MinHash Jaccard similarity at which an article is a copy.
    """

    def __init__(self, db: Union[str, Engine, None] = None, *, analyse: Optional[Analyse] = None, threshold: float = dedup.THRESHOLD):
        self.engine = db if isinstance(db, Engine) else connect(db)
        self._analyse = analyse
        self.index = dedup.DuplicateIndex(threshold=threshold)
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(articles.c.id, articles.c.minhash).where(articles.c.status == "analysed", articles.c.minhash.is_not(None))
            )
            for article_id, data in rows:
                self.index.add(article_id, dedup.from_bytes(data))

    def analyse(self, batch: list[Article]) -> list[ArticleResult]:
        if self._analyse is None:
            from ..analyse import Analyzer

            self._analyse = Analyzer().analyse
        return list(self._analyse(batch))

    def ingest(
        self,
        items: Iterable[Article],
        *,
        batch_size: int = DEFAULT_BATCH,
        on_batch: Optional[Callable[[IngestReport], None]] = None,
    ) -> IngestReport:
        """Store every new article of ``items``; returns the counts."""
        report = IngestReport()
        started = time.perf_counter()
        stream = iter(items)
        while True:
            batch = list(islice(stream, batch_size))
            if not batch:
                break
            self._ingest_batch(batch, report)
            report.seconds = time.perf_counter() - started
            if on_batch:
                on_batch(report)
        report.seconds = time.perf_counter() - started
        return report

    def _ingest_batch(self, batch: list[Article], report: IngestReport) -> None:
        report.read += len(batch)
        fresh: list[tuple[Article, str]] = []
        for article in batch:
            if article.error is not None:
                report.errors += 1
                report.error_messages.append(f"{article.id}: {article.error.message}")
            else:
                fresh.append((article, dedup.content_hash(article.text)))
        stored_urls, stored_hashes = self._already_stored(fresh)
        plan: list[dict] = []  # articles to insert, in order, with how each is stored
        seen_urls, seen_hashes = set(stored_urls), set(stored_hashes)
        for article, digest in fresh:
            if digest in seen_hashes or (article.url and article.url in seen_urls):
                report.skipped += 1
                continue
            seen_hashes.add(digest)
            if article.url:
                seen_urls.add(article.url)
            sketch = dedup.signature(article.text)
            copy = self.index.find(sketch)
            entry = {"article": article, "hash": digest, "sketch": sketch, "original": None, "similarity": None}
            if copy is not None:
                entry["original"], entry["similarity"] = copy
            else:
                # Provisional key until the row has an id: later items of this batch may copy it.
                self.index.add(("pending", len(plan)), sketch)
            plan.append(entry)
        to_analyse = [e for e in plan if e["original"] is None]
        results = self.analyse([e["article"] for e in to_analyse]) if to_analyse else []
        for entry, result in zip(to_analyse, results):
            entry["result"] = result
        try:
            with self.engine.begin() as conn:
                ids: dict[tuple, int] = {}
                for number, entry in enumerate(plan):
                    result = entry.get("result")
                    if entry["original"] is None and result is not None and result.error is not None:
                        report.errors += 1
                        report.error_messages.append(f"{entry['article'].id}: {result.error.message}")
                        continue
                    original = entry["original"]
                    if isinstance(original, tuple):  # a copy of an article earlier in this batch
                        original = ids.get(original)
                        if original is None:  # that original failed analysis: this one is now the original
                            entry["original"] = None
                            report.errors += 1
                            report.error_messages.append(f"{entry['article'].id}: its original failed analysis")
                            continue
                    article_id = _insert_article(conn, entry, original, result)
                    ids[("pending", number)] = article_id
                    if original is None:
                        _insert_records(conn, article_id, result)
                        report.analysed += 1
                    else:
                        report.duplicates += 1
        except BaseException:
            self._forget_pending(len(plan))
            raise
        for key, article_id in ids.items():
            sketch = self.index.sketches.get(key)
            if sketch is not None:
                self.index.lsh.remove(key)
                del self.index.sketches[key]
                self.index.add(article_id, sketch)
        self._forget_pending(len(plan))

    def _forget_pending(self, count: int) -> None:
        for number in range(count):
            key = ("pending", number)
            if key in self.index.sketches:
                self.index.lsh.remove(key)
                del self.index.sketches[key]

    def _already_stored(self, fresh: Sequence[tuple[Article, str]]) -> tuple[set[str], set[str]]:
        hashes = [digest for _, digest in fresh]
        urls = [a.url for a, _ in fresh if a.url]
        with self.engine.connect() as conn:
            found_hashes = {r[0] for r in conn.execute(select(articles.c.content_hash).where(articles.c.content_hash.in_(hashes)))} if hashes else set()
            found_urls = {r[0] for r in conn.execute(select(articles.c.url).where(articles.c.url.in_(urls)))} if urls else set()
        return found_urls, found_hashes


def _insert_article(conn: Connection, entry: dict, original: Optional[int], result: Optional[ArticleResult]) -> int:
    article: Article = entry["article"]
    return conn.execute(
        insert(articles).values(
            key=article.id, url=article.url, content_hash=entry["hash"], title=article.title,
            published=article.published, source=article.source, language=article.language, origin=article.origin,
            status="duplicate" if original is not None else "analysed", duplicate_of=original,
            similarity=entry["similarity"], text=article.text,
            result=result.model_dump_json() if (result is not None and original is None) else None,
            minhash=dedup.to_bytes(entry["sketch"]) if original is None else None,
            ingested_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
        )
    ).inserted_primary_key[0]


def _insert_records(conn: Connection, article_id: int, result: ArticleResult) -> None:
    """Every record of one analysed article: actors, quotes (merged into statements),
    event mentions (merged into events), demands and claims."""
    published = result.published
    if result.actors:
        ids = [a.id for a in result.actors]
        known = {r[0] for r in conn.execute(select(actors.c.id).where(actors.c.id.in_(ids)))}
        new = {a.id: a for a in result.actors if a.id not in known}
        if new:
            conn.execute(insert(actors), [
                {"id": a.id, "name": a.name, "type": a.type, "country": a.country, "sector": a.sector, "wikidata": a.wikidata}
                for a in new.values()
            ])
        conn.execute(insert(article_actors), [
            {"article_id": article_id, "actor_id": a.id, "role": a.role, "sector": a.sector, "mentions": len(a.mentions)}
            for a in {a.id: a for a in result.actors}.values()
        ])
    fts_rows = []
    for position, quote in enumerate(result.quotes):
        statement_id = merge_statement(conn, quote, published)
        quote_id = conn.execute(
            insert(quotes).values(
                article_id=article_id, statement_id=statement_id, position=position, start=quote.span[0], end=quote.span[1],
                text=quote.text, kind=quote.kind, speaker_id=quote.speaker.actor_id, speaker_name=quote.speaker.name,
                cue=quote.cue, channel=quote.channel, date=quote.date, published=published,
            )
        ).inserted_primary_key[0]
        fts_rows.append({"id": quote_id, "text": quote.text})
    if fts_rows and is_sqlite(conn.engine):
        conn.execute(text("INSERT INTO quote_fts(rowid, text) VALUES (:id, :text)"), fts_rows)
    for position, event in enumerate(result.events):
        event_id = merge_event(conn, event, published)
        conn.execute(insert(event_mentions).values(
            event_id=event_id, article_id=article_id, position=position, start=event.evidence[0], end=event.evidence[1],
            modality=event.modality, reported_by=event.reported_by, published=published,
        ))
    if result.demands:
        conn.execute(insert(demands), [
            {"article_id": article_id, "position": n, "party": d.party, "addressee": joined(d.addressee), "text": d.text,
             "start": d.span[0], "end": d.span[1], "issue": d.issue, "modality": d.modality, "published": published}
            for n, d in enumerate(result.demands)
        ])
    if result.claims:
        conn.execute(insert(claims), [
            {"article_id": article_id, "position": n, "claimant": c.claimant, "value": c.value, "low": c.low, "high": c.high,
             "unit": c.unit, "category": c.category, "approximate": c.approximate, "subject": c.subject,
             "start": c.span[0], "end": c.span[1], "date": c.date, "published": published}
            for n, c in enumerate(result.claims)
        ])


def ingest(
    items: Iterable[Article],
    db: Union[str, Engine, None] = None,
    *,
    analyse: Optional[Analyse] = None,
    batch_size: int = DEFAULT_BATCH,
    on_batch: Optional[Callable[[IngestReport], None]] = None,
) -> IngestReport:
    """Analyse and store ``items`` into ``db`` (default ``parley.db``); see :class:`Ingestor`."""
    return Ingestor(db, analyse=analyse).ingest(items, batch_size=batch_size, on_batch=on_batch)
