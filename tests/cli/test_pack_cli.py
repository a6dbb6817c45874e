"""`brief pack ...`: packs made, shown, edited and checked on the command line, then on disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from briefcase_tui.cli.app import app
from briefcase_tui.domain.packs.codec import decode_pack
from briefcase_tui.domain.packs.models import Pack
from briefcase_tui.domain.packs.store import backup_path
from tests.cli.test_corpus_cli import brief

if TYPE_CHECKING:
    from briefcase_tui.domain.packs.store import PackStore

runner = CliRunner()

SUMMIT = """format = 1
title = "Summit day"
audience = "Minister"

[[sections]]
title = "Context"

[[sections.entries]]
item = "ws-future-of-work"
note = "Ask about the observatory"
priority = "must"
tags = ["jobs"]

[[sections.entries]]
note = "Badge pick-up at 8:00"

[[sections]]
title = "Asks"

[[sections.entries]]
item = "day-2025-02-11"
"""


@pytest.fixture
def briefs(tmp_path: Path) -> Path:
    """A briefs folder holding one pack, `summit`."""
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "summit.toml").write_text(SUMMIT, encoding="utf-8")
    return folder


def run(briefs: Path, *args: str, input: str | None = None) -> tuple[int, str, str]:
    """`brief --briefs FOLDER ...` in-process through main(); stdin through CliRunner when given."""
    if input is not None:
        result = runner.invoke(app, ["--briefs", str(briefs), *args], input=input)
        return result.exit_code, result.stdout, result.stderr
    return brief("--briefs", str(briefs), *args)


def load(path: Path) -> Pack:
    return decode_pack(path.read_bytes(), path)


def ids(pack: Pack) -> list[list[str]]:
    return [[e.item or f"note:{e.note}" for e in s.entries] for s in pack.sections]


def one_error_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("brief: ") and "Traceback" not in err, err
    return err


# --- new, list, templates ------------------------------------------------------------------------


def test_new_creates_a_pack_named_after_its_title_and_prints_its_path(tmp_path: Path) -> None:
    folder = tmp_path / "fresh"
    code, out, _ = run(
        folder,
        "pack",
        "new",
        "Élysée dinner: ../../etc",
        "--audience",
        "PM",
        "--date",
        "2025-02-10",
        "--author",
        "Ann",
    )
    assert code == 0
    path = Path(out.strip())
    assert path == folder / "elysee-dinner-etc.toml"
    pack = load(path)
    assert (pack.title, pack.audience, str(pack.date), pack.author) == (
        "Élysée dinner: ../../etc",
        "PM",
        "2025-02-10",
        "Ann",
    )


def test_new_never_replaces_a_pack_with_the_same_title(briefs: Path) -> None:
    before = (briefs / "summit.toml").read_bytes()
    code, out, _ = run(briefs, "pack", "new", "Summit")
    assert code == 0 and Path(out.strip()).name == "summit-2.toml"
    assert (briefs / "summit.toml").read_bytes() == before


def test_new_with_file_refuses_an_existing_file_and_leaves_it_alone(
    briefs: Path, tmp_path: Path
) -> None:
    before = (briefs / "summit.toml").read_bytes()
    code, _, err = run(briefs, "pack", "new", "Other", "--file", str(briefs / "summit.toml"))
    assert code == 1 and "already exists" in one_error_line(err)
    assert (briefs / "summit.toml").read_bytes() == before
    code, _, _ = run(briefs, "pack", "new", "Other", "--file", str(tmp_path / "elsewhere.toml"))
    assert code == 0 and load(tmp_path / "elsewhere.toml").title == "Other"


def test_new_from_a_template_takes_a_lone_parameter_without_its_name(tmp_path: Path) -> None:
    code, out, err = run(
        tmp_path / "b", "pack", "new", "Monday", "--template", "day-sheet", "--param", "2025-02-10"
    )
    assert code == 0, err
    pack = load(Path(out.strip()))
    assert pack.title == "Monday" and pack.entry_count() > 0


def test_new_from_a_template_with_named_parameter_and_details(tmp_path: Path) -> None:
    code, out, err = run(
        tmp_path / "b",
        "pack",
        "new",
        "Work",
        "-T",
        "workstream-brief",
        "--param",
        "workstream=ws-future-of-work",
        "--audience",
        "Labour minister",
    )
    assert code == 0, err
    pack = load(Path(out.strip()))
    assert pack.audience == "Labour minister" and "ws-future-of-work" in pack.item_ids()


def test_an_unknown_template_is_a_usage_error_with_a_suggestion(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "b", "pack", "new", "X", "--template", "day-shet")
    assert code == 2 and "did you mean 'day-sheet'?" in err
    assert not (tmp_path / "b").exists()


def test_a_bad_date_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "b", "pack", "new", "X", "--date", "10/02/2025")
    assert code == 2 and "YYYY-MM-DD" in err


def test_templates_lists_names_and_parameters(tmp_path: Path) -> None:
    code, out, _ = run(tmp_path, "pack", "templates")
    assert code == 0
    assert "day-sheet" in out and "--param day=" in out and "tech7-vs-statement" in out


def test_list_shows_name_title_and_counts(briefs: Path) -> None:
    code, out, err = run(briefs, "pack", "list")
    assert code == 0 and err == ""
    assert out.split() == ["summit", "Summit", "day", "(2", "sections,", "3", "entries)"]


def test_list_json_gives_counts_for_scripts(briefs: Path) -> None:
    code, out, _ = run(briefs, "pack", "list", "--json")
    assert code == 0
    [row] = json.loads(out)
    assert (row["name"], row["title"], row["sections"], row["entries"]) == (
        "summit",
        "Summit day",
        2,
        3,
    )


def test_list_reports_a_malformed_pack_and_still_lists_the_others(briefs: Path) -> None:
    (briefs / "broken.toml").write_text('title = "Broken"\ntitel = "x"\n', encoding="utf-8")
    code, out, err = run(briefs, "pack", "list")
    assert code == 1
    assert "summit" in out and "broken" not in out
    assert one_error_line(err).startswith(
        f"brief: {briefs / 'broken.toml'}:2:1: unknown key 'titel'"
    )


def test_list_of_an_empty_folder_says_where_packs_are_looked_for(tmp_path: Path) -> None:
    code, out, err = run(tmp_path / "none", "pack", "list")
    assert code == 0 and out == ""
    assert str(tmp_path / "none") in err and "brief pack new" in err


def test_the_briefs_option_beats_the_environment(
    briefs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEF_DIR", str(tmp_path / "other"))
    code, out, _ = run(briefs, "pack", "list", "--json")
    assert code == 0 and json.loads(out)[0]["name"] == "summit"


# --- show ----------------------------------------------------------------------------------------


def test_show_numbers_entries_in_pack_order_with_titles_notes_priority_and_tags(
    briefs: Path,
) -> None:
    code, out, _ = run(briefs, "pack", "show", "summit")
    assert code == 0
    assert out.startswith("Summit day\nAudience: Minister\n")
    assert "   1. Future of Work (ws-future-of-work)" in out
    assert "priority: must · tags: jobs" in out and "Note: Ask about the observatory" in out
    assert "   2. Note: Badge pick-up at 8:00" in out
    assert "   3. Tuesday 11 February 2025" in out
    assert out.index("§1 Context") < out.index("§2 Asks")


def test_show_flags_an_id_that_is_not_in_the_corpus(briefs: Path) -> None:
    (briefs / "odd.toml").write_text(
        'title = "Odd"\n[[sections]]\ntitle = "S"\n[[sections.entries]]\nitem = "no-such-item"\n',
        encoding="utf-8",
    )
    code, out, _ = run(briefs, "pack", "show", "odd")
    assert code == 0 and "no-such-item ! not in the corpus" in out


def test_show_json_is_the_json_export(briefs: Path) -> None:
    from briefcase_tui.domain.corpus.load import load_corpus
    from briefcase_tui.domain.export import render_pack
    from briefcase_tui.paths import BUNDLED_CORPUS_DIR

    result = runner.invoke(app, ["--briefs", str(briefs), "pack", "show", "summit", "--json"])
    assert result.exit_code == 0
    expected = render_pack(load(briefs / "summit.toml"), load_corpus(BUNDLED_CORPUS_DIR), "json")
    assert result.stdout_bytes == expected


# --- edits ---------------------------------------------------------------------------------------


def test_add_appends_items_in_order_to_the_last_section_with_priority_and_tags(
    briefs: Path,
) -> None:
    code, out, err = run(
        briefs,
        "pack",
        "add",
        "summit",
        "ws-international-governance",
        "day-2025-02-10",
        "--priority",
        "should",
        "--tag",
        "gov",
        "--tag",
        "gov",
    )
    assert code == 0 and out == "" and "added" in err
    pack = load(briefs / "summit.toml")
    assert ids(pack)[1] == ["day-2025-02-11", "ws-international-governance", "day-2025-02-10"]
    added = pack.sections[1].entries[1]
    assert (added.priority, added.tags) == ("should", ("gov",))
    assert backup_path(briefs / "summit.toml").read_text(encoding="utf-8") == SUMMIT


def test_add_at_a_position_in_a_named_section(briefs: Path) -> None:
    code, _, _ = run(
        briefs,
        "pack",
        "add",
        "summit",
        "day-2025-02-10",
        "--section",
        "context",
        "--at",
        "1",
        "--note",
        "Arrival day",
    )
    assert code == 0
    pack = load(briefs / "summit.toml")
    assert ids(pack)[0][0] == "day-2025-02-10" and pack.sections[0].entries[0].note == "Arrival day"


def test_add_a_note_of_its_own(briefs: Path) -> None:
    code, _, _ = run(
        briefs, "pack", "add", "summit", "--note", "Call the embassy", "--section", "1"
    )
    assert code == 0 and ids(load(briefs / "summit.toml"))[0][-1] == "note:Call the embassy"


def test_add_an_unknown_id_changes_nothing_and_suggests_the_nearest(briefs: Path) -> None:
    before = (briefs / "summit.toml").read_bytes()
    code, out, err = run(
        briefs, "pack", "add", "summit", "ws-international-governance", "ws-futur-of-wrk"
    )
    assert code == 1 and out == ""
    assert "did you mean 'ws-future-of-work'" in one_error_line(err)
    assert (briefs / "summit.toml").read_bytes() == before


def test_add_to_a_missing_section_is_an_error_unless_asked_to_create_it(briefs: Path) -> None:
    before = (briefs / "summit.toml").read_bytes()
    code, _, err = run(briefs, "pack", "add", "summit", "day-2025-02-10", "--section", "Askss")
    assert code == 1 and "did you mean 'Asks'?" in one_error_line(err) and "--new-section" in err
    assert (briefs / "summit.toml").read_bytes() == before
    code, _, _ = run(
        briefs, "pack", "add", "summit", "day-2025-02-10", "--section", "Logistics", "--new-section"
    )
    pack = load(briefs / "summit.toml")
    assert code == 0 and [s.title for s in pack.sections] == ["Context", "Asks", "Logistics"]
    assert ids(pack)[2] == ["day-2025-02-10"]


def test_add_an_item_already_in_the_pack_is_refused_naming_the_file(briefs: Path) -> None:
    before = (briefs / "summit.toml").read_bytes()
    code, _, err = run(briefs, "pack", "add", "summit", "day-2025-02-11")
    assert code == 1 and one_error_line(err).startswith(
        f"brief: {briefs / 'summit.toml'}: 'day-2025-02-11' is already"
    )
    assert (briefs / "summit.toml").read_bytes() == before


def test_add_with_nothing_to_add_is_a_usage_error(briefs: Path) -> None:
    code, _, _ = run(briefs, "pack", "add", "summit")
    assert code == 2


def test_remove_by_number_or_by_id(briefs: Path) -> None:
    assert run(briefs, "pack", "remove", "summit", "2")[0] == 0
    assert ids(load(briefs / "summit.toml")) == [["ws-future-of-work"], ["day-2025-02-11"]]
    assert run(briefs, "pack", "remove", "summit", "day-2025-02-11")[0] == 0
    assert ids(load(briefs / "summit.toml")) == [["ws-future-of-work"], []]


def test_remove_an_entry_not_in_the_pack_changes_nothing(briefs: Path) -> None:
    before = (briefs / "summit.toml").read_bytes()
    code, _, err = run(briefs, "pack", "remove", "summit", "ws-future-of-wrk")
    assert code == 1 and "did you mean 'ws-future-of-work'" in one_error_line(err)
    assert (briefs / "summit.toml").read_bytes() == before


def test_move_to_another_section_and_to_a_position(briefs: Path) -> None:
    assert run(briefs, "pack", "move", "summit", "ws-future-of-work", "--section", "Asks")[0] == 0
    assert ids(load(briefs / "summit.toml"))[1] == ["day-2025-02-11", "ws-future-of-work"]
    assert run(briefs, "pack", "move", "summit", "ws-future-of-work", "--to", "1")[0] == 0
    assert ids(load(briefs / "summit.toml"))[1] == ["ws-future-of-work", "day-2025-02-11"]


def test_move_without_a_destination_is_a_usage_error_and_changes_nothing(briefs: Path) -> None:
    before = (briefs / "summit.toml").read_bytes()
    code, _, err = run(briefs, "pack", "move", "summit", "1")
    assert code == 2 and "--to" in err
    assert (briefs / "summit.toml").read_bytes() == before


def test_note_from_stdin_then_cleared(briefs: Path) -> None:
    code, _, _ = run(
        briefs, "pack", "note", "summit", "day-2025-02-11", "-", input="Bring [the] badge\n"
    )
    assert code == 0
    assert load(briefs / "summit.toml").sections[1].entries[0].note == "Bring [the] badge"
    assert run(briefs, "pack", "note", "summit", "day-2025-02-11", "")[0] == 0
    assert load(briefs / "summit.toml").sections[1].entries[0].note == ""


def test_a_note_of_its_own_cannot_be_emptied(briefs: Path) -> None:
    before = (briefs / "summit.toml").read_bytes()
    code, _, err = run(briefs, "pack", "note", "summit", "2", "")
    assert code == 1 and "brief pack remove" in one_error_line(err)
    assert (briefs / "summit.toml").read_bytes() == before


def test_set_priority_and_tags(briefs: Path) -> None:
    assert run(briefs, "pack", "set", "summit", "1", "--priority", "none", "--tag", "eu")[0] == 0
    entry = load(briefs / "summit.toml").sections[0].entries[0]
    assert (entry.priority, entry.tags) == (None, ("jobs", "eu"))
    assert (
        run(briefs, "pack", "set", "summit", "1", "--clear-tags", "--priority", "optional")[0] == 0
    )
    entry = load(briefs / "summit.toml").sections[0].entries[0]
    assert (entry.priority, entry.tags) == ("optional", ())


def test_set_a_mistyped_priority_is_a_usage_error(briefs: Path) -> None:
    code, _, err = run(briefs, "pack", "set", "summit", "1", "--priority", "mus")
    assert code == 2 and "did you mean 'must'?" in err


def test_sections_are_added_renamed_and_removed(briefs: Path) -> None:
    assert (
        run(
            briefs,
            "pack",
            "section",
            "summit",
            "add",
            "Background",
            "--intro",
            "Read first",
            "--at",
            "1",
        )[0]
        == 0
    )
    assert run(briefs, "pack", "section", "summit", "rename", "asks", "Our asks")[0] == 0
    pack = load(briefs / "summit.toml")
    assert [s.title for s in pack.sections] == ["Background", "Context", "Our asks"]
    assert pack.sections[0].intro == "Read first"
    assert run(briefs, "pack", "section", "summit", "remove", "1")[0] == 0
    assert run(briefs, "pack", "section", "summit", "remove", "Our asks", "--with-entries")[0] == 0
    assert [s.title for s in load(briefs / "summit.toml").sections] == ["Context"]


def test_removing_a_section_that_holds_entries_needs_with_entries(briefs: Path) -> None:
    before = (briefs / "summit.toml").read_bytes()
    code, _, err = run(briefs, "pack", "section", "summit", "remove", "Context")
    assert code == 1 and "holds 2 entries" in one_error_line(err)
    assert (briefs / "summit.toml").read_bytes() == before


def test_editing_a_pack_with_comments_warns_that_they_live_on_in_the_backup(briefs: Path) -> None:
    commented = "# keep this thought\n" + SUMMIT
    (briefs / "summit.toml").write_text(commented, encoding="utf-8")
    code, _, err = run(briefs, "pack", "remove", "summit", "2")
    assert code == 0
    warning = [line for line in err.splitlines() if "warning" in line]
    assert warning == [
        f"brief: warning: {briefs / 'summit.toml'}: its comments are not kept; "
        f"the previous version is in {briefs / '.summit.toml.bak'}"
    ]
    assert (briefs / ".summit.toml.bak").read_text(encoding="utf-8") == commented


def test_an_edit_that_changes_nothing_leaves_the_file_and_its_comments_alone(
    briefs: Path,
) -> None:
    commented = "# keep this thought\n" + SUMMIT
    (briefs / "summit.toml").write_text(commented, encoding="utf-8")
    code, _, err = run(briefs, "pack", "set", "summit", "1", "--priority", "must")
    assert code == 0 and err == f"updated 1 in {briefs / 'summit.toml'}\n"
    assert (briefs / "summit.toml").read_text(encoding="utf-8") == commented
    assert not (briefs / ".summit.toml.bak").exists()


def test_an_edit_of_a_pack_changed_since_it_was_read_is_refused(
    briefs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI edits through the app's PackSession, so it refuses what the app refuses.

    It applies the edit again to each new version (issue 10); a pack that someone changes
    after every read is refused when those attempts run out, and keeps their version.
    """
    from briefcase_tui.domain.packs.session import PackSession

    opened = PackSession.open
    writes: list[str] = []

    def open_then_someone_else_writes(store: PackStore, reference: str | Path) -> PackSession:
        session = opened(store, reference)
        writes.append(f"{SUMMIT}# theirs {len(writes)}\n")
        (briefs / "summit.toml").write_text(writes[-1], encoding="utf-8")
        return session

    monkeypatch.setattr(PackSession, "open", open_then_someone_else_writes)
    code, _, err = run(briefs, "pack", "remove", "summit", "2")
    assert code == 1 and "changed on disk since it was loaded" in one_error_line(err)
    assert (briefs / "summit.toml").read_text(encoding="utf-8") == writes[-1]


