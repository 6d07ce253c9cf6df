"""``parley demo``'s corpus step: ingest the bundled examples into a local SQLite file."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from rich.console import Console


def demo_corpus(examples: Path, console: Optional[Console] = None, db: str = "parley-demo.db", analyzer=None) -> str:
    """Ingest ``examples`` into ``db`` (idempotent) and print the command that opens the dashboard.

    Pass the demo's already loaded ``analyzer`` to avoid loading the pipeline twice.
    Returns that command.
    """
    from .ingest import Ingestor
    from .sources import read_sources

    console = console or Console()
    ingestor = Ingestor(db, analyse=analyzer.analyse if analyzer is not None else None)
    report = ingestor.ingest(read_sources([str(examples)]))
    command = f"parley serve --db {db}"
    console.print(f"Corpus: {report} into {db}")
    console.print(f"Open the dashboard with: [bold]{command}[/bold]  (then http://127.0.0.1:8000/)")
    return command
