"""Statement extents, cue offsets, British quotation marks and institution speakers."""

from __future__ import annotations

import datetime as dt

from parley.extract.quotemarks import find_quoted_spans
from parley.model import Article


def _analyse(analyzer, text: str, published=dt.date(2024, 12, 8)):
    return analyzer.analyse_one(Article(id="t", text=text, published=published))


def _quote(result, words):
    found = [q for q in result.quotes if words in q.text]
    assert found, f"no quote contains {words!r}: {[q.text for q in result.quotes]}"
    return found[0]


# -- where a reported content ends ----------------------------------------------------
def test_narrative_as_clause_ends_the_content(analyzer):
    text = ("The opposition leader said the election had been stolen, as tens of thousands of "
            "protesters filled the streets of the capital.")
    quote = _quote(_analyse(analyzer, text), "stolen")
    assert quote.text == "the election had been stolen"


def test_while_clause_of_the_narrative_ends_the_content(analyzer):
    text = "The minister said the talks would resume next week, while police cleared the square outside."
    quote = _quote(_analyse(analyzer, text), "resume")
    assert "police" not in quote.text


def test_backshifted_as_clause_stays_in_the_content(analyzer):
    text = "The envoy said the talks had stalled, as Moscow had refused every proposal."
    quote = _quote(_analyse(analyzer, text), "stalled")
    assert "refused" in quote.text


def test_parenthetical_cue_reports_the_clause_before_it_not_the_relative_after(analyzer):
    text = ("Ten member states voted in favour and twelve abstained, EU sources said, "
            "which was not enough to block the proposal.")
    result = _analyse(analyzer, text)
    quote = _quote(result, "voted in favour")
    assert quote.text == "Ten member states voted in favour and twelve abstained"
    assert not any("not enough" in q.text for q in result.quotes)


# -- cue offsets ----------------------------------------------------------------------
def test_cue_span_points_at_the_reporting_verb(analyzer):
    text = "“We are ready,” Peskov said on Sunday."
    result = _analyse(analyzer, text)
    quote = _quote(result, "We are ready")
    assert quote.cue == "said"
    assert quote.cue_span is not None and text[quote.cue_span[0]:quote.cue_span[1]] == "said"


def test_cue_span_of_according_to_covers_both_words(analyzer):
    text = "According to the Health Ministry, more than 40 people were killed in the strike on Sunday."
    quote = _quote(_analyse(analyzer, text), "40 people")
    assert text[quote.cue_span[0]:quote.cue_span[1]] == "According to"


def test_follow_on_paragraph_has_no_cue_span(analyzer):
    text = "“The first part is done,” Peskov said.\n\n“The second part will take longer than anyone thinks.”"
    quote = _quote(_analyse(analyzer, text), "second part")
    assert quote.cue is None and quote.cue_span is None


# -- speaker mentions -----------------------------------------------------------------
def test_relative_pronoun_is_the_mention_nearest_the_quote(analyzer):
    text = "The plan was backed by the economist David Kamin, who said on Monday that the tax changes were sound."
    result = _analyse(analyzer, text)
    quote = _quote(result, "the tax changes were sound")
    assert text[quote.speaker.span[0]:quote.speaker.span[1]] == "who"
    assert quote.speaker.name and "Kamin" in quote.speaker.name


def test_gerund_after_a_preposition_takes_the_clause_subject(analyzer):
    text = "President Barack Obama responded on Wednesday by saying the issue was manufactured."
    quote = _quote(_analyse(analyzer, text), "manufactured")
    assert quote.speaker.name == "Barack Obama"


# -- institutions ---------------------------------------------------------------------
def test_ministry_of_a_country_is_the_kb_institution_and_the_ministry_later_too(analyzer):
    text = "Russia's foreign ministry said the talks had failed.\n\nThe ministry also said it would respond."
    result = _analyse(analyzer, text)
    first, second = _quote(result, "talks had failed"), _quote(result, "would respond")
    assert first.speaker.name == "Russian Foreign Ministry"
    assert second.speaker.name == "Russian Foreign Ministry"
    # The speaker is an actor of the article, mentioned by the phrase that named it.
    actor = next(a for a in result.actors if a.id == first.speaker.actor_id)
    assert any("foreign ministry" in m.text.lower() for m in actor.mention_details)


