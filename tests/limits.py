"""Limits a child process runs under, for tests that show a file cannot exhaust memory."""

from __future__ import annotations

import resource
from collections.abc import Callable


def memory_limit(limit: int) -> Callable[[], None]:
    """A `preexec_fn` capping the child's address space at `limit` bytes."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply
