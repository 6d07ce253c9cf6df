"""Event exports: Parley's events as a GDELT 2.0 event table or as PLOVER JSON objects.

``write_format(results, "gdelt" | "plover", sink)`` writes every event of the results and
returns how many rows (GDELT) or objects (PLOVER) it wrote. ``docs/export.md`` lists every
column and field and each deviation from the GDELT and PLOVER specifications.

This module also holds what both formats share: the stable event id, the CAMEO code split,
the quad class, the event's actors and the text cleaning for tab-separated output.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Iterable, Optional, TextIO

from ..model import Actor, ArticleResult, Event

FORMATS = ("gdelt", "plover")

# GDELT's QuadClass from the CAMEO root: 1 verbal cooperation, 2 material cooperation,
# 3 verbal conflict, 4 material conflict.
_QUAD_BY_ROOT = {**{r: 1 for r in range(1, 6)}, **{r: 2 for r in range(6, 9)},
                 **{r: 3 for r in range(9, 14)}, **{r: 4 for r in range(14, 21)}}
_DIGITS = re.compile(r"\d+")
_CONTROL = re.compile(r"[\t\r\n\v\f\x85\u2028\u2029]+")


def event_key(result: ArticleResult, event: Event) -> str:
    """A hex digest that is the same for the same event of the same article on every run.

    Built from the article id, the evidence span, the CAMEO code, the PLOVER type and the
    actors, so re-running an unchanged article gives the same ids and two events of one
    article differ as long as any of those differ.
    """
    parts = [result.id, f"{event.evidence[0]}:{event.evidence[1]}", event.cameo, event.plover.type,
             "|".join(actor_ids(event.source)), "|".join(actor_ids(event.target))]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def event_number(key: str, extra: str = "") -> int:
    """A positive integer below 2**60 from an event key (GDELT's ids are integers)."""
    digest = hashlib.sha1((key + extra).encode("utf-8")).hexdigest() if extra else key
    return int(digest[:15], 16)


def cameo_parts(code: str) -> tuple[str, str, str]:
    """``(EventCode, EventBaseCode, EventRootCode)`` the way GDELT writes them.

    A root-level code is written with a trailing zero as GDELT does ("04" -> "040", "040",
    "04"); a four-digit code keeps its three-digit base ("0441" -> "0441", "044", "04").
    """
    found = _DIGITS.search(code or "")
    digits = found.group() if found else ""
    if not digits:
        return ("", "", "")
    if len(digits) == 1:
        digits = digits.zfill(2)
    root = digits[:2]
    full = digits if len(digits) > 2 else root + "0"
    return (full, full[:3], root)


def quad_class(code: str) -> Optional[int]:
    """The GDELT/PLOVER quad class (1-4) of a CAMEO code, from its root; None if unknown."""
    root = cameo_parts(code)[2]
    return _QUAD_BY_ROOT.get(int(root)) if root else None


def actor_ids(ref) -> list[str]:
    """An event's source or target as a list of actor ids (compound actors keep their order)."""
    if ref is None:
        return []
    return [r for r in (ref if isinstance(ref, list) else [ref]) if r]


def actors_of(ref, actors: dict[str, Actor]) -> list[Optional[Actor]]:
    """The actors an event names; None for an id the article's actor list lacks."""
    return [actors.get(i) for i in actor_ids(ref)]


def clean(value) -> str:
    """A value as one line of text: None -> "", tabs and line breaks -> one space."""
    if value is None:
        return ""
    return _CONTROL.sub(" ", str(value)).strip()


def evidence_text(result: ArticleResult, event: Event) -> str:
    start, end = event.evidence
    return result.text[start:end]


def write_format(results: Iterable[ArticleResult], fmt: str, sink: TextIO) -> int:
    """Write the events of ``results`` to ``sink`` in ``fmt``; return the rows/objects written.

    ``"gdelt"``: tab-separated rows of the GDELT 2.0 event table, no header (GDELT files
    have none). ``"plover"``: one PLOVER JSON object per line. Failed results have no
    events and write nothing. Raises ValueError for any other format.
    """
    if fmt == "gdelt":
        from .gdelt import to_gdelt_rows

        n = 0
        for row in to_gdelt_rows(results):
            sink.write("\t".join(clean(v) for v in row) + "\n")
            n += 1
        return n
    if fmt == "plover":
        from .plover import to_plover_objects

        n = 0
        for obj in to_plover_objects(results):
            sink.write(json.dumps(obj, ensure_ascii=False) + "\n")
            n += 1
        return n
    raise ValueError(f"unknown export format {fmt!r}: expected one of {', '.join(FORMATS)}")
