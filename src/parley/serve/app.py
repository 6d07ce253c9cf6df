"""The FastAPI application: JSON API under ``/api/v1`` and the server-rendered dashboard.

Reading is open to clients on this machine (loopback addresses); from elsewhere, and for
every write (``POST /api/v1/ingest``), the token is required, sent as
``Authorization: Bearer TOKEN`` or ``X-Parley-Token: TOKEN``. The token comes from
``create_app(token=...)`` (``parley serve --token``) or the ``PARLEY_API_TOKEN``
environment variable; with no token configured, writes are refused.

Pages escape all article text (Jinja2 autoescape; the article view builds its markup in
:mod:`parley.serve.highlight` from escaped pieces). Charts are drawn by
``static/charts.js`` from JSON embedded in the page: nothing is fetched from elsewhere.
"""

from __future__ import annotations

import datetime as dt
import hmac
import os
from pathlib import Path
from typing import Any, Optional, Union

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from sqlalchemy.engine import Engine

from ..model import Article
from ..store import queries as Q
from ..store.ingest import Analyse, Ingestor
from ..store.schema import connect
from .highlight import article_marks, render

HERE = Path(__file__).parent
LOCAL_HOSTS = {"127.0.0.1", "::1", "localhost", "testclient"}
MAX_ID = 2**53
MAX_INGEST_ITEMS = 100
MAX_TEXT = 1_000_000


class Page(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


class ArticleIn(BaseModel):
    """One article to ingest over HTTP (the JSONL input shape)."""

    id: str = Field(min_length=1, max_length=512)
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    title: Optional[str] = Field(default=None, max_length=2000)
    published: Optional[dt.date] = None
    url: Optional[str] = Field(default=None, max_length=2048)
    source: Optional[str] = Field(default=None, max_length=512)


class IngestIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_INGEST_ITEMS)


class IngestOut(BaseModel):
    read: int
    analysed: int
    duplicates: int
    skipped: int
    errors: int
    error_messages: list[str]


def _filters(
    actor: Optional[str] = Query(None, max_length=256, description="Actor id: speaker, party, source or target."),
    dyad: Optional[str] = Query(None, max_length=600, pattern=r"^[^,]+,[^,]+$", description="Two actor ids, 'A,B' (either direction)."),
    date_from: Optional[dt.date] = Query(None, description="Earliest date (inclusive)."),
    date_to: Optional[dt.date] = Query(None, description="Latest date (inclusive)."),
    event_type: Optional[str] = Query(None, max_length=64, description="CAMEO prefix (e.g. 19) or PLOVER type (e.g. ASSAULT)."),
    issue: Optional[str] = Query(None, max_length=128, description="Demand issue label (for claims: the category)."),
    channel: Optional[str] = Query(None, max_length=128, description="Quote channel (for articles: the source outlet)."),
    q: Optional[str] = Query(None, max_length=500, description="Full-text search over quotes (actor names for /actors)."),
) -> Q.Filters:
    pair = tuple(part.strip() for part in dyad.split(",", 1)) if dyad else None
    return Q.Filters(actor=actor, dyad=pair, date_from=date_from, date_to=date_to, event_type=event_type, issue=issue, channel=channel, q=q)


def _paging(limit: int = Query(50, ge=1, le=Q.MAX_LIMIT), offset: int = Query(0, ge=0, le=MAX_ID)) -> tuple[int, int]:
    return limit, offset


