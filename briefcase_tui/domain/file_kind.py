"""What a path names when it is not a file we can read: a folder, a pipe, a device.

Reading a named pipe waits for a writer forever and reading `/dev/zero` never ends, so a
path is looked at before it is opened, and a person is told what it is instead of "no
such file".
"""

from __future__ import annotations

import stat
from pathlib import Path

from briefcase_tui.errors import BriefcaseError

_KINDS = (
    (stat.S_ISDIR, "is a folder, not a file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a file"),
    (stat.S_ISCHR, "is a character device, not a file"),
    (stat.S_ISBLK, "is a block device, not a file"),
    (stat.S_ISSOCK, "is a socket, not a file"),
)


def why_not_a_file(path: Path) -> str | None:
    """Why `path` cannot be read as a file, in a person's words; None when it is a file."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return "no such file"
    except OSError as error:
        return f"cannot read: {error.strerror or error}"
    if stat.S_ISREG(mode):
        return None
    return next((why for is_kind, why in _KINDS if is_kind(mode)), "is not a regular file")


def require_file(path: Path) -> None:
    """Raise a BriefcaseError naming what `path` is, unless it is a file that can be read."""
    why = why_not_a_file(path)
    if why is not None:
        raise BriefcaseError(why, path)
