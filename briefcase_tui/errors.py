"""The error family every layer raises for problems a user can fix, rendered on one line."""

from __future__ import annotations

from pathlib import Path


class BriefcaseError(Exception):
    """A problem with input the user controls: a file, an id, an option.

    It renders as `path:line:column: message`, leaving out the parts not known, so the
    CLI can print it on one line and a person can jump straight to the spot.
    """

    def __init__(
        self,
        message: str,
        path: Path | str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        location = ""
        if self.path is not None:
            location = str(self.path)
            if self.line is not None:
                location += f":{self.line}"
                if self.column is not None:
                    location += f":{self.column}"
            location += ": "
        return location + self.message


class CorpusError(BriefcaseError):
    """The corpus folder cannot be loaded; `problems` lists every problem found."""

    def __init__(self, problems: list[BriefcaseError]) -> None:
        first = problems[0]
        more = len(problems) - 1
        suffix = (
            f" (and {more} more problem{'s' if more != 1 else ''}; run `brief corpus check`)"
            if more
            else ""
        )
        super().__init__(first.message + suffix, first.path, first.line, first.column)
        self.problems = problems


class UnknownItemError(BriefcaseError):
    """An id that is not in the corpus, with the nearest ids as suggestions."""

    def __init__(self, item_id: str, suggestions: list[str]) -> None:
        hint = f" (did you mean {', '.join(repr(s) for s in suggestions)}?)" if suggestions else ""
        super().__init__(f"no item with id {item_id!r}{hint}")
        self.item_id = item_id
        self.suggestions = suggestions
