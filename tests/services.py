"""Test helpers for the corpus: a throw-away PostgreSQL server, a small hand-written
corpus with every kind of record, and an analyser that returns its prepared results.

The corpus is invented for these tests (fictional reports about real countries); it holds
a statement quoted by two outlets, one event reported twice, a syndicated copy, a
contradiction between casualty figures, demands whose position changes, and an article
whose text carries HTML that must never run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from typing import Iterator, Optional

from parley.model import Actor, Article, ArticleResult, Claim, Demand, Event, Plover, Quote, Speaker
from parley.store.dedup import content_hash

XSS = '<script>window.__xss = 1</script> and <img src=x onerror="window.__xss = 2">'

ACTORS = {
    "UKR": ("Ukraine", "country"),
    "RUS": ("Russia", "country"),
    "volodymyr-zelenskyy": ("Volodymyr Zelenskyy", "person"),
    "dmitry-peskov": ("Dmitry Peskov", "person"),
}


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _article(key, title, body, published, source, *, quotes=(), events=(), demands=(), claims=()) -> tuple[Article, ArticleResult]:
    text = f"{title}\n\n{body}"
    day = dt.date.fromisoformat(published)
    article = Article(id=key, text=text, title=title, published=day, source=source, url=f"https://news.example/{key}")
    actors = []
    for actor_id, (name, kind) in ACTORS.items():
        spans = []
        start = text.find(name)
        while start >= 0:
            spans.append((start, start + len(name)))
            start = text.find(name, start + 1)
        if spans:
            actors.append(Actor(id=actor_id, name=name, type=kind, country=actor_id if kind == "country" else None, mentions=spans))
    result = ArticleResult(
        id=key, title=title, published=day, source=source, url=article.url, language="en", text=text, actors=actors,
        quotes=[Quote(span=_span(text, p), text=p, kind=k, speaker=Speaker(actor_id=s, name=ACTORS[s][0]), cue="said", channel=ch)
                for p, s, k, ch in quotes],
        events=[Event(source=s, target=t, cameo=c, plover=Plover(type=pt), date=d, evidence=_span(text, p)) for p, s, t, c, pt, d in events],
        demands=[Demand(party=pa, addressee=ad, text=p, span=_span(text, p), issue=i) for p, pa, ad, i in demands],
        claims=[Claim(claimant=cl, value=v, category=cat, subject=su, span=_span(text, p)) for p, cl, v, cat, su in claims],
    )
    return article, result


CEASEFIRE = "We are ready for a full ceasefire in the sky and at sea if Moscow does the same"
STRIKE = (
    "Russian forces launched a wave of drones and missiles at the port of Odesa overnight, damaging grain "
    "terminals and a residential block, regional officials reported on Wednesday morning after the alarm ended. "
    "Emergency crews worked through the night to put out fires along the harbour front. Dmitry Peskov said "
    "\"the strikes hit only military targets and will continue until our conditions are met\" in a statement. "
    "He said Russia demands that Ukraine give up its plans to join NATO before any talks can begin."
)


def fixture_corpus() -> list[tuple[Article, ArticleResult]]:
    """Six articles and their analyses; the fifth is a syndicated copy of the fourth."""
    return [
        _article(
            "talks-offer", "Ukraine offers ceasefire in the sky and at sea",
            f"Volodymyr Zelenskyy said on Telegram: \"{CEASEFIRE}\". Ukraine proposed talks with Russia in Geneva. "
            "Ukraine demands that Russia withdraw its troops from occupied territory. "
            "Volodymyr Zelenskyy said 43,000 Ukrainian soldiers had been killed.",
            "2025-03-01", "Wire One",
            quotes=[(CEASEFIRE, "volodymyr-zelenskyy", "direct", "Telegram")],
            events=[("Ukraine proposed talks with Russia in Geneva", "UKR", "RUS", "036", "CONSULT", "2025-03-01")],
            demands=[("Russia withdraw its troops from occupied territory", "UKR", "RUS", "territory")],
            claims=[("43,000 Ukrainian soldiers had been killed", "volodymyr-zelenskyy", 43000, "killed", "UKR")],
        ),
        _article(
            "talks-offer-daily", "Kyiv floats a partial truce",
            f"In a video on Telegram, Volodymyr Zelenskyy said: \"{CEASEFIRE}.\" On Saturday Ukraine proposed talks with "
            "Russia, the second such offer this year. Commentators put the number of Ukrainian soldiers killed at "
            "about 400,000, a figure Kyiv disputes.",
            "2025-03-02", "Daily Two",
            quotes=[(CEASEFIRE, "volodymyr-zelenskyy", "direct", "Telegram")],
            events=[("Ukraine proposed talks with Russia", "UKR", "RUS", "036", "CONSULT", "2025-03-01")],
            claims=[("about 400,000", None, 400000, "killed", "UKR")],
        ),
        _article(
            "odesa-strike", "Drones and missiles hit Odesa port", STRIKE, "2025-03-05", "Wire One",
            quotes=[("the strikes hit only military targets and will continue until our conditions are met", "dmitry-peskov", "direct", "statement")],
            events=[("Russian forces launched a wave of drones and missiles at the port of Odesa", "RUS", "UKR", "195", "ASSAULT", "2025-03-05")],
            demands=[("Ukraine give up its plans to join NATO", "RUS", "UKR", "neutrality")],
        ),
        _article(
            "odesa-strike-syndicated", "Overnight attack on Odesa damages grain terminals",
            STRIKE + " This story was supplied by a wire service.", "2025-03-05", "Coast Herald",
        ),
        _article(
            "markup-test", "A headline with <b>markup</b>",
            f"A reader comment quoted in full: {XSS}. Dmitry Peskov said the comment was \"not worth a reply\".",
            "2025-03-10", "Forum Watch",
            quotes=[("not worth a reply", "dmitry-peskov", "direct", None)],
        ),
        _article(
            "grain-deal", "Russia and Ukraine sign a grain corridor deal",
            "Russia and Ukraine signed an agreement on a grain corridor in Istanbul. Ukraine now demands only that "
            "Russia return to the lines of 2022 before a wider settlement. Dmitry Peskov called it \"a step, not a peace\".",
            "2025-03-12", "Daily Two",
            quotes=[("a step, not a peace", "dmitry-peskov", "direct", None)],
            events=[("Russia and Ukraine signed an agreement on a grain corridor", "RUS", "UKR", "057", "AGREE", "2025-03-12")],
            demands=[("Russia return to the lines of 2022", "UKR", "RUS", "territory")],
        ),
    ]


class FakeAnalyser:
    """Returns the prepared result of each article (by text); counts what it was asked."""

    def __init__(self, corpus=None, delay: float = 0.0):
        self.by_hash = {content_hash(a.text): r for a, r in (corpus or fixture_corpus())}
        self.delay = delay
        self.seen: list[str] = []

    def __call__(self, batch: list[Article]):
        for article in batch:
            self.seen.append(article.id)
            if self.delay:
                time.sleep(self.delay)
            known = self.by_hash.get(content_hash(article.text))
            yield known or ArticleResult(id=article.id, title=article.title, published=article.published, url=article.url,
                                         source=article.source, text=article.text)


# --- PostgreSQL -------------------------------------------------------------------------


def build_corpus(url: str) -> None:
    """Ingest the fixture corpus into ``url``."""
    from parley.store.ingest import ingest

    corpus = fixture_corpus()
    ingest([a for a, _ in corpus], url, analyse=FakeAnalyser(corpus))


def postgres_bin() -> Optional[str]:
    """The folder of Debian's PostgreSQL server binaries, or None when not installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return os.path.dirname(found[-1]) if found else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """Start a private PostgreSQL cluster on a free localhost port; yield its URL; stop it.

    As root the server runs as the ``postgres`` user (initdb refuses root), in a folder
    under /tmp that user can enter.
    """
    bindir = postgres_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries are not installed")
    root = tempfile.mkdtemp(prefix="parley-pg-")
    data = os.path.join(root, "data")
    as_root = os.geteuid() == 0
    prefix: list[str] = []
    if as_root:
        shutil.chown(root, "postgres", "postgres")
        os.chmod(root, 0o700)
        prefix = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "check": True}
    subprocess.run(prefix + [f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"], **quiet)
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    subprocess.run(prefix + [f"{bindir}/pg_ctl", "-D", data, "-o", options, "-l", os.path.join(root, "log"), "-w", "start"], **quiet)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(prefix + [f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(root, ignore_errors=True)


def reset(url: str) -> None:
    """Drop every corpus table (between tests on one server)."""
    from sqlalchemy import text

    from parley.store.schema import connect, metadata

    engine = connect(url, create=False)
    metadata.drop_all(engine)
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(text("DROP TABLE IF EXISTS quote_fts"))
    engine.dispose()


def main(argv: list[str]) -> None:
    """``python -m tests.services slow-ingest URL``: ingest the corpus one article a batch,
    slowly, so a test can kill the process half way."""
    from parley.store.ingest import ingest

    (url,) = argv
    corpus = fixture_corpus()
    ingest([a for a, _ in corpus], url, analyse=FakeAnalyser(corpus, delay=0.4), batch_size=1,
           on_batch=lambda r: print(f"batch {r.read}", flush=True))


if __name__ == "__main__":
    main(sys.argv[1:])
