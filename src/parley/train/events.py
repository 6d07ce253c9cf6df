"""Train the learned event confidence (:mod:`parley.extract.event_confidence`).

Examples are the events the coder keeps after its reliability checks, with two sources of labels:

- **judged samples** (``eval/events_precision/sample*.jsonl``): each row's article (a PolNeAR
  text) is re-analysed and the row matched to the same coded event (``precision.py``'s
  ``kept_index``: same span, code, actors and modality); its label is the judge's verdict. Rows
  the current coder no longer produces as judged are left out;
- **gold sets** (``eval/gold/{dev,test,fresh,fresh2}``): every coded event outside the headline;
  positive when it matches a gold event by the events scorer's matching (evidence and source).

The model is an L2-regularised logistic regression (``parley.train.demands.fit``). Its threshold
is chosen on out-of-fold probabilities of the training groups (each sample and each gold set held
out in turn): the highest F0.5 of acceptance over the training events (precision counts twice as
much as the share of good events kept, since the issue asks for output an analyst accepts).

Usage (from the repository root)::

    python -m parley.train.events --out src/parley/kb/data/models/events.json
    python -m parley.train.events --evaluate          # leave one sample / one gold set out

``--cache FILE`` keeps the parsed examples between runs (parsing is the slow part).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from ..extract.event_confidence import ConfidenceModel, EventConfidence

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = sorted((ROOT / "eval" / "events_precision").glob("sample*.jsonl"))
GOLD_SETS = [ROOT / "eval" / "gold" / name for name in ("dev", "test", "fresh", "fresh2")]
L2 = 10.0  # strong: few hundred events, and held-out AUC rose from l2 0.5 to 10
THRESHOLDS = [round(t, 2) for t in np.arange(0.0, 0.96, 0.05)]
BETA = 0.5  # F-beta of the threshold rule: precision weighs 1/beta^2 = 4 times in the harmonic mean


@dataclass
class Example:
    group: str  # "sample3.jsonl" or "gold:dev"
    article: str
    features: list[str]
    label: bool
    key: tuple = ()  # (article, span, cameo): the same event drawn in two samples


@dataclass
class GoldItem:
    """One gold article with its predicted events (gold offsets), each tied to its example."""

    group: str
    gold: object  # GoldArticle
    predicted: list  # PredictedEvent
    example_of: list[int] = field(default_factory=list)  # index into the examples, per predicted event


# -- examples --------------------------------------------------------------------------------
def _precision_tool():
    """``eval/events_precision/precision.py`` (not a package: loaded from its path)."""
    spec = importlib.util.spec_from_file_location("parley_precision_tool", ROOT / "eval" / "events_precision" / "precision.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _featurizer():
    """Features as the component computes them (its trigger finder), the model itself unused."""
    from ..nlp.pipeline import load_pipeline

    component = load_pipeline().get_pipe("parley_events")
    return EventConfidence(ConfidenceModel({}), component.checks.trigger_in, threshold=0.0)


def judged_examples(samples: Sequence[Path], texts: Optional[Path] = None) -> list[Example]:
    tool = _precision_tool()
    texts = texts or tool.DEFAULT_TEXTS
    rows = {path.name: [r for r in tool.read_jsonl(path) if isinstance(r.get("verdict"), bool)] for path in samples}
    wanted = sorted({r["article"] for rs in rows.values() for r in rs})
    featurizer = _featurizer()
    examples = []
    for stem, doc, raw in tool.analysed_docs(texts, wanted):
        coded = tool.coded_in(doc, raw)
        feats = featurizer.features(doc, doc._.events or [])
        for name, judged in rows.items():
            for row in judged:
                if row["article"] != stem:
                    continue
                i = tool.kept_index(row, coded)
                if i is not None:
                    examples.append(Example(name, stem, feats[i], row["verdict"], (stem, tuple(row["span"]), row["cameo"])))
    return examples


def gold_examples(sets: Sequence[Path]) -> tuple[list[Example], list[GoldItem]]:
    from ..analyse import to_result
    from ..eval.events import gold_events, match_events, predicted_events
    from ..eval.gold import read_gold
    from ..nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    featurizer = _featurizer()
    examples, items = [], []
    for folder in sets:
        group = "gold:" + folder.name
        for gold in read_gold([folder]):
            article = gold.to_article()
            doc = nlp.make_doc(article.text)
            doc._.published = article.published
            doc = nlp(doc)
            events = doc._.events or []
            feats = featurizer.features(doc, events)
            result = to_result(article, doc)
            # predicted_events drops headline events (no gold offsets) and keeps the order
            shown = [i for i, e in enumerate(events) if e.evidence[1] - gold.body_offset > 0]
            predicted = predicted_events(result, gold.body_offset)
            matched = {pi for _, pi in match_events(gold, gold_events(gold), predicted)}
            item = GoldItem(group, gold, predicted)
            for pi, i in enumerate(shown):
                item.example_of.append(len(examples))
                examples.append(Example(group, gold.id, feats[i], pi in matched, (group, gold.id, i)))
            items.append(item)
    return examples, items


def load_examples(cache: Optional[Path]) -> tuple[list[Example], list[GoldItem]]:
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    judged = judged_examples(SAMPLES)
    gold, items = gold_examples(GOLD_SETS)
    for item in items:  # the gold examples come after the judged ones
        item.example_of = [i + len(judged) for i in item.example_of]
    data = (judged + gold, items)
    if cache is not None:
        cache.write_bytes(pickle.dumps(data))
    return data


# -- fitting and the threshold ---------------------------------------------------------------
def fit(examples: Sequence[Example], l2: float = L2) -> ConfidenceModel:
    from .demands import fit as logistic

    return ConfidenceModel(logistic(examples, l2, pos_weight=1.0))


def out_of_group(examples: Sequence[Example], l2: float = L2) -> list[float]:
    """Each example's probability under a model trained without its group (sample or gold set)."""
    probs = [0.0] * len(examples)
    for group in dict.fromkeys(ex.group for ex in examples):
        model = fit([ex for ex in examples if ex.group != group], l2)
        for i, ex in enumerate(examples):
            if ex.group == group:
                probs[i] = model.probability(ex.features)
    return probs


