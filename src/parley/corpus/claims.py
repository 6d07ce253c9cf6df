"""Comparing numeric claims within an article and across a batch of articles.

Claims about the same quantity are grouped, and each pair of accounts in a group is judged:

- **same quantity**: the same subject (at country level: "Ukrainian soldiers" and "Kyiv"
  are both Ukraine; a claim with no subject only meets others with none), a compatible unit
  (``ClaimLexicon.units_compatible``: "soldiers" ~ "troops", "people" ~ any human unit) and a
  category of the same family: killed, wounded and casualties form one family, every other
  category its own ("other" only with the same unit).
- **accounts**: the claims of one claimant in one article. In the casualty family an
  account giving killed and wounded but no casualties figure is composed:
  killed + wounded = casualties.
- **interval** of a figure (the rule that decides agreement): start from the value (a range
  or a vague plural: its two ends). *Rounding*: a whole number ending in k zeros is read as
  rounded to 10^k, so it stands for ±10^k/2 (400,000 has one significant figure: ±50,000;
  43,000: ±500; 87: exact). *Qualifier*: each approximation word of ``claims.yaml`` allows a
  fraction below and above ("some" ±10%, "nearly" -10%, "more than" no upper limit, "up
  to" no lower limit). Each side of the interval takes the wider of the two. A composed
  figure's interval is the sum of its parts' intervals.
- **verdict** of a pair: *consistent* when the intervals overlap, *contradictory* when they
  do not; *not comparable* when one is only part of the other (killed alone against
  casualties, unless the part alone exceeds the whole: contradictory), when both are
  different parts (killed against wounded), or when their dates are more than
  ``DATE_WINDOW_DAYS`` apart (running totals grow). A group is contradictory when any pair
  is, consistent when at least one pair is and none contradicts, else not comparable.

Every group keeps the claims it compares with their article id, claimant, span and text,
and states its arithmetic as a sentence. Groups with a single account are not reported.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional, Sequence

from ..extract.claims import ClaimLexicon, load_claim_lexicon
from ..model import Article, ArticleResult, Claim

CASUALTY_FAMILY = ("killed", "wounded", "casualties")
PARTS = ("killed", "wounded")
DATE_WINDOW_DAYS = 31
Verdict = str  # "consistent" | "contradictory" | "not comparable"


@dataclass
class ClaimRef:
    """A claim with what is needed to cite it: its article, claimant's name and evidence text."""

    article_id: str
    claim: Claim
    claimant_name: Optional[str] = None
    text: str = ""

    @property
    def who(self) -> str:
        return self.claimant_name or self.claim.claimant or "the article"

    def as_dict(self) -> dict:
        return {"article_id": self.article_id, "claimant": self.claim.claimant, "claimant_name": self.claimant_name,
                "span": list(self.claim.span), "text": self.text, "value": self.claim.value, "low": self.claim.low,
                "high": self.claim.high, "unit": self.claim.unit, "category": self.claim.category,
                "approximate": self.claim.approximate, "qualifier": self.claim.qualifier,
                "subject": self.claim.subject, "date": self.claim.date}


@dataclass
class Estimate:
    """One account's figure for a quantity, with the interval it allows and how it was read."""

    refs: list[ClaimRef]
    category: str
    value: float
    low: float
    high: float
    reading: str  # "43,000 killed + 370,000 wounded = 413,000 casualties (407,500–418,500)"

    @property
    def is_part(self) -> bool:
        return self.category in PARTS


@dataclass
class Comparison:
    """Two accounts of one quantity and the verdict on them."""

    a: Estimate
    b: Estimate
    verdict: Verdict
    arithmetic: str


@dataclass
class ClaimGroup:
    """Claims about one quantity, from two or more accounts, and the verdict on them."""

    subject: Optional[str]
    family: str
    unit: Optional[str]
    claims: list[ClaimRef]
    comparisons: list[Comparison] = field(default_factory=list)
    verdict: Verdict = "not comparable"

    @property
    def arithmetic(self) -> str:
        return " | ".join(c.arithmetic for c in self.comparisons)

    def as_dict(self) -> dict:
        return {
            "subject": self.subject, "quantity": self.family, "unit": self.unit, "verdict": self.verdict,
            "arithmetic": [c.arithmetic for c in self.comparisons],
            "comparisons": [{"verdict": c.verdict, "arithmetic": c.arithmetic,
                             "a": [r.as_dict() for r in c.a.refs], "b": [r.as_dict() for r in c.b.refs]}
                            for c in self.comparisons],
            "claims": [r.as_dict() for r in self.claims],
        }


# ---------------------------------------------------------------- inputs


