"""What each editing key of the pack screen does, decided from the pack and the cursor.

`PackEdits` turns a key into a step: a `PlannedEdit` (a pure edit from
`domain/packs/edit.py`, named for the undo and redo notices, with where the cursor should
land), a `Notice` saying why the key cannot act here (an entry key on a section title, `x`
on a section that still holds entries), or a `Question` whose answer decides the step. It
changes nothing itself: the pack screen carries each step out, through the pack controller.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefcase_tui.domain.packs import conflicts as merge_conflicts
from briefcase_tui.domain.packs import edit as edits
from briefcase_tui.domain.packs.models import PRIORITIES, Entry
from briefcase_tui.tui.dialogs.prompts import ChoiceDialog, TextDialog
from briefcase_tui.tui.dialogs.review_item import ReviewItemDialog
from briefcase_tui.tui.widgets.pack_outline import OutlineRow, entry_at

if TYPE_CHECKING:
    from textual.screen import ModalScreen

    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.corpus.history import EarlierReading
    from briefcase_tui.domain.packs.models import Pack
    from briefcase_tui.domain.packs.session import PackEdit
    from briefcase_tui.tui.notices import Severity

PRIORITY_CYCLE: tuple[str | None, ...] = (*PRIORITIES, None)
"""`!` steps through must, should, optional, then no priority."""
NAME_LENGTH = 40
"""Characters of an entry's title or note quoted in a notice."""

NO_NOTE_HERE = (
    "A section has no note: move to one of its entries (↓) to write that entry's note, "
    "or press A to add a note of your own."
)
NOTHING_TO_MOVE = "Nothing to move: the cursor is on a section title. J, K and m move entries."
NO_PRIORITY_HERE = "Sections have no priority: move to an entry (↓) to set its priority."
NO_TAGS_HERE = "Sections have no tags: move to an entry (↓) to edit its tags."
EMPTY_PACK = "The pack is empty: press s to add a section, or go back (p) and add items with a."
NO_CONFLICTS = "No merge conflicts in this pack: nothing to settle."
NO_REVIEW_HERE = "Sections are not reviewed: move to an entry (↓) to compare its item."
SIDE_LENGTH = 200
"""Characters of a conflict's side shown in the dialog; the rest is cut with …."""


@dataclass(frozen=True)
class PlannedEdit:
    """An edit to apply to the open pack, with what to say and where the cursor goes."""

    edit: PackEdit
    description: str
    """Names the edit in the undo and redo notices: `move “X” down`."""
    done: str = ""
    """Said once it is applied."""
    cursor: OutlineRow | None = None
    """The row the cursor lands on; None leaves it where it is."""


@dataclass(frozen=True)
class Notice:
    """Why a key did nothing, or a fact worth saying instead of an edit."""

    text: str
    severity: Severity = "information"


@dataclass(frozen=True)
class Question:
    """Ask first; the answer (None when cancelled) decides the next step."""

    dialog: ModalScreen[str | None]
    answered: Callable[[str | None], Step | None]


Step = PlannedEdit | Notice | Question


