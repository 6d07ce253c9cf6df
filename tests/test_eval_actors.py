"""The actors scorer (``parley eval actors``): alignment by name, type accuracy, unmatched and
split gold actors. Built on hand-made results, no pipeline."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from parley.eval import actors as scorer
from parley.eval.gold import parse_gold
from parley.model import Actor, ArticleResult, MentionDetail

TEXT = ("Infrastructure Minister Oksana Dovhal said the port was open. Dovhal added that Ruritania "
        "would pay. The Ruritanian Workers Front agreed.")


def _actor(actor_id: str, name: str, kind: str, *surfaces: str) -> Actor:
    mentions = []
    for surface in surfaces:
        start = TEXT.index(surface)
        mentions.append(MentionDetail(span=(start, start + len(surface)), text=surface, how="new"))
    return Actor(id=actor_id, name=name, type=kind, mentions=[m.span for m in mentions], mention_details=mentions)


def _gold():
    return parse_gold({"id": "a1", "text": TEXT, "actors": [
        {"name": "Oksana Dovhal", "aliases": ["Dovhal", "the infrastructure minister"], "type": "person"},
        {"name": "Ruritania", "aliases": [], "type": "country"},
        {"name": "Ruritanian Workers Front", "aliases": ["The Ruritanian Workers Front"], "type": "organisation"},
        {"name": "Port authority", "aliases": ["the port authority"], "type": "organisation"},
    ]})


def _result(*actors: Actor) -> ArticleResult:
    return ArticleResult(id="a1", text=TEXT, actors=list(actors))


def test_right_kinds_one_actor_each():
    result = _result(_actor("new:person:oksana-dovhal", "Oksana Dovhal", "person", "Oksana Dovhal", "Dovhal"),
                     _actor("RUR", "Ruritania", "country", "Ruritania"),
                     _actor("new:organisation:rwf", "Ruritanian Workers Front", "group", "Ruritanian Workers Front"))
    scores = scorer.score_gold_article(_gold(), result)
    assert (scores.gold, scores.absent, scores.found, scores.unmatched, scores.split) == (4, 1, 3, 0, 0)
    assert (scores.type.hits, scores.type.total) == (3, 3)  # a group counts as an organisation


def test_wrong_kind_and_split_are_counted():
    result = _result(_actor("new:organisation:oksana-dovhal", "Oksana Dovhal", "organisation", "Oksana Dovhal"),
                     _actor("new:person:dovhal", "Dovhal", "person", "Dovhal"),
                     _actor("RUR", "Ruritania", "country", "Ruritania"))
    scores = scorer.score_gold_article(_gold(), result)
    assert scores.split == 1 and scores.unmatched == 1  # the Front is not found
    assert (scores.type.hits, scores.type.total) == (1, 2)
    assert scores.confusion[("person", "organisation")] == 1
    kinds = sorted(e["kind"] for e in scores.errors)
    assert kinds == ["split", "type", "unmatched"]


def test_country_agent_is_no_half_and_stands_for_the_country():
    result = _result(_actor("RUR", "Ruritania", "country", "Ruritania"),
                     _actor("agent:RUR:GOV", "Ruritania (government)", "organisation", "Ruritania"))
    scores = scorer.score_gold_article(_gold(), result)
    assert scores.split == 0
    assert scores.by_type["country"].hits == 1


def test_cli_scores_a_gold_file(tmp_path, monkeypatch):
    from parley.eval import cli

    gold_file = tmp_path / "a1.json"
    gold_file.write_text(json.dumps({"id": "a1", "text": TEXT, "actors": [
        {"name": "Oksana Dovhal", "aliases": ["Dovhal"], "type": "person"}]}), encoding="utf-8")
    fake = _result(_actor("new:organisation:oksana-dovhal", "Oksana Dovhal", "organisation", "Oksana Dovhal"))
    monkeypatch.setattr("parley.analyse.analyse_articles", lambda articles, model=None: iter([fake for _ in articles]))
    out = tmp_path / "scores.json"
    run = CliRunner().invoke(cli.eval_app, ["actors", str(gold_file), "--json", str(out)])
    assert run.exit_code == 0, run.output
    data = json.loads(out.read_text())
    assert data["type_accuracy"]["hits"] == 0 and data["type_accuracy"]["total"] == 1
