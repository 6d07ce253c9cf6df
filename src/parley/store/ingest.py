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

How a run flows: batches are *planned* in the calling thread (what is new, what copies
what), then *analysed* (a batch callback, or a streamed analyser such as
:func:`parley.scale.analyse_parallel` whose workers analyse the next batches while this
one is written), then *written*. :meth:`Ingestor.load` plans and writes records that are
already analysed (``parley extract`` output), with several writers on PostgreSQL. A batch
may be planned before the batches ahead of it are committed; :class:`_Ledger` keeps what
those batches hold so that planning gives the same answer as after their commit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, count, islice
from typing import Callable, Iterable, Iterator, Optional, Sequence, Union

from datasketch import MinHash
from sqlalchemy import insert, select, text
from sqlalchemy.engine import Connection, Engine

from ..model import Article, ArticleResult
from . import dedup
from .merge import joined, merge_event, merge_statement, speaker_key
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

AnalyseStream = Callable[[Iterable[Article]], Iterable[ArticleResult]]
"""Turns a stream of articles into one result each, in order, consuming it lazily
(:func:`parley.scale.analyse_parallel` with its options bound fits)."""

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
    verb: str = "analysed"  # "loaded" when the records came already analysed

    @property
    def stored(self) -> int:
        return self.analysed + self.duplicates

    @property
    def rate(self) -> float:
        """Articles read per second."""
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def __str__(self) -> str:
        return (
            f"{self.read} read: {self.analysed} {self.verb}, {self.duplicates} near-duplicates linked, "
            f"{self.skipped} already stored, {self.errors} errors in {self.seconds:.1f} s ({self.rate:.1f} articles/s)"
        )


@dataclass
class Prepared:
    """One input item ready to plan. ``result`` is set when it comes already analysed;
    ``digest`` and ``sketch`` when they were computed ahead (in a worker process)."""

    article: Article
    result: Optional[ArticleResult] = None
    digest: Optional[str] = None
    sketch: Optional[bytes] = None


@dataclass
class _Entry:
    """An article the plan stores: an original (analysed) or a copy of one."""

    article: Article
    digest: str
    sketch: MinHash
    key: tuple  # provisional index key until the row has an id
    original: Union[int, tuple, None] = None  # a stored id, another entry's key, or None
    similarity: Optional[float] = None
    result: Optional[ArticleResult] = None


@dataclass
class _Plan:
    number: int
    read: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    entries: list[_Entry] = field(default_factory=list)

    def to_analyse(self) -> list[_Entry]:
        return [e for e in self.entries if e.original is None and e.result is None]


class _Ledger:
    """The batches of one run that the planner cannot yet see in the database.

    The planner (one thread) records each batch's hashes and URLs and indexes its
    sketches under provisional keys; a writer (any thread) reports the article id each
    key became. The planner then folds written batches back (:meth:`written_since`):
    their rows are in the database and their sketches re-keyed to article ids.
    """

    _runs = count()

    def __init__(self) -> None:
        self.run = next(self._runs)
        self.hashes: dict[int, set[str]] = {}
        self.urls: dict[int, set[str]] = {}
        self._lock = threading.Lock()
        self._done: dict[int, threading.Event] = {}
        self._ids: dict[int, dict[tuple, Optional[int]]] = {}
        self._unread: list[int] = []  # written, not yet folded back by the planner
        self._unwritten: set[int] = set()
        self._release: list[tuple[int, int]] = []  # (batch, last batch that may still ask for its ids)

    def key(self, batch: int, position: int) -> tuple:
        return ("pending", self.run, batch, position)

    def planned(self, plan: _Plan) -> None:
        with self._lock:
            self._done[plan.number] = threading.Event()
            self._unwritten.add(plan.number)
        self.hashes[plan.number] = {e.digest for e in plan.entries}
        self.urls[plan.number] = {e.article.url for e in plan.entries if e.article.url}

    def in_flight(self, digest: str, url: Optional[str]) -> bool:
        return any(digest in h for h in self.hashes.values()) or bool(url and any(url in u for u in self.urls.values()))

    def written(self, number: int, ids: dict[tuple, Optional[int]]) -> None:
        """Called by the writer when batch ``number`` is committed (or failed: ``ids`` empty)."""
        with self._lock:
            self._ids[number] = ids
            self._unread.append(number)
            self._unwritten.discard(number)
            event = self._done.pop(number)
            lowest = min(self._unwritten, default=None)
            keep = []
            for batch, last in self._release:
                if lowest is None or last < lowest:
                    self._ids.pop(batch, None)
                else:
                    keep.append((batch, last))
            self._release = keep
        event.set()

    def original_id(self, key: tuple) -> Optional[int]:
        """The id of the article ``key`` named, once its batch is written (waits for it)."""
        batch = key[2]
        with self._lock:
            event = self._done.get(batch)
        if event is not None:
            event.wait()
        with self._lock:
            return self._ids.get(batch, {}).get(key)

    def written_since(self, planning: int) -> list[tuple[int, dict[tuple, Optional[int]]]]:
        """The batches written since the last call, with their ids; the planner, about to
        plan batch ``planning``, takes them back (no later batch will name their keys)."""
        with self._lock:
            batches = [(n, dict(self._ids.get(n, {}))) for n in self._unread]
            self._unread = []
            for number, _ in batches:
                self._release.append((number, planning - 1))
                self.hashes.pop(number, None)
                self.urls.pop(number, None)
        return batches