def claim_refs(results: Iterable[ArticleResult]) -> list[ClaimRef]:
    """Every claim of the results, with its article id, claimant name and evidence text."""
    refs = []
    for result in results:
        names = {actor.id: actor.name for actor in result.actors}
        for claim in result.claims:
            refs.append(ClaimRef(result.id, claim, names.get(claim.claimant or ""),
                                 result.text[claim.span[0]:claim.span[1]]))
    return refs


def results_with_claims(articles: Iterable[Article], model: Optional[str] = None,
                        batch_size: int = 16) -> Iterator[ArticleResult]:
    """Analyse articles; the default pipeline runs ``parley_claims``."""
    from ..analyse import analyse_articles

    yield from analyse_articles(articles, model, batch_size)

# ---------------------------------------------------------------- intervals


def rounding_of(value: float) -> float:
    """Half the place of the last significant digit of a whole number: 400,000 -> 50,000."""
    if value is None or value != int(value) or value == 0:
        return 0.0
    n, zeros = int(abs(value)), 0
    while n % 10 == 0:
        n //= 10
        zeros += 1
    return 10 ** zeros / 2 if zeros else 0.0


def interval(claim: Claim, lex: ClaimLexicon) -> tuple[float, float, str]:
    """The interval a claim allows and a note saying why (see the module docstring)."""
    if claim.low is not None and claim.high is not None:
        lo, hi = claim.low, claim.high
    else:
        lo = hi = float(claim.value or 0.0)
    notes = []
    r_lo, r_hi = rounding_of(lo), rounding_of(hi)
    if r_lo or r_hi:
        digits = len(str(int(lo)).rstrip("0")) if lo else 0
        notes.append(f"{digits} significant figure{'s' if digits != 1 else ''} ±{_fmt(r_lo)}" if lo == hi
                     else "rounding of the range's ends")
    new_lo, new_hi = lo - r_lo, hi + r_hi
    tol = lex.tolerance(claim.qualifier)
    if tol:
        below, above = tol.get("below") or 0.0, tol.get("above")
        q_lo = lo * (1 - below)
        q_hi = math.inf if above is None else hi * (1 + above)
        new_lo, new_hi = min(new_lo, q_lo), max(new_hi, q_hi)
        notes.append(f"'{claim.qualifier.lower()}' " + _describe_tolerance(below, above))  # type: ignore[union-attr]
    return max(0.0, new_lo), new_hi, "; ".join(notes)


def _describe_tolerance(below: float, above: Optional[float]) -> str:
    if above is None:
        return "no upper limit"
    if below >= 1.0:
        return "no lower limit"
    if below == above:
        return f"±{round(below * 100)}%"
    return f"-{round(below * 100)}%/+{round(above * 100)}%"


def _fmt(x: float) -> str:
    if x == math.inf:
        return "∞"
    return f"{x:,.0f}" if float(x).is_integer() or abs(x) >= 100 else f"{x:,.2f}"


def _figure_text(claim: Claim) -> str:
    if claim.low is not None and claim.high is not None and claim.value is None:
        return f"{_fmt(claim.low)}–{_fmt(claim.high)}"
    return _fmt(claim.value or 0.0)


def _single(ref: ClaimRef, lex: ClaimLexicon) -> Estimate:
    claim = ref.claim
    lo, hi, note = interval(claim, lex)
    qualifier = f"{claim.qualifier.lower()} " if claim.qualifier else ""
    reading = f"{qualifier}{_figure_text(claim)} {claim.category} ({_fmt(lo)}–{_fmt(hi)}"
    reading += f": {note})" if note else ")"
    value = claim.value if claim.value is not None else ((claim.low or 0) + (claim.high or 0)) / 2
    return Estimate([ref], claim.category, float(value), lo, hi, reading)


def _composed(killed: ClaimRef, wounded: ClaimRef, lex: ClaimLexicon) -> Estimate:
    a, b = _single(killed, lex), _single(wounded, lex)
    total = a.value + b.value
    reading = (f"{_figure_text(killed.claim)} killed + {_figure_text(wounded.claim)} wounded = "
               f"{_fmt(total)} casualties ({_fmt(a.low + b.low)}–{_fmt(a.high + b.high)})")
    return Estimate([killed, wounded], "casualties", total, a.low + b.low, a.high + b.high, reading)


# ---------------------------------------------------------------- grouping


def _subject_key(subject: Optional[str]) -> Optional[str]:
    if subject and subject.startswith("agent:"):
        return subject.split(":")[1]
    return subject


def _family(claim: Claim) -> str:
    if claim.category in CASUALTY_FAMILY:
        return "casualties"
    return claim.category


