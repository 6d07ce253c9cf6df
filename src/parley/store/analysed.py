"""Records that are already analysed: the output of ``parley extract``, to store as is.

Two layouts are recognised (:func:`is_analysed`):

- an **output shard folder** of ``parley extract --engine ray --out DIR``: ``DIR/NAME.jsonl``
  or ``DIR/NAME.parquet`` with a completion marker ``DIR/_done/NAME.json`` (see
  :mod:`parley.scale.shards`). Only complete shards are read; a shard file without its
  marker is reported as an error, so a rerun after ``extract`` finishes picks it up;
- a **JSON Lines file of ArticleResult records** (``parley extract --format jsonl``),
  told apart from a file of input articles by its first record carrying the result lists.

Turning a line into a record (JSON parsing, validation, the content hash and the MinHash
of its text) is the CPU work of loading; :func:`prepare_parallel` spreads it over worker
processes while the calling process writes. A line that is not a valid record becomes an
``invalid_record`` item error; the rest load.
"""

from __future__ import annotations

import json
import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, Optional

from pydantic import ValidationError

from ..model import Article, ArticleResult, ItemError
from ..read.errors import INVALID_RECORD, MALFORMED_JSON
from . import dedup
from .ingest import Prepared

RESULT_FIELDS = ("actors", "quotes", "events")
"""Fields every ArticleResult record has and an input article record never does."""

INCOMPLETE = "incomplete_shard"
CHUNK_SIZE = 32
"""Lines sent to a worker at once: enough to amortise the round trip."""


@dataclass(frozen=True)
class Line:
    """One record as read: where it came from and its JSON text (None: ``error`` says why)."""

    origin: str
    text: Optional[str]
    error: Optional[str] = None


def is_shard_folder(path: str) -> bool:
    from ..scale.shards import DONE_DIR

    return Path(path).is_dir() and (Path(path) / DONE_DIR).is_dir()


def is_result_jsonl(path: str) -> bool:
    """A ``.jsonl`` file whose first record is an ArticleResult (not an input article)."""
    file = Path(path)
    if file.suffix.lower() != ".jsonl" or not file.is_file():
        return False
    with file.open(encoding="utf-8", errors="replace") as handle:
        for raw in handle:
            if raw.strip():
                try:
                    record = json.loads(raw)
                except ValueError:
                    return False
                return isinstance(record, dict) and all(name in record for name in RESULT_FIELDS)
    return False


def is_analysed(path: str) -> bool:
    return is_shard_folder(path) or is_result_jsonl(path)


def read_lines(inputs: Iterable[str]) -> Iterator[Line]:
    """Every record line of every input, in order (shards sorted by name), streamed."""
    for item in inputs:
        if is_shard_folder(item):
            yield from _shard_folder_lines(Path(item))
        else:
            yield from _jsonl_lines(Path(item))


def _shard_folder_lines(folder: Path) -> Iterator[Line]:
    from ..scale.shards import DONE_DIR, OUTPUT_FORMATS

    for path in sorted(folder.iterdir()):
        if path.name.startswith((".", "_")) or path.suffix.lstrip(".") not in OUTPUT_FORMATS:
            continue
        if not (folder / DONE_DIR / f"{path.stem}.json").is_file():
            yield Line(str(path), None, f"shard '{path}' has no completion marker (is parley extract still writing it?)")
        elif path.suffix == ".jsonl":
            yield from _jsonl_lines(path)
        else:
            yield from _parquet_lines(path)


def _jsonl_lines(path: Path) -> Iterator[Line]:
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                yield Line(f"{path}:{number}", raw)


def _parquet_lines(path: Path) -> Iterator[Line]:
    import pyarrow.parquet as pq

    row = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=256, columns=["record"]):
        for value in batch.column(0).to_pylist():
            row += 1
            yield Line(f"{path}:{row}", value)


def prepare(line: Line) -> Prepared:
    """The record of ``line``, validated, with its hash and MinHash; or an item error."""
    if line.text is None:
        return _error(line, INCOMPLETE, line.error or "unreadable")
    try:
        result = ArticleResult.model_validate_json(line.text)
    except ValidationError as exc:
        problem = exc.errors()[0]
        code = MALFORMED_JSON if problem.get("type") == "json_invalid" else INVALID_RECORD
        where = ".".join(str(p) for p in problem.get("loc", ())) or "record"
        return _error(line, code, f"{line.origin} is not a Parley article record ({where}: {problem.get('msg')})")
    article = Article(
        id=result.id, text=result.text, title=result.title, published=result.published, source=result.source,
        url=result.url, origin=line.origin, sections=result.sections, language=result.language,
    )
    if result.error is not None or not result.text.strip():
        error = result.error or ItemError(code=INVALID_RECORD, message=f"{line.origin} has no text")
        return Prepared(article.model_copy(update={"error": error}))
    return Prepared(article, result, dedup.content_hash(result.text), dedup.to_bytes(dedup.signature(result.text)))


def _error(line: Line, code: str, message: str) -> Prepared:
    return Prepared(Article(id=line.origin, text="", origin=line.origin, error=ItemError(code=code, message=message)))


def _prepare_chunk(lines: list[Line]) -> list[Prepared]:
    return [prepare(line) for line in lines]


def prepare_parallel(lines: Iterable[Line], *, workers: int, chunk_size: int = CHUNK_SIZE) -> Iterator[Prepared]:
    """:func:`prepare` over ``lines`` on ``workers`` processes, in order, reading ahead at
    most ``2 * workers`` chunks (so memory stays flat); in this process when ``workers`` is 1."""
    stream = iter(lines)
    if workers <= 1:
        yield from (prepare(line) for line in stream)
        return
    # spawn: the caller may already run writer threads, which fork would copy mid-flight.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        pending: deque[Future] = deque()
        while True:
            while len(pending) < 2 * workers:
                chunk = list(islice(stream, chunk_size))
                if not chunk:
                    break
                pending.append(pool.submit(_prepare_chunk, chunk))
            if not pending:
                return
            yield from pending.popleft().result()


def load(inputs: Iterable[str], ingestor, *, workers: int = 1, batch_size: int = 32, on_batch=None):
    """Store the analysed records of ``inputs`` with ``ingestor`` (an :class:`.Ingestor`):
    records prepared on ``workers`` processes, written by ``workers`` connections on
    PostgreSQL and by one on SQLite. Returns the :class:`.IngestReport`."""
    prepared = prepare_parallel(read_lines(inputs), workers=workers)
    return ingestor.load(prepared, batch_size=batch_size, writers=workers, on_batch=on_batch)
