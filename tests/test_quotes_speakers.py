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
    # The actor is the country; the speaker keeps the name the article gives the post.
    result, quotes = _quotes(analyzer, "The U.S. special envoy said on Sunday that Washington wanted a deal within weeks.")
    speaker = _by_text(quotes, "deal").speaker
    assert {a.id: a.name for a in result.actors}[speaker.actor_id] == "United States"
    assert speaker.name == "U.S. special envoy"


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


# -- round 3: role nouns that take back a person described in apposition, and groups ------

def test_a_role_given_in_apposition_names_the_person_later(analyzer):
    text = ("The opposition leader, Anna Kowalczyk, called the vote rigged. "
            "The opposition leader said protests would continue.")
    _, quotes = _quotes(analyzer, text)
    assert _by_text(quotes, "protests").speaker.name == "Anna Kowalczyk"


def test_the_official_is_the_official_introduced_before(analyzer):
    text = ("Lars Holm, a senior official at the European Commission, said the package was ready. "
            "The official said member states would vote next month.")
    _, quotes = _quotes(analyzer, text)
    assert _by_text(quotes, "member states").speaker.name == "Lars Holm"


def test_a_described_name_unknown_to_the_kb_is_taken_back(analyzer):
    text = ("Tomasz Wrobel, the spokesman for the regional governor, said the evacuation was complete. "
            "The spokesman added that two bridges had been destroyed.")
    _, quotes = _quotes(analyzer, text)
    assert _by_text(quotes, "bridges").speaker.name == "Tomasz Wrobel"


def test_an_indefinite_spokesman_speaks_for_the_institution(analyzer):
    _, quotes = _quotes(analyzer, "A Kremlin spokesman said Moscow had not received the proposal.")
    assert "Peskov" not in _by_text(quotes, "proposal").speaker.name


def test_a_department_spokesman_speaks_for_the_department_named_before(analyzer):
    text = ("The U.S. State Department said on Thursday it was reviewing the aid. "
            "A department spokesman said no decision had been made.")
    _, quotes = _quotes(analyzer, text)
    assert "State" in _by_text(quotes, "no decision").speaker.name


def test_the_government_is_the_subject_not_a_later_object(analyzer):
    text = ("Mali's transitional government said on Monday it had expelled the French ambassador. "
            "The government said the envoy had made hostile remarks.")
    _, quotes = _quotes(analyzer, text)
    assert "Mali" in _by_text(quotes, "hostile remarks").speaker.name
