"""Who voiced a demand: the party rules of round 9 (sentences written for these tests).

- a state named inside its own organ's statement is the organ's voice;
- a demand verb with its own noun subject inside someone else's statement is that subject's;
- an institution named by a country's possessive ("Kenya's embassy in Oslo") is the institution;
- a group named with a count or an "of"/"for" phrase keeps those words as written;
- "says in a statement that ... and urges ..." belongs to the one who says.
"""

from __future__ import annotations

import datetime as dt

from tests.pipeline_helpers import parsed, only_demand as _only

PUBLISHED = dt.date(2025, 6, 2)


def _actor(nlp, text, actor_id):
    doc = parsed(nlp, text, PUBLISHED)
    return next(a for a in doc._.actors.actors.values() if a.id == actor_id)


def test_state_named_in_its_ministry_statement_is_the_ministry(parley_nlp):
    d = _only(parley_nlp, "The U.S. State Department said Washington deplored the shelling and called on Moscow "
                          "to withdraw its troops from the border.", "withdraw")
    assert d.party != "USA"
    assert d.party == "usa-foreign-ministry" or d.voiced_by == "usa-foreign-ministry"


def test_another_state_named_in_a_statement_keeps_its_own_demand(parley_nlp):
    # Near miss: the state in the statement is not the speaker's own, so it stays the party.
    d = _only(parley_nlp, "The U.S. State Department said France had called on Moscow to withdraw its troops "
                          "from the border.", "withdraw")
    assert d.party == "FRA"


def test_own_noun_subject_inside_a_statement_is_the_party(parley_nlp):
    text = "Maria Okonkwo, a local journalist, said the police had ordered the traders to close their stalls within a day."
    d = _only(parley_nlp, text, "close their stalls")
    assert d.party != "new:person:maria-okonkwo"
    assert "police" in d.party


def test_the_speakers_own_call_stays_the_speakers(parley_nlp):
    # Near miss: the speaker is the subject of the demand verb.
    d = _only(parley_nlp, "Maria Okonkwo said she had urged the traders to close their stalls within a day.",
              "close their stalls")
    assert "okonkwo" in d.party


def test_country_possessive_institution_is_the_institution(parley_nlp):
    text = ("Kenya's embassy in Oslo says in a statement that it is \"deeply troubled\" and opposes "
            "\"any attempt to settle the dispute by force\".")
    d = _only(parley_nlp, text, "settle the dispute")
    assert d.party.startswith("new:group:") and "embassy" in d.party
    actor = _actor(parley_nlp, text, d.party)
    assert actor.country == "KEN"
    assert any("embassy in Oslo" in m.text for m in actor.mention_details)


def test_lawyers_for_someone_keep_whose_lawyers_they_are(parley_nlp):
    d = _only(parley_nlp, "Lawyers for the six fishermen who sued the port urged the ministry to reopen the harbour.",
              "reopen the harbour")
    assert d.party.startswith("new:group:lawyers-for-the-six-fishermen")


def test_a_count_stays_in_the_mention_not_in_the_name(parley_nlp):
    text = "About 200 farmers blocked the road on Friday, demanding that the new tariff be scrapped."
    d = _only(parley_nlp, text, "scrapped")
    assert d.party == "new:group:farmers"
    actor = _actor(parley_nlp, text, d.party)
    assert any(m.text.lower().startswith("about 200") for m in actor.mention_details)


def test_says_in_a_statement_that_and_urges_belongs_to_the_named_negotiator(parley_nlp):
    text = ("Brazil's chief negotiator Ana Ribeiro says in a statement that the presidency is \"working day and night\" "
            "and urges delegations to show flexibility before the deadline.")
    d = _only(parley_nlp, text, "flexibility")
    assert d.party in ("new:person:ana-ribeiro", "BRA") and (d.party != "BRA" or d.voiced_by == "new:person:ana-ribeiro")
