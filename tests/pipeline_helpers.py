"""Running a text through Parley's full pipeline in tests, with a publication date."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc


def parsed(nlp: Language, text: str, published: dt.date) -> Doc:
    """The Doc of ``text`` after every component, dated ``published`` (events, quotes,
    claims and demands are on ``doc._``)."""
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)
