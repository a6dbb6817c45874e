"""Writing files so that a crash never leaves a half-written one; noticing files changed under us.

Every file a user owns (packs, settings) and every export goes through `atomic_write`:
the new bytes go to a temporary file in the same folder, are flushed to disk, and then
replace the old file in one `os.replace`. A reader, or a process killed at any instant,
sees either the old file or the new one, never an empty or partial file. A target that is a
symbolic link is written where the link points (the link stays), and a read-only target is
refused, never replaced. A write that fails (a full disk, a file size limit) removes its
temporary file and says why in one line; a kill before the replace leaves it behind, and
`stale_temp_files` finds such debris so the pack store can remove it. `folder_lock` lets
check-then-replace sequences in one folder run one at a time across processes.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefcase_tui.domain.digests import sha256_hex
from briefcase_tui.errors import BriefcaseError

SAVE_STEPS = (
    "temp-created",
    "written",
    "fsynced",
    "mode-set",
    "backup-staged",
    "backed-up",
    "replaced",
    "folder-fsynced",
)
"""The steps of `atomic_write`, in order, as `SAVE_STEP_HOOK` names them.

- `temp-created`: the empty temporary file exists beside the target.
- `written`: the new bytes are written and flushed to the OS (not yet on disk).
- `fsynced`: the temporary file is on disk and closed.
- `mode-set`: it has the old file's permissions.
- `backup-staged`: the old file has a second name, `BACKUP.tmp` (only with `backup=` and an old
  file).
- `backed-up`: that name replaced the previous backup (same condition).
- `replaced`: the target names the new file (by `os.replace`, or by a link when `exclusive`).
- `folder-fsynced`: the rename is on disk too; the save is complete.

A failed save stops at the step that failed; the steps after it are not reached. A hook that
raises OSError makes the save fail at that step, as a full disk or a lost folder would.
"""

SAVE_STEP_HOOK: Callable[[str, Path], None] | None = None
"""A test hook: when set, `atomic_write` calls it with each step's name and the target path.

It exists so tests can stop a save at an exact step (a forked child that SIGKILLs itself at
`backed-up`, say) and check what a crash there leaves, instead of killing a saver at a random
moment and hoping to land inside a save. Never set it in the program: it is None, and costs
one comparison a step, unless a test sets it.
"""


TEMP_NAME = re.compile(r"\.(?P<target>[^/\\]+)\.[a-z0-9_]{8}\.tmp")
"""The name `atomic_write` gives its temporary file: `.TARGET.` + mkstemp's 8 random characters
(lowercase letters, digits, underscore) + `.tmp`."""

STALE_TEMP_SECONDS = 10 * 60
"""A temporary file unchanged for this long belongs to a save that died: a live save writes
its file within milliseconds and renames it away within seconds. Younger ones are left alone,
so a save running in another process never loses its file mid-save."""


FOLDER_LOCK_SECONDS = 10.0
"""How long `folder_lock` waits for another writer: a save holds it for milliseconds, so ten
seconds means the holder is stuck (a frozen process, a hung network disk), not busy."""

_LOCK_POLL_SECONDS = 0.005


@contextlib.contextmanager
def folder_lock(folder: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the advisory write lock of `folder`: every holder, in any process, runs alone.

    It is `fcntl.flock` on the folder itself, opened read-only, because:
    - Linux and macOS are the supported platforms, and both have it; no dependency is added
      (a lock library would wrap the same call);
    - locking the folder leaves no lock file behind to clutter the packs folder or go stale;
      the kernel drops the lock when its holder exits or is killed, so a crash never blocks
      the next save;
    - a flock belongs to one open file, so two threads of one process (the app's saver and
      anything else) exclude each other too.
    Saves into one folder are serialised, which costs nothing: each takes milliseconds.
    The lock is advisory: it binds our writers (CLI processes and the app), not other tools,
    which the fingerprint check still catches. Waiting longer than `timeout` (by default
    FOLDER_LOCK_SECONDS) is a BriefcaseError naming the folder.
    """
    if timeout is None:
        timeout = FOLDER_LOCK_SECONDS
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError as error:
        raise BriefcaseError(f"cannot lock: {error.strerror or error}", folder) from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise BriefcaseError(
                        f"another save into this folder has held it for {timeout:g} seconds; "
                        "try again, or find the stuck `brief` or app",
                        folder,
                    ) from None
                time.sleep(_LOCK_POLL_SECONDS)
        yield
    finally:
        os.close(descriptor)


