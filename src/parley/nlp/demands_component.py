"""The ``parley_demands`` spaCy component: demands and conditions on ``doc._.demands``.

Add it after ``parley_quotes`` (demands inside statements belong to their speakers)::

    nlp.add_pipe("parley_demands", after="parley_quotes")

It reads ``doc._.actors``, ``doc._.quotes``, ``doc._.dates`` and ``doc._.published`` and
sets ``doc._.demands`` (a list of :class:`parley.model.Demand`).
"""

from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..extract.demands import DemandExtractor, Found, load_demand_lexicon
from ..model import Demand

for _name in ("published", "actors", "dates", "quotes", "demands"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class DemandComponent:
    """Finds demands (:meth:`match`), then writes the records (:meth:`set_annotations`).

    Args:
        lexicon_path: a ``demands.yaml`` of one's own; the bundled one when None.
    """

    def __init__(self, *, lexicon_path: Optional[str] = None):
        lexicon = load_demand_lexicon(lexicon_path) if lexicon_path else load_demand_lexicon()
        self.extractor = DemandExtractor(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Found]:
        return self.extractor.match(doc)

    def set_annotations(self, doc: Doc, found: list[Found]) -> None:
        from ..extract.actors import ResolvedActors

        resolved = doc._.actors if doc._.actors is not None else ResolvedActors()
        demands: list[Demand] = self.extractor.set_records(
            doc, found, resolved, doc._.quotes or [], doc._.published, doc._.dates or [])
        doc._.demands = demands


@Language.factory("parley_demands", default_config={"lexicon_path": None})
def make_demand_component(nlp: Language, name: str, lexicon_path: Optional[str]) -> DemandComponent:
    """``lexicon_path``: a demands word list replacing the bundled ``lexicon/demands.yaml``."""
    return DemandComponent(lexicon_path=lexicon_path)
