"""The shape of the code: layers import one way and no module imports itself back.

Every import counts, whether it runs at start-up, inside a function, or only for type
checking: a circle of any of them means the modules cannot be understood (or moved) apart.
The graph is read from the source with `ast`, so nothing is imported to check it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import briefcase_tui

PACKAGE_DIR = Path(briefcase_tui.__file__).parent
PACKAGE = "briefcase_tui"


def module_name(path: Path) -> str:
    """The dotted name of a source file inside the package (`__init__` names its package)."""
    parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE_DIR.rglob("*.py"))}


def imported_modules(name: str, path: Path, known: set[str]) -> set[str]:
    """Every package module the file imports, wherever the import statement stands."""
    is_package = path.name == "__init__.py"
    here = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = here.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            # `from package import module` imports the module; `from module import name` the module.
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target.startswith(PACKAGE) and target != name:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = package_modules()
    known = set(modules)
    return {name: imported_modules(name, path, known) for name, path in modules.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of two or more modules (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph.get(node, ())):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            group: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_back_through_others() -> None:
    assert circles(import_graph()) == []


def test_the_domain_knows_neither_the_cli_nor_the_app() -> None:
    graph = import_graph()
    for name, imports in graph.items():
        if name.startswith(f"{PACKAGE}.domain"):
            outward = sorted(
                i for i in imports if i.startswith((f"{PACKAGE}.cli", f"{PACKAGE}.tui"))
            )
            assert outward == [], f"{name} imports {outward}"


def test_the_cli_and_the_app_meet_only_where_the_app_opens() -> None:
    """The CLI reaches the TUI from one module (the one that opens the app), never the reverse."""
    graph = import_graph()
    for name, imports in graph.items():
        if name.startswith(f"{PACKAGE}.tui"):
            assert not [i for i in imports if i.startswith(f"{PACKAGE}.cli")], name
    reaching_tui = sorted(
        name
        for name, imports in graph.items()
        if name.startswith(f"{PACKAGE}.cli")
        and any(i.startswith(f"{PACKAGE}.tui") for i in imports)
    )
    assert len(reaching_tui) <= 1, reaching_tui


def test_the_checker_sees_a_circle_made_only_of_imports_inside_functions(tmp_path: Path) -> None:
    """Guard the guard: a circle hidden in function bodies and TYPE_CHECKING is still a circle."""
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(graph) == [["a", "b", "c"]]
    source = tmp_path / "m.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from briefcase_tui.tui import app\n"
        "def f():\n    from briefcase_tui.domain.corpus import load\n",
        encoding="utf-8",
    )
    known = {"briefcase_tui.tui.app", "briefcase_tui.domain.corpus.load", "briefcase_tui"}
    assert imported_modules("briefcase_tui.x", source, known) == known
