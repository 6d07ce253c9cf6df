"""Ingest inputs the file readers do not take: RSS/Atom feeds and WARC archives.

- A feed (a ``.rss``/``.atom``/``.xml`` file, or an ``http(s)://`` URL) is parsed by
  feedparser; each entry becomes one article: its title as headline, its summary as
  standfirst, its longest ``content`` (or the summary) as body, HTML stripped, its link as
  URL and its published/updated date. Fetching a feed URL is the one network access, and
  only when the user names one.
- A ``.warc``/``.warc.gz`` file is read by :func:`parley.scale.shards.read_shard` (each
  HTML response through the HTML reader).
- Anything else goes to :func:`parley.read.read_inputs` (files, folders, JSON/JSONL, stdin).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..model import Article, ItemError

FEED_SUFFIXES = (".rss", ".atom", ".xml")
WARC_SUFFIXES = (".warc", ".warc.gz")
_TAG = re.compile(r"<[^>]+>")


def is_feed(item: str) -> bool:
    return item.startswith(("http://", "https://")) or item.lower().endswith(FEED_SUFFIXES)


def is_warc(item: str) -> bool:
    return item.lower().endswith(WARC_SUFFIXES)


def _plain(fragment: Optional[str]) -> str:
    if not fragment:
        return ""
    text = _TAG.sub(" ", fragment.replace("</p>", "\n\n").replace("<br>", "\n"))
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in html.unescape(text).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _entry_date(entry) -> Optional[dt.date]:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None


def read_feed(item: str, *, published: Optional[dt.date] = None, force_language: bool = False) -> Iterator[Article]:
    """One article per feed entry; one error article when the feed cannot be read."""
    import feedparser

    from ..read import finish
    from ..read.text import compose

    parsed = feedparser.parse(item)
    stem = Path(item).stem if not item.startswith("http") else item
    if parsed.get("bozo") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        yield Article(id=stem, text="", origin=item, error=ItemError(code="unreadable", message=f"'{item}' is not a readable RSS/Atom feed: {reason}"))
        return
    feed_title = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        contents = [c.get("value", "") for c in entry.get("content", [])]
        summary = _plain(entry.get("summary"))
        body = _plain(max(contents, key=len)) if contents else summary
        standfirst = summary if contents and summary and summary not in body else None
        item_id = entry.get("id") or entry.get("link") or f"{stem}:{number}"
        if not body.strip():
            yield Article(id=item_id, text="", url=entry.get("link"), origin=f"{item}:{number}",
                          error=ItemError(code="empty", message=f"Entry {number} of '{item}' has no text."))
            continue
        composed = compose(entry.get("title"), standfirst, body)
        article = Article(
            id=item_id, text=composed.text, title=composed.title, standfirst=standfirst, sections=composed.sections,
            published=_entry_date(entry), source=feed_title, url=entry.get("link"), origin=f"{item}:{number}",
        )
        yield finish(article, published=published, force_language=force_language)


def read_sources(
    inputs: Iterable[str], *, published: Optional[dt.date] = None, force_language: bool = False, max_bytes: Optional[int] = None
) -> Iterator[Article]:
    """Every article of every input, feeds and WARC files included, in order."""
    from ..read import DEFAULT_MAX_BYTES, read_inputs
    from ..scale.shards import read_shard

    limit = max_bytes or DEFAULT_MAX_BYTES
    for item in inputs:
        if is_warc(item):
            yield from read_shard(item, published=published, force_language=force_language, max_bytes=limit)
        elif is_feed(item):
            yield from read_feed(item, published=published, force_language=force_language)
        else:
            yield from read_inputs([item], published=published, force_language=force_language, max_bytes=limit)
