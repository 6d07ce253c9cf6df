"""JSON records: ``.json`` files (one object or a list of objects) and ``.jsonl`` files (one object a line).

A record is ``{"id": str, "text": str, "title"?: str, "published"?: "YYYY-MM-DD",
"url"?: str, "source"?: str, "standfirst"?: str}``; other fields are ignored.
``text`` is the body and is kept verbatim (line endings normalised, surrounding
whitespace removed). With a ``title`` the analysed text is title, blank line,
body. A ``standfirst`` is analysed between them unless one of the body's
first paragraphs repeats it, in which case it is only recorded.

A record without ``id`` is named after its file and position: ``STEM:LINE`` for
JSON Lines, ``STEM:N`` for the N-th object of a JSON list, ``STEM`` for a file
holding one object. A numeric ``id`` is accepted and turned into a string.

Limits: each JSON Lines line and each ``text`` field is at most ``max_bytes``;
a ``.json`` file holding one object is too, and one holding a list may be
:data:`JSON_LIST_FACTOR` times larger. Blank lines are skipped. Every bad line
or record yields its own error; the other records are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from parley.model import Article
from parley.read.errors import (
    BINARY,
    EMPTY,
    INVALID_RECORD,
    MALFORMED_JSON,
    TOO_LARGE,
    UNDECODABLE,
    ReadError,
    failed_article,
)
from parley.read.guard import bom_encoding, check_size, check_text, decode, looks_binary, prepend, size_text
from parley.read.meta import json_type, optional_str, parse_date
from parley.read.text import compose, repeated_in_body

JSON_LIST_FACTOR = 20
"""A ``.json`` list may be this many times the per-item limit."""


def article_from_record(
    record: Any, *, default_id: str, origin: str, where: str, max_bytes: int, defaults: dict[str, Any] | None = None
) -> Article:
    """One JSON value as an :class:`Article`; never raises.

    Args:
        record: the parsed JSON value (should be an object).
        default_id: the id when the record has none.
        origin: ``Article.origin``.
        where: how messages name the record, e.g. ``"Line 3 of 'a.jsonl'"``.
        max_bytes: the limit for the ``text`` field.
        defaults: metadata used where the record has none (unused keys ignored).
    """
    known: dict[str, Any] = {"origin": origin}
    item_id = default_id
    try:
        if not isinstance(record, dict):
            raise ReadError(INVALID_RECORD, f"{where} is {json_type(record)}, not an article object.")
        raw_id = record.get("id")
        if isinstance(raw_id, (int, str)) and not isinstance(raw_id, bool) and str(raw_id).strip():
            item_id = str(raw_id).strip()
        elif raw_id is not None:
            raise ReadError(INVALID_RECORD, f"{where}: field \"id\" must be a string, not {json_type(raw_id)}.")
        for name in ("title", "url", "source", "standfirst"):
            known[name] = optional_str(record, name, where)
        known["published"] = parse_date(record.get("published"), where)
        for name, value in (defaults or {}).items():
            if known.get(name) is None:
                known[name] = value
        if "text" not in record:
            raise ReadError(INVALID_RECORD, f"{where} has no \"text\" field.")
        body = record["text"]
        if not isinstance(body, str):
            raise ReadError(INVALID_RECORD, f"{where}: field \"text\" must be a string, not {json_type(body)}.")
        # Four bytes a character at most: only long texts need encoding to measure.
        if len(body) * 4 > max_bytes:
            check_size(len(body.encode("utf-8", "surrogatepass")), max_bytes, f"The text of {_lower(where)}")
        body = check_text(body, f"The text of {_lower(where)}")
        standfirst = known.pop("standfirst")
        if standfirst:
            standfirst = check_text(standfirst, f"The standfirst of {_lower(where)}")
        repeated = bool(standfirst) and repeated_in_body(standfirst, body)
        composed = compose(known.pop("title"), standfirst, body, analyse_standfirst=not repeated)
    except ReadError as error:
        known.pop("standfirst", None)
        return failed_article(item_id, error, **known)
    return Article(
        id=item_id,
        text=composed.text,
        title=composed.title,
        standfirst=composed.standfirst,
        sections=composed.sections,
        **{k: v for k, v in known.items() if v is not None},
    )


def read_json(data: bytes, *, stem: str, origin: str, where: str, max_bytes: int, defaults=None) -> Iterator[Article]:
    """The records of a ``.json`` document: one object, or a list of objects."""
    try:
        check_size(len(data), max_bytes * JSON_LIST_FACTOR, where)
        text = decode(data, where)
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ReadError(
                MALFORMED_JSON, f"{where} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
            ) from None
        except RecursionError:
            raise ReadError(MALFORMED_JSON, f"{where} is nested too deeply to be an article record.") from None
        if isinstance(value, list):
            if not value:
                raise ReadError(EMPTY, f"{where} holds an empty list.")
        else:
            check_size(len(data), max_bytes, where)
    except ReadError as error:
        yield failed_article(stem, error, origin=origin)
        return
    if not isinstance(value, list):
        yield article_from_record(
            value, default_id=stem, origin=origin, where=where, max_bytes=max_bytes, defaults=defaults
        )
        return
    for n, record in enumerate(value, start=1):
        yield article_from_record(
            record,
            default_id=f"{stem}:{n}",
            origin=f"{origin}#{n}",
            where=f"Item {n} of {_lower(where)}",
            max_bytes=max_bytes,
            defaults=defaults,
        )


def read_jsonl(stream: IO[bytes], *, stem: str, origin: str, where: str, max_bytes: int, defaults=None) -> Iterator[Article]:
    """The records of a JSON Lines stream, one :class:`Article` per non-blank line.

    The stream is read a line at a time, so a file may be much larger than the
    per-item limit; a line over the limit is skipped without being held in memory.
    A whole stream that is binary, empty or UTF-16/32 is handled before the lines.
    """
    head = stream.read(65536)
    if looks_binary(head):
        yield failed_article(stem, ReadError(BINARY, f"{where} looks like a binary file, not JSON Lines."), origin=origin)
        return
    encoding = bom_encoding(head)
    if encoding in ("utf-16", "utf-32"):
        # Line splitting on bytes would cut these encodings apart: decode the lot.
        rest = stream.read(max_bytes * JSON_LIST_FACTOR)
        try:
            check_size(len(head) + len(rest), max_bytes * JSON_LIST_FACTOR, where)
            text = decode(head + rest, where)
        except ReadError as error:
            yield failed_article(stem, error, origin=origin)
            return
        lines: Iterable[tuple[int, bytes | str, bool]] = (
            (n, line, False) for n, line in enumerate(text.split("\n"), start=1)
        )
    else:
        lines = _byte_lines(head, stream, max_bytes)
    seen = False
    for lineno, line, oversized in lines:
        line_where = f"Line {lineno} of {_lower(where)}"
        line_origin = f"{origin}:{lineno}"
        line_id = f"{stem}:{lineno}"
        if oversized:
            seen = True
            error = ReadError(
                TOO_LARGE, f"{line_where} is more than the limit of {size_text(max_bytes)} per item."
            )
            yield failed_article(line_id, error, origin=line_origin)
            continue
        if isinstance(line, bytes):
            if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                seen = True
                error = ReadError(UNDECODABLE, f"{line_where} is not valid UTF-8 (bad byte at column {exc.start + 1}).")
                yield failed_article(line_id, error, origin=line_origin)
                continue
        if not line.strip():
            continue
        seen = True
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            error = ReadError(MALFORMED_JSON, f"{line_where} is not valid JSON (column {exc.colno}: {exc.msg}).")
            yield failed_article(line_id, error, origin=line_origin)
            continue
        except RecursionError:
            error = ReadError(MALFORMED_JSON, f"{line_where} is nested too deeply to be an article record.")
            yield failed_article(line_id, error, origin=line_origin)
            continue
        yield article_from_record(
            record, default_id=line_id, origin=line_origin, where=line_where, max_bytes=max_bytes, defaults=defaults
        )
    if not seen:
        yield failed_article(stem, ReadError(EMPTY, f"{where} is empty (no JSON lines)."), origin=origin)


def _byte_lines(head: bytes, stream: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, line, too long?) for each line of ``head`` followed by ``stream``.

    A line longer than ``max_bytes`` is reported with an empty body and the
    flag set; its bytes are read and dropped a bufferful at a time.
    """
    reader = prepend(head, stream)
    lineno = 0
    while True:
        line = reader.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if line.endswith(b"\n"):
            yield lineno, line[:-1], False
        elif len(line) <= max_bytes:
            yield lineno, line, False  # the last line, without a newline
        else:
            yield lineno, b"", True
            while line and not line.endswith(b"\n"):
                line = reader.readline(1 << 16)


def _lower(where: str) -> str:
    """'The file ...' -> 'the file ...', to continue a sentence."""
    return where[:1].lower() + where[1:] if where.startswith(("The ", "Standard", "Line ", "Item ")) else where
