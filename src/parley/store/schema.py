"""The corpus tables (SQLAlchemy Core), one definition for SQLite and PostgreSQL.

Layout, from the article outwards:

- ``articles``: one row per distinct input item (unique by URL and by content hash), with
  the full :class:`~parley.model.ArticleResult` JSON in ``result`` so that exports and the
  article view can rebuild exactly what was analysed. A near-duplicate (a syndicated copy)
  is stored with ``duplicate_of`` pointing at its original and is not analysed.
- ``actors`` (canonical, across articles) and ``article_actors`` (role on that date, mentions).
- ``statements`` (one per thing said, merged across outlets) and ``quotes`` (each place a
  statement was reported, in one article).
- ``events`` (one per real-world event, merged) with ``event_actors`` (source/target ids)
  and ``event_mentions`` (each article's report of it, with the evidence span).
- ``demands`` and ``claims``: one row per extraction, linked to the article.

Not here: full-text indexes, which differ by backend (see :func:`create_all`).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    event,
    text,
)
from sqlalchemy.engine import Engine

metadata = MetaData()

SCHEMA_VERSION = 1

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(512), nullable=False, doc="The reader's item id (file stem, JSONL id)."),
    Column("url", String(2048), unique=True, nullable=True),
    Column("content_hash", String(64), unique=True, nullable=False, doc="SHA-256 of the whitespace-normalised text."),
    Column("title", Text),
    Column("published", Date, index=True),
    Column("source", String(512), index=True),
    Column("language", String(8)),
    Column("origin", Text),
    Column("status", String(16), nullable=False, doc="'analysed', 'duplicate' or 'error'."),
    Column("duplicate_of", Integer, ForeignKey("articles.id"), nullable=True, index=True),
    Column("similarity", Float, doc="Estimated Jaccard similarity to the original, for duplicates."),
    Column("error_code", String(64)),
    Column("error_message", Text),
    Column("text", Text, nullable=False),
    Column("result", Text, doc="The ArticleResult JSON (null for duplicates)."),
    Column("minhash", LargeBinary, doc="MinHash signature (uint32 x permutations) for near-duplicate search."),
    Column("ingested_at", DateTime, nullable=False),
)

actors = Table(
    "actors",
    metadata,
    Column("id", String(256), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(32)),
    Column("country", String(8)),
    Column("sector", String(16)),
    Column("wikidata", String(32)),
)

article_actors = Table(
    "article_actors",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("actor_id", String(256), ForeignKey("actors.id"), primary_key=True),
    Column("role", Text),
    Column("sector", String(16)),
    Column("mentions", Integer, nullable=False, default=0),
)
Index("ix_article_actors_actor", article_actors.c.actor_id)

statements = Table(
    "statements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(64), nullable=False, unique=True, doc="Hash of speaker and normalised text."),
    Column("speaker_id", String(256), index=True),
    Column("speaker_name", Text),
    Column("text", Text, nullable=False, doc="The longest wording reported."),
    Column("kind", String(16)),
    Column("first_published", Date),
    Column("sources", Integer, nullable=False, default=1, doc="How many quotes report it."),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("statement_id", Integer, ForeignKey("statements.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False, doc="Index in the article's quotes list."),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(16)),
    Column("speaker_id", String(256), index=True),
    Column("speaker_name", Text),
    Column("cue", String(128)),
    Column("channel", String(128), index=True),
    Column("date", String(32)),
    Column("published", Date, index=True),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, doc="Actor ids joined by '|', sorted."),
    Column("target", Text),
    Column("cameo", String(8), nullable=False, index=True),
    Column("plover_type", String(64), index=True),
    Column("plover_mode", String(64)),
    Column("modality", String(16)),
    Column("date", String(32), doc="As precise as known."),
    Column("day", Date, index=True, doc="The event date when known to the day, else the first report's publication date."),
    Column("location", Text),
    Column("goldstein", Float),
    Column("mentions", Integer, nullable=False, default=1),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id"), primary_key=True),
    Column("actor_id", String(256), primary_key=True),
    Column("role", String(8), primary_key=True, doc="'source' or 'target'."),
)
Index("ix_event_actors_actor", event_actors.c.actor_id, event_actors.c.role)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False, index=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("modality", String(16)),
    Column("reported_by", String(256)),
    Column("published", Date),
)

demands = Table(
    "demands",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("party", String(256), index=True),
    Column("addressee", Text, doc="Actor ids joined by '|'."),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("issue", String(128), index=True),
    Column("modality", String(16)),
    Column("published", Date, index=True),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("claimant", String(256), index=True),
    Column("value", Float),
    Column("low", Float),
    Column("high", Float),
    Column("unit", String(64)),
    Column("category", String(32), index=True),
    Column("approximate", Boolean, nullable=False, default=False),
    Column("subject", String(256)),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("date", String(32)),
    Column("published", Date),
)

RECORD_TABLES = {
    "articles": articles,
    "actors": actors,
    "article_actors": article_actors,
    "statements": statements,
    "quotes": quotes,
    "events": events,
    "event_actors": event_actors,
    "event_mentions": event_mentions,
    "demands": demands,
    "claims": claims,
}
"""Every table by name, in an order that satisfies foreign keys when inserting."""


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def create_all(engine: Engine) -> None:
    """Create the tables and the backend's full-text index over quotes (idempotent).

    SQLite gets an FTS5 table ``quote_fts`` kept in step by :mod:`parley.store.ingest`;
    PostgreSQL a GIN index over ``to_tsvector('english', text)`` that queries use as is.
    """
    metadata.create_all(engine)
    with engine.begin() as conn:
        if is_sqlite(engine):
            conn.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS quote_fts USING fts5(text, tokenize='porter unicode61')"))
        else:
            conn.execute(
                text("CREATE INDEX IF NOT EXISTS ix_quotes_fts ON quotes USING GIN (to_tsvector('english', text))")
            )


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets the dashboard read while an ingest writes; foreign keys are off by default in SQLite.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


DEFAULT_DB = "parley.db"


def normalise_url(url: str | None) -> str:
    """A SQLAlchemy URL from what a user types: a path, ``sqlite:///...`` or ``postgresql://...``.

    ``postgresql://`` and ``postgres://`` select psycopg 3 (the driver Parley depends on).
    """
    url = url or DEFAULT_DB
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url[len("postgresql://"):]
    if "://" not in url:
        return f"sqlite:///{url}"
    return url


def connect(url: str | None = None, *, create: bool = True) -> Engine:
    """An engine for ``url`` (default: ``parley.db`` in the working folder), tables created."""
    from sqlalchemy import create_engine

    engine = create_engine(normalise_url(url), future=True)
    if is_sqlite(engine):
        event.listen(engine, "connect", _sqlite_pragmas)
    if create:
        create_all(engine)
    return engine
