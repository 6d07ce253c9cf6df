"""Building a knowledge base from a Wikidata JSON dump (``parley.kb.wikidata``).

The fixture ``fixtures/wikidata/dump.json`` is hand-written in the shape of the real dump;
see the README beside it for what each entity is there to test.
"""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import inspect
import io
import json
import shutil
from pathlib import Path

import pytest
import yaml

from parley.kb import DATA_DIR, KnowledgeBase
from parley.kb import wikidata
from parley.kb.wikidata import BuildReport, Rules, build_from_wikidata, iter_entities, wikidata_date

DUMP = Path(__file__).parent / "fixtures" / "wikidata" / "dump.json"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, BuildReport]:
    out = tmp_path_factory.mktemp("wikidata_kb")
    return out, build_from_wikidata(DUMP, out)


@pytest.fixture(scope="module")
def kb(built) -> KnowledgeBase:
    return KnowledgeBase.from_dirs([built[0]])


def _contents(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yaml"))}


# -- the dump ----------------------------------------------------------------


def test_fixture_has_the_dump_shape():
    lines = DUMP.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[" and lines[-1] == "]"
    assert all(line.endswith(",") for line in lines[1:-2])
    assert 15 <= len(lines) - 2 - 3 <= 30  # entities, besides the three odd lines


def test_compressed_dumps_give_the_same_files(built, tmp_path):
    raw = DUMP.read_bytes()
    (tmp_path / "dump.json.gz").write_bytes(gzip.compress(raw))
    (tmp_path / "dump.json.bz2").write_bytes(bz2.compress(raw))
    expected = _contents(built[0])
    for name in ("dump.json.gz", "dump.json.bz2"):
        out = tmp_path / name.replace(".", "_")
        report = build_from_wikidata(tmp_path / name, out)
        assert _contents(out) == expected, name
        assert report.kept == built[1].kept


def test_cut_off_compressed_dump_keeps_what_was_read(tmp_path):
    data = gzip.compress(DUMP.read_bytes())
    dump = tmp_path / "dump.json.gz"
    dump.write_bytes(data[: len(data) * 2 // 3])
    report = build_from_wikidata(dump, tmp_path / "out")
    assert report.truncated and "ended early" in report.summary()
    assert 0 < report.entities_read < 31
    assert KnowledgeBase.from_dirs([tmp_path / "out"]).get("USA") is not None
    # bz2 decompresses whole blocks (900 kB): a cut-off small file yields nothing, cleanly.
    data = bz2.compress(DUMP.read_bytes())
    dump = tmp_path / "dump.json.bz2"
    dump.write_bytes(data[: len(data) * 2 // 3])
    report = build_from_wikidata(dump, tmp_path / "out_bz2")
    assert report.truncated and report.entities_read == 0


def test_report_counts(built):
    out, report = built
    assert report.malformed == 2  # an object without an id, and a line cut short
    assert report.entities_read == 31  # 30 entities and the redirect stub
    assert report.kept == {"person": 7, "country": 4, "igo": 1, "group": 1, "media": 2}
    # a Ukrainian-only name, no label at all, a French-only newspaper
    assert report.skipped_no_label == 3
    assert report.skipped_no_iso == 1  # Somaliland
    assert report.roles_unlabelled == 1  # a position missing from the dump
    assert report.passes == 2
    assert sorted(p.name for p in report.files) == sorted(f"{n}.yaml" for n in wikidata.OUTPUT_FILES)
    assert "2 malformed" in report.summary() and not report.truncated


def test_reader_iterates_lines_and_never_reads_whole_file(monkeypatch, tmp_path):
    class LinesOnly(io.RawIOBase):
        """A stream that can be iterated line by line but refuses to be read whole."""

        def __init__(self, inner):
            self.inner = inner

        def __iter__(self):
            return iter(self.inner.readline, b"")

        def read(self, size=-1):
            if size is None or size < 0:
                raise AssertionError("the dump was read whole")
            return self.inner.read(size)

        def readlines(self, hint=-1):
            raise AssertionError("the dump was read whole")

        def close(self):
            self.inner.close()
            super().close()

    assert inspect.isgeneratorfunction(wikidata.iter_lines)
    assert inspect.isgeneratorfunction(iter_entities)
    report = BuildReport()
    with LinesOnly(DUMP.open("rb")) as stream:
        ids = [e["id"] for e in iter_entities(stream, report)]
    assert ids[0] == "Q30" and ids[-1] == "P39" and len(ids) == 31
    assert report.malformed == 2

    real_open = wikidata.open_dump
    monkeypatch.setattr(wikidata, "open_dump", lambda path: LinesOnly(real_open(path)))
    (tmp_path / "dump.json.gz").write_bytes(gzip.compress(DUMP.read_bytes()))
    report = build_from_wikidata(tmp_path / "dump.json.gz", tmp_path / "out")
    assert report.kept["person"] == 7


def test_prefilter_never_drops_a_line_that_would_be_kept():
    rules = Rules.load()
    lines = list(wikidata.iter_lines(DUMP.open("rb")))
    for line in lines:
        entity = wikidata.parse_entity(line)
        if entity is None:
            continue
        needed = rules.kind_of(entity) is not None or "P298" in entity.get("claims", {})
        assert not needed or rules.may_be_kept(line), entity["id"]
        # Another layout of the same JSON is searched whole.
        spaced = json.dumps(entity, ensure_ascii=False).encode()
        assert not needed or rules.may_be_kept(spaced), entity["id"]
    skipped = [line for line in lines if not rules.may_be_kept(line)]
    assert len(skipped) >= 8  # capitals, positions, the property, the redirect stub...
    # A class id elsewhere in the line (a claim that is not P31) does not count.
    article = (
        b'{"type":"item","id":"Q1","claims":{"P31":[{"mainsnak":{"snaktype":"value","property":"P31",'
        b'"datavalue":{"value":{"entity-type":"item","id":"Q13442814"},"type":"wikibase-entityid"}}}],'
        + b'"P50":[' + b",".join([b'{"mainsnak":{"snaktype":"value","property":"P50","datavalue":'
        b'{"value":{"entity-type":"item","id":"Q7"},"type":"wikibase-entityid"}}}'] * 10)
        + b'],"P921":[{"mainsnak":{"snaktype":"value","property":"P921","datavalue":{"value":'
        b'{"entity-type":"item","id":"Q5"},"type":"wikibase-entityid"}}}]}}'
    )
    assert not rules.may_be_kept(article)


def test_limit_and_progress(tmp_path, monkeypatch):
    monkeypatch.setattr(wikidata, "PROGRESS_EVERY", 10)
    seen: list[int] = []
    report = build_from_wikidata(DUMP, tmp_path, limit=3, progress=seen.append)
    assert report.entities_read == 3
    assert report.kept == {"country": 3}
    # The capitals are not within the first three lines: the second pass reads them in vain.
    assert seen == [3, 6]
    seen.clear()
    build_from_wikidata(DUMP, tmp_path / "all", progress=seen.append)
    assert seen[:3] == [10, 20, 30] and seen[-1] == 66


# -- what the entries say ---------------------------------------------------------------


def test_output_loads_as_a_knowledge_base(kb):
    assert kb.lookup("Zelensky") == {"Q3874799"}
    assert kb.lookup("Twitter") == {"Q918"}
    assert kb.get("Q918").type == "media" and kb.get("Q918").country == "USA"
    assert kb.get("Q130879").sector == "JRN" and kb.get("Q130879").country == "GBR"
    assert kb.get("Q1065").type == "igo" and kb.lookup("UN") == {"Q1065"}
    assert kb.get("Q90000030").type == "group" and kb.get("Q90000030").country == "RUS"
    assert kb.get("Q22686").wikidata == "Q22686"


def test_roles_follow_the_position_dates(kb):
    trump = kb.get("Q22686")
    assert trump.role_on(dt.date(2019, 6, 1)).title == "President of the United States"
    assert trump.role_on(dt.date(2019, 6, 1)).sector == "GOV"
    assert trump.role_on(dt.date(2021, 1, 19)) is not None
    assert trump.role_on(dt.date(2021, 1, 20)) is None  # end is exclusive
    assert trump.role_on(dt.date(2022, 6, 1)) is None
    assert trump.role_on(dt.date(2025, 3, 1)).start == dt.date(2025, 1, 20)
    assert trump.role_on(None).start == dt.date(2025, 1, 20)  # the open one
    zelensky = kb.get("Q3874799")
    assert zelensky.role_on(dt.date(2019, 5, 19)) is None
    assert zelensky.role_on(dt.date(2019, 5, 20)).country == "UKR"


def test_deprecated_statements_are_ignored(kb):
    lavrov = kb.get("Q90000020")
    assert [r.title for r in lavrov.roles] == ["Minister of Foreign Affairs of Russia"]
    assert kb.get("UKR") is not None and kb.get("UKX") is None


def test_preferred_rank_wins(kb):
    assert kb.get("RUS").wikidata == "Q159" and kb.get("RSX") is None


def test_imprecise_dates(kb):
    peskov = kb.get("Q90000021").roles[0]
    assert peskov.start == dt.date(2012, 5, 1)  # month precision
    deputy = kb.get("Q90000023")
    assert [(r.start, r.end) for r in deputy.roles] == [(dt.date(2014, 1, 1), dt.date(2020, 1, 1))]


def test_country_from_citizenship_through_iso_code(kb):
    assert kb.get("Q22686").country == "USA"
    assert kb.get("Q90000020").country == "RUS"  # the Soviet citizenship has no ISO code
    assert kb.get("Q311440").country is None  # Portugal is not in the dump
    # the role's country comes from the position, else from the person
    assert kb.get("Q90000022").role_on(dt.date(2020, 1, 1)).country == "RUS"


def test_sectors_from_position_titles(kb):
    assert kb.get("Q90000022").roles[0].sector == "MIL"
    assert kb.get("Q311440").roles[0].sector == "IGO"
    assert kb.get("Q90000023").roles[0].sector == "LEG"


@pytest.mark.parametrize(
    "title, sector",
    [
        ("Minister of Defence of Ukraine", "GOV"),
        ("Minister of Justice", "GOV"),
        ("Attorney General of the United States", "GOV"),
        ("Governor-General of Canada", "GOV"),
        ("White House Chief of Staff", "GOV"),
        ("Chief of the General Staff", "MIL"),
        ("Commander of the Ukrainian Ground Forces", "MIL"),
        ("United States senator", "LEG"),
        ("Speaker of the House of Representatives", "LEG"),
        ("Secretary-General of NATO", "IGO"),
        ("Associate Justice of the Supreme Court", "JUD"),
        ("judge of the International Court of Justice", "JUD"),
        ("Archbishop of Canterbury", None),
    ],
)
def test_sector_rules(title, sector):
    assert Rules.load().sector_of(title) == sector


def test_names_and_aliases(kb):
    trump = kb.get("Q22686")
    assert trump.name == "Donald Trump"
    assert trump.aliases == ["Donald J. Trump", "Donald John Trump"]  # "45" dropped, "de" label the same
    usa = kb.get("USA")
    assert usa.name == "United States of America"
    assert "United States" in usa.aliases and "États-Unis" not in usa.aliases
    assert usa.demonyms == ["American"]  # not the French one
    assert kb.get("RUS").demonyms == ["Russian"]  # en-gb counts as English
    assert usa.capital == "Washington, D.C." and kb.get("UKR").capital == "Kyiv"
    assert kb.get("Q90000022").name == "Valery Gerasimov"  # from the language-neutral label


def test_what_is_left_out(kb):
    assert kb.get("Q90000026") is None  # a human who held no position
    assert kb.get("Q90000040") is None  # a redirect stub
    assert kb.get("Q11696") is None  # positions are read for their labels only
    assert kb.get("P39") is None
    assert kb.get("Q12461") is None  # French-only label
    assert not kb.lookup("Soviet Union")


def test_more_languages(tmp_path):
    build_from_wikidata(DUMP, tmp_path, languages=("en", "uk", "fr"))
    kb = KnowledgeBase.from_dirs([tmp_path])
    assert kb.get("Q90000024").name == "Петро Приклад"
    assert kb.get("Q12461").name == "Le Monde" and kb.get("Q12461").sector == "JRN"
    assert "Україна" in kb.get("UKR").aliases
    assert kb.get("USA").demonyms == ["American", "américain"]


def test_position_labels_override_and_can_skip_second_pass(tmp_path):
    labels = tmp_path / "positions.yaml"
    labels.write_text(
        yaml.safe_dump({"Q11696": "President of the United States", "Q90000001": "President of Ukraine"}),
        encoding="utf-8",
    )
    report = build_from_wikidata(DUMP, tmp_path / "partial", position_labels=labels)
    assert report.passes == 2  # other positions still need their labels

    every = {q: f"Title {q}" for q in ("Q11696", "Q90000001", "Q90000002", "Q90000003",
                                      "Q90000004", "Q81066", "Q90000005", "Q90000099",
                                      "Q61", "Q1899")}
    every["Q90000001"] = {"title": "Minister for Testing", "country": "PRT"}
    labels.write_text(yaml.safe_dump(every), encoding="utf-8")
    report = build_from_wikidata(DUMP, tmp_path / "all", position_labels=labels)
    assert report.passes == 1 and report.roles_unlabelled == 0
    kb = KnowledgeBase.from_dirs([tmp_path / "all"])
    role = kb.get("Q3874799").roles[0]
    assert (role.title, role.country, role.sector) == ("Minister for Testing", "PRT", "GOV")
    assert kb.get("UKR").capital == "Title Q1899"

    # The second pass stops at the last item it needs.
    del every["Q11696"]
    labels.write_text(yaml.safe_dump(every), encoding="utf-8")
    report = build_from_wikidata(DUMP, tmp_path / "one", position_labels=labels)
    lines = DUMP.read_text(encoding="utf-8").splitlines()[1:-1]
    where = next(i for i, line in enumerate(lines, 1) if '"id":"Q11696"' in line)
    assert report.passes == 2 and report.lines_read == len(lines) + where
    kb = KnowledgeBase.from_dirs([tmp_path / "one"])
    assert kb.get("Q22686").roles[0].title == "President of the United States"


def test_extends_and_overrides_the_bundled_kb(built):
    kb = KnowledgeBase.from_dirs([DATA_DIR, built[0]])
    assert kb.get("UKR").wikidata == "Q212"
    assert "Q3874799" in kb.lookup("Volodymyr Zelenskyy")


def test_rebuild_overwrites(built, tmp_path):
    out = tmp_path / "kb"
    shutil.copytree(built[0], out)
    (out / "people.yaml").write_text("- {id: stale, name: Stale Person}\n", encoding="utf-8")
    build_from_wikidata(DUMP, out, limit=5)
    assert "stale" not in KnowledgeBase.from_dirs([out])


@pytest.mark.parametrize(
    "value, end, expected",
    [
        ({"time": "+2019-05-20T00:00:00Z", "precision": 11}, False, dt.date(2019, 5, 20)),
        ({"time": "+2019-05-20T00:00:00Z", "precision": 11}, True, dt.date(2019, 5, 20)),
        ({"time": "+2019-05-00T00:00:00Z", "precision": 10}, False, dt.date(2019, 5, 1)),
        ({"time": "+2019-12-00T00:00:00Z", "precision": 10}, True, dt.date(2020, 1, 1)),
        ({"time": "+2019-00-00T00:00:00Z", "precision": 9}, True, dt.date(2020, 1, 1)),
        ({"time": "+1990-00-00T00:00:00Z", "precision": 8}, False, None),  # a decade
        ({"time": "-0044-03-15T00:00:00Z", "precision": 11}, False, None),
        ({"time": "+2019-02-30T00:00:00Z", "precision": 11}, False, None),
        (None, False, None),
    ],
)
def test_wikidata_dates(value, end, expected):
    assert wikidata_date(value, end=end) == expected