# --- errors reading packs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('title = "x"\n[[sections]\n', ":2:"),
        (
            'title = "x"\n\n[[sections]]\ntitle = "S"\n\n[[sections.entries]]\n'
            'item = "ws-future-of-work"\npriority = "urgent"\n',
            ":8:1: section 1, entry 1: field 'priority'",
        ),
        ('format = 9\ntitle = "x"\n', ":1:1: written in pack format 9 by a newer Briefcase"),
    ],
)
def test_a_bad_pack_file_is_one_located_line_and_is_left_untouched(
    briefs: Path, text: str, expected: str
) -> None:
    path = briefs / "bad.toml"
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    for command in (
        ["pack", "show", "bad"],
        ["pack", "add", "bad", "day-2025-02-10"],
        ["pack", "remove", "bad", "1"],
    ):
        code, out, err = run(briefs, *command)
        assert code == 1 and out == ""
        assert one_error_line(err).startswith(f"brief: {path}{expected}"), err
    assert path.read_bytes() == before
    assert not backup_path(path).exists()


def test_a_missing_pack_names_the_nearest_one(briefs: Path) -> None:
    code, _, err = run(briefs, "pack", "show", "sumit")
    assert code == 1 and "did you mean 'summit'?" in one_error_line(err)
    code, _, err = run(briefs, "pack", "show", str(briefs / "gone.toml"))
    assert code == 1 and one_error_line(err) == f"brief: {briefs / 'gone.toml'}: no such file\n"


