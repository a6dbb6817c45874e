"""Plain-text views of packs for a terminal: `pack show`, `pack list`, `pack validate` and `pack diff`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefcase_tui.cli.text_output import wrap

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.packs.diff import PackDiff
    from briefcase_tui.domain.packs.lint import LintProblem
    from briefcase_tui.domain.packs.models import Entry, Pack
    from briefcase_tui.domain.packs.store import PackSummary

MISSING_MARK = "! not in the corpus"
"""An id the corpus lacks is flagged in words, never by colour alone."""


def render_pack(pack: Pack, corpus: Corpus) -> str:
    """A pack as a page: title block, then sections with entries numbered as `pack` commands accept them."""
    lines = [*wrap(pack.title)]
    details = [
        (label, value)
        for label, value in (
            ("Audience", pack.audience),
            ("Meeting", pack.meeting),
            ("Date", pack.date.isoformat() if pack.date else ""),
            ("Author", pack.author),
        )
        if value
    ]
    for label, value in details:
        lines.extend(wrap(value, indent=" " * 10, first=f"{label}:".ljust(10)))
    if pack.summary:
        lines += ["", *wrap(pack.summary)]
    if not pack.sections:
        lines += ["", "(no sections yet: `brief pack add` puts items in a first one)"]
    number = 0
    for s_index, section in enumerate(pack.sections, start=1):
        lines += ["", *wrap(f"§{s_index} {section.title}")]
        if section.intro:
            lines.extend(wrap(section.intro, indent="   "))
        if not section.entries:
            lines.append("   (no entries)")
        for entry in section.entries:
            number += 1
            lines.extend(_entry_lines(number, entry, corpus))
    return "\n".join(lines)


def _entry_lines(number: int, entry: Entry, corpus: Corpus) -> list[str]:
    lead = f"{number:>4}. "
    indent = " " * len(lead)
    if entry.item is None:
        lines = wrap(f"Note: {entry.note}", indent=indent, first=lead)
        note = ""
    else:
        item = corpus.get(entry.item)
        heading = (
            f"{item.title} ({entry.item})" if item is not None else f"{entry.item} {MISSING_MARK}"
        )
        lines = wrap(heading, indent=indent, first=lead)
        note = entry.note
    marks = []
    if entry.priority:
        marks.append(f"priority: {entry.priority}")
    if entry.tags:
        marks.append(f"tags: {', '.join(entry.tags)}")
    if marks:
        lines.extend(wrap(" · ".join(marks), indent=indent, first=indent))
    if note:
        lines.extend(wrap(f"Note: {note}", indent=indent + "  ", first=indent))
    return lines


def render_pack_list(summaries: list[PackSummary]) -> str:
    """One row per pack: name, title, and how many sections and entries it holds."""
    name_width = min(max(len(s.name) for s in summaries), 30)
    lines = []
    for summary in summaries:
        counts = (
            f"{summary.sections} section{'s' if summary.sections != 1 else ''}, "
            f"{summary.entries} entr{'y' if summary.entries == 1 else 'ies'}"
        )
        lead = f"{summary.name:<{name_width}}  "
        if len(summary.name) > name_width:
            lines.append(summary.name)
            lead = " " * (name_width + 2)
        lines.extend(wrap(f"{summary.title} ({counts})", indent=" " * (name_width + 2), first=lead))
    return "\n".join(lines)


def render_problem(path: Path, problem: LintProblem) -> str:
    """`path:line: error: section 2, entry 3: message`, leaving out what is not known."""
    location = f"{path}:{problem.line}" if problem.line is not None else str(path)
    where = f"{problem.where}: " if problem.where else ""
    return f"{location}: {problem.severity}: {where}{problem.message}"


def render_diff(diff: PackDiff) -> str:
    """Readable lines: `+` added, `-` removed, `~` changed, `>` moved; "no differences" when equal."""
    if diff.is_empty:
        return "no differences"
    lines = []
    for detail in diff.details:
        lines.append(f"~ {detail.field}: {_quoted(detail.old)} → {_quoted(detail.new)}")
    for section in diff.sections:
        if section.kind == "added":
            lines.append(f"+ section {section.title!r}")
        elif section.kind == "removed":
            lines.append(f"- section {section.title!r}")
        elif section.kind == "renamed":
            lines.append(f"~ section {section.old_title!r} renamed to {section.title!r}")
        elif section.kind == "moved":
            lines.append(
                f"> section {section.title!r} moved from §{section.old_position} to §{section.new_position}"
            )
        else:
            lines.append(f"~ section {section.title!r}: intro changed")
    for entry in diff.entries:
        name = _short(f"note “{entry.entry}”") if entry.is_note else entry.entry
        if entry.kind == "added":
            lines.append(f"+ {name} in {entry.section!r}")
        elif entry.kind == "removed":
            lines.append(f"- {name} from {entry.section!r}")
        elif entry.kind == "moved":
            if entry.old is not None and entry.old.isdigit():
                lines.append(
                    f"> {name} moved within {entry.section!r} from place {entry.old} to {entry.new}"
                )
            else:
                lines.append(f"> {name} moved from {entry.old!r} to {entry.new!r}")
        elif entry.kind == "note":
            lines.append(f"~ {name}: note {_quoted(entry.old)} → {_quoted(entry.new)}")
        elif entry.kind == "priority":
            lines.append(f"~ {name}: priority {entry.old or 'none'} → {entry.new or 'none'}")
        else:
            lines.append(f"~ {name}: tags [{entry.old}] → [{entry.new}]")
    return "\n".join(lines)


def _quoted(text: str | None) -> str:
    return _short(f"“{text}”") if text else "(empty)"


def _short(text: str, limit: int = 60) -> str:
    """One line, cut with an ellipsis so a long note does not flood the diff."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 2] + "…" + flat[-1]
