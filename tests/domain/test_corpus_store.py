"""The stored corpus answers exactly as the corpus built from the files, damaged or not."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from briefcase_tui.domain.corpus.build import build_corpus
from briefcase_tui.domain.corpus.cache import CorpusCache
from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.files import read_corpus_files
from briefcase_tui.domain.corpus.serialize import corpus_data
from briefcase_tui.domain.corpus.stored import CHUNK, MAGIC, open_corpus, write_corpus
from briefcase_tui.domain.record import FrozenRecordError
from briefcase_tui.paths import BUNDLED_CORPUS_DIR


@pytest.fixture(scope="module")
def built() -> Corpus:
    corpus, problems = build_corpus(read_corpus_files(BUNDLED_CORPUS_DIR))
    assert corpus is not None and not problems
    return corpus


def stored(built: Corpus, folder: Path) -> Path:
    buffer = io.BytesIO()
    write_corpus(buffer, built)
    path = folder / "corpus.pickle"
    path.write_bytes(buffer.getvalue())
    return path


def same_answers(corpus: Corpus, built: Corpus) -> None:
    assert corpus == built
    assert corpus_data(corpus) == corpus_data(built)
    assert len(corpus) == len(built) > CHUNK
    for item in built:
        assert corpus.item(item.id) == item
        assert item.id in corpus
        assert corpus.related(item.id) == built.related(item.id)
        assert corpus.caveats_for(item.id) == built.caveats_for(item.id)
        assert corpus.sources_of(item) == built.sources_of(item)
    assert corpus.get("no-such-item") is None
    assert "no-such-item" not in corpus
    assert corpus.suggest("ws-future-of-wrk") == built.suggest("ws-future-of-wrk")
    assert corpus.of_kind("workstream") == built.of_kind("workstream")
    assert corpus.days() == built.days()


def test_a_stored_corpus_answers_as_the_built_one(built: Corpus, tmp_path: Path) -> None:
    corpus = open_corpus(stored(built, tmp_path), lambda: pytest.fail("the file is sound"))
    assert corpus is not None
    same_answers(corpus, built)


def test_a_stored_corpus_damaged_inside_answers_from_the_files(
    built: Corpus, tmp_path: Path
) -> None:
    path = stored(built, tmp_path)
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 200] = b"\x00" * 200  # same length: the head cannot tell
    path.write_bytes(bytes(data))
    rebuilt: list[bool] = []

    def from_files() -> Corpus:
        rebuilt.append(True)
        return built

    corpus = open_corpus(path, from_files)
    assert corpus is not None
    same_answers(corpus, built)
    assert rebuilt == [True]


@pytest.mark.parametrize("cut", [0, 5, 40, -1])
def test_a_cut_or_foreign_file_is_not_read(built: Corpus, tmp_path: Path, cut: int) -> None:
    path = stored(built, tmp_path)
    path.write_bytes(path.read_bytes()[:cut])
    assert open_corpus(path, lambda: built) is None


def test_an_edited_corpus_file_is_read_again_even_at_the_same_size(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS_DIR, folder)
    cache = tmp_path / "cache"
    first, _ = CorpusCache(cache).load(folder)
    assert first.item("ws-future-of-work").title == "Future of Work"
    again, _ = CorpusCache(cache).load(folder)
    assert again.item("ws-future-of-work").title == "Future of Work"
    path = folder / "workstreams.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"Future of Work"', '"Future of Wall"', 1), encoding="utf-8")
    assert path.stat().st_size == len(text.encode())
    changed, index = CorpusCache(cache).load(folder)
    assert changed.item("ws-future-of-work").title == "Future of Wall"
    assert index().search("future of wall")[0].id == "ws-future-of-work"


def _old_layout(built: Corpus) -> bytes:
    """A stored corpus as the previous layout wrote it: its head held a tuple of every id."""
    import pickle

    head = {
        "info": built.info,
        "sources": built.sources,
        "tags": built.tags,
        "sets": built.sets,
        "ids": tuple(item.id for item in built.items),
        "sorted": sorted(range(len(built.items)), key=lambda n: built.items[n].id),
        "offsets": [0],
    }
    blob = pickle.dumps(head, protocol=pickle.HIGHEST_PROTOCOL)
    return b"BRIEFCORPUS2\n" + len(blob).to_bytes(8, "little") + blob


def test_a_store_of_the_previous_layout_is_rebuilt_not_misread(
    built: Corpus, tmp_path: Path
) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS_DIR, folder)
    cache = tmp_path / "cache"
    CorpusCache(cache).load(folder)
    [path] = cache.glob("corpus-*.pickle")
    path.write_bytes(_old_layout(built))
    assert open_corpus(path, lambda: pytest.fail("never read")) is None

    corpus, index = CorpusCache(cache).load(folder)
    same_answers(corpus, built)
    assert index().search("future of work")[0].id == "ws-future-of-work"
    assert path.read_bytes().startswith(MAGIC)
    reopened = open_corpus(path, lambda: pytest.fail("the rebuilt file is sound"))
    assert reopened is not None
    same_answers(reopened, built)


def test_a_stored_corpus_reads_back_every_record_as_built_sharing_nothing_that_changes(
    tmp_path: Path,
) -> None:
    """Records read back from the store equal the built ones, field by field and of the same
    kind; the short texts they share in the store (memory) never tie one record to another."""
    to_store, _ = build_corpus(read_corpus_files(BUNDLED_CORPUS_DIR))
    pristine, _ = build_corpus(read_corpus_files(BUNDLED_CORPUS_DIR))
    assert to_store is not None and pristine is not None
    corpus = open_corpus(stored(to_store, tmp_path), lambda: pytest.fail("the file is sound"))
    assert corpus is not None
    for item in pristine:
        read = corpus.item(item.id)
        assert type(read) is type(item)
        assert vars(read) == vars(item)
    assert list(corpus.caveats) == list(pristine.caveats)
    tagged = [item for item in corpus if item.tags]
    first = tagged[0]
    changed = first.replace(tags=("another-tag",), title="Another title")
    assert changed.tags == ("another-tag",) and first.tags == pristine.item(first.id).tags
    assert [vars(item) for item in tagged[1:]] == [
        vars(pristine.item(item.id)) for item in tagged[1:]
    ]
    with pytest.raises(FrozenRecordError):
        first.title = "Changed in place"  # type: ignore[misc]