def _reached(step: str, path: Path) -> None:
    """Tell the test hook, if one is set, that a save of `path` reached `step` (of SAVE_STEPS)."""
    hook = SAVE_STEP_HOOK
    if hook is not None:
        hook(step, path)


@dataclass(frozen=True)
class Fingerprint:
    """What a file looked like when we read it: enough to tell that someone changed it since."""

    mtime_ns: int
    size: int
    digest: str

    @classmethod
    def of_bytes(cls, data: bytes, stat: os.stat_result) -> Fingerprint:
        """The fingerprint of bytes just read from a file with this stat."""
        return cls(stat.st_mtime_ns, stat.st_size, sha256_hex(data))


@contextlib.contextmanager
def reading(path: Path) -> Iterator[None]:
    """Turn the ways reading a file fails into one located BriefcaseError."""
    try:
        yield
    except FileNotFoundError:
        raise BriefcaseError("no such file", path) from None
    except IsADirectoryError:
        raise BriefcaseError("is a folder, not a file", path) from None
    except OSError as error:
        raise BriefcaseError(f"cannot read: {error.strerror or error}", path) from None


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """A file's bytes; a missing or unreadable file is a BriefcaseError naming it.

    With a `limit`, at most `limit + 1` bytes are read: enough for the caller to refuse a
    file that is too large without holding all of it in memory.
    """
    with reading(path), path.open("rb") as handle:
        return handle.read() if limit is None else handle.read(limit + 1)


def read_with_fingerprint(path: Path, limit: int | None = None) -> tuple[bytes, Fingerprint]:
    """A file's bytes and its fingerprint, read from one open file so they agree.

    With a `limit`, a file larger than it is read only to `limit + 1` bytes, for the caller
    to refuse; its fingerprint then covers what was read, and must not be saved against.
    """
    with reading(path), path.open("rb") as handle:
        stat = os.fstat(handle.fileno())
        data = handle.read() if limit is None else handle.read(limit + 1)
    return data, Fingerprint.of_bytes(data, stat)


def current_fingerprint(path: Path) -> Fingerprint | None:
    """The file's fingerprint now, or None when it no longer exists."""
    try:
        _, fingerprint = read_with_fingerprint(path)
    except BriefcaseError:
        return None
    return fingerprint


def changed_since(path: Path, loaded: Fingerprint) -> bool:
    """Whether the file's content differs from what was loaded (or the file is gone).

    The hash decides: a tool that rewrites identical bytes, or a clock that moves, does not
    make a pack look changed; a same-second edit with the same size still does.
    """
    now = current_fingerprint(path)
    return now is None or now.digest != loaded.digest


