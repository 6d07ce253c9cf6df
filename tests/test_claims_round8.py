"""Claims, round 8: who claims a figure in and around statements, and a few figure readings.

Every sentence is written for these tests. Each rule has a case it must get and a near miss
it must leave alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2025, 3, 1)


def claims_of(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.published = PUBLISHED
    doc = nlp(doc)
    return doc, doc._.claims or []


def claim_at(nlp, text: str, figure: str):
    """The claim whose span starts with ``figure`` (fails when there is none)."""
    doc, claims = claims_of(nlp, text)
    for claim in claims:
        if text[claim.span[0]:claim.span[1]].startswith(figure):
            return claim
    raise AssertionError(f"no claim at {figure!r}: {[text[c.span[0]:c.span[1]] for c in claims]}")


def names_of(doc, claim) -> set[str]:
    """The claimant as written and the names of its actor."""
    names = {claim.claimant_name} if claim.claimant_name else set()
    actor = doc._.actors.actors.get(claim.claimant or "") if doc._.actors else None
    if actor is not None:
        names.add(actor.name)
    return names


# -- a bare reporting clause after the figure ---------------------------------------------


def claimant_without_statements(nlp, text: str, figure: str):
    """The claimant name when no statement was detected: the fallbacks of Attribution alone."""
    from parley.extract.claims import ClaimExtractor

    doc = nlp.make_doc(text)
    doc._.published = PUBLISHED
    doc = nlp(doc)
    for claim in ClaimExtractor().extract(doc, doc._.actors, [], doc._.dates or [], PUBLISHED):
        if text[claim.span[0]:claim.span[1]].startswith(figure):
            return claim.claimant_name
    raise AssertionError(f"no claim at {figure!r}")


@pytest.mark.parametrize("text, figure, expected", [
    # the person told is not what the verb reports
    ("Heavy rain flooded the valley and killed at least six farmers, officials in the province "
     "told Reuters on Sunday.", "at least six farmers", "officials in the province"),
    # nor is a clause of circumstance after it
    ("A drone strike destroyed 14 trucks near the depot, the regional governor said, as the two "
     "armies traded blame for the attack.", "14 trucks", "the regional governor"),
    # both at once
    ("Heavy rain flooded the valley and killed at least six farmers, officials in the province "
     "told Reuters on Sunday, as rescuers searched for survivors.", "at least six farmers",
     "officials in the province"),
])
def test_trailing_reporter_with_addressee_or_circumstance(parley_nlp, text, figure, expected):
    assert claimant_without_statements(parley_nlp, text, figure) == expected


@pytest.mark.parametrize("text", [
    # "told reporters that ...": with the person told, the verb still reports its own content
    "A drone strike destroyed 14 trucks near the depot, and the regional governor told reporters "
    "that the army would respond.",
    # a reporting clause of its own joined by a conjunction
    "A drone strike destroyed 14 trucks near the depot while the regional governor said the army "
    "would respond.",
])
def test_trailing_verb_with_its_own_content_reports_nothing_before(parley_nlp, text):
    assert claimant_without_statements(parley_nlp, text, "14 trucks") is None


# -- quoted words closed by a name ---------------------------------------------------------


def test_quoted_figure_takes_the_name_after_the_quote(parley_nlp):
    text = ('"Three of our sailors were hurt in the collision," Captain Maria Okonkwo, the navy\'s '
            "spokeswoman, posts on X.")
    doc, _ = claims_of(parley_nlp, text)
    claim = claim_at(parley_nlp, text, "Three of our sailors")
    assert "Maria Okonkwo" in (claim.claimant_name or "")


def test_unquoted_figure_before_a_name_is_not_attributed(parley_nlp):
    # no quotation marks: the name after the comma is an apposition, not a speaker
    text = ("Three of the sailors were hurt in the collision, Captain Maria Okonkwo, the navy's "
            "spokeswoman, posts on X.")
    claim = claim_at(parley_nlp, text, "Three of the sailors")
    assert "Maria Okonkwo" not in (claim.claimant_name or "")


# -- the writer's description and comments -------------------------------------------------


@pytest.mark.parametrize("text, figure", [
    # a relative clause on an appositive describes a name
    ("According to official figures, voters approved the plan in Carana, a province that holds "
     "about a fifth of the country's farmland.", "about a fifth"),
    # a noun set off by a comma that comments on the clause before it
    ("The agency said it was halting flights to the north until the airport reopened, a decision "
     "that could delay supplies to about 300,000 people.", "about 300,000 people"),
])
def test_description_in_an_aside_is_the_writers(parley_nlp, text, figure):
    assert claim_at(parley_nlp, text, figure).claimant_name is None


def test_restrictive_relative_clause_stays_with_the_reporter(parley_nlp):
    # no comma: the clause is part of what the agency said
    text = "The agency said it was halting flights that carried supplies to about 300,000 people."
    assert claim_at(parley_nlp, text, "about 300,000 people").claimant_name == "The agency"


# -- "according to X" at the end of coordinated clauses ------------------------------------


def test_according_to_sources_only_its_own_clause_of_a_list(parley_nlp):
    text = ("Fuel prices have doubled, the currency has lost about a quarter of its value since May, "
            "and a new wave of departures is under way, according to relief groups on the border.")
    assert claim_at(parley_nlp, text, "about a quarter").claimant_name is None


def test_according_to_still_sources_its_own_clause(parley_nlp):
    text = ("Fuel prices have doubled, and about a quarter of the villages have no water, according "
            "to relief groups on the border.")
    assert claim_at(parley_nlp, text, "about a quarter").claimant_name == "relief groups on the border"


# -- a cue that names its own words ---------------------------------------------------------


def statement(text: str, content: str, speaker: str, cue: str):
    from parley.model import Quote, Speaker

    start = text.index(content)
    return Quote(span=(start, start + len(content)), text=content, kind="indirect",
                 speaker=Speaker(name=speaker), cue=cue)


@pytest.mark.parametrize("content, cue, expected", [
    # the parse hangs the clause on "called", whose words are its own complement
    ("Allied ministers agreed on Tuesday to lift aid to 2% of national income", "called", None),
    # "said" names no complement of its own: its speaker claims the figure
    ("Allied ministers agreed on Tuesday to lift aid to 2% of national income", "said", "Anna Lind"),
])
def test_cue_with_its_own_complement_does_not_claim_the_clause_before(parley_nlp, content, cue, expected):
    from parley.extract.claims import ClaimExtractor

    text = ("Allied ministers agreed on Tuesday to lift aid to 2% of national income, a target "
            f"Anna Lind {cue} \u201ca turning point\u201d for the group.")
    doc = parley_nlp(text)
    quote = statement(text, content, "Anna Lind", cue)
    claims = ClaimExtractor().extract(doc, doc._.actors, [quote], [], PUBLISHED)
    assert [c.claimant_name for c in claims] == [expected]


def test_speaker_of_a_plain_statement_claims_its_figure(parley_nlp):
    text = "Anna Lind said allied ministers had agreed on Tuesday to lift aid to 2% of national income."
    doc, _ = claims_of(parley_nlp, text)
    assert "Anna Lind" in names_of(doc, claim_at(parley_nlp, text, "2%"))


# -- group nouns through the knowledge base ------------------------------------------------


def test_group_noun_resolves_to_the_articles_force(parley_nlp):
    # "peacekeepers" heads a KB name of UNIFIL ("UN peacekeepers in Lebanon")
    text = ("A spokesman for UNIFIL said on Monday that peacekeepers counted more than 60 rockets "
            "fired across the line.")
    claim = claim_at(parley_nlp, text, "more than 60 rockets")
    assert claim.claimant == "unifil"


def test_group_noun_without_such_an_actor_stays_as_written(parley_nlp):
    text = "Engineers said on Monday that more than 60 bridges had been damaged."
    claim = claim_at(parley_nlp, text, "more than 60 bridges")
    assert claim.claimant is None and claim.claimant_name == "Engineers"


def test_unnamed_source_a_speaker_relays_leaves_the_figure_to_the_speaker(parley_nlp):
    # "engineers" name no actor: the governor vouches for the count (test_party_speakers.py)
    text = "The governor said on Monday that engineers counted more than 60 damaged bridges."
    claim = claim_at(parley_nlp, text, "more than 60 damaged bridges")
    assert claim.claimant_name == "The governor"


# -- readings of figures ---------------------------------------------------------------------


def test_count_of_a_nominalised_adjective(parley_nlp):
    text = "Police said 40 people died in the fire. Five of the dead were firefighters."
    claim = claim_at(parley_nlp, text, "Five of the dead")
    assert claim.value == 5 and claim.category == "killed"


def test_one_of_the_dead_is_still_a_reference(parley_nlp):
    text = "Police said 40 people died in the fire. One of the dead was a firefighter."
    _, claims = claims_of(parley_nlp, text)
    assert [c.value for c in claims] == [40]


def test_vague_amount_of_a_currency_is_money(parley_nlp):
    text = "Prosecutors say the network moved hundreds of millions of dollars through shell firms."
    claim = claim_at(parley_nlp, text, "hundreds of millions of dollars")
    assert claim.category == "money"


def test_rejected_figure_is_no_claim(parley_nlp):
    text = 'The finance minister said the country would meet the target "with 1.8%, not 3%," this year.'
    _, claims = claims_of(parley_nlp, text)
    assert [c.value for c in claims] == [1.8]


def test_not_more_than_is_a_bound_not_a_rejection(parley_nlp):
    text = "The finance minister said spending would rise by not more than 3% this year."
    _, claims = claims_of(parley_nlp, text)
    assert [c.value for c in claims] == [3]
