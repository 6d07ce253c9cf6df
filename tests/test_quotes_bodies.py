"""Speakers of the sixth quotes round: bodies named by a common noun, the body behind
published results, a country's security bodies, crowd counts, and two kinds of cue that
report no statement of their own (a nested report, a court filing)."""

import datetime as dt

import pytest

from parley.model import Article


def _result(analyzer, text):
    return analyzer.analyse_one(Article(id="t", text=text, published=dt.date(2025, 5, 20)))


def _by_text(quotes, words):
    return next(q for q in quotes if words in q.text)


def test_a_body_noun_is_the_body_not_its_leader(analyzer):
    text = ("Port workers' union leader Jorge Salas said the strike would continue. "
            "The union said two of its members had been detained.")
    quote = _by_text(_result(analyzer, text).quotes, "two of its members")
    assert quote.speaker.name != "Jorge Salas"
    assert "union" in quote.speaker.name.lower()


def test_the_bloc_takes_an_intergovernmental_body_only(analyzer):
    text = ("Russia's foreign ministry summoned the Estonian ambassador on Monday. "
            "The bloc urged Moscow to release the detained border guard.")
    quote = _by_text(_result(analyzer, text).quotes, "Moscow to release")
    assert "ministry" not in (quote.speaker.name or "").lower()


def test_the_bloc_after_the_eu(analyzer):
    text = ("Russia's foreign ministry summoned the Estonian ambassador on Monday. The European Union "
            "has backed Tallinn. The bloc urged Moscow to release the detained border guard.")
    quote = _by_text(_result(analyzer, text).quotes, "Moscow to release")
    assert quote.speaker.name == "European Union"


def test_a_crowd_count_is_not_part_of_the_group_name(analyzer):
    result = _result(analyzer, "About 300 climate activists said fossil fuel lobbyists should leave the talks.")
    assert _by_text(result.quotes, "lobbyists").speaker.name == "climate activists"


def test_an_exact_count_stays_in_the_group_name(analyzer):
    result = _result(analyzer, "Officials from Ghana and Togo met on Monday. The two sides said the border would reopen.")
    assert _by_text(result.quotes, "border would reopen").speaker.name.lower() == "the two sides"


def test_a_country_security_body_unknown_to_the_kb(analyzer):
    result = _result(analyzer, "Vietnam's coast guard said it had sent two vessels to the reef. "
                               "The coast guard said the vessels would stay.")
    first, second = _by_text(result.quotes, "two vessels"), _by_text(result.quotes, "would stay")
    actor = next(a for a in result.actors if a.id == first.speaker.actor_id)
    assert (actor.name, actor.type, actor.country) == ("Vietnam coast guard", "organisation", "VNM")
    assert second.speaker.actor_id == actor.id


def test_a_conjoined_cue_takes_the_reporters_subject(analyzer):
    text = ("A spokesman for the refugee agency said any return had to be voluntary and called on "
            "governments to keep their borders open.")
    quotes = _result(analyzer, text).quotes
    assert _by_text(quotes, "governments to keep").speaker.name == _by_text(quotes, "any return").speaker.name
    assert "spokesman" in _by_text(quotes, "governments to keep").speaker.name


def test_results_speak_for_the_body_that_published_them(analyzer):
    text = "The ruling party won 48% of the vote, according to final results from the Independent Electoral Authority."
    quote = _by_text(_result(analyzer, text).quotes, "48%")
    assert quote.speaker.name == "Independent Electoral Authority"


def test_a_cue_heading_the_reported_clause_is_not_another_statement(analyzer):
    quotes = _result(analyzer, "Jorge Salas said the union was demanding a 9% raise and shorter shifts.").quotes
    assert [q.text for q in quotes] == ["the union was demanding a 9% raise and shorter shifts"]


def test_asking_a_court_is_a_filing_not_a_statement(analyzer):
    quotes = _result(analyzer, "The port operators have asked a labor court to order the workers back to their posts.").quotes
    assert not quotes


def test_a_full_name_in_apposition_to_a_role_is_the_speaker(analyzer):
    text = "The party conceded nothing. Its campaign chief, Sofía Medina, said the delays had hurt every voter."
    quote = _by_text(_result(analyzer, text).quotes, "delays")
    assert quote.speaker.name == "Sofía Medina"


@pytest.mark.parametrize("text, speaker", [
    ('Marcos, speaking to reporters: "China must stop harassing our fishermen."', "Marcos"),
    ('Kaja Kallas arrived in Kyiv on Monday.\n\nKallas: "Russia is not interested in peace."', "Kaja Kallas"),
])
def test_a_name_before_a_colon_labels_the_quote(analyzer, text, speaker):
    quotes = analyzer.analyse_one(Article(id="label", text=text, published=dt.date(2025, 3, 1))).quotes
    assert [(q.speaker.name, q.kind) for q in quotes] == [(speaker, "direct")]


def test_a_colon_after_a_common_phrase_labels_nothing(analyzer):
    text = 'The message was clear: "We will not give up."'
    assert analyzer.analyse_one(Article(id="label", text=text, published=dt.date(2025, 3, 1))).quotes == []
