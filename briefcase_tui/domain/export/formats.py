"""Every export format in one table: name, aliases, file extensions, kind, media type, renderer.

`brief export` takes its `--format` choices, the names of the files it writes and the
renderer it runs from here, and so can the app's preview and write dialog: a new format is
one row. A renderer returns text (`str`) for a text format and `bytes` for a binary one;
`ExportFormat.render` turns either into the exact bytes to write, and `ExportFormat.text`
gives a preview the text back, or None for a format that is not text.

The renderers are imported only when a format is rendered, so naming a format costs nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Literal

from briefcase_tui.domain.collector import collector_paused

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.packs.models import Pack

FormatKind = Literal["text", "binary"]
"""`text`: UTF-8 text, shown as is in a preview; `binary`: bytes a preview cannot show."""

TEXT_ENCODING = "utf-8"
"""How a text format's output is written: UTF-8, line endings exactly as rendered."""

Renderer = Callable[["Pack", "Corpus", dt.datetime | None], str | bytes]
"""Renders a pack: `(pack, corpus, stamp)`, the stamp being the time of export or None."""
PieceRenderer = Callable[["Pack", "Corpus", dt.datetime | None], Iterator[str]]
"""Renders a pack's text in pieces, with the arguments of a `Renderer`."""


@dataclass(frozen=True)
class ExportFormat:
    """One export format and everything a command or a screen needs to know about it."""

    name: str
    """The name `--format` takes and the app keys on: `markdown`."""
    label: str
    """How a person reads its name on screen: `Markdown`."""
    extension: str
    """The file extension an export is written with, dot included: `.md`."""
    kind: FormatKind
    media_type: str
    """The IANA media type of the bytes written: `text/markdown`."""
    renderer: Renderer
    aliases: tuple[str, ...] = ()
    """Other names `--format` accepts for it: `md`."""
    other_extensions: tuple[str, ...] = ()
    """Further extensions that name this format in a file name, lower case: `.markdown`."""
    outline: Callable[[bytes], str] | None = None
    """For a binary format, what a preview shows instead of its bytes (a Word file's outline)."""
    piece_renderer: PieceRenderer | None = None
    """For a text format that can, its text in pieces that join into what `renderer` returns:
    a large export is then written piece by piece, never whole in memory."""

    @property
    def extensions(self) -> tuple[str, ...]:
        """Every extension a file name chooses this format by, the one it writes first."""
        return (self.extension, *self.other_extensions)

    def render(self, pack: Pack, corpus: Corpus, *, stamp: dt.datetime | None = None) -> bytes:
        """The pack exported in this format: the exact bytes to write, whatever the kind."""
        if self.piece_renderer is not None:
            # Encoded piece by piece: one string of the whole text would be copied to two
            # bytes a character (for one dash), then encoded from that.
            return b"".join(self.pieces(pack, corpus, stamp=stamp))
        with collector_paused(freeze=False):
            rendered = self.renderer(pack, corpus, stamp)
        if self.kind == "text":
            if not isinstance(rendered, str):
                raise TypeError(f"the {self.name} renderer must return text, not bytes")
            return rendered.encode(TEXT_ENCODING)
        if not isinstance(rendered, bytes):
            raise TypeError(f"the {self.name} renderer must return bytes, not text")
        return rendered

    def pieces(
        self, pack: Pack, corpus: Corpus, *, stamp: dt.datetime | None = None
    ) -> Iterator[bytes]:
        """`render`'s bytes in pieces, to write one after another (one piece for most formats).

        Whatever can fail with the pack and the corpus fails before the first piece.
        """
        if self.piece_renderer is None:
            yield self.render(pack, corpus, stamp=stamp)
            return
        with collector_paused(freeze=False):
            for piece in self.piece_renderer(pack, corpus, stamp):
                yield piece.encode(TEXT_ENCODING)

    def text(self, data: bytes) -> str | None:
        """Rendered bytes as text for a preview; None for a binary format, which has no text."""
        return data.decode(TEXT_ENCODING) if self.kind == "text" else None

    def preview(self, data: bytes) -> str | None:
        """What a preview shows of rendered bytes: the text, a binary format's outline, or None."""
        if self.kind == "text":
            return data.decode(TEXT_ENCODING)
        return self.outline(data) if self.outline is not None else None