class Ingestor:
    """Stores articles into one database; keeps the near-duplicate index between batches.

    Args:
        db: a database URL or path (see :func:`parley.store.schema.connect`) or an Engine.
        analyse: the batch analyser; default a lazily loaded :class:`parley.analyse.Analyzer`
            (loaded only when something new needs analysis).
        stream: a streamed analyser used instead of ``analyse`` (it is called once per run,
            and only when something needs analysis); batches after the one being written
            are analysed meanwhile.
        threshold: the MinHash Jaccard similarity at which an article is a copy.
    """

    def __init__(
        self,
        db: Union[str, Engine, None] = None,
        *,
        analyse: Optional[Analyse] = None,
        stream: Optional[AnalyseStream] = None,
        threshold: float = dedup.THRESHOLD,
    ):
        self.engine = db if isinstance(db, Engine) else connect(db)
        self._analyse = analyse
        self._stream = stream
        self._report_lock = threading.Lock()
        self._lock_merges = False
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

    # --- the two entry points -----------------------------------------------------------

    def ingest(
        self,
        items: Iterable[Article],
        *,
        batch_size: int = DEFAULT_BATCH,
        on_batch: Optional[Callable[[IngestReport], None]] = None,
    ) -> IngestReport:
        """Analyse and store every new article of ``items``; returns the counts."""
        report = IngestReport()
        ledger = _Ledger()
        plans = self._plans((Prepared(a) for a in items), batch_size, ledger)
        analysed = self._streamed(plans) if self._stream is not None else self._batched(plans)
        return self._run(analysed, report, ledger, on_batch)

    def load(
        self,
        records: Iterable[Prepared],
        *,
        batch_size: int = DEFAULT_BATCH,
        writers: int = 1,
        on_batch: Optional[Callable[[IngestReport], None]] = None,
    ) -> IngestReport:
        """Store records that are already analysed (``Prepared`` with ``result`` set, or an
        article error), without analysing anything: skipped, linked as copies and merged
        exactly as :meth:`ingest` does.

        ``writers`` > 1 on PostgreSQL writes that many batches at once, each on its own
        connection; SQLite takes one writer at a time, so there it is always 1.
        """
        report = IngestReport(verb="loaded")
        ledger = _Ledger()
        plans = self._plans(records, batch_size, ledger)
        if writers > 1 and not is_sqlite(self.engine):
            return self._run_concurrent(plans, report, ledger, writers, on_batch)
        return self._run(plans, report, ledger, on_batch)

    # --- running ------------------------------------------------------------------------

    def _run(self, plans: Iterable[_Plan], report: IngestReport, ledger: _Ledger, on_batch) -> IngestReport:
        started = time.perf_counter()
        try:
            for plan in plans:
                self._write(plan, report, ledger)
                report.seconds = time.perf_counter() - started
                if on_batch:
                    on_batch(report)
        finally:
            self._settle(ledger)
        report.seconds = time.perf_counter() - started
        return report

    def _run_concurrent(self, plans: Iterable[_Plan], report: IngestReport, ledger: _Ledger, writers: int, on_batch) -> IngestReport:
        """Plan in this thread, write on ``writers`` threads (each its own connection).

        Batches can commit out of order, so each takes PostgreSQL advisory locks on what
        it merges into (:func:`_merge_locks`) before writing, and a batch holding a copy
        of an article of an earlier batch waits for that batch's commit.
        """
        started = time.perf_counter()
        self._lock_merges = True
        in_flight: deque[Future] = deque()

        def settle_first() -> None:
            in_flight.popleft().result()  # a writer's exception stops the run here
            report.seconds = time.perf_counter() - started
            if on_batch:
                on_batch(report)

        try:
            with ThreadPoolExecutor(max_workers=writers, thread_name_prefix="parley-writer") as pool:
                try:
                    for plan in plans:
                        in_flight.append(pool.submit(self._write, plan, report, ledger))
                        while len(in_flight) >= 2 * writers:
                            settle_first()
                    while in_flight:
                        settle_first()
                finally:
                    for future in in_flight:
                        future.cancel()
        finally:
            self._lock_merges = False
            self._settle(ledger)
        report.seconds = time.perf_counter() - started
        return report

    def _batched(self, plans: Iterable[_Plan]) -> Iterator[_Plan]:
        """Each plan analysed with the batch callback before it is written."""
        for plan in plans:
            waiting = plan.to_analyse()
            if waiting:
                _attach(waiting, self.analyse([e.article for e in waiting]))
            yield plan

    def _streamed(self, plans: Iterable[_Plan]) -> Iterator[_Plan]:
        """Plans with their results, from one streamed analysis over every batch.

        The analyser reads ahead (planning the next batches) while a plan is written, so
        their analysis overlaps the write. It is started only once something needs analysis.
        """
        plans = iter(plans)
        for first in plans:
            if first.to_analyse():
                break
            yield first
        else:
            return
        queue: deque[tuple[_Plan, deque[_Entry]]] = deque()

        def feed() -> Iterator[Article]:
            for plan in chain([first], plans):
                waiting = deque(plan.to_analyse())
                queue.append((plan, waiting))
                yield from [e.article for e in waiting]

        results = iter(self._stream(feed()))
        while True:
            while queue and not queue[0][1]:
                yield queue.popleft()[0]
            result = next(results, None)
            if result is None:
                if any(waiting for _, waiting in queue):
                    raise RuntimeError("the analyser returned fewer results than it was given articles")
                while queue:
                    yield queue.popleft()[0]
                return
            waiting = next(w for _, w in queue if w)
            _attach([waiting.popleft()], [result])

    # --- planning -----------------------------------------------------------------------

    def _plans(self, items: Iterable[Prepared], batch_size: int, ledger: _Ledger) -> Iterator[_Plan]:
        stream = iter(items)
        for number in count():
            batch = list(islice(stream, batch_size))
            if not batch:
                return
            self._fold_back(ledger, number)
            plan = self._plan(number, batch, ledger)
            ledger.planned(plan)
            yield plan

    def _plan(self, number: int, batch: list[Prepared], ledger: _Ledger) -> _Plan:
        plan = _Plan(number, read=len(batch))
        fresh: list[tuple[Prepared, str]] = []
        for item in batch:
            error = item.article.error or (item.result.error if item.result is not None else None)
            if error is not None:
                plan.errors.append(f"{item.article.id}: {error.message}")
            else:
                fresh.append((item, item.digest or dedup.content_hash(item.article.text)))
        stored_urls, stored_hashes = self._already_stored([(i.article, d) for i, d in fresh])
        seen_urls, seen_hashes = set(stored_urls), set(stored_hashes)
        for item, digest in fresh:
            article = item.article
            if digest in seen_hashes or (article.url and article.url in seen_urls) or ledger.in_flight(digest, article.url):
                plan.skipped += 1
                continue
            seen_hashes.add(digest)
            if article.url:
                seen_urls.add(article.url)
            sketch = dedup.from_bytes(item.sketch) if item.sketch is not None else dedup.signature(article.text)
            entry = _Entry(article, digest, sketch, key=ledger.key(number, len(plan.entries)), result=item.result)
            copy = self.index.find(sketch)
            if copy is not None:
                entry.original, entry.similarity = copy
                entry.result = None  # a copy is stored without records: they would double-count
            else:
                self.index.add(entry.key, sketch)  # later items may copy it before it has an id
            plan.entries.append(entry)
        return plan

    def _fold_back(self, ledger: _Ledger, planning: int) -> None:
        """Re-key the sketches of written batches to their article ids (or drop them)."""
        for _, ids in ledger.written_since(planning):
            for key, article_id in ids.items():
                self._rekey(key, article_id)

    def _rekey(self, key: tuple, article_id: Optional[int]) -> None:
        sketch = self.index.sketches.pop(key, None)
        if sketch is None:
            return
        self.index.lsh.remove(key)
        if article_id is not None:
            self.index.add(article_id, sketch)

    def _settle(self, ledger: _Ledger) -> None:
        """At the end of a run (or when it fails): fold back what was written and drop
        every provisional key left (batches planned but never written)."""
        self._fold_back(ledger, 1 << 62)
        for key in [k for k in self.index.sketches if isinstance(k, tuple) and k[1] == ledger.run]:
            self._rekey(key, None)

    def _already_stored(self, fresh: Sequence[tuple[Article, str]]) -> tuple[set[str], set[str]]:
        hashes = [digest for _, digest in fresh]
        urls = [a.url for a, _ in fresh if a.url]
        with self.engine.connect() as conn:
            found_hashes = {r[0] for r in conn.execute(select(articles.c.content_hash).where(articles.c.content_hash.in_(hashes)))} if hashes else set()
            found_urls = {r[0] for r in conn.execute(select(articles.c.url).where(articles.c.url.in_(urls)))} if urls else set()
        return found_urls, found_hashes

    # --- writing ------------------------------------------------------------------------

    def _write(self, plan: _Plan, report: IngestReport, ledger: _Ledger) -> None:
        """One transaction for the plan's articles and records; then the counts."""
        done = IngestReport(read=plan.read, skipped=plan.skipped, errors=len(plan.errors), error_messages=list(plan.errors))
        # An original in an earlier batch: its id, once that batch is committed.
        earlier = {e.original: ledger.original_id(e.original) for e in plan.entries
                   if isinstance(e.original, tuple) and e.original[2] != plan.number}
        ids: dict[tuple, Optional[int]] = {}
        try:
            with self.engine.begin() as conn:
                if self._lock_merges:
                    _merge_locks(conn, plan.entries)
                for entry in plan.entries:
                    ids[entry.key] = self._write_entry(conn, entry, ids, earlier, done)
        except BaseException:
            ledger.written(plan.number, {})
            raise
        ledger.written(plan.number, ids)
        with self._report_lock:
            report.read += done.read
            report.skipped += done.skipped
            report.analysed += done.analysed
            report.duplicates += done.duplicates
            report.errors += done.errors
            report.error_messages.extend(done.error_messages)

    def _write_entry(self, conn: Connection, entry: _Entry, ids: dict, earlier: dict, done: IngestReport) -> Optional[int]:
        """Insert one entry; its article id, or None when it is an error instead."""
        result, original = entry.result, entry.original
        if original is None and result is not None and result.error is not None:
            return _failed(done, entry, result.error.message)
        if original is None and result is None:
            return _failed(done, entry, "no analysis result")
        if isinstance(original, tuple):  # a copy of an article planned in this run
            original = ids.get(original) if original in ids else earlier.get(original)
            if original is None:  # that original failed analysis: this one is not stored either
                return _failed(done, entry, "its original failed analysis")
        article_id = _insert_article(conn, entry, original)
        if original is None:
            _insert_records(conn, article_id, result)
            done.analysed += 1
        else:
            done.duplicates += 1
        return article_id


