"""Precision of the event coder, judged by hand on a sample of PolNeAR dev texts.

Two steps:

``draw``  analyses every text of a folder, lists every coded event with the paragraph it
          came from, ranks them by a hash of where they are (article and evidence span,
          salted with a fixed seed) and writes the first N to a JSONL file for judging.
          Ranking by place rather than shuffling the list keeps the same sentences in
          the sample when the coder changes elsewhere. A verdict already given to the same event (same article,
          evidence, codes, actors and modality) in an earlier judged file is carried
          over, so re-drawing after a change to the coder only asks about what changed.
``score`` reads a judged file and prints precision with a 95% Wilson interval, overall
          and by PLOVER type, and the reasons given for rejections, counted.

How to judge: see README.md in this folder.

Run from the repository root::

    .venv/bin/python eval/events_precision/precision.py draw --out eval/events_precision/sample.jsonl
    .venv/bin/python eval/events_precision/precision.py score eval/events_precision/sample.jsonl
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


def draw(folder: Path, out: Path, size: int, previous: list[Path], seed: int = SEED) -> None:
    rows = sorted(event_rows(folder), key=lambda row: draw_rank(row, seed))
    judged = {}
    for path in previous:
        for row in read_jsonl(path):
            if isinstance(row.get("verdict"), bool):
                judged[identity(row)] = {k: row[k] for k in ("verdict", "reason") if k in row}
    sample = [{"n": n, **row, **judged.get(identity(row), {})} for n, row in enumerate(rows[:size], start=1)]
    out.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in sample), encoding="utf-8")
    carried = sum("verdict" in row for row in sample)
    print(f"{len(rows)} events coded; {len(sample)} drawn to {out}; {carried} verdicts carried over", file=sys.stderr)


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
    scoring = commands.add_parser("score", help="precision of a judged sample")
    scoring.add_argument("judged", type=Path)
    args = parser.parse_args(argv)
    if args.command == "draw":
        draw(args.texts, args.out, args.size, args.previous, args.seed)
    else:
        print(json.dumps(score(args.judged), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
