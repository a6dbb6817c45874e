"""Exports of a pack: the formats (`formats`), what goes where (`plan`), and the renderers.

`render_pack` and `FORMATS` name formats by their `--format` name, for callers that have
only a name; both are read from the one table in `formats`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from briefcase_tui.domain.export.formats import EXPORT_FORMATS, export_format

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.packs.models import Pack

FORMATS: dict[str, str] = {f.name: f.extension for f in EXPORT_FORMATS}
"""Every export format's name and the file extension it is written with, in order."""


def render_pack(
    pack: Pack, corpus: Corpus, format: str, *, stamp: dt.datetime | None = None
) -> bytes:
    """The pack exported in the format of this name: the exact bytes to write."""
    return export_format(format).render(pack, corpus, stamp=stamp)
