"""Claimants and speakers the article describes but does not name, one invented story per rule.

Each rule of ``extract/coref.py`` it covers resolves a described speaker to the actor the
gold guidelines give (an unnamed representative to what they represent, a report to its
publisher, a story's opening role phrase to the person named next) and keeps the phrase as
written as the speaker's name. The claim of a figure in the statement follows its speaker.
"""

from __future__ import annotations

import datetime as dt

from parley.model import Article


def _analyse(analyzer, text):
    return analyzer.analyse_one(Article(id="t", text=text, published=dt.date(2025, 6, 17)))


def _quote(result, words):
    return next(q for q in result.quotes if words in q.text)


def _claim(result, value):
    return next(c for c in result.claims if c.value == value)


def _actor_name(result, actor_id):
    return {a.id: a.name for a in result.actors}.get(actor_id)


# -- unnamed representatives speak for what they represent ---------------------------


def test_an_unnamed_official_of_a_named_group_speaks_for_the_group(analyzer):
    result = _analyse(analyzer, "A senior Hamas official said 35 hostages would be freed in the first phase.")
    quote = _quote(result, "35 hostages")
    assert _actor_name(result, quote.speaker.actor_id) == "Hamas"
    assert quote.speaker.name == "senior Hamas official"  # the phrase as written stays the name
    assert _claim(result, 35).claimant == quote.speaker.actor_id


def test_an_official_of_a_country_body_speaks_for_that_body(analyzer):
    result = _analyse(analyzer, "A Taiwanese coast guard official said four Chinese vessels entered restricted waters.")
    speaker = _quote(result, "four Chinese vessels").speaker
    assert "coast guard" in _actor_name(result, speaker.actor_id).lower()
    assert _claim(result, 4).claimant == speaker.actor_id


def test_the_owner_of_a_spokesman_is_the_body_named_before(analyzer):
    result = _analyse(analyzer, "Russia's defence ministry said on Monday that its air defences were on alert. "
                                "The ministry's spokesman said 12 drones were shot down overnight.")
    speaker = _quote(result, "12 drones").speaker
    assert _actor_name(result, speaker.actor_id) == "Russian Defence Ministry"
    assert "spokesman" in speaker.name


def test_its_spokesman_speaks_for_the_body_before(analyzer):
    result = _analyse(analyzer, "The Israeli military said it struck 40 targets overnight. "
                                "Its spokesman said 12 militants were killed.")
    speaker = _quote(result, "12 militants").speaker
    assert speaker.actor_id == _quote(result, "40 targets").speaker.actor_id is not None
    assert speaker.name == "Its spokesman"


def test_a_spokesman_for_a_body_the_kb_lacks_speaks_for_its_country(analyzer):
    result = _analyse(analyzer, "A spokesman for Ukraine's energy ministry said 40 percent of the grid was damaged.")
    speaker = _quote(result, "40 percent").speaker
    assert _actor_name(result, speaker.actor_id) == "Ukraine"
    assert _claim(result, 40).claimant == speaker.actor_id


def test_an_unnamed_group_keeps_its_own_name(analyzer):
    # "officials" are several people: not one representative of a body
    result = _analyse(analyzer, "Local officials said 30 people were killed in the strike.")
    speaker = _quote(result, "30 people").speaker
    assert speaker.actor_id is None and speaker.name.endswith("officials")


# -- pronouns that take back a described speaker -------------------------------------


def test_one_subject_with_two_contents_has_one_speaker(analyzer):
    result = _analyse(analyzer, "The UN's humanitarian coordinator warned on Monday that aid was running out. "
                                "She said 1.2 million people needed food and that 300 trucks were waiting at the border.")
    first, second = _quote(result, "1.2 million"), _quote(result, "300 trucks")
    assert first.speaker.name == second.speaker.name != "She"
    assert _claim(result, 300).claimant_name == first.speaker.name


