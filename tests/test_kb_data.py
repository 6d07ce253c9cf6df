"""Checks on the bundled actor data files (countries, IGOs, platforms, organisations, agents, people).

These test the data, not the loader: every ISO country is present, codes are valid, ids are
unique across files, and the lookups the extractors rely on give the expected actors.
"""

from __future__ import annotations

import re
from collections import Counter

import pycountry
import pytest
import yaml

from parley.kb import DATA_DIR, LEXICON_DIR, normalise

# The agent codes the project uses (CAMEO/PLOVER sectors).
ALLOWED_SECTORS = {
    "GOV", "MIL", "REB", "INS", "SPY", "JRN", "IGO", "NGO", "OPP", "PTY", "BUS", "CVL",
    "JUD", "LEG", "POL", "REL", "EDU", "MED", "LAB", "CRM", "REF", "ELI", "SEP", "UAF",
    "AGR", "ENV", "HLH", "DEV", "HRI", "MOD", "RAD",
}
EXTRA_CODES = {"XKX"}  # Kosovo: user-assigned code, not in ISO 3166-1
VALID_COUNTRIES = {c.alpha_3 for c in pycountry.countries} | EXTRA_CODES
QID = re.compile(r"^Q\d+$")


def _entry_files():
    return sorted(p for p in DATA_DIR.rglob("*.y*ml") if p.stem != "agents")


def _raw_entries():
    for path in _entry_files():
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            yield path, raw


@pytest.fixture(scope="module")
def agents():
    return yaml.safe_load((DATA_DIR / "agents.yaml").read_text(encoding="utf-8"))


def test_every_iso_country_is_present(kb):
    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in kb]
    assert not missing
    for code in [c.alpha_3 for c in pycountry.countries] + ["XKX"]:
        entry = kb.get(code)
        assert entry.type == "country", code
        assert entry.country == code, code


def test_common_names_are_used(kb):
    expected = {
        "RUS": "Russia", "KOR": "South Korea", "PRK": "North Korea", "IRN": "Iran",
        "SYR": "Syria", "TWN": "Taiwan", "VNM": "Vietnam", "BOL": "Bolivia",
        "TZA": "Tanzania", "LAO": "Laos", "MDA": "Moldova", "GBR": "United Kingdom",
        "USA": "United States", "XKX": "Kosovo", "PSE": "Palestine",
    }
    assert {code: kb.get(code).name for code in expected} == expected


def test_country_codes_are_valid_alpha3():
    bad = []
    for path, raw in _raw_entries():
        codes = [raw.get("country")] + [r.get("country") for r in raw.get("roles") or []]
        bad += [(path.name, raw["id"], c) for c in codes if c is not None and c not in VALID_COUNTRIES]
    assert not bad


def test_ids_are_unique_across_files():
    # The loader lets a later entry override an earlier one silently; the bundled data must not.
    # Files named "_*.yaml" are format examples, allowed to repeat an entry of a real file.
    counts = Counter(raw["id"] for path, raw in _raw_entries() if not path.name.startswith("_"))
    assert not [i for i, n in counts.items() if n > 1]


@pytest.mark.parametrize(
    "word, code",
    [
        ("Ukrainian", "UKR"), ("Ukrainians", "UKR"), ("Russian", "RUS"), ("British", "GBR"),
        ("Briton", "GBR"), ("American", "USA"), ("Americans", "USA"), ("Chinese", "CHN"),
        ("Israeli", "ISR"), ("Iranian", "IRN"), ("Palestinian", "PSE"), ("Palestinians", "PSE"),
        ("French", "FRA"), ("German", "DEU"), ("Turkish", "TUR"), ("Saudi", "SAU"),
        ("North Korean", "PRK"), ("South Korean", "KOR"), ("Congolese", "COD"), ("Emirati", "ARE"),
        ("Dutch", "NLD"), ("Filipino", "PHL"), ("Kosovar", "XKX"), ("Yemeni", "YEM"),
    ],
)
def test_demonyms(kb, word, code):
    assert kb.country_of_demonym(word) == code


def test_each_demonym_names_one_country(kb):
    # The index keeps the first country for a demonym; two countries sharing one is a data bug.
    wrong = [
        (e.id, d, kb.country_of_demonym(d))
        for e in kb.countries()
        for d in e.demonyms
        if kb.country_of_demonym(d) != e.id
    ]
    assert not wrong


