"""Sidecar metadata for files that carry none themselves (``.txt``, and ``.html`` pages).

A sidecar is a JSON object beside the article:

- ``NAME.meta.json`` for ``NAME.txt`` (or ``NAME.html``), or
- ``meta.json`` when the folder holds exactly one article file (the shape of
  ``examples/ceasefire/``).

Fields read: ``id``, ``published`` (``YYYY-MM-DD``), ``source``, ``url``,
``title``; other fields (notes, licences) are ignored. A sidecar that is not a
JSON object, or has a field of the wrong type or a bad date, makes its article
an ``invalid_record`` (or ``malformed_json``) error naming the sidecar: silently
dropping the date a user supplied would give wrong results later.

This module also holds the field checks the JSON readers share
(:func:`parse_date`, :func:`optional_str`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from parley.read.errors import INVALID_RECORD, MALFORMED_JSON, ReadError

SIDECAR_SUFFIX = ".meta.json"
FOLDER_SIDECAR = "meta.json"
SIDECAR_FIELDS = ("id", "published", "source", "url", "title")
SIDECAR_MAX_BYTES = 1024 * 1024


def is_sidecar(path: Path) -> bool:
    """True for ``*.meta.json`` and ``meta.json`` files, which are never articles."""
    name = path.name.lower()
    return name == FOLDER_SIDECAR or name.endswith(SIDECAR_SUFFIX)


def find_sidecar(article: Path, count_folder_articles: Callable[[Path], int]) -> Path | None:
    """The sidecar of ``article``, or None.

    Args:
        article: the article file.
        count_folder_articles: tells how many article files its folder holds
            (asked only when the folder has a ``meta.json``, which applies only
            when that count is 1).
    """
    own = article.with_name(article.stem + SIDECAR_SUFFIX)
    if own.is_file():
        return own
    shared = article.with_name(FOLDER_SIDECAR)
    if shared.is_file() and count_folder_articles(article) == 1:
        return shared
    return None


def load_sidecar(path: Path) -> dict[str, Any]:
    """The checked fields of a sidecar: a dict with some of :data:`SIDECAR_FIELDS`.

    ``published`` comes back as a :class:`datetime.date`. Raises
    :class:`ReadError` for an unreadable, malformed or ill-typed sidecar.
    """
    where = f"The metadata file '{path}'"
    try:
        with path.open("rb") as handle:
            data = handle.read(SIDECAR_MAX_BYTES + 1)
    except OSError as exc:
        raise ReadError(INVALID_RECORD, f"{where} could not be read: {exc.strerror or exc}.") from None
    if len(data) > SIDECAR_MAX_BYTES:
        raise ReadError(INVALID_RECORD, f"{where} is too large to be metadata.")
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ReadError(INVALID_RECORD, f"{where} is not UTF-8.") from None
    except json.JSONDecodeError as exc:
        raise ReadError(MALFORMED_JSON, f"{where} is not valid JSON (line {exc.lineno}: {exc.msg}).") from None
    if not isinstance(raw, dict):
        raise ReadError(INVALID_RECORD, f"{where} must hold a JSON object.")
    meta: dict[str, Any] = {}
    for name in ("id", "source", "url", "title"):
        value = optional_str(raw, name, where)
        if value is not None:
            meta[name] = value
    published = parse_date(raw.get("published"), where)
    if published is not None:
        meta["published"] = published
    return meta


def optional_str(record: dict[str, Any], name: str, where: str) -> str | None:
    """``record[name]`` when it is a string, None when absent or null; ``invalid_record`` otherwise."""
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ReadError(
            INVALID_RECORD, f"{where}: field \"{name}\" must be a string, not {json_type(value)}."
        )
    return value.strip() or None


def parse_date(value: Any, where: str) -> dt.date | None:
    """A ``published`` value: ``YYYY-MM-DD`` (or a full ISO timestamp, whose date is taken).

    None when absent or null; ``invalid_record`` for anything else.
    """
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text[:10]) if _is_iso(text) else dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise ReadError(
        INVALID_RECORD,
        f"{where}: field \"published\" must be a date written YYYY-MM-DD, not {json.dumps(value)[:60]}.",
    )


def _is_iso(text: str) -> bool:
    """A timestamp such as ``2024-12-08T10:30:00Z``: a date, then a 'T' or a space and a time."""
    if len(text) <= 10 or text[10] not in "T ":
        return False
    try:
        dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def json_type(value: Any) -> str:
    """The JSON name of a value's type, for messages."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "null"