def test_a_pronoun_after_a_role_subject_nobody_names(analyzer):
    result = _analyse(analyzer, "The U.N. envoy for Yemen briefed the Security Council on Tuesday. "
                                "He said 18 million people needed aid.")
    speaker = _quote(result, "18 million").speaker
    assert speaker.name != "He" and "envoy" in speaker.name
    assert _actor_name(result, speaker.actor_id) == "United Nations"
    assert _claim(result, 18_000_000).claimant == speaker.actor_id


def test_a_pronoun_prefers_a_person_named_before(analyzer):
    # the unnamed role subject is only a last resort: a named speaker before is the antecedent
    result = _analyse(analyzer, "Antonio Guterres spoke in New York. The conference chairman opened the session. "
                                "He said 40 countries had pledged funds.")
    assert "Guterres" in (_quote(result, "40 countries").speaker.name or "")


# -- what a body publishes speaks for the body ---------------------------------------


def test_a_report_owned_by_a_body_named_before(analyzer):
    result = _analyse(analyzer, "IOM said people were fleeing the capital. More than 85,000 people fled in six weeks, "
                                "according to the agency's latest report.")
    claim = _claim(result, 85_000)
    assert _actor_name(result, claim.claimant) == "International Organization for Migration"


def test_a_report_with_a_named_body_before_the_noun(analyzer):
    result = _analyse(analyzer, "More than 1,200 trucks entered Gaza last month, according to a UN report.")
    claim = _claim(result, 1200)
    assert _actor_name(result, claim.claimant) == "United Nations"
    assert claim.claimant_name == "UN report"


def test_a_document_seen_by_a_news_agency_is_not_the_agency(analyzer):
    result = _analyse(analyzer, "The EU will freeze 200 billion euros of assets, according to a draft document seen by Reuters.")
    assert _actor_name(result, _claim(result, 200_000_000_000).claimant) != "Reuters"


# -- the story's opening role phrase and the name given next -------------------------


LEAD = ("Grain ship leaves Chornomorsk\n"
        "A cargo ship carrying 30,000 tonnes of wheat left the port of Chornomorsk on Thursday, "
        "Ukraine's infrastructure minister said.\n\n"
        "\"The ship is moving along the corridor,\" Oleksandr Kubrakov wrote on Telegram.")


def test_the_opening_role_phrase_is_the_person_named_next(analyzer):
    result = _analyse(analyzer, LEAD)
    speaker = _quote(result, "cargo ship").speaker
    assert speaker.name == "Oleksandr Kubrakov"
    assert _claim(result, 30_000).claimant == speaker.actor_id


def test_a_person_named_before_the_role_phrase_blocks_the_lead_rule(analyzer):
    text = LEAD.replace("A cargo ship", "Volodymyr Zelenskiy toured the port on Wednesday. A cargo ship")
    result = _analyse(analyzer, text)
    assert _quote(result, "cargo ship").speaker.name != "Oleksandr Kubrakov"


def test_a_name_far_from_the_lead_is_not_linked(analyzer):
    filler = " ".join(f"Ships waited at berth {n} for days." for n in range(1, 6))
    text = LEAD.replace("\n\n\"The ship", f"\n\n{filler}\n\n\"The ship")
    result = _analyse(analyzer, text)
    assert _quote(result, "cargo ship").speaker.name != "Oleksandr Kubrakov"


# -- a pronoun that claims a figure outside any statement ----------------------------


def test_a_pronoun_claimant_outside_a_statement_is_resolved(analyzer):
    result = _analyse(analyzer, "Health Minister Maria Costa visited the hospital. She put the death toll at 52.")
    claim = _claim(result, 52)
    assert _actor_name(result, claim.claimant) == "Maria Costa"


def test_a_pronoun_claimant_after_an_unnamed_role_subject(analyzer):
    result = _analyse(analyzer, "The army's chief of staff visited the front. He put the number of dead at 52.")
    assert "chief of staff" in _claim(result, 52).claimant_name


def test_a_pronoun_claimant_with_no_antecedent_stays_as_written(analyzer):
    result = _analyse(analyzer, "She put the death toll at 52.")
    claim = _claim(result, 52)
    assert claim.claimant is None and claim.claimant_name == "She"
