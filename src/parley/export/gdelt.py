"""Parley's events as rows of the GDELT 2.0 event table (61 columns, GDELT's order).

One row per event and per pair of source and target actors: a compound event ("Russia and
Ukraine agreed ...") gives a row for each pair, as GDELT codes dyads. By default only events
that happened are exported (modality ``asserted`` or ``historical``): GDELT has no modality
column, and a negated, hypothetical or future meeting written as a meeting would be the very
error Parley exists to avoid.

What is filled and how, and every deviation from the GDELT codebook, is in
``docs/export.md``. In short: ids are stable hashes; dates come from the event (else the
publication date); actor codes are ISO alpha-3 country + Parley sector; QuadClass comes from
the CAMEO root; AvgTone, known-group, ethnic and religion codes and actor geography are
empty; counts are 1 (one article); place country codes are ISO alpha-3, not FIPS.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable, Iterator, Optional, Sequence

from ..model import Actor, ArticleResult, Event, Location, Place
from . import actor_ids, actors_of, cameo_parts, event_key, event_number, quad_class

_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)
"""The GDELT 2.0 event table's columns, in file order."""

HAPPENED = ("asserted", "historical")

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})")


def date_columns(event_date: Optional[str], published: Optional[dt.date]) -> list:
    """``[Day, MonthYear, Year, FractionDate]``: from the event's date, else the publication date.

    A month- or year-precise event date fills only the columns it determines (Day empty);
    FractionDate is GDELT's YYYY.FFFF, FFFF the share of the year gone before that day
    (1 January is .0000, 31 December .9973 in any year).
    """
    if event_date:
        if m := _DAY.match(event_date):
            y, mo, d = (int(g) for g in m.groups())
            try:
                day = dt.date(y, mo, d)
            except ValueError:
                return ["", f"{y:04d}{mo:02d}", y, ""]
            year_days = (dt.date(y + 1, 1, 1) - dt.date(y, 1, 1)).days
            fraction = (day.timetuple().tm_yday - 1) / year_days
            return [f"{y:04d}{mo:02d}{d:02d}", f"{y:04d}{mo:02d}", y, f"{y + fraction:.4f}"]
        if m := _MONTH.match(event_date):
            y, mo = (int(g) for g in m.groups())
            return ["", f"{y:04d}{mo:02d}", y, ""]
        if m := _YEAR.match(event_date):
            return ["", "", int(m.group(1)), ""]
    if published is not None:
        return date_columns(published.isoformat(), None)
    return ["", "", "", ""]


def actor_columns(actor: Optional[Actor], fallback_id: Optional[str] = None) -> list:
    """The ten actor columns: CAMEO-style code (country + sector), upper-case name, country, type."""
    if actor is None:
        name = fallback_id.split(":", 1)[-1] if fallback_id else ""
        return ["", name.upper(), "", "", "", "", "", "", "", ""]
    country = actor.country or ("IGO" if actor.type == "igo" else "")
    code = country + (actor.sector or "")
    return [code, actor.name.upper(), actor.country or "", "", "", "", "", actor.sector or "", "", ""]


def _place_for(location: Location, places: Sequence[Place]) -> Optional[Place]:
    for place in places:
        if location.geonames_id is not None and place.geonames_id == location.geonames_id:
            return place
    for place in places:
        if place.name == location.name and place.country == location.country:
            return place
    return None


def geo_columns(location: Optional[Location], places: Sequence[Place] = ()) -> list:
    """The eight ActionGeo columns for an event location (GDELT types: 1 country, 2 US state,
    3 US city, 4 world city, 5 world state)."""
    if location is None:
        return [""] * len(_GEO_FIELDS)
    place = _place_for(location, places)
    kind = place.kind if place else ("city" if location.lat is not None else "country")
    us = location.country == "USA"
    geo_type = {"country": 1, "region": 2 if us else 5}.get(kind, 3 if us else 4)
    full_name = location.name if kind == "country" or not location.country else f"{location.name}, {location.country}"
    return [geo_type, full_name, location.country or "", (place.admin1 if place and place.admin1 else ""), "",
            "" if location.lat is None else location.lat, "" if location.lon is None else location.lon,
            "" if location.geonames_id is None else location.geonames_id]


def is_root_event(result: ArticleResult, event: Event) -> int:
    """1 when the evidence starts in the headline or the first paragraph of the body (GDELT's
    "lead paragraph" flag), else 0."""
    start = event.evidence[0]
    body = next((s.span for s in result.sections if s.kind == "body"), None)
    if body is None:
        body = (0, len(result.text))
    if start < body[0]:
        return 1  # headline or standfirst
    lead_end = result.text.find("\n\n", body[0])
    return int(lead_end < 0 or start < lead_end)


def _date_added(published: Optional[dt.date]) -> str:
    # GDELT stamps the time it saw the article; the publication date keeps a re-run identical.
    return published.strftime("%Y%m%d000000") if published else ""


def rows_for(result: ArticleResult, event: Event) -> Iterator[list]:
    """The rows of one event: one per (source actor, target actor) pair."""
    actors = {a.id: a for a in result.actors}
    sources = list(zip(actors_of(event.source, actors), actor_ids(event.source))) or [(None, None)]
    targets = list(zip(actors_of(event.target, actors), actor_ids(event.target))) or [(None, None)]
    key = event_key(result, event)
    code, base, root = cameo_parts(event.cameo)
    quad = quad_class(event.cameo)
    goldstein = getattr(event, "goldstein", None)
    common_after_actors = [is_root_event(result, event), code, base, root, "" if quad is None else quad,
                           "" if goldstein is None else goldstein, 1, 1, 1, ""]
    geo = [""] * (2 * len(_GEO_FIELDS)) + geo_columns(event.location, result.places)
    tail = [_date_added(result.published), result.url or result.source or result.id]
    dates = date_columns(event.date, result.published)
    for i, (source, source_id) in enumerate(sources):
        for j, (target, target_id) in enumerate(targets):
            number = event_number(key) if i == j == 0 else event_number(key, f"#{i}:{j}")
            yield [number, *dates, *actor_columns(source, source_id), *actor_columns(target, target_id),
                   *common_after_actors, *geo, *tail]


def to_gdelt_rows(results: Iterable[ArticleResult], modalities: Sequence[str] = HAPPENED) -> Iterator[list]:
    """Every event of every result as GDELT 2.0 rows (61 values each, in :data:`GDELT_COLUMNS` order).

    Values are ints, floats or strings, "" for empty; text is not yet cleaned of tabs and line
    breaks (:func:`parley.export.write_format` does that when writing). Only events whose
    modality is in ``modalities`` are exported.
    """
    for result in results:
        for event in result.events:
            if event.modality in modalities:
                yield from rows_for(result, event)
