"""`brief now` as a delegate runs it: --now and BRIEF_NOW to rehearse, one line for a bad one."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def brief(*args: str, now: str | None = None) -> subprocess.CompletedProcess[str]:
    """The real `brief`, with BRIEF_NOW set when given."""
    env = dict(os.environ)
    env.pop("BRIEF_NOW", None)
    if now is not None:
        env["BRIEF_NOW"] = now
    return subprocess.run(
        [sys.executable, "-m", "briefcase_tui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_now_during_the_summit_lists_each_venue_with_now_and_next() -> None:
    run = brief("now", "--now", "2025-02-10T14:00")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "Mon 10 Feb 2025 14:00 (Europe/Paris) · summit day 7 of 8"
    palais = lines.index("Grand Palais")
    assert lines[palais + 1].startswith("  now   all day  Main summit at the Grand Palais")
    assert any(line.startswith("  next  Tue 11 Feb, all day  Government") for line in lines)


def test_brief_now_reads_the_moment_from_the_environment_and_the_option_wins() -> None:
    from_env = json.loads(brief("now", "--json", now="2025-02-04T11:30").stdout)
    assert from_env["phase"] == "during" and from_env["day"] == "2025-02-04"
    online = next(v for v in from_env["venues"] if v["venue"] == "Online")
    assert [e["id"] for e in online["now"]] == ["event-pre-summit-webinar"]
    option = json.loads(brief("now", "--json", "--now", "2025-01-01T09:00", now="junk").stdout)
    assert option["phase"] == "before" and option["day"] == "2025-02-04"


def test_a_bad_now_is_one_line_and_exit_2() -> None:
    run = brief("now", "--now", "next tuesday")
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == (
        "brief: --now: 'next tuesday' is not a date and time (write 2025-02-10T14:00)\n"
    )
    run = brief("now", now="2025-02-30T10:00")
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("brief: BRIEF_NOW: ")


def test_after_the_summit_it_says_when_it_ended() -> None:
    run = brief("now", now="2026-03-01T10:00")
    assert run.returncode == 0
    assert "the summit ended on Tue 11 February 2025" in run.stdout.splitlines()[0]
