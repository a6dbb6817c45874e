"""`brief corpus check DIR --sources FOLDER`, run as a real process: quotes and locators checked.

A small corpus and its source text are written for each test, so the checks run everywhere;
the bundled corpus is checked against the real source documents where they are beside the
repository (as on the development and CI machines).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefcase_tui.paths import BUNDLED_CORPUS_DIR
from tests.conftest import SHARED_SOURCES

SOURCE_TEXT = """A small report

Introduction

The first paragraph says that the summit met in Paris.

The second paragraph says it\u2019s over.

Findings

  1. One finding about energy.
  2. Another finding about work.
"""


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "BRIEF_CORPUS"}
    return subprocess.run(
        [sys.executable, "-m", "briefcase_tui", *args],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


def _corpus(tmp_path: Path, quote: str, locator: str, text: str = SOURCE_TEXT) -> Path:
    """A one-item corpus quoting `report.txt`, and that text, in tmp_path."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "report.txt").write_text(text, encoding="utf-8")
    digest = hashlib.sha256(SOURCE_TEXT.encode("utf-8")).hexdigest()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "corpus.toml").write_text(
        '[corpus]\ntitle = "T"\ntimezone = "Europe/Paris"\n\n'
        '[[sources]]\nid = "report"\ntitle = "A small report"\npublisher = "P"\n'
        'kind = "commentary"\nreliability = "r"\nfile = "report.txt"\n'
        f'sha256 = "{digest}"\n'
        'sections = [{ name = "Introduction", line = 3 }, { name = "Findings", line = 9 }]\n\n'
        '[[items]]\nid = "venue-paris"\nkind = "venue"\ntitle = "Paris"\nsummary = "s"\n\n'
        f'[[items.quotes]]\ntext = "{quote}"\nsource = "report"\nlocator = "{locator}"\n',
        encoding="utf-8",
    )
    return corpus


def test_a_corpus_whose_quotes_and_locators_hold_passes_with_counts(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, "the summit met in Paris", "Introduction, paragraph 1")
    result = _run("corpus", "check", str(corpus), "--sources", str(tmp_path / "sources"))
    assert result.returncode == 0, result.stderr
    assert "ok (1 quote and 1 locator checked against" in result.stdout


def test_a_quote_changed_by_one_character_fails_naming_item_line_and_nearest_passage(
    tmp_path: Path,
) -> None:
    corpus = _corpus(tmp_path, "the summit met in Parix", "Introduction, paragraph 1")
    result = _run("corpus", "check", str(corpus), "--sources", str(tmp_path / "sources"))
    assert result.returncode == 1
    [problem, total] = result.stderr.splitlines()
    assert re.search(r"corpus\.toml:22: item 'venue-paris': quote from 'report'", problem)
    assert "is not verbatim in report.txt" in problem
    assert "nearest passage: 'the summit met in Paris.'" in problem
    assert total.startswith("1 problem in ")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("quote", "why"),
    [
        ("The second paragraph says it's over.", "a straight apostrophe for a curly one"),
        ("the Summit met in Paris", "a capital the source does not have"),
        ("met in Paris … the summit", "spans out of order"),
    ],
)
def test_the_folding_rules_fold_nothing_but_spaces_and_artefacts(
    tmp_path: Path, quote: str, why: str
) -> None:
    corpus = _corpus(tmp_path, quote, "Introduction")
    result = _run("corpus", "check", str(corpus), "--sources", str(tmp_path / "sources"))
    assert result.returncode == 1, why
    assert "is not verbatim" in result.stderr


def test_spaces_line_breaks_and_an_ellipsis_in_order_are_folded(tmp_path: Path) -> None:
    quote = "The first   paragraph … met in Paris. The second"
    corpus = _corpus(tmp_path, quote, "Introduction, paragraphs 1-2")
    result = _run("corpus", "check", str(corpus), "--sources", str(tmp_path / "sources"))
    assert result.returncode == 0, result.stderr


def test_a_locator_changed_by_one_fails_and_says_where_the_quote_stands(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, "Another finding about work.", "Findings, no. 1")
    result = _run("corpus", "check", str(corpus), "--sources", str(tmp_path / "sources"))
    assert result.returncode == 1
    problem = result.stderr.splitlines()[0]
    assert "item 'venue-paris'" in problem and "locator 'Findings, no. 1'" in problem
    assert "it stands at 'Findings, no. 2'" in problem


def test_a_locator_past_the_end_or_naming_no_section_fails(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, "Another finding about work.", "Findings, no. 3")
    result = _run("corpus", "check", str(corpus), "--sources", str(tmp_path / "sources"))
    assert result.returncode == 1
    assert "'no. 3': the passage has 2 nos." in result.stderr


def test_a_source_text_that_is_not_the_fingerprinted_one_is_reported(tmp_path: Path) -> None:
    corpus = _corpus(
        tmp_path, "the summit met in Paris", "Introduction, paragraph 1", SOURCE_TEXT + "More.\n"
    )
    result = _run("corpus", "check", str(corpus), "--sources", str(tmp_path / "sources"))
    assert result.returncode == 1
    assert "source 'report': the text is not the one the corpus was checked against" in (
        result.stderr
    )


def test_a_missing_sources_folder_is_one_line_and_exit_1(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, "the summit met in Paris", "Introduction, paragraph 1")
    result = _run("corpus", "check", str(corpus), "--sources", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].endswith("nowhere: sources folder not found")


needs_sources = pytest.mark.skipif(
    not SHARED_SOURCES.is_dir(), reason="the source documents are not beside the repository"
)


@needs_sources
def test_the_bundled_corpus_passes_against_its_sources() -> None:
    result = _run("corpus", "check", str(BUNDLED_CORPUS_DIR), "--sources", str(SHARED_SOURCES))
    assert result.returncode == 0, result.stderr
    assert re.search(r"ok \(\d+ quotes and \d+ locators checked", result.stdout)


def _bundled_copy(tmp_path: Path, old: str, new: str) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS_DIR, target)
    path = target / "workstreams.toml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return target


@needs_sources
def test_one_character_changed_in_a_bundled_quote_fails_naming_the_item(tmp_path: Path) -> None:
    corpus = _bundled_copy(
        tmp_path,
        "workforce transformations driven by AI.",
        "workforce transformations driven by AI!",
    )
    result = _run("corpus", "check", str(corpus), "--sources", str(SHARED_SOURCES))
    assert result.returncode == 1
    [problem] = [line for line in result.stderr.splitlines() if "not verbatim" in line]
    assert "workstreams.toml:" in problem and "item 'ws-future-of-work'" in problem


@needs_sources
def test_one_bundled_locator_changed_by_one_fails_naming_the_item(tmp_path: Path) -> None:
    corpus = _bundled_copy(
        tmp_path,
        'driven by AI."\nsource = "techuk-preview"\n'
        'locator = "The 2025 Paris AI Action Summit, no. 2"',
        'driven by AI."\nsource = "techuk-preview"\n'
        'locator = "The 2025 Paris AI Action Summit, no. 3"',
    )
    result = _run("corpus", "check", str(corpus), "--sources", str(SHARED_SOURCES))
    assert result.returncode == 1
    [problem] = result.stderr.splitlines()[:-1]
    assert "item 'ws-future-of-work'" in problem
    assert "it stands at 'The 2025 Paris AI Action Summit, no. 2'" in problem
