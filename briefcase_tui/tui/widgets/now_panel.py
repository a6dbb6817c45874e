"""The top of the agenda: where the summit stands now, and what is on and next at each venue."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from briefcase_tui.paths import NOW_ENV

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.corpus.now import NowAndNext, Upcoming


def summit_now(corpus: Corpus) -> tuple[NowAndNext, str]:
    """Now and next at `BRIEF_NOW` (to rehearse a day) or the clock, and a problem with
    `BRIEF_NOW` to tell the user, or ""."""
    from briefcase_tui.domain.corpus.now import (
        BadMoment,
        current_moment,
        now_and_next,
        parse_moment,
    )

    zone = corpus.info.timezone
    given = os.environ.get(NOW_ENV)
    problem = ""
    moment = current_moment(zone)
    if given:
        try:
            moment = parse_moment(given, zone)
        except BadMoment as error:
            problem = f"{NOW_ENV}: {error}; showing the clock's time"
    return now_and_next(corpus, moment), problem


def now_lines(answer: NowAndNext) -> list[str]:
    """The panel's lines: the headline, then one line a venue during the summit, or the first
    event to come before it."""
    lines = [answer.headline()]
    if answer.phase == "before":
        coming = [v.next for v in answer.venues if v.next is not None]
        if coming:
            first = min(coming, key=lambda u: (u.day, u.entry.start or ""))
            lines.append(f"First: {_upcoming(first, answer)}")
        return lines
    for venue in answer.venues:
        parts = [f"now {e.start or 'all day'} {e.event.title}" for e in venue.now]
        if venue.next is not None:
            parts.append(f"next {_upcoming(venue.next, answer)}")
        lines.append(f"{venue.venue}: " + " · ".join(parts))
    return lines


def _upcoming(upcoming: Upcoming, answer: NowAndNext) -> str:
    entry = upcoming.entry
    day = upcoming.day
    on = "" if day == answer.moment.date() else f"{day:%a} {day.day} {day:%b} "
    return f"{on}{entry.start or 'all day'} {entry.event.title}"


class NowPanel(Static):
    """Now and next, above the agenda; its text is the corpus's, shown literally."""

    DEFAULT_CSS = """
    NowPanel {
        height: auto;
        max-height: 6;
        overflow-y: auto;
        padding: 0 1;
        background: $boost;
    }
    """

    def __init__(self, lines: list[str], *, id: str | None = None) -> None:
        super().__init__(Content("\n".join(lines)), id=id, markup=False)
