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


def coded_events(nlp: Language, text: str, published: dt.date) -> tuple[Doc, list]:
    """The parsed Doc and the events the coder alone gives it (without the reliability checks
    the events component runs after it), so a test pins one coding rule."""
    from parley.extract.events import extract_events

    doc = parsed(nlp, text, published)
    return doc, extract_events(doc, doc._.actors, doc._.quotes or [], doc._.dates or [], doc._.places or [], published)


def event_coder(nlp: Language, published: dt.date):
    """A function from a text to the coder's events alone (see :func:`coded_events`), for a
    module's ``code`` fixture."""
    return lambda text: coded_events(nlp, text, published)[1]


def demands_of(nlp: Language, text: str, published: dt.date) -> list:
    """The demands the full pipeline finds in ``text`` dated ``published``."""
    return parsed(nlp, text, published)._.demands


def only_demand(nlp: Language, text: str, words: str, published: dt.date = dt.date(2025, 6, 2)):
    """The one demand whose text holds ``words`` (failing with every demand found)."""
    every = demands_of(nlp, text, published)
    found = [d for d in every if words in d.text]
    assert len(found) == 1, [(d.party, d.addressee, d.text) for d in every]
    return found[0]


def actor_ids(ref) -> list[str]:
    """An event's source or target as a list of actor ids (a field holds one id, a list or None)."""
    return list(ref) if isinstance(ref, list) else [ref] if ref else []


def of_root(events, root: str) -> list:
    """The events whose CAMEO code is under ``root`` ("05")."""
    return [e for e in events if e.cameo[:2] == root]


def quotes_of(analyzer, text: str, published: dt.date = dt.date(2025, 6, 2)) -> list:
    """The quotes Parley's analyser finds in ``text``."""
    from parley.model import Article

    (result,) = list(analyzer.analyse([Article(id="t", text=text, published=published)]))
    return result.quotes


def speaker_of(quotes, words: str):
    """The speaker of the first quote containing ``words`` (failing with the quotes found)."""
    found = [q for q in quotes if words in q.text]
    assert found, [q.text for q in quotes]
    return found[0].speaker


def with_evidence(doc: Doc, events) -> list:
    """Each event paired with its evidence words in ``doc``."""
    return [(e, doc.text[e.evidence[0]:e.evidence[1]]) for e in events]


def events_with_evidence(nlp: Language, text: str, published: dt.date) -> list:
    """Each event the full pipeline codes in ``text``, paired with its evidence words."""
    doc = parsed(nlp, text, published)
    return with_evidence(doc, doc._.events)


def plover_types(found) -> set[str]:
    """The PLOVER types of (event, evidence) pairs."""
    return {e.plover.type for e, _ in found}


def coded_with_evidence(nlp: Language, text: str, published: dt.date) -> list:
    """Each event the coder alone gives ``text`` (see :func:`coded_events`), with its evidence words."""
    return with_evidence(*coded_events(nlp, text, published))


def modalities_of(found: list, words: str) -> list[str]:
    """The modalities of the events in ``found`` whose evidence holds ``words`` (at least one)."""
    hits = [e.modality for e, span in found if words in span]
    assert hits, f"no event with {words!r} in {[s for _, s in found]}"
    return hits


def event_with(coded: tuple, words: str):
    """The first event of ``(text, events)`` whose evidence holds ``words`` (failing with the
    evidence found)."""
    text, events = coded
    found = [e for e in events if words in text[e.evidence[0]:e.evidence[1]]]
    assert found, [text[e.evidence[0]:e.evidence[1]] for e in events]
    return found[0]


def claim_with_actors(nlp: Language, extractor, text: str, figure: str, published: dt.date) -> tuple:
    """The claim ``extractor`` finds whose span starts with ``figure``, and the Doc's actors by
    id (fails, listing what was found, when there is none)."""
    doc = parsed(nlp, text, published)
    claims = extractor.extract(doc, doc._.actors, doc._.quotes or [], doc._.dates or [], published)
    for claim in claims:
        if text[claim.span[0]:claim.span[1]].startswith(figure):
            return claim, doc._.actors.actors
    raise AssertionError(f"no claim at {figure!r}: {[text[c.span[0]:c.span[1]] for c in claims]}")
