"""The validated corpus on disk, read back item by item: a command pays for what it touches.

One file: a small head (the corpus's details, sources, tags and sets, every item's id and
kind, where each chunk lies) and then the items in chunks of `CHUNK` pickles, each chunk
holding its items, the ids each one is related to and the caveats about it. Opening the
file reads the head only; asking for an item reads and unpickles its chunk, once. So
`brief show` on a corpus of 50,000 items unpickles a few dozen items, not all of them, and
walking every item (`list`, the app, building the search index) costs about what one big
pickle would, because the chunks are large enough that pickle's per-call cost vanishes.

Measured on a shared 2-CPU machine at 50,000 items: one pickle of the whole corpus took
0.8 s to read with the garbage collector paused (2.2 s with it running); this head takes
about 15 ms and one chunk under 2 ms. SQLite (standard library) would give the same lookups
but costs an import and a query per chunk for nothing pickle does not already do here.

Pickles are trusted: the file lives in the user's own cache folder under a key that covers
the code reading it (see `cache.py`), and a damaged file is caught and rebuilt from the
corpus files (`fallback`) rather than believed.
"""

from __future__ import annotations

import bisect
import gc
import os
import pickle
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, overload

from briefcase_tui.domain.corpus.fingerprint import (
    content_fingerprint,
    remember_content_fingerprint,
)

if TYPE_CHECKING:
    from collections.abc import Generator

    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.corpus.models import Caveat, ItemBase

MAGIC = b"BRIEFCORPUS2\n"
"""The first bytes of a stored corpus: anything else is not one (or an older layout)."""
CHUNK = 64
"""Items per chunk: one lookup unpickles this many, and a full walk this many per call."""
_LENGTH = 8
LOOKUPS_BEFORE_DICT = 256
"""Ids looked up by bisection before a dictionary of them all is built."""


