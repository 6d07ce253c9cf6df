"""Train the learned demand detector (:mod:`parley.extract.demand_model`) on gold demands.

Every sentence of every gold article is one example: its features are those of
:func:`~parley.extract.demand_model.sentence_features`, its label whether it overlaps a gold
demand's evidence. The model is an L2-regularised logistic regression (scipy's L-BFGS); the
threshold is chosen on out-of-fold probabilities (folds are articles), so that it reflects
articles the model has not seen.

Usage::

    python -m parley.train.demands eval/gold/dev eval/demands_extra --out src/parley/kb/data/models/demands.json
    python -m parley.train.demands eval/gold/dev eval/gold/test ... --leave-one-set-out

``--leave-one-set-out`` measures transfer to a writer the model never saw: each gold folder
in turn is held out, the model (threshold included) is trained on the others, and the held-out
folder is scored with the real demand scorer, rules alone against rules + model.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

from ..extract.demand_model import BASE_GROUPS, DemandModel, _as_found, sentence_features
from ..nlp.sentences import sentences

L2 = 1.0  # regularisation: few examples, many features
MIN_COUNT = 2  # a feature seen once says more about one sentence than about demands
FOLDS = 5
MIN_TOKENS = 4  # shorter sentences (datelines, fragments) are never proposed


@dataclass
class Example:
    article: str
    features: list[str]
    label: bool
    rules_hit: bool = False  # a rule demand already touches the sentence
    proposal: list = field(default_factory=list)  # the demand records proposing the sentence would add
    gain: bool = False  # a proposal matches a gold demand no rule demand matched


@dataclass
class Parsed:
    """One gold article parsed with the rules alone (the learned part off)."""

    set_name: str
    gold: object  # GoldArticle
    doc: object  # spaCy Doc
    result: object  # ArticleResult (rules only)
    gold_spans: list = field(default_factory=list)  # gold evidence spans, doc offsets
    proposals: dict = field(default_factory=dict)  # (start, end) of a sentence -> its learned records


def examples_from_docs(items: Sequence[tuple[str, object, list[tuple[int, int]]]],
                       groups: Sequence[str] = BASE_GROUPS) -> list[Example]:
    """Examples from parsed docs: ``(article id, doc, gold evidence spans in doc offsets)``.
    The doc must have been through the Parley pipeline (``doc._.quotes``, ``doc._.demands``)."""
    examples = []
    for article, doc, gold_spans in items:
        quotes = doc._.quotes or []
        taken = [d.span for d in doc._.demands or []]
        for sent in sentences(doc):
            label = any(s < sent.end_char and e > sent.start_char for s, e in gold_spans)
            hit = any(s < sent.end_char and e > sent.start_char for s, e in taken)
            examples.append(Example(article, sentence_features(sent, quotes, groups, doc._.actors), label, hit))
    return examples


def _gold_spans(gold) -> list[tuple[int, int]]:
    from ..eval.gold import locate

    spans, previous = [], 0
    for demand in gold.raw.get("demands") or []:
        span = locate(gold.text, demand.get("evidence") or "", previous)
        if span is not None:
            previous = span[0]
            spans.append((span[0] + gold.body_offset, span[1] + gold.body_offset))
    return spans


def parse_gold(paths: Sequence[str], set_names: Optional[Sequence[str]] = None) -> list[Parsed]:
    """Parse gold articles with the full pipeline and the rules alone, one :class:`Parsed` each;
    ``set_names``: the name of each path's set (default: the path)."""
    from ..analyse import to_result
    from ..eval.gold import read_gold
    from ..nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    component = nlp.get_pipe("parley_demands")
    parsed = []
    shipped, component.model = component.model, None  # label what the rules alone find
    try:
        for k, path in enumerate(paths):
            name = set_names[k] if set_names else str(path)
            for gold in read_gold([Path(path)]):
                article = gold.to_article()
                doc = nlp(_doc_of(nlp, article))
                parsed.append(Parsed(name, gold, doc, to_result(article, doc), _gold_spans(gold)))
    finally:
        component.model = shipped
    return parsed


def gold_items(paths: Sequence[str]):
    """Parse gold articles with the full pipeline: ``(id, doc, evidence spans)`` each."""
    return [(p.gold.id, p.doc, p.gold_spans) for p in parse_gold(paths)]


