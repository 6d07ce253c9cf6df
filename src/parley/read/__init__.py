"""The input layer: files, folders and standard input in; :class:`~parley.model.Article` records out.

One module per format — :mod:`~parley.read.text` (``.txt``), :mod:`~parley.read.html`
(``.html``, ``.htm``), :mod:`~parley.read.jsonl` (``.json``, ``.jsonl``) — behind
:func:`read_inputs`, with the checks every item passes in :mod:`~parley.read.guard`,
sidecar metadata in :mod:`~parley.read.meta`, language detection in
:mod:`~parley.read.language` and the error codes in :mod:`~parley.read.errors`.

Not read here (yet): RSS/Atom feeds and WARC archives.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from parley.model import Article, ItemError
from parley.read import errors
from parley.read.errors import ReadError, failed_article
from parley.read.guard import (
    DEFAULT_MAX_BYTES,
    bom_encoding,
    decode,
    describe_path,
    prepend,
    read_file,
    read_stream,
)
from parley.read.html import declared_charset, parse_html
from parley.read.jsonl import JSON_LIST_FACTOR, read_json, read_jsonl
from parley.read.language import detect
from parley.read.meta import find_sidecar, is_sidecar, load_sidecar
from parley.read.text import Composed, parse_plain

__all__ = ["DEFAULT_MAX_BYTES", "SUFFIXES", "read_inputs", "read_path", "read_stdin", "iter_files"]

SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
"""File extensions read (case-insensitive); other files in a folder are skipped."""

STDIN = "-"
STDIN_ID = "stdin"


def read_inputs(
    inputs: Iterable[str],
    *,
    published: dt.date | None = None,
    force_language: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article]:
    """Every article in ``inputs``, in order; never raises for a bad item.

    Args:
        inputs: paths of files or folders, or ``"-"`` for standard input. A folder
            is walked recursively in sorted order, taking ``.txt``, ``.html``,
            ``.htm``, ``.json`` and ``.jsonl`` files and skipping hidden files and
            folders and ``*.meta.json``/``meta.json`` sidecars. Standard input is
            sniffed: JSON (one object, a list, or JSON Lines) when it starts with
            ``{`` or ``[``, HTML when it starts with ``<``, plain text otherwise.
        published: the publication date for items that do not carry their own.
            An item's own date — a JSON ``published`` field, its sidecar, or the
            HTML page's metadata — always wins; this is only the default.
        force_language: analyse items detected as non-English instead of giving
            them the ``unsupported_language`` error.
        max_bytes: the per-item size limit (a file, a JSON Lines line, a ``text`` field).

    Yields:
        One :class:`Article` per item: a ``.txt`` or ``.html`` file, each object
        of a ``.json`` file, each non-blank line of a ``.jsonl`` file. An item that
        cannot be read still yields one, with ``error`` set (see
        :mod:`parley.read.errors`) and whatever metadata was recovered.
    """
    for item in inputs:
        source = read_stdin(max_bytes=max_bytes) if item == STDIN else read_path(Path(item), max_bytes=max_bytes)
        for article in _guarded(source, item):
            yield finish(article, published=published, force_language=force_language)


def finish(article: Article, *, published: dt.date | None = None, force_language: bool = False) -> Article:
    """Apply the default date, detect the language and refuse confidently non-English text."""
    update: dict[str, Any] = {}
    if article.published is None and published is not None:
        update["published"] = published
    if article.error is None and article.text:
        guess = detect(_body(article))
        update["language"] = guess.code
        if guess.foreign and not force_language:
            update["error"] = ItemError(
                code=errors.UNSUPPORTED_LANGUAGE,
                message=(
                    f"{_describe(article)} is written in {guess.name} "
                    f"(detected with {guess.confidence:.0%} confidence); Parley analyses English only. "
                    "Pass --force-language (force_language=True in Python) to analyse it anyway."
                ),
            )
    return article.model_copy(update=update) if update else article


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article]:
    """The articles of one file, or of every readable file under a folder."""
    where = describe_path(path)
    if path.is_dir():
        files = list(iter_files(path))
        if not files:
            error = ReadError(errors.EMPTY, f"The folder '{path}' holds no {', '.join(SUFFIXES)} files.")
            yield failed_article(path.name or str(path), error, origin=str(path))
        for file in files:
            yield from _guarded(read_file_articles(file, max_bytes=max_bytes), str(file))
        return
    if not path.exists():
        yield failed_article(path.stem, ReadError(errors.NOT_FOUND, f"{where} does not exist."), origin=str(path))
        return
    if path.suffix.lower() not in SUFFIXES:
        error = ReadError(
            errors.UNSUPPORTED_FORMAT,
            f"{where} is not a format Parley reads (use {', '.join(SUFFIXES)}).",
        )
        yield failed_article(path.stem, error, origin=str(path))
        return
    yield from read_file_articles(path, max_bytes=max_bytes)


def iter_files(folder: Path) -> Iterator[Path]:
    """Readable article files under ``folder``, recursively, sorted by name at each level.

    Hidden files and folders, sidecars and symbolic links to folders are skipped.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from iter_files(path)
            elif entry.is_file() and _is_article_file(path):
                yield path
        except OSError:
            continue


def read_file_articles(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article]:
    """The articles of one file whose extension is in :data:`SUFFIXES`."""
    suffix = path.suffix.lower()
    where = describe_path(path)
    origin = str(path)
    if suffix == ".jsonl":
        try:
            handle = path.open("rb")
        except FileNotFoundError:
            yield failed_article(path.stem, ReadError(errors.NOT_FOUND, f"{where} does not exist."), origin=origin)
            return
        except OSError as exc:
            error = ReadError(errors.UNREADABLE, f"{where} could not be read: {exc.strerror or exc}.")
            yield failed_article(path.stem, error, origin=origin)
            return
        with handle:
            yield from read_jsonl(handle, stem=path.stem, origin=origin, where=where, max_bytes=max_bytes)
        return
    if suffix == ".json":
        try:
            data = read_file(path, max_bytes * JSON_LIST_FACTOR, where)
        except ReadError as error:
            yield failed_article(path.stem, error, origin=origin)
            return
        yield from read_json(data, stem=path.stem, origin=origin, where=where, max_bytes=max_bytes)
        return
    yield _read_document(path, suffix, max_bytes)


def read_stdin(*, max_bytes: int = DEFAULT_MAX_BYTES, stream=None) -> Iterator[Article]:
    """The articles on standard input (or ``stream``), its format sniffed from the first character."""
    stream = stream if stream is not None else sys.stdin.buffer
    where = "Standard input"
    try:
        head = stream.read(65536)
    except OSError as exc:
        error = ReadError(errors.UNREADABLE, f"{where} could not be read: {exc.strerror or exc}.")
        yield failed_article(STDIN_ID, error, origin=STDIN)
        return
    reader = prepend(head, stream)
    first = _first_char(head)
    if first == "{" and _first_line_is_json(head):
        yield from read_jsonl(reader, stem=STDIN_ID, origin=STDIN, where=where, max_bytes=max_bytes)
        return
    limit = max_bytes * JSON_LIST_FACTOR if first in ("{", "[") else max_bytes
    try:
        data = read_stream(reader, limit, where)
    except ReadError as error:
        yield failed_article(STDIN_ID, error, origin=STDIN)
        return
    if first in ("{", "["):
        yield from read_json(data, stem=STDIN_ID, origin=STDIN, where=where, max_bytes=max_bytes)
        return
    yield _document(data, ".html" if first == "<" else ".txt", item_id=STDIN_ID, origin=STDIN, where=where)


def _read_document(path: Path, suffix: str, max_bytes: int) -> Article:
    """A ``.txt`` or ``.html`` file with its sidecar metadata."""
    where = describe_path(path)
    origin = str(path)
    meta: dict[str, Any] = {}
    try:
        sidecar = find_sidecar(path, _count_siblings)
        if sidecar is not None:
            meta = load_sidecar(sidecar)
        data = read_file(path, max_bytes, where)
    except ReadError as error:
        return failed_article(meta.pop("id", path.stem), error, origin=origin, **meta)
    return _document(data, suffix, item_id=path.stem, origin=origin, where=where, meta=meta)


def _document(
    data: bytes, suffix: str, *, item_id: str, origin: str, where: str, meta: dict[str, Any] | None = None
) -> Article:
    """One text or HTML item from its bytes. Sidecar ``meta`` overrides what the page says."""
    meta = dict(meta or {})
    item_id = meta.pop("id", item_id)
    page_meta: dict[str, Any] = {}
    try:
        if suffix == ".txt":
            composed = parse_plain(decode(data, where))
        else:
            html = decode(data, where, declared=declared_charset(data))
            composed, page_meta = parse_html(html, where)
    except ReadError as error:
        return failed_article(item_id, error, origin=origin, **meta)
    fields = {key: value for key, value in page_meta.items() if value is not None}
    fields.update(meta)
    fields.setdefault("title", composed.title)
    return _article(item_id, composed, origin=origin, **fields)


def _article(item_id: str, composed: Composed, **fields: Any) -> Article:
    fields = {key: value for key, value in fields.items() if value is not None}
    return Article(
        id=item_id, text=composed.text, standfirst=composed.standfirst, sections=composed.sections, **fields
    )


def _guarded(articles: Iterator[Article], name: str) -> Iterator[Article]:
    """Pass ``articles`` through; a reader's unexpected failure becomes one ``unreadable`` error.

    A safety net only: every failure the readers foresee has its own code.
    """
    try:
        yield from articles
    except Exception as exc:  # noqa: BLE001 - read_inputs promises not to raise for one bad item
        error = ReadError(errors.UNREADABLE, f"Parley failed to read '{name}': {type(exc).__name__}: {exc}.")
        yield failed_article(Path(name).stem or name, error, origin=name)


def _describe(article: Article) -> str:
    """How a message names an item: its id, and where it came from when that says more."""
    if article.origin and article.origin not in (STDIN, article.id):
        return f"The item '{article.id}' (from {article.origin})"
    return f"The item '{article.id}'"


def _body(article: Article) -> str:
    """The body, where language detection looks (a headline alone is too short to judge)."""
    for section in article.sections:
        if section.kind == "body":
            return article.text[section.span[0] : section.span[1]]
    return article.text


def _is_article_file(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES and not is_sidecar(path)


def _count_siblings(path: Path) -> int:
    """How many article files share ``path``'s folder (only needed for a folder ``meta.json``)."""
    try:
        return sum(
            1
            for entry in os.scandir(path.parent or ".")
            if not entry.name.startswith(".") and entry.is_file() and _is_article_file(Path(entry.name))
        )
    except OSError:
        return 0


def _first_char(head: bytes) -> str:
    """The first non-space character of a stream's first bytes, after any byte-order mark."""
    encoding = bom_encoding(head) or "utf-8"
    text = head[:256].decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n")
    return text[:1]


def _first_line_is_json(head: bytes) -> bool:
    """True when the first non-blank line parses alone: JSON Lines (or one object on one line),
    not one pretty-printed object."""
    lines = head.splitlines(keepends=True)
    for line in lines:
        if not line.endswith(b"\n"):
            # The first line is longer than the sniffed bytes: no pretty-printed
            # object starts so, and read_jsonl also reads a single-line object.
            return True
        if line.strip():
            try:
                json.loads(line.decode("utf-8-sig"))
            except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
                return False
            return True
    return False


def article_from_text(
    text: str, *, title: str | None = None, published: dt.date | None = None, item_id: str = "text",
    force_language: bool = False,
) -> Article:
    """An :class:`Article` from a body string (and optional headline), checked as files are."""
    from parley.read.text import compose

    composed = compose(title, None, text)
    article = Article(
        id=item_id, text=composed.text, title=composed.title, sections=composed.sections, published=published, origin="text"
    )
    return finish(article, published=published, force_language=force_language)


def article_from_html(data: bytes, *, item_id: str, origin: str, where: str | None = None) -> Article:
    """An :class:`Article` from the bytes of one HTML page (a WARC response, a crawl record):
    boilerplate removed, title, date and URL from the page's metadata. Never raises; a page
    with no text gets an error. The language is not checked here: pass it through :func:`finish`."""
    return _document(data, ".html", item_id=item_id, origin=origin, where=where or f"HTML page {item_id!r}")
