"""Acts wire sentences tell with words the coder lacked, and the count that hides an object
("kidnapped up to 16 advisers"). Own fixtures, written for these rules."""

import pytest

from parley.extract.event_syntax import counted_object
from parley.model import Article, Section


def _coded(analyzer, text):
    """(cameo, source names, target names) of each event of ``text``."""
    article = Article(id="x", text=text, language="en", sections=[Section(kind="body", span=(0, len(text)))])
    result = analyzer.analyse_one(article)
    names = {a.id: a.name for a in result.actors}

    def side(ref):
        return [names.get(r, r) for r in ([ref] if isinstance(ref, str) else ref or [])]

    return [(e.cameo, side(e.source), side(e.target)) for e in result.events]


def _verb(doc, lemma):
    return next(t for t in doc if t.lemma_ == lemma)


def test_a_bound_on_the_count_is_no_goal(spacy_nlp):
    # the model reads "up" as the verb's particle and "to 16 ... advisers" as its phrase
    doc = spacy_nlp("Rebels kidnapped up to 16 Russian civilian advisers.")
    found = counted_object(_verb(doc, "kidnap"))
    assert found is not None and found.lemma_ == "adviser"


def test_moving_up_to_a_place_counts_nothing(spacy_nlp):
    doc = spacy_nlp("The battalion moved up to the front line overnight.")
    assert counted_object(_verb(doc, "move")) is None


def test_the_counted_people_are_the_target(analyzer):
    codes = _coded(analyzer, "Afghan rebels have kidnapped up to 16 Russian civilian advisers from a market.")
    kidnaps = [c for c in codes if c[0] == "181"]
    assert kidnaps, codes
    assert any("Russia" in " ".join(t) or "advis" in " ".join(t).lower() for _, _, t in kidnaps), codes


@pytest.mark.parametrize("text", [
    "The Sri Lankan army has been holding Tamil civilians as human shields, the rebels said.",
    "Hamas used civilians in Gaza as human shields, Israel said.",
])
def test_using_people_as_shields(analyzer, text):
    codes = _coded(analyzer, text)
    assert any(c == "184" for c, _, _ in codes), codes


def test_forcing_an_aid_agency_out_is_expelling_it(analyzer):
    codes = _coded(analyzer, "Jakarta forced the UN refugee agency, UNHCR, out of the country.")
    assert any(c == "1663" for c, _, _ in codes), codes


def test_forcing_an_agency_to_act_is_no_expulsion(analyzer):
    codes = _coded(analyzer, "Jakarta forced the UN refugee agency to close two camps.")
    assert not any(c.startswith("166") for c, _, _ in codes), codes


def test_seeking_refuge_is_a_request(analyzer):
    codes = _coded(analyzer, "Some 800,000 Iraqi Kurds sought refuge in Germany last month.")
    assert any(c == "020" for c, _, _ in codes), codes


def test_travelling_for_talks_is_a_visit(analyzer):
    codes = _coded(analyzer, "Iran's foreign minister headed to Moscow for talks on Monday.")
    assert any(c == "042" for c, _, _ in codes), codes


def test_returning_to_talks_is_no_visit(analyzer):
    codes = _coded(analyzer, "Iran returned to the talks in Vienna on Monday.")
    assert not any(c == "042" for c, _, _ in codes), codes


def test_a_crowd_gathering_in_protest(analyzer):
    codes = _coded(analyzer, "Thousands of Kenyans gathered in protest outside parliament on Tuesday.")
    assert any(c == "141" for c, _, _ in codes), codes


def test_a_crowd_gathering_to_watch_is_no_protest(analyzer):
    codes = _coded(analyzer, "Thousands of Kenyans gathered in the square to watch the match on Tuesday.")
    assert not any(c.startswith("14") for c, _, _ in codes), codes
