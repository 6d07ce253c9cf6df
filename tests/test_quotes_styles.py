"""Statement boundaries and speakers in press-release, live-blog and analysis styles:
datelines, time-stamped headings, numbered lists after a colon cue, narrator tails after a
reported content, partial quotations inside indirect speech and "according to" scope."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.model import Article


def _quotes(analyzer, text: str):
    article = Article(id="s", text=text, published=dt.date(2025, 10, 8), source="probe")
    return next(iter(analyzer.analyse([article]))).quotes


def _only(analyzer, text: str):
    quotes = _quotes(analyzer, text)
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0]


def test_dateline_place_is_not_the_speaker(analyzer):
    quote = _only(
        analyzer,
        "ROME/NAIROBI, 3 March 2024 - The World Food Programme (WFP) today warned that drought "
        "in the Horn has left 4 million people hungry.",
    )
    assert quote.speaker.name == "World Food Programme"
    assert quote.text == "drought in the Horn has left 4 million people hungry"


def test_name_before_a_dash_is_no_dateline(analyzer):
    quote = _only(analyzer, "Ruto - a veteran of many talks - said the deal was dead.")
    assert "Ruto" in quote.speaker.name


def test_time_stamped_heading_label_is_the_speaker(analyzer):
    quotes = _quotes(
        analyzer,
        "09:15 GMT - Ruto: ‘We will not back down’\n\nKenyan President William Ruto spoke to reporters in Nairobi.",
    )
    heading = [q for q in quotes if q.text == "We will not back down"]
    assert heading and heading[0].kind == "direct" and "Ruto" in heading[0].speaker.name


def test_numbered_list_after_colon_cue(analyzer):
    quotes = _quotes(
        analyzer,
        "The African Union stresses the need for:\n\n"
        "1. an immediate ceasefire and the withdrawal of all forces from the border zone;\n\n"
        "2. the release of all detained civilians.\n\nThe Union will keep the situation under review.",
    )
    assert [q.text for q in quotes] == [
        "an immediate ceasefire and the withdrawal of all forces from the border zone",
        "the release of all detained civilians",
    ]
    assert all(q.speaker.name == "African Union" for q in quotes)


def test_list_without_a_reporting_verb_is_not_speech(analyzer):
    assert not _quotes(analyzer, "Here is what we know so far:\n\n• Troops have moved towards the border.")


@pytest.mark.parametrize(
    "text, content",
    [
        ("Bosnia's prime minister said the reform was dead; the opposition called the vote a farce.", "the reform was dead"),
        ("The government said it would raise fuel prices by 20%, a move that could affect 1.1 million people.",
         "it would raise fuel prices by 20%"),
        ('Lighthizer warned Washington could take "unilateral measures" if the talks fail, and in October his office '
         "opened an investigation into fishing practices.", 'Washington could take "unilateral measures" if the talks fail'),
        ("Iran also demands the release of frozen assets, which Iranian officials put at more than $100 billion.",
         "the release of frozen assets"),
    ],
)
def test_narrator_tail_is_cut(analyzer, text, content):
    assert _quotes(analyzer, text)[0].text == content


def test_relative_clause_inside_content_is_kept(analyzer):
    quote = _only(analyzer, "Officials said the talks, which the UN brokered, would resume on Monday.")
    assert quote.text == "the talks, which the UN brokered, would resume on Monday"


def test_reported_clause_conjunct_is_kept(analyzer):
    quote = _only(analyzer, "The ministry said the army had withdrawn from the town, and the rebels would return within days.")
    assert quote.text.endswith("the rebels would return within days")


def test_apposition_on_a_claim_reports_nothing(analyzer):
    quote = _only(
        analyzer,
        "Kiprop accused al Shabaab militants of using the camps to recruit fighters, a charge aid groups have long disputed.",
    )
    assert quote.cue == "accused"
    assert quote.text == "al Shabaab militants of using the camps to recruit fighters"


def test_partial_quotation_inside_indirect_speech(analyzer):
    quote = _only(analyzer, 'The UN said Beijing would "never renounce the use of force" in the strait.')
    assert quote.kind == "indirect"
    assert quote.text == 'Beijing would "never renounce the use of force" in the strait'


def test_refusing_to_say_is_not_a_statement(analyzer):
    assert not _quotes(analyzer, "Lin refused to say how long the exercises would last.")


def test_calling_a_meeting_is_not_a_request(analyzer):
    assert not _quotes(analyzer, "The African Union has called an emergency meeting of its Peace and Security Council for Thursday.")


def test_time_of_report_is_outside_the_content(analyzer):
    quote = _only(analyzer, "Moldovan police said last month they had detained dozens of people suspected of stirring unrest.")
    assert quote.text.startswith("they had detained")


def test_according_to_inside_a_relative_clause(analyzer):
    quotes = _quotes(
        analyzer,
        "Israel, which Washington did not consult on the Omani channel according to two diplomats in the region, "
        "insists that any deal must dismantle Iran's capacity.",
    )
    by_cue = {q.cue: q for q in quotes}
    assert by_cue["according"].text == "which Washington did not consult on the Omani channel"
    assert by_cue["insists"].text == "any deal must dismantle Iran's capacity"
    assert by_cue["insists"].speaker.name != by_cue["according"].speaker.name


def test_according_to_before_a_conjunct(analyzer):
    quote = _only(
        analyzer,
        "Trade between the three states was worth about $5.4 billion last year, according to estimates by the "
        "regional development bank, and the levy imposed in March has hit exporters across the region.",
    )
    assert quote.text == "Trade between the three states was worth about $5.4 billion last year"


def test_bullet_is_not_part_of_the_content(analyzer):
    quote = _only(analyzer, "• Ethiopia’s army has moved three divisions towards the border, according to residents in the Afar region.")
    assert quote.text.startswith("Ethiopia")
