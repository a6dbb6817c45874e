"""Issue 10: a key remap that cannot be parsed is named in a notice; the built-in key stays."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from textual.binding import Binding
from textual.keys import _character_to_key

import briefcase_tui.tui
from briefcase_tui.domain.keys import PUNCTUATION_KEYS, character_key_name, key_problem
from briefcase_tui.tui.screens.search import SearchDialog
from tests.tui.conftest import MakeApp, loaded

SIZE = (80, 24)


def test_every_key_briefcase_binds_passes_the_domain_check() -> None:
    bound: set[str] = set()
    for info in pkgutil.walk_packages(briefcase_tui.tui.__path__, "briefcase_tui.tui."):
        for value in vars(importlib.import_module(info.name)).values():
            for binding in getattr(value, "BINDINGS", ()) if isinstance(value, type) else ():
                bound.add(binding.key if isinstance(binding, Binding) else binding[0])
    assert bound and [keys for keys in sorted(bound) if key_problem(keys)] == []


def test_character_names_agree_with_textuals() -> None:
    assert all(character_key_name(c) == _character_to_key(c) for c in "/?-+@_.,;:!~")
    assert "question_mark" in PUNCTUATION_KEYS


async def test_a_remap_that_names_no_key_is_reported_with_its_id_and_nearest_form(
    make_app: MakeApp, settings_file: Path
) -> None:
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text('[keys]\nsearch = "ctrl+shift+banana+++"\n', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        said = "\n".join(str(n.message) for n in app._notifications)
        assert "search: 'ctrl+shift+banana+++' is not a key" in said
        assert "nearest valid form: 'ctrl+shift+b'" in said
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchDialog), "the built-in key still works"
