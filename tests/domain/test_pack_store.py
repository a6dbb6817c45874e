"""The folder of packs: finding packs by name or path, creating without clobbering, safe saves."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from briefcase_tui.domain import storage
from briefcase_tui.domain.packs.models import Entry, Pack, Section
from briefcase_tui.domain.packs.store import PackChangedOnDisk, PackStore, backup_path, slug_for
from briefcase_tui.errors import BriefcaseError

SIMPLE = (
    b'title = "Simple"\n\n[[sections]]\ntitle = "A"\n\n'
    b'[[sections.entries]]\nitem = "ws-future-of-work"\n'
)


@pytest.fixture
def store(tmp_path: Path) -> PackStore:
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "simple.toml").write_bytes(SIMPLE)
    return PackStore(folder)


def test_a_pack_is_found_by_its_name_or_by_its_path(store: PackStore, tmp_path: Path) -> None:
    assert store.resolve("simple") == store.folder / "simple.toml"
    assert store.resolve(store.folder / "simple.toml") == store.folder / "simple.toml"
    elsewhere = tmp_path / "other.toml"
    elsewhere.write_bytes(SIMPLE)
    assert store.resolve(str(elsewhere)) == elsewhere


def test_an_unknown_name_suggests_the_nearest_pack(store: PackStore) -> None:
    with pytest.raises(BriefcaseError, match="did you mean 'simple'"):
        store.resolve("simpel")


def test_a_hidden_or_backup_name_is_not_a_pack(store: PackStore) -> None:
    (store.folder / ".secret.toml").write_bytes(SIMPLE)
    with pytest.raises(BriefcaseError):
        store.resolve(".secret")


def test_create_never_replaces_an_existing_pack(store: PackStore) -> None:
    before = (store.folder / "simple.toml").read_bytes()
    created = store.create(Pack(title="Simple"))
    assert created.path.name == "simple-2.toml"
    assert (store.folder / "simple.toml").read_bytes() == before
    with pytest.raises(BriefcaseError, match="already exists"):
        store.create(Pack(title="Other"), store.folder / "simple.toml")
    assert (store.folder / "simple.toml").read_bytes() == before


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("CON", "con-pack"),
        (".hidden", "hidden"),
        ("   ", "pack"),
        ("Réunion à l'Élysée", "reunion-a-l-elysee"),
    ],
)
def test_names_made_from_titles_stay_inside_the_folder_and_are_safe(
    store: PackStore, title: str, expected: str
) -> None:
    assert slug_for(title) == expected
    if not title.strip():
        return  # a blank title is refused by the model; the name it would get is checked above
    created = store.create(Pack(title=title))
    assert created.path.parent == store.folder and created.path.name == f"{expected}.toml"
    assert not created.path.name.startswith(".")


def test_saving_keeps_the_previous_version_as_a_hidden_backup_that_is_not_listed(
    store: PackStore,
) -> None:
    path = store.folder / "simple.toml"
    loaded = store.load("simple")
    store.save(loaded, loaded.pack.model_copy(update={"title": "Renamed"}))
    assert backup_path(path).read_bytes() == SIMPLE
    assert store.paths() == [path]
    summaries, problems = store.summaries()
    assert [s.title for s in summaries] == ["Renamed"] and problems == []


def test_saving_a_pack_changed_on_disk_is_refused_and_the_file_is_untouched(
    store: PackStore,
) -> None:
    path = store.folder / "simple.toml"
    loaded = store.load("simple")
    someone_else = SIMPLE.replace(b"Simple", b"Theirs")
    path.write_bytes(someone_else)
    with pytest.raises(PackChangedOnDisk):
        store.save(loaded, loaded.pack.model_copy(update={"title": "Mine"}))
    assert path.read_bytes() == someone_else


def test_saving_through_a_link_edits_the_file_it_points_to_and_copies_the_backup_beside_it(
    store: PackStore, tmp_path: Path
) -> None:
    real = store.folder / "simple.toml"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = elsewhere / "linked.toml"
    link.symlink_to(real)
    loaded = store.load(link)
    saved = store.save(loaded, loaded.pack.model_copy(update={"title": "Through the link"}))
    assert link.is_symlink() and link.readlink() == real
    assert store.load(real).pack.title == "Through the link"
    assert saved.path == link
    backup = backup_path(real)
    assert not backup.is_symlink() and backup.read_bytes() == SIMPLE
    assert backup.stat().st_ino != real.stat().st_ino
    assert not backup_path(link).exists()
    assert sorted(p.name for p in elsewhere.iterdir()) == ["linked.toml"]


def test_a_read_only_pack_is_refused_naming_it_and_left_untouched(store: PackStore) -> None:
    path = store.folder / "simple.toml"
    path.chmod(0o444)
    loaded = store.load("simple")
    with pytest.raises(BriefcaseError, match="read-only") as refused:
        store.save(loaded, loaded.pack.model_copy(update={"title": "Mine"}))
    assert refused.value.path == path
    assert path.read_bytes() == SIMPLE and path.stat().st_mode & 0o777 == 0o444
    assert sorted(p.name for p in store.folder.iterdir()) == ["simple.toml"]


def test_a_pack_with_comments_is_flagged_so_the_user_can_be_warned(store: PackStore) -> None:
    (store.folder / "commented.toml").write_bytes(b"# my thoughts\n" + SIMPLE)
    assert store.load("commented").had_comments
    assert not store.load("simple").had_comments


def test_one_malformed_pack_hides_none_of_the_others(store: PackStore) -> None:
    (store.folder / "broken.toml").write_bytes(b'title = "x"\ntitel = "y"\n')
    loaded, problems = store.load_all()
    assert [p.name for p in loaded] == ["simple"]
    [problem] = problems
    assert str(problem).startswith(f"{store.folder / 'broken.toml'}:2:1: unknown key 'titel'")


def test_a_saved_pack_loads_back_equal(store: PackStore) -> None:
    pack = Pack(
        title="Round",
        sections=(Section(title="S", entries=(Entry(item="a", note="n\nm", tags=("t",)),)),),
    )
    created = store.create(pack)
    assert store.load(created.path).pack == pack


def test_creating_a_pack_removes_old_temporary_files_of_killed_saves_and_no_young_one(
    store: PackStore,
) -> None:
    old = store.folder / ".simple.toml.k1ll3d_x.tmp"
    young = store.folder / ".simple.toml.l1v3s4v3.tmp"
    for temp in (old, young):
        temp.write_bytes(SIMPLE[:20])
    then = time.time() - storage.STALE_TEMP_SECONDS - 1
    os.utime(old, (then, then))
    store.create(Pack(title="Fresh"))
    assert not old.exists() and young.exists()


def test_a_write_through_a_link_into_a_missing_folder_fails_and_creates_no_folder(
    tmp_path: Path,
) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "nowhere" / "out.md")
    with pytest.raises(BriefcaseError, match="cannot write in this folder"):
        storage.atomic_write(link, b"text")
    assert not (tmp_path / "nowhere").exists() and link.is_symlink()
