"""Acceptance: the worked example of ../shared/examples/ceasefire against its facts.yaml.

Checks the foundation's part: actors (country, sector, role on 2024-12-08), dates, places.
"""

from __future__ import annotations

import re

import pytest
import yaml

from parley.kb import normalise


@pytest.fixture(scope="module")
def example(shared_dir):
    folder = shared_dir / "examples" / "ceasefire"
    if not folder.is_dir():
        pytest.skip("../shared/examples/ceasefire is absent")
    return folder


@pytest.fixture(scope="module")
def facts(example):
    return yaml.safe_load((example / "facts.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def result(example, analyzer):
    from parley.read import read_inputs

    [article] = list(read_inputs([str(example / "article.txt")]))
    assert article.error is None, article.error
    return analyzer.analyse_one(article)


def _find_actor(result, kb, name):
    ids = kb.lookup(name)
    for actor in result.actors:
        if actor.id in ids or normalise(actor.name) == normalise(name):
            return actor
    return None


def test_metadata_comes_from_the_sidecar(result):
    assert result.id == "ceasefire-2024-12-08"
    assert str(result.published) == "2024-12-08"
    assert result.title == "Trump calls for immediate Ukraine ceasefire"


def test_standfirst_repeated_in_the_body_is_analysed_once(result):
    assert result.text.count("Trump made his comments just hours after meeting Zelenskiy") == 1


def test_all_thirteen_actors_resolved(result, facts, kb):
    problems = []
    for fact in facts["actors"]:
        actor = _find_actor(result, kb, fact["name"])
        if actor is None:
            problems.append(f"missing {fact['name']}")
            continue
        if fact.get("country") and actor.country != fact["country"]:
            problems.append(f"{fact['name']}: country {actor.country} != {fact['country']}")
        if fact.get("sector") and actor.sector != fact["sector"]:
            problems.append(f"{fact['name']}: sector {actor.sector} != {fact['sector']}")
        if fact.get("type"):
            wanted = {"IGO": "igo", "media platform": "media"}[fact["type"]]
            if actor.type != wanted:
                problems.append(f"{fact['name']}: type {actor.type} != {wanted}")
        if fact.get("role"):
            expected = re.sub(r"\(.*?\)", "", fact["role"]).replace("US ", "").strip().lower()
            if not actor.role or not all(word in actor.role.lower() for word in expected.split()):
                problems.append(f"{fact['name']}: role {actor.role!r} does not say {expected!r}")
    assert not problems, problems


def test_no_actor_invented_from_x_or_truth_social(result):
    for actor in result.actors:
        for detail in actor.mention_details:
            if detail.text.rstrip(".") in ("X", "Truth Social"):
                assert actor.type == "media", (actor.name, detail.text)


def test_kyiv_stands_for_ukraine(result):
    ukraine = next(a for a in result.actors if a.id == "UKR")
    assert any(d.text == "Kyiv" and d.how == "metonym" for d in ukraine.mention_details)


def test_the_five_dates(result, facts):
    problems = []
    for expression, value in facts["dates"].items():
        found = [d for d in result.dates if d.text.lower() in expression.lower() or expression.lower() in d.text.lower()]
        if not any(d.value == str(value) for d in found):
            problems.append(f"{expression!r}: {[(d.text, d.value) for d in found]} (want {value})")
    assert not problems, problems


def test_places(result):
    def country_of(text):
        return {p.country for p in result.places if p.text == text}

    assert country_of("Paris") == {"FRA"}
    assert country_of("Istanbul") == {"TUR"}
    landmark = [p for p in result.places if "Notre-Dame" in p.text]
    assert landmark and landmark[0].country == "FRA"


def _speaker_names(kb, name):
    ids = kb.lookup(name)
    return ids


def test_the_fifteen_statements(result, facts, kb):
    problems = []
    for fact in facts["quotes"]:
        found = [q for q in result.quotes if fact["contains"] in q.text]
        if not found:
            problems.append(f"missing: {fact['contains']!r}")
            continue
        quote = found[0]
        wanted_ids = kb.lookup(fact["speaker"])
        if wanted_ids:
            if quote.speaker.actor_id not in wanted_ids:
                problems.append(f"{fact['contains']!r}: speaker {quote.speaker.name} != {fact['speaker']}")
        elif not quote.speaker.name or not all(w.lower() in quote.speaker.name.lower() for w in ("French", "Ukrainian")):
            problems.append(f"{fact['contains']!r}: speaker {quote.speaker.name} != {fact['speaker']}")
        if quote.kind != fact["kind"]:
            problems.append(f"{fact['contains']!r}: kind {quote.kind} != {fact['kind']}")
        if fact.get("channel") and quote.channel != fact["channel"]:
            problems.append(f"{fact['contains']!r}: channel {quote.channel} != {fact['channel']}")
        if "speaker_in_text" in fact:
            surface = fact["speaker_in_text"]
            got = result.text[quote.speaker.span[0]:quote.speaker.span[1]] if quote.speaker.span else None
            if got != surface:
                problems.append(f"{fact['contains']!r}: speaker mention {got!r} != {surface!r}")
    assert not problems, problems


def test_nothing_is_attributed_to_x(result):
    for quote in result.quotes:
        assert quote.speaker.actor_id != "x" and quote.speaker.name != "X"