def _markdown(pack: Pack, corpus: Corpus, stamp: dt.datetime | None) -> str:
    from briefcase_tui.domain.export.markdown import render_markdown

    return render_markdown(pack, corpus, stamp=stamp)


def _markdown_pieces(pack: Pack, corpus: Corpus, stamp: dt.datetime | None) -> Iterator[str]:
    from briefcase_tui.domain.export.markdown import render_markdown_pieces

    return render_markdown_pieces(pack, corpus, stamp=stamp)


def _html(pack: Pack, corpus: Corpus, stamp: dt.datetime | None) -> str:
    from briefcase_tui.domain.export.html import render_html

    return render_html(pack, corpus, stamp=stamp)


def _json(pack: Pack, corpus: Corpus, stamp: dt.datetime | None) -> str:
    from briefcase_tui.domain.export.json_data import render_json

    return render_json(pack, corpus, stamp=stamp)


def _ics(pack: Pack, corpus: Corpus, stamp: dt.datetime | None) -> str:
    """iCalendar is text; the `icalendar` library hands it over already encoded."""
    from briefcase_tui.domain.export.ics import render_ics

    return render_ics(pack, corpus, stamp=stamp).decode(TEXT_ENCODING)


WORD_LIBRARY = "python-docx>=1.2,<2"
"""What the Word export needs: a core dependency, named in the error if it was left out."""


def _docx(pack: Pack, corpus: Corpus, stamp: dt.datetime | None) -> bytes:
    """Word; python-docx is imported only now, never for the other formats."""
    _need_word_library()
    from briefcase_tui.domain.export.docx import render_docx

    return render_docx(pack, corpus, stamp=stamp)


def _docx_outline(data: bytes) -> str:
    _need_word_library()
    from briefcase_tui.domain.export.docx import docx_outline

    return docx_outline(data)


def _need_word_library() -> None:
    """Raise BriefcaseError saying what to install when python-docx is missing."""
    from importlib.util import find_spec

    if find_spec("docx") is None or find_spec("lxml") is None:
        from briefcase_tui.errors import BriefcaseError

        raise BriefcaseError(
            f"the Word export needs python-docx, which is not installed: "
            f"pip install '{WORD_LIBRARY}'"
        )


DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat(
        "markdown",
        "Markdown",
        ".md",
        "text",
        "text/markdown",
        _markdown,
        ("md",),
        (".markdown",),
        piece_renderer=_markdown_pieces,
    ),
    ExportFormat("html", "HTML", ".html", "text", "text/html", _html, (), (".htm",)),
    ExportFormat("json", "JSON", ".json", "text", "application/json", _json),
    ExportFormat("ics", "iCalendar", ".ics", "text", "text/calendar", _ics, ("ical",)),
    ExportFormat(
        "docx", "Word", ".docx", "binary", DOCX_MEDIA_TYPE, _docx, ("word",), (), _docx_outline
    ),
)
"""Every export format, in the order commands list them and the app cycles through them."""

DEFAULT_FORMAT = EXPORT_FORMATS[0]
"""The format of an export whose file name has no extension the registry knows: Markdown."""

_BY_NAME = {name: f for f in EXPORT_FORMATS for name in (f.name, *f.aliases)}
_BY_EXTENSION = {extension: f for f in EXPORT_FORMATS for extension in f.extensions}


def format_names() -> list[str]:
    """The formats' own names, in order: what help and error messages list."""
    return [f.name for f in EXPORT_FORMATS]


def accepted_names() -> list[str]:
    """Every name a format can be chosen by: the formats' names, then their aliases."""
    return [*format_names(), *(alias for f in EXPORT_FORMATS for alias in f.aliases)]


def format_of_file(path: PurePath) -> ExportFormat | None:
    """The format a file name's extension names (`.HTML` too), or None for any other name."""
    return _BY_EXTENSION.get(path.suffix.lower())


def extension_names() -> list[str]:
    """Every extension a file name chooses a format by, in the registry's order."""
    return list(_BY_EXTENSION)


def export_format(name: str) -> ExportFormat:
    """The format with this name or alias; ValueError names the formats for any other."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ValueError(
            f"unknown export format {name!r}; expected one of {', '.join(format_names())}"
        ) from None
