"""The actor knowledge base: plain YAML files a user can read and edit.

The bundled files live in ``parley/kb/data/actors``; a user adds their own folder with
``--kb DIR`` (or ``PARLEY_KB``), whose entries extend and override the bundled ones by id.
``docs/kb.md`` describes the format.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

import yaml
from rapidfuzz import fuzz
from unidecode import unidecode

# libyaml's loader, when PyYAML was built with it, reads the bundled KB several times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DATA_DIR = Path(__file__).parent / "data" / "actors"
"""Bundled actor files (YAML lists of entries; ``agents.yaml`` maps nouns to sectors)."""
LEXICON_DIR = Path(__file__).parent / "data" / "lexicon"
"""Bundled word lists the extractors read (temporal words, place kinds, ...)."""

# Words that are part of a title, never of a name ("President Trump" -> "Trump").
_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Key for alias lookups: ASCII, lower case, punctuation dropped, single spaces, no leading 'the'."""
    # Most names are ASCII already, and unidecode costs microseconds a call even then:
    # the gazetteer normalises some 180,000 names when it is built.
    key = (text if text.isascii() else unidecode(text)).lower().replace("'s", "").replace("\u2019s", "")
    key = _SPACE.sub(" ", _PUNCT.sub(" ", key)).strip()
    if key.startswith("the "):
        key = key[4:]
    return key


@dataclass(frozen=True)
class Role:
    """A title an actor held from ``start`` (inclusive) to ``end`` (exclusive; open if None)."""

    title: str
    country: Optional[str] = None
    sector: Optional[str] = None
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None

    def held_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass
class Entry:
    """One actor of the knowledge base."""

    id: str
    name: str
    type: str
    country: Optional[str] = None
    sector: Optional[str] = None
    wikidata: Optional[str] = None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    # Countries only: adjectives and people-nouns, capitals and other metonyms.
    demonyms: list[str] = field(default_factory=list)
    capital: Optional[str] = None
    metonyms: list[str] = field(default_factory=list)
    # Aliases that are ordinary words too ("X"): matched only after one of these words.
    context: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    # People only: the surname alone may refer to them ("Peskov").
    surname: Optional[str] = None

    def role_on(self, day: Optional[dt.date]) -> Optional[Role]:
        """The role held on ``day``: the latest-starting one of those that were held then."""
        if day is None:
            current = [r for r in self.roles if r.end is None]
            return current[-1] if current else None
        held = [r for r in self.roles if r.held_on(day)]
        if not held:
            return None
        return max(held, key=lambda r: r.start or dt.date.min)

    @property
    def names(self) -> list[str]:
        """Every surface form that names this actor unambiguously."""
        forms = [self.name, *self.aliases]
        if self.type == "country":
            forms += self.metonyms
        return forms


def _date(value) -> Optional[dt.date]:
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value)
    if re.fullmatch(r"\d{4}", text):
        text += "-01-01"
    elif re.fullmatch(r"\d{4}-\d{2}", text):
        text += "-01"
    return dt.date.fromisoformat(text)


def entry_from_dict(raw: dict, default_type: Optional[str] = None) -> Entry:
    """Build an :class:`Entry` from one YAML mapping; raises ``ValueError`` on a bad one."""
    if "id" not in raw or "name" not in raw:
        raise ValueError(f"KB entry needs 'id' and 'name': {raw!r}")
    roles = [
        Role(
            title=r["title"],
            country=r.get("country", raw.get("country")),
            sector=r.get("sector", raw.get("sector")),
            start=_date(r.get("start")),
            end=_date(r.get("end")),
        )
        for r in raw.get("roles") or []
    ]
    return Entry(
        id=str(raw["id"]),
        name=raw["name"],
        type=raw.get("type") or default_type or "other",
        country=raw.get("country"),
        sector=raw.get("sector"),
        wikidata=raw.get("wikidata"),
        aliases=list(raw.get("aliases") or []),
        roles=roles,
        demonyms=list(raw.get("demonyms") or []),
        capital=raw.get("capital"),
        metonyms=list(raw.get("metonyms") or []),
        context=list(raw.get("context") or []),
        ambiguous=list(raw.get("ambiguous") or []),
        surname=raw.get("surname"),
    )


