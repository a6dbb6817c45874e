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

import os
import pickle
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from briefcase_tui.domain.collector import collector_paused
from briefcase_tui.domain.corpus.files import corpus_files, read_corpus_files
from briefcase_tui.domain.digests import blake2b
from briefcase_tui.domain.tomlio import MAX_TOML_BYTES
from briefcase_tui.errors import BriefcaseError, CorpusError
from briefcase_tui.paths import SEARCH_SETTINGS_FILE, cache_dir

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.corpus.search import SearchIndex

FORMAT = 6
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
    "domain/schema.py",
    "domain/record.py",
    "domain/digests.py",
    "domain/corpus/build.py",
    "domain/corpus/parse.py",
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
    "domain/corpus/cache.py",
    "domain/corpus/stored.py",
    "domain/corpus/fingerprint.py",
    "domain/corpus/serialize.py",
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

    def load(self, folder: Path) -> tuple[Corpus, Callable[[], SearchIndex]]:
        """The corpus of a folder and a function giving its index, as cheaply as the cache allows.

        When every file (the corpus's and the code's) has the size, time and inode it had when
        a run last hashed them, that run's key is used again without reading a byte: a
        command then reads only the stored corpus's head and the items it touches. Otherwise
        the files are read, hashed and (on a miss) validated, and the key is remembered.
        """
        files = corpus_files(folder)
        if not files:
            raise BriefcaseError("corpus folder has no .toml files", folder)
        before = _stamp(files) if self.folder is not None else None
        key = self._known_key(before) if before is not None else None
        if key is not None:
            corpus = self._open(key, lambda: _build_corpus(read_corpus_files(folder)))
            if corpus is not None:
                return corpus, self._index_loader(key)
        contents = read_corpus_files(folder)
        key = self._key_of(contents)
        corpus = self._corpus_of(key, contents, lambda: _build_corpus(read_corpus_files(folder)))
        if before is not None and _stamp(files) == before:
            self._remember_key(before, key)
        del contents  # the bytes are hashed and validated: keep none of them alive
        self._keys.clear()
        return corpus, self._index_loader(key)

    def corpus(self, contents: dict[Path, bytes]) -> Corpus:
        """The validated corpus for these file contents; any problem raises CorpusError."""
        return self._corpus_of(self._key_of(contents), contents, lambda: _build_corpus(contents))

    def index(self, contents: dict[Path, bytes]) -> SearchIndex:
        """The search index of the corpus for these file contents."""
        key = self._key_of(contents)
        return self._index(key, lambda: self.corpus(contents))

    def _index_loader(self, key: str) -> Callable[[], SearchIndex]:
        """The index of the corpus under `key`, which this cache already holds."""
        return lambda: self._index(key, lambda: self._corpus[key])

    def _index(self, key: str, corpus: Callable[[], Corpus]) -> SearchIndex:
        from briefcase_tui.domain.corpus.search import SearchIndex

        path = self.folder / f"index-{key}.pickle" if self.folder else None
        if path is not None:
            cached = read_pickle(path)
            if isinstance(cached, SearchIndex):
                return cached
        # None of what the build makes is garbage (see `_corpus_of`).
        with collector_paused(freeze=True):
            built = SearchIndex(corpus())
            if path is not None:
                write_atomically(
                    path, lambda stream: pickle.dump(built, stream, pickle.HIGHEST_PROTOCOL)
                )
        return built

    def _corpus_of(
        self, key: str, contents: dict[Path, bytes], rebuild: Callable[[], Corpus]
    ) -> Corpus:
        """The corpus under `key`: held, stored (with `rebuild` for a damaged store) or built."""
        if key not in self._corpus:
            opened = self._open(key, rebuild)
            if opened is not None:
                return opened
            # The collector would scan the growing corpus again and again while it is built
            # (0.4 s of 3 s at 10,000 items) and find nothing: the parsed TOML is freed by
            # reference counting, and the models live on.
            with collector_paused(freeze=True):
                built = self._corpus[key] = _build_corpus(contents)
                if self.folder is not None:
                    from briefcase_tui.domain.corpus.stored import write_corpus

                    write_atomically(
                        self._corpus_path(key), lambda stream: write_corpus(stream, built)
                    )
        return self._corpus[key]

    def _open(self, key: str, fallback: Callable[[], Corpus]) -> Corpus | None:
        """The stored corpus under `key`, or None when it is not there or not readable."""
        if key in self._corpus:
            return self._corpus[key]
        if self.folder is None:
            return None
        from briefcase_tui.domain.corpus.stored import open_corpus

        corpus = open_corpus(self._corpus_path(key), fallback)
        if corpus is not None:
            self._corpus[key] = corpus
        return corpus

    def _corpus_path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / f"corpus-{key}.pickle"

    def _key_of(self, contents: dict[Path, bytes]) -> str:
        """The contents' key, hashed once however often corpus and index are asked for."""
        known = self._keys.get(id(contents))
        if known is None or known[0] is not contents:
            known = self._keys[id(contents)] = (contents, cache_key(contents))
        return known[1]

    def _known_key(self, stamp: str) -> str | None:
        assert self.folder is not None
        try:
            key = (self.folder / f"stamp-{stamp}.key").read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError):
            return None
        return key if len(key) == 32 and all(c in "0123456789abcdef" for c in key) else None

    def _remember_key(self, stamp: str, key: str) -> None:
        assert self.folder is not None
        write_atomically(
            self.folder / f"stamp-{stamp}.key", lambda stream: stream.write(key.encode())
        )


