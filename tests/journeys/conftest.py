"""Journey fixtures: a person's home, briefs folder and terminal, at 80x24 and at 120x40."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.journeys.terminal import Terminal, journey_environment, running

BRIEF = Path(sys.executable).with_name("brief")
"""The installed `brief` command of the environment running the tests."""

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
"""Every journey runs at the smallest size we promise to fit and at a roomy one."""


@dataclass
class Person:
    """Someone at a terminal: a home of their own, a briefs folder, and the `brief` they run."""

    home: Path
    briefs: Path
    cache: Path
    size: tuple[int, int]

    @property
    def env(self) -> dict[str, str]:
        """Their terminal's environment."""
        return journey_environment(self.home, self.cache, {"BRIEF_DIR": str(self.briefs)})

    def open_app(self, *arguments: str) -> AbstractContextManager[Terminal]:
        """`brief ARGS` in a terminal of their size (`brief` alone opens the app)."""
        return running([str(BRIEF), *arguments], env=self.env, cwd=self.home, size=self.size)

    def brief(self, *arguments: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        """`brief ARGS` as a command in another shell of theirs (no terminal)."""
        return subprocess.run(
            [str(BRIEF), *arguments],
            env=self.env,
            cwd=self.home,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    @property
    def settings_file(self) -> Path:
        """Where the app keeps their settings."""
        return self.home / ".config" / "briefcase" / "config.toml"


@pytest.fixture(params=SIZES)
def person(request: pytest.FixtureRequest, tmp_path: Path, session_cache: Path) -> Iterator[Person]:
    """A person with an empty briefs folder, at each terminal size."""
    if not BRIEF.exists():
        pytest.fail(
            f"{BRIEF} is not installed: "
            "install the package (`pip install -e .`) before the journeys"
        )
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    yield Person(home=home, briefs=briefs, cache=session_cache, size=request.param)


@pytest.fixture
def example_briefs(person: Person) -> Path:
    """The person's briefs folder holding the repository's example packs."""
    for pack in (Path(__file__).resolve().parents[2] / "briefs").glob("*.toml"):
        shutil.copy(pack, person.briefs / pack.name)
    return person.briefs
