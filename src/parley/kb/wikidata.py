"""Build a Parley knowledge base from a Wikidata JSON dump (``parley kb build --wikidata``).

The dump is the one Wikidata publishes as ``latest-all.json.gz`` / ``.bz2``: a JSON array
written one entity per line (``[``, then ``{...},`` lines, then ``]``). It is read as a
stream, line by line, plain or compressed (by the file suffix), and never loaded whole.

What is kept (the item classes are data, in ``kb/data/lexicon/wikidata_sectors.yaml``):

- **people**: humans (P31 Q5) who held a position (P39). Each P39 statement becomes a
  role: the position's label is the title, its start (P580) and end (P582) qualifiers the
  dates, its jurisdiction (P1001, else P17) the role's country, and the sector comes from
  words in the title ("minister" -> GOV, "general" -> MIL, "senator" -> LEG, ...). The
  person's country is their citizenship (P27), as ISO alpha-3.
- **countries** (P31 country / sovereign state) with an ISO 3166-1 alpha-3 code (P298),
  which becomes their id so they merge with the bundled countries; demonyms (P1549) and
  capital (P36) come along.
- **international organisations**, **armed organisations**, **news media** and **social
  platforms**, with their country (P17, else P495) when they have one.

Names are the label in the first of the requested languages that has one (then the
language-neutral ``mul`` label); labels in the other languages, aliases and short names
(P1813) become aliases. Ids are the QID ("Q22686"), except for countries (alpha-3).

Statements of deprecated rank are ignored; where one value is needed (citizenship,
alpha-3 code, capital) preferred-rank statements win over normal ones.

Cost: titles and capitals are other items of the dump, so it is read twice. The first
pass parses only the lines that may hold a kept class or an ISO code (a substring test
first; a line cut short is counted as malformed unparsed) and keeps the selected
entities: memory grows with what is kept, not with the dump. The second pass parses only
the lines of the items the first one referred to (positions and capitals), skipping the
others after a look at their first bytes, and stops once it has them all;
``position_labels`` can supply titles, and skips it when it covers every position.
Measured on a synthetic 1.4 GB (uncompressed) gzip dump on one core: about 110 MB/s for
the first pass and 180 MB/s for the second (decompression alone is about 150-300 MB/s),
under 20 MB of memory for 1,400 people. The full dump (over 1.5 TB uncompressed) takes
hours per pass.

Countries get their alpha-3 code as id, so a built country replaces the bundled entry
of that code as a whole (hand-made metonyms included) when the built folder is loaded
after the bundled one. Other entries get their QID as id and do not replace bundled
entries (whose ids are names such as "donald-trump"): the same person can then be in
both.

Not extracted: family names, dates of birth, party membership (P102), military rank
(P410), employers (P108), positions' "replaces"/"replaced by" chains, sitelinks; Julian
calendar dates are read as if Gregorian; dates less precise than a year are dropped.
The output files are written whole each time (edits to them are lost on a rebuild); put
hand-made entries in another ``--kb`` folder listed after this one.
"""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator, Optional

import yaml

from parley.kb import LEXICON_DIR, Entry, Role, entry_to_dict, normalise

SECTORS_FILE = LEXICON_DIR / "wikidata_sectors.yaml"
"""Which item classes are kept and which words in a position's label give which sector."""

OUTPUT_FILES = ("people", "countries", "igos", "organisations", "media")
"""The YAML files written into the output folder (all of them, every time)."""

PROGRESS_EVERY = 100_000
"""Lines between two calls of the ``progress`` callback."""

COMMAND_HELP = """Build a knowledge-base folder from a Wikidata JSON dump (.json, .json.gz or .json.bz2).

Keeps people who held a position (with their roles and dates), countries (by ISO
alpha-3 code), international and armed organisations, news media and social platforms,
and writes them as YAML files into the output folder. Pass that folder to
`parley extract --kb DIR` (or PARLEY_KB) to extend and override the bundled actors by id.
The dump is streamed and read twice (the second pass fetches the titles of positions);
on the full Wikidata dump this takes hours; a limit on the entities read tries it on
the head of the dump.
"""

