"""The settings file format as a pydantic model: imported only to word a bad file's problem.

`settings.py` reads a good file without pydantic, which the app cannot afford before its
first screen; a property test keeps the two readers in agreement.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

BindingId = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$", max_length=80)
]
KeyList = Annotated[str, StringConstraints(min_length=1, max_length=200)]
"""One key or several separated by commas, in Textual's names: `ctrl+f`, `f2,slash`."""


class SettingsFile(BaseModel):
    """What Briefcase remembers between runs."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    theme: str | None = None
    """Name of the theme last chosen; unknown names fall back to the default theme."""
    keys: dict[BindingId, KeyList] = Field(default_factory=dict)
    """Binding id → key(s), overriding the built-in keys (see the help screen for ids)."""
    last_pack: str | None = None
    """The pack open when Briefcase last closed (its path), opened again on the next start."""
