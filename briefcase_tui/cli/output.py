"""Everything `brief` prints: data on stdout (text pages, JSON, export bytes), messages on stderr.

Pages are plain text wrapped for a terminal of 40 to 100 columns (80 when not a terminal).
Caveats and ids missing from the corpus are flagged in words, never by colour alone.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.corpus.models import ItemBase
    from briefcase_tui.domain.corpus.search import SearchHit
    from briefcase_tui.domain.packs.diff import PackDiff
    from briefcase_tui.domain.packs.lint import LintProblem
    from briefcase_tui.domain.packs.models import Pack
    from briefcase_tui.domain.packs.resolve import ResolvedEntry
    from briefcase_tui.domain.packs.review import Status
    from briefcase_tui.domain.packs.store import PackSummary

CAVEAT_MARK = "! Sources disagree:"
MISSING_MARK = "! not in the corpus"


def error(message: object) -> None:
    """A problem, on one stderr line: `brief: path:line: message`."""
    print(f"brief: {message}", file=sys.stderr)


def warning(message: object) -> None:
    """Something the user should know that does not fail the command."""
    print(f"brief: warning: {message}", file=sys.stderr)


def tell(message: str) -> None:
    """What a command did, or a count, on stderr: stdout stays for data."""
    print(message, file=sys.stderr)


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`1 item`, `2 items`."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def print_json(data: Any) -> None:
    """JSON for scripts on stdout: UTF-8 as is, indented, one trailing newline."""
    import json

    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def write_bytes(data: bytes, *, text: bool) -> None:
    """Exactly these bytes on stdout, through the text layer only for text with no byte layer."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    elif text:
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
    else:
        from briefcase_tui.errors import BriefcaseError

        raise BriefcaseError("standard output takes no binary data here; write to a file with -o")


def write_pieces(pieces: Iterable[bytes], *, text: bool) -> None:
    """`write_bytes` for bytes in pieces: each is written as it comes, none waits for the rest."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        write_bytes(b"".join(pieces), text=text)
        return
    for piece in pieces:
        buffer.write(piece)
    buffer.flush()


def silence_stdout() -> None:
    """After the reader of our output went away, send the rest nowhere instead of failing."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def width() -> int:
    """Wrap width: the terminal's, kept between 40 and 100 columns (80 when not a terminal)."""
    columns = shutil.get_terminal_size((80, 24)).columns
    return max(40, min(columns, 100))


def wrap(
    text: str, indent: str = "", first: str | None = None, columns: int | None = None
) -> list[str]:
    """Wrap a paragraph, keeping the author's line breaks; `columns` defaults to `width()`.

    A line that fits is taken as it is, as textwrap would give it: a pack of 50,000
    entries spent a second in textwrap for lines that needed no wrapping.
    """
    lines: list[str] = []
    lead = indent if first is None else first
    columns = width() if columns is None else columns
    for paragraph in text.split("\n"):
        if (
            len(lead) + len(paragraph) <= columns
            and paragraph
            and not paragraph[0].isspace()
            and not paragraph[-1].isspace()
            and _REWRITTEN_BY_TEXTWRAP.search(paragraph) is None
        ):
            lines.append(lead + paragraph)
            lead = indent
            continue
        wrapped = textwrap.wrap(
            paragraph,
            width=columns,
            initial_indent=lead,
            subsequent_indent=indent,
            break_long_words=True,
            break_on_hyphens=False,
        )
        lines.extend(wrapped or [lead.rstrip()])
        lead = indent
    return lines


_REWRITTEN_BY_TEXTWRAP = re.compile("[\t\n\x0b\x0c\r]")
"""Characters textwrap turns into spaces (tabs expanded): a line holding one takes its way."""


