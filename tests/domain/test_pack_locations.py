"""Where packs live, and that a pack naming items the corpus lost keeps them through edits."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefcase_tui.domain.packs import edit
from briefcase_tui.domain.packs.models import Entry, Pack, Section
from briefcase_tui.domain.packs.resolve import resolve_pack
from briefcase_tui.domain.packs.store import PackStore
from briefcase_tui.paths import briefs_dir


def test_the_briefs_folder_is_the_option_then_the_variable_then_local_briefs_then_user_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data_home = Path.home() / ".local" / "share"
    assert briefs_dir() == data_home / "briefcase" / "briefs"
    (tmp_path / "briefs").mkdir()
    assert briefs_dir() == Path("briefs")
    monkeypatch.setenv("BRIEF_DIR", str(tmp_path / "env"))
    assert briefs_dir() == tmp_path / "env"
    assert briefs_dir(tmp_path / "option") == tmp_path / "option"


def test_a_pack_with_ids_missing_from_the_corpus_loads_keeps_them_on_save_and_is_flagged(
    corpus, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    store = PackStore(tmp_path)
    pack = Pack(title="Old pack", sections=(Section(title="S", entries=(Entry(item="renamed-long-ago", note="mine"),)),))
    loaded = store.load(store.create(pack).path)
    assert resolve_pack(loaded.pack, corpus).missing == ("renamed-long-ago",)
    changed = edit.add_entries(loaded.pack, [Entry(item="tech7-p2")])
    store.save(loaded, changed)
    again = store.load(loaded.path).pack
    assert again.sections[0].entries[0] == Entry(item="renamed-long-ago", note="mine")
    assert again.item_ids() == ["renamed-long-ago", "tech7-p2"]
