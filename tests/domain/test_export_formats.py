"""HTML, JSON and iCalendar exports: what a reader, a script and a calendar app each rely on."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from typing import TYPE_CHECKING

import icalendar
import pytest

from briefcase_tui.domain.export import render_pack
from briefcase_tui.domain.export.formats import (
    EXPORT_FORMATS,
    ExportFormat,
    accepted_names,
    export_format,
    format_names,
)
from briefcase_tui.domain.packs.models import Entry, Pack, Section

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus


def pack_of(*entries: Entry, date: dt.date | None = None) -> Pack:
    return Pack(title="Test pack", sections=(Section(title="S", entries=entries),), date=date)


def test_html_is_one_self_contained_page_with_inline_style_and_no_external_resources(
    corpus: Corpus,
) -> None:
    html = render_pack(
        pack_of(Entry(item="event-grand-palais-main-summit")), corpus, "html"
    ).decode()
    assert html.startswith("<!DOCTYPE html>")
    assert "<style>" in html and "@media print" in html
    assert not re.search(r"""<(link|script|img|iframe)\b""", html)
    assert not re.search(r"""(src|href)="(https?:)?//""", html)
    assert '<h3 id="' in html


def test_html_escapes_hostile_titles_and_notes(corpus: Corpus) -> None:
    pack = Pack(
        title="<img src=x onerror=alert(1)>",
        sections=(
            Section(
                title="<b>S</b>",
                entries=(Entry(item="tech7-p2", note="<script>x</script> [a](javascript:y)"),),
            ),
        ),
    )
    html = render_pack(pack, corpus, "html").decode()
    assert "<img" not in html and "<script>x" not in html and "<b>S" not in html
    assert 'href="javascript' not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_json_gives_scripts_the_pack_and_each_item_resolved(corpus: Corpus) -> None:
    pack = pack_of(
        Entry(item="tech7-p2", note="n", priority="must", tags=("t",)),
        Entry(note="free"),
        Entry(item="gone-item"),
        date=dt.date(2025, 2, 10),
    )
    data = json.loads(render_pack(pack, corpus, "json"))
    assert data["title"] == "Test pack" and data["date"] == "2025-02-10"
    first, note, gone = data["sections"][0]["entries"]
    assert first["data"]["title"] == corpus.item("tech7-p2").title and first["in_corpus"] is True
    assert (first["note"], first["priority"], first["tags"]) == ("n", "must", ["t"])
    assert note["item"] is None and note["in_corpus"] is None and note["note"] == "free"
    assert gone["in_corpus"] is False and gone["data"] is None
    assert data["missing"] == ["gone-item"]
    assert [s["id"] for s in data["sources"]] == ["tech7"]


def test_ics_holds_each_dated_event_once_per_day_in_its_own_time_zone(corpus: Corpus) -> None:
    pack = pack_of(
        Entry(item="event-pre-summit-webinar", note="Join early", tags=("online",)),
        Entry(item="event-scientific-conference"),
        Entry(item="event-science-days"),
        Entry(item="tech7-p2"),
    )
    data = render_pack(pack, corpus, "ics")
    assert data.count(b"\r\n") == data.count(b"\n"), "iCalendar lines end in CRLF"
    calendar = icalendar.Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    webinar = events[0]
    assert webinar["SUMMARY"] == corpus.item("event-pre-summit-webinar").title
    start = webinar.decoded("DTSTART")
    assert start == dt.datetime(2025, 2, 4, 10, 0, tzinfo=start.tzinfo)
    assert start.utcoffset() == dt.timedelta(0), "London is on GMT in February"
    assert "Author's note: Join early" in str(webinar["DESCRIPTION"])
    conference_days = [e.decoded("DTSTART") for e in events[1:]]
    assert conference_days == [dt.date(2025, 2, 6), dt.date(2025, 2, 7)], (
        "undated events and other items are left out"
    )
    assert calendar.walk("VTIMEZONE")


