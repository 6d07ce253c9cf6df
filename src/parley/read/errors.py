"""Error codes the readers give to items they cannot turn into analysable text.

A reader never raises for a bad item: it yields an :class:`~parley.model.Article`
whose ``error`` holds one of the codes below and a sentence for a person that
names the file (and line). Inside the readers a problem travels as
:class:`ReadError` until :func:`failed_article` turns it into such a record.
"""

from __future__ import annotations

from typing import Any

from parley.model import Article, ItemError

NOT_FOUND = "not_found"
"""The path does not exist."""
UNREADABLE = "unreadable"
"""The path exists but could not be read (permissions, a device, an I/O error)."""
UNSUPPORTED_FORMAT = "unsupported_format"
"""The file's extension is not one Parley reads."""
EMPTY = "empty"
"""Nothing but whitespace (or a directory with no readable files)."""
BINARY = "binary"
"""NUL bytes or many control characters: not text."""
TOO_LARGE = "too_large"
"""More bytes than the per-item limit."""
UNDECODABLE = "undecodable"
"""Not UTF-8 (nor UTF-16 with a byte-order mark, nor an HTML page's declared charset)."""
MALFORMED_JSON = "malformed_json"
"""A ``.json`` file or a JSON Lines line that does not parse."""
INVALID_RECORD = "invalid_record"
"""JSON that parses but is not an article record (not an object, no ``text``, wrong types, bad date)."""
NO_TEXT = "no_text"
"""An HTML page from which no main text could be extracted."""
UNSUPPORTED_LANGUAGE = "unsupported_language"
"""The text is confidently not English."""

ALL_CODES = (
    NOT_FOUND,
    UNREADABLE,
    UNSUPPORTED_FORMAT,
    EMPTY,
    BINARY,
    TOO_LARGE,
    UNDECODABLE,
    MALFORMED_JSON,
    INVALID_RECORD,
    NO_TEXT,
    UNSUPPORTED_LANGUAGE,
)


class ReadError(Exception):
    """A bad item, on its way to becoming an :class:`Article` with an error."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def failed_article(item_id: str, error: ReadError, **known: Any) -> Article:
    """The record for an item that could not be read: its id, what is known, and why.

    ``known`` holds whatever metadata was recovered (title, published, origin...);
    ``None`` values are dropped so the model's defaults apply.
    """
    fields = {key: value for key, value in known.items() if value is not None}
    fields.setdefault("text", "")
    return Article(id=item_id, error=ItemError(code=error.code, message=error.message), **fields)
