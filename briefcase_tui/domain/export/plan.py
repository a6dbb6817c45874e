"""What an export writes where: which pack goes to which file, which of its ids the corpus lacks.

`brief export` and the app's preview ask the same questions before a byte is written: may
this file be written (never a pack, a `.toml` file, a folder, or a name whose extension
names another format), do two packs land on one file, which ids are missing from the corpus.
They are answered here, once, in `plan_export`; the plan then renders and writes each file.
Which format an export is in when none is named is `choose_export_format`'s answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefcase_tui.domain.export.formats import DEFAULT_FORMAT, format_of_file
from briefcase_tui.domain.export.target import (
    check_export_folder,
    default_export_path,
    refuse_export_target,
)
from briefcase_tui.errors import BriefcaseError

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.export.formats import ExportFormat
    from briefcase_tui.domain.packs.models import Pack
    from briefcase_tui.domain.packs.store import PackFile


def missing_ids(pack: Pack, corpus: Corpus) -> tuple[str, ...]:
    """The ids the pack names that the corpus lacks, in pack order, each once."""
    from briefcase_tui.domain.packs.resolve import resolve_pack

    return resolve_pack(pack, corpus).missing


def choose_export_format(chosen: ExportFormat | None, target: Path | None) -> ExportFormat:
    """The format an export is written in: the one chosen, or the one its file's extension names.

    Otherwise (standard output, no extension, or one no format claims) it is Markdown.
    Raises BriefcaseError when the chosen format contradicts the target's extension.
    """
    if chosen is None:
        named = format_of_file(target) if target is not None else None
        return named or DEFAULT_FORMAT
    if target is not None:
        refuse_contradicting_extension(target, chosen)
    return chosen


def refuse_contradicting_extension(target: Path, export_format: ExportFormat) -> None:
    """Raise BriefcaseError when the target's extension names another format than this one.

    `brief.md` written as HTML would open as Markdown everywhere; an unknown extension
    (`notes.txt`) claims no format and is accepted.
    """
    named = format_of_file(target)
    if named is not None and named is not export_format:
        raise BriefcaseError(
            f"the extension {target.suffix} means {named.label}, not {export_format.label}; "
            "change the extension or the format",
            target,
        )


def export_file_name(pack_path: Path, export_format: ExportFormat) -> str:
    """The name of a pack's export file: `summit.toml` exported as Markdown is `summit.md`."""
    return default_export_path(pack_path, export_format.extension).name


@dataclass(frozen=True)
class PlannedExport:
    """One pack and where its export goes."""

    source: PackFile
    target: Path | None
    """The file to write, or None for standard output."""
    missing: tuple[str, ...]
    """Ids of the pack the corpus lacks: the export keeps and flags them."""


@dataclass(frozen=True)
class ExportPlan:
    """Packs to export in one format, each with its file, checked before anything is written."""

    export_format: ExportFormat
    exports: tuple[PlannedExport, ...]
    folder: Path | None = None
    """The folder the files go into, when the export writes one file per pack into a folder."""

    def with_missing(self) -> list[PlannedExport]:
        """The exports whose pack names ids the corpus lacks."""
        return [planned for planned in self.exports if planned.missing]

    def render(
        self, planned: PlannedExport, corpus: Corpus, *, stamp: dt.datetime | None = None
    ) -> bytes:
        """The exact bytes of one planned export."""
        return self.export_format.render(planned.source.pack, corpus, stamp=stamp)

    def pieces(
        self, planned: PlannedExport, corpus: Corpus, *, stamp: dt.datetime | None = None
    ) -> Iterator[bytes]:
        """`render`'s bytes in pieces, for `write_pieces` or standard output."""
        return self.export_format.pieces(planned.source.pack, corpus, stamp=stamp)

    def make_folder(self) -> None:
        """Create the output folder itself, but not missing folders above it.

        A typo in a path should not build a tree of folders.
        """
        folder = self.folder
        if folder is None or folder.is_dir() or not self.exports:
            return
        if not folder.parent.is_dir():
            raise BriefcaseError("no such folder", folder.parent)
        try:
            folder.mkdir()
        except OSError as error:
            raise BriefcaseError(
                f"cannot create folder: {error.strerror or error}", folder
            ) from None

    def write(self, planned: PlannedExport, data: bytes) -> Path:
        """Write one export's bytes atomically to its file and return the file.

        Into a folder, call `make_folder` first.
        """
        return self.write_pieces(planned, (data,))

    def write_pieces(self, planned: PlannedExport, pieces: Iterable[bytes]) -> Path:
        """`write` for bytes in pieces (`pieces`): the file is replaced once all are written."""
        from briefcase_tui.domain.storage import atomic_write_pieces

        if planned.target is None:
            raise ValueError("this export goes to standard output, not to a file")
        atomic_write_pieces(planned.target, pieces)
        return planned.target


def plan_export(
    packfiles: list[PackFile],
    corpus: Corpus,
    export_format: ExportFormat,
    *,
    folder: Path | None = None,
    target: Path | None = None,
) -> ExportPlan:
    """Plan the export of packs: into `folder` (a file per pack), to `target`, or to stdout.

    Raises BriefcaseError, before anything is written, when a file would overwrite a pack,
    any `.toml` file or a folder, when its extension names another format, when two packs
    would land on one file, or when the folder of a `target` does not exist. With neither
    `folder` nor `target`, each export goes to standard output.
    """
    if folder is not None and target is not None:
        raise ValueError("an export goes into a folder or to a file, not both")
    if folder is not None:
        targets: list[Path | None] = [
            folder / export_file_name(p.path, export_format) for p in packfiles
        ]
    else:
        targets = [target for _ in packfiles]
    inputs = [p.path for p in packfiles]
    seen: dict[Path, Path] = {}
    for path, packfile in zip(targets, packfiles, strict=True):
        if path is None:
            continue
        refuse_export_target(path, inputs)
        refuse_contradicting_extension(path, export_format)
        if path in seen:
            raise BriefcaseError(
                f"{seen[path]} and {packfile.path} would both be exported here; "
                "export them to different folders",
                path,
            )
        seen[path] = packfile.path
        if folder is None:
            check_export_folder(path)
    exports = tuple(
        PlannedExport(packfile, path, missing_ids(packfile.pack, corpus))
        for packfile, path in zip(packfiles, targets, strict=True)
    )
    return ExportPlan(export_format, exports, folder)
