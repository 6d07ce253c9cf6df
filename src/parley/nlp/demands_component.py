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

from ..extract.demand_model import DemandModel, configured_demand_model, learned_found
from ..extract.demands import DemandExtractor, Found, load_demand_lexicon
from ..model import Demand

for _name in ("published", "actors", "dates", "quotes", "demands"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class DemandComponent:
    """Finds demands (:meth:`match`), then writes the records (:meth:`set_annotations`).

    Args:
        lexicon_path: a ``demands.yaml`` of one's own; the bundled one when None.
        learned: also propose the sentences the rules left empty that the learned model
            (``kb/data/models/demands.json``) scores as demands. Off by default: in the
            writer-split evaluation (train on one writer's articles, score on another's) it
            lowered F1 in both directions; see ``parley.extract.demand_model``. The environment
            variable ``PARLEY_DEMAND_MODEL=FILE`` turns it on with that model file (``off``: off).
    """

    def __init__(self, *, lexicon_path: Optional[str] = None, learned: bool = False):
        lexicon = load_demand_lexicon(lexicon_path) if lexicon_path else load_demand_lexicon()
        self.extractor = DemandExtractor(lexicon)
        self.model: Optional[DemandModel] = configured_demand_model(learned)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Found]:
        return self.extractor.match(doc)

    def set_annotations(self, doc: Doc, found: list[Found]) -> None:
        from ..extract.actors import ResolvedActors

        resolved = doc._.actors if doc._.actors is not None else ResolvedActors()
        quotes, published, dates = doc._.quotes or [], doc._.published, doc._.dates or []
        demands: list[Demand] = self.extractor.set_records(doc, found, resolved, quotes, published, dates)
        if self.model is not None:
            # The rules first; the model only speaks for sentences they left empty.
            more = learned_found(doc, self.model, quotes, [d.span for d in demands], doc._.actors)
            if more:
                demands = sorted(demands + self.extractor.set_records(doc, more, resolved, quotes, published, dates),
                                 key=lambda d: d.span)
        doc._.demands = demands


@Language.factory("parley_demands", default_config={"lexicon_path": None, "learned": False})
def make_demand_component(nlp: Language, name: str, lexicon_path: Optional[str], learned: bool) -> DemandComponent:
    """``lexicon_path``: a demands word list replacing the bundled ``lexicon/demands.yaml``;
    ``learned``: add the learned detector's sentences to the rules' demands."""
    return DemandComponent(lexicon_path=lexicon_path, learned=learned)