# libyaml's emitter when PyYAML was built with it: the pure-Python one takes minutes
# for the hundreds of thousands of people of the full dump.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_HEADER = (
    "# Built from a Wikidata JSON dump by `parley kb build --wikidata`.\n"
    "# Rebuilding overwrites this file: keep hand-made entries in another --kb folder.\n"
)

# The real dump writes each entity as {"type":"item","id":"Q42",...}: the id can be read
# from the first bytes, which lets the second pass skip most lines without parsing them.
_ID_PREFIX = re.compile(rb'^\s*\{\s*(?:"type"\s*:\s*"\w+"\s*,\s*)?"id"\s*:\s*"([A-Z]\d+)"')
_P31_SNAK = b'"property":"P31"'
_SNAK_SIZE = 300
_TIME = re.compile(r"^([+-])(\d+)-(\d\d)-(\d\d)T")
_LETTER = re.compile(r"[^\W\d_]")

# Wikidata time precisions.
_YEAR, _MONTH, _DAY = 9, 10, 11


@dataclass
class BuildReport:
    """What a build read, kept and skipped."""

    entities_read: int = 0
    """Entity lines of the dump (first pass), malformed ones apart."""
    malformed: int = 0
    """Lines that are not an entity: cut short, not JSON, or an object without an id."""
    kept: dict[str, int] = field(default_factory=dict)
    """Entries written, by kind (person, country, igo, group, media)."""
    skipped_no_label: int = 0
    """Selected entities with no label in the requested languages."""
    skipped_no_iso: int = 0
    """Countries without an ISO alpha-3 code (P298)."""
    duplicate_countries: int = 0
    """Countries whose alpha-3 code an earlier entity already had (the first one is kept)."""
    roles: int = 0
    roles_unlabelled: int = 0
    """P39 statements dropped because the position's label was not found."""
    passes: int = 0
    truncated: bool = False
    """The compressed dump ended early (an unfinished download): what came before was used."""
    lines_read: int = 0
    """Lines read over all passes."""
    files: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        """One human-readable paragraph, for the command line."""
        kept = ", ".join(f"{n} {kind}" for kind, n in sorted(self.kept.items())) or "nothing"
        return (
            f"Read {self.entities_read} entities ({self.malformed} malformed lines skipped) "
            f"in {self.passes} pass(es); kept {kept}; {self.roles} roles "
            f"({self.roles_unlabelled} without a position label dropped); skipped "
            f"{self.skipped_no_label} without a label, {self.skipped_no_iso} countries without "
            f"an ISO code, {self.duplicate_countries} duplicate countries."
            + (" The dump ended early (cut-off download?)." if self.truncated else "")
        )


# -- reading the dump ---------------------------------------------------------


