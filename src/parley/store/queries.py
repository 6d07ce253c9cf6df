"""Read queries over the corpus, shared by the API and the dashboard.

Every function takes a SQLAlchemy ``Connection`` and plain values, builds parameterised
Core statements (user input never reaches SQL text) and returns JSON-friendly dicts.
Lists return a :class:`Page` (``total``, ``limit``, ``offset``, ``items``).

Filters (:class:`Filters`) mean the same everywhere they apply: ``actor`` (an actor id:
the speaker, a party, a source or target), ``dyad`` (two actor ids, either direction),
``date_from``/``date_to`` (publication date of the report; the event's day for events),
``event_type`` (a CAMEO prefix such as ``19`` or a PLOVER type such as ``ASSAULT``),
``issue`` (a demand's issue label), ``channel`` (a quote's channel), ``q`` (full-text
search over quotes: FTS5 on SQLite, ``tsvector`` on PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Optional

from sqlalchemy import and_, exists, func, literal, or_, select, text
from sqlalchemy.engine import Connection

from .schema import (
    actors,
    article_actors,
    articles,
    claims,
    demands,
    event_actors,
    event_mentions,
    events,
    quotes,
    statements,
)

MAX_LIMIT = 500
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Filters:
    actor: Optional[str] = None
    dyad: Optional[tuple[str, str]] = None
    date_from: Optional[dt.date] = None
    date_to: Optional[dt.date] = None
    event_type: Optional[str] = None
    issue: Optional[str] = None
    channel: Optional[str] = None
    q: Optional[str] = None


@dataclass
class Page:
    total: int
    limit: int
    offset: int
    items: list[dict]

    def as_dict(self) -> dict:
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "items": self.items}


def _rows(result) -> list[dict]:
    return [dict(row._mapping) for row in result]


def _page(conn: Connection, query, limit: int, offset: int, order) -> Page:
    limit = max(1, min(limit, MAX_LIMIT))
    offset = max(0, offset)
    total = conn.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()
    items = _rows(conn.execute(query.order_by(*order).limit(limit).offset(offset)))
    return Page(total=total, limit=limit, offset=offset, items=items)


def _dates(column, f: Filters) -> list:
    conditions = []
    if f.date_from:
        conditions.append(column >= f.date_from)
    if f.date_to:
        conditions.append(column <= f.date_to)
    return conditions


def _in_list(column, actor_id: str):
    """``column`` holds ids joined by '|'; true when ``actor_id`` is one of them."""
    return (literal("|") + column + literal("|")).contains(f"|{actor_id}|", autoescape=True)


# --- articles -----------------------------------------------------------------------

ARTICLE_COLUMNS = [
    articles.c.id, articles.c.key, articles.c.title, articles.c.published, articles.c.source, articles.c.url,
    articles.c.status, articles.c.duplicate_of, articles.c.similarity,
]


def list_articles(conn: Connection, f: Filters = Filters(), limit: int = 50, offset: int = 0, include_duplicates: bool = True) -> Page:
    query = select(*ARTICLE_COLUMNS).where(*_dates(articles.c.published, f))
    if not include_duplicates:
        query = query.where(articles.c.status == "analysed")
    if f.actor:
        query = query.where(exists().where(article_actors.c.article_id == articles.c.id, article_actors.c.actor_id == f.actor))
    if f.channel:
        query = query.where(articles.c.source == f.channel)
    return _page(conn, query, limit, offset, [articles.c.published.desc(), articles.c.id.desc()])


def get_article(conn: Connection, article_id: int) -> Optional[dict]:
    """The article with its analysis and the ids of the stored record behind each extraction."""
    row = conn.execute(select(*ARTICLE_COLUMNS, articles.c.text, articles.c.result).where(articles.c.id == article_id)).first()
    if row is None:
        return None
    article = dict(row._mapping)
    result = json.loads(article.pop("result")) if row.result else None
    article["result"] = result
    article["copies"] = _rows(conn.execute(
        select(articles.c.id, articles.c.title, articles.c.source, articles.c.similarity).where(articles.c.duplicate_of == article_id)
    ))
    def ids(table, column="id"):
        return {r.position: r[1] for r in conn.execute(select(table.c.position, table.c[column]).where(table.c.article_id == article_id))}
    article["record_ids"] = {
        "quotes": ids(quotes), "statements": ids(quotes, "statement_id"), "events": ids(event_mentions, "event_id"),
        "mentions": ids(event_mentions),
        "demands": ids(demands), "claims": ids(claims),
    }
    return article


# --- actors -------------------------------------------------------------------------

def list_actors(conn: Connection, f: Filters = Filters(), limit: int = 50, offset: int = 0) -> Page:
    counts = (
        select(article_actors.c.actor_id, func.count().label("articles"), func.sum(article_actors.c.mentions).label("mentions"))
        .group_by(article_actors.c.actor_id).subquery()
    )
    query = select(*actors.c, func.coalesce(counts.c.articles, 0).label("articles"), func.coalesce(counts.c.mentions, 0).label("mentions")).select_from(
        actors.outerjoin(counts, counts.c.actor_id == actors.c.id)
    )
    if f.q:
        query = query.where(actors.c.name.icontains(f.q, autoescape=True))
    if f.actor:
        query = query.where(actors.c.id == f.actor)
    return _page(conn, query, limit, offset, [func.coalesce(counts.c.mentions, 0).desc(), actors.c.id])


def get_actor(conn: Connection, actor_id: str) -> Optional[dict]:
    """The actor, its roles, statements per week, demands by issue, events as source and target."""
    row = conn.execute(select(actors).where(actors.c.id == actor_id)).first()
    if row is None:
        return None
    actor = dict(row._mapping)
    actor["roles"] = _rows(conn.execute(
        select(article_actors.c.role, func.count().label("articles")).where(article_actors.c.actor_id == actor_id)
        .group_by(article_actors.c.role).order_by(func.count().desc())
    ))
    said = conn.execute(select(quotes.c.published).where(quotes.c.speaker_id == actor_id, quotes.c.published.is_not(None))).scalars()
    weekly: dict[str, int] = defaultdict(int)
    for day in said:
        weekly[_week(day)] += 1
    actor["statements_per_week"] = [{"period": k, "count": v} for k, v in sorted(weekly.items())]
    actor["statements"] = list_quotes(conn, Filters(actor=actor_id), limit=20).items
    by_issue: dict[str, list] = defaultdict(list)
    for d in list_demands(conn, Filters(actor=actor_id), limit=MAX_LIMIT).items:
        by_issue[d["issue"] or "(no issue)"].append(d)
    actor["demands_by_issue"] = dict(sorted(by_issue.items()))
    actor["events_as_source"] = _events_where(conn, actor_id, "source")
    actor["events_as_target"] = _events_where(conn, actor_id, "target")
    return actor


def _events_where(conn: Connection, actor_id: str, role: str) -> list[dict]:
    query = select(events).where(exists().where(
        event_actors.c.event_id == events.c.id, event_actors.c.actor_id == actor_id, event_actors.c.role == role
    )).order_by(events.c.day.desc(), events.c.id).limit(100)
    return _rows(conn.execute(query))


# --- quotes and statements ------------------------------------------------------------

def _fts(conn: Connection, q: str):
    """A condition on ``quotes.id`` matching the words of ``q`` (all of them)."""
    words = _WORD.findall(q)
    if not words:
        return literal(False)
    if conn.dialect.name == "sqlite":
        # Each word quoted: user input can never be read as FTS5 query syntax.
        match = " ".join('"' + w.replace('"', "") + '"' for w in words)
        return quotes.c.id.in_(select(text("rowid")).select_from(text("quote_fts")).where(text("quote_fts MATCH :match")).params(match=match))
    return func.to_tsvector("english", quotes.c.text).op("@@")(func.plainto_tsquery("english", " ".join(words)))


QUOTE_COLUMNS = [
    quotes.c.id, quotes.c.article_id, quotes.c.statement_id, quotes.c.text, quotes.c.kind, quotes.c.speaker_id,
    quotes.c.speaker_name, quotes.c.cue, quotes.c.channel, quotes.c.date, quotes.c.published, quotes.c.start, quotes.c.end,
    articles.c.title.label("article_title"), articles.c.source.label("article_source"),
]


def list_quotes(conn: Connection, f: Filters = Filters(), limit: int = 50, offset: int = 0) -> Page:
    query = select(*QUOTE_COLUMNS).select_from(quotes.join(articles, articles.c.id == quotes.c.article_id))
    query = query.where(*_dates(quotes.c.published, f))
    if f.actor:
        query = query.where(quotes.c.speaker_id == f.actor)
    if f.dyad:
        query = query.where(quotes.c.speaker_id.in_(f.dyad))
    if f.channel:
        query = query.where(quotes.c.channel == f.channel)
    if f.q:
        query = query.where(_fts(conn, f.q))
    return _page(conn, query, limit, offset, [quotes.c.published.desc(), quotes.c.id.desc()])


def get_quote(conn: Connection, quote_id: int) -> Optional[dict]:
    row = conn.execute(select(*QUOTE_COLUMNS).select_from(quotes.join(articles, articles.c.id == quotes.c.article_id)).where(quotes.c.id == quote_id)).first()
    return dict(row._mapping) if row else None


def get_statement(conn: Connection, statement_id: int) -> Optional[dict]:
    """One statement with every quote that reports it (its sources)."""
    row = conn.execute(select(statements).where(statements.c.id == statement_id)).first()
    if row is None:
        return None
    statement = dict(row._mapping)
    statement["quotes"] = _rows(conn.execute(
        select(*QUOTE_COLUMNS).select_from(quotes.join(articles, articles.c.id == quotes.c.article_id))
        .where(quotes.c.statement_id == statement_id).order_by(quotes.c.published, quotes.c.id)
    ))
    return statement


def list_statements(conn: Connection, f: Filters = Filters(), limit: int = 50, offset: int = 0) -> Page:
    query = select(statements).where(*_dates(statements.c.first_published, f))
    if f.actor:
        query = query.where(statements.c.speaker_id == f.actor)
    if f.q:
        query = query.where(statements.c.id.in_(select(quotes.c.statement_id).where(_fts(conn, f.q))))
    return _page(conn, query, limit, offset, [statements.c.sources.desc(), statements.c.id])


# --- events ---------------------------------------------------------------------------

def _event_conditions(f: Filters) -> list:
    conditions = _dates(events.c.day, f)
    if f.actor:
        conditions.append(exists().where(event_actors.c.event_id == events.c.id, event_actors.c.actor_id == f.actor))
    if f.dyad:
        a, b = f.dyad
        conditions.append(or_(_directed(a, b), _directed(b, a)))
    if f.event_type:
        kind = f.event_type.strip()
        conditions.append(events.c.cameo.startswith(kind, autoescape=True) if kind.isdigit() else func.upper(events.c.plover_type) == kind.upper())
    return conditions


def _directed(source: str, target: str):
    return and_(
        exists().where(event_actors.c.event_id == events.c.id, event_actors.c.actor_id == source, event_actors.c.role == "source"),
        exists().where(event_actors.c.event_id == events.c.id, event_actors.c.actor_id == target, event_actors.c.role == "target"),
    )


def list_events(conn: Connection, f: Filters = Filters(), limit: int = 50, offset: int = 0) -> Page:
    query = select(events).where(*_event_conditions(f))
    return _page(conn, query, limit, offset, [events.c.day.desc(), events.c.id.desc()])


def get_event(conn: Connection, event_id: int) -> Optional[dict]:
    """One event with every article mention (its sources), each with its evidence sentence."""
    row = conn.execute(select(events).where(events.c.id == event_id)).first()
    if row is None:
        return None
    event = dict(row._mapping)
    mentions = conn.execute(
        select(event_mentions, articles.c.title.label("article_title"), articles.c.source.label("article_source"), articles.c.text.label("article_text"))
        .select_from(event_mentions.join(articles, articles.c.id == event_mentions.c.article_id))
        .where(event_mentions.c.event_id == event_id).order_by(event_mentions.c.published, event_mentions.c.id)
    )
    event["mentions_list"] = []
    for m in mentions:
        item = dict(m._mapping)
        body = item.pop("article_text") or ""
        item["evidence"] = body[item["start"]:item["end"]]
        event["mentions_list"].append(item)
    return event


# --- demands, positions, claims ---------------------------------------------------------

def _demand_query(f: Filters):
    query = select(demands, articles.c.title.label("article_title"), articles.c.source.label("article_source")).select_from(
        demands.join(articles, articles.c.id == demands.c.article_id)
    ).where(*_dates(demands.c.published, f))
    if f.actor:
        query = query.where(or_(demands.c.party == f.actor, _in_list(demands.c.addressee, f.actor)))
    if f.dyad:
        a, b = f.dyad
        query = query.where(or_(and_(demands.c.party == a, _in_list(demands.c.addressee, b)), and_(demands.c.party == b, _in_list(demands.c.addressee, a))))
    if f.issue:
        query = query.where(demands.c.issue == f.issue)
    return query


def list_demands(conn: Connection, f: Filters = Filters(), limit: int = 50, offset: int = 0) -> Page:
    return _page(conn, _demand_query(f), limit, offset, [demands.c.published.desc(), demands.c.id.desc()])


def get_demand(conn: Connection, demand_id: int) -> Optional[dict]:
    row = conn.execute(_demand_query(Filters()).where(demands.c.id == demand_id)).first()
    return dict(row._mapping) if row else None


def positions(conn: Connection, f: Filters = Filters()) -> dict:
    """Actors by issues: per cell the latest demand and the earlier ones, newest first."""
    rows = _rows(conn.execute(_demand_query(f).where(demands.c.party.is_not(None)).order_by(demands.c.published.desc(), demands.c.id.desc())))
    cells: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        cells[(row["party"], row["issue"] or "(no issue)")].append(row)
    names = actor_names(conn, {p for p, _ in cells})
    return {
        "actors": sorted({p for p, _ in cells}),
        "issues": sorted({i for _, i in cells}),
        "names": names,
        "cells": [{"actor": p, "issue": i, "latest": history[0], "history": history[1:]} for (p, i), history in sorted(cells.items())],
    }


def _claim_query(f: Filters):
    query = select(claims, articles.c.title.label("article_title"), articles.c.source.label("article_source")).select_from(
        claims.join(articles, articles.c.id == claims.c.article_id)
    ).where(*_dates(claims.c.published, f))
    if f.actor:
        query = query.where(or_(claims.c.claimant == f.actor, claims.c.subject == f.actor))
    if f.issue:
        query = query.where(claims.c.category == f.issue)
    return query


def list_claims(conn: Connection, f: Filters = Filters(), limit: int = 50, offset: int = 0) -> Page:
    return _page(conn, _claim_query(f), limit, offset, [claims.c.published.desc(), claims.c.id.desc()])


def get_claim(conn: Connection, claim_id: int) -> Optional[dict]:
    row = conn.execute(_claim_query(Filters()).where(claims.c.id == claim_id)).first()
    return dict(row._mapping) if row else None


AGREEMENT_TOLERANCE = 0.10
"""Figures within 10% of each other (or overlapping ranges) agree."""


def _bounds(claim: dict) -> Optional[tuple[float, float]]:
    low = claim["low"] if claim["low"] is not None else claim["value"]
    high = claim["high"] if claim["high"] is not None else claim["value"]
    if low is None or high is None:
        return None
    if claim["approximate"] or claim["low"] is None:
        low, high = low * (1 - AGREEMENT_TOLERANCE), high * (1 + AGREEMENT_TOLERANCE)
    return low, high


def claim_groups(conn: Connection, f: Filters = Filters()) -> list[dict]:
    """Claims grouped by what they count (category, subject, unit), each group marked
    ``agree`` when every figure's range overlaps the others, ``contradict`` otherwise
    (``single`` for one claim)."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for claim in _rows(conn.execute(_claim_query(f).order_by(claims.c.published, claims.c.id))):
        groups[(claim["category"], claim["subject"] or "", claim["unit"] or "")].append(claim)
    out = []
    for (category, subject, unit), members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        ranges = [b for b in (_bounds(c) for c in members) if b]
        if len(ranges) < 2:
            verdict = "single"
        else:
            verdict = "agree" if max(lo for lo, _ in ranges) <= min(hi for _, hi in ranges) else "contradict"
        out.append({"category": category, "subject": subject or None, "unit": unit or None, "verdict": verdict, "claims": members})
    return out


