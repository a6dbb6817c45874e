"""Read a corpus folder of TOML files into a validated, cross-checked Corpus.

`check_corpus` collects every problem (a person fixing a data file wants the whole list);
`load_corpus` refuses a corpus with any problem and otherwise returns it, going through
the cache so that a CLI run does not pay for validation it already did.
"""

from __future__ import annotations

import functools
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.files import read_corpus_files
from briefcase_tui.domain.corpus.models import (
    Caveat,
    CorpusInfo,
    Event,
    Item,
    ItemBase,
    RecommendationSet,
    Signatory,
    Source,
    Tag,
    Workstream,
)
from briefcase_tui.domain.tomlio import decode_toml_bytes, line_of_key, parse_toml
from briefcase_tui.errors import BriefcaseError

TOP_LEVEL_TABLES = ("corpus", "sets", "sources", "tags", "items", "caveats")
REFERENCE_KINDS = {
    "venue": "venue",
    "envoy": "person",
    "priority": "priority",
    "duplicate_of": "signatory",
}
"""Kind-specific fields that hold an id, and the kind that id must have."""


@dataclass
class _Draft:
    """What has been read so far, with where each record came from."""

    info: CorpusInfo | None = None
    sources: dict[str, Source] = field(default_factory=dict)
    tags: dict[str, Tag] = field(default_factory=dict)
    sets: dict[str, RecommendationSet] = field(default_factory=dict)
    items: list[ItemBase] = field(default_factory=list)
    caveats: list[Caveat] = field(default_factory=list)
    origin: dict[str, tuple[Path, str]] = field(default_factory=dict)
    """Record key (`item:x`, `source:x`, ...) → (file, file text), for locating errors."""
    problems: list[BriefcaseError] = field(default_factory=list)


def build_corpus(contents: dict[Path, bytes]) -> tuple[Corpus | None, list[BriefcaseError]]:
    """Validate raw files into a Corpus; returns it (None when unusable) and every problem."""
    draft = _Draft()
    for path, data in contents.items():
        try:
            text = decode_toml_bytes(data, path)
            document = parse_toml(text, path)
        except BriefcaseError as error:
            draft.problems.append(error)
            continue
        _read_document(draft, path, text, document)
    if draft.info is None:
        folder = next(iter(contents)).parent if contents else None
        draft.problems.append(BriefcaseError("no [corpus] table in any file", folder))
        return None, draft.problems
    _cross_check(draft)
    corpus = Corpus(
        info=draft.info,
        sources=draft.sources,
        tags=draft.tags,
        sets=draft.sets,
        items=tuple(draft.items),
        caveats=tuple(draft.caveats),
    )
    return corpus, draft.problems


def check_corpus(folder: Path) -> list[BriefcaseError]:
    """Every problem in a corpus folder; an empty list means it loads."""
    try:
        contents = read_corpus_files(folder)
    except BriefcaseError as error:
        return [error]
    return build_corpus(contents)[1]


def load_corpus(folder: Path, use_cache: bool = True) -> Corpus:
    """Load and validate a corpus folder; any problem raises CorpusError listing them all."""
    from briefcase_tui.domain.corpus.cache import CorpusCache

    cache = CorpusCache.default() if use_cache else CorpusCache(None)
    return cache.corpus(read_corpus_files(folder))


