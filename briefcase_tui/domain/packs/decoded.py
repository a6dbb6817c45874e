"""Big packs decoded once: the validated pack kept in the user's cache, keyed by its bytes.

Parsing TOML and checking every entry cost about 0.1 ms per entry (a second for a pack of
10,000 entries, before anything is shown or exported); reading the pickled pack back costs
a tenth of that. The key is the digest of the file's bytes (the one its fingerprint holds
already) and of the code that reads packs, so a cached pack is exactly what decoding those
bytes gives; a missing, damaged or foreign file is decoded again. Small packs skip the cache:
decoding them costs less than the file would. A save remembers what it wrote, so the next
command on that pack does not decode it either.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from pathlib import Path

from briefcase_tui.domain.corpus.cache import read_pickle, write_atomically
from briefcase_tui.domain.packs.codec import decode_pack
from briefcase_tui.domain.packs.models import Pack
from briefcase_tui.paths import PACKAGE_DIR, cache_dir

SMALLEST = 64 * 1024
"""Packs smaller than this many bytes are decoded every time."""
KEPT = 32
"""Decoded packs kept at most; the oldest go first."""
CODE_INPUTS = (
    "domain/packs/codec.py",
    "domain/packs/layout.py",
    "domain/packs/models.py",
    "domain/quick_read.py",
    "domain/schema.py",
    "domain/text.py",
    "domain/tomlio.py",
    "errors.py",
)
"""The modules decoding runs: a change to any of them changes every key."""


def decode_pack_cached(data: bytes, path: Path | str, digest: str) -> Pack:
    """`decode_pack(data, path)`, through the cache for a big pack; `digest` is of `data`."""
    file = _file_for(data, digest)
    if file is None:
        return decode_pack(data, path)
    cached = read_pickle(file)
    if isinstance(cached, Pack):
        return cached
    pack = decode_pack(data, path)
    _keep(file, pack)
    return pack


def remember(data: bytes, digest: str, pack: Pack) -> None:
    """A pack just written as `data`: the next load of those bytes need not decode them."""
    file = _file_for(data, digest)
    if file is not None:
        _keep(file, pack)


def _file_for(data: bytes, digest: str) -> Path | None:
    folder = cache_dir()
    if folder is None or len(data) < SMALLEST:
        return None
    key = hashlib.blake2b(digest_size=16)
    key.update(f"{sys.version_info[:2]}:{_pydantic_version()}:{digest}".encode())
    for name in CODE_INPUTS:
        try:
            key.update((PACKAGE_DIR / name).read_bytes())
        except OSError:
            return None
    return folder / "packs" / f"pack-{key.hexdigest()}.pickle"


def _pydantic_version() -> str:
    from pydantic.version import VERSION

    return VERSION


def _keep(file: Path, pack: Pack) -> None:
    write_atomically(file, lambda stream: pickle.dump(pack, stream, pickle.HIGHEST_PROTOCOL))
    try:
        kept = sorted(file.parent.glob("pack-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in kept[:-KEPT]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # another process pruned first
