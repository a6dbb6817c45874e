"""Every notice goes through `tui/notices.py`, which hands Textual plain text with markup off.

A `Content` given to `notify(markup=False)` crashed textual 8.2 when the toast was drawn, and
headless Pilot never draws toasts, so no Pilot test could see it. This closes the class: no
module calls `notify` but the one that does it safely, and that one is checked for literal text.
The drawing itself is checked in a real terminal by the journeys (tests/journeys).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets._toast import Toast

import briefcase_tui
from briefcase_tui.tui.notices import Severity, say

PACKAGE = Path(briefcase_tui.__file__).parent


def notify_calls(path: Path) -> list[int]:
    """Lines of `path` that call a method named `notify`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "notify"
    ]


def test_no_module_but_notices_calls_notify_directly() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "notices.py" and (lines := notify_calls(path))
    }
    assert offenders == {}, (
        "use briefcase_tui.tui.notices.say: it passes plain text with markup off"
    )


class NoticeApp(App[None]):
    """A bare app whose notices are drawn (run_test hides them unless asked)."""


@pytest.mark.parametrize("severity", ["information", "warning", "error"])
async def test_a_notice_of_every_severity_is_drawn_with_its_text_literal(
    severity: Severity,
) -> None:
    hostile = "[b]bold[/b] [@click=app.quit]quit[/] \\[x] [red"
    app = NoticeApp()
    async with app.run_test(notifications=True) as pilot:
        say(app, hostile, title="Title [i]x[/i]", severity=severity)
        await pilot.pause()
        toast = app.screen.query_one(Toast)
        drawn = str(toast.render())
    assert hostile in drawn
    assert "Title [i]x[/i]" in drawn


async def test_notices_of_one_topic_replace_each_other_instead_of_stacking() -> None:
    app = NoticeApp()
    async with app.run_test(notifications=True) as pilot:
        for number in range(10):
            say(app, f"Saved {number}", topic="saved")
            await pilot.pause()
        say(app, "Something else", topic="other")
        await pilot.pause()
        await pilot.pause()
        shown = [str(toast.render()) for toast in app.screen.query(Toast)]
    assert shown == ["Saved 9", "Something else"]
