"""The strict claimant figure of the claims scorer ("claimant actor accuracy"), on an
invented article: the loose figure credits any text the predicted actor is mentioned by,
the strict one only names."""

from __future__ import annotations

from parley.eval import claims as scorer
from parley.eval.gold import parse_gold
from parley.model import Actor, ArticleResult, Claim, MentionDetail

TEXT = ("The Freedonian health ministry said clinics were full. "
        "The ministry said 40 people were killed in the storm.")


def _gold():
    return parse_gold({
        "id": "x1", "text": TEXT,
        "actors": [
            {"name": "Freedonian Interior Ministry", "aliases": ["The ministry"], "country": "FRE", "type": "organisation"},
            {"name": "Freedonian Health Ministry", "aliases": ["The Freedonian health ministry"], "country": "FRE",
             "type": "organisation"},
        ],
        "claims": [{"claimant": "Freedonian Interior Ministry", "value": 40, "category": "killed",
                    "approximate": False, "evidence": "40 people were killed"}],
    })


def _result(actor_name: str, claimant_name=None) -> ArticleResult:
    start = TEXT.index("40 people")
    ministry = TEXT.index("The ministry")
    actor = Actor(id="health", name=actor_name, type="organisation",
                  mention_details=[MentionDetail(span=(ministry, ministry + 12), text="The ministry", how="title")])
    claim = Claim(claimant="health", value=40, unit="people", category="killed", approximate=False,
                  span=(start, start + len("40 people")), claimant_name=claimant_name)
    return ArticleResult(id="x1", text=TEXT, actors=[actor], claims=[claim])


def _score(result):
    gold = _gold()
    return scorer.score_gold_article(gold, scorer.predicted_claims(result, 0))


def test_role_noun_mention_credits_loose_but_not_strict():
    scores = _score(_result("Freedonian Health Ministry"))
    assert (scores.claimant.hits, scores.claimant.total) == (1, 1)
    assert (scores.claimant_actor.hits, scores.claimant_actor.total) == (0, 1)
    assert any(e["kind"] == "claimant_actor" for e in scores.errors)


def test_right_actor_name_credits_both():
    scores = _score(_result("Freedonian Interior Ministry"))
    assert scores.claimant.hits == 1 and scores.claimant_actor.hits == 1


def test_a_role_claimant_name_is_no_name():
    scores = _score(_result("Freedonian Health Ministry", claimant_name="The ministry"))
    assert scores.claimant_actor.hits == 0
    assert "claimant_actor_accuracy" in scores.as_dict()


def test_is_name():
    assert scorer.is_name("the Kremlin") and scorer.is_name("US") and scorer.is_name("the Government of India")
    assert scorer.is_name("Zabihullah Mujahid") and scorer.is_name("National Police")
    assert not scorer.is_name("he") and not scorer.is_name("They")
    assert not scorer.is_name("The Ministry") and not scorer.is_name("the Secretary-General")
    assert not scorer.is_name("officials") and not scorer.is_name("Its foreign ministry")
