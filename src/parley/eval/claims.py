"""The claims scorer: Parley's numeric claims against gold claims (``../shared/gold-format.md``).

- A prediction **matches** a gold claim when its span and the gold ``evidence`` share at
  least one character and the values are equal: a gold scalar against the predicted
  ``value``, a gold ``[low, high]`` against the predicted ``low`` and ``high`` (both ends).
  Pairs are one to one, greedy by the largest overlap (ties: earlier gold, then earlier
  prediction). Precision, recall and F1 over those matches.
- **Claimant accuracy** over matches: the predicted claimant's name, any text the article
  mentions that actor by, or the claimant's name as the text gives it (``claimant_name``,
  also set when no actor resolves: "EU sources"), equals (folded) the gold claimant or one of its aliases; a gold
  claim with a null claimant (the article's own figure) is right only when none is predicted.
- **Category accuracy** and **approximate-flag accuracy** over matches, reported separately.

Gold claims carry no offsets: each ``evidence`` is searched in the gold text from the
previous claim's start (:func:`parley.eval.gold.locate`); one not found counts as missed.
Predicted claims in the headline are dropped. Not scored: unit, subject, date, qualifier.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..model import ArticleResult
from .gold import GoldArticle, locate
from .matching import Counts, Rate, Span, names_match, overlap


@dataclass
class GoldClaim:
    claimant: Optional[str]
    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    category: Optional[str]
    approximate: Optional[bool]
    evidence: str
    span: Optional[Span]


@dataclass
class PredictedClaim:
    span: Span
    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    category: str
    approximate: bool
    claimant_names: set[str] = field(default_factory=set)


@dataclass
class ClaimScores:
    """Sums for the claim figures (one article, or many added together)."""

    claims: Counts = field(default_factory=Counts)
    claimant: Rate = field(default_factory=Rate)
    category: Rate = field(default_factory=Rate)
    approximate: Rate = field(default_factory=Rate)
    articles: int = 0
    errors: list[dict] = field(default_factory=list)

    def add(self, other: "ClaimScores") -> "ClaimScores":
        self.claims.add(other.claims)
        self.claimant.add(other.claimant)
        self.category.add(other.category)
        self.approximate.add(other.approximate)
        self.articles += other.articles
        self.errors.extend(other.errors)
        return self

    def as_dict(self) -> dict:
        return {"articles": self.articles, "claims": self.claims.as_dict(),
                "claimant_accuracy": self.claimant.as_dict(), "category_accuracy": self.category.as_dict(),
                "approximate_accuracy": self.approximate.as_dict(), "errors": self.errors}


def _number(x) -> Optional[float]:
    try:
        return None if x is None else float(x)
    except (TypeError, ValueError):
        return None


def gold_claims(gold: GoldArticle) -> list[GoldClaim]:
    """The gold article's claims, located in its text."""
    out, previous = [], 0
    for raw in gold.raw.get("claims") or []:
        value = raw.get("value")
        low = high = None
        if isinstance(value, (list, tuple)) and len(value) == 2:
            low, high, value = _number(value[0]), _number(value[1]), None
        evidence = raw.get("evidence") or raw.get("text") or ""
        span = locate(gold.text, evidence, previous) if evidence else None
        if span is not None:
            previous = span[0]
        out.append(GoldClaim(raw.get("claimant"), _number(value), low, high, raw.get("category"),
                             raw.get("approximate"), evidence, span))
    return out


def predicted_claims(result: ArticleResult, offset: int = 0) -> list[PredictedClaim]:
    """The result's claims in gold offsets (shifted by ``-offset``), with claimant names."""
    actors = {actor.id: actor for actor in result.actors}
    out = []
    for claim in result.claims:
        start, end = claim.span[0] - offset, claim.span[1] - offset
        if end <= 0:
            continue
        names: set[str] = set()
        actor = actors.get(claim.claimant or "")
        if actor is not None:
            names.add(actor.name)
            names.update(m.text for m in actor.mention_details)
        elif claim.claimant:
            names.add(claim.claimant)
        if claim.claimant_name:
            # the claimant as the text names it, as the quotes scorer credits a speaker's name
            names.add(claim.claimant_name)
        out.append(PredictedClaim((max(0, start), end), claim.value, claim.low, claim.high, claim.category,
                                  claim.approximate, names))
    return out


def _same(a: Optional[float], b: Optional[float]) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(a))


def values_equal(gold: GoldClaim, pred: PredictedClaim) -> bool:
    if gold.low is not None or gold.high is not None:
        return _same(gold.low, pred.low) and _same(gold.high, pred.high)
    return _same(gold.value, pred.value)


def score_gold_article(gold: GoldArticle, predicted: list[PredictedClaim]) -> ClaimScores:
    """Score one article's predicted claims (gold offsets) against its gold claims."""
    scores = ClaimScores(articles=1)
    golds = gold_claims(gold)
    candidates = []
    for gi, g in enumerate(golds):
        if g.span is None:
            continue
        for pi, p in enumerate(predicted):
            shared = overlap(g.span, p.span)
            if shared > 0 and values_equal(g, p):
                candidates.append((-shared, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        g, p = golds[gi], predicted[pi]
        right = names_match(p.claimant_names, gold.names_of(g.claimant)) if g.claimant else not p.claimant_names
        scores.claimant.count(right)
        if not right:
            scores.errors.append({"article": gold.id, "kind": "claimant", "evidence": g.evidence,
                                  "gold": g.claimant, "predicted": sorted(p.claimant_names)})
        if g.category:
            scores.category.count(p.category == g.category)
            if p.category != g.category:
                scores.errors.append({"article": gold.id, "kind": "category", "evidence": g.evidence,
                                      "gold": g.category, "predicted": p.category})
        if g.approximate is not None:
            scores.approximate.count(p.approximate == bool(g.approximate))
    scores.claims = Counts(tp=len(used_g), fp=len(predicted) - len(used_p), fn=len(golds) - len(used_g))
    for gi, g in enumerate(golds):
        if gi not in used_g:
            scores.errors.append({"article": gold.id, "kind": "missed", "evidence": g.evidence,
                                  "gold": g.value if g.value is not None else [g.low, g.high]})
    for pi, p in enumerate(predicted):
        if pi not in used_p:
            text = gold.text[p.span[0]:p.span[1]]
            scores.errors.append({"article": gold.id, "kind": "spurious", "evidence": text,
                                  "predicted": p.value if p.value is not None else [p.low, p.high]})
    return scores


def total(scores: Iterable[ClaimScores]) -> ClaimScores:
    out = ClaimScores()
    for s in scores:
        out.add(s)
    return out
