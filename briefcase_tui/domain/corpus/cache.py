"""A cache of the validated corpus and its search index, keyed by the files' contents.

Validating a few hundred items and building the index takes longer than the rest of a
`brief show` run put together. The result depends only on the corpus files and this
version of Briefcase, so it is stored once (atomically, in the user's cache folder) and
read back by every later run. A cache that is missing, stale, unreadable or unwritable
is simply rebuilt or skipped: it never changes what a command shows.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from briefcase_tui import __version__
from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.errors import CorpusError
from briefcase_tui.paths import cache_dir

FORMAT = 1
"""Bump when what the cache holds changes shape."""


@dataclass(frozen=True)
class CachedCorpus:
    """A validated corpus with its index, as stored."""

    corpus: Corpus
    index: object
    """A SearchIndex; typed loosely so that reading the cache imports no search code."""


class CorpusCache:
    """Reads and writes CachedCorpus files in one folder (or nowhere)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    @classmethod
    def default(cls) -> CorpusCache:
        """The cache in the user's cache folder, or none when switched off."""
        return cls(cache_dir())

    def load(self, contents: dict[Path, bytes]) -> CachedCorpus:
        """The cached corpus for these file contents, building and storing it when needed."""
        key = _key(contents)
        path = self.folder / f"corpus-{key}.pickle" if self.folder else None
        if path is not None:
            cached = _read(path)
            if cached is not None:
                return cached
        built = _build(contents)
        if path is not None:
            _write(path, built)
        return built


def _key(contents: dict[Path, bytes]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{FORMAT}:{__version__}:{sys.version_info[:2]}".encode())
    for path, data in contents.items():
        digest.update(path.name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


def _build(contents: dict[Path, bytes]) -> CachedCorpus:
    from briefcase_tui.domain.corpus.load import build_corpus
    from briefcase_tui.domain.corpus.search import SearchIndex

    corpus, problems = build_corpus(contents)
    if problems or corpus is None:
        raise CorpusError(problems)
    return CachedCorpus(corpus, SearchIndex(corpus))


def _read(path: Path) -> CachedCorpus | None:
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)
    except Exception:  # a damaged or foreign cache file is rebuilt, whatever is wrong with it
        return None
    return cached if isinstance(cached, CachedCorpus) else None


def _write(path: Path, cached: CachedCorpus) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("corpus-*.pickle"):
            if old != path and old.stat().st_size and _is_stale(old):
                old.unlink(missing_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".corpus-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(cached, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only or full cache folder costs speed, never correctness


def _is_stale(path: Path, days: int = 30) -> bool:
    """Other corpus versions are kept a while (several corpora may be in use), then pruned."""
    import time

    return time.time() - path.stat().st_mtime > days * 86400
