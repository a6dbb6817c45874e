"""The searchable text of an item, field by field: what search indexes and explains."""

from __future__ import annotations

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.kinds import KIND_OF
from briefcase_tui.domain.corpus.models import ItemBase

FIELDS = ("title", "aliases", "names", "tags", "summary", "quotes")
"""The fields search reads, from the one that weighs most to the one that weighs least."""
FIELD_LABELS = {
    "title": "title",
    "aliases": "other names",
    "names": "names and places",
    "tags": "tags",
    "summary": "summary",
    "quotes": "quotes",
}
"""How a field is named when search says where an item matched."""


def searchable_fields(item: ItemBase, corpus: Corpus) -> dict[str, str]:
    """The searchable text of an item by field."""
    names: list[str] = [item.kind]
    kind = KIND_OF[item.kind]
    for name in kind.searched:
        value = getattr(item, name)
        if name in kind.references:
            linked = corpus.get(value) if isinstance(value, str) else None
            value = linked.title if linked is not None else None
        if isinstance(value, str):
            names.append(value)
    for date in corpus.dates_of(item):
        names.append(f"{date:%B} {date.day} {date.isoformat()}")
    if item.set_id in corpus.sets:
        names.append(corpus.sets[item.set_id].title)
    names.extend(source.id.replace("-", " ") for source in corpus.sources_of(item))
    tag_labels = [corpus.tags[t].label if t in corpus.tags else t for t in item.tags]
    return {
        "title": item.title,
        "aliases": " ".join(item.aliases),
        "names": " ".join(names),
        "tags": " ".join(tag_labels),
        "summary": item.summary,
        "quotes": " ".join(q.text for q in item.quotes),
    }
