"""Speakers of round 9 (sentences written for these tests): an infinitive with its own subject
is not a statement; a colon cue is the main clause's verb; plural role nouns are never one person."""

from __future__ import annotations

from tests.pipeline_helpers import quotes_of as _quotes, speaker_of as _speaker_of


def test_expected_someone_to_confirm_is_not_their_statement(analyzer):
    text = ("Lucas Ferreira, a union leader, said the workers had accepted the offer, adding that the union "
            "expected the employers to confirm that no jobs would be cut this year.")
    speaker = _speaker_of(_quotes(analyzer, text), "no jobs would be cut")
    assert speaker.actor_id == "new:person:lucas-ferreira" or speaker.name == "Lucas Ferreira"


def test_went_on_to_say_is_still_a_statement(analyzer):
    # Near miss: an infinitive without a subject of its own is the speaker's words.
    text = "Lucas Ferreira, a union leader, went on to say that no jobs would be cut this year."
    speaker = _speaker_of(_quotes(analyzer, text), "no jobs would be cut")
    assert speaker.name and "Ferreira" in speaker.name


def test_colon_cue_is_the_main_verb_not_a_clause_of_time(analyzer):
    text = ("Kenya's president William Ruto wrote on X shortly after the results were announced:\n\n"
            "\"We will respect the verdict of the people. Kenya will not be divided.\"")
    speaker = _speaker_of(_quotes(analyzer, text), "respect the verdict")
    assert speaker.name and "Ruto" in speaker.name


def test_plural_members_are_not_a_member_named_before(analyzer):
    text = ("Omar Farouk, a member of the council, said the talks would resume on Monday. "
            "Hardline members of the ruling coalition have said they will walk out if the talks resume.")
    quotes = _quotes(analyzer, text)
    found = [q for q in quotes if "walk out" in q.text]
    assert all(q.speaker.actor_id != "new:person:omar-farouk" for q in found)
