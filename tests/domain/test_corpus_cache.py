"""The corpus cache is keyed by every input of the corpus and its index, so it is never stale."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefcase_tui.domain.corpus import cache
from briefcase_tui.domain.corpus.cache import (
    CODE_INPUTS,
    KEY_INPUTS,
    PACKAGE_DIR,
    CorpusCache,
    cache_key,
)
from briefcase_tui.domain.corpus.files import read_corpus_files
from briefcase_tui.paths import BUNDLED_CORPUS_DIR, SEARCH_SETTINGS_FILE
from tests.test_architecture import import_graph


def copies(folder: Path) -> list[Path]:
    """Every key input copied into a folder, in key order."""
    copied = []
    for number, path in enumerate(KEY_INPUTS):
        target = folder / f"{number:02d}-{path.name}"
        shutil.copy(path, target)
        copied.append(target)
    return copied


def test_changing_any_input_changes_the_key(tmp_path: Path) -> None:
    contents = read_corpus_files(BUNDLED_CORPUS_DIR)
    inputs = copies(tmp_path)
    original = cache_key(contents, inputs)
    assert cache_key(contents, inputs) == original
    for path in inputs:
        data = path.read_bytes()
        path.write_bytes(data + b"\n")
        assert cache_key(contents, inputs) != original, path.name
        path.write_bytes(data)
    for path, data in contents.items():
        changed = {**contents, path: data + b"\n"}
        assert cache_key(changed, inputs) != original, path.name
    renamed = {p.with_name("z" + p.name): data for p, data in contents.items()}
    assert cache_key(renamed, inputs) != original


def test_text_folding_the_stopwords_and_the_table_of_kinds_are_inputs() -> None:
    for module in ("domain/text.py", "domain/corpus/kinds.py", "domain/corpus/models.py"):
        assert PACKAGE_DIR / module in KEY_INPUTS
    assert SEARCH_SETTINGS_FILE in KEY_INPUTS


def test_every_module_that_building_or_indexing_runs_is_an_input() -> None:
    graph = import_graph()
    needed: set[str] = set()
    waiting = ["briefcase_tui.domain.corpus.build", "briefcase_tui.domain.corpus.search"]
    while waiting:
        module = waiting.pop()
        if module not in needed:
            needed.add(module)
            waiting.extend(graph.get(module, ()))
    covered = {
        "briefcase_tui." + name.removesuffix(".py").replace("/", ".") for name in CODE_INPUTS
    }
    covered = {name.removesuffix(".__init__") for name in covered}
    folders = {name: PACKAGE_DIR.parent / name.replace(".", "/") for name in needed}
    empty_packages = {
        name
        for name, folder in folders.items()
        if folder.is_dir() and not (folder / "__init__.py").read_bytes().strip()
    }
    assert needed - covered - empty_packages == set()


def test_a_changed_input_rebuilds_through_the_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    contents = read_corpus_files(BUNDLED_CORPUS_DIR)
    inputs = copies(tmp_path)
    monkeypatch.setattr(cache, "KEY_INPUTS", tuple(inputs))
    CorpusCache(folder).index(contents)
    assert len(list(folder.glob("*.pickle"))) == 2
    CorpusCache(folder).index(contents)
    assert len(list(folder.glob("*.pickle"))) == 2, "nothing changed: both files read back"
    stopwords = next(p for p in inputs if p.name.endswith(SEARCH_SETTINGS_FILE.name))
    stopwords.write_text(stopwords.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    CorpusCache(folder).index(contents)
    assert len(list(folder.glob("*.pickle"))) == 4, "a new corpus and index were built"


def test_a_warm_run_reads_every_item_and_searches_without_importing_pydantic(
    tmp_path: Path,
) -> None:
    """Pydantic judges a corpus once, at the cold build; a warm `brief` and the app read the
    store without it (its import alone is 8 MiB and about 50 ms of the app's start)."""
    folder = tmp_path / "cache"
    CorpusCache(folder).load(BUNDLED_CORPUS_DIR)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from briefcase_tui.domain.corpus.cache import CorpusCache\n"
        "from briefcase_tui.paths import BUNDLED_CORPUS_DIR\n"
        f"corpus, index = CorpusCache(Path({str(folder)!r})).load(BUNDLED_CORPUS_DIR)\n"
        "titles = [item.title for item in corpus.items]\n"
        "hits = index().search('future of work')\n"
        "print(len(titles), hits[0].id, sorted(m for m in sys.modules if 'pydantic' in m))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    count, first_hit, modules = run.stdout.split(" ", 2)
    assert int(count) > 200 and first_hit == "ws-future-of-work"
    assert modules.strip() == "[]"


def test_a_new_pydantic_version_misses_the_stamp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stamp of the inputs stands pydantic's version.py in for its version: upgrading
    pydantic (which judges the corpus) must not reuse what the old one judged."""
    version = tmp_path / "version.py"
    version.write_text("VERSION = '2.14.4'\n", encoding="utf-8")
    monkeypatch.setattr(cache, "_pydantic_version_file", lambda: version)
    files = sorted(BUNDLED_CORPUS_DIR.glob("*.toml"))
    before = cache._stamp(files)
    assert before is not None and cache._stamp(files) == before
    version.write_text("VERSION = '2.15.10'\n", encoding="utf-8")  # another size: coarse clocks
    assert cache._stamp(files) not in (None, before)
    version.unlink()
    assert cache._stamp(files) is None