def _doc_of(nlp, article):
    doc = nlp.make_doc(article.text)
    doc._.published = article.published
    return doc


def candidate_examples(parsed: Sequence[Parsed], groups: Sequence[str] = BASE_GROUPS) -> list[Example]:
    """One example per sentence the learned part could propose: no rule demand touches it, it is
    long enough, and the demand records it would give are not empty (``set_records`` drops a
    sentence with no statement or speaker). ``gain``: a record matches a gold demand the rules missed."""
    from ..eval.matching import overlaps_enough

    extractor = _extractor()
    examples = []
    for p in parsed:
        doc, quotes, actors = p.doc, p.doc._.quotes or [], p.doc._.actors
        taken = [d.span for d in p.result.demands]
        missed = [g for g in p.gold_spans if not any(overlaps_enough(g, t) for t in taken)]
        for sent in sentences(doc):
            if len(sent) < MIN_TOKENS or any(s < sent.end_char and e > sent.start_char for s, e in taken):
                continue
            key = (sent.start, sent.end)
            if key not in p.proposals:  # the same sentence is proposed in many experiments
                p.proposals[key] = extractor.set_records(doc, [_as_found(sent, quotes)], actors, quotes,
                                                         doc._.published, doc._.dates or [])
            records = p.proposals[key]
            if not records:
                continue
            label = any(s < sent.end_char and e > sent.start_char for s, e in p.gold_spans)
            gain = any(overlaps_enough(g, r.span) for g in missed for r in records)
            examples.append(Example(p.gold.id, sentence_features(sent, quotes, groups, actors), label, False,
                                    records, gain))
    return examples


def _extractor():
    from ..nlp.pipeline import load_pipeline

    return load_pipeline().get_pipe("parley_demands").extractor


# -- the regression -------------------------------------------------------------------
def _vocabulary(examples: Sequence[Example], min_count: int = MIN_COUNT, min_articles: int = 1) -> dict[str, int]:
    """Features seen at least ``min_count`` times in at least ``min_articles`` articles."""
    counts: dict[str, int] = {}
    articles: dict[str, set] = {}
    for ex in examples:
        for f in ex.features:
            counts[f] = counts.get(f, 0) + 1
            articles.setdefault(f, set()).add(ex.article)
    kept = sorted(f for f, n in counts.items()
                  if (n >= min_count and len(articles[f]) >= min_articles) or f == "bias")
    return {f: i for i, f in enumerate(kept)}


def _matrix(examples: Sequence[Example], vocab: dict[str, int]) -> sparse.csr_matrix:
    rows, cols = [], []
    for row, ex in enumerate(examples):
        for f in ex.features:
            col = vocab.get(f)
            if col is not None:
                rows.append(row)
                cols.append(col)
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(examples), len(vocab)))


@dataclass(frozen=True)
class Settings:
    """How a model is trained: regularisation, the weight of positives (``balanced``: as many
    in total as the negatives; a number: that factor), which label (``label``: the sentence holds
    a gold demand; ``gain``: proposing it matches a gold demand the rules missed), the examples
    (``all`` sentences, or only ``candidates`` the learned part could propose), the feature
    groups, the threshold rule (``sentences``, or ``demands``: F1 of the real scorer), and how
    many articles a feature must occur in."""

    l2: float = L2
    pos_weight: object = "balanced"
    label: str = "label"
    examples: str = "all"
    groups: tuple = BASE_GROUPS
    threshold_rule: str = "sentences"
    min_articles: int = 1

    def describe(self) -> str:
        return (f"groups={'+'.join(self.groups)} l2={self.l2} pos={self.pos_weight} label={self.label} "
                f"ex={self.examples} thr={self.threshold_rule} minart={self.min_articles}")


def fit(examples: Sequence[Example], l2: float = L2, pos_weight: object = "balanced", label: str = "label",
        min_articles: int = 1) -> dict[str, float]:
    """Weights by feature name (the bias is the weight of ``"bias"``, not regularised)."""
    vocab = _vocabulary(examples, min_articles=min_articles)
    x = _matrix(examples, vocab)
    y = np.array([getattr(ex, label) for ex in examples], dtype=np.float64)
    # Demands are rare: weigh positives up so that the model does not learn "never".
    pos = max(1.0, y.sum())
    w_pos = (len(y) - pos) / pos if pos_weight == "balanced" else float(pos_weight)
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


