"""The searchable text of an item, field by field: what search indexes and explains."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.kinds import KIND_OF
from briefcase_tui.domain.corpus.models import ItemBase, Source
from briefcase_tui.domain.corpus.search_types import FIELD_LABELS, FIELDS

__all__ = ["FIELDS", "FIELD_LABELS", "searchable_fields", "searchable_texts"]


def searchable_fields(item: ItemBase, corpus: Corpus) -> dict[str, str]:
    """The searchable text of an item by field."""
    texts = searchable_texts(item, corpus, corpus.dates_of(item), corpus.sources_of(item))
    return dict(zip(FIELDS, texts, strict=True))


def searchable_texts(
    item: ItemBase, corpus: Corpus, dates: Iterable[dt.date], sources: Iterable[Source]
) -> tuple[str, str, str, str, str, str]:
    """The searchable text of an item, one string per field in the order of FIELDS.

    The index builder has the item's dates and sources at hand already: it passes them in
    rather than have them found twice for every item.
    """
    names: list[str] = [item.kind]
    kind = KIND_OF[item.kind]
    for name in kind.searched:
        value = getattr(item, name)
        if name in kind.references:
            linked = corpus.get(value) if isinstance(value, str) else None
            value = linked.title if linked is not None else None
        if isinstance(value, str):
            names.append(value)
    for date in dates:
        names.append(f"{date:%B} {date.day} {date.isoformat()}")
    if item.set_id in corpus.sets:
        names.append(corpus.sets[item.set_id].title)
    names.extend(source.id.replace("-", " ") for source in sources)
    tags = corpus.tags
    tag_labels = [tags[t].label if t in tags else t for t in item.tags]
    return (
        item.title,
        " ".join(item.aliases),
        " ".join(names),
        " ".join(tag_labels),
        item.summary,
        " ".join(q.text for q in item.quotes),
    )
