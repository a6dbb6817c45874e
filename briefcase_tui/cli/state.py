"""What the CLI loads once per process and hands to every command."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefcase_tui.paths import briefs_dir, corpus_dir

if TYPE_CHECKING:
    import typer

    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.corpus.search import SearchIndex
    from briefcase_tui.domain.packs.store import PackStore


@dataclass
class State:
    """The corpus and briefs folders chosen on the command line, and what is loaded from them."""

    corpus_folder: Path | None = None
    briefs_folder: Path | None = None
    _store: PackStore | None = field(default=None, repr=False)
    _corpus: Corpus | None = field(default=None, repr=False)
    _index_loader: Callable[[], SearchIndex] | None = field(default=None, repr=False)
    _index: SearchIndex | None = field(default=None, repr=False)

    @property
    def folder(self) -> Path:
        """The corpus folder in force: `--corpus`, then BRIEF_CORPUS, then the bundled one."""
        return corpus_dir(self.corpus_folder)

    @property
    def corpus(self) -> Corpus:
        """The validated corpus, loaded once."""
        if self._corpus is None:
            from briefcase_tui.domain.corpus.cache import load_indexed_corpus

            self._corpus, self._index_loader = load_indexed_corpus(self.folder)
        return self._corpus

    @property
    def index(self) -> SearchIndex:
        """The search index of the corpus, built or read once."""
        if self._index is None:
            self.corpus  # noqa: B018 - loads the corpus and the index loader
            assert self._index_loader is not None
            self._index = self._index_loader()
        return self._index

    @property
    def briefs(self) -> Path:
        """The folder of packs in force: `--briefs`, BRIEF_DIR, ./briefs, or the data folder."""
        return briefs_dir(self.briefs_folder)

    @property
    def store(self) -> PackStore:
        """The pack store over the briefs folder, made once."""
        if self._store is None:
            from briefcase_tui.domain.packs.store import PackStore

            self._store = PackStore(self.briefs)
        return self._store


def state_of(context: typer.Context) -> State:
    """The state the root command set up for this run."""
    state = context.find_root().obj
    assert isinstance(state, State), "the root callback sets the state before any command runs"
    return state