def out_of_fold(examples: Sequence[Example], folds: int = FOLDS, l2: float = L2, **fit_args) -> list[float]:
    """Each example's probability under a model trained without its article."""
    articles = sorted({ex.article for ex in examples})
    probs = [0.0] * len(examples)
    for k in range(folds):
        held = set(articles[k::folds])
        weights = fit([ex for ex in examples if ex.article not in held], l2, **fit_args)
        model = DemandModel(weights)
        for i, ex in enumerate(examples):
            if ex.article in held:
                probs[i] = model.probability(ex.features)
    return probs


THRESHOLDS = np.arange(0.3, 0.99, 0.02)


def choose_threshold(examples: Sequence[Example], probs: Sequence[float]) -> float:
    """The threshold that best completes the rules: the highest F1 of (rules + sentences the
    rules left empty above the threshold), counted over sentences."""
    base_tp = sum(1 for ex in examples if ex.rules_hit and ex.label)
    base_fp = sum(1 for ex in examples if ex.rules_hit and not ex.label)
    positives = sum(1 for ex in examples if ex.label)
    best, best_f1 = 1.0, -1.0
    for t in THRESHOLDS:
        extra = [(ex.label) for ex, p in zip(examples, probs) if not ex.rules_hit and p >= t]
        tp = base_tp + sum(extra)
        fp = base_fp + len(extra) - sum(extra)
        f1 = 2 * tp / (2 * tp + fp + (positives - tp)) if positives else 0.0
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(t), f1
    return round(best, 2)


def choose_threshold_by_demands(parsed: Sequence[Parsed], examples: Sequence[Example],
                                probs: Sequence[float]) -> float:
    """The threshold whose proposals (out-of-fold), added to the rules, give the best F1 of the
    real demand scorer over the training articles; ties go to the higher threshold. 1.0 (never
    propose) unless some threshold beats the rules alone."""
    best, best_f1 = 1.0, score_with(parsed, examples, probs, 1.01).f1
    for t in THRESHOLDS[::-1]:
        f1 = score_with(parsed, examples, probs, float(t)).f1
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(t), f1
    return round(best, 2)


def score_with(parsed: Sequence[Parsed], examples: Sequence[Example], probs: Sequence[float], threshold: float):
    """The demand counts (tp/fp/fn) of the rules plus every example's proposal at ``threshold``."""
    from ..eval import demands as scorer

    extra: dict[str, list] = {}
    for ex, p in zip(examples, probs):
        if p >= threshold and ex.proposal:
            extra.setdefault(ex.article, []).extend(ex.proposal)
    results = [q.result.model_copy(update={"demands": sorted(q.result.demands + extra.get(q.gold.id, []),
                                                             key=lambda d: d.span)}) for q in parsed]
    overall, _ = scorer.score_results([q.gold for q in parsed], results)
    return overall.demands


def train(examples: Sequence[Example], l2: float = L2) -> DemandModel:
    threshold = choose_threshold(examples, out_of_fold(examples, l2=l2))
    return DemandModel(fit(examples, l2), threshold)


def train_on(parsed: Sequence[Parsed], settings: Settings = Settings()) -> DemandModel:
    """A model trained on parsed gold articles as ``settings`` say (threshold from out-of-fold
    probabilities on these articles only)."""
    fit_args = dict(pos_weight=settings.pos_weight, label=settings.label, min_articles=settings.min_articles)
    candidates = candidate_examples(parsed, settings.groups)
    if settings.examples == "candidates":
        train_set = candidates
    else:
        train_set = examples_from_docs([(p.gold.id, p.doc, p.gold_spans) for p in parsed], settings.groups)
    weights = fit(train_set, settings.l2, **fit_args)
    if settings.threshold_rule == "demands":
        if settings.examples == "candidates":
            probs = out_of_fold(candidates, l2=settings.l2, **fit_args)
        else:
            probs = _out_of_fold_on(train_set, candidates, settings.l2, **fit_args)
        threshold = choose_threshold_by_demands(parsed, candidates, probs)
    else:
        threshold = choose_threshold(train_set, out_of_fold(train_set, l2=settings.l2, **fit_args))
    return DemandModel(weights, threshold, tuple(settings.groups))


