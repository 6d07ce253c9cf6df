"""Parley's spaCy components, registered as factories.

A spaCy user can add them to a pipeline of their own::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("parley_paragraphs", before="parser")
    nlp.add_pipe("parley_actors")
    nlp.add_pipe("parley_dates")
    nlp.add_pipe("parley_places")

Each component finds (``match``) and then writes (``set_annotations``) what it found on
``Doc._``; the publication date is read from ``doc._.published`` (set it before running).
"""

from __future__ import annotations

from typing import Iterable, Optional

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..kb import KnowledgeBase, load_kb

# "14:12 – ", "08.30 - ", "KYIV, March 3 (Reuters) - ", "NEW YORK (AP) — " at a paragraph start.
DATELINE = re.compile(
    r"(?m)^[ \t]*(?:\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?|[A-Z][A-Z .'/-]{2,40}(?:,[^\n–—-]{0,30})?(?:\s*\([^)\n]{1,40}\))?)\s*[–—-]{1,2}\s+(?=\S)"
)

for _name, _default in (
    ("published", None),
    ("actors", None),
    ("dates", None),
    ("places", None),
    ("quotes", None),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


class ParagraphBoundaries:
    """Starts a sentence after every line break, so headlines, standfirsts and paragraphs
    never merge with the body text around them. Must run before the parser, which keeps
    boundaries set before it."""

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    @staticmethod
    def match(doc: Doc) -> list[int]:
        starts = ParagraphBoundaries._after_datelines(doc)
        after_break = False
        for token in doc:
            if "\n" in token.text or "\n" in token.whitespace_:
                after_break = True
                if token.is_space:
                    continue
                if "\n" in token.whitespace_ and token.i + 1 < len(doc):
                    starts.append(token.i + 1)
                    after_break = False
                continue
            if after_break:
                starts.append(token.i)
                after_break = False
        return starts

    @staticmethod
    def _after_datelines(doc: Doc) -> list[int]:
        """A paragraph opening with a live-blog time or a dateline ("14:12 – ...",
        "KYIV, March 3 (Reuters) - ...") starts its sentence after the dash, so the time or
        the place is never read as the subject."""
        starts = []
        for match in DATELINE.finditer(doc.text):
            span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
            if span is not None and span[0].i > 0:
                starts.append(span[0].i)
        return starts

    @staticmethod
    def set_annotations(doc: Doc, starts: Iterable[int]) -> None:
        for i in starts:
            if i > 0:
                doc[i].is_sent_start = True


@Language.factory("parley_paragraphs")
def make_paragraph_boundaries(nlp: Language, name: str) -> ParagraphBoundaries:
    return ParagraphBoundaries()


class ActorComponent:
    """Resolves actor mentions against the knowledge base; sets ``doc._.actors``
    (a :class:`parley.extract.actors.ResolvedActors`)."""

    def __init__(self, kb: KnowledgeBase):
        from ..extract.actors import ActorResolver

        self.resolver = ActorResolver(kb)

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = self.resolver.resolve(doc, doc._.published)
        return doc


@Language.factory("parley_actors", default_config={"kb_dirs": []})
def make_actor_component(nlp: Language, name: str, kb_dirs: list[str]) -> ActorComponent:
    """``kb_dirs``: folders of YAML actor files that extend the bundled knowledge base."""
    return ActorComponent(load_kb(tuple(kb_dirs)))


class DateComponent:
    """Finds temporal expressions and resolves them; sets ``doc._.dates``."""

    def __call__(self, doc: Doc) -> Doc:
        from ..extract.dates import extract_dates

        doc._.dates = extract_dates(doc, doc._.published)
        return doc


@Language.factory("parley_dates")
def make_date_component(nlp: Language, name: str) -> DateComponent:
    return DateComponent()


class PlaceComponent:
    """Resolves toponyms to GeoNames; sets ``doc._.places``. Reads ``doc._.actors`` when
    present, so capitals standing for governments and platform names are not places."""

    def __call__(self, doc: Doc) -> Doc:
        from ..extract.places import extract_places

        resolved = doc._.actors
        skip: list = []
        actor_spans: list = []
        countries: list = []
        if resolved is not None:
            skip = list(resolved.metonym_spans)
            for mention in resolved.mentions:
                actor = resolved.actors[mention.actor_id]
                if actor.type in ("person", "organisation", "igo", "media", "group"):
                    actor_spans.append((mention.start, mention.end))
                if actor.type == "media":
                    skip.append((mention.start, mention.end))
            countries = sorted({a.country for a in resolved.actors.values() if a.country})
        doc._.places = extract_places(doc, skip=skip, actor_spans=actor_spans, article_countries=countries)
        return doc


@Language.factory("parley_places")
def make_place_component(nlp: Language, name: str) -> PlaceComponent:
    return PlaceComponent()


class QuoteComponent:
    """Finds statements with their speakers, channels and dates; sets ``doc._.quotes``.
    Needs ``parley_actors`` before it (speakers are actors) and uses ``parley_dates`` when present."""

    def __init__(self, kb: KnowledgeBase):
        from ..extract.quotes import QuoteExtractor, load_lexicon

        titles = tuple(sorted((kb.agents.get("titles") or {}).items()))
        self.kb = kb
        self.extractor = QuoteExtractor(load_lexicon(titles=titles))

    def __call__(self, doc: Doc) -> Doc:
        from ..extract.actors import ResolvedActors

        resolved = doc._.actors if doc._.actors is not None else ResolvedActors()
        doc._.quotes = self.extractor.extract(doc, resolved, doc._.dates or [], doc._.published, self.kb)
        return doc


@Language.factory("parley_quotes", default_config={"kb_dirs": []})
def make_quote_component(nlp: Language, name: str, kb_dirs: list[str]) -> QuoteComponent:
    return QuoteComponent(load_kb(tuple(kb_dirs)))