def render_item(item: ItemBase, corpus: Corpus) -> str:
    """An item as a terminal page: title, kind and id, facts, summary, quotes, caveats, related."""
    from briefcase_tui.domain.corpus.facts import inferences, item_facts
    from briefcase_tui.domain.corpus.kinds import KIND_LABELS

    kind = item.kind
    lines = [*wrap(item.title), f"{KIND_LABELS.get(kind, kind)} · {item.id}", ""]
    facts = item_facts(item, corpus)
    label_width = max((len(label) for label, _ in facts), default=0) + 2
    for label, value in facts:
        lines.extend(wrap(value, indent=" " * label_width, first=f"{label}:".ljust(label_width)))
    if facts:
        lines.append("")
    reasons = inferences(item)
    if reasons:
        lines.append("Inferred, not stated by a quote")
        for label, reason in reasons:
            lines.extend(wrap(f"{label}: {reason}", indent="    ", first="  - "))
        lines.append("")
    lines.extend(wrap(item.summary))
    if item.aliases:
        lines += ["", *wrap(", ".join(item.aliases), first="Also known as: ", indent="  ")]
    if item.quotes:
        lines += ["", "Quotes"]
        for number, quote in enumerate(item.quotes, start=1):
            lines.extend(wrap(f"“{quote.text}”", indent="     ", first=f"  [{number}] "))
            citation = _citation(corpus, quote.source, quote.locator)
            lines.extend(wrap(citation, indent="       ", first="     — "))
    for caveat in corpus.caveats_for(item.id):
        lines += ["", *wrap(f"{CAVEAT_MARK} {caveat.topic}")]
        lines.extend(wrap(caveat.summary, indent="  "))
        for side in caveat.sides:
            lines.extend(wrap(f"“{side.text}”", indent="    ", first="  - "))
            citation = _citation(corpus, side.source, side.locator)
            lines.extend(wrap(citation, indent="      ", first="    — "))
    related = corpus.related(item.id)
    if related:
        lines += ["", "Related"]
        for other in related:
            kind = other.kind
            line = f"{other.title} ({kind}, {other.id})"
            lines.extend(wrap(line, indent="    ", first="  - "))
    return "\n".join(lines)


def _citation(corpus: Corpus, source_id: str, locator: str) -> str:
    source = corpus.sources.get(source_id)
    if source is None:
        return source_id
    where = f", {locator}" if locator else ""
    return f"{source.publisher}, “{source.title}” ({source.kind_label}){where}"


def render_rows(rows: list[tuple[str, str, str]], notes: list[str] | None = None) -> str:
    """Rows of id and `title (kind)`; titles wrap under themselves, long ids get their own line.

    A row's note, when given and not empty, follows it, indented under its title.
    """
    if not rows:
        return ""
    id_width = min(max(len(r[0]) for r in rows), 34)
    indent = " " * (id_width + 2)
    lines: list[str] = []
    for number, (item_id, kind, title) in enumerate(rows):
        if len(item_id) > id_width:
            lines.append(item_id)
            lead = indent
        else:
            lead = f"{item_id:<{id_width}}  "
        lines.extend(wrap(f"{title} ({kind})", indent=indent, first=lead))
        if notes and notes[number]:
            lines.extend(wrap(notes[number], indent=indent + "  ", first=indent + "  "))
    return "\n".join(lines)


def render_hits(hits: list[SearchHit], reasons: list[str] | None = None) -> str:
    """Search results as rows, best first, each followed by why it matched when known."""
    return render_rows([(h.id, h.kind, h.title) for h in hits], reasons)


def render_pack(pack: Pack, corpus: Corpus) -> str:
    """A pack as a page: its details, then sections of entries numbered as commands take them."""
    from briefcase_tui.domain.packs.conflicts import describe, pack_conflicts
    from briefcase_tui.domain.packs.resolve import resolve_pack
    from briefcase_tui.domain.packs.review import statuses

    columns = width()
    lines = [*wrap(pack.title, columns=columns)]
    details = (
        ("Audience", pack.audience),
        ("Meeting", pack.meeting),
        ("Date", pack.date.isoformat() if pack.date else ""),
        ("Author", pack.author),
    )
    for label, value in details:
        if value:
            lines.extend(wrap(value, indent=" " * 10, first=f"{label}:".ljust(10), columns=columns))
    if pack.summary:
        lines += ["", *wrap(pack.summary, columns=columns)]
    conflicts = pack_conflicts(pack)
    if conflicts:
        lines += [
            "",
            f"{counted(len(conflicts), 'merge conflict')} to settle "
            "(`brief pack resolve PACK N ours|theirs`):",
        ]
        for placed in conflicts:
            lead = f"{placed.number:>4}. "
            lines.extend(
                wrap(describe(pack, placed), indent=" " * len(lead), first=lead, columns=columns)
            )
    marked = {(c.section, c.entry): c.number for c in reversed(conflicts)}
    reviewed = statuses(pack, corpus)
    waiting = sum(status in ("changed", "unreviewed") for status in reviewed.values())
    changed = sum(status == "changed" for status in reviewed.values())
    if changed:
        lines += [
            "",
            f"{counted(changed, 'entry', 'entries')} changed in the corpus since added: "
            "`brief pack review PACK` shows old and new",
        ]
    elif waiting:
        lines += [
            "",
            f"{counted(waiting, 'entry', 'entries')} not reviewed against this corpus yet "
            "(`brief pack review PACK --accept all` records them as read)",
        ]
    if not pack.sections:
        lines += ["", "(no sections yet: `brief pack add` puts items in a first one)"]
    for s_index, section in enumerate(resolve_pack(pack, corpus).sections, start=1):
        heading = f"§{s_index} {section.section.title}"
        if (s_index - 1, None) in marked:
            heading += f"  [conflict {marked[(s_index - 1, None)]}]"
        lines += ["", *wrap(heading, columns=columns)]
        if section.section.intro:
            lines.extend(wrap(section.section.intro, indent="   ", columns=columns))
        if not section.entries:
            lines.append("   (no entries)")
        for e_index, entry in enumerate(section.entries):
            at = (s_index - 1, e_index)
            lines.extend(_entry_lines(entry, columns, marked.get(at), reviewed.get(at)))
    return "\n".join(lines)


