"""Themes as data: TOML files read into ThemeSpec, so a bad file is reported, never fatal.

The app reads its themes before its first screen, where pydantic's import alone would cost
about 50 ms: `ThemeSpec` is the one declaration of the file, read by plain Python
(`quick_read.quick_reader`); only a file it refuses goes to the pydantic model derived from it,
which names the problem.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Annotated

from briefcase_tui.domain.quick_read import quick_reader
from briefcase_tui.domain.schema import Rule, pydantic_model
from briefcase_tui.domain.tomlio import read_checked
from briefcase_tui.errors import BriefcaseError

Colour = Annotated[str, Rule(pattern=r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")]
"""A hex colour, `#rgb`, `#rrggbb` or `#rrggbbaa`: the one form every terminal theme tool
agrees on."""
ThemeName = Annotated[str, Rule(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)]


@dataclass(frozen=True, kw_only=True)
class ThemeSpec:
    """A colour theme: the base colours from which the app derives every shade it uses."""

    name: ThemeName
    """Unique id used in the config file and the command palette."""
    label: str = ""
    """Name shown to people; the id when empty."""
    dark: bool = True
    primary: Colour
    secondary: Colour | None = None
    accent: Colour | None = None
    warning: Colour | None = None
    error: Colour | None = None
    success: Colour | None = None
    foreground: Colour | None = None
    background: Colour | None = None
    surface: Colour | None = None
    panel: Colour | None = None
    variables: dict[str, str] = field(default_factory=dict)
    """Extra Textual theme variables (`border`, `footer-key-foreground`, ...)."""


COLOUR_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(ThemeSpec) if f.name not in ("name", "label", "dark", "variables")
)
"""The base colours, `primary` first."""


def load_theme_file(path: Path) -> ThemeSpec:
    """One theme file as a ThemeSpec; problems raise a BriefcaseError naming file and line."""
    return read_checked(path, quick_reader(ThemeSpec), lambda: pydantic_model(ThemeSpec))


def load_themes(folders: Iterable[Path]) -> tuple[list[ThemeSpec], list[BriefcaseError]]:
    """Every `*.toml` theme in the folders, in order, and the problems of the files that failed.

    A later folder's theme replaces an earlier one of the same name, so a user can restyle
    a bundled theme; one bad file never hides the others.
    """
    specs: dict[str, ThemeSpec] = {}
    problems: list[BriefcaseError] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                spec = load_theme_file(path)
            except BriefcaseError as error:
                problems.append(error)
                continue
            specs[spec.name] = spec
    return list(specs.values()), problems
