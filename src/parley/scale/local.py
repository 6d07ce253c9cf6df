"""Every core of one machine: the same records as :class:`~parley.analyse.Analyzer`, faster.

:func:`analyse_parallel` runs a pool of worker processes, each loading the spaCy pipeline
once (in the pool initializer), and feeds them the input in chunks. Guarantees:

- **streamed**: at most ``window`` chunks are read ahead of the output, so memory is
  bounded by ``window * chunk_size`` articles, whatever the size of the corpus;
- **same order, same records**: results come back in input order, and a bad item gets
  exactly the error record it gets with one worker (the Analyzer runs unchanged in
  each worker);
- **a crashed worker is not a hang**: when a worker process dies (a segfault in a
  native library, the out-of-memory killer), the pool is rebuilt and the chunks that
  were in flight are re-run one article at a time, so the article that kills a worker
  is found and gets an ``analysis_failed`` record while its neighbours are analysed.

Processes start with the ``spawn`` context by default: spaCy and its BLAS/thread pools
are not reliably fork-safe, and the pipeline is loaded in the worker anyway, so fork's
copy-on-write saves little (see ``docs/scale.md`` for the measured start-up cost).

Articles travel to workers as pydantic objects and results come back the same way:
pickling a pydantic model copies its field dict without re-validation, which measured
faster than ``model_dump`` + ``model_validate`` (figures in ``docs/scale.md``).

This module never imports Ray.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Iterable, Iterator, Optional, Sequence

from parley.model import Article, ArticleResult, ItemError

DEFAULT_CHUNK_SIZE = 4
"""Articles sent to a worker in one task. Pickling a chunk costs milliseconds against
about half a second of analysis per article, so small chunks cost nothing and keep the
workers evenly loaded at the end of a stream (with 16, one worker could be left with 16
articles to go while the other idles), and a rebuilt pool has little to redo."""

WARM_TIMEOUT_S = 600.0
"""How long :meth:`WorkerPool.wait_until_warm` waits for the slowest worker to load."""

ANALYSIS_FAILED = "analysis_failed"

CRASH_ENV = "PARLEY_FAULT_CRASH_ID"
"""Fault injection for tests: a worker that meets an article with this id exits at once,
as a native crash would. Unset in normal use."""

# The one Analyzer of a worker process, built by the pool initializer.
_ANALYZER = None


def default_workers() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def analyse_parallel(
    articles: Iterable[Article],
    *,
    workers: int,
    model: str,
    kb_dirs: Sequence[str] = (),
    batch_size: int = 16,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    window: Optional[int] = None,
    start_method: str = "spawn",
) -> Iterator[ArticleResult]:
    """Analyse ``articles`` on ``workers`` processes; one result per article, in input order.

    Args:
        articles: any iterable, consumed lazily.
        workers: worker processes (each holds one pipeline, ~0.5-0.7 GB).
        model, kb_dirs, batch_size: as for :class:`~parley.analyse.Analyzer`.
        chunk_size: articles per task sent to a worker.
        window: chunks in flight at once (default ``2 * workers``): the read-ahead bound.
        start_method: ``"spawn"`` (default), ``"forkserver"`` or ``"fork"``.
    """
    with WorkerPool(workers, model=model, kb_dirs=kb_dirs, batch_size=batch_size, start_method=start_method) as pool:
        yield from pool.analyse(articles, chunk_size=chunk_size, window=window)


class WorkerPool:
    """Worker processes holding one warm pipeline each; reusable for several streams.

    Every worker is started at once and loads and warms up its pipeline in parallel with
    the others (a pool that started workers on demand would leave the last one loading
    while the first already works). :meth:`wait_until_warm` blocks until all of them are
    ready, for callers that want to time the work alone; :attr:`startup_s` says how long
    starting took.
    """

    def __init__(
        self,
        workers: int,
        *,
        model: str,
        kb_dirs: Sequence[str] = (),
        batch_size: int = 16,
        start_method: str = "spawn",
    ):
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self._args = (model, tuple(str(p) for p in kb_dirs), batch_size)
        self._context = multiprocessing.get_context(start_method)
        self._warm = self._context.Semaphore(0)
        self._warm_count = 0
        self._started = time.perf_counter()
        self.startup_s: Optional[float] = None
        self._executor = self._start()

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()

    def wait_until_warm(self, timeout: float = WARM_TIMEOUT_S) -> float:
        """Block until every worker has loaded and warmed up its pipeline; the seconds since start.

        A worker that dies while loading breaks the pool, which the first task reports; this
        wait gives up after ``timeout`` seconds rather than hang on such a worker.
        """
        deadline = time.perf_counter() + timeout
        while self._warm_count < self.workers:
            if not self._warm.acquire(timeout=max(0.0, deadline - time.perf_counter())):
                break
            self._warm_count += 1
        if self.startup_s is None:
            self.startup_s = time.perf_counter() - self._started
        return self.startup_s

    def analyse(
        self, articles: Iterable[Article], *, chunk_size: int = DEFAULT_CHUNK_SIZE, window: Optional[int] = None
    ) -> Iterator[ArticleResult]:
        """One result per article, in input order, at most ``window`` chunks read ahead."""
        window = window or 2 * self.workers
        stream = iter(articles)
        pending: deque[tuple[list[Article], Future]] = deque()
        while True:
            while len(pending) < window:
                chunk = list(islice(stream, chunk_size))
                if not chunk:
                    break
                pending.append((chunk, self._submit(chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                # Every chunk in flight is lost with the pool; redo them one article at a
                # time so that only the article that kills a worker is marked failed.
                lost = [chunk] + [c for c, _ in pending]
                pending.clear()
                self._restart()
                for lost_chunk in lost:
                    yield from self._isolate(lost_chunk)
                continue
            yield from results

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    # -- internals -------------------------------------------------------------
    def _start(self) -> ProcessPoolExecutor:
        executor = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=self._context,
            initializer=_init_worker,
            initargs=(*self._args, self._warm),
        )
        # The executor starts a process per submitted task while none is idle, so one
        # task per worker starts them all now. A worker that cannot even start (the model
        # is not installed, the main module re-runs the job under "spawn") is a set-up
        # error, not a bad article: without this check every article would be retried
        # alone and marked failed.
        try:
            for ready in [executor.submit(_ready) for _ in range(self.workers)]:
                ready.result()
        except BrokenProcessPool:
            executor.shutdown(wait=False, cancel_futures=True)
            raise RuntimeError(
                "Parley's worker processes could not start (is the model installed? "
                "does the calling script guard its entry point with if __name__ == '__main__'?)"
            ) from None
        return executor

    def _submit(self, chunk: list[Article]) -> Future:
        return self._executor.submit(_analyse_chunk, chunk)

    def _restart(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._start()

    def _isolate(self, chunk: list[Article]) -> Iterator[ArticleResult]:
        """Each article of ``chunk`` alone; one that breaks the pool gets ``analysis_failed``."""
        for article in chunk:
            try:
                yield from self._submit([article]).result()
            except BrokenProcessPool:
                self._restart()
                message = "analysis failed: the worker process analysing this article died"
                error = ItemError(code=ANALYSIS_FAILED, message=message)
                yield ArticleResult.failed(article.model_copy(update={"error": error}))


def _init_worker(model: str, kb_dirs: tuple[str, ...], batch_size: int, warm) -> None:
    global _ANALYZER
    from parley.analyse import Analyzer

    _ANALYZER = Analyzer(model=model, kb_dirs=kb_dirs, batch_size=batch_size)
    _ANALYZER.warm_up()
    warm.release()


def _ready() -> bool:
    return _ANALYZER is not None


def _analyse_chunk(chunk: list[Article]) -> list[ArticleResult]:
    crash_id = os.environ.get(CRASH_ENV)
    if crash_id and any(article.id == crash_id for article in chunk):
        os._exit(70)
    return list(_ANALYZER.analyse(chunk))
