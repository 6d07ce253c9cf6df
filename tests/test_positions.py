"""Positions over time: two invented articles a month apart in which a party hardens its condition."""

from __future__ import annotations

import datetime as dt

from parley.corpus.positions import compare, positions, results_with_demands
from parley.model import Article, ArticleResult, Demand

FIRST = Article(id="may", published=dt.date(2025, 5, 2), text=(
    "Sergei Lavrov said talks with Kyiv must be based on Ukraine's neutrality."))
SECOND = Article(id="june", published=dt.date(2025, 6, 3), text=(
    "Sergei Lavrov said talks with Kyiv must be based on Ukraine's neutrality and on the "
    "withdrawal of Ukrainian troops from the four regions."))


def test_two_articles_a_month_apart_harden():
    # Given out of date order, on purpose: positions sorts by publication date.
    results = list(results_with_demands([SECOND, FIRST]))
    steps = [s for s in positions(results) if s.party == "sergei-lavrov"]
    assert [s.article_id for s in steps] == ["may", "june"], [s.as_dict() for s in steps]
    assert [s.change for s in steps] == ["appears", "hardens"]
    assert "withdrawal" in steps[1].reason


def _result(rid, day, *demands):
    return ArticleResult(id=rid, published=day, demands=list(demands))


def _demand(text, modality="asserted", stance="demand"):
    return Demand(party="RUS", addressee="UKR", text=text, span=(0, len(text)), issue="talks",
                  modality=modality, stance=stance)


def test_rules_soften_drop_and_unchanged():
    d1 = dt.date(2025, 1, 1)
    d2 = dt.date(2025, 2, 1)
    steps = positions([_result("a", d1, _demand("talks must be based on neutrality and demilitarisation")),
                       _result("b", d2, _demand("talks must be based on neutrality"))])
    assert [s.change for s in steps] == ["appears", "softens"]
    steps = positions([_result("a", d1, _demand("talks must respect neutrality")),
                       _result("b", d2, _demand("talks could respect neutrality", modality="hypothetical"))])
    assert steps[1].change == "softens"
    steps = positions([_result("a", d1, _demand("talks must respect neutrality")),
                       _result("b", d2, _demand("no longer insists on neutrality", modality="negated"))])
    assert steps[1].change == "dropped"
    steps = positions([_result("a", d1, _demand("talks must respect neutrality")),
                       _result("b", d2, _demand("talks must respect neutrality"))])
    assert steps[1].change == "unchanged"
    assert compare(None, steps[0])[0] == "appears"
