"""Who claims a figure: one sentence per kind of attribution, written for these tests.

Each case names the claimant a reader would give (as the text names it) or None when the
article states the figure in its own voice.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.claims import ClaimExtractor

PUBLISHED = dt.date(2025, 3, 1)


@pytest.fixture(scope="module")
def nlp():
    from parley.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="module")
def extractor():
    return ClaimExtractor()


def claimant_of(nlp, extractor, text: str, figure: str):
    """The claimant name (as written) of the claim whose span starts with ``figure``."""
    doc = nlp.make_doc(text)
    doc._.published = PUBLISHED
    doc = nlp(doc)
    claims = extractor.extract(doc, doc._.actors, doc._.quotes or [], doc._.dates or [], PUBLISHED)
    for claim in claims:
        if text[claim.span[0]:claim.span[1]].startswith(figure):
            return claim.claimant_name
    raise AssertionError(f"no claim at {figure!r}: {[text[c.span[0]:c.span[1]] for c in claims]}")


@pytest.mark.parametrize("text, figure, expected", [
    # a report relayed by someone else belongs to the report's source
    ("The council welcomed reports by the health ministry that 52 patients had been evacuated "
     "from the hospital.", "52 patients", "the health ministry"),
    ("The bloc noted reports by the border police that 40 armed men crossed the river and that "
     "16 rifles were seized.", "16 rifles", "the border police"),
    # a report nested inside a statement: its own named reporter
    ("Aid workers are stretched thin; the governor insists that engineers put the damage at "
     "about 300 homes.", "about 300 homes", "engineers"),
    # "by X's own count" on the figure's clause
    ("The rebels argue that the toll, which reached 45 fighters by their own count, proves the "
     "army lied.", "45 fighters", "The rebels"),
    # a bare reporting clause after the figure, however it is parsed
    ("Rebels have seized 14 villages near the border, the regional governor said on Friday.",
     "14 villages", "the regional governor"),
    # an accusation's content is the accuser's claim, not an act on its object
    ("The union accused the company of breaking a promise to pay 3,000 workers their wages.",
     "3,000 workers", "The union"),
    # the agency verified the stockpile
    ("The agency last verified the stockpile at 210 kilograms in May.", "210 kilograms", "The agency"),
])
def test_claimant(nlp, extractor, text, figure, expected):
    assert claimant_of(nlp, extractor, text, figure) == expected


@pytest.mark.parametrize("text, figure", [
    # the writer's gloss on a statement: "referring to ..."
    ('"We will rebuild every house," the mayor said, referring to the storm that destroyed '
     '1,200 homes.', "1,200 homes"),
    ("The governor spoke on Tuesday, referring to the flood that displaced some 40,000 residents.",
     "some 40,000 residents"),
    # "according to X" sources its own clause, not one joined after it
    ("Exports fell sharply last year, according to the central bank, and a new levy of 3% has "
     "hit 500 traders.", "500 traders"),
    # a statement coordinated with the figure's clause does not claim it
    ("The alliance wants its neighbours to grant residence rights to an estimated 2 million "
     "migrants, and insists that any deal must be reciprocal.", "an estimated 2 million migrants"),
    # a tally "from" an event names its cause, not a source
    ("Aid groups appealed for help as the death toll from the storm passed 900.", "900"),
    # a denied or impossible report claims nothing
    ("Reporters could not verify the claim that 80 soldiers were killed.", "80 soldiers"),
])
def test_no_claimant(nlp, extractor, text, figure):
    assert claimant_of(nlp, extractor, text, figure) is None
