"""Statements on text the team wrote: marks, cues, speakers, channels."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.quotemarks import find_quoted_spans
from parley.model import Article


def _analyse(analyzer, text: str, published=dt.date(2025, 3, 4)):
    return analyzer.analyse_one(Article(id="t", text=text, published=published))


def _quote(result, words):
    found = [q for q in result.quotes if words in q.text]
    assert found, f"no quote contains {words!r}: {[q.text for q in result.quotes]}"
    return found[0]


# -- quotation marks (no spaCy) -------------------------------------------------------
def test_marks_pair_per_paragraph_and_run_on_over_paragraphs():
    text = "“First part of it,\n“second part of it,” he said.\nNothing here."
    spans = [text[s.start:s.end] for s in find_quoted_spans(text)]
    assert spans == ["First part of it", "second part of it"]


def test_stray_mark_never_swallows_the_next_paragraph():
    text = 'He said "this never closes.\nThe next paragraph is plain reporting.'
    spans = [text[s.start:s.end] for s in find_quoted_spans(text)]
    assert spans == ["this never closes."]


def test_straight_and_nested_single_marks():
    text = "\"He called it 'a farce', and left,\" she said."
    spans = [text[s.start:s.end] for s in find_quoted_spans(text)]
    assert spans == ["He called it 'a farce', and left"]


def test_british_single_marks_when_no_double_marks():
    text = "‘We will not give in to blackmail,’ the minister says."
    spans = [text[s.start:s.end] for s in find_quoted_spans(text)]
    assert spans == ["We will not give in to blackmail"]


# -- statements (spaCy) ----------------------------------------------------------------
def test_split_quote_speaker_in_the_middle(analyzer):
    r = _analyse(analyzer, '"We are ready," Dmitry Peskov said, "but only if Kyiv withdraws its troops."')
    first, second = _quote(r, "We are ready"), _quote(r, "but only if Kyiv")
    assert first.speaker.name == second.speaker.name == "Dmitry Peskov"
    assert first.kind == second.kind == "direct"


def test_inverted_cue(analyzer):
    r = _analyse(analyzer, '"The decision is final," said Sergei Lavrov.')
    assert _quote(r, "decision is final").speaker.name == "Sergei Lavrov"


def test_pronoun_speaker_resolves_to_the_subject_before(analyzer):
    text = (
        "Rustem Umerov met Israel Katz in Brussels on Monday.\n"
        "Umerov spoke to reporters after the meeting.\n"
        '"We discussed air defence in detail," he said.'
    )
    q = _quote(_analyse(analyzer, text), "air defence")
    assert q.speaker.name == "Rustem Umerov"
    assert [link.how for link in q.speaker.chain][0] == "pronoun"
    assert q.speaker.span is not None and text[q.speaker.span[0]:q.speaker.span[1]] == "he"


def test_follow_on_paragraph_keeps_the_speaker(analyzer):
    text = (
        'Kaja Kallas arrived in Kyiv on Tuesday. "Europe will stand with Ukraine," she said.\n'
        '"We will keep our promises, whatever happens in Washington."'
    )
    q = _quote(_analyse(analyzer, text), "keep our promises")
    assert q.speaker.name == "Kaja Kallas"
    assert q.cue is None and q.speaker.span is None


def test_role_noun_speaker(analyzer):
    text = (
        "Kremlin spokesman Dmitry Peskov declined to comment on the report.\n"
        "The spokesman said the Kremlin had not received any proposal."
    )
    q = _quote(_analyse(analyzer, text), "had not received any proposal")
    assert q.speaker.name == "Dmitry Peskov"
    assert q.kind == "indirect"


def test_indirect_with_that_and_channel_and_date(analyzer):
    text = "Volodymyr Zelenskiy said on Telegram on Sunday that Ukraine would not cede territory."
    q = _quote(_analyse(analyzer, text, published=dt.date(2025, 3, 4)), "Ukraine would not cede territory")
    assert q.kind == "indirect" and q.channel == "Telegram"
    assert q.speaker.name == "Volodymyr Zelenskiy"
    assert q.date == "2025-03-02"
    assert not q.text.startswith("that")


def test_according_to(analyzer):
    text = "Talks will resume in Doha next week, according to the Qatari foreign ministry."
    q = _quote(_analyse(analyzer, text), "Talks will resume in Doha")
    assert q.kind == "indirect" and q.cue == "according"


def test_organisation_speaker_in_a_statement(analyzer):
    text = "The Kremlin said in a statement that the exchange had been agreed."
    q = _quote(_analyse(analyzer, text), "exchange had been agreed")
    assert q.speaker.actor_id == "kremlin" and q.channel == "statement"


def test_scare_quotes_and_thoughts_are_not_statements(analyzer):
    text = 'Officials believe the plan is dead. The so-called "humanitarian pause" ended on Monday.'
    r = _analyse(analyzer, text)
    assert not r.quotes


def test_channel_carries_over_to_the_same_speakers_next_statement(analyzer):
    text = (
        'Donald Trump wrote on Truth Social that the war must end. "It is a terrible waste," Trump added.'
    )
    r = _analyse(analyzer, text)
    assert _quote(r, "terrible waste").channel == "Truth Social"


def test_unbalanced_marks_do_not_crash(analyzer):
    text = '"Open\n"Still open\nNot a quote at all, said nobody.\n"Closed," he said."'
    r = _analyse(analyzer, text)
    assert r.error is None


def test_office_holder_on_the_publication_date(analyzer, kb):
    text = "Russia's foreign minister said on Tuesday that the talks had failed."
    q = _quote(_analyse(analyzer, text, published=dt.date(2024, 12, 8)), "talks had failed")
    assert q.speaker.name.endswith("Lavrov")
    assert [link.how for link in q.speaker.chain][-1] == "office holder on the date"


def test_pronoun_agrees_with_a_known_gender(analyzer):
    text = (
        "Donald Trump met Karoline Leavitt on Monday. Leavitt spoke first.\n"
        "She said the meeting had gone well."
    )
    q = _quote(_analyse(analyzer, text), "meeting had gone well")
    assert q.speaker.name == "Karoline Leavitt"


def test_live_blog_time_is_not_the_speaker(analyzer):
    text = "14:12 – Kyiv Mayor Vitali Klitschko said on Telegram that three districts had lost power."
    q = _quote(_analyse(analyzer, text), "three districts had lost power")
    assert q.speaker.name == "Vitali Klitschko" and q.channel == "Telegram"


def test_accusation_and_naming_statements(analyzer):
    text = "Israel accused Hamas of backtracking on the deal. Ben-Gvir called the agreement a reckless deal."
    r = _analyse(analyzer, text)
    assert _quote(r, "Hamas of backtracking").kind == "indirect"
    assert _quote(r, "the agreement a reckless deal").kind == "indirect"
