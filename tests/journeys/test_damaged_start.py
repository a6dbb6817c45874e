"""Starting with damaged files, in a real terminal: each problem is one notice on screen, naming
the file, and the app keeps working; nothing the user wrote is overwritten."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefcase_tui.paths import BUNDLED_CORPUS_DIR
from tests.journeys.conftest import Person

BAD_SETTINGS = 'theme = "briefcase-light"\nkeys = { search = 12 }\n'
"""A settings file a person might write: a key bound to a number instead of a key name."""

BAD_THEME = 'name = "mine"\nlabel = "Mine"\ndark = true\nprimary = "not a colour"\n'
"""A theme of the user's own with a colour that is not one."""

BROKEN_PACK = 'format = 1\ntitle = "Half-written brief\n'
"""A pack whose title string never ends (line 2)."""


def test_a_bad_settings_file_theme_and_pack_each_get_a_notice_and_the_app_keeps_working(
    person: Person,
    example_briefs: Path,
) -> None:
    person.settings_file.parent.mkdir(parents=True)
    person.settings_file.write_text(BAD_SETTINGS, encoding="utf-8")
    themes = person.settings_file.parent / "themes"
    themes.mkdir()
    (themes / "mine.toml").write_text(BAD_THEME, encoding="utf-8")
    broken = example_briefs / "half-written.toml"
    broken.write_text(BROKEN_PACK, encoding="utf-8")

    with person.open_app() as app:
        # The notices sit over the status line, so they are looked for before anything else.
        app.wait_for("Settings ignored", "keys.search")
        app.wait_for("1 theme file skipped")
        app.wait_for(
            "Any day", "Tue 4 February 2025"
        )  # the corpus is in (the status line is under the notices)

        # It keeps working: sections, items, the keys screen.
        app.press("2")
        app.wait_for("Future of Work")
        app.press("down")
        app.wait_for("ws-international-governance")

        # The open dialog lists the broken pack with its file, line and reason; a good one opens.
        app.press("o")
        app.wait_in_dialog("half-written.toml:2:28: invalid TOML")
        app.wait_for("Security & Safety")
        app.press("enter")
        app.wait_for("Pack: ")

        # Opening a pack is remembered for this session only: the settings file the user is
        # still fixing is never saved over (checked below).
        assert app.quit() == 0

    assert person.settings_file.read_text(encoding="utf-8") == BAD_SETTINGS
    assert broken.read_text(encoding="utf-8") == BROKEN_PACK
    assert (themes / "mine.toml").read_text(encoding="utf-8") == BAD_THEME


def test_a_broken_corpus_given_with_corpus_is_named_in_a_notice_and_the_app_still_answers(
    person: Person,
) -> None:
    # Given as a person types it, relative to where they are: the notice then names a short path,
    # not one whose length depends on this machine's temporary folder.
    corpus = person.home / "corpus"
    shutil.copytree(BUNDLED_CORPUS_DIR, corpus)
    workstreams = corpus / "workstreams.toml"
    text = workstreams.read_text(encoding="utf-8")
    workstreams.write_text(text.replace('title = "', "title = ", 1), encoding="utf-8")

    with person.open_app("--corpus", "corpus") as app:
        app.wait_for("Cannot load the corpus")
        app.wait_for("workstreams.toml:")
        app.press("?")
        app.wait_for("next-theme")
        app.press("escape")
        app.wait_gone("next-theme")
        assert app.quit() == 0