def entry_to_dict(entry: Entry) -> dict:
    """The YAML mapping of an entry, without empty fields (the inverse of :func:`entry_from_dict`)."""
    raw = {
        "id": entry.id,
        "name": entry.name,
        "type": entry.type,
        "country": entry.country,
        "sector": entry.sector,
        "wikidata": entry.wikidata,
        "aliases": entry.aliases,
        "surname": entry.surname,
        "roles": [
            {
                k: v
                for k, v in {
                    "title": r.title,
                    "country": r.country,
                    "sector": r.sector,
                    "start": r.start.isoformat() if r.start else None,
                    "end": r.end.isoformat() if r.end else None,
                }.items()
                if v
            }
            for r in entry.roles
        ],
        "demonyms": entry.demonyms,
        "capital": entry.capital,
        "metonyms": entry.metonyms,
        "context": entry.context,
        "ambiguous": entry.ambiguous,
    }
    return {k: v for k, v in raw.items() if v not in (None, [], "")}


def merge_entries(base: Entry, update: Entry) -> Entry:
    """``update`` laid over ``base``: its values win where it has them, lists are united,
    and its roles replace the base's only when it has some. The base's id is kept."""
    def united(a: list, b: list) -> list:
        return list(dict.fromkeys([*a, *b]))

    return Entry(
        id=base.id,
        name=update.name or base.name,
        type=update.type or base.type,
        country=update.country or base.country,
        sector=update.sector or base.sector,
        wikidata=update.wikidata or base.wikidata,
        aliases=united(base.aliases, [a for a in update.aliases if a != base.name] + ([update.name] if update.name != base.name else [])),
        roles=update.roles or base.roles,
        demonyms=united(base.demonyms, update.demonyms),
        capital=update.capital or base.capital,
        metonyms=united(base.metonyms, update.metonyms),
        context=united(base.context, update.context),
        ambiguous=united(base.ambiguous, update.ambiguous),
        surname=update.surname or base.surname,
    )


