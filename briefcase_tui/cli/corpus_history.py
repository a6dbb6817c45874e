"""`brief corpus history OLD NEW`: keep the earlier readings of items a new release changes.

For whoever maintains a corpus: run it when a release corrects items, with the previous
release's folder and the new one. It writes `NEW/history/VERSION.toml` (VERSION being the
old release's), so that packs made with the old release can show, item by item, what
changed (`brief pack review`, the app). Refused when the two folders have the same version.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefcase_tui.errors import BriefcaseError

app = typer.Typer()
"""The history command of the `brief corpus` group."""


@app.command("history")
def history(
    old: Annotated[
        Path,
        typer.Argument(
            metavar="OLD", help="The previous release's corpus folder.", show_default=False
        ),
    ],
    new: Annotated[
        Path,
        typer.Argument(metavar="NEW", help="The new release's corpus folder.", show_default=False),
    ],
) -> None:
    """Record in NEW the old reading of every item that reads differently there (or is gone)."""
    from briefcase_tui.domain.corpus.history import HISTORY_FOLDER, changed_readings, encode_history
    from briefcase_tui.domain.corpus.load import load_corpus
    from briefcase_tui.domain.storage import atomic_write

    before, after = load_corpus(old), load_corpus(new)
    version = before.info.version
    if not version or version == after.info.version:
        raise BriefcaseError(
            f"the two corpora must carry different versions in [corpus] version "
            f"(old: {version or 'none'}, new: {after.info.version or 'none'})",
            new,
        )
    readings = changed_readings(before, after)
    target = new / HISTORY_FOLDER / f"{version}.toml"
    atomic_write(target, encode_history(readings))
    print(f"{target}: {len(readings)} earlier reading{'s' if len(readings) != 1 else ''}")