# --- dyads ----------------------------------------------------------------------------

def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def top_dyads(conn: Connection, limit: int = 10, f: Filters = Filters()) -> list[dict]:
    """The most active actor pairs (either direction) by number of events."""
    src, tgt = event_actors.alias("src"), event_actors.alias("tgt")
    query = (
        select(src.c.actor_id.label("a"), tgt.c.actor_id.label("b"), func.count().label("events"), func.avg(events.c.goldstein).label("goldstein"))
        .select_from(src.join(tgt, and_(src.c.event_id == tgt.c.event_id, src.c.role == "source", tgt.c.role == "target")).join(events, events.c.id == src.c.event_id))
        .where(src.c.actor_id != tgt.c.actor_id, *_dates(events.c.day, f))
        .group_by(src.c.actor_id, tgt.c.actor_id)
    )
    pairs: dict[tuple[str, str], dict] = {}
    for row in conn.execute(query):
        key = tuple(sorted((row.a, row.b)))
        entry = pairs.setdefault(key, {"a": key[0], "b": key[1], "events": 0, "_sum": 0.0, "_n": 0})
        entry["events"] += row.events
        if row.goldstein is not None:
            entry["_sum"] += row.goldstein * row.events
            entry["_n"] += row.events
    out = sorted(pairs.values(), key=lambda p: (-p["events"], p["a"], p["b"]))[: max(1, min(limit, MAX_LIMIT))]
    for p in out:
        p["goldstein"] = round(p.pop("_sum") / p["_n"], 2) if p["_n"] else None
        p.pop("_n")
    return out


