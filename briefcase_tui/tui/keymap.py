"""The binding ids users may remap in `[keys]`, so a mistyped id is reported instead of ignored.

The keys a remap names are checked by `domain.keys`, which needs no Textual.
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil
from collections.abc import Iterable

from textual.binding import Binding

import briefcase_tui.tui


def binding_ids() -> set[str]:
    """Every binding id declared by Briefcase's app, screens and widgets.

    Found by walking the `tui` package rather than listed by hand, so a new screen's keys
    are known without anyone remembering to add them here.
    """
    ids: set[str] = set()
    for module_info in pkgutil.walk_packages(briefcase_tui.tui.__path__, "briefcase_tui.tui."):
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == module.__name__:
                for binding in getattr(value, "BINDINGS", ()):
                    if isinstance(binding, Binding) and binding.id:
                        ids.add(binding.id)
    return ids


def unknown_binding_ids(wanted: Iterable[str]) -> list[str]:
    """The remapped ids no binding has, each with the nearest real id when there is one."""
    known = binding_ids()
    problems = []
    for binding_id in sorted(set(wanted) - known):
        close = difflib.get_close_matches(binding_id, sorted(known), n=1, cutoff=0.6)
        problems.append(
            f"{binding_id!r} (did you mean {close[0]!r}?)" if close else repr(binding_id)
        )
    return problems
