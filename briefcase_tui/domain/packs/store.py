"""The folder of packs: finding, listing, loading and saving them without ever losing a word.

Saves are atomic and keep the previous version as a hidden backup beside the pack. A pack
is loaded with a fingerprint of its bytes; saving over a file whose bytes changed since is
refused with `PackChangedOnDisk`, so two editors (or an editor and the app) never silently
undo each other's work; the check and the replace run under one lock shared by all writers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from briefcase_tui.domain.packs.codec import encode_pack, has_comments
from briefcase_tui.domain.packs.decoded import decode_pack_cached, remember
from briefcase_tui.domain.packs.layout import MAX_PACK_BYTES
from briefcase_tui.domain.packs.models import Pack
from briefcase_tui.domain.storage import (
    Fingerprint,
    atomic_write,
    changed_since,
    folder_lock,
    read_with_fingerprint,
    real_target,
    remove_stale_temp_files,
)
from briefcase_tui.domain.text import fold
from briefcase_tui.domain.tomlio import why_not_a_file
from briefcase_tui.errors import BriefcaseError

PACK_SUFFIX = ".toml"
BACKUP_SUFFIX = ".bak"
MAX_STEM_LENGTH = 60
_RESERVED_STEMS = frozenset(
    ["con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))]
)
"""Names Windows will not let a file have, whatever the extension."""
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


class PackChangedOnDisk(BriefcaseError):
    """The pack file changed since it was loaded; saving would throw away someone's edits."""

    def __init__(self, path: Path) -> None:
        super().__init__("changed on disk since it was loaded; reload it or save as a copy", path)


@dataclass(frozen=True)
class PackFile:
    """A pack together with where it came from and what the file held when it was read."""

    path: Path
    pack: Pack
    fingerprint: Fingerprint | None
    """None for a pack not yet written."""
    had_comments: bool = False
    """The file had comment lines, which a save does not keep (the backup does)."""

    @property
    def name(self) -> str:
        """The pack's name as `brief pack` commands accept it: its file name without `.toml`."""
        return self.path.stem


@dataclass(frozen=True)
class PackSummary:
    """One line of `brief pack list`."""

    name: str
    path: Path
    title: str
    sections: int
    entries: int


def slug_for(title: str) -> str:
    """A safe file stem from a title: ASCII letters, digits and hyphens, never empty or reserved.

    No path separators, dots or leading hyphens can survive, so a title can neither escape
    the folder nor make a hidden file nor look like an option.
    """
    slug = _NOT_SLUG.sub("-", fold(title)).strip("-")[:MAX_STEM_LENGTH].strip("-")
    if not slug:
        slug = "pack"
    if slug in _RESERVED_STEMS:
        slug += "-pack"
    return slug


def backup_path(path: Path) -> Path:
    """Where the previous version of a pack is kept: a hidden file beside it."""
    return path.with_name(f".{path.name}{BACKUP_SUFFIX}")


