"""The corpus: SQLAlchemy Core tables (:mod:`.schema`), ingest (:mod:`.ingest`), near-duplicate
detection (:mod:`.dedup`), cross-article merging (:mod:`.merge`), read queries
(:mod:`.queries`) and exports (:mod:`.export`). SQLite by default, PostgreSQL by URL."""