def curve(labels: Sequence[bool], probs: Sequence[float]) -> list[tuple[float, float, Optional[float]]]:
    """(threshold, share kept, precision of the kept) for every threshold of ``THRESHOLDS``."""
    rows = []
    for t in THRESHOLDS:
        kept = [y for y, p in zip(labels, probs) if p >= t]
        rows.append((t, len(kept) / len(labels) if labels else 0.0, sum(kept) / len(kept) if kept else None))
    return rows


def choose_threshold(labels: Sequence[bool], probs: Sequence[float], beta: float = BETA) -> float:
    """The threshold of the highest F-beta of acceptance (ties: the lower threshold)."""
    positives = sum(labels)
    best, best_f = 0.0, -1.0
    for t in THRESHOLDS:
        kept = [y for y, p in zip(labels, probs) if p >= t]
        tp = sum(kept)
        if not tp:
            continue
        precision, recall = tp / len(kept), tp / positives
        f = (1 + beta ** 2) * precision * recall / (beta ** 2 * precision + recall)
        if f > best_f + 1e-9:
            best, best_f = t, f
    return best


def train(examples: Sequence[Example], l2: float = L2, beta: float = BETA) -> ConfidenceModel:
    """Weights from every example; threshold from out-of-group probabilities."""
    probs = out_of_group(examples, l2)
    threshold = choose_threshold([ex.label for ex in examples], probs, beta)
    return ConfidenceModel(fit(examples, l2).weights, threshold)


# -- honest evaluation ------------------------------------------------------------------------
def leave_one_sample_out(examples: Sequence[Example], l2: float = L2, beta: float = BETA) -> list[dict]:
    """Per judged sample: a model trained on the other samples and the gold sets (without any
    event also drawn in the held-out sample), its threshold chosen on those, applied to it."""
    out = []
    for name in sorted({ex.group for ex in examples if not ex.group.startswith("gold:")}):
        held = [ex for ex in examples if ex.group == name]
        keys = {ex.key for ex in held}
        model = train([ex for ex in examples if ex.group != name and ex.key not in keys], l2, beta)
        probs = [model.probability(ex.features) for ex in held]
        labels = [ex.label for ex in held]
        kept = [y for y, p in zip(labels, probs) if p >= model.threshold]
        out.append({"sample": name, "rows": len(held), "precision_all": sum(labels) / len(labels),
                    "threshold": model.threshold, "kept": len(kept) / len(held),
                    "precision_kept": sum(kept) / len(kept) if kept else None,
                    "curve": curve(labels, probs)})
    return out


def leave_one_gold_set_out(examples: Sequence[Example], items: Sequence[GoldItem], l2: float = L2,
                           beta: float = BETA) -> list[dict]:
    """Per gold set: a model trained on the other sets and every judged sample, applied to it;
    the events scorer's figures with all events and with the kept ones."""
    out = []
    for group in dict.fromkeys(item.group for item in items):
        model = train([ex for ex in examples if ex.group != group], l2, beta)
        held = [item for item in items if item.group == group]
        probs = {i: model.probability(examples[i].features) for item in held for i in item.example_of}
        out.append({"set": group, "threshold": model.threshold, "before": score_items(held, probs, 0.0),
                    "after": score_items(held, probs, model.threshold),
                    "curve": [(t, *_gold_point(held, probs, t)) for t in THRESHOLDS]})
    return out


