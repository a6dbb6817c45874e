"""Helpers every command module uses: the shared state, JSON output, checked option values."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import sys
from typing import Any

import typer

from briefcase_tui.cli.state import State


def state_of(context: typer.Context) -> State:
    """The state the root command set up: corpus and briefs folders, loaded on demand."""
    return context.find_root().obj  # type: ignore[no-any-return]


def print_json(data: Any) -> None:
    """JSON for scripts on stdout: UTF-8 as is, indented, one trailing newline."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def choose_value(value: str, known: list[str], option: str) -> str:
    """Check an option value against the known ones; a typo is a usage error with a hint."""
    if value in known:
        return value
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.5)
    hint = f" (did you mean {close[0]!r}?)" if close else f" (expected one of: {', '.join(known)})"
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
