"""The user's settings file: chosen theme and key remaps, read strictly and saved atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from briefcase_tui.domain.storage import atomic_write
from briefcase_tui.domain.tomlio import read_toml_text, validation_problems
from briefcase_tui.errors import BriefcaseError

BindingId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$", max_length=80)]
KeyList = Annotated[str, StringConstraints(min_length=1, max_length=200)]
"""One key or several separated by commas, in Textual's names: `ctrl+f`, `f2,slash`."""


class Settings(BaseModel):
    """What Briefcase remembers between runs."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    theme: str | None = None
    """Name of the theme last chosen; unknown names fall back to the default theme."""
    keys: dict[BindingId, KeyList] = Field(default_factory=dict)
    """Binding id → key(s), overriding the built-in keys (see the help screen for ids)."""


def load_settings(path: Path) -> Settings:
    """The settings in `path`; a missing file means defaults, a bad one raises a located error."""
    if not path.exists():
        return Settings()
    data, text = read_toml_text(path)
    try:
        return Settings.model_validate(data)
    except ValidationError as error:
        problems = validation_problems(error, path, text, list(Settings.model_fields))
        raise problems[0] from None


def save_settings(settings: Settings, path: Path) -> None:
    """Write the settings atomically; a value that cannot be written leaves the old file intact."""
    import tomli_w

    data: dict[str, object] = {}
    if settings.theme is not None:
        data["theme"] = settings.theme
    if settings.keys:
        data["keys"] = dict(sorted(settings.keys.items()))
    try:
        text = tomli_w.dumps(data)
    except (TypeError, ValueError) as error:
        raise BriefcaseError(f"cannot save settings: {error}", path) from None
    atomic_write(path, text.encode("utf-8"))
