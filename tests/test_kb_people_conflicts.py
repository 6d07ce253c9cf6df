"""Checks on the people files for parties to current conflicts, mediators and elected Security Council members.

They test the data in ``kb/data/actors/people/<iso3>.yaml`` through the loader: spellings resolve to
one person, the role held on a date is the right one (Zelenskiy on the acceptance example's date,
al-Sharaa's move from rebel leader to head of state, no role after a death), and the files are
consistent (every person has a country and a role, dated intervals are well formed).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import lru_cache

import pycountry
import pytest
import yaml

from parley.kb import DATA_DIR, entry_from_dict, normalise

PEOPLE_DIR = DATA_DIR / "people"
# The files this suite owns (G20 countries, the EU, the UN and NATO are covered elsewhere).
FILES = (
    "ukr isr pse irn lbn yem syr sdn cod rwa eth arm aze blr prk twn ven pak afg mmr qat egy are omn "
    "hun pol irq jor srb geo mda dza dnk grc pan som svn guy sle che ecu moz mlt alb gab gha bhr col "
    "lva lbr ken ago"
).split()
SECTORS = {"GOV", "MIL", "REB", "INS", "SPY", "LEG", "OPP", "JUD", "IGO", "REL"}
ISO3 = {c.alpha_3 for c in pycountry.countries}


# The C parser when PyYAML was built with it: the pure-Python one is slow on these files.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def _raw(name: str) -> list[dict]:
    return yaml.load((PEOPLE_DIR / f"{name}.yaml").read_text(encoding="utf-8"), Loader=_LOADER) or []


@pytest.fixture(scope="module")
def entries():
    """Every entry of the owned files, built with the loader's own constructor."""
    return [entry_from_dict(raw) for name in FILES for raw in _raw(name)]


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# -- the acceptance example: Zelenskiy on 2024-12-08 ------------------------------------------


def test_zelenskiy_is_president_on_the_example_date(kb):
    role = kb.get("volodymyr-zelenskiy").role_on(d("2024-12-08"))
    assert (role.title, role.country, role.sector) == ("President of Ukraine", "UKR", "GOV")


@pytest.mark.parametrize("form", ["Zelensky", "Zelenskyy", "Zelenskiy", "Volodymyr Zelensky", "Vladimir Zelensky"])
def test_zelenskiy_spellings(kb, form):
    assert kb.lookup(form) == {"volodymyr-zelenskiy"}


def test_zelenskiy_surname(kb):
    assert "volodymyr-zelenskiy" in kb.by_surname["zelenskiy"]
    assert "volodymyr-zelenskiy" in kb.by_surname["zelensky"]


# -- spellings and second mentions -------------------------------------------------------------


@pytest.mark.parametrize(
    "form, actor_id",
    [
        ("Oleksandr Syrsky", "oleksandr-syrskyi"), ("Syrskii", "oleksandr-syrskyi"),
        ("Andrii Yermak", "andriy-yermak"), ("Kirill Budanov", "kyrylo-budanov"),
        ("Dmitry Kuleba", "dmytro-kuleba"), ("Andriy Sybiha", "andrii-sybiha"),
        ("Bibi", "benjamin-netanyahu"), ("Gideon Sa'ar", "gideon-saar"),
        ("Abu Mazen", "mahmoud-abbas"), ("Ismail Haniya", "ismail-haniyeh"),
        ("Abbas Araghchi", "abbas-araqchi"), ("Hossein Amirabdollahian", "hossein-amir-abdollahian"),
        ("Naim Kassem", "naim-qassem"), ("Abdul-Malik al-Houthi", "abdul-malik-al-houthi"),
        ("Abu Mohammed al-Jolani", "ahmed-al-sharaa"), ("Ahmed al-Shara", "ahmed-al-sharaa"),
        ("Hemedti", "mohamed-hamdan-dagalo"), ("Mohamed Hamdan Daglo", "mohamed-hamdan-dagalo"),
        ("Abdel Fattah al-Burhan", "abdel-fattah-al-burhan"), ("Félix Tshisekedi", "felix-tshisekedi"),
        ("Alyaksandr Lukashenka", "alexander-lukashenko"), ("Kim Jong-un", "kim-jong-un"),
        ("William Lai", "lai-ching-te"), ("Nicolás Maduro", "nicolas-maduro"),
        ("Viktor Orbán", "viktor-orban"), ("Aleksandar Vučić", "aleksandar-vucic"),
        ("Radosław Sikorski", "radoslaw-sikorski"), ("Abdel Fattah el-Sisi", "abdel-fattah-al-sisi"),
        ("MBZ", "mohamed-bin-zayed-al-nahyan"), ("Sheikh Tamim", "tamim-bin-hamad-al-thani"),
    ],
)
def test_spelling_variants(kb, form, actor_id):
    assert kb.lookup(form) == {actor_id}


