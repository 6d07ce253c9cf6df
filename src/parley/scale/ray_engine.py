"""The same analysis on a Ray cluster: shards in, shards out, resumable.

:func:`run_ray` builds one Ray Data pipeline over every input shard not yet complete:

1. one block per shard; ``flat_map`` reads it on a worker (:func:`~parley.scale.shards.read_shard`),
   giving one row per article: ``(shard, seq, article JSON)``;
2. ``map_batches`` with an actor pool of :class:`AnalyseBatch` — each actor loads the
   pipeline once and runs the unchanged :class:`~parley.analyse.Analyzer`, so per-item
   errors are error records exactly as locally;
3. the driver receives rows in order (``preserve_order``) and writes each shard as soon
   as the next one starts, atomically, with its completion marker.

Articles and records travel as JSON strings: the records' nested lists differ from
article to article, which a fixed Arrow schema would not hold, and JSON is what is
written anyway. Ray Data restarts an actor that died and retries its batch (its default);
an article that kills its actor every time fails the job, and the re-run resumes at
the shard holding it.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Iterator, Optional, Sequence

from parley.model import Article, ArticleResult
from parley.nlp.pipeline import DEFAULT_MODEL
from parley.read import DEFAULT_MAX_BYTES
from parley.scale.shards import Shard, ShardOutput, list_shards, read_shard

FAIL_SHARD_ENV = "PARLEY_FAULT_FAIL_SHARD"
"""Fault injection for tests: the driver raises just before writing the shard of this
name, as if the job were killed there. Unset in normal use."""


@dataclass
class RunReport:
    """What a run did."""

    shards: int = 0
    skipped: int = 0
    written: int = 0
    articles: int = 0
    errors: int = 0
    seconds: float = 0.0
    outputs: list[str] = field(default_factory=list)


class AnalyseBatch:
    """A Ray Data actor: one :class:`~parley.analyse.Analyzer`, loaded once, for many batches."""

    def __init__(self, model: str, kb_dirs: Sequence[str], batch_size: int):
        from parley.analyse import Analyzer

        self.analyzer = Analyzer(model=model, kb_dirs=kb_dirs, batch_size=batch_size)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        articles = [Article.model_validate_json(text) for text in batch["article"]]
        records = [result.model_dump_json() for result in self.analyzer.analyse(articles)]
        return {"shard": batch["shard"], "seq": batch["seq"], "record": np.array(records, dtype=object)}


def read_rows(
    row: dict[str, Any], *, uris: Sequence[str], published: Optional[dt.date], force_language: bool, max_bytes: int
) -> Iterator[dict[str, Any]]:
    """``flat_map`` step: the articles of shard number ``row["shard"]`` as rows."""
    index = int(row["shard"])
    articles = read_shard(uris[index], published=published, force_language=force_language, max_bytes=max_bytes)
    for seq, article in enumerate(articles):
        yield {"shard": index, "seq": seq, "article": article.model_dump_json()}


def run_ray(
    inputs: Sequence[str],
    out_dir: str,
    *,
    model: str = DEFAULT_MODEL,
    kb_dirs: Sequence[str] = (),
    batch_size: int = 16,
    concurrency: Optional[int] = None,
    fmt: str = "jsonl",
    address: Optional[str] = None,
    published: Optional[dt.date] = None,
    force_language: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> RunReport:
    """Analyse every shard under ``inputs`` on Ray, writing one output shard each to ``out_dir``.

    Args:
        inputs: shard files or folders (local or any pyarrow filesystem URI).
        out_dir: output folder (local or URI); complete shards in it are skipped.
        concurrency: analysis actors (default: the cluster's CPUs).
        fmt: ``"jsonl"`` or ``"parquet"`` output shards.
        address: a Ray cluster to join (``"auto"``, ``"ray://host:10001"``); None starts
            a local one unless Ray is already initialised.
        model, kb_dirs, batch_size, published, force_language, max_bytes: as locally.
    """
    import ray

    started = time.perf_counter()
    shards = list_shards(inputs)
    output = ShardOutput(out_dir, fmt)
    pending = [shard for shard in shards if not output.is_complete(shard.name)]
    report = RunReport(shards=len(shards), skipped=len(shards) - len(pending))
    if not pending:
        report.seconds = time.perf_counter() - started
        return report

    if not ray.is_initialized():
        ray.init(address=address, log_to_driver=False)
    actors = concurrency or max(1, int(ray.cluster_resources().get("CPU", 1)))
    dataset = _pipeline(pending, actors, model, tuple(str(p) for p in kb_dirs), batch_size, published, force_language, max_bytes)

    buffered: list[tuple[int, str]] = []
    current = 0  # index in ``pending`` of the shard being received

    def flush(upto: int) -> None:
        nonlocal current, buffered
        # Shards before ``upto`` are complete: rows arrive in shard order. A shard with
        # no rows at all (an empty file) is written empty, so it too is marked complete.
        while current < upto:
            _write(output, pending[current], [record for _, record in sorted(buffered)], report)
            buffered = []
            current += 1

    for row in dataset.iter_rows():
        index = int(row["shard"])
        if index != current:
            flush(index)
        buffered.append((int(row["seq"]), row["record"]))
    flush(len(pending))
    report.seconds = time.perf_counter() - started
    return report


def analyse_ray(
    articles: Sequence[Article],
    *,
    concurrency: int,
    model: str = DEFAULT_MODEL,
    kb_dirs: Sequence[str] = (),
    batch_size: int = 16,
) -> Iterator[ArticleResult]:
    """In-memory articles through the same actor pool, results in input order.

    For benchmarks and notebooks: the whole input is handed to Ray at once, so use
    :func:`run_ray` on shards for a corpus. Starts a local Ray if none is running.
    """
    import ray

    if not ray.is_initialized():
        ray.init(log_to_driver=False)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    rows = [{"shard": 0, "seq": i, "article": a.model_dump_json()} for i, a in enumerate(articles)]
    dataset = ray.data.from_items(rows, override_num_blocks=max(1, min(len(rows), 4 * concurrency))).map_batches(
        AnalyseBatch,
        fn_constructor_kwargs={"model": model, "kb_dirs": tuple(str(p) for p in kb_dirs), "batch_size": batch_size},
        batch_size=batch_size,
        concurrency=concurrency,
        num_cpus=1,
    )
    for row in dataset.iter_rows():
        yield ArticleResult.model_validate_json(row["record"])


def _pipeline(pending: list[Shard], actors: int, model, kb_dirs, batch_size, published, force_language, max_bytes):
    import ray

    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    # Progress bars go to stderr and would garble a CLI's own output.
    context.enable_progress_bars = False
    reader = partial(
        read_rows, uris=[s.uri for s in pending], published=published, force_language=force_language, max_bytes=max_bytes
    )
    return (
        ray.data.from_items([{"shard": i} for i in range(len(pending))], override_num_blocks=len(pending))
        # Reading takes no CPU reservation: the analysis actors hold every CPU, and a
        # reader that waited for one would never run (the pool would starve).
        .flat_map(reader, num_cpus=0, concurrency=max(1, actors))
        .map_batches(
            AnalyseBatch,
            fn_constructor_kwargs={"model": model, "kb_dirs": kb_dirs, "batch_size": batch_size},
            batch_size=batch_size,
            concurrency=actors,
            num_cpus=1,  # Ray Data restarts a dead actor and retries its batch by default
        )
    )


def _write(output: ShardOutput, shard: Shard, records: list[str], report: RunReport) -> None:
    if os.environ.get(FAIL_SHARD_ENV) == shard.name:
        raise RuntimeError(f"fault injected before writing shard '{shard.name}' ({FAIL_SHARD_ENV})")
    output.write(shard, records)
    report.written += 1
    report.articles += len(records)
    report.errors += sum('"error":{' in record for record in records)
    report.outputs.append(output.path(shard.name))
