"""A pack as JSON for scripts: the pack's own fields plus each item resolved from the corpus."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.serialize import item_data, plain
from briefcase_tui.domain.export.provenance import Provenance, provenance_of
from briefcase_tui.domain.packs.models import FORMAT_VERSION, Pack
from briefcase_tui.domain.packs.resolve import resolve_pack
from briefcase_tui.domain.packs.review import entry_status


def pack_data(pack: Pack, corpus: Corpus, *, stamp: dt.datetime | None = None) -> dict[str, Any]:
    """The resolved pack as plain data: metadata, sections, entries with items, missing ids."""
    resolved = resolve_pack(pack, corpus)
    cited: dict[str, None] = {}
    sections = []
    for section in resolved.sections:
        entries = []
        for entry in section.entries:
            if entry.item is not None:
                cited.update({s.id: None for s in corpus.sources_of(entry.item)})
            entries.append(
                {
                    "number": entry.number,
                    "item": entry.entry.item,
                    "in_corpus": None if entry.entry.is_note else not entry.missing,
                    "review": entry_status(entry.entry, corpus),
                    "note": entry.entry.note,
                    "priority": entry.entry.priority,
                    "tags": list(entry.entry.tags),
                    "data": item_data(entry.item, corpus) if entry.item is not None else None,
                }
            )
        sections.append(
            {"title": section.section.title, "intro": section.section.intro, "entries": entries}
        )
    data: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "title": pack.title,
        "audience": pack.audience,
        "meeting": pack.meeting,
        "date": pack.date.isoformat() if pack.date else None,
        "author": pack.author,
        "summary": pack.summary,
        "corpus": corpus.info.title,
        "sections": sections,
        "missing": list(resolved.missing),
        "sources": [plain(corpus.sources[s]) for s in cited if s in corpus.sources],
        "provenance": provenance_data(provenance_of(corpus, stamp)),
    }
    if stamp is not None:
        data["exported"] = stamp.isoformat()
    return data


def render_json(pack: Pack, corpus: Corpus, *, stamp: dt.datetime | None = None) -> str:
    """The resolved pack as indented JSON ending in a newline."""
    return json.dumps(pack_data(pack, corpus, stamp=stamp), ensure_ascii=False, indent=2) + "\n"


def provenance_data(provenance: Provenance) -> dict[str, Any]:
    """Where the export's content comes from, as the other formats' end matter says it."""
    return {
        "corpus": provenance.corpus_title,
        "corpus_version": provenance.corpus_version,
        "sources": [
            {"title": s.title, "publisher": s.publisher, "date": s.date} for s in provenance.sources
        ],
        "generator": provenance.generator,
    }