@pytest.mark.parametrize(
    "surname, actor_id",
    [
        ("Burhan", "abdel-fattah-al-burhan"), ("Sharaa", "ahmed-al-sharaa"), ("Dagalo", "mohamed-hamdan-dagalo"),
        ("Qassem", "naim-qassem"), ("Kassem", "naim-qassem"), ("Araqchi", "abbas-araqchi"),
        ("Araghchi", "abbas-araqchi"), ("Orban", "viktor-orban"), ("Vucic", "aleksandar-vucic"),
        ("Abiy", "abiy-ahmed"), ("Min Aung Hlaing", "min-aung-hlaing"), ("Lai", "lai-ching-te"),
        ("Sinwar", "yahya-sinwar"), ("Haniyeh", "ismail-haniyeh"), ("Syrskyi", "oleksandr-syrskyi"),
    ],
)
def test_second_mentions(kb, surname, actor_id):
    assert actor_id in kb.by_surname[normalise(surname)]


def test_houthi_alone_is_not_the_leader(kb):
    # "Houthi" is the movement's adjective; it must not resolve to Abdul Malik al-Houthi as a surname.
    assert "abdul-malik-al-houthi" not in kb.by_surname.get("houthi", set())


# -- roles on a date ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "actor_id, day, title, sector",
    [
        ("benjamin-netanyahu", "2024-12-08", "Prime Minister of Israel", "GOV"),
        ("benjamin-netanyahu", "2022-01-01", "Leader of Israel's opposition", "OPP"),
        ("ahmed-al-sharaa", "2023-01-01", "Leader of Hayat Tahrir al-Sham", "REB"),
        ("ahmed-al-sharaa", "2024-12-20", "Syria's de facto leader", "GOV"),
        ("ahmed-al-sharaa", "2025-06-01", "President of Syria", "GOV"),
        ("mohamed-hamdan-dagalo", "2018-01-01", "Commander of Sudan's Rapid Support Forces", "MIL"),
        ("mohamed-hamdan-dagalo", "2022-01-01", "Deputy head of Sudan's Sovereign Council", "GOV"),
        ("mohamed-hamdan-dagalo", "2023-06-01", "Commander of Sudan's Rapid Support Forces", "REB"),
        ("hibatullah-akhundzada", "2020-01-01", "Taliban supreme leader", "INS"),
        ("hibatullah-akhundzada", "2022-01-01", "Taliban supreme leader", "GOV"),
        ("israel-katz", "2024-06-01", "Foreign Minister of Israel", "GOV"),
        ("israel-katz", "2025-01-01", "Defence Minister of Israel", "GOV"),
        ("dmytro-kuleba", "2023-06-01", "Foreign Minister of Ukraine", "GOV"),
        ("andrii-sybiha", "2024-12-08", "Foreign Minister of Ukraine", "GOV"),
        ("oleksandr-syrskyi", "2024-12-08", "Commander-in-Chief of Ukraine's Armed Forces", "MIL"),
        ("masoud-pezeshkian", "2024-12-08", "President of Iran", "GOV"),
        ("naim-qassem", "2024-12-08", "Hezbollah Secretary-General", "REB"),
        ("joseph-aoun", "2024-12-08", "Commander of the Lebanese Army", "MIL"),
        ("joseph-aoun", "2025-02-01", "President of Lebanon", "GOV"),
        ("karol-nawrocki", "2025-09-01", "President of Poland", "GOV"),
        ("andrzej-duda", "2024-12-08", "President of Poland", "GOV"),
        ("alain-berset", "2023-06-01", "President of the Swiss Confederation", "GOV"),
    ],
)
def test_role_on(kb, actor_id, day, title, sector):
    role = kb.get(actor_id).role_on(d(day))
    assert (role.title, role.sector) == (title, sector)


