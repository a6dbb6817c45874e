"""Themes as data: TOML files read into ThemeSpec, so a bad file is reported, never fatal.

A good file is checked here by plain Python; only a file that fails the check is handed
to the pydantic model in `theme_schema.py`, which names the problem. The app reads its
themes before its first screen, and pydantic's import alone would cost about 50 ms there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefcase_tui.domain.tomlio import read_checked
from briefcase_tui.errors import BriefcaseError

COLOUR_FIELDS = (
    "primary",
    "secondary",
    "accent",
    "warning",
    "error",
    "success",
    "foreground",
    "background",
    "surface",
    "panel",
)
_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_KEYS = frozenset({"name", "label", "dark", "variables", *COLOUR_FIELDS})


@dataclass(frozen=True)
class ThemeSpec:
    """A colour theme: the base colours from which the app derives every shade it uses."""

    name: str
    primary: str
    label: str = ""
    dark: bool = True
    secondary: str | None = None
    accent: str | None = None
    warning: str | None = None
    error: str | None = None
    success: str | None = None
    foreground: str | None = None
    background: str | None = None
    surface: str | None = None
    panel: str | None = None
    variables: dict[str, str] = field(default_factory=dict)
    """Extra Textual theme variables (`border`, `footer-key-foreground`, ...)."""


def read_theme(data: dict[str, Any]) -> ThemeSpec | None:
    """The theme these TOML values describe, or None when they break a rule of `ThemeFile`."""
    if not data.keys() <= _KEYS:
        return None
    name, primary = data.get("name"), data.get("primary")
    if type(name) is not str or len(name) > 60 or not _NAME.fullmatch(name):
        return None
    if type(data.get("label", "")) is not str or type(data.get("dark", True)) is not bool:
        return None
    colours = {key: data.get(key) for key in COLOUR_FIELDS}
    if type(primary) is not str:
        return None
    for value in colours.values():
        if value is not None and (type(value) is not str or not _COLOUR.fullmatch(value)):
            return None
    variables = data.get("variables", {})
    if type(variables) is not dict or any(
        type(k) is not str or type(v) is not str for k, v in variables.items()
    ):
        return None
    return ThemeSpec(
        label=data.get("label", ""),
        dark=data.get("dark", True),
        variables=dict(variables),
        name=name,
        **colours,
    )  # type: ignore[arg-type]


def load_theme_file(path: Path) -> ThemeSpec:
    """One theme file as a ThemeSpec; problems raise a BriefcaseError naming file and line."""
    return read_checked(path, read_theme, _schema)


def _schema() -> type[Any]:
    from briefcase_tui.domain.theme_schema import ThemeFile

    return ThemeFile


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