def open_dump(path: Path) -> IO[bytes]:
    """The dump as a binary stream, decompressed on the fly for ``.gz`` and ``.bz2``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".gz":
        return gzip.open(path, "rb")
    if suffix in (".bz2", ".bz"):
        return bz2.open(path, "rb")
    return open(path, "rb")


def iter_lines(stream: Iterable[bytes], limit: Optional[int] = None) -> Iterator[bytes]:
    """The entity lines of a dump stream, without the array brackets and trailing commas.

    Iterates the stream line by line (never ``read()``), so memory stays constant.
    ``limit`` stops after that many entity lines.
    """
    count = 0
    for raw in stream:
        line = raw.strip()
        if line.endswith(b","):
            line = line[:-1].rstrip()
        if not line or line in (b"[", b"]"):
            continue
        if limit is not None and count >= limit:
            return
        count += 1
        yield line


def parse_entity(line: bytes) -> Optional[dict]:
    """The entity of one dump line, or None when the line is not an entity object."""
    try:
        entity = json.loads(line)
    except ValueError:  # includes UnicodeDecodeError
        return None
    if not isinstance(entity, dict) or not isinstance(entity.get("id"), str):
        return None
    return entity


def iter_entities(stream: Iterable[bytes], report: Optional[BuildReport] = None) -> Iterator[dict]:
    """Parsed entities of a dump stream; malformed lines are counted in ``report`` and skipped."""
    for line in iter_lines(stream):
        entity = parse_entity(line)
        if entity is None:
            if report is not None:
                report.malformed += 1
            continue
        yield entity


# -- statements ---------------------------------------------------------------


def _statements(entity: dict, prop: str) -> list[dict]:
    """The statements of ``prop`` that are not deprecated, preferred ones first.

    Where one value is needed the first one is taken; keeping the normal-rank ones behind
    lets a later value serve when the preferred one is of no use (a citizenship of a
    country that no longer has an ISO code).
    """
    found = [s for s in (entity.get("claims") or {}).get(prop) or [] if isinstance(s, dict)]
    found = [s for s in found if s.get("rank") != "deprecated"]
    return sorted(found, key=lambda s: s.get("rank") != "preferred")


def _value(snak: dict):
    """The value of a snak, or None for 'no value' / 'unknown value' snaks."""
    if not isinstance(snak, dict) or snak.get("snaktype", "value") != "value":
        return None
    return (snak.get("datavalue") or {}).get("value")


def _item_id(value) -> Optional[str]:
    if not isinstance(value, dict):
        return None
    if isinstance(value.get("id"), str):
        return value["id"]
    if value.get("numeric-id") is not None:
        return f"Q{value['numeric-id']}"
    return None


def _items(statements: list[dict]) -> list[str]:
    ids = (_item_id(_value(s.get("mainsnak"))) for s in statements)
    return [i for i in ids if i]


def _strings(statements: list[dict]) -> list[str]:
    values = (_value(s.get("mainsnak")) for s in statements)
    return [v for v in values if isinstance(v, str)]


def _in_languages(language: str, languages: tuple[str, ...]) -> bool:
    # "en-gb" text counts as English.
    return any(language == lang or language.startswith(lang + "-") for lang in languages)


def _monolingual(statements: list[dict], languages: tuple[str, ...]) -> list[str]:
    texts = []
    for s in statements:
        value = _value(s.get("mainsnak"))
        if isinstance(value, dict) and _in_languages(str(value.get("language", "")), languages):
            if isinstance(value.get("text"), str):
                texts.append(value["text"])
    return texts


def wikidata_date(value, end: bool = False) -> Optional[dt.date]:
    """A Wikidata time value as a date, or None when it is less precise than a year.

    A start is the first day of its period. An end is taken as the KB's exclusive end: a
    day stays as it is (Wikidata's end is the day the office changed hands, which is also
    when the successor starts), a month or year becomes the first day of the next one.
    """
    if not isinstance(value, dict) or not isinstance(value.get("time"), str):
        return None
    match = _TIME.match(value["time"])
    precision = value.get("precision", _DAY)
    if not match or match.group(1) == "-" or not isinstance(precision, int) or precision < _YEAR:
        return None
    year, month, day = (int(g) for g in match.group(2, 3, 4))
    if not 1 <= year <= 9999:
        return None
    try:
        if precision >= _DAY and month and day:
            return dt.date(year, month, day)
        if precision >= _MONTH and month:
            if end:
                return dt.date(year + month // 12, month % 12 + 1, 1)
            return dt.date(year, month, 1)
        return dt.date(year + 1 if end else year, 1, 1)
    except ValueError:  # 30 February, or the year after 9999
        return None


def _qualifier_date(statement: dict, prop: str, end: bool = False) -> Optional[dt.date]:
    for snak in (statement.get("qualifiers") or {}).get(prop) or []:
        day = wikidata_date(_value(snak), end=end)
        if day:
            return day
    return None


def names(entity: dict, languages: tuple[str, ...]) -> tuple[Optional[str], list[str]]:
    """(name, aliases): the label in the first language that has one, then the rest."""
    labels = entity.get("labels") or {}
    aliases = entity.get("aliases") or {}
    # "mul" is Wikidata's label for every language (names of people, mostly).
    order = [*languages, "mul"]
    forms: list[str] = []
    for lang in order:
        entry = labels.get(lang)
        if isinstance(entry, dict) and isinstance(entry.get("value"), str) and entry["value"].strip():
            forms.append(entry["value"])
    if not forms:
        return None, []  # aliases alone are too loose to name an actor
    for lang in order:
        for alias in aliases.get(lang) or []:
            if isinstance(alias, dict) and isinstance(alias.get("value"), str):
                forms.append(alias["value"])
    forms += _monolingual(_statements(entity, "P1813"), languages)
    name = forms[0].strip()
    seen = {normalise(name)}
    kept = []
    for form in forms[1:]:
        form = form.strip()
        key = normalise(form)
        # Aliases with no letter ("45") would match ordinary numbers in text.
        if key and key not in seen and _LETTER.search(form):
            seen.add(key)
            kept.append(form)
    return name, kept


def label(entity: dict, languages: tuple[str, ...]) -> Optional[str]:
    """The entity's label in the first language that has one."""
    return names(entity, languages)[0]


