"""Arguments and options several commands take, and the checks that turn their values into data.

A value that is not one of the known ones is a usage error (exit 2) naming the option, with
the nearest known value as a suggestion.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Annotated

import typer

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
PackArgument = Annotated[
    str,
    typer.Argument(
        metavar="PACK", help="A pack's name in the briefs folder, or the path of a pack file."
    ),
]
EntryArgument = Annotated[
    str,
    typer.Argument(
        metavar="ENTRY",
        help="An item id in the pack, or an entry's number as `brief pack show` prints it.",
    ),
]
SectionArgument = Annotated[
    str,
    typer.Argument(metavar="SECTION", help="A section's title (any case) or its number from 1."),
]


def choose_value(value: str, known: list[str], option: str, shown: list[str] | None = None) -> str:
    """Check an option value against the known ones; a typo is a usage error with a hint.

    `shown` are the values an error lists when nothing is close (default: all known ones).
    """
    if value in known:
        return value
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.5)
    listed = ", ".join(known if shown is None else shown)
    hint = f" (did you mean {close[0]!r}?)" if close else f" (expected one of: {listed})"
    raise typer.BadParameter(f"unknown value {value!r}{hint}", param_hint=option)


def date_option(value: str | None, option: str) -> dt.date | None:
    """An option's YYYY-MM-DD value as a date; anything else is a usage error naming the option."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date in the form YYYY-MM-DD", param_hint=option
        ) from None