# --- validate and diff ---------------------------------------------------------------------------


def test_validate_a_clean_pack_prints_ok(briefs: Path) -> None:
    (briefs / "clean.toml").write_text(
        'title = "C"\n[[sections]]\ntitle = "S"\n[[sections.entries]]\nnote = "n"\n',
        encoding="utf-8",
    )
    code, out, err = run(briefs, "pack", "validate", "clean")
    assert (code, out, err) == (0, f"{briefs / 'clean.toml'}: ok\n", "")


def test_validate_reports_warnings_but_passes_unless_strict(briefs: Path) -> None:
    code, out, err = run(briefs, "pack", "validate", "summit")
    assert code == 0 and out.startswith(f"{briefs / 'summit.toml'}: ok (")
    assert (
        f"{briefs / 'summit.toml'}:8: warning: section 1, entry 1: "
        "sources disagree about 'ws-future-of-work'" in err
    )
    assert run(briefs, "pack", "validate", "summit", "--strict")[0] == 1


def test_validate_fails_on_unknown_ids_and_still_checks_the_other_packs(briefs: Path) -> None:
    (briefs / "typo.toml").write_text(
        'title = "T"\n\n[[sections]]\ntitle = "S"\n\n'
        '[[sections.entries]]\nitem = "ws-futur-of-work"\n',
        encoding="utf-8",
    )
    (briefs / "broken.toml").write_text("title = \n", encoding="utf-8")
    code, out, err = run(briefs, "pack", "validate", "broken", "typo", "summit")
    assert code == 1
    lines = err.splitlines()
    assert lines[0].startswith(f"{briefs / 'broken.toml'}:1:")
    assert (
        f"{briefs / 'typo.toml'}:6: error: section 1, entry 1: "
        "'ws-futur-of-work' is not in the corpus "
        "(did you mean 'ws-future-of-work'?)"
    ) in lines
    assert f"{briefs / 'summit.toml'}: ok" in out