class PackStore:
    """The packs in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def paths(self) -> list[Path]:
        """Every pack file in the folder, by name; hidden files and backups are not packs."""
        if not self.folder.is_dir():
            return []
        return sorted(
            (
                p
                for p in self.folder.iterdir()
                if p.suffix == PACK_SUFFIX and not p.name.startswith(".") and p.is_file()
            ),
            key=lambda p: p.name,
        )

    def summaries(self) -> tuple[list[PackSummary], list[BriefcaseError]]:
        """A summary of every pack that loads, and the problems of those that do not."""
        summaries: list[PackSummary] = []
        problems: list[BriefcaseError] = []
        for path in self.paths():
            try:
                pack = self.load(path).pack
            except BriefcaseError as error:
                problems.append(error)
                continue
            summaries.append(
                PackSummary(path.stem, path, pack.title, len(pack.sections), pack.entry_count())
            )
        return summaries, problems

    def load_all(self) -> tuple[list[PackFile], list[BriefcaseError]]:
        """Every pack that loads, and the problems of the others: one bad pack hides none."""
        loaded: list[PackFile] = []
        problems: list[BriefcaseError] = []
        for path in self.paths():
            try:
                loaded.append(self.load(path))
            except BriefcaseError as error:
                problems.append(error)
        return loaded, problems

    def resolve(self, reference: str | Path) -> Path:
        """The file a pack argument means: a path to a file, or a name in the folder.

        A bare name is looked up only inside the folder (it has no separators, so it cannot
        point elsewhere); anything with a separator or a `.toml` suffix is a path.
        """
        path = Path(reference)
        text = str(reference)
        is_path = "/" in text or "\\" in text or path.suffix == PACK_SUFFIX
        if is_path:
            if path.is_file():
                return path
            if path.is_dir():
                raise BriefcaseError("is a folder, not a pack file", path)
            if len(path.parts) == 1 and (self.folder / text).is_file():
                return self.folder / text
            raise BriefcaseError(why_not_a_file(path) or "no such file", path)
        candidate = self.folder / f"{text}{PACK_SUFFIX}"
        if not text.startswith(".") and candidate.is_file():
            return candidate
        import difflib  # only an error needs it

        close = difflib.get_close_matches(text, [p.stem for p in self.paths()], n=1, cutoff=0.5)
        hint = f" (did you mean {close[0]!r}?)" if close else " (`brief pack list` shows them)"
        raise BriefcaseError(f"no pack named {text!r} in {self.folder}{hint}")

    def load(self, reference: str | Path) -> PackFile:
        """Read and validate one pack, remembering its fingerprint for a safe save later."""
        path = self.resolve(reference)
        # Past the limit only part of the file is read, and decoding refuses it.
        data, fingerprint = read_with_fingerprint(path, MAX_PACK_BYTES)
        pack = decode_pack_cached(data, path, fingerprint.digest)
        return PackFile(path, pack, fingerprint, has_comments(data))

    def save(self, current: PackFile, pack: Pack, *, force: bool = False) -> PackFile:
        """Write a new version of a loaded pack atomically, keeping the old one as the backup.

        Refused when the file changed on disk since `current` was read, unless `force`
        (the user chose to overwrite after being told), and when the file is read-only. A pack
        that is a symbolic link is saved into the file it points to, with the backup beside
        that file. Temporary files that killed saves left in that folder are removed.

        The check and the replace happen under the folder's lock (`folder_lock`), which every
        `brief` process and the app take to save: without it, two writers could both pass the
        check and the second replace would silently drop the first one's edit.
        """
        data = encode_pack(pack)
        target = real_target(current.path)
        with folder_lock(target.parent):
            if (
                current.fingerprint is not None
                and not force
                and changed_since(current.path, current.fingerprint)
            ):
                raise PackChangedOnDisk(current.path)
            fingerprint = atomic_write(target, data, backup=backup_path(target))
        remove_stale_temp_files(target.parent, PACK_SUFFIX)
        remember(data, fingerprint.digest, pack)
        return replace(current, pack=pack, fingerprint=fingerprint, had_comments=False)

    def create(self, pack: Pack, path: Path | None = None) -> PackFile:
        """Write a new pack: at `path`, or in the folder under a name made from its title.

        Never replaces a file: an explicit path that exists is refused, and a derived name
        that is taken gets a number (`day-sheet-2.toml`). Like `save`, it removes what killed
        saves left in the folder.
        """
        data = encode_pack(pack)
        if path is not None:
            if path.suffix != PACK_SUFFIX:
                raise BriefcaseError(f"a pack file name must end in {PACK_SUFFIX}", path)
            if not path.parent.is_dir():
                raise BriefcaseError("no such folder; create it first", path.parent)
            fingerprint = atomic_write(path, data, exclusive=True)
            remove_stale_temp_files(path.parent, PACK_SUFFIX)
            return PackFile(path, pack, fingerprint)
        stem = slug_for(pack.title)
        for number in range(1, 1000):
            candidate = self.folder / (
                f"{stem}{PACK_SUFFIX}" if number == 1 else f"{stem}-{number}{PACK_SUFFIX}"
            )
            if candidate.exists():
                continue
            try:
                fingerprint = atomic_write(candidate, data, exclusive=True)
            except BriefcaseError:
                if candidate.exists():
                    continue
                raise
            remove_stale_temp_files(self.folder, PACK_SUFFIX)
            return PackFile(candidate, pack, fingerprint)
        raise BriefcaseError(f"too many packs named {stem!r}", self.folder)

    def save_copy(self, pack: Pack, original: Path) -> PackFile:
        """Save a pack beside `original` under a new name (`name-copy.toml`), replacing none."""
        stem = f"{original.stem}-copy"
        for number in range(1, 1000):
            candidate = original.with_name(
                f"{stem}{PACK_SUFFIX}" if number == 1 else f"{stem}-{number}{PACK_SUFFIX}"
            )
            if not candidate.exists():
                return self.create(pack, candidate)
        raise BriefcaseError("too many copies", original)