@contextmanager
def collector_paused() -> Generator[None]:
    """Pause the garbage collector while unpickling, and keep what was read out of its sight.

    While paused it does not scan the new objects again and again as they arrive (none of
    them is garbage: that doubled the cost); afterwards they are frozen (`gc.freeze`), so no
    later collection walks the whole corpus either. Frozen objects are never collected: a
    corpus or a pack read this way lives as long as the process anyway.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def write_corpus(stream: BinaryIO, corpus: Corpus) -> None:
    """Write `corpus` to a file in the stored layout (the caller makes the file atomic)."""
    items = list(corpus.items)
    caveat_index = {id(caveat): number for number, caveat in enumerate(corpus.caveats)}
    chunks: list[bytes] = []
    for start in range(0, len(items), CHUNK):
        part = items[start : start + CHUNK]
        chunks.append(
            pickle.dumps(
                [
                    (
                        item,
                        tuple(i.id for i in corpus.related(item.id)),
                        tuple(caveat_index[id(c)] for c in corpus.caveats_for(item.id)),
                    )
                    for item in part
                ],
                protocol=pickle.HIGHEST_PROTOCOL,
            )
        )
    caveats = list(corpus.caveats)
    caveat_chunks = [
        pickle.dumps(caveats[start : start + CHUNK], protocol=pickle.HIGHEST_PROTOCOL)
        for start in range(0, len(caveats), CHUNK)
    ]
    kinds = sorted({item.kind for item in items})
    kind_number = {kind: number for number, kind in enumerate(kinds)}
    offsets = [0]
    for blob in (*chunks, *caveat_chunks):
        offsets.append(offsets[-1] + len(blob))
    head = pickle.dumps(
        {
            "info": corpus.info,
            "sources": corpus.sources,
            "tags": corpus.tags,
            "sets": corpus.sets,
            "ids": tuple(item.id for item in items),
            "sorted": sorted(range(len(items)), key=lambda number: items[number].id),
            "kinds": tuple(kinds),
            "kind_of": bytes(kind_number[item.kind] for item in items),
            "chunks": len(chunks),
            "caveats": len(caveats),
            "offsets": offsets,
            "content": content_fingerprint(corpus),
        },
        protocol=pickle.HIGHEST_PROTOCOL,
    )
    stream.write(MAGIC + len(head).to_bytes(_LENGTH, "little") + head)
    for blob in (*chunks, *caveat_chunks):
        stream.write(blob)


def open_corpus(path: Path, fallback: Callable[[], Corpus]) -> Corpus | None:
    """The corpus stored at `path`, its items read as they are asked for; None if unreadable.

    `fallback` builds the corpus from its files: it answers instead when a chunk turns out
    to be damaged after the head was read.
    """
    from briefcase_tui.domain.corpus.corpus import Corpus

    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        start = os.pread(descriptor, len(MAGIC) + _LENGTH, 0)
        if len(start) != len(MAGIC) + _LENGTH or not start.startswith(MAGIC):
            raise ValueError("not a stored corpus")
        length = int.from_bytes(start[len(MAGIC) :], "little")
        with collector_paused():
            head = pickle.loads(os.pread(descriptor, length, len(start)))
        base = len(start) + length
        if os.fstat(descriptor).st_size != base + head["offsets"][-1]:
            raise ValueError("cut short")
    except Exception:  # a damaged or foreign file is rebuilt, whatever is wrong with it
        os.close(descriptor)
        return None
    store = _Store(descriptor, base, head, fallback)
    corpus: Corpus = object.__new__(Corpus)
    fields: dict[str, Any] = {
        "info": head["info"],
        "sources": head["sources"],
        "tags": head["tags"],
        "sets": head["sets"],
        "items": _Items(store),
        "caveats": _Caveats(store),
        "_by_id": _ById(store),
        "_related": _Related(store),
        "_caveats_by_item": _CaveatsByItem(store),
    }
    for name, value in fields.items():
        object.__setattr__(corpus, name, value)
    if isinstance(head.get("content"), str):
        remember_content_fingerprint(corpus, head["content"])
    return corpus


class _Store:
    """The open file and the chunks read so far (read under a lock: two threads may ask)."""

    def __init__(
        self, descriptor: int, base: int, head: dict[str, Any], fallback: Callable[[], Corpus]
    ) -> None:
        self.descriptor = descriptor
        self.base = base
        self.ids: tuple[str, ...] = head["ids"]
        self.kinds: tuple[str, ...] = head["kinds"]
        self.kind_of: bytes = head["kind_of"]
        self.offsets: list[int] = head["offsets"]
        self.chunk_count: int = head["chunks"]
        self.caveat_count: int = head["caveats"]
        self._positions: list[int] = head["sorted"]
        """Positions of the items in the order of their ids, for `position`."""
        self._lookups = 0
        self._position_of: dict[str, int] | None = None
        """Built once many ids are looked up (an export of a big pack): then one dict beats
        thousands of bisections."""
        self._chunks: dict[int, list[tuple[ItemBase, tuple[str, ...], tuple[int, ...]]]] = {}
        self._caveat_chunks: dict[int, list[Caveat]] = {}
        self._lock = threading.Lock()
        self._fallback = fallback
        self._built: Corpus | None = None

    def __del__(self) -> None:
        try:
            os.close(self.descriptor)
        except OSError:
            pass

    def position(self, item_id: object) -> int | None:
        """Where the item with this id is in corpus order, or None (found by bisection: a
        dictionary of 50,000 ids would cost more to build than a command's lookups)."""
        if not isinstance(item_id, str):
            return None
        if self._position_of is not None:
            return self._position_of.get(item_id)
        self._lookups += 1
        if self._lookups > LOOKUPS_BEFORE_DICT:
            self._position_of = {i: number for number, i in enumerate(self.ids)}
            return self._position_of.get(item_id)
        positions, ids = self._positions, self.ids
        found = bisect.bisect_left(positions, item_id, key=ids.__getitem__)
        if found < len(positions) and ids[positions[found]] == item_id:
            return positions[found]
        return None

    def _blob(self, number: int) -> Any:
        start, end = self.offsets[number], self.offsets[number + 1]
        with collector_paused():
            return pickle.loads(os.pread(self.descriptor, end - start, self.base + start))

    def built(self) -> Corpus:
        """The corpus built from its files: what answers once the file proved damaged."""
        if self._built is None:
            self._built = self._fallback()
        return self._built

    def entry(self, number: int) -> tuple[ItemBase, tuple[str, ...], tuple[int, ...]]:
        """The item at this position, the ids related to it and its caveats' positions."""
        chunk_number = number // CHUNK
        chunk = self._chunks.get(chunk_number)  # a chunk once read stays: no lock needed
        if chunk is not None:
            return chunk[number % CHUNK]
        with self._lock:
            chunk = self._chunks.get(chunk_number)
            if chunk is None:
                if self._built is not None:
                    return self._from_built(number)
                try:
                    chunk = self._chunks[chunk_number] = self._blob(chunk_number)
                except Exception:  # damaged after the head read well: trust the files instead
                    return self._from_built(number)
        return chunk[number % CHUNK]

    def _from_built(self, number: int) -> tuple[ItemBase, tuple[str, ...], tuple[int, ...]]:
        corpus = self.built()
        item = corpus.items[number]
        caveats = corpus.caveats
        return (
            item,
            tuple(i.id for i in corpus.related(item.id)),
            tuple(caveats.index(c) for c in corpus.caveats_for(item.id)),
        )

    def caveat(self, number: int) -> Caveat:
        """The caveat at this position."""
        chunk_number = number // CHUNK
        with self._lock:
            chunk = self._caveat_chunks.get(chunk_number)
            if chunk is None:
                if self._built is not None:
                    return self._built.caveats[number]
                try:
                    chunk = self._caveat_chunks[chunk_number] = self._blob(
                        self.chunk_count + chunk_number
                    )
                except Exception:
                    return self.built().caveats[number]
        return chunk[number % CHUNK]


class _Items(Sequence["ItemBase"]):
    """The items in corpus order, each read from the file the first time it is asked for."""

    def __init__(self, store: _Store) -> None:
        self._store = store

    def __len__(self) -> int:
        return len(self._store.ids)

    @overload
    def __getitem__(self, index: int) -> ItemBase: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[ItemBase]: ...
    def __getitem__(self, index: int | slice) -> ItemBase | Sequence[ItemBase]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._store.entry(index)[0]

    def __iter__(self) -> Iterator[ItemBase]:
        for number in range(len(self)):
            yield self._store.entry(number)[0]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"<{len(self)} stored items>"


class _Caveats(Sequence["Caveat"]):
    """The caveats in corpus order, read as they are asked for."""

    def __init__(self, store: _Store) -> None:
        self._store = store

    def __len__(self) -> int:
        return self._store.caveat_count

    @overload
    def __getitem__(self, index: int) -> Caveat: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Caveat]: ...
    def __getitem__(self, index: int | slice) -> Caveat | Sequence[Caveat]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._store.caveat(index)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"<{len(self)} stored caveats>"


