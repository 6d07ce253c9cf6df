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
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Iterable, Iterator, Optional, Sequence

from parley.model import Article, ArticleResult, ItemError

DEFAULT_CHUNK_SIZE = 16
"""Articles sent to a worker in one task: large enough to amortise pickling, small
enough that a rebuilt pool has little to redo."""

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
        workers: worker processes (each holds one pipeline, ~0.3-0.5 GB).
        model, kb_dirs, batch_size: as for :class:`~parley.analyse.Analyzer`.
        chunk_size: articles per task sent to a worker.
        window: chunks in flight at once (default ``2 * workers``): the read-ahead bound.
        start_method: ``"spawn"`` (default), ``"forkserver"`` or ``"fork"``.
    """
    if workers < 1:
        raise ValueError("workers must be at least 1")
    window = window or 2 * workers
    runner = _Pool(workers, model, tuple(str(p) for p in kb_dirs), batch_size, start_method)
    stream = iter(articles)
    pending: deque[tuple[list[Article], Future]] = deque()
    try:
        while True:
            while len(pending) < window:
                chunk = list(islice(stream, chunk_size))
                if not chunk:
                    break
                pending.append((chunk, runner.submit(chunk)))
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
                runner.restart()
                for lost_chunk in lost:
                    yield from runner.isolate(lost_chunk)
                continue
            yield from results
    finally:
        runner.shutdown()


class _Pool:
    """A process pool that can be rebuilt after a worker dies."""

    def __init__(self, workers: int, model: str, kb_dirs: tuple[str, ...], batch_size: int, start_method: str):
        self._args = (model, kb_dirs, batch_size)
        self._workers = workers
        self._context = multiprocessing.get_context(start_method)
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        executor = ProcessPoolExecutor(
            max_workers=self._workers, mp_context=self._context, initializer=_init_worker, initargs=self._args
        )
        # A worker that cannot even start (the model is not installed, the main module
        # re-runs the job under "spawn") is a set-up error, not a bad article: without
        # this check every article would be retried alone and marked failed.
        try:
            executor.submit(_ready).result()
        except BrokenProcessPool:
            executor.shutdown(wait=False, cancel_futures=True)
            raise RuntimeError(
                "Parley's worker processes could not start (is the model installed? "
                "does the calling script guard its entry point with if __name__ == '__main__'?)"
            ) from None
        return executor

    def submit(self, chunk: list[Article]) -> Future:
        return self._executor.submit(_analyse_chunk, chunk)

    def restart(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._start()

    def isolate(self, chunk: list[Article]) -> Iterator[ArticleResult]:
        """Each article of ``chunk`` alone; one that breaks the pool gets ``analysis_failed``."""
        for article in chunk:
            try:
                yield from self.submit([article]).result()
            except BrokenProcessPool:
                self.restart()
                message = "analysis failed: the worker process analysing this article died"
                error = ItemError(code=ANALYSIS_FAILED, message=message)
                yield ArticleResult.failed(article.model_copy(update={"error": error}))

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _init_worker(model: str, kb_dirs: tuple[str, ...], batch_size: int) -> None:
    global _ANALYZER
    from parley.analyse import Analyzer

    _ANALYZER = Analyzer(model=model, kb_dirs=kb_dirs, batch_size=batch_size)


def _ready() -> bool:
    return _ANALYZER is not None


def _analyse_chunk(chunk: list[Article]) -> list[ArticleResult]:
    crash_id = os.environ.get(CRASH_ENV)
    if crash_id and any(article.id == crash_id for article in chunk):
        os._exit(70)
    return list(_ANALYZER.analyse(chunk))
