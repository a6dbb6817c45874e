"""A delegate at the summit, in a real terminal: the agenda opens on what is on now, `brief now`
answers the same in the shell, and search takes French and typos."""

from __future__ import annotations

from tests.journeys.conftest import BRIEF, Person
from tests.journeys.terminal import running


def test_a_delegate_on_the_main_day_sees_what_is_on_now_and_searches_in_french(
    person: Person,
) -> None:
    env = {**person.env, "BRIEF_NOW": "2025-02-10T14:00"}
    with running([str(BRIEF)], env=env, cwd=person.home, size=person.size) as app:
        app.wait_for("293 items", "summit day 7 of 8", "Grand Palais: now")
        # The cursor is on what is on now: a move away and back shows it.
        app.wait_highlighted("Main summit", "Business")
        app.press("up")
        app.wait_for("event-business-leaders-day")
        app.press("down")
        app.wait_for("event-grand-palais-main-summit")
        app.press("/")
        app.wait_for("Type to search")
        app.type("securite")
        app.wait_for("Security & Safety")
        app.press("enter")
        app.wait_gone("Type to search")
        app.wait_for("ws-security-safety")
    shell = subprocess_now(person, "2025-02-10T14:00")
    assert shell.splitlines()[0] == "Mon 10 Feb 2025 14:00 (Europe/Paris) · summit day 7 of 8"


def test_after_the_summit_the_agenda_says_when_it_ended_and_opens_its_last_day(
    person: Person,
) -> None:
    env = {**person.env, "BRIEF_NOW": "2026-03-01T10:00"}
    with running([str(BRIEF)], env=env, cwd=person.home, size=person.size) as app:
        app.wait_for("293 items", "summit ended on")
        app.wait_highlighted("Tue 11 February 2025", "Mon 10 February 2025")  # the last day


def subprocess_now(person: Person, moment: str) -> str:
    """`brief now --now MOMENT` in the person's shell."""
    run = person.brief("now", "--now", moment)
    assert run.returncode == 0, run.stderr
    return run.stdout
