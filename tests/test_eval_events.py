"""The event scorer (gold format), the PLOVER gold-record reader and its scorer, on hand-built data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.eval import events as scorer
from parley.eval.gold import parse_gold
from parley.eval.plover_gsr import choose_event, read_plover_gsr, score_records
from parley.model import Actor, ArticleResult, Event, Location, MentionDetail, Plover

FIXTURE = Path(__file__).parent / "fixtures" / "plover_gsr" / "records.json"

TEXT = ("Ministers from Arland and Brevia met in Oslo on Monday. "
        "Arland did not sign the accord. Brevia's army shelled the border town.")


def _actor(id_, name, country=None, sector=None, type_="country", mentions=()):
    return Actor(id=id_, name=name, type=type_, country=country, sector=sector,
                 mention_details=[MentionDetail(span=(0, 1), text=m, how="alias") for m in mentions])


ACTORS = [_actor("arl", "Arland", "ARL", "GOV", mentions=["Arland"]),
          _actor("bre", "Brevia", "BRE", "GOV", mentions=["Brevia", "Brevian"]),
          _actor("bre_mil", "Brevian Army", "BRE", "MIL", "organisation", mentions=["Brevia's army"])]


def _span(fragment):
    start = TEXT.index(fragment)
    return (start, start + len(fragment))


def _event(fragment, source, type_, cameo, target=None, modality="asserted", date=None, location=None):
    return Event(source=source, target=target, cameo=cameo, plover=Plover(type=type_), modality=modality,
                 date=date, location=location, evidence=_span(fragment))


def _gold(events):
    return parse_gold({"id": "g1", "text": TEXT, "actors": [
        {"name": "Arland", "aliases": ["Arlandia"]}, {"name": "Brevia", "aliases": ["Brevian government"]},
        {"name": "Brevian Army", "aliases": ["Brevia's army"]}], "events": events})


GOLD_EVENTS = [
    {"source": ["Arland", "Brevia"], "target": None, "cameo_root": "04", "plover": "CONSULT", "date": "2024-03-04",
     "location": "Oslo, Norway", "modality": "asserted", "evidence": "Ministers from Arland and Brevia met in Oslo"},
    {"source": "Arlandia", "target": "Brevia", "cameo_root": "03", "plover": "AGREE", "date": None,
     "location": None, "modality": "negated", "evidence": "Arland did not sign the accord"},
    {"source": "Brevian Army", "target": None, "cameo_root": "19", "plover": "FIGHT", "date": None,
     "location": None, "modality": "asserted", "evidence": "Brevia's army shelled the border town"},
]


def test_labels_and_roots_are_normalised():
    assert scorer.plover_type("demand") == "REQUEST"
    assert scorer.plover_type("DISAPPROVE") == scorer.plover_type("investigate") == "ACCUSE"
    assert scorer.plover_type("FIGHT") == "ASSAULT"
    assert scorer.plover_type("CONSULT") == "CONSULT" and scorer.plover_type(" ") is None
    assert scorer.cameo_root("044") == "04" and scorer.cameo_root("4") == "04"
    assert scorer.cameo_root("02 (appeal; 0256)") == "02" and scorer.cameo_root(None) is None


def test_gold_scores_on_hand_built_predictions():
    result = ArticleResult(id="g1", text=TEXT, actors=ACTORS, events=[
        # right: overlapping evidence, one source of the compound agrees, date and place right
        _event("Ministers from Arland and Brevia met in Oslo on Monday", ["arl", "bre"], "CONSULT", "044",
               date="2024-03-04", location=Location(name="Oslo", country="NOR")),
        # right source, wrong modality and a target
        _event("Arland did not sign the accord", "arl", "AGREE", "057", target="bre", modality="asserted"),
        # evidence right, source wrong (the state, not its army): no match, counted in evidence-only
        _event("Brevia's army shelled the border town", "bre", "ASSAULT", "195"),
    ])
    scores = scorer.score_gold_article(_gold(GOLD_EVENTS), scorer.predicted_events(result))
    assert (scores.events.tp, scores.events.fp, scores.events.fn) == (2, 1, 1)
    assert scores.evidence_only.tp == 3
    assert (scores.plover.hits, scores.plover.total) == (2, 2)
    assert (scores.cameo_root.hits, scores.cameo_root.total) == (1, 2)  # 057 is not root 03
    assert (scores.target.hits, scores.target.total) == (2, 2)
    assert (scores.date.hits, scores.date.total) == (1, 1)
    assert (scores.location.hits, scores.location.total) == (1, 1)
    assert (scores.modality.hits, scores.modality.total) == (1, 2)
    # CONSULT and AGREE each tp 1; ASSAULT: one fp (unmatched prediction) and one fn (FIGHT mapped)
    assert scores.by_type["ASSAULT"].fp == 1 and scores.by_type["ASSAULT"].fn == 1
    assert scores.plover_macro_f1 == pytest.approx(2 / 3)
    kinds = [e["kind"] for e in scores.errors]
    assert "missed" in kinds and "spurious" in kinds
    wrong_source = [e for e in scores.errors if e["kind"] == "wrong source"]
    assert [(e["gold"], e["predicted"]) for e in wrong_source] == [(["Brevian Army"], ["Brevia"])]


def test_wrong_target_is_listed_among_errors():
    result = ArticleResult(id="g1", text=TEXT, actors=ACTORS, events=[
        _event("Arland did not sign the accord", "arl", "AGREE", "057", target="bre_mil", modality="negated")])
    scores = scorer.score_gold_article(_gold(GOLD_EVENTS), scorer.predicted_events(result))
    assert (scores.target.hits, scores.target.total) == (0, 1)
    wrong = [e for e in scores.errors if e["kind"] == "wrong target"]
    assert len(wrong) == 1 and wrong[0]["gold"] == ["Brevia"] and wrong[0]["predicted"] == ["Brevia's army"]


def test_wrong_date_and_location_are_listed_among_errors():
    result = ArticleResult(id="g1", text=TEXT, actors=ACTORS, events=[
        _event("Ministers from Arland and Brevia met in Oslo on Monday", ["arl", "bre"], "CONSULT", "044",
               date="2024-03-05", location=Location(name="Norway", country="NOR"))])
    scores = scorer.score_gold_article(_gold(GOLD_EVENTS), scorer.predicted_events(result))
    assert (scores.date.hits, scores.location.hits) == (0, 0)
    by_kind = {e["kind"]: e for e in scores.errors}
    assert (by_kind["wrong date"]["gold"], by_kind["wrong date"]["predicted"]) == ("2024-03-04", "2024-03-05")
    assert (by_kind["wrong location"]["gold"], by_kind["wrong location"]["predicted"]) == ("Oslo, Norway", "Norway")


def test_target_and_null_source_rules():
    gold = _gold([{"source": None, "target": "Brevia", "plover": "ASSAULT", "evidence": "Brevia's army shelled"}])
    with_source = ArticleResult(id="g1", text=TEXT, actors=ACTORS,
                                events=[_event("Brevia's army shelled", "bre_mil", "ASSAULT", "19")])
    without = ArticleResult(id="g1", text=TEXT, actors=ACTORS,
                            events=[_event("Brevia's army shelled", None, "ASSAULT", "19", target=["bre", "arl"])])
    assert scorer.score_gold_article(gold, scorer.predicted_events(with_source)).events.tp == 0
    s = scorer.score_gold_article(gold, scorer.predicted_events(without))
    assert s.events.tp == 1
    assert s.target.hits == 0  # an extra predicted target makes the set wrong


def test_headline_offset_and_empty_results():
    gold = parse_gold({"id": "g2", "title": "Talks", "text": TEXT, "events": GOLD_EVENTS[:1]})
    offset = gold.body_offset
    shifted = _event("Ministers from Arland and Brevia met", ["arl"], "CONSULT", "04")
    shifted.evidence = (shifted.evidence[0] + offset, shifted.evidence[1] + offset)
    headline = _event("Ministers", "arl", "CONSULT", "04")
    headline.evidence = (0, 5)  # "Talks": the headline, which the gold text lacks
    result = ArticleResult(id="g2", text="Talks\n\n" + TEXT, actors=ACTORS, events=[shifted, headline])
    predicted = scorer.predicted_events(result, offset)
    assert len(predicted) == 1
    assert scorer.score_gold_article(gold, predicted).events.tp == 1
    empty = scorer.score_gold_article(gold, [])
    assert (empty.events.tp, empty.events.fn, empty.plover_macro_f1) == (0, 1, 0.0)


# ---------------------------------------------------------------- PLOVER gold records


def test_gsr_reader_on_fixture():
    records = read_plover_gsr(FIXTURE)
    assert [r.id for r in records] == ["FIXTURE-CONSULT-0001", "FIXTURE-DEMAND-0001", "FIXTURE-FIGHT-0001",
                                       "FIXTURE-AGREE-0001"]
    consult, demand, fight, agree = records
    assert consult.plover == "CONSULT" and consult.mode == "visit" and consult.location == "Santiago"
    assert [(a.text, a.code, a.sector) for a in consult.source] == [("Norwegian", "NOR", "GOV")]
    assert demand.plover == "REQUEST" and demand.label == "DEMAND" and demand.target == []
    assert demand.source[0].sector == "CVL" and demand.source[0].sector_raw == "CVLkik"
    assert demand.context == ["economic", "political"]
    assert fight.plover == "ASSAULT" and fight.source[0].code == "JPN" and fight.cameo == "190"
    assert fight.target[0].sector is None and fight.target[0].code == "IMG"
    assert [a.code for a in agree.source] == ["PER", "ECU"] and agree.target == []
    assert consult.to_article().text == consult.text


def test_gsr_reader_rejects_a_non_array(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"id": "x"}))
    with pytest.raises(ValueError):
        read_plover_gsr(bad)


def _result(record, actors=(), events=()):
    return ArticleResult(id=record.id, text=record.text, actors=list(actors), events=list(events))


def _ev(start, type_, source=None, target=None, modality="asserted", cameo="010"):
    return Event(source=source, target=target, cameo=cameo, plover=Plover(type=type_), modality=modality,
                 evidence=(start, start + 5))


def test_choose_event_prefers_the_first_asserted():
    later, negated, first = _ev(30, "AGREE"), _ev(0, "REJECT", modality="negated"), _ev(10, "CONSULT")
    assert choose_event([later, negated, first]).plover.type == "CONSULT"
    assert choose_event([_ev(9, "AGREE", modality="future"), negated]).plover.type == "REJECT"
    assert choose_event([]) is None


def test_gsr_scores_on_hand_built_results():
    consult, demand, fight, agree = read_plover_gsr(FIXTURE)
    nor = _actor("nor", "Norway", "NOR", "GOV", mentions=["Norwegian foreign minister"])
    chl = _actor("chl", "Chile", "CHL", "GOV", mentions=["Chile"])
    jpn = _actor("jpn", "Japan Navy", "JPN", "MIL", "organisation", mentions=["Japanese naval forces"])
    ken = _actor("ken", "Kenya", "KEN", "GOV", mentions=["Kenyan"])
    results = [
        _result(consult, [nor, chl], [_ev(40, "AGREE", "nor", modality="future"), _ev(20, "CONSULT", "nor", "chl")]),
        _result(demand, [ken], [_ev(0, "REQUEST", "ken")]),   # type right; sector GOV where gold says CVL
        _result(fight, [jpn], [_ev(0, "COERCE", "jpn")]),     # type wrong; no target predicted
        _result(agree),                                         # no event: wrong
    ]
    scores = score_records([consult, demand, fight, agree], results)
    assert scores.records == 4 and scores.with_event == 3
    assert (scores.plover.hits, scores.plover.total) == (2, 4)
    assert (scores.any_event_plover.hits, scores.any_event_plover.total) == (2, 4)
    # CONSULT f1 1, REQUEST f1 1, ASSAULT 0 (fn), AGREE 0 (fn), COERCE 0 (fp)
    assert scores.plover_macro_f1 == pytest.approx(2 / 5)
    assert (scores.cameo_root.hits, scores.cameo_root.total) == (0, 1)  # 010 is not 19
    assert (scores.source.text.hits, scores.source.text.total) == (3, 4)
    assert (scores.source.country.hits, scores.source.country.total) == (3, 4)
    assert (scores.source.sector.hits, scores.source.sector.total) == (2, 3)
    assert (scores.source.code.hits, scores.source.code.total) == (2, 4)
    assert (scores.target.text.hits, scores.target.text.total) == (1, 2)
    assert scores.confusion[("AGREE", "none")] == 1
    assert {e["id"] for e in scores.errors} == {fight.id, agree.id}
    actor_misses = sorted((e["id"], e["kind"]) for e in scores.errors if "kind" in e)
    assert actor_misses == sorted([(fight.id, "wrong target"), (agree.id, "wrong source")])


def test_eval_events_command(monkeypatch, tmp_path):
    """The CLI wiring, with the analysis replaced by hand-built results (no spaCy needed)."""
    from typer.testing import CliRunner

    from parley.eval.cli import eval_app

    def fake(articles, model=None):
        for article in articles:
            events = [_ev(0, "CONSULT", "nor")] if "Norwegian" in article.text else []
            yield ArticleResult(id=article.id, text=article.text, events=events,
                                actors=[_actor("nor", "Norway", "NOR", "GOV", mentions=["Norwegian"])])

    monkeypatch.setattr(scorer, "results_with_events", fake)
    gold_file = tmp_path / "gold.json"
    gold_file.write_text(json.dumps({"id": "g", "text": "Norwegian envoys met Chile.", "actors": [],
                                     "events": [{"source": "Norwegian", "plover": "CONSULT", "cameo_root": "04",
                                                 "evidence": "Norwegian envoys met"}]}))
    out = tmp_path / "figures.json"
    run = CliRunner().invoke(eval_app, ["events", str(gold_file), "--plover-gsr", str(FIXTURE), "--json", str(out)])
    assert run.exit_code == 0, run.output
    assert "PLOVER type" in run.output
    payload = json.loads(out.read_text())
    assert payload["gold"]["events"]["tp"] == 1
    assert payload["plover_gsr"]["records"] == 4
    assert payload["plover_gsr"]["plover_type_accuracy"]["hits"] == 1
    missing = CliRunner().invoke(eval_app, ["events", str(tmp_path / "nope.json")])
    assert missing.exit_code == 2


def test_a_record_whose_analysis_failed_is_named_not_just_missed():
    # a crash inside the coder must show as a failure, not pass for a record with no event
    from parley.eval.plover_gsr import GsrRecord
    from parley.model import ArticleResult, ItemError

    record = GsrRecord(id="ASSAULT-0001", text="Rebels shelled the town.", plover="ASSAULT", label="ASSAULT")
    broken = record.to_article().model_copy(update={"error": ItemError(code="analysis_failed",
                                                                       message="analysis failed: NameError: x")})
    scores = score_records([record], [ArticleResult.failed(broken)])
    assert scores.as_dict()["records_failed"] == [{"id": "ASSAULT-0001", "message": "analysis failed: NameError: x"}]
    assert scores.plover.hits == 0 and scores.with_event == 0
