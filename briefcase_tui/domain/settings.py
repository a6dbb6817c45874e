"""The user's settings file: chosen theme and key remaps, read strictly and saved atomically.

Read before the app's first screen, where pydantic would cost more than everything else:
`Settings` is the one declaration of the file, read by plain Python (`quick_read.quick_reader`);
only a file it refuses goes to the pydantic model derived from it, which names the problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any

from briefcase_tui.domain.quick_read import quick_reader
from briefcase_tui.domain.schema import Rule, pydantic_model
from briefcase_tui.domain.tomlio import read_checked
from briefcase_tui.errors import BriefcaseError

BindingId = Annotated[str, Rule(pattern=r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$", max_length=80)]
KeyList = Annotated[str, Rule(min_length=1, max_length=200)]
"""One key or several separated by commas, in Textual's names: `ctrl+f`, `f2,slash`.

The file is read whatever the keys say; `domain.keys.remap_problems` names the ones no
terminal can send, and the app leaves those out instead of refusing the whole file.
"""


@dataclass(frozen=True)
class Settings:
    """What Briefcase remembers between runs."""

    theme: str | None = None
    """Name of the theme last chosen; unknown names fall back to the default theme."""
    keys: dict[BindingId, KeyList] = field(default_factory=dict)
    """Binding id → key(s), overriding the built-in keys (see the help screen for ids)."""
    last_pack: str | None = None
    """The pack open when Briefcase last closed (its path), opened again on the next start."""

    def with_changes(self, **changes: Any) -> Settings:
        """A copy with some fields changed."""
        return replace(self, **changes)


def load_settings(path: Path) -> Settings:
    """The settings in `path`; a missing file means defaults, a bad one raises a located error."""
    if not path.exists():
        return Settings()
    return read_checked(path, quick_reader(Settings), lambda: pydantic_model(Settings))


def save_settings(settings: Settings, path: Path) -> None:
    """Write the settings atomically; a value that cannot be written leaves the old file intact.

    The storage module is imported here, not at the top: reading the settings is on the
    way to the app's first paint, and writing them never is.
    """
    import tomli_w

    from briefcase_tui.domain.storage import atomic_write

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
