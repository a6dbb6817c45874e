"""Where the process starts: importing a module changes nothing, starting `brief` sets it up."""

from __future__ import annotations

import os
import subprocess
import sys

CHECK_IMPORTS = """
import importlib, os, pkgutil, sys
import briefcase_tui.cli
before = dict(os.environ)
names = [m.name for m in pkgutil.iter_modules(briefcase_tui.cli.__path__, "briefcase_tui.cli.")]
for name in [*names, "briefcase_tui.__main__", "briefcase_tui.domain.export.formats",
             "briefcase_tui.domain.export.plan"]:
    importlib.import_module(name)
print(len(names), dict(os.environ) == before, "textual" in sys.modules)
"""

CHECK_LAUNCH = """
import os, sys
from briefcase_tui.cli import launch
pydantic_before_start = "pydantic" in sys.modules
sys.argv = ["brief", "--version"]
try:
    launch.main()
except SystemExit:
    pass
print(pydantic_before_start, os.environ.get("PYDANTIC_DISABLE_PLUGINS"))
"""


def _clean_environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}


def _run(script: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=_clean_environment(),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_importing_any_cli_module_changes_no_environment_variable_and_loads_no_textual() -> None:
    count, unchanged, textual = _run(CHECK_IMPORTS)
    assert int(count) >= 10
    assert (unchanged, textual) == ("True", "False")


def test_starting_brief_turns_off_pydantic_plugins_before_pydantic_is_loaded() -> None:
    lines = _run(CHECK_LAUNCH)
    assert lines[-2:] == ["False", "__all__"]