def test_diff_lists_changes_with_markers_and_exits_0(briefs: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.toml"
    old.write_text(SUMMIT, encoding="utf-8")
    run(briefs, "pack", "add", "summit", "day-2025-02-10")
    run(briefs, "pack", "remove", "summit", "2")
    run(briefs, "pack", "move", "summit", "ws-future-of-work", "--section", "Asks")
    run(briefs, "pack", "section", "summit", "rename", "Asks", "Our asks")
    code, out, _ = run(briefs, "pack", "diff", str(old), "summit")
    assert code == 0
    assert out.splitlines() == [
        "~ section 'Asks' renamed to 'Our asks'",
        "- note “Badge pick-up at 8:00” from 'Context'",
        "+ day-2025-02-10 in 'Our asks'",
        "> ws-future-of-work moved from 'Context' to 'Our asks'",
    ]


def test_diff_of_equal_packs_says_so_and_json_is_empty(briefs: Path) -> None:
    assert run(briefs, "pack", "diff", "summit", "summit") == (0, "no differences\n", "")
    code, out, _ = run(briefs, "pack", "diff", "summit", "summit", "--json")
    assert code == 0
    assert json.loads(out) == {"details": [], "sections": [], "entries": []}


# --- real processes ------------------------------------------------------------------------------


def _environment(briefs: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "BRIEF_CORPUS"}
    env["BRIEF_DIR"] = str(briefs)
    return env


def test_a_real_process_adds_to_a_pack_found_through_brief_dir(briefs: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefcase_tui", "pack", "add", "summit", "day-2025-02-10"],
        capture_output=True,
        text=True,
        env=_environment(briefs),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "day-2025-02-10" in load(briefs / "summit.toml").item_ids()


def test_a_real_process_reports_a_malformed_pack_without_a_traceback(briefs: Path) -> None:
    (briefs / "bad.toml").write_text('title = "x"\nsections = [\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "briefcase_tui", "pack", "show", "bad"],
        capture_output=True,
        text=True,
        env=_environment(briefs),
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(
        f"brief: {briefs / 'bad.toml'}:"
    )