# -- sectors and classes ------------------------------------------------------


@dataclass
class Rules:
    """The data of ``wikidata_sectors.yaml``: kept classes and title-to-sector rules."""

    classes: dict[str, dict]
    positions: list[tuple[str, list[str]]]

    @classmethod
    def load(cls, path: Path = SECTORS_FILE) -> "Rules":
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        positions = [
            (rule["sector"], [f" {normalise(p)} " for p in rule.get("phrases") or []])
            for rule in data.get("positions") or []
        ]
        return cls(classes=dict(data.get("classes") or {}), positions=positions)

    def __post_init__(self):
        self._needles = tuple(f'"{qid}"'.encode() for qid in self.classes)

    def may_be_kept(self, line: bytes) -> bool:
        """False when a dump line surely has none of the kept classes and no ISO code.

        A cheap test before parsing: about four times faster than parsing the JSON.
        Searching the whole line for the class ids is slow (item ids are everywhere in
        it), so they are looked for near each P31 snak only: an item-valued snak is a
        small object (under 300 bytes), so its value lies within that distance of its
        ``"property":"P31"`` key whatever the order of the keys. A line with "P31" in
        another layout (spaces after colons) is searched whole.
        """
        start = line.find(_P31_SNAK)
        if start == -1:
            if b'"P31"' in line and any(n in line for n in self._needles):
                return True
        while start != -1:
            window = line[max(0, start - _SNAK_SIZE): start + _SNAK_SIZE]
            if any(n in window for n in self._needles):
                return True
            start = line.find(_P31_SNAK, start + 1)
        return b'"P298"' in line

    def kind_of(self, entity: dict) -> Optional[tuple[str, dict]]:
        """(class QID, its settings) for the first listed class the entity is an instance of."""
        instance_of = set(_items(_statements(entity, "P31")))
        for qid, settings in self.classes.items():
            if qid in instance_of:
                return qid, settings
        return None

    def sector_of(self, title: str) -> Optional[str]:
        """The sector of a position's title, from the first rule with a phrase in it."""
        text = f" {normalise(title)} "
        for sector, phrases in self.positions:
            if any(p in text for p in phrases):
                return sector
        return None


# -- the build ----------------------------------------------------------------


@dataclass
class _Person:
    qid: str
    name: str
    aliases: list[str]
    citizenship: list[str]
    positions: list[tuple[str, Optional[dt.date], Optional[dt.date]]]


@dataclass
class _Kept:
    """What pass 1 keeps: built entries, and the QIDs they refer to."""

    people: list[_Person] = field(default_factory=list)
    countries: dict[str, tuple[Entry, Optional[str]]] = field(default_factory=dict)
    others: list[tuple[str, Entry, list[str]]] = field(default_factory=list)
    iso: dict[str, str] = field(default_factory=dict)  # any QID with a P298 -> alpha-3

    def referenced(self) -> set[str]:
        ids = {pos for p in self.people for pos, _, _ in p.positions}
        ids |= {capital for _, capital in self.countries.values() if capital}
        return ids


class _Progress:
    def __init__(self, callback: Optional[Callable[[int], None]], report: BuildReport):
        self.callback, self.report = callback, report

    def tick(self) -> None:
        self.report.lines_read += 1
        if self.callback and self.report.lines_read % PROGRESS_EVERY == 0:
            self.callback(self.report.lines_read)

    def done(self) -> None:
        if self.callback:
            self.callback(self.report.lines_read)


def _dump_lines(dump: Path, limit: Optional[int], report: BuildReport, progress: _Progress) -> Iterator[bytes]:
    """The entity lines of the dump file, ticking progress; a cut-off compressed file ends them."""
    with open_dump(dump) as stream:
        try:
            for line in iter_lines(stream, limit):
                progress.tick()
                yield line
        except EOFError:  # gzip/bz2 stream cut short: keep what was read
            report.truncated = True


