"""Read TOML files into plain data, turning every failure into a located BriefcaseError."""

from __future__ import annotations

import re
import stat
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from briefcase_tui.errors import BriefcaseError

_T = TypeVar("_T")

MAX_TOML_BYTES = 1024 * 1024
"""Larger files are refused before parsing, and nothing larger is saved.

Measured with tomllib on a shared 2-CPU machine: a 1 MiB file of the costliest shapes that
pass `check_toml_shape` (a huge array, comment lines, many tables) parses in under 1.5 s
within 120 MB; at 4 MiB such files took 2 to 4 s, and tables alone 400 MB.
"""

MAX_KEY_PARTS = 32
"""Parts of one dotted key (`a.b.c` has 3): tomllib's work grows with the square of them."""

MAX_PIECES = 50_000
"""Keys, values and tables a file may hold: tomllib's time and memory follow their number."""

_STRING_OR_COMMENT = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^']|'(?!''))*'''"
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*",
    re.DOTALL,
)
"""Strings and comments, whose dots, commas and brackets are text, not structure."""
_KEY_PART = r'(?:[\w-]+|"")'
_DOTTED_KEY = re.compile(
    rf"(?:^|[{{,])[ \t]*\[{{0,2}}[ \t]*"
    rf"({_KEY_PART}(?:[ \t]*\.[ \t]*{_KEY_PART}){{1,{MAX_KEY_PARTS - 1}}})([ \t]*\.)?",
    re.MULTILINE,
)
"""A dotted key (in a header too), as far as MAX_KEY_PARTS; group 2 holds a dot beyond them."""
_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)

_LOCATION = re.compile(r"\(at line (\d+), column (\d+)\)")


def check_toml_shape(text: str, path: Path | str | None) -> None:
    """Refuse TOML whose shape would make tomllib slow or greedy, before it sees the text.

    Within `MAX_TOML_BYTES`, parsing time and memory follow the number of keys, values and
    tables and the length of dotted keys (a key of 40,000 parts took over 30 s and 2 GB), so
    both are bounded here, counted outside strings and comments. Deep nesting needs no check:
    tomllib stops at Python's recursion limit, which `parse_toml` reports.
    """
    structure = _STRING_OR_COMMENT.sub('""', text)
    # A dotted key lies on one line that holds a dot: the pattern runs over those lines only
    # (it cost 0.3 s over a 10,000-item corpus's lines, 20 ms over the lines with a dot).
    with_dots = "\n".join([line for line in structure.split("\n") if "." in line])
    dotted = _DOTTED_KEY.findall(with_dots)
    if any(beyond for _, beyond in dotted):
        raise BriefcaseError(
            f"a dotted key has more than {MAX_KEY_PARTS} parts; no Briefcase file needs so many",
            path,
        )
    pieces = sum(structure.count(mark) for mark in "={,") + len(_HEADER.findall(structure))
    pieces += sum(key.count(".") for key, _ in dotted)
    if pieces > MAX_PIECES:
        raise BriefcaseError(
            f"too many keys, values and tables ({pieces:,}; at most {MAX_PIECES:,}); "
            "no Briefcase file needs so many",
            path,
        )


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


def parse_toml(text: str, path: Path | str) -> dict[str, Any]:
    """Parse TOML text within the limits of `check_toml_shape`; errors name file, line, column."""
    check_toml_shape(text, path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _LOCATION.search(message)
        line = int(match.group(1)) if match else None
        column = int(match.group(2)) if match else None
        reason = _LOCATION.sub("", message).strip() or "invalid TOML"
        raise BriefcaseError(f"invalid TOML: {reason}", path, line, column) from None
    except RecursionError:
        raise BriefcaseError("invalid TOML: nested too deeply", path) from None
    except MemoryError:
        raise BriefcaseError("invalid TOML: too large to parse", path) from None


def decode_toml_bytes(data: bytes, path: Path | str, limit: int = MAX_TOML_BYTES) -> str:
    """Decode file bytes as UTF-8, naming the file when they are not or exceed `limit`."""
    if len(data) > limit:
        raise BriefcaseError(f"file is larger than {limit // (1024 * 1024)} MiB", path)
    if data.startswith(b"\xef\xbb\xbf"):
        raise BriefcaseError("not UTF-8 without a byte-order mark; save it as plain UTF-8", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise BriefcaseError("not UTF-8; save it as UTF-8", path, line) from None


def read_toml(path: Path) -> dict[str, Any]:
    """Read and parse one TOML file."""
    return read_toml_text(path)[0]


def line_of_key(
    text: str, key: str, value: str | None = None, start_line: int = 1, end_line: int | None = None
) -> int | None:
    """The 1-based line where `key = ...` (optionally `= "value"`) first appears from start_line.

    The search stops before `end_line` (1-based, exclusive) when given; the key may be quoted.

    tomllib gives no positions for valid documents, so schema errors find their line by
    looking for the key in the text: good enough to send a person to the right spot.
    """
    name = rf"""["']?{re.escape(key)}["']?"""
    if value is None:
        pattern = re.compile(rf"^\s*{name}\s*=")
    else:
        pattern = re.compile(rf"""^\s*{name}\s*=\s*["']{re.escape(value)}["']""")
    lines = text.splitlines()[start_line - 1 : None if end_line is None else end_line - 1]
    for number, line in enumerate(lines, start=start_line):
        if pattern.match(line):
            return number
    return None


def validation_problems(
    error: Any, path: Path | str, text: str, known_keys: list[str] | None = None
) -> list[BriefcaseError]:
    """A pydantic ValidationError of a one-record file as located errors, with "did you mean"."""
    import difflib

    problems: list[BriefcaseError] = []
    for detail in error.errors(include_url=False):
        location = [str(part) for part in detail["loc"]]
        name = ".".join(location) or "(file)"
        if detail["type"] == "extra_forbidden":
            close = difflib.get_close_matches(location[-1], known_keys or [], n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            message = f"unknown key {name!r}{hint}"
        else:
            message = f"{name}: {detail['msg']}"
        line = line_of_key(text, location[-1]) if location else None
        problems.append(BriefcaseError(message, path, line))
    return problems


def read_toml_text(path: Path) -> tuple[dict[str, Any], str]:
    """Read and parse one TOML file, returning its text too so later errors can find lines."""
    from briefcase_tui.domain.storage import read_bytes

    require_file(path)  # a pipe or a device would never finish reading
    data = read_bytes(path, MAX_TOML_BYTES)
    text = decode_toml_bytes(data, path)
    return parse_toml(text, path), text


def read_checked(
    path: Path, quick: Callable[[dict[str, Any]], _T | None], schema: Callable[[], type[Any]]
) -> _T:
    """A small TOML file read by a quick plain-Python reader; pydantic judges a bad one.

    `quick` returns the value for a good file or None; only then is `schema()` called for
    the pydantic model, whose first problem is raised as a located error. Settings and
    themes are read this way before the app's first screen, where importing pydantic
    would cost more than everything else.
    """
    data, text = read_toml_text(path)
    value = quick(data)
    if value is not None:
        return value
    from pydantic import ValidationError

    model = schema()
    try:
        model.model_validate(data)
    except ValidationError as error:
        raise validation_problems(error, path, text, list(model.model_fields))[0] from None
    raise BriefcaseError(
        "not valid, though no rule says why", path
    )  # pragma: no cover - readers agree (tested)
