"""Speakers of the second quotes round: role nouns, groups, institutions, relayed statements."""

import datetime as dt

from parley.model import Article


def _quotes(analyzer, text):
    result = analyzer.analyse_one(Article(id="t", text=text, published=dt.date(2025, 1, 15)))
    return result, result.quotes


def _by_text(quotes, words):
    return next(q for q in quotes if words in q.text)


def test_participle_cue_in_a_reported_clause_belongs_to_the_reporter(analyzer):
    _, quotes = _quotes(analyzer, "The spokeswoman said no decision had been taken, adding that ministers would meet on Friday.")
    first, second = _by_text(quotes, "decision"), _by_text(quotes, "ministers would meet")
    assert first.text == "no decision had been taken"
    assert second.speaker.name == first.speaker.name == "The spokeswoman"


def test_accused_of_hung_on_the_object(analyzer):
    _, quotes = _quotes(analyzer, "The Venezuelan government accused the opposition of trying to stage a coup.")
    assert _by_text(quotes, "opposition").text.startswith("the opposition of trying")


def test_told_a_briefing_that(analyzer):
    _, quotes = _quotes(analyzer, "The ministry's spokesman, Lin Jian, told a regular briefing that China opposed any interference.")
    assert _by_text(quotes, "China opposed").speaker.name == "Lin Jian"


def test_officials_of_two_countries_are_one_group(analyzer):
    _, quotes = _quotes(analyzer, "Saudi and Emirati officials said they had passed messages between the two sides.")
    assert _by_text(quotes, "messages").speaker.name == "Saudi and Emirati officials"


def test_a_national_title_is_the_office_holder(analyzer):
    _, quotes = _quotes(analyzer, "The Georgian prime minister said on Thursday that the government would suspend the talks.")
    assert _by_text(quotes, "suspend").speaker.name == "Irakli Kobakhidze"


def test_an_envoy_named_before_is_that_person(analyzer):
    text = ("Steve Witkoff, the U.S. special envoy, landed in Doha on Saturday. "
            "The U.S. special envoy said on Sunday that Washington wanted a deal within weeks.")
    result = analyzer.analyse_one(Article(id="t", text=text, published=dt.date(2025, 3, 3)))
    assert "Witkoff" in _by_text(result.quotes, "deal").speaker.name


def test_an_unnamed_envoy_speaks_for_his_country(analyzer):
    # As for an unnamed spokesman: the guidelines resolve unnamed officials to what they represent.
    _, quotes = _quotes(analyzer, "The U.S. special envoy said on Sunday that Washington wanted a deal within weeks.")
    assert _by_text(quotes, "deal").speaker.name == "United States"


def test_a_relayed_statement_is_one_statement(analyzer):
    _, quotes = _quotes(analyzer, "UN Secretary-General Antonio Guterres called on all parties to respect the law, a spokesman said.")
    assert len(quotes) == 1
    assert "Guterres" in quotes[0].speaker.name


def test_its_ministry_is_the_ministry_of_the_country_before(analyzer):
    text = "Russia has been quiet. Its foreign ministry said on Monday that regional problems should be solved by the countries of the region."
    _, quotes = _quotes(analyzer, text)
    assert _by_text(quotes, "regional problems").speaker.actor_id == "rus-foreign-ministry"


def test_the_group_takes_back_the_armed_group(analyzer):
    _, quotes = _quotes(analyzer, "Hamas said it had accepted the proposal.\n\nThe group said it was ready to release hostages.")
    assert _by_text(quotes, "release hostages").speaker.name == "Hamas"


def test_plural_nouns_do_not_take_back_an_actor(analyzer):
    _, quotes = _quotes(analyzer, "Hamas said it had accepted the proposal.\n\nAid groups said they were ready to scale up quickly.")
    assert _by_text(quotes, "scale up").speaker.name != "Hamas"


def test_kb_names_a_commerce_ministry(analyzer):
    _, quotes = _quotes(analyzer, "China's commerce ministry said it would impose countermeasures on pork imports.")
    assert _by_text(quotes, "countermeasures").speaker.actor_id == "chn-commerce-ministry"
