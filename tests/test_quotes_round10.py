"""Speakers of round 10 (sentences written for these tests): a noun inside the quotation is
not its speaker; a family name written first says nothing of gender; a quotation passed on
"according to" an office keeps the speaker its own cue names."""

from __future__ import annotations

from parley.extract.coref import Gender
from tests.pipeline_helpers import quotes_of as _quotes, speaker_of as _speaker_of


def test_noun_inside_the_quote_is_not_the_speaker(analyzer):
    text = ("\u201cThe harvest is lost. Total ruin for the valley,\u201d said Tomas Lindqvist, "
            "who chairs a farmers' cooperative near the border.")
    speaker = _speaker_of(_quotes(analyzer, text), "Total ruin")
    assert speaker.name and "Lindqvist" in speaker.name


def test_plural_noun_opening_the_quote_is_not_the_speaker(analyzer):
    text = ('"Farmers who had only just replanted are leaving again, many of them for the second time," '
            "said Ines Okafor, the regional relief coordinator.")
    speaker = _speaker_of(_quotes(analyzer, text), "replanted")
    assert speaker.name and "Okafor" in speaker.name


def test_speaker_before_the_cue_still_wins(analyzer):
    # Near miss: one subject, outside the marks: nothing to filter.
    text = '"The harvest is lost," Tomas Lindqvist said on Monday.'
    speaker = _speaker_of(_quotes(analyzer, text), "harvest is lost")
    assert speaker.name and "Lindqvist" in speaker.name


def test_family_name_first_is_not_male():
    gender = Gender()
    assert gender.of("Kim Yo Jong") == "female"
    assert gender.of("Kim Yo-jong") == "female"
    assert gender.of("Kim Jong Un") == "male"
    # Unlisted names that open with a family name agree with either pronoun.
    assert gender.of("Kim Min-seo") is None
    assert gender.agrees("she", "Wang Lihua") and gender.agrees("he", "Wang Lihua")
    # Given names still decide for names in Western order.
    assert gender.of("Maria Santos") == "female"
    assert gender.of("Vladimir Putin") == "male"
    # A masculine surname ending decides when the given name is unknown.
    assert gender.of("Yalchin Rafiyev") == "male" and gender.of("Zarina Rafiyeva") == "female"


def test_she_reaches_a_woman_whose_family_name_comes_first(analyzer):
    text = ("Defence Minister Arturo Beltran told reporters in Manila that the patrols would go on. "
            "But Kim Yo Jong, the sister of the North Korean leader, said in a statement on Wednesday that "
            "Pyongyang would never give up its weapons.\n\n"
            "\u201cThey talk about dialogue while staging drills on our doorstep,\u201d she said.")
    speaker = _speaker_of(_quotes(analyzer, text), "staging drills")
    assert speaker.name and "Kim Yo Jong" in speaker.name


def test_according_to_his_office_relays_a_direct_quote(analyzer):
    text = ("\u201cThis is a grave provocation that threatens the whole region,\u201d President Arturo Beltran "
            "said at an emergency cabinet meeting, according to his office.")
    quotes = _quotes(analyzer, text)
    speaker = _speaker_of(quotes, "grave provocation")
    assert speaker.name and "Beltran" in speaker.name


def test_according_to_still_sources_unquoted_reporting(analyzer):
    # Near miss: no quotation marks, nothing is relayed verbatim; the phrase keeps its statement.
    text = "The rebels have seized two more towns in the north, according to local officials."
    quotes = _quotes(analyzer, text)
    speaker = _speaker_of(quotes, "seized two more towns")
    assert speaker.name and "official" in speaker.name.lower()
