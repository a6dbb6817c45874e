"""An open pack: edits saved at once, undo through saved versions, conflicts that lose nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefcase_tui.domain.packs.edit import EditError, add_entries, add_section, remove_entry
from briefcase_tui.domain.packs.models import Entry
from briefcase_tui.domain.packs.session import PackSession
from briefcase_tui.domain.packs.store import PackChangedOnDisk, PackStore
from briefcase_tui.errors import BriefcaseError

if TYPE_CHECKING:
    from briefcase_tui.domain.packs.session import PackEdit

# The file is written the way the store writes it, so undo can be checked byte for byte.
SIMPLE = (
    b'format = 1\ntitle = "Simple"\n\n[[sections]]\ntitle = "A"\n\n'
    b'[[sections.entries]]\nitem = "ws-future-of-work"\n'
)


@pytest.fixture
def store(tmp_path: Path) -> PackStore:
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "simple.toml").write_bytes(SIMPLE)
    return PackStore(folder)


@pytest.fixture
def session(store: PackStore) -> PackSession:
    return PackSession(store, store.load("simple"))


def _add(item: str) -> PackEdit:
    return lambda pack: add_entries(pack, [Entry(item=item)])


def test_a_session_opens_a_pack_by_its_name_or_its_path(store: PackStore) -> None:
    by_name = PackSession.open(store, "simple")
    by_path = PackSession.open(store, store.folder / "simple.toml")
    assert by_name.packfile.path == by_path.packfile.path == store.folder / "simple.toml"
    assert by_name.current == by_path.current and not by_name.unsaved
    with pytest.raises(BriefcaseError, match="did you mean 'simple'"):
        PackSession.open(store, "simpel")


def test_an_edit_is_saved_to_the_file_at_once(session: PackSession, store: PackStore) -> None:
    session.apply(_add("tech7-p2"))
    assert store.load("simple").pack.item_ids() == ["ws-future-of-work", "tech7-p2"]
    assert session.can_undo


def test_an_edit_that_fails_changes_neither_the_session_nor_the_file(
    session: PackSession, store: PackStore
) -> None:
    with pytest.raises(EditError, match="already in the pack"):
        session.apply(_add("ws-future-of-work"))
    assert (store.folder / "simple.toml").read_bytes() == SIMPLE
    assert not session.can_undo


def test_an_edit_that_changes_nothing_writes_nothing(
    session: PackSession, store: PackStore
) -> None:
    session.apply(lambda pack: pack)
    assert (store.folder / "simple.toml").read_bytes() == SIMPLE
    assert not session.can_undo


def test_undo_goes_back_several_steps_and_restores_the_file_bytes(
    session: PackSession, store: PackStore
) -> None:
    path = store.folder / "simple.toml"
    session.apply(_add("tech7-p2"))
    after_first = path.read_bytes()
    session.apply(lambda pack: add_section(pack, "Questions"))
    session.apply(lambda pack: remove_entry(pack, (0, 0)))
    session.undo()
    assert store.load("simple").pack.sections[0].entries[0].item == "ws-future-of-work"
    session.undo()
    assert path.read_bytes() == after_first
    session.undo()
    assert path.read_bytes() == SIMPLE
    assert not session.can_undo


def test_a_file_changed_behind_the_session_refuses_the_save_and_keeps_the_edit_pending(
    session: PackSession, store: PackStore
) -> None:
    path = store.folder / "simple.toml"
    theirs = SIMPLE.replace(b'"Simple"', b'"Theirs"')
    path.write_bytes(theirs)
    assert session.changed_on_disk()
    with pytest.raises(PackChangedOnDisk):
        session.apply(_add("tech7-p2"))
    assert path.read_bytes() == theirs
    assert session.pending is not None
    assert session.current.item_ids() == ["ws-future-of-work", "tech7-p2"]
    with pytest.raises(PackChangedOnDisk):
        session.apply(_add("statement-p6"))
    assert session.current.item_ids() == ["ws-future-of-work", "tech7-p2", "statement-p6"]
    assert path.read_bytes() == theirs


def test_reloading_after_a_conflict_takes_the_other_version(
    session: PackSession, store: PackStore
) -> None:
    path = store.folder / "simple.toml"
    path.write_bytes(SIMPLE.replace(b'"Simple"', b'"Theirs"'))
    with pytest.raises(PackChangedOnDisk):
        session.apply(_add("tech7-p2"))
    session.reload()
    assert session.pending is None
    assert session.current.title == "Theirs"
    session.apply(_add("tech7-p2"))
    assert store.load("simple").pack.title == "Theirs"
    assert store.load("simple").pack.item_ids() == ["ws-future-of-work", "tech7-p2"]


def test_saving_a_copy_after_a_conflict_keeps_both_versions(
    session: PackSession, store: PackStore
) -> None:
    path = store.folder / "simple.toml"
    theirs = SIMPLE.replace(b'"Simple"', b'"Theirs"')
    path.write_bytes(theirs)
    with pytest.raises(PackChangedOnDisk):
        session.apply(_add("tech7-p2"))
    copy = session.save_copy()
    assert copy.path == store.folder / "simple-copy.toml"
    assert path.read_bytes() == theirs
    assert store.load("simple-copy").pack.item_ids() == ["ws-future-of-work", "tech7-p2"]
    session.apply(_add("statement-p6"))
    assert store.load("simple-copy").pack.item_ids()[-1] == "statement-p6"
    assert path.read_bytes() == theirs


def test_overwriting_after_a_conflict_writes_the_users_version(
    session: PackSession, store: PackStore
) -> None:
    path = store.folder / "simple.toml"
    path.write_bytes(SIMPLE.replace(b'"Simple"', b'"Theirs"'))
    with pytest.raises(PackChangedOnDisk):
        session.apply(_add("tech7-p2"))
    session.overwrite()
    assert session.pending is None
    loaded = store.load("simple").pack
    assert (loaded.title, loaded.item_ids()) == ("Simple", ["ws-future-of-work", "tech7-p2"])


def test_undo_of_an_unsaved_change_drops_it_and_leaves_the_file_alone(
    session: PackSession, store: PackStore
) -> None:
    path = store.folder / "simple.toml"
    theirs = SIMPLE.replace(b'"Simple"', b'"Theirs"')
    path.write_bytes(theirs)
    with pytest.raises(PackChangedOnDisk):
        session.apply(_add("tech7-p2"))
    session.undo()
    assert session.pending is None
    assert session.current.item_ids() == ["ws-future-of-work"]
    assert path.read_bytes() == theirs


def test_an_undo_refused_by_a_changed_file_can_be_tried_again(
    session: PackSession, store: PackStore
) -> None:
    path = store.folder / "simple.toml"
    session.apply(_add("tech7-p2"))
    path.write_bytes(SIMPLE.replace(b'"Simple"', b'"Theirs"'))
    with pytest.raises(PackChangedOnDisk):
        session.undo()
    assert session.pending is not None and session.pending.item_ids() == ["ws-future-of-work"]
    session.overwrite()
    assert path.read_bytes() == SIMPLE


def test_retitling_keeps_the_file_name(session: PackSession, store: PackStore) -> None:
    session.retitle("A new title")
    assert session.packfile.path == store.folder / "simple.toml"
    assert store.load("simple").pack.title == "A new title"


def test_undo_and_redo_name_each_step_and_go_to_both_ends(
    session: PackSession, store: PackStore
) -> None:
    path = store.folder / "simple.toml"
    session.apply(_add("tech7-p2"), "add “tech7-p2”")
    after_add = path.read_bytes()
    session.apply(lambda pack: add_section(pack, "Questions"), "add the section “Questions”")
    after_section = path.read_bytes()
    assert session.undo_description == "add the section “Questions”"
    assert session.undo() == "add the section “Questions”"
    assert path.read_bytes() == after_add
    assert session.undo() == "add “tech7-p2”"
    assert path.read_bytes() == SIMPLE
    assert session.undo() is None, "nothing left to undo changes nothing"
    assert path.read_bytes() == SIMPLE and not session.can_undo
    assert session.redo() == "add “tech7-p2”"
    assert path.read_bytes() == after_add
    assert session.redo_description == "add the section “Questions”"
    assert session.redo() == "add the section “Questions”"
    assert path.read_bytes() == after_section
    assert session.redo() is None and not session.can_redo
    assert session.undo_description == "add the section “Questions”"


def test_a_new_edit_clears_the_redo_stack(session: PackSession) -> None:
    session.apply(_add("tech7-p2"), "add “tech7-p2”")
    session.undo()
    assert session.can_redo
    session.apply(_add("statement-p6"), "add “statement-p6”")
    assert not session.can_redo
    assert session.redo() is None
    assert session.current.item_ids() == ["ws-future-of-work", "statement-p6"]


def test_an_edit_that_changes_nothing_keeps_the_redo_stack(session: PackSession) -> None:
    session.apply(_add("tech7-p2"), "add")
    session.undo()
    session.apply(lambda pack: pack, "nothing")
    assert session.redo_description == "add"


def test_edits_kept_in_memory_are_written_by_one_save_of_the_latest_version(
    session: PackSession, store: PackStore
) -> None:
    path = store.folder / "simple.toml"
    session.apply(_add("tech7-p2"), "add", save=False)
    session.apply(_add("statement-p6"), "add", save=False)
    assert path.read_bytes() == SIMPLE and session.unsaved and session.pending is None
    assert session.claim_saver()
    assert not session.claim_saver(), "one saver at a time"
    session.save_latest()
    assert store.load("simple").pack.item_ids() == ["ws-future-of-work", "tech7-p2", "statement-p6"]
    assert not session.unsaved
    assert session.claim_saver(), "the saver that finished released its claim"


def test_a_saver_refused_by_a_changed_file_keeps_the_version_and_releases_its_claim(
    session: PackSession, store: PackStore
) -> None:
    path = store.folder / "simple.toml"
    theirs = SIMPLE.replace(b'"Simple"', b'"Theirs"')
    session.apply(_add("tech7-p2"), "add", save=False)
    path.write_bytes(theirs)
    assert session.claim_saver()
    with pytest.raises(PackChangedOnDisk):
        session.save_latest()
    assert path.read_bytes() == theirs
    assert session.pending is not None and session.pending.item_ids() == [
        "ws-future-of-work",
        "tech7-p2",
    ]
    assert session.claim_saver()


def test_saves_from_two_threads_never_overlap_and_the_latest_version_wins(
    session: PackSession, store: PackStore
) -> None:
    import threading

    def edit_and_save(item: str) -> None:
        session.apply(_add(item), item, save=False)
        session.save()

    threads = [
        threading.Thread(target=edit_and_save, args=(item,))
        for item in ("tech7-p2", "statement-p6", "tech7-p1")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    session.save()
    assert store.load("simple").pack == session.current
    assert len(session.current.item_ids()) == 4