def test_a_leaders_office_is_the_office_not_the_leader(analyzer):
    text = "Israeli Prime Minister Benjamin Netanyahu's office said some details were still being finalized."
    result = _analyse(analyzer, text)
    quote = _quote(result, "details")
    actor = next(a for a in result.actors if a.id == quote.speaker.actor_id)
    assert actor.type == "organisation"
    assert "Netanyahu's office" in {m.text for m in actor.mention_details}


def test_institution_missing_from_the_kb_is_named_as_written(analyzer):
    # Not in the KB: named as written, or as the government of the country it names.
    text = "The Bolivian foreign ministry said the exchange was the 14th it had mediated."
    quote = _quote(_analyse(analyzer, text), "14th")
    assert quote.speaker.name is not None and ("foreign ministry" in quote.speaker.name or "Bolivia" in quote.speaker.name)


def test_institution_in_the_kb_is_found_by_country_and_words(analyzer):
    text = "The United Arab Emirates foreign ministry said the exchange was the 14th it had mediated."
    quote = _quote(_analyse(analyzer, text), "14th")
    assert quote.speaker.actor_id == "are-foreign-ministry"


# -- British house style: single marks outside, double nested ------------------------------
def test_british_style_pairs_single_marks_and_nests_double_ones():
    text = ("‘What we are seeing is a “Maidan” scenario, and it will fail,’ the prime minister says. "
            "‘Georgia will not be turned into a second Ukraine.’\n\n"
            "‘They won’t win,’ she says. ‘The protesters’ demands are fair.’")
    spans = [text[s.start:s.end] for s in find_quoted_spans(text)]
    assert spans == [
        "What we are seeing is a “Maidan” scenario, and it will fail",
        "Georgia will not be turned into a second Ukraine.",
        "They won’t win",
        "The protesters’ demands are fair.",
    ]


def test_british_style_quotation_over_paragraphs():
    text = "‘The first part is done,’ she says. ‘The second\n\n‘and the third are not.’\n\nPlain reporting."
    spans = find_quoted_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["The first part is done", "The second", "and the third are not."]
    assert spans[1].continues and spans[2].continued


def test_plural_possessive_closes_when_a_new_quotation_opens():
    text = ("A spokesman said Russia ‘has learned to live under sanctions’ and will find "
            "‘alternative routes’, and that ‘nobody’ would stop it.")
    spans = [text[s.start:s.end] for s in find_quoted_spans(text)]
    assert spans[:2] == ["has learned to live under sanctions", "alternative routes"]


def test_american_text_with_an_odd_single_mark_keeps_double_marks():
    text = "“We are ready,” he said. “The ‘deal’ is done.”\n\nShe called it ‘a farce’ on Monday."
    spans = [text[s.start:s.end] for s in find_quoted_spans(text)]
    # Nested ‘deal’ stays inside the double-marked quotation; a paragraph with no double
    # marks still gets its single-marked quotation, as before.
    assert spans == ["We are ready", "The ‘deal’ is done.", "a farce"]


# -- directives with a prepositional addressee ------------------------------------------
def test_called_on_someone_to_do_something(analyzer):
    text = "Rep. Adam Schiff called on President Obama to retaliate against Russia for the hacking."
    quote = _quote(_analyse(analyzer, text), "to retaliate")
    assert quote.text.startswith("President Obama to retaliate")


def test_called_for_a_gerund(analyzer):
    text = "The senator has called for reducing the corporate tax rate to 28 percent."
    quote = _quote(_analyse(analyzer, text), "reducing")
    assert quote.text == "reducing the corporate tax rate to 28 percent"


def test_a_mere_prepositional_phrase_is_not_a_statement(analyzer):
    text = "The senator spoke to reporters about the economy on Monday."
    assert _analyse(analyzer, text).quotes == []