def _out_of_fold_on(train_set: Sequence[Example], scored: Sequence[Example], l2: float, folds: int = FOLDS,
                    **fit_args) -> list[float]:
    """Probabilities of ``scored`` examples under models trained on ``train_set`` without their article."""
    articles = sorted({ex.article for ex in train_set})
    probs = [0.0] * len(scored)
    for k in range(folds):
        held = set(articles[k::folds])
        model = DemandModel(fit([ex for ex in train_set if ex.article not in held], l2, **fit_args))
        for i, ex in enumerate(scored):
            if ex.article in held:
                probs[i] = model.probability(ex.features)
    return probs


# -- leave one set out ------------------------------------------------------------------
def leave_one_set_out(parsed: Sequence[Parsed], settings: Settings = Settings()) -> list[tuple[str, object, object, float]]:
    """For each set: ``(name, rules-only counts, rules + model counts, threshold)``, the model
    trained on the other sets only."""
    rows = []
    for name in dict.fromkeys(p.set_name for p in parsed):
        held = [p for p in parsed if p.set_name == name]
        model = train_on([p for p in parsed if p.set_name != name], settings)
        rows.append((name, score_rules(held), score_model(held, model), model.threshold))
    return rows


def score_rules(parsed: Sequence[Parsed]):
    return score_with(parsed, [], [], 1.0)


def score_model(parsed: Sequence[Parsed], model: DemandModel):
    """Counts of rules + the model's proposals on parsed articles (as the pipeline would add them)."""
    examples = candidate_examples(parsed, model.groups)
    probs = [model.probability(ex.features) for ex in examples]
    return score_with(parsed, examples, probs, model.threshold)


def print_rows(rows, settings: Settings) -> None:
    print(settings.describe())
    print(f"{'set':22} {'rules P/R/F1':>20} {'+model P/R/F1':>20}  thr   dF1")
    wins = 0
    for name, rules, both, thr in rows:
        d = both.f1 - rules.f1
        wins += d > 1e-9
        print(f"{name:22} {rules.precision:6.3f} {rules.recall:6.3f} {rules.f1:6.3f} "
              f"{both.precision:6.3f} {both.recall:6.3f} {both.f1:6.3f}  {thr:4.2f} {d:+.3f}")
    mean_r = sum(r.f1 for _, r, _, _ in rows) / len(rows)
    mean_b = sum(b.f1 for _, _, b, _ in rows) / len(rows)
    print(f"{'mean F1':22} {mean_r:20.3f} {mean_b:20.3f}        {mean_b - mean_r:+.3f}  wins {wins}/{len(rows)}")


def _settings_of(args) -> Settings:
    pos = args.pos_weight if args.pos_weight == "balanced" else float(args.pos_weight)
    return Settings(l2=args.l2, pos_weight=pos, label=args.label, examples=args.examples,
                    groups=tuple(args.groups.split("+")), threshold_rule=args.threshold_rule,
                    min_articles=args.min_articles)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", help="gold folders or files with demands (one set each)")
    parser.add_argument("--out", help="where to write the model (JSON)")
    parser.add_argument("--leave-one-set-out", action="store_true", help="measure transfer instead of training")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--pos-weight", default="balanced")
    parser.add_argument("--label", choices=("label", "gain"), default="label")
    parser.add_argument("--examples", choices=("all", "candidates"), default="all")
    parser.add_argument("--groups", default="+".join(BASE_GROUPS), help="feature groups joined by '+'")
    parser.add_argument("--threshold-rule", choices=("sentences", "demands"), default="sentences")
    parser.add_argument("--min-articles", type=int, default=1)
    args = parser.parse_args(argv)
    settings = _settings_of(args)
    parsed = parse_gold(args.gold)
    if args.leave_one_set_out:
        print_rows(leave_one_set_out(parsed, settings), settings)
        return
    if not args.out:
        parser.error("--out is required to train")
    model = train_on(parsed, settings)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(model.to_json(), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(model.weights)} weights, threshold {model.threshold} -> {args.out}")
    print("on its own training data:", _counts_line(score_model(parsed, model)), "rules alone:",
          _counts_line(score_rules(parsed)))


def _counts_line(c) -> str:
    return f"P {c.precision:.3f} R {c.recall:.3f} F1 {c.f1:.3f} (tp {c.tp} fp {c.fp} fn {c.fn})"


if __name__ == "__main__":
    main()
