"""A readable summary of one analysed article, for ``parley demo`` and people at a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .model import ArticleResult


def print_summary(result: ArticleResult, console: Console) -> None:
    """Print the article's actors, statements, demands, claims, events, dates and places as
    tables (article text is shown as text, never markup)."""
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

    names = {a.id: a.name for a in result.actors}

    if result.quotes:
        quotes = Table(title="Statements", title_justify="left", expand=True)
        for column in ("speaker", "kind", "channel", "date", "words"):
            quotes.add_column(column)
        for quote in result.quotes:
            words = quote.text if len(quote.text) <= 90 else quote.text[:87] + "..."
            quotes.add_row(Text(quote.speaker.name or "?"), quote.kind, quote.channel or "", quote.date or "", Text(words))
        console.print(quotes)

    if result.demands:
        demands = Table(title="Demands", title_justify="left", expand=True)
        for column in ("party", "of", "issue", "modality", "condition"):
            demands.add_column(column)
        for demand in result.demands:
            addressee = demand.addressee if isinstance(demand.addressee, list) else [demand.addressee] if demand.addressee else []
            demands.add_row(
                Text(names.get(demand.party, demand.party or "?")), Text(", ".join(names.get(a, a) for a in addressee)),
                demand.issue or "", demand.modality, Text(demand.text[:90]),
            )
        console.print(demands)

    if result.claims:
        claims = Table(title="Claims", title_justify="left")
        for column in ("claimant", "figure", "category", "words"):
            claims.add_column(column)
        for claim in result.claims:
            figure = f"{claim.low:,.0f}-{claim.high:,.0f}" if claim.value is None and claim.low is not None else f"{claim.value:,.0f}" if claim.value is not None else "?"
            claims.add_row(
                Text(names.get(claim.claimant, claim.claimant or "(article)")), ("~" if claim.approximate else "") + figure,
                claim.category, Text(result.text[claim.span[0]:claim.span[1]]),
            )
        console.print(claims)

    if result.events:
        events = Table(title="Events", title_justify="left", expand=True)
        for column in ("source", "target", "CAMEO", "PLOVER", "modality", "date", "where"):
            events.add_column(column)

        def label(ref):
            refs = ref if isinstance(ref, list) else [ref] if ref else []
            return ", ".join(names.get(r, r) for r in refs)

        for event in result.events:
            events.add_row(
                Text(label(event.source)), Text(label(event.target)), event.cameo, event.plover.type, event.modality,
                event.date or "", Text(event.location.name if event.location else ""),
            )
        console.print(events)

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