def test_ics_escapes_the_calendar_name_like_every_other_text_value(corpus: Corpus) -> None:
    pack = Pack(
        title="Paris; AI, Summit \\ notes",
        sections=(Section(title="S", entries=(Entry(item="event-scientific-conference"),)),),
    )
    data = render_pack(pack, corpus, "ics")
    assert b"\r\nX-WR-CALNAME:Paris\\; AI\\, Summit \\\\ notes\r\n" in data, "RFC 5545 3.3.11"


def test_every_format_is_identical_across_runs_and_carries_no_timestamp_unless_stamped(
    corpus: Corpus,
) -> None:
    pack = pack_of(Entry(item="event-pre-summit-webinar"))
    stamp = dt.datetime(2030, 1, 2, 3, 4, tzinfo=dt.UTC)
    for format in format_names():
        plain = render_pack(pack, corpus, format)
        assert plain == render_pack(pack, corpus, format)
        assert b"2030" not in unpacked(plain)
        assert b"2030" in unpacked(render_pack(pack, corpus, format, stamp=stamp)), format


def unpacked(data: bytes) -> bytes:
    """A Word file's properties and text (its template's fonts hold digits such as 2030)."""
    if not data.startswith(b"PK\x03\x04"):
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(archive.read(n) for n in ("docProps/core.xml", "word/document.xml"))


# --- the registry -------------------------------------------------------------------------------


def test_the_registry_names_each_format_once_with_its_file_extension_and_media_type() -> None:
    names = [f.name for f in EXPORT_FORMATS]
    assert names == ["markdown", "html", "json", "ics", "docx"] == format_names()
    assert [f.extension for f in EXPORT_FORMATS] == [".md", ".html", ".json", ".ics", ".docx"]
    assert [f.extensions for f in EXPORT_FORMATS] == [
        (".md", ".markdown"),
        (".html", ".htm"),
        (".json",),
        (".ics",),
        (".docx",),
    ]
    assert [f.label for f in EXPORT_FORMATS] == ["Markdown", "HTML", "JSON", "iCalendar", "Word"]
    assert [f.kind for f in EXPORT_FORMATS] == ["text"] * 4 + ["binary"]
    assert export_format("docx").media_type == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert export_format("json").media_type == "application/json"
    assert len(set(accepted_names())) == len(accepted_names())


def test_an_alias_names_the_same_format_and_an_unknown_name_lists_the_formats() -> None:
    assert export_format("md") is export_format("markdown")
    assert export_format("ical") is export_format("ics")
    assert export_format("word") is export_format("docx")
    with pytest.raises(ValueError, match="expected one of markdown, html, json, ics, docx"):
        export_format("pdf")


def test_a_text_format_renders_utf8_text_that_a_preview_reads_back(corpus: Corpus) -> None:
    pack = pack_of(Entry(item="event-pre-summit-webinar", note="Café — 10:00"))
    for export in EXPORT_FORMATS:
        if export.kind != "text":
            continue
        data = export.render(pack, corpus)
        assert export.text(data) == export.preview(data) == data.decode("utf-8"), export.name
    ics = export_format("ics")
    calendar = ics.text(ics.render(pack, corpus))
    assert calendar is not None and "\r\n" in calendar, "the preview shows the very CRLF written"


def test_a_binary_format_renders_bytes_as_they_are_and_has_no_preview_text(corpus: Corpus) -> None:
    raw = bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xFF])
    binary = ExportFormat("png", "Picture", ".png", "binary", "image/png", lambda *_: raw)
    assert binary.render(pack_of(), corpus) == raw
    assert binary.text(raw) is None and binary.preview(raw) is None


def test_a_renderer_that_returns_the_wrong_kind_is_caught(corpus: Corpus) -> None:
    text_as_bytes = ExportFormat("t", "T", ".t", "text", "text/plain", lambda *_: b"x")
    bytes_as_text = ExportFormat("b", "B", ".b", "binary", "image/png", lambda *_: "x")
    with pytest.raises(TypeError, match="must return text"):
        text_as_bytes.render(pack_of(), corpus)
    with pytest.raises(TypeError, match="must return bytes"):
        bytes_as_text.render(pack_of(), corpus)
