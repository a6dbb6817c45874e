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
about 1 ms (its ids are one string, with their starts and sorted order as arrays; a tuple
of 50,000 id strings took 9 to 17 ms) and one chunk under 2 ms. SQLite (standard library)
would give the same lookups but costs an import and a query per chunk for nothing pickle
does not already do here.

Pickles are trusted: the file lives in the user's own cache folder under a key that covers
the code reading it (see `cache.py`), and a damaged file is caught and rebuilt from the
corpus files (`fallback`) rather than believed.
"""

from __future__ import annotations

import bisect
import os
import pickle
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, overload

from briefcase_tui.domain.collector import collector_paused
from briefcase_tui.domain.corpus.fingerprint import (
    content_fingerprint,
    remember_content_fingerprint,
)

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.corpus.models import Caveat, ItemBase
    from briefcase_tui.domain.record import Record

MAGIC = b"BRIEFCORPUS3\n"
"""The first bytes of a stored corpus: anything else is not one (or an older layout)."""
CHUNK = 64
"""Items per chunk: one lookup unpickles this many, and a full walk this many per call."""
_LENGTH = 8
_ID_SEPARATOR = "\n"
"""Between the ids in the head's one string of them: no id holds it (ids are `[a-z0-9-]`)."""
LOOKUPS_BEFORE_DICT = 256
"""Ids looked up by bisection before a dictionary of them all is built."""


def write_corpus(stream: BinaryIO, corpus: Corpus) -> None:
    """Write `corpus` to a file in the stored layout (the caller makes the file atomic)."""
    items = list(corpus.items)
    share_equal_parts([*items, *corpus.caveats, *corpus.sources.values(), *corpus.tags.values()])
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
    ids = [item.id for item in items]
    starts = array("I", [0])
    for item_id in ids:
        starts.append(starts[-1] + len(item_id) + len(_ID_SEPARATOR))
    head = pickle.dumps(
        {
            "info": corpus.info,
            "sources": corpus.sources,
            "tags": corpus.tags,
            "sets": corpus.sets,
            "ids": _ID_SEPARATOR.join(ids) + _ID_SEPARATOR,
            "starts": starts,
            "sorted": array("I", sorted(range(len(ids)), key=ids.__getitem__)),
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


SHARED_TEXT = 40
"""Strings up to this long that records hold alike are made one object before pickling."""


def share_equal_parts(records: Iterable[Record]) -> None:
    """Make the short texts that records hold alike one object each, so pickle writes each
    once a chunk (its memo refers back to it) and the records read back share it.

    Ids, kinds, dates and labels recur across items (a kind, the source a quote cites, a
    tag), each a separate string once validated. Prose does not recur and is left alone.
    Nothing shared is changed in place: records are frozen, and strings and tuples cannot
    change.
    """
    from briefcase_tui.domain.record import Record

    texts: dict[str, str] = {}
    groups: dict[tuple[str, ...], tuple[str, ...]] = {}
    share_text = texts.setdefault
    models: dict[type, bool] = {}

    def is_model(kind: type) -> bool:
        known = models.get(kind)
        if known is None:
            known = models[kind] = issubclass(kind, Record)
        return known

    pending = list(records)
    while pending:
        record = pending.pop()
        values = record.__dict__
        for name, value in values.items():
            kind = type(value)
            if kind is str:
                if len(value) <= SHARED_TEXT:
                    values[name] = share_text(value, value)
            elif kind is tuple:
                if not value:
                    continue
                if type(value[0]) is str:
                    if all(type(part) is str for part in value):
                        parts = tuple(
                            [share_text(p, p) if len(p) <= SHARED_TEXT else p for p in value]
                        )
                        values[name] = groups.setdefault(parts, parts)
                elif is_model(type(value[0])):
                    pending.extend(value)
            elif is_model(kind):
                pending.append(value)


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
        with collector_paused(freeze=True):
            head = pickle.loads(os.pread(descriptor, length, len(start)))
        base = len(start) + length
        if os.fstat(descriptor).st_size != base + head["offsets"][-1]:
            raise ValueError("cut short")
        if not len(head["starts"]) == len(head["sorted"]) + 1 == len(head["kind_of"]) + 1:
            raise ValueError("a head that does not hold together")
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
        self._id_text: str = head["ids"]
        """Every item's id, in corpus order, each followed by `_ID_SEPARATOR`: one string
        unpickles in a fraction of a millisecond, 50,000 strings in 5 to 10 ms."""
        self._starts: array[int] = head["starts"]
        """Where each id starts in `_id_text`, and one past the end."""
        self.count = len(self._starts) - 1
        self._ids: list[str] | None = None
        self.kinds: tuple[str, ...] = head["kinds"]
        self.kind_of: bytes = head["kind_of"]
        self.offsets: list[int] = head["offsets"]
        self.chunk_count: int = head["chunks"]
        self.caveat_count: int = head["caveats"]
        self._positions: array[int] = head["sorted"]
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

    @property
    def ids(self) -> list[str]:
        """Every item's id in corpus order (split out of the head's string when first asked)."""
        if self._ids is None:
            self._ids = self._id_text.split(_ID_SEPARATOR)[:-1]
        return self._ids

    def id_at(self, number: int) -> str:
        """The id of the item at this position, without splitting all of them."""
        return self._id_text[self._starts[number] : self._starts[number + 1] - 1]

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
        positions, id_at = self._positions, self.id_at
        found = bisect.bisect_left(positions, item_id, key=id_at)
        if found < len(positions) and id_at(positions[found]) == item_id:
            return positions[found]
        return None

    def _blob(self, number: int) -> Any:
        start, end = self.offsets[number], self.offsets[number + 1]
        with collector_paused(freeze=True):
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
        return self._store.count

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
        for number in range(self._store.count):
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
        return self._store.count


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
        return self._store.count


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
