"""Reading PolNeAR's attributions, stored as brat standoff (``.ann`` beside a ``.txt``).

A PolNeAR folder (``dev/``, ``train/``) holds ``text/NAME.txt`` and
``attributions/NAME_ANNOTATOR.ann``. In an ``.ann`` file:

- ``T`` lines are text-bound spans: ``T3<TAB>Content 115 290<TAB>the text``. A span may be
  discontinuous (``315 448;463 553``): it is kept as a tuple of pieces.
- ``E`` lines tie one attribution together:
  ``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``. The first role is the anchor
  (``Attribution`` or ``Attribution-no-source``); the others are ``Source``, ``Cue`` and
  ``Content``. A numbered role (``Content2``) adds its pieces to the role of the same name.
- Other lines (``#`` annotator notes, ``A``/``R`` lines, continuation lines of a span text
  with a line break) are ignored.

When a file has several annotators' versions, the first in sorted file-name order is used
and the others are listed in :attr:`PolnearSet.notes`. Publication dates come from
``metadata.tsv`` in the folder's parent when the file name is listed there.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .matching import Span

_ANNOTATOR = re.compile(r"^(?P<name>.+)_(?P<annotator>[0-9a-fA-F]{4})$")


@dataclass
class BratSpan:
    id: str
    label: str
    pieces: tuple[Span, ...]
    text: str = ""


@dataclass
class Attribution:
    """One attribution: who (source), through which words (cue), said or thought what (content)."""

    id: str
    content: Optional[BratSpan]
    cue: Optional[BratSpan] = None
    source: Optional[BratSpan] = None
    anchor: str = "Attribution"


@dataclass
class BratDocument:
    name: str
    text: str
    annotator: Optional[str] = None
    published: Optional[dt.date] = None
    attributions: list[Attribution] = field(default_factory=list)


@dataclass
class PolnearSet:
    documents: list[BratDocument]
    notes: list[str] = field(default_factory=list)


def _pieces(offsets: str) -> tuple[Span, ...]:
    parts = []
    for piece in offsets.split(";"):
        start, end = piece.split()
        parts.append((int(start), int(end)))
    return tuple(parts)


def parse_ann(content: str) -> list[Attribution]:
    """The attributions of one ``.ann`` file's content (see the module docstring)."""
    spans: dict[str, BratSpan] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in content.splitlines():
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0]:
            continue
        key = fields[0]
        if key.startswith("T") and len(fields) >= 2:
            label, _, offsets = fields[1].partition(" ")
            try:
                spans[key] = BratSpan(key, label, _pieces(offsets), fields[2] if len(fields) > 2 else "")
            except ValueError:
                continue  # a malformed span line: skipped rather than failing the file
        elif key.startswith("E"):
            roles = [tuple(arg.split(":", 1)) for arg in fields[1].split() if ":" in arg]
            events.append((key, roles))  # type: ignore[arg-type]
    attributions = []
    for event_id, roles in events:
        if not roles:
            continue
        anchor = roles[0][0]
        parts: dict[str, BratSpan] = {}
        for role, span_id in roles[1:]:
            span = spans.get(span_id)
            if span is None:
                continue
            base = role.rstrip("0123456789")
            if base in parts:  # Content2: more pieces of the same role
                known = parts[base]
                parts[base] = BratSpan(known.id, known.label, tuple(sorted(known.pieces + span.pieces)),
                                       f"{known.text} {span.text}")
            else:
                parts[base] = span
        attributions.append(Attribution(id=event_id, content=parts.get("Content"), cue=parts.get("Cue"),
                                        source=parts.get("Source"), anchor=anchor))
    return attributions


def read_metadata(path: Path) -> dict[str, dt.date]:
    """File name -> publication date, from PolNeAR's ``metadata.tsv`` (empty if absent)."""
    if not path.is_file():
        return {}
    dates = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            try:
                dates[row["filename"]] = dt.date.fromisoformat(row["publication_date"])
            except (KeyError, TypeError, ValueError):
                continue
    return dates


def read_polnear(folder: Path | str, limit: Optional[int] = None) -> PolnearSet:
    """The documents of a PolNeAR split folder, one annotator's version each, in name order."""
    folder = Path(folder)
    ann_dir, text_dir = folder / "attributions", folder / "text"
    if not ann_dir.is_dir() or not text_dir.is_dir():
        raise FileNotFoundError(f"{folder} has no attributions/ and text/ folders")
    dates = read_metadata(folder.parent / "metadata.tsv")
    versions: dict[str, list[tuple[Path, Optional[str]]]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        m = _ANNOTATOR.match(ann.stem)
        name, annotator = (m["name"], m["annotator"]) if m else (ann.stem, None)
        versions.setdefault(name, []).append((ann, annotator))
    result = PolnearSet(documents=[])
    for name in sorted(versions):
        if limit is not None and len(result.documents) >= limit:
            break
        chosen, annotator = versions[name][0]
        if len(versions[name]) > 1:
            others = ", ".join(a or p.name for p, a in versions[name][1:])
            result.notes.append(f"{name}: {len(versions[name])} annotators' versions; used {annotator}, not {others}")
        text_path = text_dir / f"{name}.txt"
        if not text_path.is_file():
            result.notes.append(f"{name}: no text file, skipped")
            continue
        # newline="" keeps \r\n as two characters: brat offsets count every character.
        with text_path.open(encoding="utf-8", newline="") as handle:
            text = handle.read()
        result.documents.append(BratDocument(
            name=name, text=text, annotator=annotator, published=dates.get(name),
            attributions=parse_ann(chosen.read_text(encoding="utf-8"))))
    return result
