"""Train the learned demand detector (:mod:`parley.extract.demand_model`) on gold demands.

Every sentence of every gold article is one example: its features are those of
:func:`~parley.extract.demand_model.sentence_features`, its label whether it overlaps a gold
demand's evidence. The model is an L2-regularised logistic regression (scipy's L-BFGS); the
threshold is chosen on out-of-fold probabilities (folds are articles), so that it reflects
articles the model has not seen.

Usage::

    python -m parley.train.demands eval/gold/dev eval/demands_extra --out src/parley/kb/data/models/demands.json
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np
from scipy.optimize import minimize

from ..extract.demand_model import DemandModel, sentence_features
from ..nlp.sentences import sentences

L2 = 1.0  # regularisation: few examples, many features
MIN_COUNT = 2  # a feature seen once says more about one sentence than about demands
FOLDS = 5


@dataclass
class Example:
    article: str
    features: list[str]
    label: bool
    rules_hit: bool = False  # a rule demand already touches the sentence


def examples_from_docs(items: Sequence[tuple[str, object, list[tuple[int, int]]]]) -> list[Example]:
    """Examples from parsed docs: ``(article id, doc, gold evidence spans in doc offsets)``.
    The doc must have been through the Parley pipeline (``doc._.quotes``, ``doc._.demands``)."""
    examples = []
    for article, doc, gold_spans in items:
        quotes = doc._.quotes or []
        taken = [d.span for d in doc._.demands or []]
        for sent in sentences(doc):
            label = any(s < sent.end_char and e > sent.start_char for s, e in gold_spans)
            hit = any(s < sent.end_char and e > sent.start_char for s, e in taken)
            examples.append(Example(article, sentence_features(sent, quotes), label, hit))
    return examples


def gold_items(paths: Sequence[str]):
    """Parse gold articles with the full pipeline: ``(id, doc, evidence spans)`` each."""
    from ..eval.gold import locate, read_gold
    from ..nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    golds = read_gold([Path(p) for p in paths])
    items = []
    component = nlp.get_pipe("parley_demands")
    shipped, component.model = component.model, None  # label what the rules alone find
    try:
        docs = [nlp(_doc_of(nlp, gold.to_article())) for gold in golds]
    finally:
        component.model = shipped
    for gold, doc in zip(golds, docs):
        spans, previous = [], 0
        for demand in gold.raw.get("demands") or []:
            span = locate(gold.text, demand.get("evidence") or "", previous)
            if span is not None:
                previous = span[0]
                spans.append((span[0] + gold.body_offset, span[1] + gold.body_offset))
        items.append((gold.id, doc, spans))
    return items


def _doc_of(nlp, article):
    doc = nlp.make_doc(article.text)
    doc._.published = article.published
    return doc


# -- the regression -------------------------------------------------------------------
def _vocabulary(examples: Sequence[Example]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for ex in examples:
        for f in ex.features:
            counts[f] = counts.get(f, 0) + 1
    kept = sorted(f for f, n in counts.items() if n >= MIN_COUNT or f == "bias")
    return {f: i for i, f in enumerate(kept)}


def _matrix(examples: Sequence[Example], vocab: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(examples), len(vocab)), dtype=np.float64)
    for row, ex in enumerate(examples):
        for f in ex.features:
            col = vocab.get(f)
            if col is not None:
                x[row, col] = 1.0
    return x


def fit(examples: Sequence[Example], l2: float = L2) -> dict[str, float]:
    """Weights by feature name (the bias is the weight of ``"bias"``, not regularised)."""
    vocab = _vocabulary(examples)
    x = _matrix(examples, vocab)
    y = np.array([ex.label for ex in examples], dtype=np.float64)
    # Demands are rare: weigh positives up so that the model does not learn "never".
    pos = max(1.0, y.sum())
    w_pos = (len(y) - pos) / pos
    sample = np.where(y > 0, w_pos, 1.0)
    penal = np.ones(len(vocab))
    penal[vocab["bias"]] = 0.0

    def loss(w):
        z = x @ w
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        nll = -np.sum(sample * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)))
        grad = x.T @ (sample * (p - y)) + l2 * penal * w
        return nll + 0.5 * l2 * np.sum(penal * w * w), grad

    result = minimize(loss, np.zeros(len(vocab)), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return {f: float(result.x[i]) for f, i in vocab.items() if abs(result.x[i]) >= 1e-3}


def out_of_fold(examples: Sequence[Example], folds: int = FOLDS, l2: float = L2) -> list[float]:
    """Each example's probability under a model trained without its article."""
    articles = sorted({ex.article for ex in examples})
    probs = [0.0] * len(examples)
    for k in range(folds):
        held = set(articles[k::folds])
        weights = fit([ex for ex in examples if ex.article not in held], l2)
        model = DemandModel(weights)
        for i, ex in enumerate(examples):
            if ex.article in held:
                probs[i] = model.probability(ex.features)
    return probs


def choose_threshold(examples: Sequence[Example], probs: Sequence[float]) -> float:
    """The threshold that best completes the rules: the highest F1 of (rules + sentences the
    rules left empty above the threshold), counted over sentences."""
    base_tp = sum(1 for ex in examples if ex.rules_hit and ex.label)
    base_fp = sum(1 for ex in examples if ex.rules_hit and not ex.label)
    positives = sum(1 for ex in examples if ex.label)
    best, best_f1 = 1.0, -1.0
    for t in np.arange(0.3, 0.99, 0.02):
        extra = [(ex.label) for ex, p in zip(examples, probs) if not ex.rules_hit and p >= t]
        tp = base_tp + sum(extra)
        fp = base_fp + len(extra) - sum(extra)
        f1 = 2 * tp / (2 * tp + fp + (positives - tp)) if positives else 0.0
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(t), f1
    return round(best, 2)


def train(examples: Sequence[Example], l2: float = L2) -> DemandModel:
    threshold = choose_threshold(examples, out_of_fold(examples, l2=l2))
    return DemandModel(fit(examples, l2), threshold)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", help="gold folders or files with demands")
    parser.add_argument("--out", required=True, help="where to write the model (JSON)")
    parser.add_argument("--l2", type=float, default=L2)
    args = parser.parse_args(argv)
    model = train(examples_from_docs(gold_items(args.gold)), args.l2)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(model.to_json(), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(model.weights)} weights, threshold {model.threshold} -> {args.out}")


if __name__ == "__main__":
    main()
