"""The theme file format as a pydantic model: the judge that words a bad theme file's problem.

`themes.py` reads good files without it (importing pydantic would cost the app's first
screen about 50 ms); this model is imported only when a file is wrong, to say exactly
what is wrong, and by the property test that keeps the two readers in agreement.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Colour = Annotated[
    str, StringConstraints(pattern=r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
]
"""A hex colour, `#rgb`, `#rrggbb` or `#rrggbbaa`: the one form every terminal theme tool agrees on."""
ThemeName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)]


class ThemeFile(BaseModel):
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
