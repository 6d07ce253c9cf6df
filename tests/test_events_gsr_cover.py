"""Acts the coder used to miss on short wire sentences: letting outsiders in (CAMEO 086)
and arrivals as visits, with armed bodies' arrivals kept apart (own fixtures)."""

import pytest

from parley.model import Article, Section


def _result(analyzer, text):
    article = Article(id="x", text=text, language="en", sections=[Section(kind="body", span=(0, len(text)))])
    return analyzer.analyse_one(article)


def _coded(analyzer, text):
    """(cameo, source names, target names) of each event of ``text``."""
    result = _result(analyzer, text)
    names = {a.id: a.name for a in result.actors}

    def side(ref):
        return [names.get(r, r) for r in ([ref] if isinstance(ref, str) else ref or [])]

    return [(e.cameo, side(e.source), side(e.target)) for e in result.events]


@pytest.mark.parametrize("text, target", [
    ("The prime minister of Chad received a team of observers from the African Union on Monday.", "African Union"),
    ("Lebanon has welcomed monitors from the United Nations to watch the border.", "United Nations"),
])
def test_receiving_outside_observers_is_yielding(analyzer, text, target):
    codes = _coded(analyzer, text)
    found = [c for c in codes if c[0].startswith("086")]
    assert found, codes
    assert any(target in t for _, _, t in found), codes


def test_allowing_humanitarian_access_is_yielding(analyzer):
    codes = _coded(analyzer, "The Ethiopian government allowed humanitarian access to Tigray on Sunday.")
    assert any(c.startswith("086") for c, _, _ in codes), codes


def test_a_guest_received_is_still_hosted(analyzer):
    # no observers or peacekeepers: the plain host reading (043) stays
    codes = _coded(analyzer, "President Ruto received the Somali president in Nairobi on Monday.")
    assert not any(c.startswith("086") for c, _, _ in codes), codes


def test_arriving_in_a_country_is_a_visit_to_it(analyzer):
    codes = _coded(analyzer, "Mali's foreign minister arrived in Russia on Monday.")
    visits = [c for c in codes if c[0] == "042"]
    assert visits, codes
    assert any("Russia" in t for _, _, t in visits), codes


@pytest.mark.parametrize("text", [
    "Russian troops arrived in Mali on Monday.",
    "Ukrainian forces travelled to Kursk overnight.",
])
def test_an_armed_body_arriving_is_no_visit(analyzer, text):
    codes = _coded(analyzer, text)
    assert not any(c == "042" for c, _, _ in codes), codes


def test_refugees_arriving_is_no_visit(analyzer):
    codes = _coded(analyzer, "Some 9,000 refugees arrived in Burundi since late September.")
    assert not any(c == "042" for c, _, _ in codes), codes


def test_access_wanted_of_another_is_no_yielding(analyzer):
    # the E3 ask Iran for access: Iran has not granted it
    codes = _coded(analyzer, "The E3 want Iran to restore full access for IAEA inspectors.")
    assert not any(c.startswith("086") and "Iran" in s for c, s, _ in codes), codes


def test_arriving_in_a_seat_is_no_visit(analyzer):
    codes = _coded(analyzer, "Senator Bobby Scott arrived in Congress in 1993.")
    assert not any(c == "042" for c, _, _ in codes), codes
