"""The gazetteer's on-disk cache: the same index back, and never an error."""

from __future__ import annotations

import marshal

import pytest

from parley.geo import gazetteer_cache
from parley.geo.gazetteer import get_gazetteer


def _as_plain(gazetteer, names):
    return {name: [(c.entry, c.exact, c.variant) for c in gazetteer.lookup(name)] for name in names}


NAMES = ["Kiev", "Kyiv", "Paris", "Donetsk Oblast", "Crimea", "Springfield", "no such place at all"]


def test_tables_round_trip_gives_the_same_lookups():
    built = get_gazetteer()
    restored = gazetteer_cache.from_tables(marshal.loads(marshal.dumps(gazetteer_cache.to_tables(built))))
    assert _as_plain(restored, NAMES) == _as_plain(built, NAMES)
    assert restored.division_named("Donetsk", "UKR") == built.division_named("Donetsk", "UKR")
    assert restored.country("FRA") == built.country("FRA")
    assert len(restored._by_key) == len(built._by_key)


def test_load_or_build_writes_once_then_reads(tmp_path, monkeypatch):
    monkeypatch.setenv(gazetteer_cache.CACHE_ENV, str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return get_gazetteer()

    first = gazetteer_cache.load_or_build(build)
    second = gazetteer_cache.load_or_build(build)
    assert len(calls) == 1, "the second call must read the cache, not build"
    assert len(list(tmp_path.glob("gazetteer-*.marshal"))) == 1
    assert _as_plain(second, NAMES) == _as_plain(first, NAMES)


def test_a_corrupt_cache_file_is_rebuilt_not_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv(gazetteer_cache.CACHE_ENV, str(tmp_path))
    (tmp_path / f"gazetteer-{gazetteer_cache.fingerprint()}.marshal").write_bytes(b"\x00garbage")
    calls = []
    gazetteer_cache.load_or_build(lambda: calls.append(1) or get_gazetteer())
    assert calls == [1]


def test_an_empty_setting_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv(gazetteer_cache.CACHE_ENV, "")
    monkeypatch.chdir(tmp_path)
    assert gazetteer_cache.cache_dir() is None
    gazetteer_cache.load_or_build(get_gazetteer)
    assert not list(tmp_path.rglob("*.marshal"))


@pytest.mark.parametrize("unwritable", ["file-in-the-way"])
def test_an_unwritable_cache_folder_is_ignored(tmp_path, monkeypatch, unwritable):
    blocker = tmp_path / unwritable
    blocker.write_text("not a folder")
    monkeypatch.setenv(gazetteer_cache.CACHE_ENV, str(blocker / "sub"))
    assert gazetteer_cache.load_or_build(get_gazetteer) is get_gazetteer()
