"""The quote scorer (``parley eval quotes``): matching rules on hand-made predictions, the
gold and brat readers on fixtures written for these tests, and one end-to-end CLI run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.eval.brat import parse_ann, read_polnear
from parley.eval.gold import GoldActor, GoldArticle, GoldQuote, locate, read_gold
from parley.eval.matching import Counts, fold, match_exact, match_regions, names_match, overlap, overlaps_enough
from parley.eval.quotes import (
    Predicted,
    cue_lemma,
    is_speech,
    known_lemmas,
    score_gold_article,
    score_polnear_document,
    surface_kind,
)

FIXTURES = Path(__file__).parent / "fixtures" / "eval"


# ------------------------------------------------------------------ matching


def test_overlap_counts_shared_characters_across_pieces():
    assert overlap((0, 10), (5, 20)) == 5
    assert overlap((0, 10), (10, 20)) == 0
    assert overlap(((0, 4), (8, 12)), (2, 10)) == 4  # 2-4 and 8-10


def test_half_of_shorter_rule():
    # 5 shared characters: half of the shorter (10) -> enough; of a shorter 12 -> not enough.
    assert overlaps_enough((0, 10), (5, 100))
    assert not overlaps_enough((0, 12), (7, 100))
    assert overlaps_enough((0, 12), (6, 100))
    assert not overlaps_enough((0, 10), (10, 20))  # touching is not overlapping


def test_matching_is_one_to_one_by_largest_overlap():
    gold = [(0, 20), (30, 50)]
    # Prediction 0 overlaps gold 0 a little (5 of its 10), prediction 1 overlaps it a lot.
    pred = [(15, 25), (2, 20), (31, 49)]
    assert match_regions(gold, pred) == [(0, 1), (1, 2)]
    # One long prediction covering both gold quotes is matched to one of them only.
    assert len(match_regions([(0, 10), (12, 22)], [(0, 22)])) == 1


def test_exact_matching_ignores_quote_marks_and_final_punctuation():
    text = '"We are ready," he said that the talks would go on.'
    assert match_exact(text, [(1, 14)], [(0, 15)]) == [(0, 0)]
    assert match_exact(text, [(1, 13)], [(1, 10)]) == []
    # A leading "that" is dropped on both sides.
    said_that = text.index("that")
    assert match_exact(text, [(said_that, len(text) - 1)], [(said_that + 5, len(text))]) == [(0, 0)]


def test_names_fold_accents_and_case():
    assert fold("  Anja KOVAČ. ") == "anja kovac"
    assert names_match({"Kovac"}, {"Anja Kovač", "kovač"})
    assert not names_match({"Kovacs"}, {"Anja Kovač"})
    assert not names_match({None, ""}, {""})


def test_counts_figures():
    c = Counts(tp=3, fp=1, fn=2)
    assert c.precision == 0.75 and c.recall == 0.6
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts().precision is None and Counts(fn=2).f1 is None


# ------------------------------------------------------------------ gold format


@pytest.mark.parametrize("surface,kind", [
    (None, "none"), ("", "none"), ("he", "pronoun"), ("They", "pronoun"),
    ("the spokesman", "role"), ("a senior US official", "role"), ("officials", "role"),
    ("Peskov", "name"), ("Kremlin spokesman Dmitry Peskov", "name"), ("the Kremlin", "name"),
])
def test_surface_kind(surface, kind):
    assert surface_kind(surface) == kind


def test_locate_prefers_the_occurrence_after_the_previous_quote():
    text = "He said no. Later he said no."
    assert locate(text, "said no") == (3, 10)
    assert locate(text, "said no", after=12) == (text.rindex("said no"), len(text) - 1)
    # Typographic marks and line breaks in the text do not stop the search.
    assert locate("She said “we\nwon” today", 'we won"') == (10, 17)
    assert locate(text, "yes") is None


def _gold() -> GoldArticle:
    text = ('"We will talk," Anja Kovač said. The ministry said in a statement that ships would wait. '
            'She added that nothing was signed.')
    quotes = [
        GoldQuote("Anja Kovač", "We will talk,", "direct", None, "Anja Kovač"),
        GoldQuote("Foreign Ministry", "ships would wait", "indirect", "statement", "The ministry"),
        GoldQuote("Anja Kovač", "nothing was signed", "indirect", None, "She"),
    ]
    for q in quotes:
        q.span = locate(text, q.text)
    actors = [GoldActor("Anja Kovač", ["Kovac"]), GoldActor("Foreign Ministry", ["the ministry"])]
    return GoldArticle(id="t", text=text, actors=actors, quotes=quotes)


def test_score_gold_article_counts_and_accuracies():
    gold = _gold()
    t = gold.text
    s1 = t.index("We will")
    s2 = t.index("ships")
    s3 = t.index("nothing")
    predicted = [
        Predicted(span=(s1 - 1, s1 + 14), kind="direct", speaker_names={"Kovac"}),  # exact, alias w/o accent
        Predicted(span=(s2, s2 + 10), kind="direct", speaker_names={"The Ministry"}, channel="Statement"),
        Predicted(span=(s3, s3 + 18), kind="indirect", speaker_names={"Someone Else"}, channel="X"),
        Predicted(span=(0, 3), kind="direct"),  # matches nothing
    ]
    scores = score_gold_article(gold, predicted)
    assert (scores.quotes.tp, scores.quotes.fp, scores.quotes.fn) == (3, 1, 0)
    assert scores.exact.tp == 2  # the second prediction is cut short
    assert (scores.speaker.hits, scores.speaker.total) == (2, 3)
    assert scores.speaker_by_surface["pronoun"].hits == 0
    assert scores.speaker_by_surface["role"].hits == 1
    assert scores.speaker_by_surface["name"].hits == 1
    assert (scores.channel.hits, scores.channel.total) == (1, 1)
    assert (scores.channel_when_gold_null.hits, scores.channel_when_gold_null.total) == (1, 2)
    assert (scores.kind.hits, scores.kind.total) == (2, 3)


def test_unlocatable_gold_quote_is_missed_and_reported():
    article = read_gold([FIXTURES / "gold"])[0]
    assert article.quotes and not article.problems
    from parley.eval.gold import parse_gold

    broken = parse_gold({"id": "b", "text": "Nothing here.", "quotes": [{"speaker": "X", "text": "absent words", "kind": "direct"}]})
    assert broken.problems and broken.quotes[0].span is None
    assert score_gold_article(broken, []).quotes.fn == 1


def test_read_gold_folder_reads_json_and_jsonl_and_builds_articles():
    articles = read_gold([FIXTURES / "gold"])
    assert [a.id for a in articles] == ["farmers-02", "harbour-01"]
    harbour = articles[1]
    article = harbour.to_article()
    assert article.text[harbour.body_offset:] == harbour.text
    assert [s.kind for s in article.sections] == ["headline", "body"]
    assert str(harbour.published) == "2024-03-05"
    assert harbour.names_of("kovac") >= {"Anja Kovač", "Foreign Minister Anja Kovač"}
    for q in harbour.quotes:
        assert harbour.text[q.span[0]:q.span[1]] == q.text


# ------------------------------------------------------------------ brat / PolNeAR


def test_parse_ann_keeps_discontinuous_content_and_merges_content2():
    ann = (FIXTURES / "polnear/dev/attributions/bridge-reopens_bbbb.ann").read_text(encoding="utf-8")
    attributions = parse_ann(ann)
    assert len(attributions) == 3
    quote = attributions[1]
    assert len(quote.content.pieces) == 2 and quote.source.text == "she"
    assert attributions[2].source is None and attributions[2].anchor == "Attribution-no-source"


def test_read_polnear_uses_the_first_annotator_and_says_so():
    dataset = read_polnear(FIXTURES / "polnear/dev")
    assert len(dataset.documents) == 1
    doc = dataset.documents[0]
    assert doc.annotator == "aaaa" and str(doc.published) == "2023-04-02"
    assert any("aaaa" in n and "bbbb" in n for n in dataset.notes)
    for a in doc.attributions:  # offsets index the text verbatim
        for start, end in a.source.pieces:
            assert doc.text[start:end] == a.source.text


def test_cue_lemmas_and_speech():
    assert cue_lemma("said") == "say"
    assert cue_lemma("has said") == "say"
    assert cue_lemma("called for") == "call"
    assert cue_lemma("admitted") == "admit"
    assert cue_lemma("Said thursday morning") == "say"
    assert cue_lemma("believes") == "believe"
    assert cue_lemma("―") is None
    doc = read_polnear(FIXTURES / "polnear/dev").documents[0]
    assert [is_speech(a) for a in doc.attributions] == [True, True, False]


def test_cue_lemmas_come_from_verb_lists_only():
    known = known_lemmas()
    assert {"say", "believe", "urge", "accuse", "congratulate"} <= known
    # nouns and markers of the same lexicon file are not verbs of a cue
    assert not {"spokesman", "statement", "according to", "as", "court", "commit"} & known
    # "the spokesman said": the verb, not the noun before it
    assert cue_lemma("the spokesman said") == "say"


def test_score_polnear_speech_subset_ignores_predictions_on_thoughts():
    doc = read_polnear(FIXTURES / "polnear/dev").documents[0]
    t = doc.text
    said, quote, belief = doc.attributions
    predicted = [
        # the indirect quote, speaker span on "The mayor": content and source right
        Predicted(span=said.content.pieces[0], speaker_span=said.source.pieces[0]),
        # the direct quote's first piece, speaker span wrong
        Predicted(span=quote.content.pieces[0], speaker_span=(0, 3)),
        # the belief: a match for "all", neither TP nor FP for "speech"
        Predicted(span=belief.content.pieces[0], speaker_span=belief.source.pieces[0]),
        # a stray prediction in no attribution
        Predicted(span=(t.index("residents"), t.index("residents") + 9)),
    ]
    scores = score_polnear_document(doc, predicted)
    assert (scores.all.content.tp, scores.all.content.fp, scores.all.content.fn) == (3, 1, 0)
    assert (scores.all.source.tp, scores.all.source.fp, scores.all.source.fn) == (2, 2, 1)
    assert (scores.speech.content.tp, scores.speech.content.fp, scores.speech.content.fn) == (2, 1, 0)
    assert (scores.speech.source.tp, scores.speech.source.fp, scores.speech.source.fn) == (1, 2, 1)
    assert scores.attributions == 3 and scores.speech_attributions == 2


# ------------------------------------------------------------------ end to end


@pytest.mark.slow
def test_cli_end_to_end(tmp_path):
    from typer.testing import CliRunner

    from parley.cli import app

    out = tmp_path / "scores.json"
    result = CliRunner().invoke(app, [
        "eval", "quotes", str(FIXTURES / "gold"), "--polnear", str(FIXTURES / "polnear/dev"),
        "--per-article", "--json", str(out),
    ])
    assert result.exit_code == 0, result.output
    for figure in ("quotes (overlap)", "quotes (exact span)", "speaker accuracy", "gold surface = pronoun",
                   "channel accuracy", "kind accuracy", "harbour-01", "content (overlap)", "used aaaa"):
        assert figure in result.output
    payload = json.loads(out.read_text(encoding="utf-8"))
    gold = payload["gold"]
    assert gold["articles"] == 2
    assert gold["quotes"]["tp"] + gold["quotes"]["fn"] == 5  # every gold quote counted once
    assert set(gold["per_article"]) == {"harbour-01", "farmers-02"}
    assert 0 <= gold["quotes"]["f1"] <= 1
    assert payload["polnear"]["attributions"] == 3 and payload["polnear"]["speech_attributions"] == 2


def test_pieces_of_one_split_quote_score_as_one_polnear_attribution():
    from parley.eval.quotes import Predicted, as_attributions

    first = Predicted(span=(0, 10), speaker_span=(12, 17), cue_span=(18, 22), text="We are ready")
    second = Predicted(span=(25, 40), speaker_span=(12, 17), cue_span=(18, 22), text="but only if")
    other_cue = Predicted(span=(50, 60), speaker_span=(12, 17), cue_span=(62, 66))
    no_cue = Predicted(span=(70, 80))
    another_no_cue = Predicted(span=(85, 90))
    grouped = as_attributions([first, second, other_cue, no_cue, another_no_cue])
    assert [g.span for g in grouped] == [((0, 10), (25, 40)), (50, 60), (70, 80), (85, 90)]
    assert grouped[0].speaker_span == (12, 17)
