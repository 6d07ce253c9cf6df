"""HTML pages (``.html``, ``.htm``): the main text, without navigation, footers or scripts.

trafilatura finds the article body and the page metadata. What is taken:

- the body: trafilatura's main text, one paragraph per line. When its first line
  repeats the title (the page's ``<h1>``), that line is dropped so the headline
  is not analysed twice;
- the title (``og:title``, ``<title>`` or ``<h1>``, as trafilatura chooses);
- the publication date (``article:published_time`` and other date metadata;
  trafilatura's search of the running text for dates is switched off, since a
  date named in the story is not the date it was published);
- the site name as ``source`` and the canonical URL as ``url``;
- the page description as ``standfirst`` only when one of the body's first
  paragraphs repeats it (then, as for text files, it is recorded but not analysed twice).

What is not taken: comments, tables of related links, image captions when
trafilatura leaves them out, the author. A page from which nothing can be
extracted gives the error ``no_text``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from typing import Any

from parley.read.errors import NO_TEXT, ReadError
from parley.read.text import Composed, compose, paragraphs, repeated_in_body, repeats

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its start, or None."""
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


@lru_cache(maxsize=2)
def _config(low_threshold: bool):
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    if low_threshold:
        # Second try for short pages: below min_extracted_size trafilatura
        # otherwise discards what it found.
        config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    return config


def extract(html: str) -> dict[str, Any] | None:
    """trafilatura's JSON result for a page (text and metadata), or None when it finds no text."""
    import trafilatura

    for low_threshold in (False, True):
        try:
            result = trafilatura.extract(
                html,
                output_format="json",
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                config=_config(low_threshold),
            )
        except Exception:  # noqa: BLE001 - a third-party parser on untrusted input: any failure means "no text"
            result = None
        if result:
            record = json.loads(result)
            if (record.get("text") or "").strip():
                return record
    return None


def parse_html(html: str, where: str) -> tuple[Composed, dict[str, Any]]:
    """The analysable text of a page and its metadata.

    Args:
        html: the decoded page.
        where: how messages name the page.

    Returns:
        The composed text, and a dict with ``published`` (a date), ``source``
        and ``url`` where the page gave them.

    Raises:
        ReadError: ``no_text`` when no main text could be extracted.
    """
    record = extract(html)
    if record is None:
        raise ReadError(NO_TEXT, f"{where} is HTML, but no article text could be extracted from it.")
    title = (record.get("title") or "").strip() or None
    body = record["text"].strip()
    spans = paragraphs(body)
    if title and len(spans) > 1 and repeats(title, body[spans[0][0] : spans[0][1]]):
        body = body[spans[1][0] :]
    description = (record.get("excerpt") or record.get("description") or "").strip()
    standfirst = description if description and repeated_in_body(description, body) else None
    composed = compose(title, standfirst, body, analyse_standfirst=False)
    meta: dict[str, Any] = {
        "published": _date(record.get("date")),
        "source": record.get("source-hostname") or record.get("sitename") or None,
        "url": record.get("source") or record.get("url") or None,
    }
    return composed, meta


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