def _read_document(draft: _Draft, path: Path, text: str, document: dict[str, Any]) -> None:
    """Validate one file's tables into the draft."""
    for key in document:
        if key not in TOP_LEVEL_TABLES:
            line = line_of_key(text, key) or _line_of_table(text, key)
            draft.problems.append(
                BriefcaseError(
                    f"unknown table {key!r} (expected one of {', '.join(TOP_LEVEL_TABLES)})",
                    path,
                    line,
                )
            )
    if "corpus" in document:
        if draft.info is not None:
            draft.problems.append(
                BriefcaseError("a second [corpus] table", path, _line_of_table(text, "corpus"))
            )
        else:
            draft.info = _validate(
                draft, CorpusInfo, document["corpus"], path, text, "[corpus]", None
            )
    simple: tuple[
        tuple[str, type[Source] | type[Tag] | type[RecommendationSet], dict[str, Any]], ...
    ] = (
        ("sources", Source, draft.sources),
        ("tags", Tag, draft.tags),
        ("sets", RecommendationSet, draft.sets),
    )
    for table, model, target in simple:
        for raw in _array_of_tables(draft, document, table, path, text):
            record = _validate(draft, model, raw, path, text, table[:-1], raw.get("id"))
            if record is not None:
                _register(draft, target, table[:-1], record, path, text)
    for raw in _array_of_tables(draft, document, "items", path, text):
        item = _validate(draft, _item_adapter(), raw, path, text, "item", raw.get("id"))
        if item is not None and _register(draft, None, "item", item, path, text):
            draft.items.append(item)
    for raw in _array_of_tables(draft, document, "caveats", path, text):
        caveat = _validate(draft, Caveat, raw, path, text, "caveat", raw.get("id"))
        if caveat is not None and _register(draft, None, "caveat", caveat, path, text):
            draft.caveats.append(caveat)


@functools.cache
def _item_adapter() -> TypeAdapter[Any]:
    """The validator for any kind of item, built on first use: it is costly and cached runs never need it."""
    return TypeAdapter(Item)


def _array_of_tables(
    draft: _Draft, document: dict[str, Any], table: str, path: Path, text: str
) -> list[dict[str, Any]]:
    """The entries of `[[table]]`, reporting a table written with the wrong shape."""
    value = document.get(table, [])
    if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
        draft.problems.append(
            BriefcaseError(
                f"{table!r} must be an array of tables ([[{table}]])",
                path,
                line_of_key(text, table),
            )
        )
        return []
    return value


def _register(
    draft: _Draft, target: dict[str, Any] | None, label: str, record: Any, path: Path, text: str
) -> bool:
    """Keep a record under its id; a duplicate id is reported and the record refused."""
    key = f"{label}:{record.id}"
    if key in draft.origin:
        other = draft.origin[key][0]
        draft.problems.append(
            BriefcaseError(
                f"{label} {record.id!r}: duplicate id (also in {other.name})",
                path,
                line_of_key(text, "id", record.id),
            )
        )
        return False
    draft.origin[key] = (path, text)
    if target is not None:
        target[record.id] = record
    return True


def _validate(
    draft: _Draft, model: Any, raw: Any, path: Path, text: str, label: str, record_id: Any
) -> Any:
    """Validate one record; on failure add one problem per field, naming file, id and field."""
    try:
        if isinstance(model, TypeAdapter):
            return model.validate_python(raw)
        return model.model_validate(raw)
    except ValidationError as error:
        start = line_of_key(text, "id", record_id) if isinstance(record_id, str) else None
        who = f"{label} {record_id!r}" if isinstance(record_id, str) else label
        for detail in error.errors(include_url=False):
            location = [str(part) for part in detail["loc"]]
            if label == "item" and location and location[0] == raw.get("kind"):
                location = location[1:]
            field_name = ".".join(location) or "(record)"
            message = _message(detail)
            line = None
            if location and start is not None:
                line = line_of_key(text, location[0], start_line=start)
            draft.problems.append(
                BriefcaseError(f"{who}: field {field_name!r}: {message}", path, line or start)
            )
        return None


def _message(detail: Any) -> str:
    """A pydantic error message made plain, with a hint for the usual mistakes."""
    kind = detail["type"]
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "union_tag_invalid":
        from briefcase_tui.domain.corpus.models import KINDS

        return f"unknown kind {detail['input'].get('kind')!r} (expected one of {', '.join(KINDS)})"
    if kind == "union_tag_not_found":
        return "missing key 'kind'"
    return str(detail["msg"])


