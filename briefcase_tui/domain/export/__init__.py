"""Exports of a pack: one entry point for the CLI and the app, so both write the same bytes."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.packs.models import Pack

FORMATS: dict[str, str] = {"markdown": ".md", "html": ".html", "json": ".json", "ics": ".ics"}
"""Every export format and the file extension it is written with."""


def render_pack(
    pack: Pack, corpus: Corpus, format: str, *, stamp: dt.datetime | None = None
) -> bytes:
    """The pack exported in a format, as the exact bytes to write: UTF-8, LF (CRLF for iCalendar)."""
    if format == "markdown":
        from briefcase_tui.domain.export.markdown import render_markdown

        return render_markdown(pack, corpus, stamp=stamp).encode("utf-8")
    if format == "html":
        from briefcase_tui.domain.export.html import render_html

        return render_html(pack, corpus, stamp=stamp).encode("utf-8")
    if format == "json":
        from briefcase_tui.domain.export.json_data import render_json

        return render_json(pack, corpus, stamp=stamp).encode("utf-8")
    if format == "ics":
        from briefcase_tui.domain.export.ics import render_ics

        return render_ics(pack, corpus, stamp=stamp)
    raise ValueError(f"unknown export format {format!r}; expected one of {', '.join(FORMATS)}")
