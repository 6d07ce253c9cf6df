"""GDELT and PLOVER exports on hand-built ArticleResults."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from parley.export import cameo_parts, quad_class, write_format
from parley.export.gdelt import GDELT_COLUMNS, to_gdelt_rows
from parley.export.plover import to_plover_objects
from parley.model import Actor, ArticleResult, Event, Location, Place, Plover, Section

HEADLINE = "Envoys meet\tin Lisbon"
BODY = ("Arland's foreign minister met Brevia's envoy in Lisbon on Friday.\n"
        "They did not sign a deal.\n\nLater, Arland and Cordia troops clashed with Brevia's army.")
TEXT = HEADLINE + "\n\n" + BODY
B = len(HEADLINE) + 2


def _span(fragment):
    start = TEXT.index(fragment)
    return (start, start + len(fragment))


def _result(**changes):
    actors = [Actor(id="arl", name="Arland", type="country", country="ARL", sector="GOV"),
              Actor(id="bre", name="Brevia", type="country", country="BRE", sector="GOV", wikidata="Q1"),
              Actor(id="cor", name="Cordia", type="country", country="COR", sector="MIL"),
              Actor(id="un", name="United Nations", type="igo")]
    lisbon = Location(name="Lisbon", country="PRT", lat=38.72, lon=-9.14, geonames_id=2267057)
    events = [
        Event(source="arl", target="bre", cameo="044", plover=Plover(type="CONSULT", mode="visit", context=["diplomatic"]),
              date="2024-03-01", location=lisbon, evidence=_span("Arland's foreign minister met Brevia's envoy in Lisbon")),
        Event(source="arl", target="bre", cameo="057", plover=Plover(type="AGREE"), modality="negated",
              evidence=_span("They did not sign a deal")),
        Event(source=["arl", "cor"], target="bre", cameo="19", plover=Plover(type="ASSAULT"), modality="asserted",
              date="2024-02", evidence=_span("Arland and Cordia troops clashed\nwith Brevia's army".replace("\n", " "))),
    ]
    data = dict(id="a1", title=HEADLINE, published=dt.date(2024, 3, 2), source="Wire", url="https://example.org/a1",
                language="en", text=TEXT, actors=actors, events=events,
                sections=[Section(kind="headline", span=(0, len(HEADLINE))), Section(kind="body", span=(B, len(TEXT)))],
                places=[Place(span=_span("Lisbon"), text="Lisbon", name="Lisbon", kind="city", country="PRT",
                              admin1="Lisboa", lat=38.72, lon=-9.14, geonames_id=2267057)])
    data.update(changes)
    return ArticleResult(**data)


def test_gdelt_columns_are_the_codebook_order():
    assert len(GDELT_COLUMNS) == 61 and len(set(GDELT_COLUMNS)) == 61
    assert GDELT_COLUMNS[:6] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate", "Actor1Code")
    assert GDELT_COLUMNS[14:16] == ("Actor1Type3Code", "Actor2Code")
    assert GDELT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[35] == "Actor1Geo_Type" and GDELT_COLUMNS[51] == "ActionGeo_Type"
    assert GDELT_COLUMNS[-3:] == ("ActionGeo_FeatureID", "DATEADDED", "SOURCEURL")


def test_cameo_parts_and_quad_class():
    assert cameo_parts("044") == ("044", "044", "04")
    assert cameo_parts("0441") == ("0441", "044", "04")
    assert cameo_parts("19") == ("190", "190", "19")
    assert [quad_class(c) for c in ("010", "057", "061", "112", "145", "20")] == [1, 1, 2, 3, 4, 4]
    assert quad_class("") is None


def test_gdelt_rows_fill_the_columns():
    rows = list(to_gdelt_rows([_result()]))
    # the negated event is left out; the compound assault gives one row per source actor
    assert len(rows) == 3 and all(len(r) == 61 for r in rows)
    meet = dict(zip(GDELT_COLUMNS, rows[0]))
    assert (meet["Day"], meet["MonthYear"], meet["Year"]) == ("20240301", "202403", 2024)
    assert meet["FractionDate"] == f"{2024 + 60 / 366:.4f}"  # 1 March 2024: 60 days of a leap year gone
    assert (meet["Actor1Code"], meet["Actor1Name"], meet["Actor1CountryCode"], meet["Actor1Type1Code"]) == \
        ("ARLGOV", "ARLAND", "ARL", "GOV")
    assert meet["Actor2Code"] == "BREGOV"
    assert (meet["EventCode"], meet["EventBaseCode"], meet["EventRootCode"], meet["QuadClass"]) == ("044", "044", "04", 1)
    assert meet["IsRootEvent"] == 1 and meet["AvgTone"] == ""
    assert (meet["ActionGeo_Type"], meet["ActionGeo_CountryCode"], meet["ActionGeo_ADM1Code"],
            meet["ActionGeo_FeatureID"]) == (4, "PRT", "Lisboa", 2267057)
    assert (meet["DATEADDED"], meet["SOURCEURL"]) == ("20240302000000", "https://example.org/a1")
    clash = [dict(zip(GDELT_COLUMNS, r)) for r in rows[1:]]
    assert [c["Actor1Name"] for c in clash] == ["ARLAND", "CORDIA"]
    assert clash[0]["Day"] == "" and clash[0]["MonthYear"] == "202402"
    assert clash[0]["IsRootEvent"] == 0 and clash[0]["QuadClass"] == 4
    assert clash[0]["GlobalEventID"] != clash[1]["GlobalEventID"]


def test_gdelt_ids_are_stable_and_distinct():
    first = [r[0] for r in to_gdelt_rows([_result()])]
    again = [r[0] for r in to_gdelt_rows([_result()])]
    other = [r[0] for r in to_gdelt_rows([_result(id="a2")])]
    assert first == again
    assert len(set(first)) == len(first) and not set(first) & set(other)
    assert all(isinstance(n, int) and 0 < n < 2 ** 60 for n in first)


def test_gdelt_text_is_escaped_and_dates_fall_back():
    result = _result(url=None, source="Wire\tname\nline")
    undated = result.events[0].model_copy(update={"date": None, "location": None})
    sink = io.StringIO()
    n = write_format([result.model_copy(update={"events": [undated]})], "gdelt", sink)
    lines = sink.getvalue().splitlines()
    assert n == 1 and len(lines) == 1
    cells = lines[0].split("\t")
    assert len(cells) == 61
    row = dict(zip(GDELT_COLUMNS, cells))
    assert row["SOURCEURL"] == "Wire name line"
    assert row["Day"] == "20240302"  # the publication date
    assert row["ActionGeo_Type"] == ""


def test_plover_objects():
    objs = list(to_plover_objects([_result()]))
    assert len(objs) == 2
    meet = objs[0]
    assert meet["event_type"] == "CONSULT" and meet["mode"] == "visit" and meet["context"] == ["diplomatic"]
    assert (meet["source_actor"], meet["source_agent"], meet["target_actor"], meet["target_wikidata"]) == \
        ("Arland", "GOV", "Brevia", ["Q1"])
    assert (meet["country"], meet["admin1"], meet["location"], meet["latitude"], meet["longitude"]) == \
        ("PRT", "Lisboa", "Lisbon", 38.72, -9.14)
    assert meet["event_text"] == "Arland's foreign minister met Brevia's envoy in Lisbon"
    assert (meet["date"], meet["story_date"], meet["publisher"], meet["quad_code"]) == ("2024-03-01", "2024-03-02", "Wire", 1)
    clash = objs[1]
    assert clash["source_actor"] == "Arland; Cordia" and clash["source_actor_id"] == ["arl", "cor"]
    assert clash["quad_code"] == 4 and clash["modality"] == "asserted"
    everything = list(to_plover_objects([_result()], modalities=None))
    assert len(everything) == 3 and everything[1]["modality"] == "negated"
    assert [o["id"] for o in to_plover_objects([_result()])] == [o["id"] for o in objs]
    assert len({o["id"] for o in everything}) == 3


def test_write_format_plover_and_errors():
    sink = io.StringIO()
    failed = ArticleResult(id="bad", text="")
    assert write_format([_result(), failed], "plover", sink) == 2
    lines = sink.getvalue().splitlines()
    assert [json.loads(line)["story_id"] for line in lines] == ["a1", "a1"]
    with pytest.raises(ValueError):
        write_format([_result()], "csv", io.StringIO())
