"""The pack screen's editing keys: each turns a key (and maybe a dialog's answer) into a pure edit.

Split from `pack.py`, which draws the screen. Each action builds an edit from
`domain/packs/edit.py`, names it for the undo and redo notices, sets where the cursor
should land, and hands the edit to the app, which applies it at once and saves it. A key
pressed where it cannot act (an entry key on a section title, `x` on a section that still
holds entries) says why in a notice rather than doing nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefcase_tui.domain.packs import edit as edits
from briefcase_tui.domain.packs.models import PRIORITIES, Entry
from briefcase_tui.tui.dialogs.prompts import ChoiceDialog, TextDialog
from briefcase_tui.tui.notices import say
from briefcase_tui.tui.widgets.pack_outline import OutlineRow

if TYPE_CHECKING:
    from briefcase_tui.domain.packs.models import Pack
    from briefcase_tui.domain.packs.session import PackEdit
    from briefcase_tui.tui.app import BriefcaseApp

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


class PackEditsMixin:
    """Actions of `PackScreen` that change the pack."""

    cursor: OutlineRow

    if TYPE_CHECKING:

        @property
        def briefcase(self) -> BriefcaseApp: ...  # provided by PackScreen

    def entry_at(self, row: OutlineRow | None) -> Entry | None: ...  # provided by PackScreen

    def _edit(
        self,
        edit: PackEdit,
        cursor: OutlineRow | None = None,
        done: str = "",
        *,
        description: str = "",
    ) -> bool:
        if cursor is not None:
            self.cursor = cursor
        return self.briefcase.edit_pack(edit, done=done, description=description)

    def _pack(self) -> Pack:
        pack = self.briefcase.current_pack()
        assert pack is not None
        return pack

    def _at(self) -> tuple[int, int] | None:
        row = self.cursor
        return (
            (row.section, row.entry)
            if row.entry is not None and self.entry_at(row) is not None
            else None
        )

    def _not_on_a_section(self, why: str) -> None:
        """Say why an entry key did nothing (the cursor is on a section title, or the pack is empty)."""
        if not self._pack().sections:
            why = (
                "The pack is empty: press s to add a section, or go back (p) and add items with a."
            )
        say(self.briefcase, why, severity="warning", topic="pack:warning")

    def entry_name(self, entry: Entry) -> str:
        """An entry as a notice names it: its item's title, its id, or the start of its note."""
        corpus = self.briefcase.corpus
        item = corpus.get(entry.item) if corpus is not None and entry.item is not None else None
        name = (
            item.title if item is not None else (entry.item or entry.note.strip().splitlines()[0])
        )
        return name if len(name) <= NAME_LENGTH else name[: NAME_LENGTH - 1].rstrip() + "…"

    def _shift(self, step: int) -> None:
        at = self._at()
        entry = self.entry_at(self.cursor)
        if at is None or entry is None:
            self._not_on_a_section(NOTHING_TO_MOVE)
            return
        _, (section, position) = edits.shift_entry(self._pack(), at, step)
        name = self.entry_name(entry)
        if (section, position) == at:
            where = "end" if step > 0 else "top"
            say(
                self.briefcase,
                f"“{name}” is already at the {where} of the pack.",
                topic="pack:information",
            )
            return
        self._edit(
            lambda p: edits.shift_entry(p, at, step)[0],
            OutlineRow(section, position),
            description=f"move “{name}” {'down' if step > 0 else 'up'}",
        )

    def action_move_up(self) -> None:
        """Move the entry one place up, into the previous section from the top."""
        self._shift(-1)

    def action_move_down(self) -> None:
        """Move the entry one place down, into the next section from the bottom."""
        self._shift(1)

    def action_cycle_priority(self) -> None:
        """Next priority: must → should → optional → none → must."""
        at = self._at()
        entry = self.entry_at(self.cursor)
        if at is None or entry is None:
            self._not_on_a_section(NO_PRIORITY_HERE)
            return
        following = PRIORITY_CYCLE[(PRIORITY_CYCLE.index(entry.priority) + 1) % len(PRIORITY_CYCLE)]
        self._edit(
            lambda p: edits.update_entry(p, at, priority=following),
            done=f"Priority: {following or 'none'}",
            description=f"set the priority of “{self.entry_name(entry)}” to {following or 'none'}",
        )

    def action_edit_tags(self) -> None:
        """Edit the entry's own tags, comma-separated."""
        at = self._at()
        entry = self.entry_at(self.cursor)
        if at is None or entry is None:
            self._not_on_a_section(NO_TAGS_HERE)
            return
        name = self.entry_name(entry)

        def answered(text: str | None) -> None:
            if text is None:
                return
            tags = tuple(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))
            self._edit(
                lambda p: edits.update_entry(p, at, tags=tags),
                done="Tags saved.",
                description=f"edit the tags of “{name}”",
            )

        self.briefcase.push_screen(
            TextDialog(
                "Tags (your own labels, comma-separated)",
                ", ".join(entry.tags),
                placeholder="ask, follow-up",
            ),
            answered,
        )

    def action_move_to_section(self) -> None:
        """Move the entry to the end of another section, chosen from a list."""
        at = self._at()
        entry = self.entry_at(self.cursor)
        if at is None or entry is None:
            self._not_on_a_section(NOTHING_TO_MOVE)
            return
        sections = self._pack().sections
        choices = [(str(i), s.title) for i, s in enumerate(sections) if i != at[0]]
        if not choices:
            say(
                self.briefcase,
                "The pack has one section: add another with s.",
                topic="pack:information",
            )
            return
        name = self.entry_name(entry)

        def chosen(choice: str | None) -> None:
            if choice is None:
                return
            target = int(choice)
            position = len(self._pack().sections[target].entries)
            self._edit(
                lambda p: edits.move_entry(p, at, section=target),
                OutlineRow(target, position),
                done="Moved.",
                description=f"move “{name}” to {self._pack().sections[target].title}",
            )

        self.briefcase.push_screen(ChoiceDialog("Move the entry to", choices), chosen)

    def action_remove(self) -> None:
        """Remove the entry under the cursor, or the section if it is empty (else say why not)."""
        at = self._at()
        entry = self.entry_at(self.cursor)
        if at is not None and entry is not None:
            self._edit(
                lambda p: edits.remove_entry(p, at),
                OutlineRow(*at),
                done="Removed (u undoes).",
                description=f"remove “{self.entry_name(entry)}”",
            )
            return
        pack = self._pack()
        section = self.cursor.section
        if section >= len(pack.sections):
            self._not_on_a_section("")
            return
        title, count = pack.sections[section].title, len(pack.sections[section].entries)
        if count:
            say(
                self.briefcase,
                f"Not removed: the section “{title}” still holds {count} entr{'y' if count == 1 else 'ies'}. "
                "Remove them (x) or move them to another section (m) first.",
                severity="warning",
                topic="pack:warning",
            )
            return
        self._edit(
            lambda p: edits.remove_section(p, section),
            OutlineRow(max(section - 1, 0)),
            done="Section removed.",
            description=f"remove the section “{title}”",
        )

    def action_add_note(self) -> None:
        """Add a note of your own (no corpus item) after the cursor."""
        row = self.cursor
        position = row.entry + 1 if row.entry is not None else None

        def answered(text: str | None) -> None:
            if not text or not text.strip():
                return
            pack = self._pack()
            section = min(row.section, len(pack.sections) - 1) if pack.sections else 0
            at = (
                position
                if position is not None
                else (len(pack.sections[section].entries) if pack.sections else 0)
            )
            self._edit(
                lambda p: edits.add_entries(
                    p, [Entry(note=text)], section=section if p.sections else None, position=at
                ),
                OutlineRow(section, at),
                done="Note added.",
                description="add a note of your own",
            )

        self.briefcase.push_screen(
            TextDialog("A note of your own", placeholder="Car booked for 14:00"), answered
        )

    def action_add_section(self) -> None:
        """Add a section after the current one."""
        after = self.cursor.section + 1 if self._pack().sections else 0

        def answered(title: str | None) -> None:
            if title:
                self._edit(
                    lambda p: edits.add_section(p, title, position=after),
                    OutlineRow(after),
                    done="Section added.",
                    description=f"add the section “{title.strip()}”",
                )

        self.briefcase.push_screen(
            TextDialog("New section title", placeholder="Questions"), answered
        )

    def action_rename_section(self) -> None:
        """Give the current section a new title."""
        sections = self._pack().sections
        if not sections:
            self._not_on_a_section("")
            return
        index = min(self.cursor.section, len(sections) - 1)
        old = sections[index].title

        def answered(title: str | None) -> None:
            if title:
                self._edit(
                    lambda p: edits.rename_section(p, index, title),
                    done="Section renamed.",
                    description=f"rename the section “{old}” to “{title.strip()}”",
                )

        self.briefcase.push_screen(TextDialog("Rename the section", old), answered)

    def action_rename_pack(self) -> None:
        """Give the pack a new title (the file keeps its name)."""

        def answered(title: str | None) -> None:
            if title:
                self._edit(
                    lambda p: edits.update_details(p, title=title),
                    done="Pack renamed.",
                    description=f"rename the pack to “{title.strip()}”",
                )

        self.briefcase.push_screen(TextDialog("Rename the pack", self._pack().title), answered)