def _line_of_table(text: str, name: str) -> int | None:
    """The line of a `[name]` or `[[name]]` header."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() in (f"[{name}]", f"[[{name}]]"):
            return number
    return None


def _cross_check(draft: _Draft) -> None:
    """References between records: ids, tags, sources, sets and kinds must all resolve."""
    by_id = {item.id: item for item in draft.items}

    def report(key: str, record_id: str, field_name: str, message: str) -> None:
        path, text = draft.origin.get(key, (None, ""))
        start = line_of_key(text, "id", record_id) if text else None
        line = line_of_key(text, field_name, start_line=start) if start else None
        draft.problems.append(BriefcaseError(message, path, line or start))

    for item in draft.items:
        key = f"item:{item.id}"
        who = f"item {item.id!r}"
        for tag in item.tags:
            if tag not in draft.tags:
                report(
                    key,
                    item.id,
                    "tags",
                    f"{who}: field 'tags': unknown tag {tag!r}{_hint(tag, draft.tags)}",
                )
        for target in item.links:
            if target not in by_id:
                report(
                    key,
                    item.id,
                    "links",
                    f"{who}: field 'links': unknown item {target!r}{_hint(target, by_id)}",
                )
            elif target == item.id:
                report(key, item.id, "links", f"{who}: field 'links': links to itself")
        for quote in item.quotes:
            if quote.source not in draft.sources:
                report(
                    key, item.id, "quotes", f"{who}: quote cites unknown source {quote.source!r}"
                )
        for field_name, kind in REFERENCE_KINDS.items():
            reference = getattr(item, field_name, None)
            if not isinstance(reference, str):
                continue
            if reference not in by_id:
                report(
                    key,
                    item.id,
                    field_name,
                    f"{who}: field {field_name!r}: unknown item {reference!r}{_hint(reference, by_id)}",
                )
            elif by_id[reference].kind != kind:  # type: ignore[attr-defined]
                report(
                    key,
                    item.id,
                    field_name,
                    f"{who}: field {field_name!r}: {reference!r} is not a {kind}",
                )
        set_id = getattr(item, "set", None)
        if set_id is not None and set_id not in draft.sets:
            report(
                key,
                item.id,
                "set",
                f"{who}: field 'set': unknown set {set_id!r}{_hint(set_id, draft.sets)}",
            )
        if isinstance(item, Event):
            if item.timezone is not None and not _is_zone(item.timezone):
                report(
                    key,
                    item.id,
                    "timezone",
                    f"{who}: field 'timezone': unknown time zone {item.timezone!r}",
                )
            if item.end is not None and item.start is None:
                report(key, item.id, "end", f"{who}: field 'end': an end time needs a start time")
        if isinstance(item, Signatory) and item.duplicate_of == item.id:
            report(
                key,
                item.id,
                "duplicate_of",
                f"{who}: field 'duplicate_of': an entry cannot repeat itself",
            )
        if isinstance(item, Workstream) and not item.focus.strip():
            report(key, item.id, "focus", f"{who}: field 'focus': must not be empty")
    for recommendation_set in draft.sets.values():
        if recommendation_set.source not in draft.sources:
            report(
                f"set:{recommendation_set.id}",
                recommendation_set.id,
                "source",
                f"set {recommendation_set.id!r}: unknown source {recommendation_set.source!r}",
            )
    for caveat in draft.caveats:
        key = f"caveat:{caveat.id}"
        for target in caveat.items:
            if target not in by_id:
                report(
                    key,
                    caveat.id,
                    "items",
                    f"caveat {caveat.id!r}: unknown item {target!r}{_hint(target, by_id)}",
                )
        for side in caveat.sides:
            if side.source not in draft.sources:
                report(
                    key,
                    caveat.id,
                    "sides",
                    f"caveat {caveat.id!r}: side cites unknown source {side.source!r}",
                )
    if draft.info is not None and not _is_zone(draft.info.timezone):
        draft.problems.append(
            BriefcaseError(f"[corpus]: unknown time zone {draft.info.timezone!r}")
        )


def _hint(value: str, known: Any) -> str:
    """` (did you mean 'x'?)` when a known id is close to the one written."""
    import difflib

    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _is_zone(name: str) -> bool:
    """Whether an IANA time zone name is known (always true on a machine with no zone database)."""
    try:
        zoneinfo.ZoneInfo("UTC")
    except zoneinfo.ZoneInfoNotFoundError:
        return True
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True
