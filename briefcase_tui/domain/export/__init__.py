"""Exports of a pack: the formats (`formats`), what goes where (`plan`), and the renderers.

`render_pack` renders by a format's `--format` name, for callers that have only a name; it
reads the one table in `formats`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from briefcase_tui.domain.export.formats import export_format

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.packs.models import Pack


def render_pack(
    pack: Pack, corpus: Corpus, format: str, *, stamp: dt.datetime | None = None
) -> bytes:
    """The pack exported in the format of this name: the exact bytes to write."""
    return export_format(format).render(pack, corpus, stamp=stamp)
