"""Notices: the one way Briefcase shows a toast.

Textual draws a toast from a plain string; a `Content` handed to `notify(markup=False)`
is wrapped again when drawn and crashes the app (textual 8.2: "'Content' object has no
attribute 'translate'"). Every notice goes through `say`, which passes plain text with
markup off, so paths, ids and user text holding square brackets stay literal.

Notices of the same `topic` replace each other rather than stack: ten quick edits leave
one confirmation on screen, not a column of them over the pane being read.
"""

from __future__ import annotations

from typing import Any, Literal
from weakref import WeakKeyDictionary

from textual.app import App
from textual.notifications import Notification, Notify

Severity = Literal["information", "warning", "error"]

DEFAULT_TIMEOUTS: dict[Severity, float] = {"information": 5, "warning": 8, "error": 10}
"""Seconds a notice stays: confirmations go quickly, problems stay long enough to read."""

_SHOWN: WeakKeyDictionary[App[Any], dict[str, Notification]] = WeakKeyDictionary()
"""Each app's latest notice of each topic, to take off the screen when the next one comes."""


def say(
    app: App[Any],
    text: str,
    *,
    severity: Severity = "information",
    title: str = "",
    timeout: float | None = None,
    topic: str | None = None,
) -> None:
    """Show `text` literally in `app`, in place of the last notice of its topic (or severity)."""
    shown = _SHOWN.setdefault(app, {})
    key = topic if topic is not None else severity
    previous = shown.pop(key, None)
    if previous is not None:
        # Queued behind the earlier notice's own message, so it is on screen before it goes.
        app.call_later(_withdraw, app, previous)
    notification = Notification(
        str(text),
        str(title),
        severity,
        DEFAULT_TIMEOUTS[severity] if timeout is None else timeout,
        markup=False,
    )
    shown[key] = notification
    app.post_message(Notify(notification))


def _withdraw(app: App[Any], notification: Notification) -> None:
    """Take a notice off the screen if it is still there (it may have expired already)."""
    if notification in app._notifications:
        app._unnotify(notification)
