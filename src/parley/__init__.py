"""Parley: news reports in, a cited, queryable record of a conflict's politics out."""

__version__ = "0.1.0"

__all__ = ["__version__", "Analyzer", "analyse_text"]


def __getattr__(name):  # lazy: importing parley must not load spaCy
    if name in ("Analyzer", "analyse_text"):
        from . import analyse

        return getattr(analyse, name)
    raise AttributeError(name)
