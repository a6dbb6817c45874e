"""A newcomer's first session, in a real terminal: every section, an item, a link, history,
search, the palette, the keys screen, every theme, quit, and a restart that remembers the theme."""

from __future__ import annotations

import re
import tomllib
from typing import TYPE_CHECKING

from briefcase_tui.paths import bundled_themes_dir
from tests.journeys.conftest import Person
from tests.journeys.terminal import Terminal

if TYPE_CHECKING:
    from collections.abc import Callable

SECTIONS = {
    "1": "Tue 4 February 2025",
    "2": "Future of Work",
    "3": "TECH7 priorities and recommendations",
    "4": "Signatories (73)",
    "5": "Figures (23)",
    "6": "Kigali Summit",
    "7": "Sources quoted (4)",
}
"""Each section's key and a line only that section shows."""

THEMES: dict[str, str] = {
    theme["label"]: theme["background"].lstrip("#").lower()
    for theme in (
        tomllib.loads(path.read_text(encoding="utf-8"))
        for path in sorted(bundled_themes_dir().glob("*.toml"))
    )
}
"""Each bundled theme's label (as the notice names it) and the background it paints."""


def go_back_and_forward(app: Terminal, before: str, after: str) -> None:
    """`[` shows the item before the link, `]` the linked one again."""
    app.press("[")
    app.wait_for(before)
    app.press("]")
    app.wait_gone(before)
    app.wait_for(after)


def repainted(app: Terminal, before: str) -> Callable[[str], bool]:
    """A check that holds once the screen's dominant background is no longer `before`."""
    return lambda _screen: app.dominant_background() != before


def theme_named(screen: str) -> str:
    """The theme the "Theme: …" notice on screen names."""
    after = screen.split("Theme: ", 1)[1]
    return next(label for label in sorted(THEMES, key=len, reverse=True) if after.startswith(label))


def test_a_newcomer_walks_every_section_follows_a_link_searches_and_the_theme_is_remembered(
    person: Person,
) -> None:
    with person.open_app() as app:
        app.wait_for("293 items", "Programme", "? for keys")

        for key, anchor in SECTIONS.items():
            app.press(key)
            app.wait_for(anchor)

        # An item, then a link from it, then back and forward.
        app.press("2")
        app.wait_for("Future of Work")
        app.press("down")
        app.wait_for("ws-international-governance")
        app.press("down")
        shown = app.wait_for("Future of Work", "ws-future-of-work")
        assert "Envoy" in shown or "envoy" in shown
        app.press("enter")  # into the links: the first is highlighted once the cursor is there
        links = re.compile(r"→ (\S+(?: \S+){0,2})")
        # Two different links (a screen caught mid-scroll can show one row twice).
        screen = app.wait_until(lambda s: len(set(links.findall(s))) >= 2, "two links")
        first, second = list(dict.fromkeys(links.findall(screen)))[:2]
        app.wait_highlighted(f"→ {first}", f"→ {second}")
        app.press("enter")  # follow it
        app.wait_gone(f"→ {first}", "ws-future-of-work")
        app.wait_for(first)
        linked_title = first
        go_back_and_forward(app, "ws-future-of-work", linked_title)

        # Search as you type: each letter narrows the results; Enter opens the one chosen.
        app.press("/")
        app.wait_for("Type to search")
        app.type("energy obs")
        app.wait_for("Observatory on the energy")
        app.press("down", "enter")
        app.wait_gone("Type to search", "energy obs")
        app.wait_for("action-")

        # The palette runs actions by name.
        app.press("ctrl+p")
        app.wait_for("Search for commands")
        app.type("Section: Milestones")
        app.wait_for("Show the Milestones section")
        app.press("enter")
        app.wait_gone(
            "Section: Milestones"
        )  # the palette has closed (its placeholder went with typing)
        app.wait_for("Kigali Summit")

        # The keys screen lists each key with the id that remaps it.
        app.press("?")
        app.wait_for("section-programme", "Keys")
        app.press("escape")
        app.wait_gone("section-programme")

        # Every theme in turn, each announced by a notice on screen, each painting its own colours.
        painted: dict[str, str] = {}
        for _ in THEMES:
            before = app.dominant_background()
            app.press("t")
            screen = app.wait_until(lambda s: "Theme: " in s, "the theme notice")
            name = theme_named(screen)
            app.wait_gone(f"Theme: {name}")
            app.wait_until(repainted(app, before), f"the {name} colours")
            painted[name] = app.dominant_background()
        assert set(painted) == set(THEMES)
        assert len(set(painted.values())) == len(THEMES)
        app.press("t")
        chosen = theme_named(app.wait_until(lambda s: "Theme: " in s, "the theme notice"))
        app.wait_gone(f"Theme: {chosen}")
        app.wait_until(
            lambda _s: app.dominant_background() == painted[chosen], f"the {chosen} colours"
        )
        assert app.quit() == 0

    saved = tomllib.loads(person.settings_file.read_text(encoding="utf-8"))["theme"]
    assert saved.startswith("briefcase-")

    with person.open_app() as again:
        again.wait_for("293 items")
        again.wait_until(
            lambda _s: again.dominant_background() == painted[chosen], f"{chosen} at the restart"
        )
        assert again.quit() == 0
