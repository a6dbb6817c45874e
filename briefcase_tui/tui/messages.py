"""The news every screen on the stack is told: the open pack changed, the corpus arrived.

The pack controller posts `PackChanged` to each screen on the app's stack and to the app;
the app posts `CorpusArrived` to each screen. Screens that care react with `@on`. The
messages do not bubble: each node gets its own copy, and a screen's would otherwise reach
the app a second time.
"""

from __future__ import annotations

from textual.message import Message


class PackChanged(Message, bubble=False):
    """The open pack changed (an edit, an undo, a reload), or another pack was opened."""


class CorpusArrived(Message, bubble=False):
    """The corpus is loaded: what shows item titles can show them now."""
