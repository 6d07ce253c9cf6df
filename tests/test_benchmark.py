"""The throughput benchmark (benchmarks/throughput.py) and the bundled examples it falls back to.

The end-to-end test runs the script as a user would, in a subprocess, on two bundled
examples; it skips while Parley's reader or analyser cannot be imported. The other tests
check the script's bookkeeping and the examples' shape without loading spaCy.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "throughput.py"
EXAMPLES = ROOT / "examples"


def load_script():
    """The benchmark script as a module (it is not part of the installed package)."""
    spec = importlib.util.spec_from_file_location("parley_throughput", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def require_parley():
    try:
        from parley.analyse import Analyzer  # noqa: F401
        from parley.read import read_inputs  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"Parley's Analyzer or read_inputs cannot be imported yet ({exc}); the benchmark has nothing to time")


@pytest.mark.slow
def test_benchmark_measures_both_modes(tmp_path):
    require_parley()
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--input", str(EXAMPLES), "--limit", "2", "--modes", "bare,parley", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, f"benchmark failed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    report = json.loads(out.read_text(encoding="utf-8"))

    assert set(report["modes"]) == {"bare", "parley"}
    bare, parley = report["modes"]["bare"], report["modes"]["parley"]
    for figures in (bare, parley):
        assert figures["articles"] == 2
        assert figures["failed"] == 0, figures["errors"]
        assert figures["articles_per_s"] > 0
        assert figures["chars_per_s"] > 0
        assert figures["peak_rss_mb"] > 0
        # the peak includes the loaded model, so it cannot be below the after-load RSS
        assert figures["peak_rss_mb"] >= figures["loaded_rss_mb"] > 0
    # both modes timed exactly the same texts
    assert bare["chars"] == parley["chars"] > 0
    assert report["ratio"]["articles_per_s"] == pytest.approx(parley["articles_per_s"] / bare["articles_per_s"])
    assert bare["workers"] == parley["workers"] == 1
    assert report["batch_size"] == 16
    assert len(report["load_average"]) == 3


def test_input_files_skips_sidecars_and_other_files(tmp_path):
    bench = load_script()
    for name in ("b.txt", "b.meta.json", "a.jsonl", "notes.md", "c.HTML"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub.txt").mkdir()
    assert [Path(p).name for p in bench.input_files(tmp_path)] == ["a.jsonl", "b.txt", "c.HTML"]


def test_best_of_takes_fastest_run_and_largest_peak():
    bench = load_script()
    runs = [
        {"seconds": 3.0, "articles_per_s": 1.0, "peak_rss_mb": 400.0},
        {"seconds": 2.0, "articles_per_s": 1.5, "peak_rss_mb": 380.0},
        {"seconds": 4.0, "articles_per_s": 0.75, "peak_rss_mb": 410.0},
    ]
    best = bench.best_of(runs)
    assert best["seconds"] == 2.0 and best["articles_per_s"] == 1.5
    assert best["peak_rss_mb"] == 410.0
    assert best["runs_seconds"] == [3.0, 2.0, 4.0]


def test_ratios_are_parley_over_bare():
    bench = load_script()
    modes = {
        "bare": {"articles_per_s": 10.0, "peak_rss_mb": 200.0},
        "parley": {"articles_per_s": 7.5, "peak_rss_mb": 300.0},
    }
    ratio = bench.ratios(modes)
    assert ratio["articles_per_s"] == pytest.approx(0.75)
    assert ratio["peak_rss_mb"] == pytest.approx(1.5)
    assert bench.ratios({"bare": modes["bare"]}) == {}


def test_unknown_mode_is_refused(capsys):
    bench = load_script()
    assert bench.main(["--input", str(EXAMPLES), "--modes", "bare,fast"]) == 2
    assert "fast" in capsys.readouterr().err


# --- the bundled examples -----------------------------------------------------------------

EXAMPLE_TEXTS = sorted(EXAMPLES.glob("*.txt"))


def test_there_are_at_least_four_examples_and_nothing_else():
    assert len(EXAMPLE_TEXTS) >= 4
    for path in EXAMPLES.iterdir():
        assert path.is_file(), f"examples/ must stay flat: {path.name}"
        assert path.name.endswith((".txt", ".meta.json")), f"unexpected file in examples/: {path.name}"


@pytest.mark.parametrize("path", EXAMPLE_TEXTS, ids=lambda p: p.stem)
def test_example_shape_and_sidecar(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(line.strip() for line in lines), "one paragraph per line, no blank lines"
    headline, body = lines[0], lines[1:]
    assert len(headline) < 200 and not headline.endswith(".")
    words = sum(len(line.split()) for line in body)
    assert 300 <= words <= 600, f"{words} words of body"

    meta = json.loads(path.with_name(path.stem + ".meta.json").read_text(encoding="utf-8"))
    assert set(meta) <= {"id", "published", "source", "url", "note"}
    assert meta["id"] == path.stem
    assert dt.date.fromisoformat(meta["published"]).year in (2025, 2026)
    assert meta["source"]
    assert "illustrative" in meta["note"].lower()


def test_one_example_repeats_its_standfirst_as_first_paragraph():
    # The wire habit Parley's plain-text reader must recognise (see read/text.py).
    assert any(lines[1] == lines[2] for lines in (p.read_text(encoding="utf-8").splitlines() for p in EXAMPLE_TEXTS))


def test_ratios_compare_same_worker_counts_and_speedups():
    bench = load_script()
    modes = {
        "bare": {"articles_per_s": 4.0, "articles_per_cpu_s": 4.0, "peak_rss_mb": 500.0},
        "bare2": {"articles_per_s": 7.0, "articles_per_cpu_s": 3.5, "peak_rss_mb": 480.0},
        "parley": {"articles_per_s": 2.0, "articles_per_cpu_s": 2.0, "peak_rss_mb": 600.0},
        "parley2": {"articles_per_s": 3.5, "articles_per_cpu_s": 1.75, "peak_rss_mb": 600.0},
    }
    ratio = bench.ratios(modes)
    assert ratio["articles_per_cpu_s"] == pytest.approx(0.5)
    assert ratio["same_workers"]["parley2/bare2"]["articles_per_s"] == pytest.approx(0.5)
    assert ratio["same_workers"]["parley2/bare2"]["peak_rss_mb"] == pytest.approx(1.25)
    assert ratio["speedup"]["parley2/parley"] == pytest.approx(1.75)
    assert ratio["speedup"]["bare2/bare"] == pytest.approx(1.75)
    assert "ray2/bare2" not in ratio["same_workers"]  # not measured, not invented


def test_live_workers_reads_a_childs_own_peak(tmp_path):
    bench = load_script()
    if not Path("/proc/self/status").exists():
        pytest.skip("needs Linux /proc")
    marker = f"bench-marker-{tmp_path.name}"
    child = subprocess.Popen([sys.executable, "-c", "import sys,time; b = bytearray(60 * 2**20); time.sleep(30)", marker])
    try:
        for _ in range(100):
            found = bench.live_workers(marker)
            if found and max(peak for peak, _ in found.values()) > 60:
                break
            import time

            time.sleep(0.1)
        assert list(found) == [child.pid]
        assert found[child.pid][0] > 60  # its own 60 MB buffer, in MB
    finally:
        child.kill()
        child.wait()
