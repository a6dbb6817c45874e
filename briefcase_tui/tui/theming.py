"""ThemeSpec (data) → Textual Theme; registering the good ones and naming the bad files once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App
from textual.theme import Theme

from briefcase_tui.domain.themes import COLOUR_FIELDS, ThemeSpec, load_themes
from briefcase_tui.errors import BriefcaseError

DEFAULT_THEME = "briefcase-dark"
"""Used when no theme was chosen, or the chosen one no longer loads."""
FALLBACK_THEME = "textual-dark"
"""Built into Textual: used only if even the bundled themes fail to load."""


def to_textual_theme(spec: ThemeSpec) -> Theme:
    """A Textual Theme with the spec's colours."""
    colours = {field: getattr(spec, field) for field in COLOUR_FIELDS}
    return Theme(name=spec.name, dark=spec.dark, variables=dict(spec.variables), **colours)


def register_themes(
    app: App[Any], folders: list[Path]
) -> tuple[dict[str, str], list[BriefcaseError]]:
    """Register every good theme in the folders.

    Returns name → human label of each, and the problems of the files that did not load.
    """
    specs, problems = load_themes(folders)
    for spec in specs:
        app.register_theme(to_textual_theme(spec))
    return {spec.name: theme_label(spec) for spec in specs}, problems


def theme_label(spec: ThemeSpec) -> str:
    """What a person calls the theme: its `label`, else its name in words ("Briefcase dark")."""
    return spec.label or spec.name.replace("-", " ").capitalize()


def problems_message(problems: list[BriefcaseError]) -> str:
    """One notification for every bad theme file, naming each file and its first problem."""
    lines = [f"{len(problems)} theme file{'s' if len(problems) != 1 else ''} skipped:"]
    lines += [str(problem) for problem in problems]
    return "\n".join(lines)
