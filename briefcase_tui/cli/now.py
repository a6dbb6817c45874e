"""`brief now`: what is on now at each venue of the summit, and what comes next."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated

import typer

from briefcase_tui.cli import output
from briefcase_tui.cli.options import JsonOption
from briefcase_tui.cli.state import state_of
from briefcase_tui.paths import NOW_ENV

if TYPE_CHECKING:
    import datetime as dt

    from briefcase_tui.domain.corpus.agenda import AgendaEntry
    from briefcase_tui.domain.corpus.now import NowAndNext

app = typer.Typer()
"""Commands of `brief` itself (no group of their own)."""


@app.command("now")
def now(
    context: typer.Context,
    at: Annotated[
        str | None,
        typer.Option(
            "--now",
            metavar="WHEN",
            help=f"Rehearse a moment, e.g. 2025-02-10T14:00, in the summit's time zone "
            f"(default: ${NOW_ENV}, else the clock).",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """What is on now at each venue, and what comes next; before or after the summit, how
    far away it is."""
    from briefcase_tui.domain.corpus.now import (
        BadMoment,
        current_moment,
        now_and_next,
        parse_moment,
    )

    corpus = state_of(context).corpus
    zone = corpus.info.timezone
    given, where = (at, "--now") if at is not None else (os.environ.get(NOW_ENV), NOW_ENV)
    try:
        moment = parse_moment(given, zone) if given else current_moment(zone)
    except BadMoment as problem:
        output.error(f"{where}: {problem}")
        raise typer.Exit(2) from None
    answer = now_and_next(corpus, moment)
    if as_json:
        output.print_json(_data(answer))
        return
    print(render_now(answer))


def render_now(answer: NowAndNext) -> str:
    """The answer as a page: the headline, then each venue with its now and next."""
    lines = [answer.headline()]
    for venue in answer.venues:
        lines += ["", venue.venue]
        for entry in venue.now:
            lines.extend(output.wrap(_event(entry), indent=INDENT, first="  now   "))
        if venue.next is not None:
            day = venue.next.day
            on = "" if day == answer.moment.date() else f"{day:%a} {day.day} {day:%b}, "
            lines.extend(
                output.wrap(on + _event(venue.next.entry), indent=INDENT, first="  next  ")
            )
    if not answer.venues:
        lines += ["", "Nothing on now, and nothing to come on the programme."]
    return "\n".join(lines)


INDENT = " " * 8


def _event(entry: AgendaEntry) -> str:
    """`14:00-15:00  Title (id)` (an en dash between), or `all day  Title (id)`."""
    when = "all day" if entry.start is None else entry.start
    if entry.start and entry.end:
        when += f"\N{EN DASH}{entry.end}"
    return f"{when}  {entry.event.title} ({entry.event.id})"


def _entry_data(entry: AgendaEntry, day: dt.date | None = None) -> dict[str, object]:
    data: dict[str, object] = {
        "id": entry.event.id,
        "title": entry.event.title,
        "start": entry.start,
        "end": entry.end,
    }
    if day is not None:
        data["day"] = day.isoformat()
    return data


def _data(answer: NowAndNext) -> dict[str, object]:
    """The answer for scripts."""
    return {
        "moment": answer.moment.isoformat(timespec="minutes"),
        "timezone": answer.zone,
        "phase": answer.phase,
        "day": answer.day.isoformat(),
        "venues": [
            {
                "venue": v.venue,
                "now": [_entry_data(e) for e in v.now],
                "next": _entry_data(v.next.entry, v.next.day) if v.next else None,
            }
            for v in answer.venues
        ],
    }
