"""Briefcase never reaches the network.

A session of browsing, searching, editing and exporting opens no socket.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from briefcase_tui.paths import bundled_themes_dir
from briefcase_tui.tui.app import create_app
from tests.tui.conftest import loaded

ROOT = Path(__file__).resolve().parents[1]
NO_NETWORK = """
import socket, sys
def refuse(*args, **kwargs):
    raise SystemExit("a socket was opened: " + repr(args))
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
sys.argv = ["brief", *sys.argv[1:]]
from briefcase_tui.cli.launch import main
main()
"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    """Record (and refuse) every attempt to connect anywhere or to look up a name."""
    attempts: list[tuple[object, ...]] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access is not allowed in Briefcase")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


async def test_a_whole_app_session_opens_no_socket(
    no_network: list[tuple[object, ...]], tmp_path: Path
) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "p.toml").write_text('title = "P"\n[[sections]]\ntitle = "S"\n', encoding="utf-8")
    app = create_app(
        settings_file=tmp_path / "c.toml",
        theme_folders=[bundled_themes_dir()],
        briefs_folder=briefs,
        pack=briefs / "p.toml",
    )
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        for keys in (
            ["escape", "2", "down", "a"],
            ["slash", *"envoy", "enter"],
            ["t"],
            ["e"],
            ["w", "enter"],
        ):
            await pilot.press(*keys)
            await pilot.pause(0.1)
    assert (briefs / "p.md").exists(), "the session did not get as far as writing the export"
    assert no_network == []


@pytest.mark.parametrize(
    "arguments",
    [
        ["search", "who leads international governance"],
        ["--briefs", str(ROOT / "briefs"), "export", "security-safety-brief", "--format", "html"],
        ["--briefs", str(ROOT / "briefs"), "pack", "validate", "tech7-vs-statement"],
    ],
)
def test_cli_commands_open_no_socket(arguments: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", NO_NETWORK, *arguments], capture_output=True, text=True, timeout=60
    )
    assert "a socket was opened" not in result.stderr
    assert result.returncode in (0, 1), result.stderr
    assert result.stdout