def _attach(entries: Sequence[_Entry], results: Iterable[ArticleResult]) -> None:
    results = list(results)
    if len(results) != len(entries):
        raise RuntimeError(f"the analyser returned {len(results)} results for {len(entries)} articles")
    for entry, result in zip(entries, results):
        if result.id != entry.article.id:
            raise RuntimeError(f"the analyser returned {result.id!r} for {entry.article.id!r}: results out of order")
        entry.result = result


def _failed(done: IngestReport, entry: _Entry, message: str) -> None:
    done.errors += 1
    done.error_messages.append(f"{entry.article.id}: {message}")
    return None


def _lock_key(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big", signed=True)


def _merge_locks(conn: Connection, entries: Sequence[_Entry]) -> None:
    """PostgreSQL advisory locks (held to commit) on every statement speaker and event
    group the batch merges into, taken together in one order so that concurrent writers
    cannot deadlock; a writer merging into the same speaker or group waits for the commit
    and then sees the rows (one statement, one event however the batches interleave)."""
    names = set()
    for entry in entries:
        if entry.original is None and entry.result is not None:
            names.update(f"statement:{speaker_key(q)}" for q in entry.result.quotes)
            names.update(
                f"event:{joined(e.source)}|{joined(e.target)}|{e.cameo[:3]}|{e.plover.type}|{e.modality}"
                for e in entry.result.events
            )
    for key in sorted(_lock_key(n) for n in names):
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def _insert_article(conn: Connection, entry: _Entry, original: Optional[int]) -> int:
    article, result = entry.article, entry.result
    return conn.execute(
        insert(articles), dict(
            key=article.id, url=article.url, content_hash=entry.digest, title=article.title,
            published=article.published, source=article.source, language=article.language, origin=article.origin,
            status="duplicate" if original is not None else "analysed", duplicate_of=original,
            similarity=entry.similarity, text=article.text,
            result=result.model_dump_json() if (result is not None and original is None) else None,
            minhash=dedup.to_bytes(entry.sketch) if original is None else None,
            ingested_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
        )
    ).inserted_primary_key[0]


def _insert_or_skip(conn: Connection, table):
    if is_sqlite(conn.engine):
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    else:
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    return dialect_insert(table).on_conflict_do_nothing()


def _insert_records(conn: Connection, article_id: int, result: ArticleResult) -> None:
    """Every record of one analysed article: actors, quotes (merged into statements),
    event mentions (merged into events), demands and claims."""
    published = result.published
    if result.actors:
        ids = [a.id for a in result.actors]
        known = {r[0] for r in conn.execute(select(actors.c.id).where(actors.c.id.in_(ids)))}
        new = sorted({a.id: a for a in result.actors if a.id not in known}.items())
        if new:
            # Sorted, and "do nothing" when a concurrent writer stored the same actor first.
            conn.execute(_insert_or_skip(conn, actors), [
                {"id": a.id, "name": a.name, "type": a.type, "country": a.country, "sector": a.sector, "wikidata": a.wikidata}
                for _, a in new
            ])
        conn.execute(insert(article_actors), [
            {"article_id": article_id, "actor_id": a.id, "role": a.role, "sector": a.sector, "mentions": len(a.mentions)}
            for a in {a.id: a for a in result.actors}.values()
        ])
    fts_rows = []
    for position, quote in enumerate(result.quotes):
        statement_id = merge_statement(conn, quote, published)
        # Parameters apart from the statement: SQLAlchemy compiles it once, not once per row.
        quote_id = conn.execute(insert(quotes), dict(
            article_id=article_id, statement_id=statement_id, position=position, start=quote.span[0], end=quote.span[1],
            text=quote.text, kind=quote.kind, speaker_id=quote.speaker.actor_id, speaker_name=quote.speaker.name,
            cue=quote.cue, channel=quote.channel, date=quote.date, published=published,
        )).inserted_primary_key[0]
        fts_rows.append({"id": quote_id, "text": quote.text})
    if fts_rows and is_sqlite(conn.engine):
        conn.execute(text("INSERT INTO quote_fts(rowid, text) VALUES (:id, :text)"), fts_rows)
    mentions = [
        {"event_id": merge_event(conn, event, published), "article_id": article_id, "position": position,
         "start": event.evidence[0], "end": event.evidence[1], "modality": event.modality,
         "reported_by": event.reported_by, "published": published}
        for position, event in enumerate(result.events)
    ]
    if mentions:
        conn.execute(insert(event_mentions), mentions)
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
    stream: Optional[AnalyseStream] = None,
    batch_size: int = DEFAULT_BATCH,
    on_batch: Optional[Callable[[IngestReport], None]] = None,
) -> IngestReport:
    """Analyse and store ``items`` into ``db`` (default ``parley.db``); see :class:`Ingestor`."""
    return Ingestor(db, analyse=analyse, stream=stream).ingest(items, batch_size=batch_size, on_batch=on_batch)
