"""Sentence lookups that are cheap to repeat.

spaCy builds ``doc.sents`` and ``token.sent`` by walking the tokens on every access, and
``doc.ents`` builds its spans anew each time; extractors that ask for them per token or per
mention turn linear work quadratic. These helpers compute each once per Doc and cache it in
``doc.user_data``.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

_SENTS = "parley.sentences"
_STARTS = "parley.sentence_starts"
_ENTS = "parley.entities"


def sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences, computed once."""
    cached = doc.user_data.get(_SENTS)
    if cached is None or (cached and cached[-1].end != len(doc)):
        cached = list(doc.sents)
        doc.user_data[_SENTS] = cached
        doc.user_data[_STARTS] = [s.start for s in cached]
    return cached


def sentence_of(token: Token) -> Span:
    """The sentence holding ``token`` (as ``token.sent``, without walking the Doc)."""
    doc = token.doc
    sents = sentences(doc)
    return sents[bisect_right(doc.user_data[_STARTS], token.i) - 1]


def sentence_before(sentence: Span) -> Span | None:
    """The sentence before ``sentence``, or None for the first."""
    if sentence.start == 0:
        return None
    return sentence_of(sentence.doc[sentence.start - 1])


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, computed once (call :func:`forget_entities` after changing them)."""
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        cached = tuple(doc.ents)
        doc.user_data[_ENTS] = cached
    return cached


def forget_entities(doc: Doc) -> None:
    doc.user_data.pop(_ENTS, None)


_TEXT = "parley.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once (spaCy rebuilds the string from the tokens on every access)."""
    cached = doc.user_data.get(_TEXT)
    if cached is None:
        cached = doc.text
        doc.user_data[_TEXT] = cached
    return cached
