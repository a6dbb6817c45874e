"""The user's settings file: chosen theme and key remaps, read strictly and saved atomically.

Read before the app's first screen, so a good file is checked by plain Python; a file that
fails goes to the pydantic model in `settings_schema.py`, which names the problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from briefcase_tui.domain.storage import atomic_write
from briefcase_tui.domain.tomlio import read_checked
from briefcase_tui.errors import BriefcaseError

_BINDING_ID = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")


@dataclass(frozen=True)
class Settings:
    """What Briefcase remembers between runs."""

    theme: str | None = None
    """Name of the theme last chosen; unknown names fall back to the default theme."""
    keys: dict[str, str] = field(default_factory=dict)
    """Binding id → key(s), overriding the built-in keys (see the help screen for ids)."""
    last_pack: str | None = None
    """The pack open when Briefcase last closed (its path), opened again on the next start."""

    def with_changes(self, **changes: Any) -> Settings:
        """A copy with some fields changed."""
        return replace(self, **changes)


def read_settings(data: dict[str, Any]) -> Settings | None:
    """The settings these TOML values hold, or None when they break a rule of `SettingsFile`."""
    if not data.keys() <= {"theme", "keys", "last_pack"}:
        return None
    theme = data.get("theme")
    last_pack = data.get("last_pack")
    if last_pack is not None and type(last_pack) is not str:
        return None
    keys = data.get("keys", {})
    if theme is not None and type(theme) is not str:
        return None
    if type(keys) is not dict:
        return None
    for binding, key in keys.items():
        if type(binding) is not str or len(binding) > 80 or not _BINDING_ID.fullmatch(binding):
            return None
        if type(key) is not str or not 1 <= len(key) <= 200:
            return None
    return Settings(theme=theme, keys=dict(keys), last_pack=last_pack)


def load_settings(path: Path) -> Settings:
    """The settings in `path`; a missing file means defaults, a bad one raises a located error."""
    if not path.exists():
        return Settings()
    return read_checked(path, read_settings, _schema)


def _schema() -> type[Any]:
    from briefcase_tui.domain.settings_schema import SettingsFile

    return SettingsFile


def save_settings(settings: Settings, path: Path) -> None:
    """Write the settings atomically; a value that cannot be written leaves the old file intact."""
    import tomli_w

    data: dict[str, object] = {}
    if settings.theme is not None:
        data["theme"] = settings.theme
    if settings.last_pack is not None:
        data["last_pack"] = settings.last_pack
    if settings.keys:
        data["keys"] = dict(sorted(settings.keys.items()))
    try:
        text = tomli_w.dumps(data)
    except (TypeError, ValueError) as error:
        raise BriefcaseError(f"cannot save settings: {error}", path) from None
    atomic_write(path, text.encode("utf-8"))
