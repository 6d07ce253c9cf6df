"""Printing scores as rich tables, and writing them as JSON (``--json FILE``).

Every table is preceded by a header stating the matching rules, so a figure pasted
elsewhere can be traced to how it was computed. Percentages are shown with one decimal;
"–" stands for a figure with nothing to count (e.g. precision with no predictions).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from rich.console import Console
from rich.table import Column, Table

from .matching import Counts, Rate
from .quotes import PolnearScores, QuoteScores

GOLD_HEADER = (
    "Quotes vs gold: a prediction matches a gold quote when their spans overlap by at least half "
    "of the shorter one (one to one, greedy by largest overlap); exact = same span once quote marks, "
    "spaces, final punctuation and a leading 'that' are trimmed. Speaker, channel and kind accuracy are over matched quotes; "
    "speaker names match through the gold actors' aliases, case- and accent-insensitively."
)
POLNEAR_HEADER = (
    "Quotes vs PolNeAR attributions ({annotators}): content matched by the half-of-shorter overlap rule "
    "(one to one); a source is right when the predicted speaker span overlaps the gold Source span, and a "
    "source true positive needs the content match too (predictions matched to source-less attributions are "
    "left out of source precision). 'speech' = attributions whose cue lemma is in the reporting_verbs.yaml "
    "speech list; predictions matched to or overlapping other attributions are left out of its precision."
)


def pct(value: Optional[float]) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def _prf_row(table: Table, label: str, counts: Counts) -> None:
    table.add_row(label, pct(counts.precision), pct(counts.recall), pct(counts.f1),
                  f"tp {counts.tp} fp {counts.fp} fn {counts.fn}")


def _rate_row(table: Table, label: str, rate: Rate) -> None:
    table.add_row(label, pct(rate.value), f"{rate.hits}/{rate.total}")


def print_gold(scores: QuoteScores, console: Console, *, title: str = "Quotes vs gold",
               per_article: Optional[list[tuple[str, QuoteScores]]] = None,
               problems: Optional[list[str]] = None) -> None:
    """The gold-format figures: matching, accuracies, speaker accuracy by surface kind."""
    console.print(f"[bold]{title}[/bold] ({scores.articles} articles)")
    console.print(GOLD_HEADER, style="dim")
    prf = Table("matching", "P", "R", "F1", Column("counts", no_wrap=True))
    _prf_row(prf, "quotes (overlap)", scores.quotes)
    _prf_row(prf, "quotes (exact span)", scores.exact)
    console.print(prf)
    acc = Table("over matched quotes", "%", "right/total")
    _rate_row(acc, "speaker accuracy", scores.speaker)
    for kind, rate in scores.speaker_by_surface.items():
        _rate_row(acc, f"  speaker, gold surface = {kind}", rate)
    _rate_row(acc, "channel accuracy (gold channel given)", scores.channel)
    _rate_row(acc, "channel given when gold is null", scores.channel_when_gold_null)
    _rate_row(acc, "kind accuracy (direct/indirect)", scores.kind)
    console.print(acc)
    if per_article:
        table = Table(Column("article", overflow="fold"), "gold", "pred", "P", "R", "F1", "speaker", "channel", "kind")
        for name, s in per_article:
            table.add_row(name, str(s.quotes.tp + s.quotes.fn), str(s.quotes.tp + s.quotes.fp),
                          pct(s.quotes.precision), pct(s.quotes.recall), pct(s.quotes.f1),
                          f"{s.speaker.hits}/{s.speaker.total}", f"{s.channel.hits}/{s.channel.total}",
                          f"{s.kind.hits}/{s.kind.total}")
        console.print(table)
    for problem in problems or []:
        console.print(f"[yellow]note[/yellow] {problem}")


def print_polnear(scores: PolnearScores, console: Console, *, annotators: str = "one annotator per file",
                  per_article: Optional[list[tuple[str, PolnearScores]]] = None,
                  notes: Optional[list[str]] = None) -> None:
    """The PolNeAR figures: content and source P/R/F1 for all and for speech attributions."""
    console.print(f"[bold]Quotes vs PolNeAR[/bold] ({scores.articles} articles, {scores.attributions} "
                  f"attributions, {scores.speech_attributions} with a speech cue, {scores.predictions} predicted quotes)")
    console.print(POLNEAR_HEADER.format(annotators=annotators), style="dim")
    table = Table("attributions", "figure", "P", "R", "F1", Column("counts", no_wrap=True))
    for label, subset in (("all", scores.all), ("speech", scores.speech)):
        _prf_row_with(table, label, "content (overlap)", subset.content)
        _prf_row_with(table, label, "content (exact)", subset.exact)
        _prf_row_with(table, label, "source", subset.source)
    console.print(table)
    acc = Table("over content matches with a gold Source", "%", "right/total")
    _rate_row(acc, "source right, all", scores.all.source_given_content)
    _rate_row(acc, "source right, speech", scores.speech.source_given_content)
    console.print(acc)
    if per_article:
        per = Table(Column("file", overflow="fold"), "attr", "speech", "pred", "content F1", "source F1", "speech content F1", "speech source F1")
        for name, s in per_article:
            per.add_row(name, str(s.attributions), str(s.speech_attributions), str(s.predictions),
                        pct(s.all.content.f1), pct(s.all.source.f1), pct(s.speech.content.f1), pct(s.speech.source.f1))
        console.print(per)
    for note in notes or []:
        console.print(f"[yellow]note[/yellow] {note}")


def _prf_row_with(table: Table, subset: str, label: str, counts: Counts) -> None:
    table.add_row(subset, label, pct(counts.precision), pct(counts.recall), pct(counts.f1),
                  f"tp {counts.tp} fp {counts.fp} fn {counts.fn}")


def write_json(path: Path, payload: dict) -> None:
    """All figures as indented JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
