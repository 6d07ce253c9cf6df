"""Speakers of the third quotes round: pronouns by salience, speakers introduced by an
indefinite description, unnamed governments and envoys, and cues that report nothing."""

import datetime as dt

from parley.model import Article


def _quotes(analyzer, text):
    result = analyzer.analyse_one(Article(id="t", text=text, published=dt.date(2025, 1, 15)))
    return result, result.quotes


def _by_text(quotes, words):
    return next(q for q in quotes if words in q.text)


def _hows(quote):
    return [link.how for link in quote.speaker.chain]


def test_pronoun_continues_the_previous_statement_of_an_unnamed_speaker(analyzer):
    _, quotes = _quotes(
        analyzer,
        "Ports face delays\n\nHouthi leader Abdul-Malik al-Houthi vowed to keep up the attacks.\n\n"
        '"Nobody wants to send a ship through there now," a senior executive at a Singapore-based '
        "tanker company told Al Jazeera. He said insurance costs had tripled since January.",
    )
    first, second = _by_text(quotes, "Nobody wants"), _by_text(quotes, "insurance costs")
    assert first.kind == "direct"
    assert first.speaker.name == "a senior executive at a Singapore-based tanker company"
    assert second.speaker.name == first.speaker.name
    assert "speaker of the previous statement" in _hows(second)


def test_pronoun_in_its_own_sentence_with_a_subject_does_not_continue(analyzer):
    _, quotes = _quotes(
        analyzer,
        "Deal reached\n\nQatar's Prime Minister Mohammed bin Abdulrahman Al Thani said the first phase would last six weeks.\n\n"
        "In Washington, President Joe Biden welcomed the truce, which he said was the result of \"months of quiet work\" by his envoys.",
    )
    assert _by_text(quotes, "months of quiet work").speaker.name == "Joe Biden"


def test_role_subject_of_the_sentence_before_outranks_a_nearer_speaker(analyzer):
    _, quotes = _quotes(
        analyzer,
        "Council meets\n\nSecretary-General Antonio Guterres briefed the Security Council on Monday. "
        "Russia's envoy Vassily Nebenzia said the draft was one-sided.\n\n"
        "The Secretary-General is expected to brief the Council again on Friday. He said the situation was beyond catastrophic.",
    )
    quote = _by_text(quotes, "the situation was")
    assert "Guterres" in quote.speaker.name
    assert "role subject of the sentence before" in _hows(quote)


def test_she_skips_the_man_who_spoke_last(analyzer):
    _, quotes = _quotes(
        analyzer,
        "Talks in Beijing\n\nGerman Foreign Minister Annalena Baerbock met Chinese Foreign Minister Wang Yi in Beijing on Tuesday. "
        "Wang said China would not supply weapons to either side.\n\nShe said Europe expected Beijing to use its influence.",
    )
    assert _by_text(quotes, "Europe expected").speaker.name == "Annalena Baerbock"


def test_the_definite_noun_takes_back_an_indefinite_speaker(analyzer):
    _, quotes = _quotes(
        analyzer,
        "Sanctions talks\n\nA European diplomat told Reuters the package could still be agreed. "
        "The diplomat said Slovakia had dropped its objections.",
    )
    quote = _by_text(quotes, "Slovakia had dropped")
    assert quote.speaker.name == "A European diplomat"
    assert "same description as an earlier speaker" in _hows(quote)


def test_unnamed_government_speaks_for_the_country_before(analyzer):
    result, quotes = _quotes(
        analyzer,
        "Sudan talks\n\nSudan's army said it had retaken a key bridge in Khartoum.\n\n"
        "The army-backed government said in a statement that it would not attend talks in London.",
    )
    quote = _by_text(quotes, "would not attend")
    assert quote.speaker.name == "army-backed government"
    # One of the country's rival governments: an actor of its own, of the country before.
    actor = {a.id: a for a in result.actors}[quote.speaker.actor_id]
    assert actor.id != "SDN" and actor.country == "SDN" and actor.sector == "GOV"


def test_unnamed_ambassador_speaks_for_the_country(analyzer):
    result, quotes = _quotes(analyzer, "Vote in Vienna\n\nThe Board adopted the text. Iran's ambassador said the vote was politically motivated.")
    quote = _by_text(quotes, "politically motivated")
    assert quote.speaker.name == "Iran's ambassador"
    assert {a.id: a.name for a in result.actors}[quote.speaker.actor_id] == "Iran"


def test_name_the_tagger_missed_before_the_cue(analyzer):
    _, quotes = _quotes(analyzer, 'Tariffs bite\n\nGeely said it was "deeply disappointed" and would consider all legal options.')
    assert _by_text(quotes, "deeply disappointed").speaker.name == "Geely"


def test_possessive_subject_of_a_noun_cue_is_a_pronoun(analyzer):
    _, quotes = _quotes(
        analyzer,
        "Vucic speaks\n\nSerbian President Aleksandar Vucic addressed the nation on Sunday. "
        "He repeated his accusation that foreign agencies were behind the protests.",
    )
    found = [q for q in quotes if "foreign agencies" in q.text]
    assert len(found) == 1  # the verb and the noun cue report it once
    assert found[0].speaker.name == "Aleksandar Vucic"


def test_cues_that_report_nothing(analyzer):
    _, quotes = _quotes(
        analyzer,
        "Live updates\n\nPresident Joe Biden was asked by reporters for his reaction.\n\n"
        "The foreign ministry responded by ordering diplomats from the seven countries to leave.\n\n"
        "Thank you for following.",
    )
    texts = " | ".join(q.text for q in quotes)
    assert "his reaction" not in texts
    assert "diplomats from the seven countries" not in texts
    assert "you for following" not in texts


def test_thanks_on_a_platform_is_not_the_content(analyzer):
    _, quotes = _quotes(analyzer, "Ceasefire holds\n\nPrime Minister Shehbaz Sharif thanked Trump on X and said Pakistan had accepted the ceasefire.")
    assert not any(q.text == "Trump on X" for q in quotes)
    assert _by_text(quotes, "Pakistan had accepted").speaker.name == "Shehbaz Sharif"