@pytest.mark.parametrize(
    "text, actor_id",
    [
        ("Kremlin", "kremlin"), ("the Kremlin", "kremlin"), ("Kyiv", "UKR"), ("Kiev", "UKR"),
        ("Moscow", "RUS"), ("Washington", "USA"), ("Beijing", "CHN"), ("Jerusalem", "ISR"),
        ("Pyongyang", "PRK"), ("Tehran", "IRN"), ("U.S.", "USA"), ("Britain", "GBR"),
        ("Russian Federation", "RUS"), ("DPRK", "PRK"), ("Türkiye", "TUR"),
        ("Russian Foreign Ministry", "rus-foreign-ministry"),
        ("Russia's Foreign Ministry", "rus-foreign-ministry"),
        ("Russian Defense Ministry", "rus-defence-ministry"),
        ("State Department", "usa-foreign-ministry"), ("Pentagon", "usa-defence-ministry"),
        ("NATO", "nato"), ("Truth Social", "truth-social"), ("Twitter", "x"),
        ("IDF", "idf"), ("Ansar Allah", "houthis"), ("ISIL", "islamic-state"),
        ("Reuters", "reuters"), ("AP", "associated-press"),
    ],
)
def test_lookup(kb, text, actor_id):
    assert kb.lookup(text) == {actor_id}


def test_ambiguous_forms_need_context(kb):
    assert "x" not in kb.by_alias
    assert "x" in kb.context_aliases["x"]
    for word in ["Chad", "Georgia", "Jordan", "Turkey", "Guinea", "WHO", "Congo"]:
        key = normalise(word)
        assert key not in kb.by_alias, word
        assert key in kb.context_aliases, word


def test_ambiguous_forms_are_names_of_their_entry(kb):
    # An `ambiguous` form that is not one of the entry's names would never be indexed.
    orphans = []
    for e in kb.entries.values():
        names = {normalise(n) for n in e.names + e.context}
        orphans += [(e.id, a) for a in e.ambiguous if normalise(a) not in names]
    assert not orphans


def test_no_surface_form_names_two_non_person_actors(kb):
    shared = {
        key: ids
        for key, ids in kb.by_alias.items()
        if len([i for i in ids if kb.get(i).type != "person"]) > 1
    }
    assert not shared


def test_sectors_are_known_codes(kb, agents):
    used = {e.sector for e in kb.entries.values()} | {r.sector for e in kb.entries.values() for r in e.roles}
    assert used - {None} <= ALLOWED_SECTORS
    agent_codes = set(agents["sectors"].values()) | set(agents["titles"].values())
    assert agent_codes - {None} <= ALLOWED_SECTORS
    assert all(kb.get(code).sector is None for code in ("UKR", "RUS", "USA"))


def test_wikidata_ids_are_qids(kb):
    assert not [(e.id, e.wikidata) for e in kb.entries.values() if e.wikidata and not QID.match(e.wikidata)]
    known = {"UKR": "Q212", "RUS": "Q159", "USA": "Q30", "CHN": "Q148", "FRA": "Q142", "nato": "Q7184"}
    assert {i: kb.get(i).wikidata for i in known} == known


def test_entry_types_and_sectors_by_file(kb):
    assert kb.get("nato").type == "igo" and kb.get("nato").sector == "IGO"
    assert kb.get("icrc").type == "organisation" and kb.get("icrc").sector == "NGO"
    assert kb.get("x").type == "media" and kb.get("x").sector is None
    assert kb.get("reuters").sector == "JRN" and kb.get("reuters").country == "GBR"
    assert (kb.get("kremlin").country, kb.get("kremlin").sector) == ("RUS", "GOV")
    assert kb.get("hamas").type == "group"


def test_sovereign_states_have_demonyms_and_capitals(kb):
    # Territories may lack a demonym; a country with a government metonym must have both.
    # Congo-Brazzaville and Dominica share "Congolese" and "Dominican" with a larger neighbour.
    shared = {"COG", "DMA"}
    lacking = [
        e.id for e in kb.countries() if e.metonyms and e.id not in shared and not (e.demonyms and e.capital)
    ]
    assert not lacking
    assert kb.get("UKR").capital == "Kyiv"
    assert kb.get("ISR").metonyms == ["Jerusalem"]


def test_agents_file(agents):
    sectors, titles = agents["sectors"], agents["titles"]
    assert len(sectors) >= 60 and len(titles) >= 40
    assert all(key == key.lower().strip() for key in list(sectors) + list(titles))
    assert sectors["army"] == "MIL" and sectors["rebel"] == "REB" and sectors["ministry"] == "GOV"
    assert titles["president"] == "GOV" and titles["general"] == "MIL"


def _booleans(node, path=""):
    """Where a YAML 1.1 boolean stands in a data file: unquoted on/off/yes/no in a list or as a key."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, bool):
                yield f"{path}/{key} (key)"
            yield from _booleans(value, f"{path}/{key}")
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, bool):
                yield f"{path}[{item}]"
            else:
                yield from _booleans(item, path)


def test_no_word_list_holds_a_yaml_boolean():
    # PyYAML reads an unquoted `on`, `off`, `yes` or `no` as a boolean: a word list with a bare
    # `on` silently loses the preposition. Data files quote such words.
    found = [f"{path.relative_to(DATA_DIR.parent)}{where}"
             for path in sorted([*DATA_DIR.rglob("*.yaml"), *LEXICON_DIR.rglob("*.yaml")])
             for where in _booleans(yaml.safe_load(path.read_text(encoding="utf-8")))]
    assert found == []
