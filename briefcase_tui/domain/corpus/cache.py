"""A cache of the validated corpus and of its search index, keyed by everything they are made of.

Validating a few hundred items and building the index take longer than the rest of a
`brief show` run put together, so each is stored once (atomically, in the user's cache
folder) and read back by later runs; `show` reads only the corpus, `search` the index too.
The key covers every input: the corpus files, the code that reads, checks, folds and
indexes them, the search settings and the versions of Python and pydantic. A cache file
that is missing, stale, damaged or unwritable is rebuilt or skipped: it never changes an
answer.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from briefcase_tui.domain.corpus.files import read_corpus_files
from briefcase_tui.errors import CorpusError
from briefcase_tui.paths import SEARCH_SETTINGS_FILE, cache_dir

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.corpus.search import SearchIndex

FORMAT = 3
"""Bump when what the cache holds changes shape."""
KEEP_DAYS = 30
"""Cache files of other corpus versions are pruned after this long unused."""

PACKAGE_DIR = Path(__file__).resolve().parents[2]
CODE_INPUTS: tuple[str, ...] = (
    "__init__.py",
    "errors.py",
    "paths.py",
    "domain/storage.py",
    "domain/text.py",
    "domain/tomlio.py",
    "domain/corpus/build.py",
    "domain/corpus/corpus.py",
    "domain/corpus/crosscheck.py",
    "domain/corpus/filters.py",
    "domain/corpus/kinds.py",
    "domain/corpus/models.py",
    "domain/corpus/search.py",
    "domain/corpus/glossary.py",
    "domain/corpus/query.py",
    "domain/corpus/search_fields.py",
    "domain/corpus/search_postings.py",
    "domain/corpus/search_types.py",
    "domain/corpus/spelling.py",
)
"""The package's modules that building the corpus and its index run (a test keeps this
complete): changing any of them, text folding and the table of kinds among them, changes
what the cache would hold."""
KEY_INPUTS: tuple[Path, ...] = (
    *(PACKAGE_DIR / name for name in CODE_INPUTS),
    SEARCH_SETTINGS_FILE,
)
"""Every file besides the corpus's own that the key covers: the code, and the stopwords,
question words and kind weights the index is built with."""

T = TypeVar("T")


class CorpusCache:
    """Builds the corpus and its index from file contents, through a cache folder (or none)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._corpus: dict[str, Corpus] = {}
        self._keys: dict[int, tuple[dict[Path, bytes], str]] = {}

    @classmethod
    def default(cls) -> CorpusCache:
        """The cache in the user's cache folder, or none when switched off."""
        return cls(cache_dir())

    def corpus(self, contents: dict[Path, bytes]) -> Corpus:
        """The validated corpus for these file contents; any problem raises CorpusError."""
        key = self._key_of(contents)
        if key not in self._corpus:
            self._corpus[key] = self._through_file(f"corpus-{key}", lambda: _build_corpus(contents))
        return self._corpus[key]

    def index(self, contents: dict[Path, bytes]) -> SearchIndex:
        """The search index of the corpus for these file contents."""
        key = self._key_of(contents)

        def build() -> SearchIndex:
            from briefcase_tui.domain.corpus.search import SearchIndex

            return SearchIndex(self.corpus(contents))

        return self._through_file(f"index-{key}", build)

    def _key_of(self, contents: dict[Path, bytes]) -> str:
        """The contents' key, hashed once however often corpus and index are asked for."""
        known = self._keys.get(id(contents))
        if known is None or known[0] is not contents:
            known = self._keys[id(contents)] = (contents, cache_key(contents))
        return known[1]

    def _through_file(self, name: str, build: Callable[[], T]) -> T:
        path = self.folder / f"{name}.pickle" if self.folder else None
        if path is not None:
            cached = _read(path)
            if cached is not None:
                return cached  # type: ignore[no-any-return]  # what build() stored under this key
        built = build()
        if path is not None:
            _write(path, built)
        return built


def load_indexed_corpus(
    folder: Path, use_cache: bool = True
) -> tuple[Corpus, Callable[[], SearchIndex]]:
    """The corpus of a folder, its files read once, and a function giving its index on demand."""
    contents = read_corpus_files(folder)
    cache = CorpusCache.default() if use_cache else CorpusCache(None)
    return cache.corpus(contents), lambda: cache.index(contents)


def cache_key(contents: dict[Path, bytes], inputs: Iterable[Path] | None = None) -> str:
    """The key of a corpus's file contents: a digest of them and of the other inputs.

    The other inputs are `KEY_INPUTS` unless given, and the versions of Python (pickle,
    Unicode tables) and of pydantic (whose models the cache holds).
    """
    from pydantic.version import VERSION as PYDANTIC_VERSION

    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{FORMAT}:{sys.version_info[:2]}:{PYDANTIC_VERSION}".encode())
    for path in KEY_INPUTS if inputs is None else inputs:
        _add(digest, path.name, path.read_bytes())
    for path, data in contents.items():
        _add(digest, path.name, data)
    return digest.hexdigest()


def _add(digest: Any, name: str, data: bytes) -> None:
    """One named input, framed so that no two different inputs hash alike."""
    encoded = name.encode("utf-8", "surrogateescape")
    digest.update(len(encoded).to_bytes(8, "little") + encoded)
    digest.update(len(data).to_bytes(8, "little") + data)


def _build_corpus(contents: dict[Path, bytes]) -> Corpus:
    from briefcase_tui.domain.corpus.build import build_corpus

    corpus, problems = build_corpus(contents)
    if problems or corpus is None:
        raise CorpusError(problems)
    return corpus


def _read(path: Path) -> Any:
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # a damaged or foreign cache file is rebuilt, whatever is wrong with it
        return None


def _write(path: Path, value: object) -> None:
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _prune(path.parent)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".cache-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only or full cache folder costs speed, never correctness


def _prune(folder: Path) -> None:
    """Remove cache files unused for KEEP_DAYS (several corpora may be in use at once)."""
    limit = time.time() - KEEP_DAYS * 86400
    for old in folder.glob("*.pickle"):
        try:
            if old.stat().st_atime < limit and old.stat().st_mtime < limit:
                old.unlink()
        except OSError:
            pass
