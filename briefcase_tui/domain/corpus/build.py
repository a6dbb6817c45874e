"""From a corpus's files to a validated, cross-checked Corpus, with every problem located.

A person fixing a data file wants the whole list, so reading goes on past a bad record and
`build_corpus` returns the corpus (when there is one) and every problem.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Union

from pydantic import Field, TypeAdapter, ValidationError

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.crosscheck import cross_check
from briefcase_tui.domain.corpus.kinds import KINDS
from briefcase_tui.domain.corpus.models import (
    MODEL_OF_KIND,
    Caveat,
    CorpusInfo,
    ItemBase,
    RecommendationSet,
    Source,
    Tag,
)
from briefcase_tui.domain.corpus.parse import parse_corpus_toml
from briefcase_tui.domain.tomlio import decode_toml_bytes, line_of_key
from briefcase_tui.errors import BriefcaseError

TOP_LEVEL_TABLES = ("corpus", "sets", "sources", "tags", "items", "caveats")


@dataclass
class _Draft:
    """What has been read so far, with where each record came from."""

    info: CorpusInfo | None = None
    has_corpus_table: bool = False
    """A [corpus] table was read, whether or not it was valid."""
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
            document = parse_corpus_toml(text, path)
        except BriefcaseError as error:
            draft.problems.append(error)
            continue
        _read_document(draft, path, text, document)
    if draft.info is None:
        if not draft.has_corpus_table:
            folder = next(iter(contents)).parent if contents else None
            draft.problems.append(BriefcaseError("no [corpus] table in any file", folder))
        return None, draft.problems
    corpus = Corpus(
        info=draft.info,
        sources=draft.sources,
        tags=draft.tags,
        sets=draft.sets,
        items=tuple(draft.items),
        caveats=tuple(draft.caveats),
    )
    return corpus, draft.problems + cross_check(corpus, draft.origin)


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
        if draft.has_corpus_table:
            draft.problems.append(
                BriefcaseError("a second [corpus] table", path, _line_of_table(text, "corpus"))
            )
        else:
            draft.has_corpus_table = True
            header = _line_of_table(text, "corpus")
            draft.info = _validate(
                draft, CorpusInfo, document["corpus"], path, text, "[corpus]", None, header
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
    """The validator for any kind of item, its `kind` deciding which record validates it.

    Built on first use: costly, and cached runs skip it.
    """
    any_item: Any = Union[tuple(MODEL_OF_KIND.values())]  # noqa: UP007  # built at run time
    validated: Any = Annotated[any_item, Field(discriminator="kind")]
    return TypeAdapter(validated)


@functools.cache
def _adapter(model: type[Any]) -> TypeAdapter[Any]:
    """The validator of one kind of record, built on first use."""
    return TypeAdapter(model)


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
    draft: _Draft,
    model: Any,
    raw: Any,
    path: Path,
    text: str,
    label: str,
    record_id: Any,
    start: int | None = None,
) -> Any:
    """Validate one record; on failure add one problem per field, naming file, id and field.

    A record's problems are located from `start`, by default the line of its id.
    """
    try:
        validator = model if isinstance(model, TypeAdapter) else _adapter(model)
        return validator.validate_python(raw)
    except ValidationError as error:
        if start is None and isinstance(record_id, str):
            start = line_of_key(text, "id", record_id)
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
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return "unknown key"
    if kind == "union_tag_invalid":
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
