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
- **Claimant actor accuracy** (stricter) over matches: only *names* count. The predicted
  claimant actor's own name, the mentions of that actor that are names ("Zelenskiy",
  "the Home Office"), or the ``claimant_name`` when it is a name, must equal (folded)
  the gold claimant or one of its aliases that is a name. Pronouns ("he", "they") and role
  or body nouns ("the spokesman", "The Ministry") are no names (:func:`is_name`: the
  scorers' pronoun and determiner lists, ``eval/data/words.yaml``, and the role and body
  nouns of ``lexicon/role_nouns.yaml`` and ``lexicon/reporting_verbs.yaml``). The loose
  figure credits any text the predicted actor is mentioned by, so a wrong actor one of whose
  mentions is a role noun the gold claimant is also called by ("the ministry") counts as
  right there; here it does not. A null gold claimant is scored as for the loose figure.
- **Category accuracy** and **approximate-flag accuracy** over matches, reported separately.

Gold claims carry no offsets: each ``evidence`` is searched in the gold text from the
previous claim's start (:func:`parley.eval.gold.locate`); one not found counts as missed.
Predicted claims in the headline are dropped. Not scored: unit, subject, date, qualifier.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

import yaml

from ..kb import LEXICON_DIR
from ..model import ArticleResult
from .gold import GoldArticle, locate
from .matching import Counts, Rate, Span, fold, names_match, overlap
from .quotes import scorer_words


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
    # the actor's name, its name mentions and a claimant_name that is a name: the strict figure
    actor_names: set[str] = field(default_factory=set)


@dataclass
class ClaimScores:
    """Sums for the claim figures (one article, or many added together)."""

    claims: Counts = field(default_factory=Counts)
    claimant: Rate = field(default_factory=Rate)
    claimant_actor: Rate = field(default_factory=Rate)
    category: Rate = field(default_factory=Rate)
    approximate: Rate = field(default_factory=Rate)
    articles: int = 0
    errors: list[dict] = field(default_factory=list)

    def add(self, other: "ClaimScores") -> "ClaimScores":
        self.claims.add(other.claims)
        self.claimant.add(other.claimant)
        self.claimant_actor.add(other.claimant_actor)
        self.category.add(other.category)
        self.approximate.add(other.approximate)
        self.articles += other.articles
        self.errors.extend(other.errors)
        return self

    def as_dict(self) -> dict:
        return {"articles": self.articles, "claims": self.claims.as_dict(),
                "claimant_accuracy": self.claimant.as_dict(),
                "claimant_actor_accuracy": self.claimant_actor.as_dict(), "category_accuracy": self.category.as_dict(),
                "approximate_accuracy": self.approximate.as_dict(), "errors": self.errors}


def _number(x) -> Optional[float]:
    try:
        return None if x is None else float(x)
    except (TypeError, ValueError):
        return None


@lru_cache(maxsize=1)
def _role_phrases() -> frozenset[str]:
    """Words and phrases that make a determiner phrase a role or body noun rather than a name ("The
    Ministry", "the Chief Adviser"): the role families' nouns, people nouns, body heads and
    representative nouns of the project's lexicons, with their neutral modifiers."""
    roles = yaml.safe_load((LEXICON_DIR / "role_nouns.yaml").read_text(encoding="utf-8"))
    verbs = yaml.safe_load((LEXICON_DIR / "reporting_verbs.yaml").read_text(encoding="utf-8"))
    phrases = [noun for family in (roles.get("families") or {}).values() for noun in family.get("nouns") or []]
    for key in ("person_nouns", "name_heads", "body_name_heads", "neutral_modifiers", "other_holder_modifiers",
                "government_neutral_modifiers", "group_quantifiers"):
        phrases += roles.get(key) or []
    for key in ("representatives", "institution_heads", "government_nouns"):
        phrases += verbs.get(key) or []
    return frozenset(fold(str(phrase)).replace("-", " ") for phrase in phrases)


def is_name(text: Optional[str]) -> bool:
    """Whether a claimant text is a name, not a pronoun or a role noun.

    Not a name: one pronoun of the scorers' list written in lower or title case ("he",
    "They"; "US" is a name); a phrase with no capital letter ("officials", "foreign
    ministry"); a phrase whose every capitalised word is a role or body noun, after a
    determiner ("The Ministry", "the Chief Adviser", "His office"). A name: any other
    capitalised phrase ("the Kremlin", "the Government of India", "National Police",
    "Police")."""
    if not text or not text.strip():
        return False
    raw = text.replace("-", " ").split()
    words = [fold(w) for w in raw]
    if len(raw) == 1 and words[0] in scorer_words()["pronouns"] and not raw[0].isupper():
        return False
    if not any(ch.isupper() for ch in text):
        return False
    determiner = words[0] in scorer_words()["determiners"]
    rest = list(zip(raw[1:], words[1:])) if determiner else list(zip(raw, words))
    return not (determiner and _all_roles(rest))


def _all_roles(words: list[tuple[str, str]]) -> bool:
    """Whether every capitalised word of ``(raw, folded)`` pairs is inside a role or body
    phrase ("Chief Adviser", "Secretary General"; not "State Department")."""
    phrases = _role_phrases()
    reach = [True] + [False] * len(words)
    for i in range(len(words)):
        if not reach[i]:
            continue
        if not any(ch.isupper() for ch in words[i][0]):
            reach[i + 1] = True
        for j in range(i + 1, min(len(words), i + 4) + 1):
            if " ".join(w for _, w in words[i:j]) in phrases:
                reach[j] = True
    return reach[-1]


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
        strict: set[str] = set()
        actor = actors.get(claim.claimant or "")
        if actor is not None:
            names.add(actor.name)
            strict.add(actor.name)
            names.update(m.text for m in actor.mention_details)
            strict.update(m.text for m in actor.mention_details if is_name(m.text))
        elif claim.claimant:
            names.add(claim.claimant)
            strict.add(claim.claimant)
        if claim.claimant_name:
            # the claimant as the text names it, as the quotes scorer credits a speaker's name
            names.add(claim.claimant_name)
            if is_name(claim.claimant_name):
                strict.add(claim.claimant_name)
        out.append(PredictedClaim((max(0, start), end), claim.value, claim.low, claim.high, claim.category,
                                  claim.approximate, names, strict))
    return out


def _same(a: Optional[float], b: Optional[float]) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(a))


def values_equal(gold: GoldClaim, pred: PredictedClaim) -> bool:
    if gold.low is not None or gold.high is not None:
        return _same(gold.low, pred.low) and _same(gold.high, pred.high)
    return _same(gold.value, pred.value)


def _actor_right(gold: GoldArticle, g: GoldClaim, p: PredictedClaim) -> bool:
    """The strict claimant test: the predicted actor's name or claimant name against the gold
    claimant's names (its pronoun and role-noun aliases left out)."""
    if not g.claimant:
        return not p.claimant_names
    golds = {g.claimant} | {n for n in gold.names_of(g.claimant) if is_name(n)}
    return names_match(p.actor_names, golds)


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
        actor_right = _actor_right(gold, g, p)
        scores.claimant_actor.count(actor_right)
        if right and not actor_right:
            scores.errors.append({"article": gold.id, "kind": "claimant_actor", "evidence": g.evidence,
                                  "gold": g.claimant, "predicted": sorted(p.actor_names)})
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
