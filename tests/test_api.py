"""The JSON API: every endpoint on the fixture corpus, the token on writes, reads from
other machines, and a schemathesis run against /openapi.json with no server errors."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from parley.serve.app import create_app
from parley.store.schema import connect
from tests.services import FakeAnalyser, build_corpus

TOKEN = "test-token-123"
_FOLDER = Path(tempfile.mkdtemp(prefix="parley-api-"))
DB = f"sqlite:///{_FOLDER / 'corpus.db'}"
build_corpus(DB)
APP = create_app(DB, token=TOKEN, analyse=FakeAnalyser())
client = TestClient(APP)


def get(path, **params):
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_openapi_lists_the_v1_routes():
    paths = get("/openapi.json")["paths"]
    for route in ("/api/v1/articles", "/api/v1/actors", "/api/v1/quotes", "/api/v1/statements", "/api/v1/events",
                  "/api/v1/demands", "/api/v1/claims", "/api/v1/positions", "/api/v1/dyads", "/api/v1/dyads/series", "/api/v1/ingest"):
        assert route in paths
    assert not any(p.startswith("/articles") for p in paths)  # pages stay out of the API document


def test_articles_pagination_and_detail():
    page = get("/api/v1/articles", limit=4)
    assert page["total"] == 6 and len(page["items"]) == 4
    rest = get("/api/v1/articles", limit=4, offset=4)
    assert len(rest["items"]) == 2 and not {a["id"] for a in rest["items"]} & {a["id"] for a in page["items"]}
    first = page["items"][0]
    detail = get(f"/api/v1/articles/{first['id']}")
    assert detail["text"] and "record_ids" in detail
    assert client.get("/api/v1/articles/999999").status_code == 404
    assert get("/api/v1/articles", actor="dmitry-peskov")["total"] == 3  # the copy is not analysed
    assert get("/api/v1/articles", date_from="2025-03-10")["total"] == 2


def test_actors():
    names = {a["id"] for a in get("/api/v1/actors", limit=50)["items"]}
    assert {"UKR", "RUS", "dmitry-peskov", "volodymyr-zelenskyy"} <= names
    actor = get("/api/v1/actors/RUS")
    assert actor["events_as_source"] and actor["events_as_target"]
    assert "neutrality" in actor["demands_by_issue"]
    assert client.get("/api/v1/actors/nobody").status_code == 404


def test_quotes_statements_search():
    assert get("/api/v1/quotes", q="ceasefire")["total"] == 2
    assert get("/api/v1/quotes", channel="statement")["total"] == 1
    statements = get("/api/v1/statements", actor="volodymyr-zelenskyy")["items"]
    assert statements[0]["sources"] == 2
    assert len(get(f"/api/v1/statements/{statements[0]['id']}")["quotes"]) == 2
    quote = get("/api/v1/quotes", limit=1)["items"][0]
    assert get(f"/api/v1/quotes/{quote['id']}")["text"] == quote["text"]


def test_events_and_dyads():
    events = get("/api/v1/events", dyad="RUS,UKR")
    assert events["total"] == 3
    talks = get("/api/v1/events", event_type="036")["items"][0]
    assert get(f"/api/v1/events/{talks['id']}")["mentions"] == 2
    assert get("/api/v1/events", date_from="2025-03-04", date_to="2025-03-06")["total"] == 1
    dyads = get("/api/v1/dyads")
    assert dyads[0]["events"] == 3 and {dyads[0]["a"], dyads[0]["b"]} == {"RUS", "UKR"}
    series = get("/api/v1/dyads/series", a="UKR", b="RUS", interval="week")
    assert sum(p["count"] for p in series["points"]) == 3
    assert client.get("/api/v1/events", params={"dyad": "only-one"}).status_code == 422


def test_demands_positions_claims():
    assert get("/api/v1/demands", issue="territory")["total"] == 2
    demand = get("/api/v1/demands", limit=1)["items"][0]
    assert get(f"/api/v1/demands/{demand['id']}")["text"] == demand["text"]
    positions = get("/api/v1/positions")
    assert set(positions["issues"]) == {"territory", "neutrality"}
    claims = get("/api/v1/claims")
    assert claims["total"] == 2
    assert get(f"/api/v1/claims/{claims['items'][0]['id']}")["category"] == "killed"
    assert get("/api/v1/claims/groups")[0]["verdict"] == "contradict"


def test_ingest_needs_the_token():
    body = {"articles": [{"id": "new-1", "text": "Ukraine and Russia exchanged 150 prisoners on Friday, officials said in Kyiv.", "published": "2025-03-14"}]}
    assert client.post("/api/v1/ingest", json=body).status_code == 401
    assert client.post("/api/v1/ingest", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = client.post("/api/v1/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json()["analysed"] == 1
    again = client.post("/api/v1/ingest", json=body, headers={"X-Parley-Token": TOKEN})
    assert again.json()["skipped"] == 1
    assert get("/api/v1/articles")["total"] == 7


def test_writes_refused_without_a_configured_token(monkeypatch):
    monkeypatch.delenv("PARLEY_API_TOKEN", raising=False)
    closed = TestClient(create_app(connect(DB)))
    assert closed.post("/api/v1/ingest", json={"articles": [{"id": "x", "text": "y"}]}).status_code == 403


def test_reads_from_another_machine_need_the_token():
    remote = TestClient(APP, client=("203.0.113.9", 5000))
    assert remote.get("/api/v1/articles").status_code == 401
    assert remote.get("/").status_code == 401
    assert remote.get("/api/v1/articles", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_no_server_errors(case):
    """Generated requests to every operation (the token not sent: writes get 401, never 5xx)."""
    case.call_and_validate(checks=[not_a_server_error])
