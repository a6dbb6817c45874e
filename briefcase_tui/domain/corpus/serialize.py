"""Items and the whole corpus as plain JSON-ready data, for scripts and `brief corpus dump`.

Written by hand over the records' fields, in field order.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.models import ItemBase
from briefcase_tui.domain.record import Record

_SCALARS = frozenset({str, int, float, bool, type(None)})


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _fields_of(kind: type) -> tuple[str, ...] | None:
    """The field names of a record class, in order; None for anything else."""
    if kind not in _FIELDS:
        _FIELDS[kind] = kind.record_fields if issubclass(kind, Record) else None
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


def corpus_json(corpus: Corpus) -> str:
    """`corpus_data` as JSON with sorted keys, written without building `corpus_data` first.

    The same text as `json.dumps(corpus_data(corpus), ensure_ascii=False, sort_keys=True)`:
    with sorted keys, a model's `__dict__` (its fields, all of them, nothing else: records
    forbid extra keys) reads as `plain` of it, a tuple as a list and a date as its ISO form.
    The C encoder walks the models and asks `_json_default` only for what it cannot write:
    the content fingerprint hashes this at every cold build, 2.5 times faster than through
    `plain` (at 10,000 items, 90 ms against 230).
    """
    caveats_for = corpus.caveats_for

    def item(value: Any) -> Any:
        return {**value.__dict__, "caveats": caveats_for(value.id)}

    converters: dict[type, Callable[[Any], Any]] = dict(_JSON_CONVERTERS)

    def default(value: Any) -> Any:
        kind = type(value)
        convert = converters.get(kind)
        if convert is None:
            if _fields_of(kind) is None:
                raise TypeError(f"{kind.__name__} is not JSON serialisable")
            convert = converters[kind] = item if issubclass(kind, ItemBase) else _model_fields
        return convert(value)

    whole = {
        "corpus": corpus.info,
        "sources": list(corpus.sources.values()),
        "tags": list(corpus.tags.values()),
        "sets": list(corpus.sets.values()),
        "items": corpus.items,
        "caveats": corpus.caveats,
    }
    # Models hold no cycles: the encoder need not look for them.
    return json.dumps(
        whole, ensure_ascii=False, sort_keys=True, check_circular=False, default=default
    )


def _model_fields(value: Any) -> Any:
    """A model's fields by name: its `__dict__`, which JSON reads as `plain` of it."""
    return value.__dict__


_JSON_CONVERTERS: dict[type, Callable[[Any], Any]] = {
    dt.date: dt.date.isoformat,
    dt.datetime: dt.datetime.isoformat,
    dt.time: dt.time.isoformat,
}
"""What `corpus_json` writes for values JSON has no form of, as `plain` does."""