def atomic_write(
    path: Path, data: bytes, *, backup: Path | None = None, exclusive: bool = False
) -> Fingerprint:
    """Replace `path` with `data` atomically, optionally keeping the old file at `backup`.

    A link at `path` is followed (`real_target`) so that it survives; a caller passing `backup`
    resolves the link first, so that the backup lands beside the file it points to. The
    backup is made by hard-linking the old file before the replace, so at every instant
    `path` names a complete file. `exclusive` refuses to replace a file that exists
    (for creating a new pack without clobbering one). Returns the new file's fingerprint.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BriefcaseError(
            f"cannot create folder: {error.strerror or error}", path.parent
        ) from None
    if exclusive and path.exists():
        raise BriefcaseError("already exists; choose another name", path)
    if not exclusive:
        path = real_target(path)  # a link to a missing folder fails below; none is created
        _refuse_read_only(path)
    folder = path.parent
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise BriefcaseError(f"cannot write in this folder: {_why(error)}", folder) from None
    temp = Path(temp_name)
    try:
        _reached("temp-created", path)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            _reached("written", path)
            os.fsync(out.fileno())
        _reached("fsynced", path)
        _preserve_mode(path, temp)
        _reached("mode-set", path)
        if backup is not None and path.exists():
            _keep_backup(path, backup)
        if exclusive:
            _link_new(temp, path)
        else:
            os.replace(temp, path)
        _reached("replaced", path)
    except BriefcaseError:
        temp.unlink(missing_ok=True)
        raise
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise BriefcaseError(f"cannot write: {_why(error)}", path) from None
    _fsync_folder(folder)
    _reached("folder-fsynced", path)
    return Fingerprint.of_bytes(data, os.stat(path))


_OUT_OF_ROOM = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EFBIG: "the file would pass the size limit for files (ulimit -f)",
}
"""Why a write ran out of room, in words a user can act on (the system's say "File too large")."""


def _why(error: OSError) -> str:
    """The reason a write failed, for one line of ours."""
    return _OUT_OF_ROOM.get(error.errno or 0) or error.strerror or str(error)


def real_target(path: Path) -> Path:
    """The file a save of `path` must replace: the end of its chain of links, or `path` itself.

    Replacing a link would turn it into a plain file and leave the file it points to without the
    edit. A link that points nowhere is followed too, so the save creates the file it names.
    """
    if not path.is_symlink():
        return path
    return Path(os.path.realpath(path))


def _refuse_read_only(path: Path) -> None:
    """Refuse to replace a file the user made read-only (no write bit; or not writable by us).

    `os.replace` needs only the folder to be writable, and root may write anything, so the mode
    bits are checked as well as access: a `chmod 444` pack is the user saying "leave it".
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if stat.S_ISREG(mode) and (mode & 0o222 == 0 or not os.access(path, os.W_OK)):
        raise BriefcaseError("is read-only; left unchanged (make it writable to save)", path)


def stale_temp_files(
    folder: Path, target_suffix: str, *, older_than: float = STALE_TEMP_SECONDS
) -> list[Path]:
    """Temporary files of `atomic_write` for targets ending in `target_suffix`, unchanged for
    `older_than` seconds: what killed saves left in `folder` (0 finds every one, live or not).

    Only regular files named exactly as `atomic_write` names them count; a folder that cannot
    be read has none.
    """
    now = time.time()
    found: list[Path] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return []
    for entry in entries:
        match = TEMP_NAME.fullmatch(entry.name)
        if match is None or not match["target"].endswith(target_suffix):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode) and now - info.st_mtime >= older_than:
            found.append(Path(entry.path))
    return found


def remove_stale_temp_files(folder: Path, target_suffix: str) -> None:
    """Remove what killed saves left in `folder` (see `stale_temp_files`); never fails a save."""
    for temp in stale_temp_files(folder, target_suffix):
        with contextlib.suppress(OSError):
            temp.unlink()


def _link_new(temp: Path, path: Path) -> None:
    """Move the finished temp file to a name that must not exist yet, with no window to clobber."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise BriefcaseError("already exists; choose another name", path) from None
    except OSError:
        if path.exists():
            raise BriefcaseError("already exists; choose another name", path) from None
        os.replace(temp, path)
        return
    temp.unlink(missing_ok=True)


def _keep_backup(path: Path, backup: Path) -> None:
    """Make `backup` another name for the current file, replacing an older backup atomically."""
    staging = backup.with_name(backup.name + ".tmp")
    staging.unlink(missing_ok=True)
    try:
        os.link(path, staging)
    except OSError:
        import shutil  # filesystems without hard links: copy instead

        shutil.copy2(path, staging)
    _reached("backup-staged", path)
    if _one_file(staging, backup):
        # rename() does nothing when both names are one file (a save killed after backing up
        # leaves the pack and its backup so), which would leave the staging name behind.
        staging.unlink()
    else:
        os.replace(staging, backup)
    _reached("backed-up", path)


def _one_file(first: Path, second: Path) -> bool:
    """Whether two names are links to the same file (False when either is missing)."""
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _preserve_mode(original: Path, temp: Path) -> None:
    """Give the new file the old one's permissions (mkstemp makes it private)."""
    try:
        mode = original.stat().st_mode & 0o7777
    except OSError:
        mode = 0o666 & ~_UMASK
    with contextlib.suppress(OSError):
        os.chmod(temp, mode)


def _read_umask() -> int:
    """The process umask; read once at import, because reading it means setting it."""
    current = os.umask(0)
    os.umask(current)
    return current


_UMASK = _read_umask()
"""Read while the process is still single-threaded: the app saves from worker threads too."""


def _fsync_folder(folder: Path) -> None:
    """Flush the folder entry so the rename itself survives a power cut (POSIX only)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