def _first_pass(dump, rules, languages, limit, report, progress) -> _Kept:
    kept = _Kept()
    for line in _dump_lines(dump, limit, report, progress):
        # A line cut short is the usual damage (an interrupted download): cheap to see.
        if not (line.startswith(b"{") and line.endswith(b"}")):
            report.malformed += 1
            continue
        # Most of Wikidata (articles, genes, stars...) is of none of the kept classes
        # and has no ISO code: those lines are skipped unparsed.
        if not rules.may_be_kept(line):
            report.entities_read += 1
            continue
        entity = parse_entity(line)
        if entity is None:
            report.malformed += 1
            continue
        report.entities_read += 1
        codes = _strings(_statements(entity, "P298"))
        if codes:
            kept.iso.setdefault(entity["id"], codes[0].upper())
        found = rules.kind_of(entity)
        if found is not None:
            _keep(entity, found[1], languages, kept, report)
    progress.done()
    return kept


def _keep(entity: dict, settings: dict, languages, kept: _Kept, report: BuildReport) -> None:
    kind = settings.get("kind", "other")
    positions = _statements(entity, "P39") if kind == "person" else []
    if kind == "person" and not positions:
        return  # a human who held no position is not a political actor for Parley
    name, aliases = names(entity, languages)
    if name is None:
        report.skipped_no_label += 1
        return
    qid = entity["id"]
    if kind == "person":
        kept.people.append(
            _Person(
                qid=qid,
                name=name,
                aliases=aliases,
                citizenship=_items(_statements(entity, "P27")),
                positions=[
                    (pos, _qualifier_date(s, "P580"), _qualifier_date(s, "P582", end=True))
                    for s in positions
                    if (pos := _item_id(_value(s.get("mainsnak"))))
                ],
            )
        )
        return
    if kind == "country":
        codes = _strings(_statements(entity, "P298"))
        if not codes:
            report.skipped_no_iso += 1
            return
        code = codes[0].upper()
        if code in kept.countries:
            report.duplicate_countries += 1
            return
        entry = Entry(
            id=code, name=name, type="country", wikidata=qid, aliases=aliases,
            demonyms=_dedupe(_monolingual(_statements(entity, "P1549"), languages)),
        )
        capitals = _items(_statements(entity, "P36"))
        kept.countries[code] = (entry, capitals[0] if capitals else None)
        return
    entry = Entry(id=qid, name=name, type=kind, sector=settings.get("sector"), wikidata=qid, aliases=aliases)
    kept.others.append((settings.get("file", "organisations"), entry, _items(_statements(entity, "P17") or _statements(entity, "P495"))))


def _dedupe(forms: list[str]) -> list[str]:
    seen, out = set(), []
    for form in forms:
        if normalise(form) not in seen:
            seen.add(normalise(form))
            out.append(form)
    return out


def _second_pass(dump, needed: set[str], languages, limit, report, progress) -> dict[str, tuple[Optional[str], list[str]]]:
    """Label and jurisdiction QIDs of the ``needed`` items."""
    found: dict[str, tuple[Optional[str], list[str]]] = {}
    for line in _dump_lines(dump, limit, report, progress):
        head = _ID_PREFIX.match(line)
        if head is not None and head.group(1).decode() not in needed:
            continue
        entity = parse_entity(line)
        if entity is None or entity["id"] not in needed:
            continue
        where = _items(_statements(entity, "P1001")) + _items(_statements(entity, "P17"))
        found[entity["id"]] = (label(entity, languages), where)
        if len(found) == len(needed):
            break  # every position and capital is known: the rest of the dump is not needed
    progress.done()
    return found


def _load_overrides(path: Optional[Path]) -> dict[str, dict]:
    """``position_labels``: a YAML mapping of QID to a title, or to {title, country}."""
    if path is None:
        return {}
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of position QIDs to titles")
    out = {}
    for qid, value in data.items():
        out[str(qid)] = {"title": value} if isinstance(value, str) else dict(value or {})
    return out


def _country(qids: list[str], iso: dict[str, str]) -> Optional[str]:
    return next((iso[q] for q in qids if q in iso), None)


