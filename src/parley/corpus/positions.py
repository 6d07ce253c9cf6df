"""Positions over time: each party's demands per issue across a set of articles, in date order,
with a flag saying how the position moved.

A **step** is what one article reports of one party on one issue: all that party's demands
on that issue in the article, taken together. Steps are ordered by the article's
publication date (undated articles last, in input order), and each is compared with the
party's previous step on the same issue:

- ``appears``: the first step of the party on the issue;
- ``dropped``: every demand of the step is negated ("no longer demands", "did not call
  for") or says it is dropped (words in ``position_drop_words`` of this module);
- ``hardens``: the act moves up the scale hypothetical/future < asserted, or the stance moves
  from a demand to a refusal or rejection, or conditions are added: the step has more
  demands than before, or its words keep all the previous content words and add new ones;
- ``softens``: the reverse: the act moves down to hypothetical or future, a refusal becomes
  a demand, or conditions are dropped (fewer demands, or content words lost and none added);
- ``changed``: content words both lost and added (a different condition on the same issue);
- ``unchanged``: the same content words, modality and stance.

Content words are the words of each demand's text less ``label_stopwords`` of
``lexicon/demands.yaml``, lower-cased, with a final plural "s" removed.

Not done: a party that stops mentioning an issue is not flagged ``dropped`` (silence in
one article is not a change of position); paraphrases are compared by words, not meaning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional, Sequence

from ..model import Article, ArticleResult, Demand

STRENGTH = {"hypothetical": 0, "future": 1, "historical": 2, "asserted": 2, "negated": -1}
STANCE_STRENGTH = {"demand": 0, "rejection": 1, "refusal": 1}
# Words that say a demand is given up ("Moscow dropped its demand", "no longer insists").
position_drop_words = ("no longer", "dropped", "drops", "abandoned", "abandons", "withdrew its demand",
                       "gave up", "gives up", "backed away", "backs away", "backed down", "waived")


@dataclass
class Step:
    """One article's demands of one party on one issue."""

    party: str
    issue: Optional[str]
    article_id: str
    published: Optional[dt.date]
    demands: list[Demand] = field(default_factory=list)
    change: str = "appears"
    reason: str = ""

    @property
    def words(self) -> set[str]:
        return set().union(*(content_words(d.text) for d in self.demands)) if self.demands else set()

    @property
    def strength(self) -> int:
        return max(STRENGTH.get(d.modality, 2) for d in self.demands)

    @property
    def stance(self) -> str:
        return max((d.stance for d in self.demands), key=lambda s: STANCE_STRENGTH.get(s, 0))

    def as_dict(self) -> dict:
        return {
            "party": self.party, "issue": self.issue, "article": self.article_id,
            "published": self.published.isoformat() if self.published else None,
            "change": self.change, "reason": self.reason,
            "demands": [{"text": d.text, "span": list(d.span), "addressee": d.addressee, "modality": d.modality,
                         "stance": d.stance, "voiced_by": d.voiced_by, "label": d.label} for d in self.demands],
        }


def content_words(text: str) -> set[str]:
    """The words of a condition that carry its content (see the module docstring)."""
    from ..extract.demands import load_demand_lexicon

    stop = load_demand_lexicon().label_stopwords
    words = set()
    for word in re.findall(r"[a-z0-9'-]+", text.lower()):
        word = word.removesuffix("'s").removesuffix("\u2019s")
        if word in stop or len(word) < 2:
            continue
        words.add(word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word)
    return words


def positions(results: Sequence[ArticleResult]) -> list[Step]:
    """Every party's steps per issue, in date order, each flagged against the step before.

    Returns the steps sorted by party, issue, then date.
    """
    order = {id(r): k for k, r in enumerate(results)}
    dated = sorted((r for r in results if r.error is None),
                   key=lambda r: (r.published is None, r.published or dt.date.min, order[id(r)]))
    timeline: dict[tuple[str, Optional[str]], list[Step]] = {}
    for result in dated:
        steps: dict[tuple[str, Optional[str]], Step] = {}
        for demand in result.demands:
            if not demand.party:
                continue
            key = (demand.party, demand.issue)
            step = steps.setdefault(key, Step(demand.party, demand.issue, result.id, result.published))
            step.demands.append(demand)
        for key, step in steps.items():
            history = timeline.setdefault(key, [])
            step.change, step.reason = compare(history[-1] if history else None, step)
            history.append(step)
    return [step for key in sorted(timeline, key=lambda k: (k[0], k[1] or "")) for step in timeline[key]]


def compare(before: Optional[Step], after: Step) -> tuple[str, str]:
    """How ``after`` moved from ``before``: (change, reason) by the rules of the module docstring."""
    if before is None:
        return "appears", "first statement of this position"
    if all(d.modality == "negated" or any(w in d.text.lower() for w in position_drop_words) for d in after.demands):
        return "dropped", "the demand is negated or said to be dropped"
    if after.stance != before.stance:
        harder = STANCE_STRENGTH.get(after.stance, 0) > STANCE_STRENGTH.get(before.stance, 0)
        return ("hardens" if harder else "softens"), f"stance {before.stance} -> {after.stance}"
    if after.strength != before.strength:
        harder = after.strength > before.strength
        return ("hardens" if harder else "softens"), "modality " + (
            f"{_modality_word(before)} -> {_modality_word(after)}")
    old, new = before.words, after.words
    added, lost = new - old, old - new
    if len(after.demands) != len(before.demands) and (not lost or not added):
        harder = len(after.demands) > len(before.demands)
        return ("hardens" if harder else "softens"), f"{len(before.demands)} -> {len(after.demands)} conditions"
    if added and not lost:
        return "hardens", "conditions added: " + ", ".join(sorted(added))
    if lost and not added:
        return "softens", "conditions dropped: " + ", ".join(sorted(lost))
    if added and lost:
        return "changed", "added: " + ", ".join(sorted(added)) + "; dropped: " + ", ".join(sorted(lost))
    return "unchanged", "same conditions"


def _modality_word(step: Step) -> str:
    return max((d.modality for d in step.demands), key=lambda m: STRENGTH.get(m, 2))


def results_with_demands(articles: Iterable[Article], model: Optional[str] = None) -> Iterator[ArticleResult]:
    """Analyse articles; the default pipeline runs ``parley_demands``."""
    from ..analyse import analyse_articles

    yield from analyse_articles(articles, model)