def create_app(db: Union[str, Engine, None] = None, *, token: Optional[str] = None, analyse: Optional[Analyse] = None) -> FastAPI:
    """The API and dashboard over ``db`` (default ``parley.db``).

    Args:
        db: database URL, path or Engine.
        token: the API token (default: ``PARLEY_API_TOKEN``).
        analyse: the batch analyser used by ``POST /api/v1/ingest`` (default: Parley's).
    """
    engine = db if isinstance(db, Engine) else connect(db)
    secret = token if token is not None else os.environ.get("PARLEY_API_TOKEN")
    app = FastAPI(title="Parley", version="1", description="The corpus of a conflict's politics: statements, events, demands, claims, each with its sources.")
    app.state.engine = engine
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["today"] = dt.date.today
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def presented(request: Request) -> Optional[str]:
        header = request.headers.get("authorization", "")
        if header.lower().startswith("bearer "):
            return header[7:].strip()
        return request.headers.get("x-parley-token")

    def valid(request: Request) -> bool:
        given = presented(request)
        return bool(secret) and given is not None and hmac.compare_digest(given.encode(), secret.encode())

    def can_read(request: Request) -> None:
        host = request.client.host if request.client else ""
        if host not in LOCAL_HOSTS and not valid(request):
            raise HTTPException(status_code=401, detail="reading from another machine needs the API token")

    def can_write(request: Request) -> None:
        if not secret:
            raise HTTPException(status_code=403, detail="writes are disabled: start the server with --token or PARLEY_API_TOKEN")
        if not valid(request):
            raise HTTPException(status_code=401, detail="a valid API token is required")

    def conn():
        with engine.connect() as connection:
            yield connection

    api = APIRouter(prefix="/api/v1", dependencies=[Depends(can_read)])

    def found(item, what: str):
        if item is None:
            raise HTTPException(status_code=404, detail=f"no such {what}")
        return item

    @api.get("/articles", response_model=Page, tags=["articles"])
    def api_articles(f: Q.Filters = Depends(_filters), page=Depends(_paging), c=Depends(conn)):
        """Articles, newest first; near-duplicates carry ``duplicate_of``."""
        return Q.list_articles(c, f, *page).as_dict()

    @api.get("/articles/{article_id}", tags=["articles"])
    def api_article(article_id: int = PathParam(ge=1, le=MAX_ID), c=Depends(conn)) -> dict[str, Any]:
        """One article: text, full analysis and the id of the stored record behind each extraction."""
        return found(Q.get_article(c, article_id), "article")

    @api.get("/actors", response_model=Page, tags=["actors"])
    def api_actors(f: Q.Filters = Depends(_filters), page=Depends(_paging), c=Depends(conn)):
        return Q.list_actors(c, f, *page).as_dict()

    @api.get("/actors/{actor_id}", tags=["actors"])
    def api_actor(actor_id: str = PathParam(max_length=256), c=Depends(conn)) -> dict[str, Any]:
        return found(Q.get_actor(c, actor_id), "actor")

    @api.get("/quotes", response_model=Page, tags=["statements"])
    def api_quotes(f: Q.Filters = Depends(_filters), page=Depends(_paging), c=Depends(conn)):
        """Every reported quote; ``q`` searches their text."""
        return Q.list_quotes(c, f, *page).as_dict()

    @api.get("/quotes/{quote_id}", tags=["statements"])
    def api_quote(quote_id: int = PathParam(ge=1, le=MAX_ID), c=Depends(conn)) -> dict[str, Any]:
        return found(Q.get_quote(c, quote_id), "quote")

    @api.get("/statements", response_model=Page, tags=["statements"])
    def api_statements(f: Q.Filters = Depends(_filters), page=Depends(_paging), c=Depends(conn)):
        """Statements merged across outlets, most reported first."""
        return Q.list_statements(c, f, *page).as_dict()

    @api.get("/statements/{statement_id}", tags=["statements"])
    def api_statement(statement_id: int = PathParam(ge=1, le=MAX_ID), c=Depends(conn)) -> dict[str, Any]:
        return found(Q.get_statement(c, statement_id), "statement")

    @api.get("/events", response_model=Page, tags=["events"])
    def api_events(f: Q.Filters = Depends(_filters), page=Depends(_paging), c=Depends(conn)):
        """Events merged across reports; ``mentions`` counts the reports."""
        return Q.list_events(c, f, *page).as_dict()

    @api.get("/events/{event_id}", tags=["events"])
    def api_event(event_id: int = PathParam(ge=1, le=MAX_ID), c=Depends(conn)) -> dict[str, Any]:
        return found(Q.get_event(c, event_id), "event")

    @api.get("/demands", response_model=Page, tags=["demands"])
    def api_demands(f: Q.Filters = Depends(_filters), page=Depends(_paging), c=Depends(conn)):
        return Q.list_demands(c, f, *page).as_dict()

    @api.get("/demands/{demand_id}", tags=["demands"])
    def api_demand(demand_id: int = PathParam(ge=1, le=MAX_ID), c=Depends(conn)) -> dict[str, Any]:
        return found(Q.get_demand(c, demand_id), "demand")

    @api.get("/claims", response_model=Page, tags=["claims"])
    def api_claims(f: Q.Filters = Depends(_filters), page=Depends(_paging), c=Depends(conn)):
        return Q.list_claims(c, f, *page).as_dict()

    @api.get("/claims/groups", tags=["claims"])
    def api_claim_groups(f: Q.Filters = Depends(_filters), c=Depends(conn)) -> list[dict[str, Any]]:
        """Claims grouped by what they count, with agreement or contradiction."""
        return Q.claim_groups(c, f)

    @api.get("/claims/{claim_id}", tags=["claims"])
    def api_claim(claim_id: int = PathParam(ge=1, le=MAX_ID), c=Depends(conn)) -> dict[str, Any]:
        return found(Q.get_claim(c, claim_id), "claim")

    @api.get("/positions", tags=["demands"])
    def api_positions(f: Q.Filters = Depends(_filters), c=Depends(conn)) -> dict[str, Any]:
        """Actors by issues: the latest demand in each cell and its history."""
        return Q.positions(c, f)

    @api.get("/dyads", tags=["dyads"])
    def api_dyads(limit: int = Query(10, ge=1, le=Q.MAX_LIMIT), f: Q.Filters = Depends(_filters), c=Depends(conn)) -> list[dict[str, Any]]:
        """The most active actor pairs by number of events."""
        return Q.top_dyads(c, limit, f)

    @api.get("/dyads/series", tags=["dyads"])
    def api_dyad_series(
        a: str = Query(..., min_length=1, max_length=256), b: str = Query(..., min_length=1, max_length=256),
        interval: str = Query("day", pattern="^(day|week)$"), f: Q.Filters = Depends(_filters), c=Depends(conn),
    ) -> dict[str, Any]:
        """Cooperation-conflict time series of a dyad: mean Goldstein score per day or week."""
        return Q.dyad_series(c, a, b, interval, f)

    @api.post("/ingest", response_model=IngestOut, dependencies=[Depends(can_write)], tags=["ingest"])
    def api_ingest(body: IngestIn) -> dict[str, Any]:
        """Analyse and store articles (needs the token); already stored ones are skipped."""
        from ..read import finish
        from ..read.text import compose

        items = []
        for item in body.articles:
            composed = compose(item.title, None, item.text)
            article = Article(id=item.id, text=composed.text, title=composed.title, sections=composed.sections,
                              published=item.published, url=item.url, source=item.source, origin="api")
            items.append(finish(article))
        ingestor = getattr(app.state, "ingestor", None) or Ingestor(engine, analyse=analyse)
        app.state.ingestor = ingestor
        report = ingestor.ingest(items)
        return {"read": report.read, "analysed": report.analysed, "duplicates": report.duplicates, "skipped": report.skipped,
                "errors": report.errors, "error_messages": report.error_messages}

    app.include_router(api)

    # --- pages ---------------------------------------------------------------------

    pages = APIRouter(include_in_schema=False, dependencies=[Depends(can_read)])

    def page(request: Request, name: str, **context):
        return templates.TemplateResponse(request, name, context)

    @pages.get("/", response_class=HTMLResponse)
    def overview(request: Request, c=Depends(conn)):
        data = Q.overview(c)
        names = Q.actor_names(c, [d["a"] for d in data["top_dyads"]] + [d["b"] for d in data["top_dyads"]])
        return page(request, "overview.html", o=data, names=names)

    @pages.get("/articles", response_class=HTMLResponse)
    def articles_page(request: Request, f: Q.Filters = Depends(_filters), p=Depends(_paging), c=Depends(conn)):
        return page(request, "articles.html", page=Q.list_articles(c, f, *p))

    @pages.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: int = PathParam(ge=1, le=MAX_ID), c=Depends(conn)):
        article = found(Q.get_article(c, article_id), "article")
        original = Q.get_article(c, article["duplicate_of"]) if article["duplicate_of"] else None
        body = render(article["text"], article_marks(article))
        return page(request, "article.html", a=article, body=body, original=original)

    @pages.get("/actors", response_class=HTMLResponse)
    def actors_page(request: Request, f: Q.Filters = Depends(_filters), p=Depends(_paging), c=Depends(conn)):
        return page(request, "actors.html", page=Q.list_actors(c, f, *p))

    @pages.get("/actors/{actor_id}", response_class=HTMLResponse)
    def actor_page(request: Request, actor_id: str = PathParam(max_length=256), c=Depends(conn)):
        actor = found(Q.get_actor(c, actor_id), "actor")
        related = [e["source"] for e in actor["events_as_target"]] + [e["target"] for e in actor["events_as_source"]]
        names = Q.actor_names(c, {i for r in related if r for i in r.split("|")})
        return page(request, "actor.html", actor=actor, names=names)

    @pages.get("/dyad", response_class=HTMLResponse)
    def dyad_page(request: Request, a: str = Query(..., max_length=256), b: str = Query(..., max_length=256),
                  interval: str = Query("day", pattern="^(day|week)$"), c=Depends(conn)):
        series = Q.dyad_series(c, a, b, interval)
        events = {e["id"]: e for e in Q.list_events(c, Q.Filters(dyad=(a, b)), limit=Q.MAX_LIMIT).items}
        return page(request, "dyad.html", s=series, events=events, names=Q.actor_names(c, [a, b]),
                    demands=Q.list_demands(c, Q.Filters(dyad=(a, b)), limit=50).items)

    @pages.get("/positions", response_class=HTMLResponse)
    def positions_page(request: Request, c=Depends(conn)):
        return page(request, "positions.html", p=Q.positions(c))

    @pages.get("/claims", response_class=HTMLResponse)
    def claims_page(request: Request, c=Depends(conn)):
        groups = Q.claim_groups(c)
        names = Q.actor_names(c, {x["claimant"] for g in groups for x in g["claims"]} | {g["subject"] for g in groups})
        return page(request, "claims.html", groups=groups, names=names)

    @pages.get("/search", response_class=HTMLResponse)
    def search_page(request: Request, q: str = Query("", max_length=500), p=Depends(_paging), c=Depends(conn)):
        results = Q.list_quotes(c, Q.Filters(q=q), *p) if q.strip() else None
        return page(request, "search.html", q=q, results=results)

    @pages.get("/statements/{statement_id}", response_class=HTMLResponse)
    def statement_page(request: Request, statement_id: int = PathParam(ge=1, le=MAX_ID), c=Depends(conn)):
        return page(request, "statement.html", s=found(Q.get_statement(c, statement_id), "statement"))

    @pages.get("/events/{event_id}", response_class=HTMLResponse)
    def event_page(request: Request, event_id: int = PathParam(ge=1, le=MAX_ID), c=Depends(conn)):
        event = found(Q.get_event(c, event_id), "event")
        ids = [i for side in (event["source"], event["target"]) if side for i in side.split("|")]
        return page(request, "event.html", e=event, names=Q.actor_names(c, ids))

    @pages.get("/demands/{demand_id}", response_class=HTMLResponse)
    def demand_page(request: Request, demand_id: int = PathParam(ge=1, le=MAX_ID), c=Depends(conn)):
        record = found(Q.get_demand(c, demand_id), "demand")
        return page(request, "record.html", kind="demand", r=record, anchor=f"demand-{demand_id}")

    @pages.get("/claims/{claim_id}", response_class=HTMLResponse)
    def claim_page(request: Request, claim_id: int = PathParam(ge=1, le=MAX_ID), c=Depends(conn)):
        record = found(Q.get_claim(c, claim_id), "claim")
        return page(request, "record.html", kind="claim", r=record, anchor=f"claim-{claim_id}")

    app.include_router(pages)
    return app
