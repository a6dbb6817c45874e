"""What the CLI loads once per process and hands to every command."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefcase_tui.paths import corpus_dir

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.cache import CachedCorpus
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.corpus.search import SearchIndex


@dataclass
class State:
    """The corpus folder chosen on the command line, and the corpus loaded from it on demand."""

    corpus_folder: Path | None = None
    _loaded: CachedCorpus | None = field(default=None, repr=False)

    @property
    def folder(self) -> Path:
        """The corpus folder in force: `--corpus`, then BRIEF_CORPUS, then the bundled one."""
        return corpus_dir(self.corpus_folder)

    def _load(self) -> CachedCorpus:
        if self._loaded is None:
            from briefcase_tui.domain.corpus.load import load_indexed_corpus

            self._loaded = load_indexed_corpus(self.folder)
        return self._loaded

    @property
    def corpus(self) -> Corpus:
        """The validated corpus, loaded once."""
        return self._load().corpus

    @property
    def index(self) -> SearchIndex:
        """The search index of the corpus, built once."""
        return self._load().index  # type: ignore[return-value]