class PackEdits:
    """The pack screen's editing keys as steps; reads the open pack and the corpus when asked."""

    def __init__(
        self,
        pack: Callable[[], Pack | None],
        corpus: Callable[[], Corpus | None],
        history: Callable[[], dict[str, EarlierReading]] = dict,
    ) -> None:
        self._current = pack
        self._corpus = corpus
        self._history = history

    def _pack(self) -> Pack:
        pack = self._current()
        assert pack is not None
        return pack

    def _entry_here(self, cursor: OutlineRow) -> tuple[tuple[int, int], Entry] | None:
        """The cursor's (section, entry) and its entry, when the cursor is on an entry."""
        entry = entry_at(self._current(), cursor)
        if entry is None or cursor.entry is None:
            return None
        return (cursor.section, cursor.entry), entry

    def not_on_a_section(self, why: str) -> Notice:
        """Why an entry key did nothing: the cursor is on a section title, or the pack is empty."""
        return Notice(why if self._pack().sections else EMPTY_PACK, "warning")

    def name(self, entry: Entry) -> str:
        """An entry as a notice names it: its item's title, its id, or the start of its note."""
        corpus = self._corpus()
        item = corpus.get(entry.item) if corpus is not None and entry.item is not None else None
        name = (
            item.title if item is not None else (entry.item or entry.note.strip().splitlines()[0])
        )
        return name if len(name) <= NAME_LENGTH else name[: NAME_LENGTH - 1].rstrip() + "…"

    def note(self, at: tuple[int, int], text: str) -> PlannedEdit | None:
        """Keep the note written for the entry at `at`; None when nothing changed."""
        entry = entry_at(self._current(), OutlineRow(*at))
        if entry is None or entry.note == text:
            return None
        return PlannedEdit(
            lambda p: edits.update_entry(p, at, note=text),
            f"edit the note on “{self.name(entry)}”",
            done="Note saved.",
        )

    def shift(self, cursor: OutlineRow, step: int) -> Step:
        """Move the entry one place (J: 1, K: -1), across sections at either end."""
        here = self._entry_here(cursor)
        if here is None:
            return self.not_on_a_section(NOTHING_TO_MOVE)
        at, entry = here
        _, (section, position) = edits.shift_entry(self._pack(), at, step)
        name = self.name(entry)
        if (section, position) == at:
            return Notice(f"“{name}” is already at the {'end' if step > 0 else 'top'} of the pack.")
        return PlannedEdit(
            lambda p: edits.shift_entry(p, at, step)[0],
            f"move “{name}” {'down' if step > 0 else 'up'}",
            cursor=OutlineRow(section, position),
        )

    def cycle_priority(self, cursor: OutlineRow) -> Step:
        """Next priority: must → should → optional → none → must."""
        here = self._entry_here(cursor)
        if here is None:
            return self.not_on_a_section(NO_PRIORITY_HERE)
        at, entry = here
        following = PRIORITY_CYCLE[(PRIORITY_CYCLE.index(entry.priority) + 1) % len(PRIORITY_CYCLE)]
        return PlannedEdit(
            lambda p: edits.update_entry(p, at, priority=following),
            f"set the priority of “{self.name(entry)}” to {following or 'none'}",
            done=f"Priority: {following or 'none'}",
        )

    def edit_tags(self, cursor: OutlineRow) -> Step:
        """Ask for the entry's own tags, comma-separated."""
        here = self._entry_here(cursor)
        if here is None:
            return self.not_on_a_section(NO_TAGS_HERE)
        at, entry = here
        name = self.name(entry)

        def answered(text: str | None) -> Step | None:
            if text is None:
                return None
            tags = tuple(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))
            return PlannedEdit(
                lambda p: edits.update_entry(p, at, tags=tags),
                f"edit the tags of “{name}”",
                done="Tags saved.",
            )

        dialog = TextDialog(
            "Tags (your own labels, comma-separated)",
            ", ".join(entry.tags),
            placeholder="ask, follow-up",
        )
        return Question(dialog, answered)

    def move_to_section(self, cursor: OutlineRow) -> Step:
        """Ask which other section the entry moves to (to its end)."""
        here = self._entry_here(cursor)
        if here is None:
            return self.not_on_a_section(NOTHING_TO_MOVE)
        at, entry = here
        sections = self._pack().sections
        choices = [(str(i), s.title) for i, s in enumerate(sections) if i != at[0]]
        if not choices:
            return Notice("The pack has one section: add another with s.")
        name = self.name(entry)

        def answered(choice: str | None) -> Step | None:
            if choice is None:
                return None
            target = int(choice)
            section = self._pack().sections[target]
            return PlannedEdit(
                lambda p: edits.move_entry(p, at, section=target),
                f"move “{name}” to {section.title}",
                done="Moved.",
                cursor=OutlineRow(target, len(section.entries)),
            )

        return Question(ChoiceDialog("Move the entry to", choices), answered)

    def remove(self, cursor: OutlineRow) -> Step:
        """Remove the entry under the cursor, or its section if it is empty (else say why not)."""
        here = self._entry_here(cursor)
        if here is not None:
            at, entry = here
            return PlannedEdit(
                lambda p: edits.remove_entry(p, at),
                f"remove “{self.name(entry)}”",
                done="Removed (u undoes).",
                cursor=OutlineRow(*at),
            )
        pack = self._pack()
        section = cursor.section
        if section >= len(pack.sections):
            return self.not_on_a_section("")
        title, count = pack.sections[section].title, len(pack.sections[section].entries)
        if count:
            return Notice(
                f"Not removed: the section “{title}” still holds "
                f"{count} entr{'y' if count == 1 else 'ies'}. "
                "Remove them (x) or move them to another section (m) first.",
                "warning",
            )
        return PlannedEdit(
            lambda p: edits.remove_section(p, section),
            f"remove the section “{title}”",
            done="Section removed.",
            cursor=OutlineRow(max(section - 1, 0)),
        )

    def add_note(self, cursor: OutlineRow) -> Step:
        """Ask for a note of the user's own (no corpus item), to go after the cursor."""
        position = cursor.entry + 1 if cursor.entry is not None else None

        def answered(text: str | None) -> Step | None:
            if not text or not text.strip():
                return None
            pack = self._pack()
            section = min(cursor.section, len(pack.sections) - 1) if pack.sections else 0
            at = (
                position
                if position is not None
                else (len(pack.sections[section].entries) if pack.sections else 0)
            )
            return PlannedEdit(
                lambda p: edits.add_entries(
                    p, [Entry(note=text)], section=section if p.sections else None, position=at
                ),
                "add a note of your own",
                done="Note added.",
                cursor=OutlineRow(section, at),
            )

        return Question(
            TextDialog("A note of your own", placeholder="Car booked for 14:00"), answered
        )

    def add_section(self, cursor: OutlineRow) -> Step:
        """Ask for the title of a section to add after the cursor's."""
        after = cursor.section + 1 if self._pack().sections else 0

        def answered(title: str | None) -> Step | None:
            if not title:
                return None
            return PlannedEdit(
                lambda p: edits.add_section(p, title, position=after),
                f"add the section “{title.strip()}”",
                done="Section added.",
                cursor=OutlineRow(after),
            )

        return Question(TextDialog("New section title", placeholder="Questions"), answered)

    def rename_section(self, cursor: OutlineRow) -> Step:
        """Ask for a new title for the cursor's section."""
        sections = self._pack().sections
        if not sections:
            return self.not_on_a_section("")
        index = min(cursor.section, len(sections) - 1)
        old = sections[index].title

        def answered(title: str | None) -> Step | None:
            if not title:
                return None
            return PlannedEdit(
                lambda p: edits.rename_section(p, index, title),
                f"rename the section “{old}” to “{title.strip()}”",
                done="Section renamed.",
            )

        return Question(TextDialog("Rename the section", old), answered)

    def rename_pack(self) -> Step:
        """Ask for a new title for the pack (the file keeps its name)."""

        def answered(title: str | None) -> Step | None:
            if not title:
                return None
            return PlannedEdit(
                lambda p: edits.update_details(p, title=title),
                f"rename the pack to “{title.strip()}”",
                done="Pack renamed.",
            )

        return Question(TextDialog("Rename the pack", self._pack().title), answered)

    def settle_conflict(self, cursor: OutlineRow) -> Step:
        """Ask which side of a merge conflict to keep: the first at the cursor, else the first.

        The answer settles the conflict the dialog showed, found again in the pack as it is
        then, so a reload while the dialog was open cannot settle another one.
        """
        pack = self._pack()
        found = merge_conflicts.pack_conflicts(pack)
        if not found:
            return Notice(NO_CONFLICTS)
        here = [c for c in found if (c.section, c.entry) == (cursor.section, cursor.entry)]
        placed = (here or found)[0]
        subject = merge_conflicts.subject(pack, placed)
        conflict = placed.conflict
        place = (placed.section, placed.entry, placed.index)

        def answered(choice: str | None) -> Step | None:
            if choice not in merge_conflicts.SIDES:
                return None
            side: merge_conflicts.Side = "ours" if choice == "ours" else "theirs"
            now = merge_conflicts.pack_conflicts(self._pack())
            same = [c for c in now if (c.section, c.entry, c.index) == place]
            if not same or same[0].conflict != conflict:
                return Notice("That conflict is no longer in the pack: nothing changed.", "warning")
            number = same[0].number
            left = len(now) - 1
            return PlannedEdit(
                lambda p: merge_conflicts.resolve(p, number, side),
                f"keep {side} in the conflict over {subject}",
                done=f"Kept {side}. "
                + (
                    f"{left} conflict{'s' if left != 1 else ''} left (c)."
                    if left
                    else "All settled."
                ),
                cursor=OutlineRow(placed.section, placed.entry)
                if placed.section is not None
                else None,
            )

        def side(name: merge_conflicts.Side) -> str:
            text = merge_conflicts.side_text(conflict, name)
            return text if len(text) <= SIDE_LENGTH else text[: SIDE_LENGTH - 1] + "…"

        dialog = ChoiceDialog(
            f"Conflict {placed.number} of {len(found)}: {subject}",
            [("ours", f"Keep ours: {side('ours')}"), ("theirs", f"Take theirs: {side('theirs')}")],
            hint="Two versions of the pack changed this differently. "
            "Enter keeps the side chosen · Esc decides later",
        )
        return Question(dialog, answered)

    def review_entry(self, cursor: OutlineRow) -> Step:
        """Compare the entry's item with how it read when added, and record today's reading.

        A changed item opens the comparison; an entry not reviewed yet (from a pack written
        before readings were recorded) is recorded at once; a current one says so.
        """
        from briefcase_tui.domain.packs import review

        here = self._entry_here(cursor)
        corpus = self._corpus()
        if here is None:
            return self.not_on_a_section(NO_REVIEW_HERE)
        at, entry = here
        if corpus is None or entry.item is None:
            return Notice(
                "A note of your own has no corpus item to review."
                if entry.item is None
                else "The corpus is still loading: try again in a moment."
            )
        status = review.entry_status(entry, corpus)
        name = self.name(entry)
        version = corpus.info.version or "?"
        accept = PlannedEdit(
            lambda p: review.accept(p, corpus, [at]),
            f"review “{name}”",
            done=f"Reviewed: today's reading of “{name}” recorded (corpus {version}).",
        )
        if status == "unreviewed":
            return accept
        if status == "current":
            return Notice(f"“{name}” reads as it did when added or last reviewed.")
        old = self._history().get(entry.fingerprint)
        pack = self._pack()
        rows = review.side_by_side(
            old.text if old is not None else "(the earlier reading is not kept in the history)",
            review.item_reading_of(entry.item, corpus) or "(gone from the corpus)",
        )
        headings = (
            f"As added (corpus {(old.version if old else '') or pack.corpus_version or '?'})",
            f"Today (corpus {version})",
        )
        dialog = ReviewItemDialog(
            f"{name}: {review.STATUS_WORDS[status or 'changed']}",
            headings,
            rows,
            can_accept=status == "changed",
        )
        return Question(dialog, lambda answer: accept if answer == "accept" else None)
