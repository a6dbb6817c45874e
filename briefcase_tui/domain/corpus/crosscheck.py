"""The checks one record cannot make alone: every id, tag, source, set and kind must resolve.

Each record is valid on its own by then (its model saw to that); what is left is whether
the records agree with one another, plus the few rules of a kind that span two fields.
"""

from __future__ import annotations

import difflib
import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.kinds import KIND_OF
from briefcase_tui.domain.corpus.models import Event, ItemBase, Signatory, Workstream
from briefcase_tui.domain.tomlio import line_of_key
from briefcase_tui.errors import BriefcaseError

_Report = Callable[[str, str], None]
"""Reports one record's problem: the field it is about, and the message."""


def cross_check(corpus: Corpus, origin: Mapping[str, tuple[Path, str]]) -> list[BriefcaseError]:
    """Every problem between the corpus's records, located through `origin`.

    `origin` maps a record's key (`item:x`, `set:x`, `caveat:x`) to its file and the
    file's text, in which each problem's line is found.
    """
    problems = _Problems(origin)
    for item in corpus.items:
        _check_item(item, corpus, problems.about(f"item:{item.id}", item.id))
    for recommendation_set in corpus.sets.values():
        if recommendation_set.source not in corpus.sources:
            problems.about(f"set:{recommendation_set.id}", recommendation_set.id)(
                "source",
                f"set {recommendation_set.id!r}: unknown source {recommendation_set.source!r}",
            )
    for caveat in corpus.caveats:
        report = problems.about(f"caveat:{caveat.id}", caveat.id)
        who = f"caveat {caveat.id!r}"
        for target in caveat.items:
            if target not in corpus:
                report("items", f"{who}: unknown item {target!r}{_hint(target, _ids(corpus))}")
        for side in caveat.sides:
            if side.source not in corpus.sources:
                report("sides", f"{who}: side cites unknown source {side.source!r}")
    if not _is_zone(corpus.info.timezone):
        problems.found.append(
            BriefcaseError(f"[corpus]: unknown time zone {corpus.info.timezone!r}")
        )
    return problems.found


@dataclass
class _Problems:
    """The problems found so far, each located at its record's field."""

    origin: Mapping[str, tuple[Path, str]]
    found: list[BriefcaseError] = field(default_factory=list)

    def about(self, key: str, record_id: str) -> _Report:
        """A function reporting problems of one record, each at the line of its field."""

        def report(field_name: str, message: str) -> None:
            path, text = self.origin.get(key, (None, ""))
            start = line_of_key(text, "id", record_id) if text else None
            line = line_of_key(text, field_name, start_line=start) if start else None
            self.found.append(BriefcaseError(message, path, line or start))

        return report


def _check_item(item: ItemBase, corpus: Corpus, report: _Report) -> None:
    """An item's tags, links, quotes, references and set, then its kind's own rules."""
    who = f"item {item.id!r}"
    for tag in item.tags:
        if tag not in corpus.tags:
            report("tags", f"{who}: field 'tags': unknown tag {tag!r}{_hint(tag, corpus.tags)}")
    for target in item.links:
        if target not in corpus:
            hint = _hint(target, _ids(corpus))
            report("links", f"{who}: field 'links': unknown item {target!r}{hint}")
        elif target == item.id:
            report("links", f"{who}: field 'links': links to itself")
    for quote in item.quotes:
        if quote.source not in corpus.sources:
            report("quotes", f"{who}: quote cites unknown source {quote.source!r}")
    fact_fields = {fact.field for fact in KIND_OF[item.kind].facts}
    seen: set[str] = set()
    for inference in item.inferred:
        if inference.field not in fact_fields:
            known = ", ".join(sorted(fact_fields)) or "none"
            report(
                "inferred",
                f"{who}: inferred fact {inference.field!r} is not a fact of a {item.kind}"
                f" (its facts: {known})",
            )
        if inference.field in seen:
            report("inferred", f"{who}: fact {inference.field!r} is marked inferred twice")
        seen.add(inference.field)
        for number in inference.rests_on:
            if number > len(item.quotes):
                report(
                    "rests_on",
                    f"{who}: inferred {inference.field!r} rests on quote {number},"
                    f" but the item has {len(item.quotes)}",
                )
    for field_name, kind in KIND_OF[item.kind].references.items():
        reference = getattr(item, field_name, None)
        if not isinstance(reference, str):
            continue
        target_item = corpus.get(reference)
        if target_item is None:
            hint = _hint(reference, _ids(corpus))
            report(field_name, f"{who}: field {field_name!r}: unknown item {reference!r}{hint}")
        elif target_item.kind != kind:
            report(field_name, f"{who}: field {field_name!r}: {reference!r} is not a {kind}")
    set_id = item.set_id
    if set_id is not None and set_id not in corpus.sets:
        hint = _hint(set_id, corpus.sets)
        report("set", f"{who}: field 'set': unknown set {set_id!r}{hint}")
    if isinstance(item, Event):
        if item.timezone is not None and not _is_zone(item.timezone):
            report("timezone", f"{who}: field 'timezone': unknown time zone {item.timezone!r}")
        if item.end is not None and item.start is None:
            report("end", f"{who}: field 'end': an end time needs a start time")
    if isinstance(item, Signatory) and item.duplicate_of == item.id:
        report("duplicate_of", f"{who}: field 'duplicate_of': an entry cannot repeat itself")
    if isinstance(item, Workstream) and not item.focus.strip():
        report("focus", f"{who}: field 'focus': must not be empty")


def _ids(corpus: Corpus) -> list[str]:
    return [item.id for item in corpus.items]


def _hint(value: str, known: Iterable[str]) -> str:
    """` (did you mean 'x'?)` when a known id is close to the one written."""
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