def _entry_lines(
    resolved: ResolvedEntry,
    columns: int,
    conflict: int | None = None,
    review: Status | None = None,
) -> list[str]:
    entry = resolved.entry
    lead = f"{resolved.number:>4}. "
    indent = " " * len(lead)
    if entry.item is None:
        lines = wrap(f"Note: {entry.note}", indent=indent, first=lead, columns=columns)
        note = ""
    else:
        item = resolved.item
        heading = (
            f"{item.title} ({entry.item})" if item is not None else f"{entry.item} {MISSING_MARK}"
        )
        lines = wrap(heading, indent=indent, first=lead, columns=columns)
        note = entry.note
    marks = [f"conflict {conflict}"] if conflict is not None else []
    if review == "changed":
        from briefcase_tui.domain.packs.review import STATUS_WORDS

        marks.append(STATUS_WORDS[review])
    if entry.priority:
        marks.append(f"priority: {entry.priority}")
    if entry.tags:
        marks.append(f"tags: {', '.join(entry.tags)}")
    if marks:
        lines.extend(wrap(" · ".join(marks), indent=indent, first=indent, columns=columns))
    if note:
        lines.extend(wrap(f"Note: {note}", indent=indent + "  ", first=indent, columns=columns))
    return lines


def render_pack_list(summaries: list[PackSummary]) -> str:
    """One row per pack: name, title, and how many sections and entries it holds."""
    name_width = min(max(len(s.name) for s in summaries), 30)
    lines = []
    for summary in summaries:
        counts = (
            f"{counted(summary.sections, 'section')}, "
            f"{counted(summary.entries, 'entry', 'entries')}"
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
    """Readable lines: `+` added, `-` removed, `~` changed, `>` moved; "no differences" if none."""
    if diff.is_empty:
        return "no differences"
    lines = []
    for detail in diff.details:
        lines.append(f"~ {detail.field}: {_quoted(detail.old)} → {_quoted(detail.new)}")
    for section in diff.sections:
        title = repr(section.title)
        if section.kind == "added":
            lines.append(f"+ section {title}")
        elif section.kind == "removed":
            lines.append(f"- section {title}")
        elif section.kind == "renamed":
            lines.append(f"~ section {section.old_title!r} renamed to {title}")
        elif section.kind == "moved":
            where = f"from §{section.old_position} to §{section.new_position}"
            lines.append(f"> section {title} moved {where}")
        else:
            lines.append(f"~ section {title}: intro changed")
    for entry in diff.entries:
        name = _short(f"note “{entry.entry}”") if entry.is_note else entry.entry
        if entry.kind == "added":
            lines.append(f"+ {name} in {entry.section!r}")
        elif entry.kind == "removed":
            lines.append(f"- {name} from {entry.section!r}")
        elif entry.kind == "moved" and entry.old is not None and entry.old.isdigit():
            where = f"from place {entry.old} to {entry.new}"
            lines.append(f"> {name} moved within {entry.section!r} {where}")
        elif entry.kind == "moved":
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
