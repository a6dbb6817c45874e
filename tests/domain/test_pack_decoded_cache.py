"""A big pack read through the cache is exactly the pack its file holds, whatever is cached."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefcase_tui.domain.packs.codec import decode_pack, encode_pack
from briefcase_tui.domain.packs.decoded import SMALLEST
from briefcase_tui.domain.packs.models import Entry, Pack, Section
from briefcase_tui.domain.packs.store import PackStore
from briefcase_tui.paths import CACHE_ENV


def big_pack(title: str = "Big pack") -> Pack:
    entries = tuple(Entry(item=f"item-{n}", note=f"Note number {n}.") for n in range(2000))
    return Pack(title=title, sections=(Section(title="All", entries=entries),))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


def test_a_big_pack_edited_by_hand_is_read_as_edited(tmp_path: Path, cache: Path) -> None:
    store = PackStore(tmp_path)
    path = tmp_path / "big.toml"
    data = encode_pack(big_pack())
    assert len(data) > SMALLEST
    path.write_bytes(data)
    assert store.load(path).pack == decode_pack(data, path)
    assert store.load(path).pack == big_pack()
    assert list((cache / "packs").glob("*.pickle")), "the decoded pack was kept"
    path.write_bytes(data.replace(b'title = "Big pack"', b'title = "Big pack, edited"', 1))
    assert store.load(path).pack == big_pack("Big pack, edited")


def test_a_saved_big_pack_reads_back_as_saved(tmp_path: Path, cache: Path) -> None:
    store = PackStore(tmp_path)
    created = store.create(big_pack())
    saved = store.save(created, big_pack("Renamed"))
    assert store.load(saved.path).pack == big_pack("Renamed")
    assert store.load(saved.path).pack == decode_pack(saved.path.read_bytes(), saved.path)


def test_a_damaged_cache_file_is_not_believed(tmp_path: Path, cache: Path) -> None:
    store = PackStore(tmp_path)
    path = tmp_path / "big.toml"
    path.write_bytes(encode_pack(big_pack()))
    store.load(path)
    for kept in (cache / "packs").glob("*.pickle"):
        kept.write_bytes(kept.read_bytes()[:100])
    assert store.load(path).pack == big_pack()
    for kept in (cache / "packs").glob("*.pickle"):
        kept.write_bytes(b"not a pickle")
    assert store.load(path).pack == big_pack()


def test_a_big_pack_loads_with_the_cache_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, "off")
    path = tmp_path / "big.toml"
    path.write_bytes(encode_pack(big_pack()))
    assert PackStore(tmp_path).load(path).pack == big_pack()