class _ById(Mapping[str, "ItemBase"]):
    """Item id → item, without reading any item to know which ids there are."""

    def __init__(self, store: _Store) -> None:
        self._store = store

    def __getitem__(self, item_id: str) -> ItemBase:
        return self._store.entry(self._number(item_id))[0]

    def get(self, item_id: str, default: Any = None) -> Any:
        """The item, or `default`: without Mapping's detour through a KeyError."""
        number = self._store.position(item_id)
        return default if number is None else self._store.entry(number)[0]

    def __contains__(self, item_id: object) -> bool:
        return self._store.position(item_id) is not None

    def _number(self, item_id: str) -> int:
        number = self._store.position(item_id)
        if number is None:
            raise KeyError(item_id)
        return number

    def __iter__(self) -> Iterator[str]:
        return iter(self._store.ids)

    def __len__(self) -> int:
        return len(self._store.ids)


class _Related(Mapping[str, tuple[str, ...]]):
    """Item id → the ids of the items linked to or from it."""

    def __init__(self, store: _Store) -> None:
        self._store = store

    def __getitem__(self, item_id: str) -> tuple[str, ...]:
        number = self._store.position(item_id)
        if number is None:
            raise KeyError(item_id)
        return self._store.entry(number)[1]

    def __iter__(self) -> Iterator[str]:
        return iter(self._store.ids)

    def __len__(self) -> int:
        return len(self._store.ids)


class _CaveatsByItem(Mapping[str, tuple["Caveat", ...]]):
    """Item id → the caveats about it (only items with caveats are keys, as in `Corpus`)."""

    def __init__(self, store: _Store) -> None:
        self._store = store

    def __getitem__(self, item_id: str) -> tuple[Caveat, ...]:
        number = self._store.position(item_id)
        numbers = self._store.entry(number)[2] if number is not None else ()
        if not numbers:
            raise KeyError(item_id)
        return tuple(self._store.caveat(n) for n in numbers)

    def get(self, item_id: str, default: Any = None) -> Any:
        """The item's caveats, or `default` (most items: no KeyError raised and caught)."""
        number = self._store.position(item_id)
        numbers = self._store.entry(number)[2] if number is not None else ()
        if not numbers:
            return default
        return tuple(self._store.caveat(n) for n in numbers)

    def __iter__(self) -> Iterator[str]:
        store = self._store
        return (i for n, i in enumerate(store.ids) if store.entry(n)[2])

    def __len__(self) -> int:
        return sum(1 for _ in self)
