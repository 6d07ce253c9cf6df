"""Export the corpus: ``jsonl`` (one ArticleResult per analysed article, exactly as
analysed), ``csv``/``parquet`` (one table of records: events, quotes, statements, demands,
claims, actors or articles), and ``gdelt``/``plover`` through :mod:`parley.export` when
that package is installed. Filters are the API's (:class:`~parley.store.queries.Filters`).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from typing import IO, Iterator, Optional, Union

from sqlalchemy.engine import Engine

from ..model import ArticleResult
from . import queries as Q
from .schema import connect

TABLES = {
    "events": Q.list_events,
    "quotes": Q.list_quotes,
    "statements": Q.list_statements,
    "demands": Q.list_demands,
    "claims": Q.list_claims,
    "actors": Q.list_actors,
    "articles": Q.list_articles,
}
FORMATS = ("csv", "parquet", "jsonl", "gdelt", "plover")


def iter_rows(engine: Engine, table: str, f: Q.Filters = Q.Filters()) -> Iterator[dict]:
    """Every row of ``table`` matching ``f``, page by page."""
    lister = TABLES[table]
    offset = 0
    with engine.connect() as conn:
        while True:
            page = lister(conn, f, limit=Q.MAX_LIMIT, offset=offset)
            yield from page.items
            offset += len(page.items)
            if not page.items or offset >= page.total:
                return


def iter_results(engine: Engine, f: Q.Filters = Q.Filters()) -> Iterator[ArticleResult]:
    """The stored ArticleResult of every analysed article matching ``f``, oldest first."""
    from sqlalchemy import select

    from .schema import articles

    ids = [row["id"] for row in iter_rows(engine, "articles", f) if row["status"] == "analysed"]
    with engine.connect() as conn:
        for start in range(0, len(ids), Q.MAX_LIMIT):
            chunk = ids[start:start + Q.MAX_LIMIT]
            rows = conn.execute(select(articles.c.result).where(articles.c.id.in_(chunk)).order_by(articles.c.published, articles.c.id))
            for (result,) in rows:
                yield ArticleResult.model_validate_json(result)


def _plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def export(db: Union[str, Engine, None], fmt: str, out: Optional[str] = None, *, table: str = "events", filters: Q.Filters = Q.Filters()) -> int:
    """Write the export to ``out`` (standard output when None); returns the records written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    engine = db if isinstance(db, Engine) else connect(db)
    if fmt in ("gdelt", "plover"):
        try:
            from ..export import write_format
        except ImportError as exc:
            raise RuntimeError(f"the {fmt} export needs parley.export, which is not installed: {exc}") from None
        results = list(iter_results(engine, filters))
        with _sink(out, text=True) as sink:
            write_format(results, fmt, sink)
        return len(results)
    if fmt == "jsonl":
        count = 0
        with _sink(out, text=True) as sink:
            for result in iter_results(engine, filters):
                sink.write(result.model_dump_json() + "\n")
                count += 1
        return count
    rows = [{k: _plain(v) for k, v in row.items()} for row in iter_rows(engine, table, filters)]
    if fmt == "csv":
        columns = list(rows[0]) if rows else []
        with _sink(out, text=True) as sink:
            writer = csv.DictWriter(sink, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)
        return len(rows)
    import pyarrow as pa
    import pyarrow.parquet as pq

    if out is None:
        raise ValueError("parquet needs --out FILE")
    pq.write_table(pa.Table.from_pylist(rows), out)
    return len(rows)


class _sink:
    """A text file to write, or standard output (left open)."""

    def __init__(self, out: Optional[str], text: bool = True):
        self.out = out

    def __enter__(self) -> IO[str]:
        self.handle = open(self.out, "w", encoding="utf-8", newline="") if self.out else sys.stdout
        return self.handle

    def __exit__(self, *exc) -> None:
        if self.out:
            self.handle.close()
