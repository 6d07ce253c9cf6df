"""Quotation marks: which stretches of a paragraph are quoted, robust to stray marks.

What is found: the content between paired double marks (curly, straight, guillemets,
low-9), per paragraph, with the news convention that a quotation running over paragraphs
opens each one and closes only at its end; single curly marks (‘...’) in paragraphs with no
double marks, as in headlines in British style, and as the quotation marks of a whole text
written in British house style (‘...’ outside, “...” nested). An unbalanced mark never swallows more
than the rest of its own paragraph.

What is not: speakers and cues (``quotes.py``), nor apostrophes or primes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
DOUBLE_MARKS = OPENING + CLOSING + STRAIGHT + "‟"
# ‘Single quotes’ only when they open after a non-letter and close before one.
_SINGLE = re.compile(r"(?<![\w’'])‘((?:[^‘’]|’(?=\w))*?\w(?:[^‘’]|’(?=\w))*?)’(?!\w)")
_TRIM = " \t,;:"


@dataclass(frozen=True)
class QuotedSpan:
    """The content of one quotation inside one paragraph (marks excluded)."""

    start: int
    end: int
    continues: bool = False  # runs on into the next paragraph
    continued: bool = False  # carried over from the previous paragraph
    balanced: bool = True


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the non-empty lines of ``text``."""
    found = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            found.append((start, end))
        start = end + 1
    return found


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _double_marks(text: str, start: int, end: int) -> list[int]:
    return [i for i in range(start, end) if text[i] in DOUBLE_MARKS]


def _starts_with_opening(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].lstrip()
    return bool(stripped) and stripped[0] in OPENING + STRAIGHT


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quoted stretch of ``text``, in order, one per paragraph it covers."""
    if _single_marks_lead(text):
        return _single_primary(text)
    spans: list[QuotedSpan] = []
    paras = paragraphs(text)
    carried = False
    for index, (p_start, p_end) in enumerate(paras):
        marks = _double_marks(text, p_start, p_end)
        if not marks:
            if carried:  # the previous paragraph promised a continuation that never opened
                carried = False
            spans.extend(_single_quoted(text, p_start, p_end))
            continue
        open_at = None
        if carried and not _starts_with_opening(text, p_start, p_end):
            carried = False
        continued_here = carried
        for position in marks:
            char = text[position]
            if open_at is None:
                if char in CLOSING and not spans_open_possible(text, position):
                    continue  # a closing mark with nothing open: stray, ignore it
                open_at = position
            elif char in OPENING and char != STRAIGHT and text[open_at] in OPENING:
                # Two curly openings in a row: the first was stray.
                open_at = position
            else:
                s, e = _strip(text, open_at + 1, position)
                if e > s:
                    spans.append(QuotedSpan(s, e, continued=continued_here and not spans_in(spans, p_start)))
                open_at = None
        carried = False
        if open_at is not None:
            next_opens = index + 1 < len(paras) and _starts_with_opening(text, *paras[index + 1])
            s, e = _strip(text, open_at + 1, p_end)
            if e > s:
                spans.append(
                    QuotedSpan(s, e, continues=next_opens, continued=continued_here and not spans_in(spans, p_start),
                               balanced=next_opens)
                )
            carried = next_opens
    return spans


def spans_open_possible(text: str, position: int) -> bool:
    """A closing curly mark at a word start is used as an opening one by some writers."""
    return position + 1 < len(text) and not text[position + 1].isspace() and (position == 0 or text[position - 1].isspace())


def spans_in(spans: list[QuotedSpan], start: int) -> bool:
    return any(s.start >= start for s in spans)


# A mark opening a quotation: at a paragraph start or after white space.
_SINGLE_OPENING_AT = re.compile(r"(?:^|(?<=\s))‘", re.M)
_DOUBLE_OPENING_AT = re.compile(r"(?:^|(?<=\s))[“\"]", re.M)


def _single_marks_lead(text: str) -> bool:
    """British house style: quotations open with ‘ and nest “...” inside, so single
    marks open more quotations than double ones do."""
    singles = len(_SINGLE_OPENING_AT.findall(text))
    return singles >= 2 and singles > len(_DOUBLE_OPENING_AT.findall(text))


def _single_closes(text: str, position: int, p_end: int) -> bool:
    """A ’ that can close a quotation: not an apostrophe inside a word ("won’t"), and not a
    plural possessive before its noun ("the protesters’ demands") when another ’ closes
    the quotation later, before any new one opens."""
    after = text[position + 1] if position + 1 < p_end else " "
    if after.isalnum():
        return False
    possessive = text[position - 1] == "s" and text[position + 1 : position + 3][1:2].isalpha() and after == " "
    if not possessive:
        return True
    for i in range(position + 1, p_end):
        if text[i] == "‘" and not text[i - 1].isalnum():
            return True  # a new quotation opens: this mark closed the last one
        if text[i] == "’" and _single_closes(text, i, p_end):
            return False
    return True


def _single_primary(text: str) -> list[QuotedSpan]:
    """Quotations in single marks, paired per paragraph like double ones: a quotation left
    open at a paragraph's end continues when the next paragraph opens with ‘."""
    spans: list[QuotedSpan] = []
    paras = paragraphs(text)
    carried = False
    for index, (p_start, p_end) in enumerate(paras):
        continued_here = carried and text[p_start:p_end].lstrip().startswith("‘")
        carried = False
        open_at = None
        for position in range(p_start, p_end):
            char = text[position]
            if char == "‘" and (position == p_start or not text[position - 1].isalnum()):
                if open_at is None:
                    open_at = position
            elif char == "’" and open_at is not None and _single_closes(text, position, p_end):
                s, e = _strip(text, open_at + 1, position)
                if e > s:
                    spans.append(QuotedSpan(s, e, continued=continued_here and not spans_in(spans, p_start)))
                open_at = None
        if open_at is not None:
            next_opens = index + 1 < len(paras) and text[paras[index + 1][0]:paras[index + 1][1]].lstrip().startswith("‘")
            s, e = _strip(text, open_at + 1, p_end)
            if e > s:
                spans.append(QuotedSpan(s, e, continues=next_opens, continued=continued_here and not spans_in(spans, p_start),
                                        balanced=next_opens))
            carried = next_opens
    return spans


def _single_quoted(text: str, start: int, end: int) -> list[QuotedSpan]:
    found = []
    for match in _SINGLE.finditer(text, start, end):
        s, e = _strip(text, match.start(1), match.end(1))
        if len(text[s:e].split()) >= 2:
            found.append(QuotedSpan(s, e))
    return found
