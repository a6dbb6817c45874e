"""Notices: the one way Briefcase shows a toast.

Textual draws a toast from a plain string; a `Content` handed to `notify(markup=False)`
is wrapped again when drawn and crashes the app (textual 8.2: "'Content' object has no
attribute 'translate'"). Every notice goes through `Notices.say`, which passes plain text
with markup off, so paths, ids and user text holding square brackets stay literal.

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


class Notices:
    """Shows toasts for one app, remembering the last one of each topic to replace it."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._by_topic: dict[str, Notification] = {}

    def say(
        self,
        text: str,
        *,
        severity: Severity = "information",
        title: str = "",
        timeout: float | None = None,
        topic: str | None = None,
    ) -> None:
        """Show `text` literally; a notice of the same topic (by default, its severity) goes first."""
        key = topic if topic is not None else severity
        previous = self._by_topic.pop(key, None)
        if previous is not None:
            # Queued behind the earlier notice's own message, so it is on screen before it goes.
            self._app.call_later(self.withdraw, previous)
        notification = Notification(
            str(text),
            str(title),
            severity,
            DEFAULT_TIMEOUTS[severity] if timeout is None else timeout,
            markup=False,
        )
        self._by_topic[key] = notification
        self._app.post_message(Notify(notification))

    def withdraw(self, notification: Notification) -> None:
        """Take a notice off the screen if it is still there (it may have expired already)."""
        if notification in self._app._notifications:
            self._app._unnotify(notification)


_NOTICES: WeakKeyDictionary[App[Any], Notices] = WeakKeyDictionary()


def notices_for(app: App[Any]) -> Notices:
    """The app's notices, for any screen or dialog without knowing the app's class."""
    notices = _NOTICES.get(app)
    if notices is None:
        notices = _NOTICES[app] = Notices(app)
    return notices


def say(
    app: App[Any],
    text: str,
    *,
    severity: Severity = "information",
    title: str = "",
    timeout: float | None = None,
    topic: str | None = None,
) -> None:
    """Show a literal notice in `app` (see `Notices.say`)."""
    notices_for(app).say(text, severity=severity, title=title, timeout=timeout, topic=topic)
