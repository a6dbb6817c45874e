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


def plain(value: Any) -> Any:
    """A model or value as JSON-ready data: dicts, lists, strings, numbers, None."""
    if isinstance(value, BaseModel):
        return {name: plain(getattr(value, name)) for name in type(value).model_fields}
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
