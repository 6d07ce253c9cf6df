"""The corpus: SQLAlchemy Core tables (:mod:`.schema`), ingest (:mod:`.ingest`), near-duplicate
detection (:mod:`.dedup`), cross-article merging (:mod:`.merge`), read queries
(:mod:`.queries`), exports (:mod:`.export`) and loading ``parley extract`` output (:mod:`.analysed`). SQLite by default, PostgreSQL by URL."""
