"""Packs told when an item changes: a pack made with one corpus release, read with the next.

An adviser builds a pack; the corpus is then corrected (one summary rewritten, one item
removed) and its maintainer records the history. `validate` warns, `show` marks the entry,
`review` shows the old reading beside the new one, and `--accept` records the new one.
A pack written before fingerprints existed loads unchanged and counts as not reviewed.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from briefcase_tui.domain.packs.codec import decode_pack
from tests.cli.test_pack_saving_cli import brief_process

ROOT = Path(__file__).resolve().parents[2]
NEW_SUMMARY = "A corrected summary of TECH7's second priority."


def release(corpus: Path, version: str) -> None:
    text = (corpus / "corpus.toml").read_text(encoding="utf-8")
    (corpus / "corpus.toml").write_text(
        re.sub(r'(?m)^version = ".*"$', f'version = "{version}"', text), encoding="utf-8"
    )


def correct_tech7_p2(corpus: Path) -> None:
    path = corpus / "tech7.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('id = "tech7-p2"')
    line = text.index("\nsummary = ", start) + 1
    end = text.index("\n", line)
    path.write_text(text[:line] + f'summary = "{NEW_SUMMARY}"' + text[end:], encoding="utf-8")


@pytest.fixture
def releases(tmp_path: Path, corpus_copy: Path) -> tuple[Path, Path]:
    """The bundled corpus as release 2025.1, and a corrected copy as 2025.2."""
    old, new = corpus_copy, tmp_path / "new-corpus"
    release(old, "2025.1")
    shutil.copytree(old, new)
    release(new, "2025.2")
    correct_tech7_p2(new)
    return old, new


def brief(briefs: Path, corpus: Path, *args: str) -> tuple[int, str, str]:
    result = brief_process(briefs, "--corpus", str(corpus), *args)
    return result.returncode, result.stdout, result.stderr


def test_a_corrected_item_is_flagged_shown_old_beside_new_and_accepted(
    tmp_path: Path, releases: tuple[Path, Path]
) -> None:
    old, new = releases
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    assert brief(briefs, old, "pack", "new", "Paris")[0] == 0
    assert brief(briefs, old, "pack", "add", "paris", "tech7-p2", "tech7-p3")[0] == 0
    recorded = brief(briefs, old, "corpus", "history", str(old), str(new))
    assert recorded[0] == 0 and "1 earlier reading" in recorded[1], recorded

    code, _, err = brief(briefs, new, "pack", "validate", "paris")
    assert code == 0
    assert "'tech7-p2' changed in the corpus since it was added (corpus 2025.1)" in err
    assert "tech7-p3" not in err
    assert brief(briefs, new, "pack", "validate", "--strict", "paris")[0] == 1

    shown = brief(briefs, new, "pack", "show", "paris")[1]
    assert "1 entry changed in the corpus since added" in shown
    assert shown.count("changed in the corpus since it was added") == 1

    code, out, _ = brief(briefs, new, "pack", "review", "paris")
    assert code == 0
    assert "as added (corpus 2025.1)" in out and "today (corpus 2025.2)" in out
    changed_rows = [line for line in out.splitlines() if line.startswith("≠")]
    assert changed_rows and "TECH7's second priority" in changed_rows[0]
    assert "A corrected summary" in changed_rows[0]

    code, out, _ = brief(briefs, new, "pack", "review", "paris", "--accept", "tech7-p2")
    assert code == 0 and "corpus 2025.2" in out
    pack = decode_pack((briefs / "paris.toml").read_bytes(), "paris.toml")
    assert pack.corpus_version == "2025.2"
    assert "changed" not in brief(briefs, new, "pack", "validate", "paris")[2]
    assert "every item reads as it did" in brief(briefs, new, "pack", "review", "paris")[1]


def test_an_item_gone_from_the_corpus_is_named_and_its_entry_kept(
    tmp_path: Path, releases: tuple[Path, Path]
) -> None:
    old, new = releases
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    brief(briefs, old, "pack", "new", "Paris")
    brief(briefs, old, "pack", "add", "paris", "tech7-p2")
    brief(briefs, old, "corpus", "history", str(old), str(new))
    path = briefs / "paris.toml"
    path.write_text(path.read_text().replace('"tech7-p2"', '"tech7-p2-retired"'))
    code, out, _ = brief(briefs, new, "pack", "review", "paris")
    assert code == 0
    assert "tech7-p2-retired" in out and "no longer in the corpus" in out and "(gone)" in out
    assert "TECH7's second priority" in out, "the earlier reading is shown from the history"
    assert "tech7-p2-retired" in decode_pack(path.read_bytes(), "p.toml").item_ids()


def test_a_pack_written_before_fingerprints_loads_unchanged_and_counts_as_not_reviewed(
    tmp_path: Path,
) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    example = (ROOT / "briefs" / "day-sheet-11-february.toml").read_text(encoding="utf-8")
    legacy = re.sub(r'(?m)^(fingerprint|corpus_version) = ".*"\n', "", example)
    (briefs / "day.toml").write_text(legacy, encoding="utf-8")
    before = (briefs / "day.toml").read_bytes()
    assert b"fingerprint" not in before
    code, out, _ = brief(
        briefs, ROOT / "briefcase_tui" / "data" / "corpus", "pack", "review", "day"
    )
    assert code == 0 and "9 not reviewed yet" in out
    assert brief_process(briefs, "pack", "validate", "day").returncode == 0
    assert (briefs / "day.toml").read_bytes() == before
    accepted = brief_process(briefs, "pack", "review", "day", "--accept", "all")
    assert accepted.returncode == 0, accepted.stderr
    after = decode_pack((briefs / "day.toml").read_bytes(), "day.toml")
    assert all(e.fingerprint for s in after.sections for e in s.entries if e.item)


def test_a_damaged_fingerprint_is_one_line_naming_file_line_and_column(tmp_path: Path) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "p.toml").write_text(
        'title = "P"\n[[sections]]\ntitle = "S"\n[[sections.entries]]\nitem = "tech7-p2"\n'
        'fingerprint = "not-hex"\n',
        encoding="utf-8",
    )
    result = brief_process(briefs, "pack", "show", "p")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "p.toml:6:1:" in result.stderr and "16 hexadecimal digits" in result.stderr


def test_every_export_marks_an_entry_whose_item_changed_since_it_was_added(
    tmp_path: Path, releases: tuple[Path, Path]
) -> None:
    import docx

    old, new = releases
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    brief(briefs, old, "pack", "new", "Paris")
    brief(briefs, old, "pack", "add", "paris", "tech7-p2", "tech7-p3")
    for fmt in ("md", "html"):
        code, out, err = brief(briefs, new, "export", "paris", "--format", fmt)
        assert code == 0, err
        assert out.count("Changed since added:") == 1, fmt
        assert "reads differently from when it was added to the pack (corpus 2025.1)" in out
    code, out, _ = brief(briefs, new, "export", "paris", "--format", "json")
    assert code == 0 and out.count('"review": "changed"') == 1
    assert out.count('"review": "current"') == 1
    target = tmp_path / "paris.docx"
    assert brief(briefs, new, "export", "paris", "-o", str(target))[0] == 0
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    assert sum(p.startswith("Changed since added:") for p in paragraphs) == 1
    unchanged = brief(briefs, old, "export", "paris", "--format", "md")[1]
    assert "Changed since added" not in unchanged
