"""Limits a child process runs under, for tests that show a file cannot exhaust memory."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest


def memory_limit(limit: int) -> Callable[[], None]:
    """A `preexec_fn` capping the child's address space at `limit` bytes."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


def run_shape_in_child(
    child: str, shape: str, *, memory: int, seconds: float, doing: str
) -> dict[str, Any]:
    """Run `child` (a script) on `shape` under a memory cap and return the JSON it reports.

    The test fails, naming the shape, when the child is still `doing` after `seconds`, or
    when it ends in anything but its own report (a crash or an exception that escaped).
    """
    try:
        result = subprocess.run(
            [sys.executable, "-c", child, shape],
            capture_output=True,
            text=True,
            timeout=seconds,
            preexec_fn=memory_limit(memory),
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{shape}: still {doing} after {seconds} s")
    assert result.returncode == 0, result.stderr[-2000:]
    report: dict[str, Any] = json.loads(result.stdout)
    return report
