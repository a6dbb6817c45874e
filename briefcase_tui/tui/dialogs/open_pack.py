"""The open-pack dialog: every pack of the briefs folder, the open one marked, or a new one.

It is a `ChoiceDialog` given the folder's summaries and problems; it returns the chosen
pack's path (or `NEW_PACK`), and opening it is the pack controller's job.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefcase_tui.tui.dialogs.prompts import ChoiceDialog

if TYPE_CHECKING:
    from briefcase_tui.domain.packs.store import PackSummary
    from briefcase_tui.errors import BriefcaseError

NEW_PACK = "new-pack"
"""The option id of "New pack…" in the open dialog."""


OPEN_MARK = "▶ "
"""Marks the pack already open in the open dialog; the others are indented to match."""
NEW_MARK = "\N{FULLWIDTH PLUS SIGN}"
"""The mark before "New pack…": a wide plus, so the line reads as an action, not a pack."""


def open_pack_dialog(
    summaries: list[PackSummary],
    problems: list[BriefcaseError],
    folder: str,
    open_path: Path | None = None,
) -> ChoiceDialog:
    """Every pack in the folder to choose from, the open one marked.

    Packs that do not load are listed with their problem, not choosable. The chosen id
    is the pack's path, or `NEW_PACK`.
    """
    opened = open_path.resolve() if open_path is not None else None

    def label(s: PackSummary) -> str:
        is_open = opened is not None and s.path.resolve() == opened
        count = f"{s.entries} entr{'y' if s.entries == 1 else 'ies'}"
        now = " · open now" if is_open else ""
        return f"{OPEN_MARK if is_open else '  '}{s.title}  ({s.name} · {count}{now})"

    choices = [(str(s.path), label(s)) for s in summaries]
    choices.append((NEW_PACK, f"  {NEW_MARK} New pack…"))
    hint = f"Packs in {folder} · Enter opens · Esc cancels"
    if problems:
        hint = (
            f"{len(problems)} pack{'s' if len(problems) != 1 else ''} cannot be opened (✗) · "
            + hint
        )
    return ChoiceDialog("Open a pack", choices, hint=hint, disabled=[str(p) for p in problems])
