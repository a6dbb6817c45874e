"""Shared fixtures: every test runs with its own HOME, and corpus caches never leak between runs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefcase_tui.paths import BUNDLED_CORPUS_DIR

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.corpus.search import SearchIndex

SHARED_SOURCES = Path(
    os.environ.get("BRIEF_TEST_SOURCES")
    or Path(__file__).resolve().parents[2] / "shared" / "sources"
)
"""The source documents beside the repository, where the development and CI machines keep them
(`BRIEF_TEST_SOURCES` names them for a checkout kept elsewhere, such as a git worktree)."""


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One corpus cache for the whole run, so the bundled corpus is validated once."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, session_cache: Path
) -> Iterator[None]:
    """Point HOME and the config/data folders at a temporary folder; clear our env overrides."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(session_cache))
    monkeypatch.setenv("BRIEF_NOW", "2025-01-27T09:00")  # a fixed "now", never the clock
    monkeypatch.delenv("BRIEF_CORPUS", raising=False)
    monkeypatch.delenv("BRIEF_DIR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The bundled corpus, validated."""
    from briefcase_tui.domain.corpus.load import load_corpus

    return load_corpus(BUNDLED_CORPUS_DIR, use_cache=False)


@pytest.fixture(scope="session")
def index(corpus: Corpus) -> SearchIndex:
    """The search index of the bundled corpus."""
    from briefcase_tui.domain.corpus.search import SearchIndex

    return SearchIndex(corpus)


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled corpus folder, to break on purpose."""
    import shutil

    target = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS_DIR, target)
    return target
