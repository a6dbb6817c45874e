"""`brief list / show / search / corpus dump / corpus check`, in-process and as real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcase_tui import __version__
from briefcase_tui.cli.app import app, main

runner = CliRunner()


def brief(*args: str) -> tuple[int, str, str]:
    """Run `brief` in-process through main(), as the console script does."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["brief", *args]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main()
                code = 0
            except SystemExit as exit_:
                code = (
                    exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
                )
    finally:
        sys.argv = argv
    return code, out.getvalue(), err.getvalue()


def test_version_prints_the_package_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"brief {__version__}"


def test_list_by_kind_shows_the_five_workstreams() -> None:
    result = runner.invoke(app, ["list", "--kind", "workstream"])
    assert result.exit_code == 0
    for title in (
        "International Governance",
        "Future of Work",
        "Security & Safety",
        "AI for General Interest",
        "Innovation and Culture",
    ):
        assert title in result.stdout


def test_list_json_filters_by_day_and_returns_items_on_that_date() -> None:
    result = runner.invoke(app, ["list", "--day", "2025-02-11", "--kind", "event", "--json"])
    assert result.exit_code == 0
    ids = {row["id"] for row in json.loads(result.stdout)}
    assert {"event-government-officials-day", "event-business-day-station-f"} <= ids
    assert "event-business-leaders-day" not in ids


def test_list_by_tag_and_source_narrows_the_results() -> None:
    everything = json.loads(runner.invoke(app, ["list", "--json"]).stdout)
    narrowed = json.loads(
        runner.invoke(app, ["list", "--tag", "energy", "--source", "statement", "--json"]).stdout
    )
    assert 0 < len(narrowed) < len(everything)
    assert any(row["id"] == "statement-action-energy-observatory" for row in narrowed)


