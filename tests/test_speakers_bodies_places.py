"""Who voices quotes and figures: speaker phrases the resolver used to cut or send to the
wrong noun, and figures inside statements that relay an unnamed source.

Every sentence is written for these tests; each pins one rule.
"""

from __future__ import annotations

import datetime as dt

from parley.model import Article, Section


def _analyse(analyzer, text: str):
    article = Article(id="party", text=text, published=dt.date(2025, 6, 2), language="en",
                      sections=[Section(kind="body", span=(0, len(text)))])
    return next(iter(analyzer.analyse([article])))


def _quote_with(result, words: str):
    for quote in result.quotes:
        if words in quote.text:
            return quote
    raise AssertionError(f"no quote holds {words!r}: {[q.text for q in result.quotes]}")


def _speaker_names(result, words: str) -> set[str]:
    """The speaker's name and every text its actor is mentioned by."""
    quote = _quote_with(result, words)
    names = {quote.speaker.name} if quote.speaker.name else set()
    actor = next((a for a in result.actors if a.id == quote.speaker.actor_id), None)
    if actor is not None:
        names |= {actor.name} | {m.text for m in actor.mention_details}
    return names


def _claimant_of(result, value: float) -> tuple[str | None, str | None]:
    found = [c for c in result.claims if c.value == value]
    assert found, f"no claim of {value}: {[(c.value, c.claimant_name) for c in result.claims]}"
    actor = next((a for a in result.actors if a.id == found[0].claimant), None)
    return (actor.name if actor is not None else None), found[0].claimant_name


# -- "data from X": the lemmatiser's "datum" is still a publisher's noun ------------------


def test_data_from_a_body_speak_for_the_body(analyzer):
    text = ("According to data from the Ministry of Labour, the textile mills, which employed around "
            "40 percent of the town's workers in 2023, have now closed.")
    quote = _quote_with(_analyse(analyzer, text), "textile mills")
    assert quote.speaker.name == "Ministry of Labour"


# -- "who" after a place that only locates the person ------------------------------------


def test_who_after_a_place_is_the_person_placed_there(analyzer):
    text = ("Fishing boats have stayed in port since March, according to a fisheries official in Mopti, "
            "who said the fleet would not sail again until fuel prices fell.")
    names = _speaker_names(_analyse(analyzer, text), "the fleet would not sail")
    assert "Mopti" not in names
    assert "a fisheries official in Mopti" in names


def test_who_after_a_description_beside_a_name_is_the_name(analyzer):
    text = ("\u201cWe cannot feed our children on promises,\u201d said Aminata Diallo, a 40-year-old "
            "vendor at the Central Market, who said the price of rice had tripled since the border closed.")
    names = _speaker_names(_analyse(analyzer, text), "the price of rice had tripled")
    assert "Aminata Diallo" in names


def test_who_after_a_plain_name_is_still_that_name(analyzer):
    # the rule climbs only out of a place phrase: a name the clause describes stays the speaker
    text = ("The talks were led by Ana Pereira, who said the two sides would meet again in July.")
    names = _speaker_names(_analyse(analyzer, text), "the two sides would meet again")
    assert "Ana Pereira" in names


# -- an unnamed speaker's phrase ends at the comma after it -------------------------------


def test_unnamed_speaker_phrase_ends_at_comma(analyzer):
    text = ("A resident of Kibera, on the western edge of Nairobi, tells us by phone that police fired "
            "tear gas at crowds near the market this morning.")
    quote = _quote_with(_analyse(analyzer, text), "police fired tear gas")
    assert quote.speaker.name == "A resident of Kibera"


# -- a body the KB does not know, named with its owner ------------------------------------


def test_new_body_after_a_country_possessive_is_named_with_it(analyzer):
    text = "Chile's Fisheries Ministry said it had sent two inspection vessels to the area on Sunday."
    names = _speaker_names(_analyse(analyzer, text), "two inspection vessels")
    assert "Chile's Fisheries Ministry" in names


# -- figures a statement relays from an unnamed source ------------------------------------


def test_unnamed_source_inside_a_statement_leaves_the_figure_to_the_speaker(analyzer):
    # "volunteers" name no actor: the speaker vouches for the count they relay
    text = ("Health Minister Jean Mbala said volunteers had counted 45 bodies in the town after the attack.")
    actor, _ = _claimant_of(_analyse(analyzer, text), 45)
    assert actor == "Jean Mbala"


def test_named_source_inside_a_statement_keeps_the_figure(analyzer):
    # a source that names an actor of its own still claims its figure
    text = ("The foreign ministry said the World Health Organization had counted 45 cholera deaths "
            "in the camps since May.")
    actor, name = _claimant_of(_analyse(analyzer, text), 45)
    assert actor == "World Health Organization" or name == "World Health Organization"


# -- a title before a name splits the subject in two --------------------------------------


def test_title_and_name_split_into_two_subjects_claim_by_the_name(analyzer):
    text = ("The conflict monitor Airwars puts the civilian toll since January at more than 1,400, "
            "while officials have published no count of their own.")
    _, name = _claimant_of(_analyse(analyzer, text), 1400)
    assert name is not None and "Airwars" in name