def _groups(refs: Sequence[ClaimRef], lex: ClaimLexicon) -> list[list[ClaimRef]]:
    buckets: dict[tuple, list[list[ClaimRef]]] = {}
    for ref in refs:
        claim = ref.claim
        key = (_subject_key(claim.subject), _family(claim), claim.unit if claim.category == "other" else None)
        clusters = buckets.setdefault(key, [])
        for cluster in clusters:
            if all(lex.units_compatible(claim.unit, other.claim.unit) for other in cluster):
                cluster.append(ref)
                break
        else:
            clusters.append([ref])
    return [cluster for clusters in buckets.values() for cluster in clusters]


def _estimates(account: list[ClaimRef], lex: ClaimLexicon) -> list[Estimate]:
    """One account's figures; killed + wounded composed when it gives no casualties figure."""
    by_category: dict[str, list[ClaimRef]] = {}
    for ref in account:
        by_category.setdefault(ref.claim.category, []).append(ref)
    if "killed" in by_category and "wounded" in by_category and "casualties" not in by_category:
        return [_composed(by_category["killed"][0], by_category["wounded"][0], lex)]
    return [_single(ref, lex) for ref in account]


def _date(value: Optional[str]) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def _dates_apart(a: Estimate, b: Estimate) -> bool:
    da = [d for d in (_date(r.claim.date) for r in a.refs) if d]
    db = [d for d in (_date(r.claim.date) for r in b.refs) if d]
    return bool(da and db) and abs((min(da) - min(db)).days) > DATE_WINDOW_DAYS


def judge(a: Estimate, b: Estimate) -> Comparison:
    """The verdict on two estimates of one quantity, with the arithmetic as a sentence."""
    said = f"{a.refs[0].who}: {a.reading}; {b.refs[0].who}: {b.reading}"
    if _dates_apart(a, b):
        return Comparison(a, b, "not comparable", f"{said}: not comparable, figures of dates more than {DATE_WINDOW_DAYS} days apart")
    if a.category == b.category or (not a.is_part and not b.is_part):
        if a.low <= b.high and b.low <= a.high:
            return Comparison(a, b, "consistent", f"{said}: consistent, the ranges overlap")
        return Comparison(a, b, "contradictory", f"{said}: contradictory, the ranges do not overlap")
    if a.is_part and b.is_part:
        return Comparison(a, b, "not comparable", f"{said}: not comparable, {a.category} and {b.category} are different parts")
    part, whole = (a, b) if a.is_part else (b, a)
    if part.low > whole.high:
        return Comparison(a, b, "contradictory", f"{said}: contradictory, {part.category} alone exceeds {whole.category}")
    return Comparison(a, b, "not comparable", f"{said}: not comparable, {part.category} is only part of {whole.category}")


def compare_claims(claims_with_context: Iterable[ClaimRef], lexicon: Optional[ClaimLexicon] = None) -> list[ClaimGroup]:
    """Group claims about the same quantity and judge each group (see the module docstring).

    Args:
        claims_with_context: claims with their article and claimant (:func:`claim_refs`).
        lexicon: the claims word lists (tolerances, unit groups); the bundled ones by default.

    Returns:
        Groups with two or more accounts (claimant x article), in order of first claim.
    """
    lex = lexicon or load_claim_lexicon()
    refs = list(claims_with_context)
    out = []
    for cluster in _groups(refs, lex):
        accounts: dict[tuple, list[ClaimRef]] = {}
        for ref in cluster:
            accounts.setdefault((ref.article_id, ref.claim.claimant), []).append(ref)
        if len(accounts) < 2:
            continue
        estimates = [(key, e) for key, account in accounts.items() for e in _estimates(account, lex)]
        comparisons = [judge(ea, eb) for i, (ka, ea) in enumerate(estimates)
                       for kb, eb in estimates[i + 1:] if ka != kb]
        verdicts = {c.verdict for c in comparisons}
        verdict = ("contradictory" if "contradictory" in verdicts
                   else "consistent" if "consistent" in verdicts else "not comparable")
        first = cluster[0].claim
        units = sorted({r.claim.unit for r in cluster if r.claim.unit})
        out.append(ClaimGroup(subject=_subject_key(first.subject), family=_family(first),
                              unit="/".join(units) or None, claims=cluster, comparisons=comparisons, verdict=verdict))
    return out


def compare_results(results: Iterable[ArticleResult], lexicon: Optional[ClaimLexicon] = None) -> list[ClaimGroup]:
    """:func:`compare_claims` over every claim of a batch of analysed articles."""
    return compare_claims(claim_refs(results), lexicon)
