"""Reading gold annotations in Parley's gold format (``../shared/gold-format.md``).

One JSON object per article, in ``.json`` files (an object, or a list of objects) or
``.jsonl`` files (one object per line); directories are searched recursively. Gold items
carry no offsets: each quote's ``text`` is an exact substring of the article ``text``, and
:func:`locate` finds it. When a substring occurs several times, the occurrence at or after
the previous quote's start is taken (gold quotes are listed in reading order), else the
first. A substring that is not found verbatim is searched again with quote marks, dashes
and white space made uniform; one still not found is kept with ``span=None`` (it counts
as missed) and listed in :attr:`GoldArticle.problems`.

:meth:`GoldArticle.to_article` builds the :class:`~parley.model.Article` that Parley
analyses: ``title + "\\n\\n" + text`` with a headline and a body section when a title is
given, else the text alone. ``body_offset`` maps a predicted span back to gold offsets.

Only what the scorers read is typed (actors and quotes); claims, demands and events stay as
the raw dicts in :attr:`GoldArticle.raw` for their scorers.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..model import Article, Section
from .matching import Span, fold

SEPARATOR = "\n\n"


@dataclass
class GoldActor:
    name: str
    aliases: list[str] = field(default_factory=list)
    country: Optional[str] = None
    type: Optional[str] = None


@dataclass
class GoldQuote:
    speaker: Optional[str]
    text: str
    kind: Optional[str]
    channel: Optional[str] = None
    speaker_surface: Optional[str] = None
    span: Optional[Span] = None  # offsets in the gold ``text``; None when not found


@dataclass
class GoldArticle:
    id: str
    text: str
    title: Optional[str] = None
    published: Optional[dt.date] = None
    source: Optional[str] = None
    actors: list[GoldActor] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)
    origin: str = ""
    raw: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def names_of(self, name: Optional[str]) -> set[str]:
        """``name`` and the aliases of every gold actor whose name or alias it equals (folded)."""
        if not name:
            return set()
        key = fold(name)
        names = {name}
        for actor in self.actors:
            forms = [actor.name, *actor.aliases]
            if any(fold(form) == key for form in forms):
                names.update(forms)
        return names

    @property
    def body_offset(self) -> int:
        """Where the gold ``text`` starts in the analysed text (see :meth:`to_article`)."""
        return len(self.title) + len(SEPARATOR) if self.title else 0

    def to_article(self) -> Article:
        """The article Parley analyses for this gold item (the body is kept verbatim)."""
        if self.title:
            text = self.title + SEPARATOR + self.text
            sections = [Section(kind="headline", span=(0, len(self.title))),
                        Section(kind="body", span=(self.body_offset, len(text)))]
        else:
            text = self.text
            sections = [Section(kind="body", span=(0, len(text)))]
        return Article(id=self.id, text=text, title=self.title, published=self.published,
                       source=self.source, origin=self.origin, sections=sections, language="en")


# Characters made uniform by the fallback search: typographic quotes and dashes differ
# between a gold file typed by hand and the article it was copied from.
_UNIFORM = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})
_SPACE_RUN = re.compile(r"\s+")


def locate(text: str, fragment: str, after: int = 0) -> Optional[Span]:
    """The span of ``fragment`` in ``text``: the occurrence at or after ``after``, else the first.

    Falls back to a search with uniform quote marks, dashes and white space. None if absent.
    """
    fragment = fragment.strip()
    if not fragment:
        return None
    start = text.find(fragment, after)
    if start < 0:
        start = text.find(fragment)
    if start >= 0:
        return (start, start + len(fragment))
    return _locate_loosely(text, fragment, after)


def _locate_loosely(text: str, fragment: str, after: int) -> Optional[Span]:
    # Normalise the text keeping a map from each normalised character to its original offset.
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text.translate(_UNIFORM)):
        if ch.isspace():
            if chars and chars[-1] == " ":
                continue
            ch = " "
        chars.append(ch)
        origin.append(i)
    flat = "".join(chars)
    needle = _SPACE_RUN.sub(" ", fragment.translate(_UNIFORM)).strip()
    begin = next((k for k, o in enumerate(origin) if o >= after), len(origin))
    found = flat.find(needle, begin)
    if found < 0:
        found = flat.find(needle)
    if found < 0:
        return None
    return (origin[found], origin[found + len(needle) - 1] + 1)


def _date(value) -> Optional[dt.date]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def parse_gold(obj: dict, origin: str = "") -> GoldArticle:
    """One gold article from its JSON object; quote spans located in its text."""
    text = obj.get("text") or ""
    actors = [GoldActor(name=a.get("name") or "", aliases=list(a.get("aliases") or []),
                        country=a.get("country"), type=a.get("type"))
              for a in obj.get("actors") or [] if isinstance(a, dict)]
    article = GoldArticle(id=str(obj.get("id") or origin), text=text, title=(obj.get("title") or None),
                          published=_date(obj.get("published")), source=obj.get("source"),
                          actors=actors, origin=origin, raw=obj)
    previous = 0
    for q in obj.get("quotes") or []:
        quote = GoldQuote(speaker=q.get("speaker"), text=q.get("text") or "", kind=q.get("kind"),
                          channel=q.get("channel"), speaker_surface=q.get("speaker_surface"))
        quote.span = locate(text, quote.text, previous)
        if quote.span is None:
            article.problems.append(f"quote not found in text: {quote.text[:60]!r}")
        else:
            previous = quote.span[0]
        article.quotes.append(quote)
    return article


def gold_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """The ``.json`` and ``.jsonl`` files named, or found (sorted, recursively) in folders named."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in (".json", ".jsonl") and p.is_file())
        elif path.is_file():
            yield path
        else:
            raise FileNotFoundError(f"no such gold file or folder: {path}")


def read_gold(paths: Iterable[Path | str]) -> list[GoldArticle]:
    """Every gold article in the files and folders given, in file order."""
    articles = []
    for path in gold_files(paths):
        content = path.read_text(encoding="utf-8")
        if path.suffix == ".jsonl":
            for line_no, line in enumerate(content.splitlines(), start=1):
                if line.strip():
                    articles.append(parse_gold(json.loads(line), origin=f"{path}:{line_no}"))
        else:
            data = json.loads(content)
            items = data if isinstance(data, list) else [data]
            for k, obj in enumerate(items):
                origin = str(path) if len(items) == 1 else f"{path}[{k}]"
                articles.append(parse_gold(obj, origin=origin))
    return articles
