"""Scoring demands against gold (``parley eval demands``).

Rules (``../shared/gold-format.md``): a predicted demand matches a gold demand when the
predicted ``span`` and the gold ``evidence`` overlap by at least half of the shorter one,
one to one, greedily by largest overlap (:func:`~parley.eval.matching.match_regions`).
Over the matches:

- **party** is right when the predicted party, or the person who voiced it (``voiced_by``:
  Peskov voicing Russia), names the gold party: names are compared through the gold
  article's actor aliases and the predicted actor's name and mention texts;
- **addressee** is right when both are null, or when every gold addressee is named by a
  predicted one and every predicted one by a gold one;
- **issue** is right when the gold item has an ``issue`` and it equals the predicted one;
  gold items without one are scored instead on whether the predicted issue's trigger words
  occur in the gold ``condition`` or ``evidence`` (reported apart, as "issue words").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from ..model import ArticleResult, Demand
from .gold import GoldArticle, locate
from .matching import Counts, Rate, match_regions, names_match


@dataclass
class DemandScores:
    articles: int = 0
    demands: Counts = field(default_factory=Counts)
    party: Rate = field(default_factory=Rate)
    addressee: Rate = field(default_factory=Rate)
    issue: Rate = field(default_factory=Rate)
    issue_words: Rate = field(default_factory=Rate)
    errors: list[str] = field(default_factory=list)

    def add(self, other: "DemandScores") -> "DemandScores":
        self.articles += other.articles
        self.demands.add(other.demands)
        for name in ("party", "addressee", "issue", "issue_words"):
            getattr(self, name).add(getattr(other, name))
        self.errors += other.errors
        return self

    def as_dict(self) -> dict:
        return {"articles": self.articles, "demands": self.demands.as_dict(), "party": self.party.as_dict(),
                "addressee": self.addressee.as_dict(), "issue": self.issue.as_dict(),
                "issue_words": self.issue_words.as_dict(), "errors": self.errors}


def predicted_demands(result: ArticleResult, offset: int = 0) -> list[Demand]:
    """The result's demands with spans moved to gold offsets (``offset`` = ``body_offset``);
    those in the headline (before the body) are dropped."""
    moved = []
    for d in result.demands:
        start, end = d.span[0] - offset, d.span[1] - offset
        if end <= 0:
            continue
        moved.append(d.model_copy(update={"span": (max(0, start), end)}))
    return moved


def _names(actor_id: Optional[str], result: ArticleResult) -> set[str]:
    if not actor_id:
        return set()
    names = {actor_id}
    for actor in result.actors:
        if actor.id == actor_id:
            names.add(actor.name)
            names.update(m.text for m in actor.mention_details)
            names.update(result.text[s:e] for s, e in actor.mentions)
    return names


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [v for v in value if v]


def score_gold_article(gold: GoldArticle, result: ArticleResult, offset: Optional[int] = None) -> DemandScores:
    """P/R/F1 of one article's demands and the accuracies over its matches."""
    from ..extract.demands import load_demand_lexicon

    lexicon = load_demand_lexicon()
    offset = gold.body_offset if offset is None else offset
    scores = DemandScores(articles=1)
    gold_items = [g for g in gold.raw.get("demands") or [] if isinstance(g, dict)]
    spans, previous = [], 0
    for item in gold_items:
        span = locate(gold.text, item.get("evidence") or "", previous)
        if span is None:
            scores.errors.append(f"{gold.id}: demand evidence not found: {(item.get('evidence') or '')[:60]!r}")
        else:
            previous = span[0]
        spans.append(span)
    pred = predicted_demands(result, offset)
    located = [(k, s) for k, s in enumerate(spans) if s is not None]
    pairs = match_regions([s for _, s in located], [d.span for d in pred])
    pairs = [(located[gi][0], pi) for gi, pi in pairs]
    scores.demands.tp = len(pairs)
    scores.demands.fp = len(pred) - len(pairs)
    scores.demands.fn = len(gold_items) - len(pairs)
    for gi, pi in pairs:
        g, p = gold_items[gi], pred[pi]
        predicted_party = _names(p.party, result) | _names(p.voiced_by, result)
        party_right = names_match(gold.names_of(g.get("party")), predicted_party)
        scores.party.count(party_right)
        if not party_right:
            scores.errors.append(f"{gold.id}: party {p.party} (voiced by {p.voiced_by}) vs gold {g.get('party')}: {p.text[:60]!r}")
        gold_to = _as_list(g.get("addressee"))
        pred_to = _as_list(p.addressee)
        if not gold_to or not pred_to:
            scores.addressee.count(not gold_to and not pred_to)
        else:
            scores.addressee.count(
                all(any(names_match(gold.names_of(a), _names(b, result)) for b in pred_to) for a in gold_to)
                and all(any(names_match(gold.names_of(a), _names(b, result)) for a in gold_to) for b in pred_to))
        if g.get("issue"):
            scores.issue.count((p.issue or "").casefold() == str(g["issue"]).casefold())
        else:
            words = " ".join(str(g.get(k) or "") for k in ("condition", "evidence"))
            scores.issue_words.count(p.issue is not None and lexicon.issue_of(words) == p.issue)
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    for k, item in enumerate(gold_items):
        if k not in matched_gold:
            scores.errors.append(f"{gold.id}: missed {item.get('party')}: {(item.get('evidence') or '')[:70]!r}")
    for k, d in enumerate(pred):
        if k not in matched_pred:
            scores.errors.append(f"{gold.id}: spurious {d.party}: {d.text[:70]!r}")
    return scores


def total(scores: Iterable[DemandScores]) -> DemandScores:
    overall = DemandScores()
    for s in scores:
        overall.add(s)
    return overall


def score_results(golds: Sequence[GoldArticle], results: Sequence[ArticleResult]) -> tuple[DemandScores, list[tuple[str, DemandScores]]]:
    """Overall and per-article scores of analysed gold articles (same order)."""
    per = [(g.id, score_gold_article(g, r)) for g, r in zip(golds, results)]
    return total(s for _, s in per), per