def _numeric(qid: str) -> tuple[int, str]:
    digits = qid[1:]
    return (int(digits) if digits.isdigit() else 0, qid)


def build_from_wikidata(
    dump: Path,
    out_dir: Path,
    *,
    languages: Iterable[str] = ("en",),
    limit: Optional[int] = None,
    position_labels: Optional[Path] = None,
    progress: Optional[Callable[[int], None]] = None,
) -> BuildReport:
    """Build a KB folder from a Wikidata JSON dump; return what was read, kept and skipped.

    ``dump``: a ``.json`` dump, or ``.json.gz`` / ``.json.bz2`` (decompressed on the fly).
    ``out_dir``: created if needed; ``people.yaml``, ``countries.yaml``, ``igos.yaml``,
    ``organisations.yaml`` and ``media.yaml`` are (over)written there, in the format
    :class:`parley.kb.KnowledgeBase` loads.
    ``languages``: label languages, in order of preference (the first found is the name).
    ``limit``: read at most this many entities of the dump (in each pass), to try it out.
    ``position_labels``: a YAML mapping ``Q11696: President of the United States`` (or
    ``Q11696: {title: ..., country: USA}``) whose titles win over the dump's labels; when it
    covers every position and capital, the second pass is skipped.
    ``progress``: called with the number of lines read so far (over both passes), every
    :data:`PROGRESS_EVERY` lines and at the end of each pass.

    Malformed lines are counted in the report, never fatal.
    """
    languages = tuple(languages)
    rules = Rules.load()
    report = BuildReport()
    ticker = _Progress(progress, report)

    kept = _first_pass(Path(dump), rules, languages, limit, report, ticker)
    report.passes = 1
    overrides = _load_overrides(position_labels)
    needed = {q for q in kept.referenced() if "title" not in overrides.get(q, {})}
    resolved = {}
    if needed:
        resolved = _second_pass(Path(dump), needed, languages, limit, report, ticker)
        report.passes = 2

    entries: dict[str, list[Entry]] = {name: [] for name in OUTPUT_FILES}
    for person in sorted(kept.people, key=lambda p: _numeric(p.qid)):
        entries["people"].append(_person_entry(person, kept.iso, resolved, overrides, rules, report))
    for code in sorted(kept.countries):
        entry, capital = kept.countries[code]
        if capital:
            entry.capital = (overrides.get(capital) or {}).get("title") or resolved.get(capital, (None, []))[0]
        entries["countries"].append(entry)
    for file, entry, where in sorted(kept.others, key=lambda k: _numeric(k[1].id)):
        entry.country = _country(where, kept.iso)
        entries.setdefault(file, []).append(entry)

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for file, items in entries.items():
        path = out_dir / f"{file}.yaml"
        _write_entries(path, items)
        report.files.append(path)
        for e in items:
            report.kept[e.type] = report.kept.get(e.type, 0) + 1
    return report


def _write_entries(path: Path, items: list[Entry]) -> None:
    """Write entries as a YAML list, one at a time (the whole document never sits in memory)."""
    with path.open("w", encoding="utf-8") as out:
        out.write(_HEADER)
        if not items:
            out.write("[]\n")
        for entry in items:
            # A one-item list per call: the concatenation is the YAML list of all entries.
            out.write(yaml.dump([entry_to_dict(entry)], Dumper=_DUMPER, allow_unicode=True,
                                sort_keys=False, width=100))


def _person_entry(person: _Person, iso, resolved, overrides, rules: Rules, report: BuildReport) -> Entry:
    country = _country(person.citizenship, iso)
    roles = []
    for pos, start, end in person.positions:
        override = overrides.get(pos, {})
        title, where = resolved.get(pos, (None, []))
        title = override.get("title") or title
        if not title:
            report.roles_unlabelled += 1
            continue
        role = Role(
            title=title,
            country=override.get("country") or _country(where, iso),
            sector=override.get("sector") or rules.sector_of(title),
            start=start,
            end=end,
        )
        if role not in roles:
            roles.append(role)
    roles.sort(key=lambda r: (r.start or dt.date.min, r.end or dt.date.max, r.title))
    report.roles += len(roles)
    return Entry(
        id=person.qid, name=person.name, type="person", country=country,
        wikidata=person.qid, aliases=person.aliases, roles=roles,
    )
