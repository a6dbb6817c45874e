"""`brief export`: exact bytes to stdout or files, refusals checked before anything is written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from briefcase_tui.cli.app import app
from briefcase_tui.domain.export import render_pack
from briefcase_tui.domain.packs.codec import decode_pack
from tests.cli.test_corpus_cli import brief

if TYPE_CHECKING:
    from typer.testing import Result

    from briefcase_tui.domain.corpus.corpus import Corpus

runner = CliRunner()

SUMMIT = """title = "Summit day"

[[sections]]
title = "Context"

[[sections.entries]]
item = "ws-future-of-work"
note = "Ask about *the* observatory"

[[sections.entries]]
item = "day-2025-02-11"
"""
MISSING = """title = "Has gaps"

[[sections]]
title = "S"

[[sections.entries]]
item = "gone-one"

[[sections.entries]]
item = "ws-future-of-work"

[[sections.entries]]
item = "gone-two"
"""


@pytest.fixture
def briefs(tmp_path: Path) -> Path:
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "summit.toml").write_text(SUMMIT, encoding="utf-8")
    (folder / "other.toml").write_text(SUMMIT.replace("Summit day", "Other day"), encoding="utf-8")
    return folder


def expected(corpus: Corpus, path: Path, format: str = "markdown") -> bytes:
    return render_pack(decode_pack(path.read_bytes(), path), corpus, format)


def invoke(briefs: Path, *args: str) -> Result:
    return runner.invoke(app, ["--briefs", str(briefs), "export", *args])


def run(briefs: Path, *args: str) -> tuple[int, str, str]:
    return brief("--briefs", str(briefs), "export", *args)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder and its bytes, to prove an error wrote nothing."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def one_error_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("brief: ") and "Traceback" not in err, err
    return err


def test_export_writes_exactly_the_rendered_markdown_to_stdout(
    briefs: Path, corpus: Corpus
) -> None:
    result = invoke(briefs, "summit")
    assert result.exit_code == 0
    assert result.stdout_bytes == expected(corpus, briefs / "summit.toml")
    assert invoke(briefs, "summit", "-o", "-").stdout_bytes == result.stdout_bytes


def test_export_to_a_file_in_each_format(briefs: Path, tmp_path: Path, corpus: Corpus) -> None:
    for format, name in (
        ("markdown", "s.md"),
        ("html", "s.html"),
        ("json", "s.json"),
        ("ics", "s.ics"),
        ("docx", "s.docx"),
    ):
        code, out, err = run(briefs, "summit", "-o", str(tmp_path / name), "--format", format)
        assert code == 0, err
        assert out == f"{tmp_path / name}\n"
        assert (tmp_path / name).read_bytes() == expected(corpus, briefs / "summit.toml", format)


def test_export_to_a_folder_names_each_file_after_its_pack(briefs: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    code, _, _ = run(briefs, "summit", "-o", f"{out_dir}/", "-F", "html")
    assert code == 0 and sorted(os.listdir(out_dir)) == ["summit.html"]
    code, _, _ = run(briefs, "summit", "other", "-o", str(tmp_path / "both"))
    assert code == 0 and sorted(os.listdir(tmp_path / "both")) == ["other.md", "summit.md"]


def test_export_all_writes_every_pack_and_reports_a_malformed_one(
    briefs: Path, tmp_path: Path, corpus: Corpus
) -> None:
    (briefs / "broken.toml").write_text('title = "x"\ntitel = "y"\n', encoding="utf-8")
    code, out, err = run(briefs, "--all", "-o", str(tmp_path / "all"))
    assert code == 1
    assert sorted(os.listdir(tmp_path / "all")) == ["other.md", "summit.md"]
    assert one_error_line(err).startswith(
        f"brief: {briefs / 'broken.toml'}:2:1: unknown key 'titel'"
    )
    assert (tmp_path / "all" / "summit.md").read_bytes() == expected(corpus, briefs / "summit.toml")
    assert out.splitlines() == [
        str(tmp_path / "all" / "other.md"),
        str(tmp_path / "all" / "summit.md"),
    ]


def test_export_all_without_an_output_folder_is_a_usage_error(briefs: Path) -> None:
    code, _, err = run(briefs, "--all")
    assert code == 2 and "-o DIR" in err


def test_several_packs_to_stdout_is_a_usage_error(briefs: Path) -> None:
    code, out, err = run(briefs, "summit", "other")
    assert code == 2 and out == "" and "-o DIR" in err


def test_an_unknown_format_is_a_usage_error_with_a_suggestion(briefs: Path) -> None:
    code, _, err = run(briefs, "summit", "--format", "htm")
    assert code == 2 and "did you mean 'html'?" in err


def test_a_format_alias_exports_exactly_what_its_format_does(briefs: Path, tmp_path: Path) -> None:
    assert (
        invoke(briefs, "summit", "-F", "md").stdout_bytes == invoke(briefs, "summit").stdout_bytes
    )
    code, out, err = run(briefs, "summit", "other", "-o", str(tmp_path / "cal"), "-F", "ical")
    assert code == 0, err
    assert out.splitlines() == [str(tmp_path / "cal" / n) for n in ("summit.ics", "other.ics")]


def test_bytes_of_a_binary_format_never_pass_through_a_text_only_stdout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    from briefcase_tui.cli import output
    from briefcase_tui.errors import BriefcaseError

    text_only = io.StringIO()
    monkeypatch.setattr(sys, "stdout", text_only)
    output.write_bytes("é\r\n".encode(), text=True)
    assert text_only.getvalue() == "é\r\n"
    with pytest.raises(BriefcaseError, match="write to a file with -o"):
        output.write_bytes(b"\x89PNG\r\n", text=False)
    assert text_only.getvalue() == "é\r\n"


def test_items_missing_from_the_corpus_are_a_warning_and_strict_makes_them_an_error(
    briefs: Path, tmp_path: Path
) -> None:
    (briefs / "gaps.toml").write_text(MISSING, encoding="utf-8")
    code, out, err = run(briefs, "gaps")
    assert code == 0 and out.startswith("# Has gaps")
    assert (
        err == f"brief: warning: {briefs / 'gaps.toml'}: "
        "2 items not in the corpus: gone-one, gone-two\n"
    )
    target = tmp_path / "gaps.md"
    code, out, err = run(briefs, "gaps", "--strict", "-o", str(target))
    assert code == 1 and out == "" and not target.exists()
    assert (
        one_error_line(err)
        == f"brief: {briefs / 'gaps.toml'}: 2 items not in the corpus: gone-one, gone-two\n"
    )


def test_strict_export_of_several_packs_writes_none_if_one_has_gaps(
    briefs: Path, tmp_path: Path
) -> None:
    (briefs / "gaps.toml").write_text(MISSING, encoding="utf-8")
    code, _, _ = run(briefs, "--all", "--strict", "-o", str(tmp_path / "out"))
    assert code == 1 and not (tmp_path / "out").exists()


@pytest.mark.parametrize("target", ["summit.toml", "notes.toml"])
def test_an_export_never_overwrites_a_pack_or_any_toml_file(briefs: Path, target: str) -> None:
    (briefs / "notes.toml").write_text("# my notes\n", encoding="utf-8")
    before = snapshot(briefs)
    code, _, err = run(briefs, "summit", "-o", str(briefs / target))
    assert code == 1 and ".toml" in one_error_line(err)
    assert snapshot(briefs) == before


def test_an_export_over_the_input_file_is_refused_whatever_its_name(tmp_path: Path) -> None:
    pack = tmp_path / "pack.txt"
    pack.write_text(SUMMIT, encoding="utf-8")
    code, _, err = run(tmp_path, str(pack), "-o", str(pack))
    assert code == 1 and "refusing to overwrite" in one_error_line(err)
    assert pack.read_text(encoding="utf-8") == SUMMIT


def test_an_output_in_a_missing_folder_is_one_line_and_creates_nothing(
    briefs: Path, tmp_path: Path
) -> None:
    code, out, err = run(briefs, "summit", "-o", str(tmp_path / "nonexistent-dir" / "x.md"))
    assert code == 1 and out == ""
    assert one_error_line(err) == f"brief: {tmp_path / 'nonexistent-dir'}: no such folder\n"
    assert not (tmp_path / "nonexistent-dir").exists()


def test_an_output_below_a_file_is_one_line(briefs: Path, tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    code, _, err = run(briefs, "summit", "-o", str(tmp_path / "plain" / "x.md"))
    assert code == 1 and "not a folder" in one_error_line(err)


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders"
)
def test_an_output_in_a_read_only_folder_is_one_line(briefs: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, _, err = run(briefs, "summit", "-o", str(locked / "x.md"))
    finally:
        locked.chmod(0o700)
    assert code == 1 and "cannot write" in one_error_line(err)


@pytest.mark.skipif(
    not Path("/proc/self").is_dir(), reason="needs a folder no one can write, such as /proc"
)
def test_an_output_in_a_folder_even_root_cannot_write_is_one_line(briefs: Path) -> None:
    code, _, err = run(briefs, "summit", "-o", "/proc/briefcase-export.md")
    assert code == 1 and "cannot write" in one_error_line(err)
    assert not Path("/proc/briefcase-export.md").exists()


def test_a_missing_pack_is_one_line(briefs: Path) -> None:
    code, out, err = run(briefs, "sumit")
    assert code == 1 and out == "" and "did you mean 'summit'?" in one_error_line(err)


def test_export_is_deterministic_unless_stamped(briefs: Path) -> None:
    first, second = invoke(briefs, "summit").stdout_bytes, invoke(briefs, "summit").stdout_bytes
    assert first == second
    assert invoke(briefs, "summit", "--stamp").stdout_bytes != first


def test_export_all_prints_no_progress_bar_when_stderr_is_not_a_terminal(
    briefs: Path, tmp_path: Path
) -> None:
    code, _, err = run(briefs, "--all", "-o", str(tmp_path / "out"))
    assert code == 0 and err == ""


def _environment(briefs: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "BRIEF_CORPUS"}
    env["BRIEF_DIR"] = str(briefs)
    return env


def test_a_real_export_piped_into_a_reader_that_stops_early_ends_quietly(briefs: Path) -> None:
    long = SUMMIT + "".join(
        f'\n[[sections.entries]]\nnote = "{"long note " * 200}{n}"\n' for n in range(200)
    )
    (briefs / "long.toml").write_text(long, encoding="utf-8")
    producer = subprocess.Popen(
        [sys.executable, "-m", "briefcase_tui", "export", "long"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_environment(briefs),
    )
    assert producer.stdout is not None
    producer.stdout.readline()
    producer.stdout.close()
    _, err = producer.communicate()
    assert b"Traceback" not in err and err == b""


def test_a_real_export_never_imports_textual(briefs: Path, tmp_path: Path) -> None:
    script = (
        "import sys\n"
        f"sys.argv = ['brief', 'export', 'summit', '-o', {str(tmp_path / 's.html')!r}, "
        "'--format', 'html']\n"
        "from briefcase_tui.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('textual' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=_environment(briefs),
        check=False,
    )
    assert result.stderr.strip().splitlines()[-1] == "False"
    assert (tmp_path / "s.html").exists()


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
def test_export_all_shows_a_progress_bar_on_a_terminal_and_keeps_stdout_clean(
    briefs: Path, tmp_path: Path
) -> None:
    import pty

    controller, terminal = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "briefcase_tui", "export", "--all", "-o", str(tmp_path / "out")],
            stdout=subprocess.PIPE,
            stderr=terminal,
            env=_environment(briefs),
            check=False,
        )
    finally:
        os.close(terminal)
    shown = os.read(controller, 4096)
    os.close(controller)
    assert result.returncode == 0
    assert result.stdout.decode().splitlines() == [
        str(tmp_path / "out" / "other.md"),
        str(tmp_path / "out" / "summit.md"),
    ]
    assert b"Exporting" in shown and b"100%" in shown


def _real_export(briefs: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`brief export ...` as a separate process, the way a user meets it."""
    return subprocess.run(
        [sys.executable, "-m", "briefcase_tui", "export", *args],
        capture_output=True,
        text=True,
        env=_environment(briefs),
        check=False,
    )


