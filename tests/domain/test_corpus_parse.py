"""Corpus files are parsed by tomli's compiled parser; what a person reads stays the same."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from briefcase_tui.domain.corpus.parse import parse_corpus_toml
from briefcase_tui.errors import BriefcaseError
from briefcase_tui.paths import BUNDLED_CORPUS_DIR


@pytest.mark.parametrize("path", sorted(BUNDLED_CORPUS_DIR.glob("*.toml")), ids=lambda p: p.name)
def test_every_bundled_corpus_file_reads_exactly_as_tomllib_reads_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert parse_corpus_toml(text, path) == tomllib.loads(text)


@pytest.mark.parametrize(
    ("text", "where", "reason"),
    [
        ('[[items]]\nid = "x"\ntitle = "unterminated\n', "3:22", "Illegal character '\\n'"),
        ("[corpus]\ntitle = \n", "2:9", "Invalid value"),
        ("[tags]\n[tags]\n", "2:6", "Cannot declare ('tags',) twice"),
    ],
)
def test_malformed_corpus_toml_names_the_file_line_and_column(
    tmp_path: Path, text: str, where: str, reason: str
) -> None:
    path = tmp_path / "broken.toml"
    with pytest.raises(BriefcaseError) as raised:
        parse_corpus_toml(text, path)
    assert str(raised.value) == f"{path}:{where}: invalid TOML: {reason}"


def test_a_corpus_file_beyond_the_toml_limits_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "dotted.toml"
    with pytest.raises(BriefcaseError, match="more than 32 parts"):
        parse_corpus_toml(".".join(["a"] * 40) + " = 1\n", path)


def test_deep_nesting_in_a_corpus_file_is_a_located_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    with pytest.raises(BriefcaseError) as raised:
        parse_corpus_toml("x = " + "[" * 5000 + "]" * 5000 + "\n", path)
    assert str(raised.value).startswith(f"{path}")


def test_a_corpus_file_may_use_toml_1_1_inline_tables_over_several_lines(tmp_path: Path) -> None:
    text = '[corpus]\nextra = {a = 1,\n  b = "two"}\n'
    assert parse_corpus_toml(text, tmp_path / "new.toml") == {
        "corpus": {"extra": {"a": 1, "b": "two"}}
    }