def load_indexed_corpus(
    folder: Path, use_cache: bool = True
) -> tuple[Corpus, Callable[[], SearchIndex]]:
    """The corpus of a folder and a function giving its index on demand."""
    cache = CorpusCache.default() if use_cache else CorpusCache(None)
    return cache.load(folder)


def _stamp(files: list[Path]) -> str | None:
    """A digest of the size, time and inode of every input; None when one cannot be read.

    A file over the size limit has no stamp: reading it is what refuses it. Pydantic's
    version stands in as the stamp of its `version.py`: importing pydantic to ask would cost
    35 ms of every warm run, which never validates anything.
    """
    pydantic_version = _pydantic_version_file()
    if pydantic_version is None:
        return None
    digest = blake2b(digest_size=16)
    digest.update(f"{FORMAT}:{sys.version_info[:2]}".encode())
    code = (*KEY_INPUTS, pydantic_version)
    for number, path in enumerate((*code, *files)):
        try:
            status = path.stat()
        except OSError:
            return None
        if number >= len(code) and status.st_size > MAX_TOML_BYTES:
            return None
        name = os.path.abspath(path).encode("utf-8", "surrogateescape")
        numbers = (status.st_size, status.st_mtime_ns, status.st_ino, status.st_dev)
        digest.update(len(name).to_bytes(8, "little") + name)
        digest.update(":".join(map(str, numbers)).encode() + b";")
    return digest.hexdigest()


def _pydantic_version_file() -> Path | None:
    """The installed pydantic's `version.py`, found without importing pydantic."""
    import importlib.util

    spec = importlib.util.find_spec("pydantic")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).with_name("version.py")


def cache_key(contents: dict[Path, bytes], inputs: Iterable[Path] | None = None) -> str:
    """The key of a corpus's file contents: a digest of them and of the other inputs.

    The other inputs are `KEY_INPUTS` unless given, and the versions of Python (pickle,
    Unicode tables) and of pydantic (which judged the corpus valid).
    """
    from pydantic.version import VERSION as PYDANTIC_VERSION

    digest = blake2b(digest_size=16)
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


def read_pickle(path: Path) -> Any:
    """What a cache file holds, or None when it is missing or damaged (the caller rebuilds)."""
    try:
        with path.open("rb") as handle, collector_paused(freeze=True):
            return pickle.load(handle)
    except Exception:  # a damaged or foreign cache file is rebuilt, whatever is wrong with it
        return None


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write a cache file atomically through `write`; a failure leaves no file and no error."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _prune(path.parent)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".cache-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                write(stream)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except Exception:  # a read-only or full folder, or a value that cannot be pickled:
        pass  # the cache costs speed then, never correctness


def _prune(folder: Path) -> None:
    """Remove cache files unused for KEEP_DAYS (several corpora may be in use at once)."""
    limit = time.time() - KEEP_DAYS * 86400
    for old in (*folder.glob("*.pickle"), *folder.glob("*.key")):
        try:
            if old.stat().st_atime < limit and old.stat().st_mtime < limit:
                old.unlink()
        except OSError:
            pass
