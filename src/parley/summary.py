"""A readable summary of one analysed article, for ``parley demo`` and people at a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .model import ArticleResult


def print_summary(result: ArticleResult, console: Console) -> None:
    """Print the article's actors, dates and places as tables (article text is shown as text, never markup)."""
    title = Text(result.title or result.id, style="bold")
    meta = Text(f"  {result.published or 'date unknown'}  {result.source or ''}", style="dim")
    console.rule(title + meta)
    if result.error:
        console.print(Text(f"error {result.error.code}: {result.error.message}", style="red"))
        return

    actors = Table(title="Actors", title_justify="left", expand=True)
    for column in ("name", "type", "country", "sector", "role", "mentioned as"):
        actors.add_column(column)
    for actor in sorted(result.actors, key=lambda a: -len(a.mentions)):
        forms = sorted({d.text for d in actor.mention_details})
        actors.add_row(
            Text(actor.name), actor.type, actor.country or "", actor.sector or "", Text(actor.role or ""),
            Text(f"{len(actor.mentions)}x: " + ", ".join(forms)),
        )
    console.print(actors)

    if result.dates:
        dates = Table(title="Dates", title_justify="left")
        for column in ("text", "value", "anchor"):
            dates.add_column(column)
        for date in result.dates:
            dates.add_row(Text(date.text), date.value or "?", date.anchor)
        console.print(dates)

    if result.places:
        places = Table(title="Places", title_justify="left")
        for column in ("text", "name", "kind", "country", "lat, lon", "geonames"):
            places.add_column(column)
        for place in result.places:
            where = f"{place.lat:.2f}, {place.lon:.2f}" if place.lat is not None and place.lon is not None else ""
            places.add_row(Text(place.text), Text(place.name), place.kind, place.country or "", where, str(place.geonames_id or ""))
        console.print(places)
