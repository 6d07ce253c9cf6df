"""Checks every input item passes before any reader parses it.

What is checked, in this order: the size limit (``too_large``), emptiness
(``empty``), NUL bytes or a high share of control characters (``binary``), and
the encoding (``undecodable``). Accepted encodings are UTF-8 (with or without a
byte-order mark), UTF-16 and UTF-32 *with* a byte-order mark, and, for HTML, the
charset the page declares. Nothing guesses other encodings: a Latin-1 file is
refused with a message saying so rather than read with wrong characters.

Line endings are normalised (``\\r\\n`` and a lone ``\\r`` become ``\\n``); no
other change is made to the text.
"""

from __future__ import annotations

import codecs
import io
import os
import re
from pathlib import Path

from parley.read.errors import BINARY, EMPTY, NOT_FOUND, TOO_LARGE, UNDECODABLE, UNREADABLE, ReadError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
"""Largest item read (5 MiB): a file, one JSON Lines line, or one ``text`` field."""

CONTROL_SHARE_LIMIT = 0.05
"""Text with more than this share of control characters (besides tab and line breaks) is binary."""

# Longest BOM first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Unicode category Cc (C0, DEL, C1) less tab, line feed, vertical tab, form feed, carriage return.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_BYTES = re.compile(b"[\x00-\x08\x0e-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n?")


def size_text(n: int) -> str:
    """A byte count for a message: '5 MiB', '12.3 KiB', '87 bytes'."""
    for unit, scale in (("MiB", 1024 * 1024), ("KiB", 1024)):
        if n >= scale:
            value = n / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"


def check_size(n_bytes: int, max_bytes: int, where: str) -> None:
    """Raise ``too_large`` when an item of ``n_bytes`` exceeds ``max_bytes``."""
    if n_bytes > max_bytes:
        raise ReadError(
            TOO_LARGE,
            f"{where} is {size_text(n_bytes)}, more than the limit of {size_text(max_bytes)} per item.",
        )


def read_file(path: Path, max_bytes: int, where: str) -> bytes:
    """The bytes of ``path``, reading at most ``max_bytes + 1`` of them.

    Raises ``not_found``, ``unreadable`` or ``too_large``; a file larger than the
    limit is never read whole.
    """
    try:
        size = path.stat().st_size
        check_size(size, max_bytes, where)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise ReadError(NOT_FOUND, f"{where} does not exist.") from None
    except IsADirectoryError:
        raise ReadError(UNREADABLE, f"{where} is a directory where a file was expected.") from None
    except OSError as exc:
        raise ReadError(UNREADABLE, f"{where} could not be read: {exc.strerror or exc}.") from None
    # The size can change between stat and read (a growing file, a pipe).
    check_size(len(data), max_bytes, where)
    return data


def read_stream(stream, max_bytes: int, where: str) -> bytes:
    """Up to ``max_bytes`` from a binary stream such as ``sys.stdin.buffer``."""
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise ReadError(UNREADABLE, f"{where} could not be read: {exc.strerror or exc}.") from None
    if len(data) > max_bytes:
        raise ReadError(TOO_LARGE, f"{where} is more than the limit of {size_text(max_bytes)} per item.")
    return data


def bom_encoding(data: bytes) -> str | None:
    """The codec named by a leading byte-order mark, or None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """True for bytes with a NUL (and no UTF-16/32 mark) or many control bytes."""
    encoding = bom_encoding(data)
    if encoding in ("utf-16", "utf-32"):
        return False
    if b"\x00" in data:
        return True
    sample = data[:65536]
    return bool(sample) and len(_CONTROL_BYTES.findall(sample)) / len(sample) > CONTROL_SHARE_LIMIT


def decode(data: bytes, where: str, *, declared: str | None = None) -> str:
    """Bytes to text, checked: raises ``empty``, ``binary`` or ``undecodable``.

    Args:
        data: the raw item.
        where: how messages name the item, e.g. ``"The file 'a.txt'"``.
        declared: an encoding the item itself declares (an HTML ``charset``),
            tried only when the bytes are not UTF-8.

    Returns:
        The text with line endings normalised to ``\\n``.
    """
    if not data.strip():
        raise ReadError(EMPTY, f"{where} is empty.")
    if looks_binary(data):
        raise ReadError(BINARY, f"{where} looks like a binary file, not text (it holds NUL or control bytes).")
    encoding = bom_encoding(data) or "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        text = _decode_declared(data, declared)
        if text is None:
            raise ReadError(
                UNDECODABLE,
                f"{where} is not valid {_codec_name(encoding)} (bad byte at offset {exc.start}); "
                "save it as UTF-8 and try again.",
            ) from None
    return check_text(text, where)


def check_text(text: str, where: str) -> str:
    """Checks for text that arrived already decoded (a JSON string): ``binary``, ``empty``.

    Returns the text with line endings normalised to ``\\n``.
    """
    if "\x00" in text or _control_share(text) > CONTROL_SHARE_LIMIT:
        raise ReadError(BINARY, f"{where} holds control characters, so it is not text.")
    if not text.strip():
        raise ReadError(EMPTY, f"{where} is empty (whitespace only).")
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` to ``\\n``."""
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def _control_share(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    return len(_CONTROL_CHARS.findall(sample)) / len(sample)


def _decode_declared(data: bytes, declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        return data.decode(declared)
    except (LookupError, UnicodeDecodeError):
        return None


def _codec_name(encoding: str) -> str:
    return {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}.get(encoding, encoding)


def describe_path(path: str | os.PathLike) -> str:
    """How messages name a file: ``The file 'news/a.txt'``."""
    return f"The file '{path}'"


class _Prefixed(io.RawIOBase):
    """A raw stream that gives ``head`` and then the rest of ``stream``."""

    def __init__(self, head: bytes, stream):
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        read = getattr(self._stream, "read1", self._stream.read)
        data = read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def prepend(head: bytes, stream) -> io.BufferedReader:
    """A buffered reader over ``head`` followed by ``stream`` (to put sniffed bytes back)."""
    return io.BufferedReader(_Prefixed(head, stream), buffer_size=1 << 16)