@pytest.mark.parametrize(
    "actor_id, last_day",
    [
        ("ebrahim-raisi", "2024-05-18"),          # killed in a helicopter crash on 19 May 2024
        ("hassan-nasrallah", "2024-09-26"),       # killed in an Israeli strike on 27 September 2024
        ("ismail-haniyeh", "2024-07-30"),         # killed in Tehran on 31 July 2024
        ("yahya-sinwar", "2024-10-15"),           # killed in Rafah on 16 October 2024
        ("bashar-al-assad", "2024-12-07"),        # fled Damascus on 8 December 2024
        ("yoav-gallant", "2024-11-06"),
    ],
)
def test_no_role_after_the_end(kb, actor_id, last_day):
    entry = kb.get(actor_id)
    last = d(last_day)
    assert entry.role_on(last) is not None
    for offset in (1, 2, 30, 400, 800):
        assert entry.role_on(last + dt.timedelta(days=offset)) is None, offset
    assert entry.role_on(None) is None  # no open role either


def test_berset_is_not_swiss_president_in_2024(kb):
    # Yearly rotation: the 2023 presidency ended, his next role is an IGO one.
    role = kb.get("alain-berset").role_on(d("2024-10-01"))
    assert (role.title, role.sector) == ("Secretary General of the Council of Europe", "IGO")


# -- consistency of the files ------------------------------------------------------------------


def test_enough_people(entries):
    assert len(entries) >= 130


def test_every_file_exists_and_matches_its_country(entries):
    for name in FILES:
        raws = _raw(name)
        assert raws, name
        # Each file holds people of its own country (nationality may differ for a role abroad).
        assert {raw["country"] for raw in raws} == {name.upper()}, name


def test_every_person_has_a_country_and_a_role(entries):
    bad = [e.id for e in entries if e.type != "person" or e.country not in ISO3 or not e.roles]
    assert not bad


def test_ids_are_slugs_and_unique(entries):
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids))
    assert all(i == normalise(i).replace(" ", "-") for i in ids)


def test_roles_are_well_formed(entries):
    bad = []
    for e in entries:
        for r in e.roles:
            if r.start is None or (r.end is not None and not r.start < r.end):
                bad.append((e.id, r.title, "dates"))
            if r.sector not in SECTORS:
                bad.append((e.id, r.title, r.sector))
            if r.country is not None and r.country not in ISO3:
                bad.append((e.id, r.title, r.country))
    assert not bad


def test_same_title_intervals_do_not_overlap(entries):
    bad = []
    for e in entries:
        by_title = defaultdict(list)
        for r in e.roles:
            by_title[r.title].append(r)
        for title, roles in by_title.items():
            roles.sort(key=lambda r: r.start)
            for before, after in zip(roles, roles[1:]):
                if before.end is None or before.end > after.start:
                    bad.append((e.id, title))
    assert not bad


def test_every_alias_resolves_to_its_person(kb, entries):
    # An alias another actor also claims would make lookups ambiguous.
    clashes = [(e.id, a, kb.lookup(a)) for e in entries for a in e.aliases if kb.lookup(a) != {e.id}]
    assert not clashes
