"""A newcomer's first session, in a real terminal: every section, an item, a link, history,
search, the palette, the keys screen, every theme, quit, and a restart that remembers the theme."""

from __future__ import annotations

import re
import tomllib

from briefcase_tui.paths import bundled_themes_dir
from tests.journeys.conftest import Person

SECTIONS = {
    "1": "Tue 4 February 2025",
    "2": "Future of Work",
    "3": "TECH7 priorities and recommendations",
    "4": "Signatories (73)",
    "5": "Figures (22)",
    "6": "Kigali Summit",
    "7": "Sources quoted (4)",
}
"""Each section's key and a line only that section shows."""

THEMES = {
    theme["label"]: theme["background"].lstrip("#").lower()
    for theme in (tomllib.loads(path.read_text(encoding="utf-8")) for path in sorted(bundled_themes_dir().glob("*.toml")))
}
"""Each bundled theme's label (as the notice names it) and the background it paints."""


def test_a_newcomer_walks_every_section_follows_a_link_searches_and_the_theme_is_remembered(person: Person) -> None:
    with person.open_app() as app:
        app.wait_for("289 items", "Programme", "? for keys")

        for key, anchor in SECTIONS.items():
            app.press(key)
            app.wait_for(anchor)

        # An item, then a link from it, then back and forward.
        app.press("2")
        app.wait_for("Future of Work")
        app.press("down")
        app.wait_for("Workstream · ws-")
        app.press("down")
        shown = app.wait_for("Future of Work", "Workstream · ws-future-of-work")
        assert "Envoy" in shown or "envoy" in shown
        app.press("enter")
        app.wait_for("Related (Enter opens)", "→ ")
        link = re.search(r"→ (\S+(?: \S+){0,2})", app.row_with("→ "))
        assert link is not None
        linked_title = link.group(1)
        app.press("enter")
        app.wait_gone("Workstream · ws-future-of-work")
        app.wait_for(linked_title)
        app.press("[")
        app.wait_for("Workstream · ws-future-of-work")
        app.press("]")
        app.wait_gone("Workstream · ws-future-of-work")
        app.wait_for(linked_title)

        # Search as you type: each letter narrows the results; Enter opens the one chosen.
        app.press("/")
        app.wait_for("Type to search")
        app.type("energy obs")
        app.wait_for("Observatory on the energy")
        app.press("down", "enter")
        app.wait_gone("Type to search", "energy obs")
        app.wait_for("Action · action-")

        # The palette runs actions by name.
        app.press("ctrl+p")
        app.wait_for("Search for commands")
        app.type("Section: Milestones")
        app.wait_for("Show the Milestones section")
        app.press("enter")
        app.wait_for("Kigali Summit")

        # The keys screen lists each key with the id that remaps it.
        app.press("?")
        app.wait_for("next-theme", "section-programme", "Keys")
        app.press("escape")
        app.wait_gone("section-programme")

        # Every theme in turn, each announced by a notice drawn on screen.
        start = app.dominant_background()
        seen = {start}
        for _ in THEMES:
            app.press("t")
            screen = app.wait_until(lambda s: "Theme: " in s, "the theme notice")
            name = screen.split("Theme: ", 1)[1].split("\n")[0].strip()
            assert name in THEMES
            app.wait_until(lambda _s, want=THEMES[name]: app.dominant_background() == want, f"the {name} colours")
            seen.add(app.dominant_background())
        assert seen == set(THEMES.values())
        app.press("t")
        chosen_screen = app.wait_until(lambda s: "Theme: " in s, "the theme notice")
        chosen = chosen_screen.split("Theme: ", 1)[1].split("\n")[0].strip()
        app.wait_until(lambda _s: app.dominant_background() == THEMES[chosen], f"the {chosen} colours")
        assert app.quit() == 0

    saved = tomllib.loads(person.settings_file.read_text(encoding="utf-8"))["theme"]
    assert saved.startswith("briefcase-")

    with person.open_app() as again:
        again.wait_for("289 items")
        again.wait_until(lambda _s: again.dominant_background() == THEMES[chosen], f"{chosen} at the restart")
        assert again.quit() == 0