def dyad_series(conn: Connection, a: str, b: str, interval: str = "day", f: Filters = Filters()) -> dict:
    """Cooperation-conflict series of a dyad: per day or ISO week, the mean Goldstein
    score of its events (either direction), their count and ids."""
    scoped = Filters(dyad=(a, b), date_from=f.date_from, date_to=f.date_to, event_type=f.event_type)
    rows = conn.execute(select(events.c.id, events.c.day, events.c.goldstein).where(*_event_conditions(scoped), events.c.day.is_not(None)).order_by(events.c.day, events.c.id))
    buckets: dict[str, dict] = {}
    for row in rows:
        period = _week(row.day) if interval == "week" else row.day.isoformat()
        bucket = buckets.setdefault(period, {"period": period, "count": 0, "scores": [], "events": []})
        bucket["count"] += 1
        bucket["events"].append(row.id)
        if row.goldstein is not None:
            bucket["scores"].append(row.goldstein)
    points = []
    for bucket in buckets.values():
        scores = bucket.pop("scores")
        bucket["goldstein"] = round(sum(scores) / len(scores), 2) if scores else None
        points.append(bucket)
    return {"a": a, "b": b, "interval": interval, "points": points}


def overview(conn: Connection) -> dict:
    """What is in the corpus: counts, recent statements, most active dyads and actors."""
    counts = {
        "articles": conn.execute(select(func.count()).select_from(articles).where(articles.c.status == "analysed")).scalar_one(),
        "duplicates": conn.execute(select(func.count()).select_from(articles).where(articles.c.status == "duplicate")).scalar_one(),
    }
    for name, table in (("actors", actors), ("statements", statements), ("quotes", quotes), ("events", events), ("demands", demands), ("claims", claims)):
        counts[name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
    first, last = conn.execute(select(func.min(articles.c.published), func.max(articles.c.published))).one()
    return {
        "counts": counts,
        "first": first,
        "last": last,
        "recent_statements": list_quotes(conn, limit=10).items,
        "top_dyads": top_dyads(conn, 10),
        "top_actors": list_actors(conn, limit=10).items,
        "recent_articles": list_articles(conn, limit=10).items,
    }


def actor_names(conn: Connection, ids) -> dict[str, str]:
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return dict(conn.execute(select(actors.c.id, actors.c.name).where(actors.c.id.in_(ids))).all())


def counts(conn: Connection) -> dict[str, int]:
    """Row count of every table (tests and the ingest report compare these)."""
    from .schema import RECORD_TABLES

    return {name: conn.execute(select(func.count()).select_from(table)).scalar_one() for name, table in RECORD_TABLES.items()}
