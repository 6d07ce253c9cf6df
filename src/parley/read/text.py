"""Plain-text articles, and the layout every reader gives ``Article.text``.

A ``.txt`` file is read as:

- line 1 (the first non-blank line): the headline, unless it is longer than
  :data:`MAX_HEADLINE_CHARS`, in which case the file has no headline and is all body;
- then the body, paragraphs one per line or separated by blank lines;
- a standfirst is recognised only when the body repeats it: when the first
  paragraph after the headline is repeated (see :func:`repeats`) by one of the
  next :data:`REPEAT_WINDOW` paragraphs, it is the standfirst. It is kept in
  ``Article.standfirst`` but not put in ``Article.text``, so it is not analysed
  twice. A second line that is not repeated is simply the first body paragraph:
  nothing in plain text reliably tells a standfirst from a lead paragraph.

``Article.text`` is always ``headline``, ``standfirst`` (when it is to be
analysed) and ``body`` joined by a blank line, and ``Article.sections`` gives
their character spans. The body is kept verbatim (line endings normalised,
surrounding whitespace removed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parley.model import Section

MAX_HEADLINE_CHARS = 300
"""A first line longer than this is a paragraph, not a headline."""

PREFIX_SHARE = 0.9
"""One text 'repeats' another when it is a prefix of it covering at least this share."""

REPEAT_WINDOW = 10
"""How many body paragraphs are searched for a repeated standfirst. Wire copy often
repeats it as the second or third paragraph, not the first (as the ceasefire example does)."""

SEPARATOR = "\n\n"

_SPACE = re.compile(r"\s+")
_TRAILING_PUNCT = re.compile(r"[\s.,;:!?…\"'”’»)\]-]+$")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass
class Composed:
    """The analysable text of one item and its parts."""

    text: str
    sections: list[Section] = field(default_factory=list)
    title: str | None = None
    standfirst: str | None = None


def normalise_for_compare(text: str) -> str:
    """Whitespace collapsed, trailing punctuation stripped, case folded."""
    return _TRAILING_PUNCT.sub("", _SPACE.sub(" ", text).strip()).casefold()


def repeats(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are the same paragraph, give or take a full stop.

    Compared after :func:`normalise_for_compare`; also true when one is a prefix
    of the other and at least :data:`PREFIX_SHARE` of its length (a standfirst
    trimmed by a few words).
    """
    a, b = normalise_for_compare(a), normalise_for_compare(b)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and len(short) >= PREFIX_SHARE * len(long)


def paragraphs(body: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of ``body``.

    Paragraphs are separated by blank lines when the body has any, otherwise one
    per line (the two conventions news text comes in).
    """
    spans: list[tuple[int, int]] = []
    separator = _BLANK_LINE if _BLANK_LINE.search(body) else re.compile(r"\n")
    start = 0
    for match in separator.finditer(body):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(body)))
    result = []
    for s, e in spans:
        chunk = body[s:e]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            result.append((s + lead, s + len(chunk.rstrip())))
    return result


def repeated_in_body(standfirst: str, body: str) -> bool:
    """True when one of the first :data:`REPEAT_WINDOW` paragraphs of ``body`` repeats ``standfirst``."""
    return any(repeats(standfirst, body[s:e]) for s, e in paragraphs(body)[:REPEAT_WINDOW])


def compose(headline: str | None, standfirst: str | None, body: str, *, analyse_standfirst: bool = True) -> Composed:
    """Join the parts into ``Article.text`` with their sections.

    Args:
        headline: the title, or None.
        standfirst: the standfirst, or None.
        body: the body, kept verbatim apart from surrounding whitespace.
        analyse_standfirst: False when the body already repeats the standfirst:
            it is then recorded but left out of the text.
    """
    parts: list[tuple[str, str]] = []
    headline = headline.strip() if headline else None
    standfirst = standfirst.strip() if standfirst else None
    if headline:
        parts.append(("headline", headline))
    if standfirst and analyse_standfirst:
        parts.append(("standfirst", standfirst))
    if body.strip():
        parts.append(("body", body.strip()))
    text, sections = "", []
    for kind, part in parts:
        if text:
            text += SEPARATOR
        sections.append(Section(kind=kind, span=(len(text), len(text) + len(part))))
        text += part
    return Composed(text=text, sections=sections, title=headline or None, standfirst=standfirst or None)


def parse_plain(text: str) -> Composed:
    """Split a plain-text article into headline, standfirst and body (see the module docstring).

    ``text`` has normalised line endings and is not blank.
    """
    text = text.strip()
    first, _, rest = text.partition("\n")
    if len(first.strip()) > MAX_HEADLINE_CHARS:
        return compose(None, None, text)
    rest = rest.strip()
    spans = paragraphs(rest)
    if len(spans) >= 2:
        lead = rest[spans[0][0] : spans[0][1]]
        body = rest[spans[1][0] :]
        if repeated_in_body(lead, body):
            return compose(first, lead, body, analyse_standfirst=False)
    return compose(first, None, rest)