def score_items(items: Sequence[GoldItem], probs: dict, threshold: float) -> dict:
    from ..eval.events import score_gold_article, total

    scores = total(score_gold_article(item.gold, [p for p, i in zip(item.predicted, item.example_of)
                                                  if probs[i] >= threshold]) for item in items)
    return {"P": scores.events.precision, "R": scores.events.recall, "F1": scores.events.f1,
            "tp": scores.events.tp, "fp": scores.events.fp, "fn": scores.events.fn,
            "plover_acc": scores.plover.value, "modality_acc": scores.modality.value}


def _gold_point(items, probs, t):
    s = score_items(items, probs, t)
    return s["P"], s["R"], s["F1"]


def print_evaluation(examples: Sequence[Example], items: Sequence[GoldItem], l2: float = L2,
                     beta: float = BETA) -> None:
    def f(x):
        return "  -  " if x is None else f"{x:.3f}"

    print(f"examples: {len(examples)} ({sum(ex.label for ex in examples)} positive); l2={l2} beta={beta}")
    print("\n== leave one judged sample out (threshold chosen on the training folds) ==")
    rows = leave_one_sample_out(examples, l2, beta)
    for r in rows:
        print(f"{r['sample']:16} rows {r['rows']:3}  precision all {f(r['precision_all'])}  thr {r['threshold']:.2f}"
              f"  kept {f(r['kept'])}  precision kept {f(r['precision_kept'])}")
    print("curve (held-out sample; threshold: kept share / precision):")
    for k, t in enumerate(THRESHOLDS):
        cells = "  ".join(f"{f(r['curve'][k][1])}/{f(r['curve'][k][2])}" for r in rows)
        print(f"  {t:.2f}  {cells}")
    mean_p = np.mean([r["precision_kept"] for r in rows if r["precision_kept"] is not None])
    print(f"mean over folds: precision all {np.mean([r['precision_all'] for r in rows]):.3f} -> kept "
          f"{mean_p:.3f}, share kept {np.mean([r['kept'] for r in rows]):.3f}")
    print("\n== leave one gold set out (events scorer; before = all events, after = kept) ==")
    for r in leave_one_gold_set_out(examples, items, l2, beta):
        b, a = r["before"], r["after"]
        print(f"{r['set']:12} thr {r['threshold']:.2f}  P {f(b['P'])}->{f(a['P'])}  R {f(b['R'])}->{f(a['R'])}  "
              f"F1 {f(b['F1'])}->{f(a['F1'])}  type acc {f(b['plover_acc'])}->{f(a['plover_acc'])}  "
              f"modality acc {f(b['modality_acc'])}->{f(a['modality_acc'])}  (tp {b['tp']}->{a['tp']}, "
              f"fp {b['fp']}->{a['fp']})")
        print("    curve (thr: P/R/F1): " + "  ".join(f"{t:.2f}:{f(p)}/{f(rr)}/{f(f1)}" for t, p, rr, f1 in r["curve"][::2]))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="where to write the model (JSON)")
    parser.add_argument("--evaluate", action="store_true", help="leave one sample / gold set out instead of training")
    parser.add_argument("--cache", type=Path, help="a pickle of the parsed examples, written once and then read")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--beta", type=float, default=BETA, help="F-beta of the threshold rule")
    parser.add_argument("--threshold", type=float, help="ship this threshold instead of the chosen one (0: the "
                        "model scores every event but drops none; the chosen one is kept as 'chosen_threshold')")
    args = parser.parse_args(argv)
    os.environ["PARLEY_EVENT_MODEL"] = "off"  # label the events as the coder and checks alone give them
    examples, items = load_examples(args.cache)
    if args.evaluate:
        print_evaluation(examples, items, args.l2, args.beta)
        return
    if not args.out:
        parser.error("--out is required to train")
    model = train(examples, args.l2, args.beta)
    chosen = model.threshold
    if args.threshold is not None:
        model = ConfidenceModel(model.weights, args.threshold)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    command = "python -m parley.train.events --out " + str(args.out)
    if args.threshold is not None:
        command += f" --threshold {args.threshold}"
    payload = model.to_json(chosen_threshold=chosen, trained_on=sorted({ex.group for ex in examples}),
                            examples=len(examples), l2=args.l2, beta=args.beta, command=command)
    args.out.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(model.weights)} weights, threshold {model.threshold} (chosen on folds: {chosen}) -> {args.out}")


if __name__ == "__main__":
    main()
