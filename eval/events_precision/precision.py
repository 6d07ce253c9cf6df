"""Precision of the event coder, judged by hand on a sample of PolNeAR dev texts.

Two steps:

``draw``  analyses every text of a folder, lists every coded event with the paragraph it
          came from, ranks them by a hash of where they are (article and evidence span,
          salted with a fixed seed) and writes the first N to a JSONL file for judging.
          Ranking by place rather than shuffling the list keeps the same sentences in
          the sample when the coder changes elsewhere. A verdict already given to the same event (same article,
          evidence, codes, actors and modality) in an earlier judged file is carried
          over, so re-drawing after a change to the coder only asks about what changed.
          ``--exclude FILE...`` skips events already judged in those files (same article,
          evidence and PLOVER type), so a new sample measures events no model was trained on.
``score`` reads a judged file and prints precision with a 95% Wilson interval, overall
          and by PLOVER type, and the reasons given for rejections, counted.
``recheck`` re-analyses the articles of judged files with the current code and says, for
          every judged row, whether it is still coded and kept, dropped by a reliability
          check (``parley.extract.event_checks``; which one), or no longer coded at all.
          Per check it counts the false rows dropped (gains) and the true ones (losses),
          and estimates precision on the rows that remain.

How to judge: see README.md in this folder.

Run from the repository root::

    .venv/bin/python eval/events_precision/precision.py draw --out eval/events_precision/sample.jsonl
    .venv/bin/python eval/events_precision/precision.py score eval/events_precision/sample.jsonl
    .venv/bin/python eval/events_precision/precision.py recheck eval/events_precision/sample.jsonl eval/events_precision/sample2.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import hashlib
import math
import sys
from collections import Counter
from pathlib import Path
from typing import Optional

DEFAULT_TEXTS = Path(__file__).resolve().parents[3] / "shared" / "data" / "polnear" / "dev" / "text"
SEED = 20240
REASONS = ("not_an_event", "wrong_type", "wrong_source", "wrong_target", "wrong_modality", "duplicate")


def event_rows(folder: Path) -> list[dict]:
    """Every event Parley codes in the texts of ``folder``, with its paragraph, in file order."""
    from parley.analyse import Analyzer
    from parley.read import article_from_text

    articles = []
    for path in sorted(folder.glob("*.txt")):
        article = article_from_text(path.read_text(encoding="utf-8"), published=_published(path.name))
        articles.append(article.model_copy(update={"id": path.stem}))
    rows = []
    for result in Analyzer().analyse(articles):
        names = {actor.id: actor.name for actor in result.actors}
        for event in result.events:
            start, end = event.evidence
            rows.append(
                {
                    "article": result.id,
                    "evidence": result.text[start:end],
                    "span": [start, end],
                    "paragraph": _paragraph(result.text, start, end),
                    "source": _names(event.source, names),
                    "target": _names(event.target, names),
                    "cameo": event.cameo,
                    "plover": event.plover.type,
                    "modality": event.modality,
                    "reported_by": _names(event.reported_by, names),
                }
            )
    return rows


def identity(row: dict) -> tuple:
    """What makes two rows the same coded event, for carrying a verdict over."""
    return (
        row["article"],
        tuple(row["span"]),
        row["cameo"],
        row["plover"],
        json.dumps(row["source"]),
        json.dumps(row["target"]),
        row["modality"],
    )


def draw_rank(row: dict, seed: int = SEED) -> str:
    """A pseudo-random but stable position for an event, from where it is in which article."""
    return hashlib.sha256(f"{seed}:{row['article']}:{row['span'][0]}:{row['span'][1]}".encode()).hexdigest()


def judged_key(row: dict) -> tuple:
    """What makes a drawn row one already judged, for ``draw --exclude``: the same article,
    evidence and PLOVER type (whatever its actors or modality now)."""
    return (row["article"], row["evidence"], row["plover"])


def excluded_keys(paths: list[Path]) -> set:
    """The :func:`judged_key` of every row of the given (judged) files."""
    return {judged_key(row) for path in paths for row in read_jsonl(path)}


def draw(folder: Path, out: Path, size: int, previous: list[Path], seed: int = SEED,
         exclude: Optional[list[Path]] = None) -> None:
    skip = excluded_keys(exclude or [])
    coded = event_rows(folder)
    rows = sorted((row for row in coded if judged_key(row) not in skip), key=lambda row: draw_rank(row, seed))
    judged = {}
    for path in previous:
        for row in read_jsonl(path):
            if isinstance(row.get("verdict"), bool):
                judged[identity(row)] = {k: row[k] for k in ("verdict", "reason") if k in row}
    sample = [{"n": n, **row, **judged.get(identity(row), {})} for n, row in enumerate(rows[:size], start=1)]
    out.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in sample), encoding="utf-8")
    carried = sum("verdict" in row for row in sample)
    print(f"{len(coded)} events coded, {len(coded) - len(rows)} already judged and skipped; {len(sample)} drawn "
          f"to {out}; {carried} verdicts carried over", file=sys.stderr)


def score(path: Path) -> dict:
    rows = read_jsonl(path)
    judged = [row for row in rows if isinstance(row.get("verdict"), bool)]
    accepted = sum(row["verdict"] for row in judged)
    low, high = wilson(accepted, len(judged))
    by_type: dict[str, list[int]] = {}
    for row in judged:
        counts = by_type.setdefault(row["plover"], [0, 0])
        counts[0] += row["verdict"]
        counts[1] += 1
    reasons = Counter(row.get("reason") or "unspecified" for row in judged if not row["verdict"])
    return {
        "judged": len(judged),
        "unjudged": len(rows) - len(judged),
        "accepted": accepted,
        "precision": round(accepted / len(judged), 3) if judged else None,
        "interval95": [round(low, 3), round(high, 3)],
        "by_type": {t: {"accepted": a, "judged": n} for t, (a, n) in sorted(by_type.items())},
        "rejections": dict(reasons.most_common()),
    }


def recheck(paths: list[Path], folder: Path, show: bool = False) -> dict:
    """Where each judged row stands with the current code.

    Each article is analysed once; the coder's own output (before the reliability checks of
    ``parley.extract.event_checks``) and the checked output are compared with the row:

    - ``coder_changed``: the coder no longer produces this exact event (other work changed it);
    - ``kept``: the checks leave it as judged;
    - ``dropped:<check>``: a check drops it (a false row dropped is a gain, a true one a loss);
    - ``corrected:<modality>``: the checks changed its modality.
    """
    samples = {path.name: [r for r in read_jsonl(path) if isinstance(r.get("verdict"), bool)] for path in paths}
    wanted = sorted({row["article"] for rows in samples.values() for row in rows})
    coded = _coded_events(folder, wanted)
    report = {}
    for name, rows in samples.items():
        per_check: dict[str, Counter] = {}
        status = Counter()
        left = Counter()
        for row in rows:
            where = _whereabouts(row, coded.get(row["article"], ([], [], [])))
            status[where.split(":")[0]] += 1
            verdict = "true" if row["verdict"] else "false"
            if where.startswith("dropped:"):
                per_check.setdefault(where[8:], Counter())[f"{verdict}_dropped"] += 1
            elif where.startswith("corrected:"):
                fixed = not row["verdict"] and row.get("reason") == "wrong_modality"
                per_check.setdefault("modality", Counter())["false_corrected" if fixed else f"{verdict}_changed"] += 1
            if where == "kept":
                left["accepted" if row["verdict"] else "rejected"] += 1
            if show and where != "kept" and where != "coder_changed":
                print(f"{name} #{row['n']} {row['verdict']} {where}: {row['evidence'][:90]!r}", file=sys.stderr)
        still = [r for r in rows if _whereabouts(r, coded.get(r["article"], ([], [], []))) != "coder_changed"]
        gains = sum(n.get("false_dropped", 0) + n.get("false_corrected", 0) for n in per_check.values())
        losses = sum(n.get("true_dropped", 0) + n.get("true_changed", 0) for n in per_check.values())
        accepted = sum(r["verdict"] for r in still)
        report[name] = {
            "rows": len(rows),
            "status": dict(status.most_common()),
            "by_check": {c: dict(n) for c, n in sorted(per_check.items())},
            "precision_judged": round(sum(r["verdict"] for r in rows) / len(rows), 3) if rows else None,
            # over the rows the coder still produces as judged: before the checks, and after
            # them counting a dropped false row as gone and a corrected wrong modality as right
            "rows_still_coded": len(still),
            "precision_before_checks": round(accepted / len(still), 3) if still else None,
            "precision_after_checks": _after(accepted, len(still), gains, losses, per_check),
        }
    return report


def _after(accepted: int, total: int, gains: int, losses: int, per_check: dict) -> Optional[float]:
    dropped = sum(n.get("false_dropped", 0) + n.get("true_dropped", 0) for n in per_check.values())
    corrected = sum(n.get("false_corrected", 0) for n in per_check.values())
    remaining = total - dropped
    right = accepted - sum(n.get("true_dropped", 0) for n in per_check.values()) + corrected
    return round(right / remaining, 3) if remaining else None


def _coded_events(folder: Path, wanted: list[str]) -> dict[str, tuple[list, list, list]]:
    """Per article: the coder's own events, the kept and the dropped ones after the checks,
    each as (event, source names, target names, check)."""
    return {stem: coded_in(doc, raw) for stem, doc, raw in analysed_docs(folder, wanted)}


def analysed_docs(folder: Path, wanted: list[str]):
    """``(stem, doc, the coder's own events)`` for each wanted article of ``folder``, analysed
    with the current pipeline (``doc._.events`` and ``doc._.dropped_events`` set)."""
    from parley.analyse import Analyzer
    from parley.read import article_from_text

    analyzer = Analyzer()
    component = analyzer.nlp.get_pipe("parley_events")
    for stem in wanted:
        path = folder / f"{stem}.txt"
        article = article_from_text(path.read_text(encoding="utf-8"), published=_published(path.name))
        doc = analyzer.nlp(analyzer._make_doc(article))
        yield stem, doc, component.match(doc)


def coded_in(doc, raw: list) -> tuple[list, list, list]:
    """The coder's own events, the kept and the dropped ones of an analysed doc, each as
    (event, source names, target names, check): what :func:`_whereabouts` compares rows with."""
    resolved = doc._.actors
    names = {a.id: a.name for a in resolved.actors.values()} if resolved else {}

    def named(event, check=None):
        return (event, _names(event.source, names), _names(event.target, names), check)

    return ([named(e) for e in raw], [named(e) for e in doc._.events or []],
            [named(e, check) for e, check in doc._.dropped_events or []])


def kept_index(row: dict, coded: tuple[list, list, list]) -> Optional[int]:
    """The index in the kept events of the event a judged row describes, when the current code
    still produces it as judged (:func:`_whereabouts` says ``kept``); else None."""
    if _whereabouts(row, coded) != "kept":
        return None
    for i, (event, source, target, _) in enumerate(coded[1]):
        if _same(row, event, source, target):
            return i
    return None


def _same_place(row: dict, event, source) -> bool:
    return list(event.evidence) == list(row["span"]) and event.cameo == row["cameo"] and source == row["source"]


def _same(row: dict, event, source, target) -> bool:
    """The coded event is the judged row's: same place, code, actors and modality."""
    return (_same_place(row, event, source) and json.dumps(target) == json.dumps(row["target"])
            and event.modality == row["modality"])


def _whereabouts(row: dict, coded: tuple[list, list, list]) -> str:
    """'coder_changed', 'kept', 'dropped:<check>' or 'corrected:<modality>' (see :func:`recheck`)."""
    raw, kept, dropped = coded

    def same_place(event, source):
        return _same_place(row, event, source)

    def same(event, source, target):
        return _same(row, event, source, target)

    if not any(same(e, s, t) for e, s, t, _ in raw):
        return "coder_changed"
    for event, source, target, check in dropped:
        if same(event, source, target):
            return f"dropped:{check}"
    for event, source, target, _ in kept:
        if same(event, source, target):
            return "kept"
    for event, source, target, _ in kept:
        if same_place(event, source) and json.dumps(target) == json.dumps(row["target"]):
            return f"corrected:{event.modality}"
    return "coder_changed"


def wilson(successes: int, trials: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a proportion (sound at 100 trials and near 1, unlike the normal one)."""
    if trials == 0:
        return (0.0, 1.0)
    p = successes / trials
    centre = (p + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / (1 + z * z / trials)
    return (max(0.0, centre - half), min(1.0, centre + half))


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _published(name: str):
    # PolNeAR file names carry the date: "<outlet>_<YYYY-MM-DD>_<slug>.txt"
    try:
        return dt.date.fromisoformat(name.split("_")[1])
    except (IndexError, ValueError):
        return None


def _names(ref, names: dict):
    if ref is None:
        return None
    if isinstance(ref, list):
        return [names.get(r, r) for r in ref]
    return names.get(ref, ref)


def _paragraph(text: str, start: int, end: int) -> str:
    """The evidence widened to its paragraph, the context a judge reads."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return text[left : right if right != -1 else len(text)].strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    drawing = commands.add_parser("draw", help="analyse the texts and draw a sample to judge")
    drawing.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    drawing.add_argument("--out", type=Path, required=True)
    drawing.add_argument("--size", type=int, default=100)
    drawing.add_argument("--seed", type=int, default=SEED, help="another seed draws another sample (to measure after tuning on one)")
    drawing.add_argument("--previous", type=Path, action="append", default=[], help="a judged file to carry verdicts from")
    drawing.add_argument("--exclude", type=Path, nargs="+", default=[],
                         help="judged files whose events (article, evidence, type) are not drawn again")
    scoring = commands.add_parser("score", help="precision of a judged sample")
    scoring.add_argument("judged", type=Path)
    rechecking = commands.add_parser("recheck", help="which judged rows the current code keeps, drops (by which check) or no longer codes")
    rechecking.add_argument("judged", type=Path, nargs="+")
    rechecking.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    rechecking.add_argument("--show", action="store_true", help="list the dropped rows on stderr")
    args = parser.parse_args(argv)
    if args.command == "draw":
        draw(args.texts, args.out, args.size, args.previous, args.seed, args.exclude)
    elif args.command == "recheck":
        print(json.dumps(recheck(args.judged, args.texts, args.show), indent=2))
    else:
        print(json.dumps(score(args.judged), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
