"""The article view's text: every extraction highlighted, each linked to its record.

The text is untrusted: every piece of it goes through :func:`markupsafe.escape`, and only
the tags written here are markup. Highlights nest (a speaker's name inside a quote); a span
that crosses another's edge is clipped to it so the HTML stays well formed. Each highlight
carries an ``id`` the record pages link back to, and ends with a small numbered link to
its record (links cannot nest, so the highlight itself is a ``<span>``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from markupsafe import Markup, escape


@dataclass
class Mark:
    start: int
    end: int
    kind: str
    anchor: str
    href: Optional[str] = None
    title: str = ""
    label: str = ""


def _open(mark: Mark) -> Markup:
    return Markup('<span class="hl hl-{}" id="{}" title="{}" data-kind="{}">').format(mark.kind, mark.anchor, mark.title, mark.kind)


def _close(mark: Mark) -> Markup:
    link = Markup('<a class="ref ref-{}" href="{}" data-ref="{}">{}</a>').format(mark.kind, mark.href, mark.anchor, mark.label) if mark.href else Markup("")
    return Markup("</span>") + link


def render(text: str, marks: list[Mark]) -> Markup:
    """``text`` as escaped HTML with ``marks`` as nested highlight spans."""
    ordered = sorted((m for m in marks if 0 <= m.start < m.end <= len(text)), key=lambda m: (m.start, -m.end))
    out: list[Markup] = []
    stack: list[Mark] = []
    position = 0

    def emit_to(limit: int) -> None:
        nonlocal position
        if limit > position:
            out.append(escape(text[position:limit]))
            position = limit

    for mark in ordered:
        while stack and stack[-1].end <= mark.start:
            closing = stack.pop()
            emit_to(closing.end)
            out.append(_close(closing))
        if stack and mark.end > stack[-1].end:
            mark = Mark(mark.start, stack[-1].end, mark.kind, mark.anchor, mark.href, mark.title, mark.label)
        if mark.start >= mark.end:
            continue
        emit_to(mark.start)
        out.append(_open(mark))
        stack.append(mark)
    while stack:
        closing = stack.pop()
        emit_to(closing.end)
        out.append(_close(closing))
    emit_to(len(text))
    return Markup("").join(out)


def article_marks(article: dict) -> list[Mark]:
    """The highlights of one stored article (as :func:`parley.store.queries.get_article` returns it)."""
    result = article.get("result") or {}
    ids = article.get("record_ids", {})
    marks: list[Mark] = []
    for n, quote in enumerate(result.get("quotes", [])):
        qid, sid = ids.get("quotes", {}).get(n), ids.get("statements", {}).get(n)
        who = quote.get("speaker", {}).get("name") or "unknown speaker"
        marks.append(Mark(*quote["span"], "quote", f"quote-{qid}", f"/statements/{sid}#quote-{qid}" if sid else None, f"{quote['kind']} quote: {who}", f"Q{n + 1}"))
    for n, event in enumerate(result.get("events", [])):
        mid, eid = ids.get("mentions", {}).get(n), ids.get("events", {}).get(n)
        marks.append(Mark(*event["evidence"], "event", f"mention-{mid}", f"/events/{eid}#mention-{mid}" if eid else None, f"event {event['cameo']} {event['plover']['type']}", f"E{n + 1}"))
    for n, demand in enumerate(result.get("demands", [])):
        did = ids.get("demands", {}).get(n)
        marks.append(Mark(*demand["span"], "demand", f"demand-{did}", f"/demands/{did}" if did else None, f"demand: {demand.get('issue') or ''}", f"D{n + 1}"))
    for n, claim in enumerate(result.get("claims", [])):
        cid = ids.get("claims", {}).get(n)
        marks.append(Mark(*claim["span"], "claim", f"claim-{cid}", f"/claims/{cid}" if cid else None, f"claim: {claim['category']} {claim.get('value')}", f"C{n + 1}"))
    for actor in result.get("actors", []):
        for k, span in enumerate(actor.get("mentions", [])):
            marks.append(Mark(span[0], span[1], "actor", f"actor-{actor['id']}-{k}", f"/actors/{actor['id']}", f"{actor['name']} ({actor['type']})", "A"))
    for n, date in enumerate(result.get("dates", [])):
        marks.append(Mark(*date["span"], "date", f"date-{n}", None, f"date: {date.get('value')}"))
    for n, place in enumerate(result.get("places", [])):
        marks.append(Mark(*place["span"], "place", f"place-{n}", None, f"place: {place['name']} {place.get('country') or ''}"))
    return marks
