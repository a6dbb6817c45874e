"""`brief open [PACK]` and a bare `brief --briefs DIR`: the app opens on the right pack, folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from briefcase_tui.cli import tui
from briefcase_tui.domain.packs.store import PackFile
from tests.cli.test_corpus_cli import brief

GOOD = (
    'format = 1\ntitle = "Good"\n\n[[sections]]\ntitle = "A"\n\n'
    '[[sections.entries]]\nitem = "tech7-p2"\n'
)
BROKEN = 'format = 1\ntitle = "Broken"\ntitel = "typo"\n'


@pytest.fixture
def briefs(tmp_path: Path) -> Path:
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "good.toml").write_text(GOOD, encoding="utf-8")
    (folder / "broken.toml").write_text(BROKEN, encoding="utf-8")
    return folder


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    calls: list[tuple[object, ...]] = []
    monkeypatch.setattr(tui, "open_app", lambda *args: calls.append(args))
    return calls


def test_brief_open_with_a_pack_name_starts_the_app_with_that_pack(
    briefs: Path, opened: list[tuple[object, ...]]
) -> None:
    code, _, err = brief("--briefs", str(briefs), "open", "good")
    assert code == 0, err
    [(corpus, folder, packfile)] = opened
    assert (corpus, folder) == (None, briefs)
    assert isinstance(packfile, PackFile), "the pack read once, and handed to the app as read"
    assert packfile.path == briefs / "good.toml" and packfile.pack.title == "Good"


def test_brief_open_without_a_pack_starts_the_app_on_the_briefs_folder(
    briefs: Path, opened: list[tuple[object, ...]]
) -> None:
    code, _, err = brief("--briefs", str(briefs), "open")
    assert code == 0, err
    assert opened == [(None, briefs, None)]


def test_an_unknown_pack_is_one_line_and_exit_1_before_the_app_starts(
    briefs: Path, opened: list[tuple[object, ...]]
) -> None:
    code, _, err = brief("--briefs", str(briefs), "open", "godo")
    assert code == 1
    assert err.startswith("brief: ") and len(err.strip().splitlines()) == 1
    assert "did you mean 'good'" in err
    assert opened == []


def test_a_malformed_pack_is_named_with_its_line_and_the_app_does_not_start(
    briefs: Path, opened: list[tuple[object, ...]]
) -> None:
    code, _, err = brief("--briefs", str(briefs), "open", "broken")
    assert code == 1
    assert err.startswith(f"brief: {briefs / 'broken.toml'}:3:") and "titel" in err
    assert opened == []
    assert (briefs / "broken.toml").read_text(encoding="utf-8") == BROKEN


def test_a_bare_brief_passes_briefs_to_the_app_without_typer(
    briefs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefcase_tui.cli import launch

    calls: list[tuple[object, ...]] = []
    monkeypatch.setattr(tui, "open_app", lambda *args: calls.append(args))
    monkeypatch.setattr(sys, "argv", ["brief", "--briefs", str(briefs), "--corpus=elsewhere"])
    launch.main()
    assert calls == [(Path("elsewhere"), briefs)]


def test_the_bare_options_are_each_taken_once_and_nothing_else() -> None:
    from briefcase_tui.cli.launch import bare_folders

    assert bare_folders(["--briefs", "b"]) == (True, None, Path("b"))
    assert bare_folders(["--briefs=b", "--corpus", "c"]) == (True, Path("c"), Path("b"))
    assert bare_folders(["--briefs", "b", "--briefs", "c"])[0] is False
    assert bare_folders(["--briefs"])[0] is False
    assert bare_folders(["--briefs", "b", "open"])[0] is False
    assert bare_folders(["--briefs="])[0] is False
