"""What an item says, as one text and a short fingerprint of it: how a pack notices a change.

A pack records, for each entry, the fingerprint of its item as it read when the entry was
added or last reviewed. When the corpus is corrected or replaced, an item whose reading
changed has a new fingerprint, and the pack can say so. The reading is what a delegate
reads of the item: title, kind, facts, summary, and each quote with its citation. Links to
other items are left out, so that adding an item elsewhere does not flag this one.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from briefcase_tui.domain.digests import blake2b, sha256_hex

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.corpus.models import ItemBase

FINGERPRINT_LENGTH = 16
"""Hex digits kept of the SHA-256 of the reading: 64 bits, no collision among real corpora."""
CONTENT_FINGERPRINT_LENGTH = 12
"""Hex digits of a whole corpus's content fingerprint, as exports print it."""

_CACHE: dict[int, tuple[weakref.ref[Corpus], dict[str, str]]] = {}
"""Each live corpus's fingerprints, by item id, computed once when first asked for."""


def item_reading(item: ItemBase, corpus: Corpus) -> str:
    """The item as a delegate reads it, as plain text with one line per part."""
    from briefcase_tui.domain.corpus.facts import item_facts
    from briefcase_tui.domain.corpus.kinds import KIND_LABELS

    lines = [item.title, f"{KIND_LABELS.get(item.kind, item.kind)} · {item.id}"]
    lines += [f"{label}: {value}" for label, value in item_facts(item, corpus)]
    if item.summary:
        lines.append(item.summary)
    for quote in item.quotes:
        source = corpus.sources.get(quote.source)
        cited = source.title if source is not None else quote.source
        where = f", {quote.locator}" if quote.locator else ""
        lines.append(f"“{quote.text}” ({cited}{where})")
    return "\n".join(lines)


def item_fingerprint(item: ItemBase, corpus: Corpus) -> str:
    """The fingerprint of the item's reading in this corpus, computed once per corpus."""
    key = id(corpus)
    cached = _CACHE.get(key)
    if cached is None or cached[0]() is not corpus:
        cached = (weakref.ref(corpus, lambda _: _CACHE.pop(key, None)), {})
        _CACHE[key] = cached
    fingerprints = cached[1]
    found = fingerprints.get(item.id)
    if found is None:
        found = fingerprint_of(item_reading(item, corpus))
        fingerprints[item.id] = found
    return found


def fingerprint_of(reading: str) -> str:
    """The fingerprint of a reading (also of one kept in the corpus's history)."""
    return sha256_hex(reading.encode("utf-8"))[:FINGERPRINT_LENGTH]


_CONTENT: dict[int, tuple[weakref.ref[Corpus], str]] = {}
"""Each live corpus's content fingerprint, computed (or read from the stored corpus) once."""


def content_fingerprint(corpus: Corpus) -> str:
    """A short hash of everything the corpus holds, the same on every machine.

    Computing it reads every item, so the stored corpus keeps it (`stored.py`): a command on
    a big corpus that touches a few items does not pay for it.
    """
    key = id(corpus)
    known = _CONTENT.get(key)
    if known is not None and known[0]() is corpus:
        return known[1]
    from briefcase_tui.domain.corpus.serialize import corpus_json

    data = corpus_json(corpus)
    digest = blake2b(data.encode("utf-8"), digest_size=16).hexdigest()
    remember_content_fingerprint(corpus, digest[:CONTENT_FINGERPRINT_LENGTH])
    return digest[:CONTENT_FINGERPRINT_LENGTH]


def remember_content_fingerprint(corpus: Corpus, fingerprint: str) -> None:
    """Take a content fingerprint computed earlier (when the corpus was stored) as this one's."""
    key = id(corpus)
    _CONTENT[key] = (weakref.ref(corpus, lambda _: _CONTENT.pop(key, None)), fingerprint)
