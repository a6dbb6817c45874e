"""Themes as data: TOML files validated into ThemeSpec, so a bad file is reported, never fatal."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from briefcase_tui.domain.tomlio import read_toml_text, validation_problems
from briefcase_tui.errors import BriefcaseError

Colour = Annotated[str, StringConstraints(pattern=r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")]
"""A hex colour, `#rgb`, `#rrggbb` or `#rrggbbaa`: the one form every terminal theme tool agrees on."""
ThemeName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)]


class ThemeSpec(BaseModel):
    """A colour theme: the base colours from which the app derives every shade it uses."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

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
    variables: dict[str, str] = Field(default_factory=dict)
    """Extra Textual theme variables (`border`, `footer-key-foreground`, ...)."""


def load_theme_file(path: Path) -> ThemeSpec:
    """One theme file as a ThemeSpec; problems raise a BriefcaseError naming file and line."""
    data, text = read_toml_text(path)
    try:
        return ThemeSpec.model_validate(data)
    except ValidationError as error:
        raise validation_problems(error, path, text, list(ThemeSpec.model_fields))[0] from None


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