def _yaml_files(folder: Path) -> Iterable[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


class KnowledgeBase:
    """Actors by id, and lookup tables from normalised surface forms to ids."""

    def __init__(self, entries: Iterable[Entry] = (), agents: Optional[dict] = None):
        self.entries: dict[str, Entry] = {}
        self.agents: dict = agents or {}
        for entry in entries:
            self.entries[entry.id] = entry
        self._index()

    # -- loading -------------------------------------------------------------
    @classmethod
    def from_dirs(cls, folders: Iterable[Path]) -> "KnowledgeBase":
        """Load every YAML file under each folder; later folders override earlier ones by id."""
        entries: dict[str, Entry] = {}
        by_qid: dict[str, str] = {}
        agents: dict = {}
        for folder in folders:
            for path in _yaml_files(Path(folder)):
                data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
                if path.stem == "agents":
                    for key, value in (data or {}).items():
                        agents.setdefault(key, {}).update(value or {})
                    continue
                default_type = {"countries": "country", "igos": "igo", "platforms": "media"}.get(path.stem)
                for raw in data or []:
                    try:
                        entry = entry_from_dict(raw, default_type)
                    except (ValueError, KeyError, TypeError) as exc:
                        raise ValueError(f"{path}: {exc}") from exc
                    # The same actor under another id (a Wikidata build's "Q22686" for the
                    # bundled "donald-trump") extends the entry already there.
                    known = entries.get(entry.id) or entries.get(by_qid.get(entry.wikidata or "", ""))
                    if known is not None:
                        entry = merge_entries(known, entry)
                    entries[entry.id] = entry
                    if entry.wikidata:
                        by_qid[entry.wikidata] = entry.id
        return cls(entries.values(), agents)

    # -- lookups -------------------------------------------------------------
    def _index(self) -> None:
        self.by_alias: dict[str, set[str]] = {}
        self.by_surname: dict[str, set[str]] = {}
        self.by_demonym: dict[str, str] = {}
        self.context_aliases: dict[str, set[str]] = {}
        self.place_tagged_aliases: dict[str, set[str]] = {}
        for entry in self.entries.values():
            ambiguous = {normalise(a) for a in entry.ambiguous}
            for form in entry.names:
                key = normalise(form)
                if not key:
                    continue
                if form in entry.context or key in ambiguous:
                    self.context_aliases.setdefault(key, set()).add(entry.id)
                    if key in ambiguous and form not in entry.context and entry.type == "country":
                        # "Turkey condemned ...": a country's name standing alone (other bodies'
                        # ambiguous forms, "WHO", "Brussels", keep needing context)
                        self.place_tagged_aliases.setdefault(key, set()).add(entry.id)
                else:
                    self.by_alias.setdefault(key, set()).add(entry.id)
            for form in entry.context:
                self.context_aliases.setdefault(normalise(form), set()).add(entry.id)
            for demonym in entry.demonyms:
                self.by_demonym.setdefault(normalise(demonym), entry.id)
            if entry.type == "person":
                for surname in self._surnames(entry):
                    self.by_surname.setdefault(normalise(surname), set()).add(entry.id)

    @staticmethod
    def _surnames(entry: Entry) -> set[str]:
        """The last words of the name and aliases; with an explicit ``surname``, that and its
        spelling variants only ("Nebenzya", "Nebenzia"; not "Salman" for "bin Salman")."""
        found = set()
        for form in [entry.name, *entry.aliases]:
            parts = form.split()
            if len(parts) >= 2:
                found.add(parts[-1])
        if entry.surname:
            wanted = normalise(entry.surname)
            found = {entry.surname} | {s for s in found if fuzz.ratio(normalise(s), wanted) >= 80}
        return found

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, actor_id: str) -> bool:
        return actor_id in self.entries

    def get(self, actor_id: str) -> Optional[Entry]:
        return self.entries.get(actor_id)

    def lookup(self, text: str) -> set[str]:
        """Ids of the actors whose name, alias or metonym is ``text``."""
        return set(self.by_alias.get(normalise(text), ()))

    def country_of_demonym(self, text: str) -> Optional[str]:
        """'Ukrainian' -> 'UKR'."""
        return self.by_demonym.get(normalise(text))

    def office_holders(self, country: str, title_words: set[str], day: dt.date) -> list[tuple[Entry, Role]]:
        """People whose role on ``day`` is of ``country`` and whose title has all ``title_words``
        ("prime minister" of QAT -> the Qatari prime minister then)."""
        found = []
        for entry in self.entries.values():
            if entry.type != "person" or not entry.roles:
                continue
            role = entry.role_on(day)
            if role is None or role.country != country:
                continue
            title = set(normalise(role.title).split())
            if title_words <= title:
                found.append((len(title - title_words), entry, role))
        # The plainest title first: the Foreign Minister before a Deputy Foreign Minister.
        found.sort(key=lambda item: item[0])
        if len(found) > 1 and found[0][0] < found[1][0]:
            found = found[:1]
        return [(entry, role) for _, entry, role in found]

    def countries(self) -> list[Entry]:
        return [e for e in self.entries.values() if e.type == "country"]


def kb_dirs(extra: Iterable[Path] = ()) -> list[Path]:
    """The bundled data folder, then ``PARLEY_KB`` folders, then ``extra``."""
    folders = [DATA_DIR]
    env = os.environ.get("PARLEY_KB")
    if env:
        folders += [Path(p) for p in env.split(os.pathsep) if p]
    folders += [Path(p) for p in extra]
    return folders


@lru_cache(maxsize=4)
def load_kb(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """The knowledge base, loaded once per process for each set of extra folders."""
    return KnowledgeBase.from_dirs(kb_dirs(Path(p) for p in extra))
