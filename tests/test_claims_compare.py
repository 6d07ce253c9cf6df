"""Comparing claims: intervals, composition (killed + wounded = casualties), verdicts, sources."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.corpus.claims import ClaimRef, compare_claims, compare_results, interval, rounding_of, results_with_claims
from parley.extract.claims import load_claim_lexicon
from parley.model import Article, Claim, Section


def ref(article: str, claimant, value, category, *, qualifier=None, subject="UKR", unit="soldiers", date="2024-12-08"):
    claim = Claim(claimant=claimant, value=value, unit=unit, category=category, approximate=qualifier is not None,
                  qualifier=qualifier, subject=subject, span=(0, 5), date=date)
    return ClaimRef(article, claim, claimant, f"{value}")


@pytest.mark.parametrize("value, expected", [(400000, 50000), (43000, 500), (370000, 5000), (87, 0), (120, 5)])
def test_rounding_follows_significant_figures(value, expected):
    assert rounding_of(value) == expected


def test_interval_takes_the_wider_of_rounding_and_qualifier():
    lex = load_claim_lexicon()
    lo, hi, note = interval(Claim(value=400000, qualifier="some", approximate=True, span=(0, 1)), lex)
    assert (lo, hi) == (350000, 450000)
    assert "1 significant figure" in note and "'some' ±10%" in note
    lo, hi, _ = interval(Claim(value=1234, qualifier="more than", approximate=True, span=(0, 1)), lex)
    assert lo == 1234 and hi == float("inf")


def test_killed_plus_wounded_is_composed_and_consistent():
    groups = compare_claims([
        ref("a", "trump", 400000, "casualties", qualifier="some"),
        ref("a", "zelenskiy", 43000, "killed"),
        ref("a", "zelenskiy", 370000, "wounded"),
    ])
    assert len(groups) == 1
    assert groups[0].verdict == "consistent"
    assert "43,000 killed + 370,000 wounded = 413,000 casualties" in groups[0].arithmetic


def test_exact_figures_far_apart_contradict():
    groups = compare_claims([ref("a", "x", 400000, "casualties"), ref("b", "y", 43100, "killed"),
                             ref("b", "y", 100001, "wounded")])
    assert groups[0].verdict == "contradictory"


def test_part_against_whole_is_not_comparable_unless_it_exceeds_it():
    assert compare_claims([ref("a", "x", 400000, "casualties"), ref("b", "y", 43000, "killed")])[0].verdict == "not comparable"
    assert compare_claims([ref("a", "x", 4000, "casualties"), ref("b", "y", 43000, "killed")])[0].verdict == "contradictory"


def test_different_subjects_units_or_dates_are_kept_apart():
    assert compare_claims([ref("a", "x", 100, "killed"), ref("b", "y", 15, "killed", subject="RUS")]) == []
    assert compare_claims([ref("a", "x", 100, "killed", unit="civilians"), ref("b", "y", 15, "killed")]) == []
    far = compare_claims([ref("a", "x", 100, "killed"), ref("b", "y", 15, "killed", date="2025-06-01")])
    assert far[0].verdict == "not comparable"


def test_ceasefire_pair_is_consistent_once_composed(shared_dir):
    from parley.read import read_inputs

    path = shared_dir / "examples" / "ceasefire" / "article.txt"
    results = list(results_with_claims(read_inputs([str(path)], published=dt.date(2024, 12, 8))))
    groups = compare_results(results)
    assert [g.verdict for g in groups] == ["consistent"]
    claimants = {r.claim.claimant for r in groups[0].claims}
    assert claimants == {"donald-trump", "volodymyr-zelenskiy"}
    assert "= 413,000 casualties" in groups[0].arithmetic


def _article(article_id: str, body: str) -> Article:
    return Article(id=article_id, text=body, published=dt.date(2025, 2, 10), language="en",
                   sections=[Section(kind="body", span=(0, len(body)))])


def test_two_articles_with_conflicting_figures():
    first = _article("wire-1", "Russia's defence ministry said on Monday that 120 Ukrainian soldiers were killed "
                               "in a failed assault near Pokrovsk.")
    second = _article("wire-2", "Ukraine's general staff said on Monday that 15 Ukrainian soldiers were killed "
                                "near Pokrovsk, dismissing Moscow's account.")
    results = list(results_with_claims([first, second]))
    assert all(len(r.claims) == 1 for r in results), [r.claims for r in results]
    groups = compare_results(results)
    assert len(groups) == 1
    group = groups[0]
    assert group.verdict == "contradictory"
    cited = {(r.article_id, r.text) for r in group.claims}
    assert cited == {("wire-1", "120 Ukrainian soldiers"), ("wire-2", "15 Ukrainian soldiers")}
    assert "120 killed" in group.arithmetic and "15 killed" in group.arithmetic
    as_json = group.as_dict()
    assert {c["article_id"] for c in as_json["comparisons"][0]["a"] + as_json["comparisons"][0]["b"]} == {"wire-1", "wire-2"}
    # each source keeps its claimant and span into its own article
    for r in group.claims:
        text = (first if r.article_id == "wire-1" else second).text
        assert text[r.claim.span[0]:r.claim.span[1]] == r.text
