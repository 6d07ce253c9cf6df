"""The bundled people of the knowledge base: roles on known dates, name variants, data sanity.

The dated checks are facts a wire story depends on (Trump was President-elect on
2024-12-08); the sanity checks run over every person in the bundled files, so a typo
in any YAML file (an end before its start, two overlapping tenures of one office, a
person with no role) fails here rather than as a wrong actor code downstream.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest
import yaml

from parley.kb import DATA_DIR, load_kb, normalise

D = dt.date.fromisoformat
# libyaml's loader when PyYAML was built with it: the pure-Python one takes seconds here.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# (person id, day, expected title or None when no role is held, expected sector)
ROLES_ON = [
    ("donald-trump", "2024-12-08", "President-elect of the United States", "GOV"),
    ("donald-trump", "2019-06-01", "President of the United States", "GOV"),
    ("donald-trump", "2025-03-01", "President of the United States", "GOV"),
    ("joe-biden", "2024-12-08", "President of the United States", "GOV"),
    ("joe-biden", "2025-03-01", None, None),
    ("olaf-scholz", "2024-12-08", "Chancellor of Germany", "GOV"),
    ("friedrich-merz", "2025-05-06", "Chancellor of Germany", "GOV"),
    ("friedrich-merz", "2025-05-05", "Leader of the Christian Democratic Union of Germany", "OPP"),
    ("dmitry-peskov", "2024-12-08", "Kremlin spokesman", "GOV"),
    ("emmanuel-macron", "2024-12-08", "President of France", "GOV"),
    ("keir-starmer", "2024-12-08", "Prime Minister of the United Kingdom", "GOV"),
    ("keir-starmer", "2024-07-05", "Prime Minister of the United Kingdom", "GOV"),
    ("keir-starmer", "2024-07-04", "Leader of the Opposition of the United Kingdom", "OPP"),
    ("rishi-sunak", "2023-06-01", "Prime Minister of the United Kingdom", "GOV"),
    ("vladimir-putin", "2024-12-08", "President of Russia", "GOV"),
    ("sergei-lavrov", "2016-03-01", "Foreign Minister of Russia", "GOV"),
    ("sergei-shoigu", "2023-01-01", "Defence Minister of Russia", "GOV"),
    ("sergei-shoigu", "2025-01-01", "Secretary of the Security Council of Russia", "GOV"),
    ("valery-gerasimov", "2024-12-08", "Chief of the General Staff of Russia", "MIL"),
    ("wang-yi", "2023-03-01", "Director of the Office of the Central Foreign Affairs Commission of China", "GOV"),
    ("wang-yi", "2024-01-01", "Foreign Minister of China", "GOV"),
    ("mohammed-bin-salman", "2023-01-01", "Prime Minister of Saudi Arabia", "GOV"),
    ("recep-tayyip-erdogan", "2020-01-01", "President of Turkey", "GOV"),
    ("mark-rutte", "2024-12-08", "Secretary General of NATO", "IGO"),
    ("jens-stoltenberg", "2023-06-01", "Secretary General of NATO", "IGO"),
    ("yoon-suk-yeol", "2025-06-01", None, None),
]


@pytest.fixture(scope="module")
def people(kb):
    return [e for e in kb.entries.values() if e.type == "person"]


@pytest.mark.parametrize("actor_id, day, title, sector", ROLES_ON)
def test_role_on_known_dates(kb, actor_id, day, title, sector):
    entry = kb.get(actor_id)
    assert entry is not None, actor_id
    role = entry.role_on(D(day))
    if title is None:
        assert role is None, (actor_id, day, role)
        return
    assert role is not None, (actor_id, day)
    assert (role.title, role.sector) == (title, sector)


def test_scholz_is_not_chancellor_after_merz_took_over(kb):
    role = kb.get("olaf-scholz").role_on(D("2025-06-01"))
    assert role is None or role.title != "Chancellor of Germany"
    assert kb.get("friedrich-merz").role_on(D("2025-06-01")).title == "Chancellor of Germany"


def test_igo_roles_have_no_country_but_the_person_has_a_nationality(kb):
    guterres = kb.get("antonio-guterres")
    role = guterres.role_on(D("2024-12-08"))
    assert role.title == "Secretary-General of the United Nations"
    assert role.country is None and role.sector == "IGO"
    assert guterres.country == "PRT"


def test_trump_is_the_only_trump_and_the_example_file_is_gone(kb):
    assert not (DATA_DIR / "people" / "_example_usa.yaml").exists()
    assert kb.by_surname[normalise("Trump")] == {"donald-trump"}


@pytest.mark.parametrize("surname, actor_id", [
    ("Peskov", "dmitry-peskov"),
    ("Lavrov", "sergei-lavrov"),
    ("Macron", "emmanuel-macron"),
    ("Erdogan", "recep-tayyip-erdogan"),
    ("Erdoğan", "recep-tayyip-erdogan"),
    ("bin Salman", "mohammed-bin-salman"),
    ("von der Leyen", "ursula-von-der-leyen"),
    ("Xi", "xi-jinping"),
    ("Lula", "luiz-inacio-lula-da-silva"),
])
def test_surname_resolves_uniquely(kb, surname, actor_id):
    assert kb.by_surname.get(normalise(surname)) == {actor_id}


@pytest.mark.parametrize("form, actor_id", [
    ("Dmitri Peskov", "dmitry-peskov"),
    ("Sergey Lavrov", "sergei-lavrov"),
    ("Sergei Shoygu", "sergei-shoigu"),
    ("Dmitriy Medvedev", "dmitry-medvedev"),
    ("Recep Tayyip Erdogan", "recep-tayyip-erdogan"),
    ("MBS", "mohammed-bin-salman"),
    ("Lula", "luiz-inacio-lula-da-silva"),
    ("AMLO", "andres-manuel-lopez-obrador"),
    ("Antonio Guterres", "antonio-guterres"),
    ("Vassily Nebenzia", "vasily-nebenzya"),
])
def test_spelling_variants_resolve(kb, form, actor_id):
    assert kb.lookup(form) == {actor_id}


def test_pronoun_he_is_never_a_surname(kb):
    # "He Lifeng" must not make every sentence-initial "He" a candidate person.
    assert normalise("He") not in kb.by_surname


def test_every_person_has_a_country_and_a_role(people):
    assert len(people) >= 150
    bad = [e.id for e in people if not e.roles or not re.fullmatch(r"[A-Z]{3}", e.country or "")]
    assert bad == []


def test_role_dates_are_ordered(people):
    bad = [(e.id, r.title) for e in people for r in e.roles if r.start and r.end and not r.start < r.end]
    assert bad == []


def test_tenures_of_one_office_do_not_overlap(people):
    bad = []
    for entry in people:
        by_title: dict[str, list] = {}
        for role in entry.roles:
            by_title.setdefault(role.title, []).append(role)
        for title, roles in by_title.items():
            roles.sort(key=lambda r: r.start or dt.date.min)
            for before, after in zip(roles, roles[1:]):
                if before.end is None or (after.start is not None and after.start < before.end):
                    bad.append((entry.id, title))
    assert bad == []


def test_sectors_and_wikidata_ids_are_well_formed(people):
    # CAMEO actor-type codes (the agent sectors of the CAMEO manual).
    sectors = set(
        "GOV MIL LEG JUD OPP PTY COP SPY IGO NGO NGM ELI REB INS SEP UAF CRM MED EDU BUS "
        "CVL LAB AGR ENV HLH REF MOD RAD REL AMN IRC GRP".split()
    )
    assert {r.sector for e in people for r in e.roles} <= sectors
    assert all(re.fullmatch(r"Q\d+", e.wikidata) for e in people if e.wikidata)


def test_ids_are_unique_across_files():
    # The loader lets a later entry replace an earlier one with the same id, so a clash
    # between two bundled files would silently drop a person: check the raw files.
    counts = Counter(
        raw["id"]
        for path in sorted((DATA_DIR / "people").glob("*.yaml"))
        for raw in yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or []
    )
    assert [i for i, n in counts.items() if n > 1] == []


def test_ids_are_slugs_of_ascii_lower_case(people):
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", e.id) for e in people)
