"""The actors scorer: Parley's actors against the gold ``actors`` lists (``../shared/gold-format.md``).

Gold actors carry names, aliases and a type but no offsets, so they are aligned by name:

- a gold actor's **forms** are its name and aliases; a Parley actor's are its canonical name
  and the text of every mention. Both are folded (:func:`parley.eval.matching.fold`: no
  accents, case or leading article). A Parley actor is **aligned** to a gold actor when any
  of its forms equals any gold form.
- a gold actor none of whose forms occurs in the analysed text (folded, at word edges) is
  **absent**: it names a speaker by a pronoun or role noun only, and is left out of the figures.
- **found**: a present gold actor with at least one aligned Parley actor; **unmatched**: none.
- **split**: a gold actor aligned to two or more Parley actors ("Kubrakov" and "Oleksandr
  Kubrakov" as two people); a country's generic agents ("Russian forces", ids ``agent:``)
  are Parley's own distinction and are not counted as halves of the country.
- **type accuracy** over found gold actors: the type of the aligned Parley actor with the
  most aligned mentions (a named actor before a country's generic agent) equals the gold
  type. Parley's finer types are read as the gold's three: ``igo``, ``group``, ``media`` and
  ``other`` count as ``organisation``; a generic agent ("the Finnish government", "French
  troops") is a country's body, right for a gold country or organisation.
- **merged**: a Parley actor aligned to two or more gold actors (reported, not an error of
  kind: the gold sometimes lists a body and its members apart).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from ..model import Actor, ArticleResult
from .gold import GoldActor, GoldArticle
from .matching import Rate, fold

# Parley's actor types as the gold's three kinds.
GOLD_KIND = {"person": "person", "organisation": "organisation", "country": "country",
             "igo": "organisation", "group": "organisation", "media": "organisation", "other": "organisation"}
AGENT_PREFIX = "agent:"


@dataclass
class ActorScores:
    """Sums for the actor figures (one article, or many added together)."""

    gold: int = 0
    absent: int = 0
    found: int = 0
    unmatched: int = 0
    split: int = 0
    merged: int = 0
    type: Rate = field(default_factory=Rate)
    by_type: dict[str, Rate] = field(default_factory=dict)
    confusion: Counter = field(default_factory=Counter)
    articles: int = 0
    errors: list[dict] = field(default_factory=list)

    def add(self, other: "ActorScores") -> "ActorScores":
        for name in ("gold", "absent", "found", "unmatched", "split", "merged", "articles"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.type.add(other.type)
        for kind, rate in other.by_type.items():
            self.by_type.setdefault(kind, Rate()).add(rate)
        self.confusion.update(other.confusion)
        self.errors.extend(other.errors)
        return self

    def as_dict(self) -> dict:
        return {"articles": self.articles, "gold": self.gold, "absent": self.absent, "found": self.found,
                "unmatched": self.unmatched, "split": self.split, "merged": self.merged,
                "type_accuracy": self.type.as_dict(),
                "type_accuracy_by_gold_type": {k: r.as_dict() for k, r in sorted(self.by_type.items())},
                "confusion": {f"{g}->{p}": n for (g, p), n in sorted(self.confusion.items())},
                "errors": self.errors}


def gold_forms(actor: GoldActor) -> set[str]:
    return {f for f in (fold(n) for n in [actor.name, *actor.aliases] if n) if f}


def _mention_forms(actor: Actor) -> list[str]:
    """The folded text of every mention of a Parley actor (one entry per mention)."""
    return [f for f in (fold(m.text) for m in actor.mention_details) if f]


def present_in(text: str, forms: set[str]) -> bool:
    """Whether any folded form occurs in the folded text at word edges."""
    folded = fold(text)
    return any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", folded) for form in forms)


def aligned_actors(forms: set[str], actors: Iterable[Actor]) -> list[tuple[Actor, int]]:
    """The Parley actors whose name or a mention equals a gold form, each with the number of
    its mentions that do, most first."""
    out = []
    for actor in actors:
        mentions = _mention_forms(actor)
        hits = sum(m in forms for m in mentions)
        if hits or fold(actor.name) in forms:
            out.append((actor, hits))
    out.sort(key=lambda pair: -pair[1])
    return out


def score_gold_article(gold: GoldArticle, result: ArticleResult) -> ActorScores:
    """Score one analysed article's actors against its gold actor list."""
    scores = ActorScores(articles=1)
    aligned_to: Counter = Counter()
    for actor in gold.actors:
        forms = gold_forms(actor)
        scores.gold += 1
        if not present_in(result.text, forms):
            scores.absent += 1
            continue
        aligned = aligned_actors(forms, result.actors)
        if not aligned:
            scores.unmatched += 1
            scores.errors.append({"article": gold.id, "kind": "unmatched", "gold": actor.name, "type": actor.type})
            continue
        scores.found += 1
        for a, _ in aligned:
            aligned_to[a.id] += 1
        halves = [a for a, _ in aligned if not a.id.startswith(AGENT_PREFIX)]
        if len(halves) >= 2:
            scores.split += 1
            scores.errors.append({"article": gold.id, "kind": "split", "gold": actor.name,
                                  "predicted": [f"{a.name} ({a.type})" for a in halves]})
        _score_type(scores, gold.id, actor, (halves or [aligned[0][0]])[0])
    scores.merged = sum(1 for n in aligned_to.values() if n >= 2)
    return scores


def _score_type(scores: ActorScores, article: str, gold: GoldActor, predicted: Actor) -> None:
    if gold.type not in ("person", "organisation", "country"):
        return
    kind = GOLD_KIND.get(predicted.type, predicted.type)
    if predicted.id.startswith(AGENT_PREFIX) and gold.type in ("country", "organisation"):
        kind = gold.type  # a country's generic agent stands for the country or is its body
    right = kind == gold.type
    scores.type.count(right)
    scores.by_type.setdefault(gold.type, Rate()).count(right)
    scores.confusion[(gold.type, kind)] += 1
    if not right:
        scores.errors.append({"article": article, "kind": "type", "gold": gold.name, "gold_type": gold.type,
                              "predicted": predicted.name, "predicted_type": predicted.type})


def total(scores: Iterable[ActorScores]) -> ActorScores:
    out = ActorScores()
    for s in scores:
        out.add(s)
    return out


def score_results(golds: Iterable[GoldArticle], results: Iterable[ArticleResult]) -> tuple[ActorScores, list[tuple[str, ActorScores]]]:
    """Overall and per-article scores of analysed gold articles (same order)."""
    per = [(g.id, score_gold_article(g, r)) for g, r in zip(golds, results)]
    return total(s for _, s in per), per
