"""Shards: the unit of work, of output and of resumption for a distributed run.

Input shards are files — ``.jsonl`` (the contract's JSON Lines records), ``.parquet``
(one article a row, the same columns) or ``.warc``/``.warc.gz`` (web archives: each
``response`` record holding an HTML page is one article) — given as paths or folders,
local or on any filesystem pyarrow understands (``s3://``, ``gs://``, ``hdfs://``...).

Each input shard gives one output shard ``OUT/NAME.jsonl`` (or ``.parquet``), written
under a temporary name and renamed into place, then marked complete by
``OUT/_done/NAME.json`` (its source, article and error counts). A shard is complete
when both exist; a re-run skips complete shards, so a killed job resumes where it
stopped and never writes an article twice.

What is not read here: ``.txt``/``.html`` files (use the local engine), compressed
JSON Lines, WARC ``resource`` records, pages that are not HTML.

Needs pyarrow (the ``ray`` extra); imported only by the Ray engine.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence

from parley.model import Article
from parley.read import DEFAULT_MAX_BYTES, finish, read_file_articles
from parley.read.errors import TOO_LARGE, UNREADABLE, ReadError, failed_article
from parley.read.guard import size_text

SHARD_SUFFIXES = (".jsonl", ".parquet", ".warc", ".warc.gz")
"""File endings read as input shards (case-insensitive); other files in a folder are skipped."""

OUTPUT_FORMATS = ("jsonl", "parquet")
DONE_DIR = "_done"


@dataclass(frozen=True)
class Shard:
    """One input file and the name its output shard takes."""

    uri: str
    name: str


def shard_suffix(path: str) -> Optional[str]:
    lower = path.lower()
    return next((s for s in sorted(SHARD_SUFFIXES, key=len, reverse=True) if lower.endswith(s)), None)


def list_shards(inputs: Sequence[str]) -> list[Shard]:
    """The input shards under ``inputs``, in order (folders walked recursively, sorted by name).

    An output name is the shard's path relative to the folder given, folders joined by
    ``__``, without its ending. Raises ``ValueError`` when two shards would share a name.
    """
    shards: list[Shard] = []
    for item in inputs:
        filesystem, path = _filesystem(item)
        prefix = item[: len(item) - len(path)] if filesystem is not None and item.endswith(path) else ""
        for file, relative in _walk(filesystem, path):
            suffix = shard_suffix(file)
            name = relative[: len(relative) - len(suffix)].replace("/", "__").replace(os.sep, "__")
            shards.append(Shard(uri=prefix + file if prefix else file, name=name))
    seen: dict[str, str] = {}
    for shard in shards:
        if shard.name in seen:
            raise ValueError(f"'{shard.uri}' and '{seen[shard.name]}' would both write the output shard '{shard.name}'")
        seen[shard.name] = shard.uri
    return shards


def read_shard(
    uri: str, *, published: Optional[dt.date] = None, force_language: bool = False, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article]:
    """The articles of one shard, each checked as :func:`parley.read.read_inputs` checks it.

    A local ``.jsonl`` shard gives exactly the articles the local engine reads from it,
    so both engines produce the same records. Never raises for a bad item or shard.
    """
    suffix = shard_suffix(uri) or ""
    stem = Path(uri).name[: len(Path(uri).name) - len(suffix)]
    try:
        if suffix == ".jsonl" and _filesystem(uri)[0] is None:
            articles = read_file_articles(Path(uri), max_bytes=max_bytes)
        elif suffix == ".jsonl":
            articles = _read_remote_jsonl(uri, stem, max_bytes)
        elif suffix == ".parquet":
            articles = _read_parquet(uri, stem, max_bytes)
        else:
            articles = _read_warc(uri, stem, max_bytes)
        for article in articles:
            yield finish(article, published=published, force_language=force_language)
    except Exception as exc:  # noqa: BLE001 - one unreadable shard is one error record, not a failed job
        error = ReadError(UNREADABLE, f"Parley failed to read '{uri}': {type(exc).__name__}: {exc}.")
        yield failed_article(stem, error, origin=uri)


class ShardOutput:
    """The output folder: which shards are complete, and writing one atomically."""

    def __init__(self, out_dir: str, fmt: str = "jsonl"):
        if fmt not in OUTPUT_FORMATS:
            raise ValueError(f"output format must be one of {', '.join(OUTPUT_FORMATS)}, not {fmt!r}")
        self.fmt = fmt
        self.filesystem, self.root = _filesystem(out_dir)
        self._makedirs(self._join(DONE_DIR))

    def path(self, name: str) -> str:
        return self._join(f"{name}.{self.fmt}")

    def marker(self, name: str) -> str:
        return self._join(DONE_DIR, f"{name}.json")

    def is_complete(self, name: str) -> bool:
        return self._exists(self.marker(name)) and self._exists(self.path(name))

    def write(self, shard: Shard, records: Sequence[str]) -> None:
        """Write the JSON ``records`` of ``shard`` (in order), then mark it complete.

        The data goes to a hidden temporary file renamed into place, and the marker is
        written last, so a shard is never seen complete with partial content.
        """
        final = self.path(shard.name)
        temporary = self._join(f".{shard.name}.{self.fmt}.{os.getpid()}.tmp")
        payload = _encode(records, self.fmt)
        self._write_bytes(temporary, payload)
        self._move(temporary, final)
        errors = sum(1 for record in records if json.loads(record).get("error") is not None)
        marker = {"source": shard.uri, "output": final, "articles": len(records), "errors": errors}
        self._write_bytes(self.marker(shard.name), json.dumps(marker, indent=1).encode("utf-8"))

    # Local folders use the os module (atomic os.replace); other filesystems go through pyarrow.
    def _join(self, *parts: str) -> str:
        return "/".join([self.root.rstrip("/"), *parts])

    def _exists(self, path: str) -> bool:
        if self.filesystem is None:
            return os.path.exists(path)
        from pyarrow import fs

        return self.filesystem.get_file_info(path).type != fs.FileType.NotFound

    def _makedirs(self, path: str) -> None:
        if self.filesystem is None:
            os.makedirs(path, exist_ok=True)
        else:
            self.filesystem.create_dir(path, recursive=True)

    def _write_bytes(self, path: str, data: bytes) -> None:
        if self.filesystem is None:
            with open(path, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        else:
            with self.filesystem.open_output_stream(path) as handle:
                handle.write(data)

    def _move(self, source: str, target: str) -> None:
        if self.filesystem is None:
            os.replace(source, target)
        else:
            self.filesystem.move(source, target)


def read_output(out_dir: str) -> Iterator[dict[str, Any]]:
    """Every record in a finished output folder, shard by shard (sorted by name)."""
    root = Path(out_dir)
    for path in sorted(root.iterdir()):
        if path.name.startswith((".", "_")):
            continue
        if path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as handle:
                yield from (json.loads(line) for line in handle if line.strip())
        elif path.suffix == ".parquet":
            import pyarrow.parquet as pq

            for value in pq.read_table(path, columns=["record"]).column("record").to_pylist():
                yield json.loads(value)


def _encode(records: Sequence[str], fmt: str) -> bytes:
    if fmt == "jsonl":
        return "".join(record + "\n" for record in records).encode("utf-8")
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    # A few flat columns to filter on, and the full record as JSON: the record's nested
    # lists vary from article to article, which a fixed Arrow schema would have to chase.
    parsed = [json.loads(record) for record in records]
    table = pa.table(
        {
            "id": pa.array([r["id"] for r in parsed], pa.string()),
            "published": pa.array([r.get("published") for r in parsed], pa.string()),
            "error_code": pa.array([(r.get("error") or {}).get("code") for r in parsed], pa.string()),
            "record": pa.array(list(records), pa.large_string()),
        }
    )
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def _filesystem(uri: str):
    """``(None, path)`` for a local path, ``(pyarrow FileSystem, path)`` for a URI."""
    if "://" not in uri or uri.startswith("file://"):
        return None, uri[len("file://") :] if uri.startswith("file://") else uri
    from pyarrow import fs

    return fs.FileSystem.from_uri(uri)


def _walk(filesystem, path: str) -> Iterator[tuple[str, str]]:
    """``(file, relative name)`` of each shard at ``path``, sorted by name at each level."""
    if filesystem is None:
        root = Path(path)
        if root.is_file():
            yield str(root), root.name
            return
        if not root.is_dir():
            raise FileNotFoundError(f"no such file or folder: '{path}'")
        for file in _local_files(root):
            yield str(file), file.relative_to(root).as_posix()
        return
    from pyarrow import fs

    info = filesystem.get_file_info(path)
    if info.type == fs.FileType.File:
        yield path, path.rsplit("/", 1)[-1]
        return
    if info.type == fs.FileType.NotFound:
        raise FileNotFoundError(f"no such file or folder: '{path}'")
    infos = filesystem.get_file_info(fs.FileSelector(path, recursive=True))
    for entry in sorted(infos, key=lambda e: e.path):
        relative = entry.path[len(path.rstrip("/")) + 1 :]
        if entry.type == fs.FileType.File and shard_suffix(entry.path) and not _hidden(relative):
            yield entry.path, relative


def _local_files(folder: Path) -> Iterator[Path]:
    # The same walk as the local reader (sorted at each level, hidden entries skipped),
    # so the two engines see the shards of a folder in the same order.
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.name.startswith((".", "_")):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _local_files(path)
        elif entry.is_file() and shard_suffix(entry.name):
            yield path


def _hidden(relative: str) -> bool:
    return any(part.startswith((".", "_")) for part in relative.split("/"))


def _read_remote_jsonl(uri: str, stem: str, max_bytes: int) -> Iterator[Article]:
    from parley.read.jsonl import read_jsonl

    filesystem, path = _filesystem(uri)
    with filesystem.open_input_stream(path) as stream:
        yield from read_jsonl(stream, stem=stem, origin=uri, where=f"'{uri}'", max_bytes=max_bytes)


def _read_parquet(uri: str, stem: str, max_bytes: int) -> Iterator[Article]:
    """One article per row; the columns are the JSON Lines fields (others ignored)."""
    import pyarrow.parquet as pq

    from parley.read.jsonl import article_from_record

    filesystem, path = _filesystem(uri)
    parquet = pq.ParquetFile(path, filesystem=filesystem) if filesystem else pq.ParquetFile(path)
    row = 0
    for batch in parquet.iter_batches(batch_size=256):
        for record in batch.to_pylist():
            row += 1
            if isinstance(record.get("published"), (dt.date, dt.datetime)):
                record["published"] = record["published"].isoformat()
            yield article_from_record(
                record, default_id=f"{stem}:{row}", origin=f"{uri}:{row}", where=f"Row {row} of '{uri}'",
                max_bytes=max_bytes,
            )


def _read_warc(uri: str, stem: str, max_bytes: int) -> Iterator[Article]:
    """Each HTTP ``response`` record with an HTML body, read by the HTML reader.

    Ids are ``STEM:N`` (the N-th HTML response of the file); the page's URL defaults to
    the record's ``WARC-Target-URI``. The crawl date is not taken as the publication date.
    """
    from warcio.archiveiterator import ArchiveIterator

    from parley.read import article_from_html

    filesystem, path = _filesystem(uri)
    handle = filesystem.open_input_stream(path) if filesystem else open(path, "rb")
    with handle:
        number = 0
        for record in ArchiveIterator(handle):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in content_type:
                continue
            number += 1
            item_id = f"{stem}:{number}"
            target = record.rec_headers.get_header("WARC-Target-URI")
            where = f"Record {number} of '{uri}'"
            data = record.content_stream().read(max_bytes + 1)
            if len(data) > max_bytes:
                error = ReadError(TOO_LARGE, f"{where} is more than the limit of {size_text(max_bytes)} per item.")
                yield failed_article(item_id, error, origin=f"{uri}:{number}", url=target)
                continue
            article = article_from_html(data, item_id=item_id, origin=f"{uri}:{number}", where=where)
            if article.url is None and target:
                article = article.model_copy(update={"url": target})
            yield article
