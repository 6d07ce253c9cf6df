"""From :class:`~parley.model.Article` to :class:`~parley.model.ArticleResult`.

The one place where parsed Docs become records: readers feed it, the CLI, the store and
the scale runners call it.
"""

from __future__ import annotations

import datetime as dt
from itertools import islice
from typing import Iterable, Iterator, Optional, Sequence

from spacy.tokens import Doc

from .model import Article, ArticleResult, ItemError
from .nlp.pipeline import DEFAULT_MODEL, load_pipeline


# A short wire-style text that reaches every extractor: actors, a date, a place, a quote,
# a figure, a demand and an event.
WARM_UP_TEXT = (
    "Officials from France and Germany met in Paris on Monday. \"We demand a ceasefire now,\" "
    "the French foreign minister said, adding that 1,200 people had been killed."
)
WARM_UP_DATE = dt.date(2024, 1, 10)


class Analyzer:
    """Analyses articles with one pipeline, loaded once.

    Args:
        model: the spaCy pipeline to load (any installed package name).
        kb_dirs: extra actor folders extending the bundled knowledge base.
        batch_size: articles parsed together by ``nlp.pipe``.
    """

    def __init__(self, model: str = DEFAULT_MODEL, kb_dirs: Sequence[str] = (), batch_size: int = 16):
        self.nlp = load_pipeline(model, tuple(str(p) for p in kb_dirs))
        self.batch_size = batch_size

    def analyse(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """One result per article, in input order; items with an error pass through as errors."""
        stream = iter(articles)
        while True:
            chunk = list(islice(stream, self.batch_size))
            if not chunk:
                return
            yield from self._analyse_chunk(chunk)

    def analyse_one(self, article: Article) -> ArticleResult:
        return next(self.analyse([article]))

    def warm_up(self) -> None:
        """Load what the extractors load on first use (gazetteer, lexicons, KB indexes).

        Costs a few seconds once; worth calling before timing, or in a worker process
        before it takes work, so the first real article is not the one that pays for it.
        """
        sample = Article(id="warm-up", text=WARM_UP_TEXT, published=WARM_UP_DATE)
        list(self.analyse([sample]))

    def _analyse_chunk(self, chunk: list[Article]) -> list[ArticleResult]:
        good = [a for a in chunk if a.error is None]
        try:
            docs = dict(zip((id(a) for a in good), self.nlp.pipe(self._make_doc(a) for a in good)))
        except Exception:  # one bad article must not take its batch with it: retry one by one
            docs = {}
            for article in good:
                try:
                    docs[id(article)] = self.nlp(self._make_doc(article))
                except Exception as exc:  # noqa: BLE001 - reported on the item
                    docs[id(article)] = ItemError(code="analysis_failed", message=f"analysis failed: {type(exc).__name__}: {exc}")
        results = []
        for article in chunk:
            if article.error is not None:
                results.append(ArticleResult.failed(article))
                continue
            doc = docs[id(article)]
            if isinstance(doc, ItemError):
                results.append(ArticleResult.failed(article.model_copy(update={"error": doc})))
            else:
                results.append(to_result(article, doc))
        return results

    def _make_doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.published = article.published
        return doc


def analyse_articles(articles: Iterable[Article], model: Optional[str] = None, batch_size: int = 16) -> Iterator[ArticleResult]:
    """Every record of every article with the default pipeline (or ``model``), in input order."""
    yield from Analyzer(model=model or DEFAULT_MODEL, batch_size=batch_size).analyse(articles)


def to_result(article: Article, doc: Doc) -> ArticleResult:
    """The record of one analysed article, from its Doc's Parley annotations."""
    resolved = doc._.actors
    return ArticleResult(
        id=article.id,
        title=article.title,
        published=article.published,
        source=article.source,
        url=article.url,
        language=article.language,
        text=article.text,
        sections=article.sections,
        actors=list(resolved.actors.values()) if resolved else [],
        quotes=doc._.quotes or [],
        claims=doc._.claims or [],
        demands=doc._.demands or [],
        events=doc._.events or [],
        dates=doc._.dates or [],
        places=doc._.places or [],
    )


def analyse_text(text: str, *, published=None, title: Optional[str] = None, analyzer: Optional[Analyzer] = None) -> ArticleResult:
    """Analyse one text (convenience for the Python API and notebooks)."""
    from .read import article_from_text

    analyzer = analyzer or Analyzer()
    return analyzer.analyse_one(article_from_text(text, title=title, published=published))
