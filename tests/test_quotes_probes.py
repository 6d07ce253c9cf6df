"""Speaker probes (``fixtures/speaker_probes.yaml``): role nouns, synonyms of roles, group
nouns and pronouns in several wire styles, each with the speaker a reader would name.

Run as a script to see every probe's outcome and the counts by kind::

    .venv/bin/python -m tests.test_quotes_probes
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import yaml

from parley.eval.matching import fold
from parley.model import Article, ArticleResult

PROBES = Path(__file__).parent / "fixtures" / "speaker_probes.yaml"
# The count reached when the probes were last scored; a change that loses probes fails.
MIN_RIGHT = 97


def load_probes() -> list[dict]:
    data = yaml.safe_load(PROBES.read_text(encoding="utf-8"))
    default_date = data["defaults"]["published"]
    for probe in data["probes"]:
        probe.setdefault("published", default_date)
    return data["probes"]


def speaker_names(result: ArticleResult, quote) -> set[str]:
    """The predicted speaker's name and, for an actor of the article, its mention texts."""
    names = {quote.speaker.name} if quote.speaker.name else set()
    for actor in result.actors:
        if actor.id == quote.speaker.actor_id:
            names.add(actor.name)
            names.update(m.text for m in actor.mention_details)
    return {fold(n) for n in names if n}


def judge(result: ArticleResult, expectation: dict) -> tuple[str, str]:
    """("right" | "wrong" | "missed", what was predicted) for one expected statement."""
    quote = next((q for q in result.quotes if expectation["quote"] in q.text), None)
    if quote is None:
        return "missed", ""
    accepted = {fold(n) for n in expectation["speaker"]}
    outcome = "right" if speaker_names(result, quote) & accepted else "wrong"
    chain = " > ".join(f"{c.text}[{c.how}]" for c in quote.speaker.chain)
    return outcome, f"{quote.speaker.name!r} via {chain}"


def run(analyze) -> list[tuple[str, str, str, str]]:
    """(probe id, kind, outcome, detail) for every expectation; ``analyze`` maps an Article to its result."""
    rows = []
    for probe in load_probes():
        published = probe["published"]
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        result = analyze(Article(id=probe["id"], text=probe["text"].strip(), published=published))
        for expectation in probe["expect"]:
            outcome, detail = judge(result, expectation)
            rows.append((probe["id"], expectation["kind"], outcome, detail))
    return rows


def test_probes_are_well_formed():
    probes = load_probes()
    assert len(probes) >= 80
    assert len({p["id"] for p in probes}) == len(probes)
    for probe in probes:
        for expectation in probe["expect"]:
            assert expectation["quote"] in probe["text"], probe["id"]
            assert expectation["speaker"], probe["id"]


def test_speaker_probes_score(analyzer):
    rows = run(analyzer.analyse_one)
    wrong = [row for row in rows if row[2] != "right"]
    assert len(rows) - len(wrong) >= MIN_RIGHT, "\n".join(map(str, wrong))


if __name__ == "__main__":
    from parley.analyse import Analyzer

    rows = run(Analyzer().analyse_one)
    by_kind: Counter = Counter()
    for probe_id, kind, outcome, detail in rows:
        by_kind[(kind, outcome)] += 1
        if outcome != "right":
            print(f"{outcome:6} {kind:9} {probe_id:28} {detail}")
    for kind in sorted({k for k, _ in by_kind}):
        print(f"{kind:9} right {by_kind[(kind, 'right')]:2} wrong {by_kind[(kind, 'wrong')]:2} missed {by_kind[(kind, 'missed')]:2}")
    print("total right", sum(v for (k, o), v in by_kind.items() if o == "right"), "of", len(rows))
