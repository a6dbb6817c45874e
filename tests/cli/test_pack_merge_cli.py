"""`brief pack merge` as git's merge driver, set up exactly as the README says, on real branches.

Two advisers edit one pack on two branches and merge with the real `git merge`: edits to
different entries combine with no conflict; the same note edited twice stops the merge
with both sides kept in the pack, which `validate` and `show` name and `resolve` settles.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefcase_tui.domain.packs.codec import decode_pack
from briefcase_tui.domain.packs.models import Pack
from tests.cli.test_pack_saving_cli import brief_process

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "briefs" / "day-sheet-11-february.toml"
README = (ROOT / "README.md").read_text(encoding="utf-8")
BRIEF = f"{shlex.quote(sys.executable)} -m briefcase_tui"
"""This tree's `brief`, for the driver command the README gives as `brief ...`."""

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def readme_line(pattern: str) -> str:
    found = [line for line in README.splitlines() if re.search(pattern, line)]
    assert found, f"the README has no line matching {pattern!r}"
    return found[0].strip()


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0"}
    result = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, env=env, timeout=120
    )
    if check:
        assert result.returncode == 0, result.stderr + result.stdout
    return result


def brief(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return brief_process(repo / "briefs", *args)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding one example pack, with the merge driver set up per the README."""
    repo = tmp_path / "team"
    (repo / "briefs").mkdir(parents=True)
    shutil.copy(EXAMPLE, repo / "briefs" / "day.toml")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Adviser")
    git(repo, "config", "user.email", "adviser@example.org")
    git(repo, "config", "commit.gpgsign", "false")
    (repo / ".gitattributes").write_text(readme_line(r"merge=brief-pack$") + "\n")
    config = shlex.split(readme_line(r"^git config merge\.brief-pack\.driver"))
    assert config[:2] == ["git", "config"]
    driver = config[3].replace("brief ", f"{BRIEF} ", 1)
    git(repo, "config", config[2], driver)
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "day sheet")
    return repo


def pack(repo: Path) -> Pack:
    path = repo / "briefs" / "day.toml"
    return decode_pack(path.read_bytes(), path)


def commit_on(repo: Path, branch: str, *edit: str, new: bool = True) -> None:
    git(repo, "checkout", "-q", *(["-b"] if new else []), branch)
    result = brief(repo, "pack", *edit)
    assert result.returncode == 0, result.stderr
    git(repo, "commit", "-q", "-am", f"{branch}: {' '.join(edit)}")


@needs_git
def test_git_merges_edits_to_different_entries_of_one_pack_without_a_conflict(
    repo: Path,
) -> None:
    commit_on(repo, "dates", "note", "day", "venue-station-f", "Metro line 14.")
    git(repo, "checkout", "-q", "main")
    commit_on(repo, "notes", "set", "day", "venue-grand-palais", "--priority", "must")
    result = git(repo, "merge", "--no-edit", "dates", check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    merged = pack(repo)
    entries = {e.item: e for s in merged.sections for e in s.entries}
    assert entries["venue-station-f"].note == "Metro line 14."
    assert entries["venue-grand-palais"].priority == "must"
    assert merged.conflict_count() == 0
    # Against each branch, the merge differs by the other branch's one line, nothing else.
    for parent, added, removed in (("HEAD^1", "1", "0"), ("HEAD^2", "1", "1")):
        numstat = git(repo, "diff", "--numstat", parent, "HEAD").stdout.split()
        assert numstat == [added, removed, "briefs/day.toml"], (parent, numstat)


@needs_git
def test_git_stops_on_one_note_edited_twice_and_brief_settles_it(repo: Path) -> None:
    item = "event-government-officials-day"
    commit_on(repo, "ours", "note", "day", item, "Our note.")
    git(repo, "checkout", "-q", "main")
    commit_on(repo, "theirs", "note", "day", item, "Their note.")
    git(repo, "checkout", "-q", "ours")
    result = git(repo, "merge", "--no-edit", "theirs", check=False)
    assert result.returncode != 0 and "CONFLICT" in result.stdout, result.stdout
    text = (repo / "briefs" / "day.toml").read_text(encoding="utf-8")
    assert "<<<<<<<" not in text, "git's line markers would make the pack unreadable"
    assert "[[sections.entries.conflicts]]" in text
    validate = brief(repo, "pack", "validate", "day")
    assert validate.returncode == 1
    conflict_line = next(line for line in validate.stderr.splitlines() if "merge conflict" in line)
    assert item in conflict_line and "Our note." in conflict_line and "Their note." in conflict_line
    assert re.match(
        r".*day\.toml:\d+: error: section \d+, entry \d+: merge conflict 1", conflict_line
    )
    shown = brief(repo, "pack", "show", "day")
    assert "1 merge conflict to settle" in shown.stdout
    assert brief(repo, "export", "day").returncode == 1
    settled = brief(repo, "pack", "resolve", "day", "1", "theirs")
    assert settled.returncode == 0, settled.stderr
    assert "no conflicts left" in settled.stdout
    entries = {e.item: e for s in pack(repo).sections for e in s.entries}
    assert entries[item].note == "Their note."
    assert pack(repo).conflict_count() == 0
    assert "merge conflict" not in brief(repo, "pack", "validate", "day").stderr
    git(repo, "add", "briefs/day.toml")
    git(repo, "commit", "-q", "--no-edit")


@needs_git
def test_one_edit_changes_only_its_own_lines_and_an_unchanged_save_changes_no_byte(
    repo: Path,
) -> None:
    path = repo / "briefs" / "day.toml"
    before = path.read_bytes()
    stat = path.stat()
    item = "event-business-day-station-f"
    note = next(e.note for s in pack(repo).sections for e in s.entries if e.item == item)
    assert brief(repo, "pack", "note", "day", item, note).returncode == 0
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == stat.st_mtime_ns, "a save that changes nothing writes nothing"
    assert brief(repo, "pack", "set", "day", item, "--priority", "must").returncode == 0
    assert git(repo, "diff", "--numstat").stdout.split() == ["1", "1", "briefs/day.toml"]
    diff = git(repo, "diff", "-U0").stdout
    assert '-priority = "optional"' in diff and '+priority = "must"' in diff


def test_a_broken_version_stops_the_merge_in_one_line_and_ours_is_untouched(
    tmp_path: Path,
) -> None:
    base, ours, theirs = (tmp_path / f"{name}.toml" for name in ("base", "ours", "theirs"))
    for path in (base, ours):
        shutil.copy(EXAMPLE, path)
    theirs.write_text('format = 1\ntitle = "Day"\n[[sections]\n', encoding="utf-8")
    before = ours.read_bytes()
    result = brief_process(tmp_path, "pack", "merge", str(base), str(ours), str(theirs))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert re.search(r"theirs\.toml:3:\d+:", result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert ours.read_bytes() == before


def test_without_a_common_ancestor_both_versions_merge_to_standard_output(
    tmp_path: Path,
) -> None:
    empty, ours, theirs = tmp_path / "empty", tmp_path / "ours.toml", tmp_path / "theirs.toml"
    empty.write_bytes(b"")
    ours.write_text(
        'title = "Brief"\n[[sections]]\ntitle = "People"\n[[sections.entries]]\nitem = "a"\n'
    )
    theirs.write_text(
        'title = "Brief"\n[[sections]]\ntitle = "People"\n[[sections.entries]]\nitem = "b"\n'
    )
    before = ours.read_bytes()
    result = brief_process(tmp_path, "pack", "merge", str(empty), str(ours), str(theirs), "-o", "-")
    assert result.returncode == 0, result.stderr
    merged = decode_pack(result.stdout.encode(), "merged.toml")
    assert merged.item_ids() == ["a", "b"]
    assert ours.read_bytes() == before


def test_resolve_names_a_conflict_that_is_not_there(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "day.toml")
    listed = brief_process(tmp_path, "pack", "resolve", "day")
    assert listed.returncode == 0 and "no merge conflicts" in listed.stdout
    refused = brief_process(tmp_path, "pack", "resolve", "day", "1", "ours")
    assert refused.returncode == 1
    assert refused.stderr.strip().endswith("the pack has no merge conflicts"), refused.stderr
    usage = brief_process(tmp_path, "pack", "resolve", "day", "1", "mine")
    assert usage.returncode == 2 and "ours, theirs" in usage.stderr
