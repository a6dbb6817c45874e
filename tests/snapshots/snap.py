"""Types for the snapshot tests: pytest-textual-snapshot does not export its fixture's type."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot

SnapCompare = Callable[..., bool]
"""The `snap_compare` fixture: runs an app, takes a screenshot, compares it with the stored SVG."""
RunBefore = Callable[[Pilot[None]], Awaitable[None]]
"""What a snapshot runs before its screenshot: waits and key presses."""
