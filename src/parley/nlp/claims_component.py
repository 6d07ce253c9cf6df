"""The ``parley_claims`` spaCy component: numeric claims on ``doc._.claims``.

Add it after ``parley_quotes`` (claimants are quote speakers)::

    nlp.add_pipe("parley_claims")

It reads ``doc._.actors``, ``doc._.quotes``, ``doc._.dates`` and ``doc._.published`` when
present and sets ``doc._.claims`` (a list of :class:`parley.model.Claim`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the extensions this component reads)

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)


class ClaimComponent:
    """Finds the figures of a Doc with their claimant, unit, category and subject
    (:mod:`parley.extract.claims`); sets ``doc._.claims``."""

    def __init__(self) -> None:
        from ..extract.claims import ClaimExtractor

        self.extractor = ClaimExtractor()

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list:
        return self.extractor.extract(doc, doc._.actors, doc._.quotes or [], doc._.dates or [], doc._.published)

    @staticmethod
    def set_annotations(doc: Doc, claims: list) -> None:
        doc._.claims = claims


@Language.factory("parley_claims")
def make_claim_component(nlp: Language, name: str) -> ClaimComponent:
    return ClaimComponent()