@pytest.mark.parametrize(
    ("name", "format"),
    [
        ("brief.html", "html"),
        ("brief.HTM", "html"),
        ("brief.json", "json"),
        ("brief.ics", "ics"),
        ("brief.markdown", "markdown"),
        ("brief.md", "markdown"),
    ],
)
def test_without_a_format_the_extension_of_the_output_file_decides(
    briefs: Path, tmp_path: Path, corpus: Corpus, name: str, format: str
) -> None:
    result = _real_export(briefs, "summit", "-o", str(tmp_path / name))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / name).read_bytes() == expected(corpus, briefs / "summit.toml", format)


def test_an_output_file_with_no_known_extension_gets_markdown(
    briefs: Path, tmp_path: Path, corpus: Corpus
) -> None:
    for name in ("brief.txt", "brief"):
        result = _real_export(briefs, "summit", "-o", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
        assert (tmp_path / name).read_bytes() == expected(corpus, briefs / "summit.toml")


def test_md_is_a_format_name_a_real_export_accepts(briefs: Path, tmp_path: Path) -> None:
    result = _real_export(briefs, "summit", "-F", "md", "-o", str(tmp_path / "s.md"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "s.md").read_bytes().startswith(b"# Summit day")


@pytest.mark.parametrize(("name", "format"), [("brief.md", "html"), ("brief.ics", "md")])
def test_a_format_the_extension_contradicts_is_a_usage_error_naming_both(
    briefs: Path, tmp_path: Path, name: str, format: str
) -> None:
    result = _real_export(briefs, "summit", "-o", str(tmp_path / name), "-F", format)
    assert result.returncode == 2
    assert not (tmp_path / name).exists()
    [line] = [line for line in result.stderr.splitlines() if "contradicts" in line]
    assert f"{format} contradicts {tmp_path / name}" in line
    assert "Traceback" not in result.stderr


def test_a_format_matching_the_extension_or_an_unknown_one_is_accepted(
    briefs: Path, tmp_path: Path
) -> None:
    for name in ("s.ICS", "s.txt"):
        result = _real_export(briefs, "summit", "-o", str(tmp_path / name), "-F", "ical")
        assert result.returncode == 0, result.stderr
        assert (tmp_path / name).read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_a_real_calendar_export_escapes_the_pack_title_in_the_calendar_name(
    briefs: Path, tmp_path: Path
) -> None:
    title = "Paris; AI, Summit \\\\ notes"  # TOML for: Paris; AI, Summit \ notes
    (briefs / "odd.toml").write_text(SUMMIT.replace("Summit day", title), encoding="utf-8")
    result = _real_export(briefs, "odd", "-o", str(tmp_path / "odd.ics"))
    assert result.returncode == 0, result.stderr
    calendar = (tmp_path / "odd.ics").read_bytes()
    assert b"\r\nX-WR-CALNAME:Paris\\; AI\\, Summit \\\\ notes\r\n" in calendar


def test_a_real_export_to_a_docx_file_writes_a_word_document_python_docx_reads(
    briefs: Path, tmp_path: Path
) -> None:
    import io

    import docx

    result = _real_export(briefs, "summit", "-o", str(tmp_path / "brief.docx"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{tmp_path / 'brief.docx'}\n" and result.stderr == ""
    data = (tmp_path / "brief.docx").read_bytes()
    document = docx.Document(io.BytesIO(data))
    styles = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    assert styles[0] == ("Title", "Summit day")
    assert ("Heading 1", "Context") in styles
    assert any(text == "Author's note: Ask about *the* observatory" for _, text in styles)
    again = _real_export(briefs, "summit", "-o", str(tmp_path / "again.docx"))
    assert again.returncode == 0 and (tmp_path / "again.docx").read_bytes() == data


def test_export_all_as_word_writes_a_docx_per_pack(briefs: Path, tmp_path: Path) -> None:
    code, out, err = run(briefs, "--all", "-F", "word", "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert out.splitlines() == [str(tmp_path / "out" / n) for n in ("other.docx", "summit.docx")]
    assert all(p.read_bytes()[:4] == b"PK\x03\x04" for p in (tmp_path / "out").iterdir())


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
def test_a_word_export_to_a_terminal_is_a_usage_error_and_piped_it_is_the_file(
    briefs: Path, tmp_path: Path, corpus: Corpus
) -> None:
    import pty

    controller, terminal = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "briefcase_tui", "export", "summit", "-F", "docx"],
            stdout=terminal,
            stderr=subprocess.PIPE,
            env=_environment(briefs),
            check=False,
        )
    finally:
        os.close(terminal)
    os.close(controller)
    assert result.returncode == 2
    assert b"write it to a file with -o NAME.docx" in result.stderr
    assert b"Traceback" not in result.stderr
    piped = subprocess.run(
        [sys.executable, "-m", "briefcase_tui", "export", "summit", "-F", "docx"],
        capture_output=True,
        env=_environment(briefs),
        check=False,
    )
    assert piped.returncode == 0
    assert piped.stdout == expected(corpus, briefs / "summit.toml", "docx")


def test_a_real_markdown_export_never_imports_the_word_libraries(
    briefs: Path, tmp_path: Path
) -> None:
    script = (
        "import sys\n"
        f"sys.argv = ['brief', 'export', 'summit', '-o', {str(tmp_path / 's.md')!r}]\n"
        "from briefcase_tui.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('docx', 'lxml') if m in sys.modules), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=_environment(briefs),
        check=False,
    )
    assert result.stderr.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "s.md").exists()


def test_without_python_docx_a_word_export_says_exactly_what_to_install(
    briefs: Path, tmp_path: Path
) -> None:
    script = (
        "import sys\n"
        "sys.modules['docx'] = None\n"
        f"sys.argv = ['brief', 'export', 'summit', '-o', {str(tmp_path / 's.docx')!r}]\n"
        "from briefcase_tui.cli.launch import main\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=_environment(briefs),
        check=False,
    )
    assert result.returncode == 1
    assert one_error_line(result.stderr) == (
        "brief: the Word export needs python-docx, which is not installed: "
        "pip install 'python-docx>=1.2,<2'\n"
    )
    assert not (tmp_path / "s.docx").exists()
