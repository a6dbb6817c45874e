"""Checks of a pack that loads but may mislead its reader: ids the corpus lacks, repeats, gaps.

A pack file that does not load at all is the codec's business; this module looks at a
valid pack against the corpus and says what an author would want to fix before sending it.
Each problem carries where it is (section and entry, counted from 0 here, from 1 when
shown) and, when the pack's text is given, the line it starts on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.packs.models import Pack
from briefcase_tui.domain.packs.review import entry_status

Severity = Literal["error", "warning"]

_SECTION_HEADER = re.compile(r"^\s*\[\[\s*sections\s*\]\]")
_ENTRY_HEADER = re.compile(r"^\s*\[\[\s*sections\s*\.\s*entries\s*\]\]")
_CONFLICT_HEADER = re.compile(
    r"^\s*\[\[\s*(?:(sections)\s*\.\s*)?(?:(entries)\s*\.\s*)?conflicts\s*\]\]"
)
ConflictPlace = tuple[int | None, int | None, int]
"""(section, entry, n): the n-th conflict table of the pack, a section or an entry."""


@dataclass(frozen=True)
class LintProblem:
    """One thing to fix or to know about in a pack."""

    severity: Severity
    message: str
    section: int | None = None
    """Index of the section it is about (0-based), or None for the whole pack."""
    entry: int | None = None
    """Index of the entry within that section (0-based), or None for the whole section."""
    line: int | None = None
    """Line of the entry's header in the pack file (its section's, for an entry in an inline table),
    when the text was given and has one."""

    @property
    def where(self) -> str:
        """`section 2, entry 3` as people count, or an empty string for the whole pack."""
        parts = []
        if self.section is not None:
            parts.append(f"section {self.section + 1}")
            if self.entry is not None:
                parts.append(f"entry {self.entry + 1}")
        return ", ".join(parts)


def lint_pack(pack: Pack, corpus: Corpus, text: str | None = None) -> list[LintProblem]:
    """Every problem of a pack against the corpus, in pack order.

    Errors: merge conflicts not yet settled (first: they change what the pack says), ids
    not in the corpus, an item listed twice. Warnings: empty sections, two sections with
    the same title, items that changed in the corpus since they were added, items whose
    sources disagree (the reader should know).
    """
    lines = _header_lines(text) if text is not None else {}
    problems = _conflicts(pack, text)
    seen_items: dict[str, tuple[int, int]] = {}
    seen_titles: dict[str, int] = {}

    def add(severity: Severity, message: str, section: int, entry: int | None = None) -> None:
        line = lines.get((section, entry)) or lines.get((section, None))
        problems.append(LintProblem(severity, message, section, entry, line))

    for s_index, section in enumerate(pack.sections):
        folded = section.title.casefold()
        if folded in seen_titles:
            add(
                "warning",
                f"section title {section.title!r} is also the title of section "
                f"{seen_titles[folded] + 1}",
                s_index,
            )
        else:
            seen_titles[folded] = s_index
        if not section.entries:
            add("warning", f"section {section.title!r} is empty", s_index)
        for e_index, entry in enumerate(section.entries):
            item_id = entry.item
            if item_id is None:
                continue
            if item_id in seen_items:
                first_s, first_e = seen_items[item_id]
                add(
                    "error",
                    f"{item_id!r} is listed twice "
                    f"(first in section {first_s + 1}, entry {first_e + 1})",
                    s_index,
                    e_index,
                )
                continue
            seen_items[item_id] = (s_index, e_index)
            if item_id not in corpus:
                suggestions = corpus.suggest(item_id)
                hint = (
                    f" (did you mean {', '.join(repr(s) for s in suggestions)}?)"
                    if suggestions
                    else ""
                )
                add("error", f"{item_id!r} is not in the corpus{hint}", s_index, e_index)
                continue
            if entry_status(entry, corpus) == "changed":
                since = f" (corpus {pack.corpus_version})" if pack.corpus_version else ""
                add(
                    "warning",
                    f"{item_id!r} changed in the corpus since it was added{since}; "
                    "`brief pack review` shows the old and new text",
                    s_index,
                    e_index,
                )
            for caveat in corpus.caveats_for(item_id):
                add(
                    "warning",
                    f"sources disagree about {item_id!r}: {caveat.topic}",
                    s_index,
                    e_index,
                )
    return problems


def _conflicts(pack: Pack, text: str | None) -> list[LintProblem]:
    """Each merge conflict as an error at its table's line, saying how to settle it."""
    from briefcase_tui.domain.packs.conflicts import describe, pack_conflicts

    lines = _conflict_lines(text) if text is not None else {}
    return [
        LintProblem(
            "error",
            f"merge conflict {placed.number}: {describe(pack, placed)} "
            "(keep one side: `brief pack resolve`, or in the app)",
            placed.section,
            placed.entry,
            lines.get((placed.section, placed.entry, placed.index)),
        )
        for placed in pack_conflicts(pack)
    ]


def _conflict_lines(text: str) -> dict[ConflictPlace, int]:
    """Lines (from 1) of each conflict table, keyed by what it belongs to."""
    found: dict[ConflictPlace, int] = {}
    section = entry = -1
    for number, line in enumerate(text.splitlines(), start=1):
        if _ENTRY_HEADER.match(line):
            entry += 1
        elif _SECTION_HEADER.match(line):
            section, entry = section + 1, -1
        elif match := _CONFLICT_HEADER.match(line):
            in_section, in_entry = match.group(1) is not None, match.group(2) is not None
            place = (
                section if in_section else None,
                entry if in_section and in_entry else None,
            )
            count = sum(1 for key in found if key[:2] == place)
            found[(*place, count)] = number
    return found


def _header_lines(text: str) -> dict[tuple[int, int | None], int]:
    """Lines (from 1) of each `[[sections]]` and `[[sections.entries]]` header in a pack file.

    Keys are (section, None) for a section and (section, entry) for an entry. Packs written
    with inline tables have no headers, and their problems simply carry no line.
    """
    found: dict[tuple[int, int | None], int] = {}
    section = -1
    entry = -1
    for number, line in enumerate(text.splitlines(), start=1):
        if _ENTRY_HEADER.match(line) and section >= 0:
            entry += 1
            found[(section, entry)] = number
        elif _SECTION_HEADER.match(line):
            section += 1
            entry = -1
            found[(section, None)] = number
    return found
