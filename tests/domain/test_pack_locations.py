"""Where packs live, and that a pack naming items the corpus lost keeps them through edits."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefcase_tui.domain.packs import edit
from briefcase_tui.domain.packs.codec import has_comments
from briefcase_tui.domain.packs.models import Entry, Pack, Section
from briefcase_tui.domain.packs.resolve import resolve_pack
from briefcase_tui.domain.packs.store import PackStore
from briefcase_tui.errors import BriefcaseError
from briefcase_tui.paths import briefs_dir

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus


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
    corpus: Corpus,
    tmp_path: Path,
) -> None:
    store = PackStore(tmp_path)
    pack = Pack(
        title="Old pack",
        sections=(Section(title="S", entries=(Entry(item="renamed-long-ago", note="mine"),)),),
    )
    loaded = store.load(store.create(pack).path)
    assert resolve_pack(loaded.pack, corpus).missing == ("renamed-long-ago",)
    changed = edit.add_entries(loaded.pack, [Entry(item="tech7-p2")])
    store.save(loaded, changed)
    again = store.load(loaded.path).pack
    assert again.sections[0].entries[0] == Entry(item="renamed-long-ago", note="mine")
    assert again.item_ids() == ["renamed-long-ago", "tech7-p2"]


def test_a_bare_name_means_the_pack_in_the_briefs_folder_even_if_a_file_of_that_name_is_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = PackStore(tmp_path / "briefs")
    created = store.create(Pack(title="Summit"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "summit").write_text("not a pack")
    assert store.resolve("summit") == created.path


def test_creating_a_pack_in_a_folder_that_does_not_exist_is_refused_not_silently_made(
    tmp_path: Path,
) -> None:
    store = PackStore(tmp_path)
    with pytest.raises(BriefcaseError, match="no such folder"):
        store.create(Pack(title="X"), tmp_path / "typo" / "dir" / "x.toml")
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('title = "x"  # why\n', True),
        ('# top\ntitle = "x"\n', True),
        ('title = "x"\nnote = """\n# a heading in a note, not a comment\n"""\n', False),
        ('title = "a # b"\n', False),
        ("title = 'a # b'\n", False),
    ],
)
def test_comments_are_noticed_wherever_they_are_and_hashes_in_text_are_not_comments(
    text: str, expected: bool
) -> None:
    assert has_comments(text.encode()) is expected