def test_show_renders_facts_quotes_caveats_and_related_items_in_80_columns() -> None:
    result = runner.invoke(app, ["show", "day-2025-02-11"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    text = result.stdout
    assert "Quotes" in text and "Related" in text
    assert "! Sources disagree: Which day was the main summit" in text
    flowing = " ".join(text.split())
    assert "(pre-event preview)" in flowing and "(official outcome)" in flowing
    assert max(len(line) for line in text.splitlines()) <= 80


def test_show_json_matches_the_item_in_the_dump() -> None:
    shown = json.loads(runner.invoke(app, ["show", "ws-future-of-work", "--json"]).stdout)
    dump = json.loads(runner.invoke(app, ["corpus", "dump"]).stdout)
    [in_dump] = [i for i in dump["items"] if i["id"] == "ws-future-of-work"]
    assert shown == in_dump
    assert shown["envoy"] == "person-sana-de-courcelles"
    assert shown["quotes"][0].keys() == {"text", "source", "locator"}


def test_the_dump_holds_sources_and_every_item() -> None:
    dump = json.loads(runner.invoke(app, ["corpus", "dump"]).stdout)
    assert {s["id"] for s in dump["sources"]} == {
        "tech7",
        "statement",
        "techuk-preview",
        "commentary",
    }
    assert len(dump["items"]) == len({i["id"] for i in dump["items"]}) > 250


def test_search_json_lists_hits_best_first_with_scores() -> None:
    result = runner.invoke(app, ["search", "envoy future of work", "--json", "--limit", "3"])
    hits = json.loads(result.stdout)
    keys = {"id", "kind", "title", "score", "matched_in", "matched_words"}
    assert [set(h) for h in hits] == [keys] * len(hits)
    assert hits[0]["id"] == "person-sana-de-courcelles"
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_search_by_kind_only_returns_that_kind() -> None:
    hits = json.loads(runner.invoke(app, ["search", "paris", "--kind", "venue", "--json"]).stdout)
    assert hits and {h["kind"] for h in hits} == {"venue"}


def test_an_unknown_id_exits_1_with_suggestions_on_one_line() -> None:
    code, out, err = brief("show", "ws-futur-of-work")
    assert code == 1 and out == ""
    assert err == "brief: no item with id 'ws-futur-of-work' (did you mean 'ws-future-of-work'?)\n"


def test_an_unknown_kind_is_a_usage_error_with_a_hint() -> None:
    code, _, err = brief("list", "--kind", "wrkstream")
    assert code == 2
    assert "did you mean 'workstream'?" in err


def test_a_bad_day_is_a_usage_error() -> None:
    code, _, err = brief("list", "--day", "11/02/2025")
    assert code == 2 and "YYYY-MM-DD" in err


def test_a_missing_corpus_folder_exits_1_with_one_line(tmp_path: Path) -> None:
    code, _, err = brief("--corpus", str(tmp_path / "nowhere"), "list")
    assert code == 1
    assert err.count("\n") == 1 and "corpus folder not found" in err


def test_the_corpus_environment_variable_points_at_another_corpus(
    corpus_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (corpus_copy / "extra.toml").write_text(
        '[[items]]\nid = "venue-kigali"\nkind = "venue"\n'
        'title = "Kigali Convention Centre"\nsummary = "s"\n'
        '[[items.quotes]]\ntext = "Kigali Summit"\nsource = "statement"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("BRIEF_CORPUS", str(corpus_copy))
    code, out, _ = brief("show", "venue-kigali")
    assert code == 0 and "Kigali Convention Centre" in out


def test_corpus_check_lists_every_problem_and_exits_1(corpus_copy: Path) -> None:
    (corpus_copy / "bad.toml").write_text(
        '[[tags]]\nid = "x"\nlabel = "X"\ncolour = "red"\n\n[[tags]]\nid = "Bad Id"\nlabel = "Y"\n',
        encoding="utf-8",
    )
    code, out, err = brief("corpus", "check", str(corpus_copy))
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert any("bad.toml:4: tag 'x': field 'colour': unknown key" in line for line in lines)
    assert any("tag 'Bad Id': field 'id'" in line for line in lines)
    assert lines[-1].startswith("2 problems in ")


def test_corpus_check_of_the_bundled_corpus_is_ok() -> None:
    code, out, _ = brief("corpus", "check")
    assert code == 0 and out.endswith(": ok\n")


def _environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "BRIEF_CORPUS"}


def test_brief_runs_as_a_real_process_and_searches() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefcase_tui", "search", "grand palais", "--json"],
        capture_output=True,
        text=True,
        env=_environment(),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["id"] == "venue-grand-palais"


def test_a_real_process_error_has_no_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefcase_tui", "show", "nope"],
        capture_output=True,
        text=True,
        env=_environment(),
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stderr.startswith(
        "brief: no item with id 'nope'"
    )


def test_a_closed_pipe_ends_quietly() -> None:
    producer = subprocess.Popen(
        [sys.executable, "-m", "briefcase_tui", "corpus", "dump"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_environment(),
    )
    assert producer.stdout is not None
    producer.stdout.readline()
    producer.stdout.close()
    _, err = producer.communicate()
    assert b"Traceback" not in err


def test_the_cli_never_imports_textual() -> None:
    script = (
        "import sys\n"
        "sys.argv = ['brief', 'search', 'future of work']\n"
        "from briefcase_tui.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.argv = ['brief', 'show', 'ws-future-of-work']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('textual' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=_environment(),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "False"


def test_brief_with_no_command_opens_the_app(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from briefcase_tui.cli import app as cli_app
    from briefcase_tui.cli import tui

    opened: list[object] = []
    monkeypatch.setattr(tui, "open_app", lambda folder, *_: opened.append(folder))
    result = CliRunner().invoke(cli_app.app, ["--corpus", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert opened == [tmp_path]


def test_a_bare_brief_goes_straight_to_the_app_and_anything_else_to_typer() -> None:
    from briefcase_tui.cli.launch import bare_folders

    assert bare_folders([]) == (True, None, None)
    assert bare_folders(["--corpus", "x"]) == (True, Path("x"), None)
    assert bare_folders(["--corpus=x"]) == (True, Path("x"), None)
    assert bare_folders(["show", "x"])[0] is False
    assert bare_folders(["--corpus", "x", "list"])[0] is False
    assert bare_folders(["--version"])[0] is False
