"""Search quality and speed: the measured query set, and latency on grown corpora.

Run inside the project's virtual environment:

    python bench/search_quality.py            # quality, then p50/p99 at 1,000/10,000/50,000 items
    python bench/search_quality.py --quick    # quality, and speed at 1,000 and 10,000 only

Quality is the share of the queries in tests/data/search_queries.toml whose expected item comes
first (rank 1) and within the first five. Speed is every query of the set and every prefix of it
as typed, on corpora grown in memory from the bundled one (its items cloned under new ids, so
the words and their frequencies stay those of real items), timed one call at a time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefcase_tui.domain.corpus.build import build_corpus  # noqa: E402
from briefcase_tui.domain.corpus.corpus import Corpus  # noqa: E402
from briefcase_tui.domain.corpus.files import read_corpus_files  # noqa: E402
from briefcase_tui.domain.corpus.search import SearchIndex  # noqa: E402
from briefcase_tui.paths import BUNDLED_CORPUS_DIR  # noqa: E402

QUERY_SET = ROOT / "tests" / "data" / "search_queries.toml"
SIZES = (1_000, 10_000, 50_000)


def load_queries(path: Path = QUERY_SET) -> list[tuple[str, str, tuple[str, ...]]]:
    """(text, group, acceptable first ids) for each query of the set."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return [(q["text"], q["group"], tuple(q["expect"])) for q in data["query"]]


def bundled_corpus() -> Corpus:
    """The bundled corpus, validated."""
    corpus, problems = build_corpus(read_corpus_files(BUNDLED_CORPUS_DIR))
    assert corpus is not None and not problems, problems[:3]
    return corpus


def grown_corpus(corpus: Corpus, count: int) -> Corpus:
    """A corpus of `count` items: the bundled items first, then clones of them with new ids."""
    items = list(corpus.items)
    copy = 0
    while len(items) < count:
        copy += 1
        for item in corpus.items:
            if len(items) >= count:
                break
            items.append(item.replace(id=f"{item.id}-copy{copy}"))
    return Corpus(corpus.info, corpus.sources, corpus.tags, corpus.sets, tuple(items), ())


def quality(index: SearchIndex) -> tuple[float, float, list[str]]:
    """Shares of the query set found at rank 1 and in the top 5, and the queries missed at 1."""
    queries = load_queries()
    first = top5 = 0
    missed: list[str] = []
    for text, group, expected in queries:
        ids = [hit.id for hit in index.search(text, limit=5)]
        if ids[:1] and ids[0] in expected:
            first += 1
        else:
            missed.append(f"{group}: {text!r} -> {ids[:3]}")
        if any(i in expected for i in ids):
            top5 += 1
    return first / len(queries), top5 / len(queries), missed


def typed(queries: list[str]) -> list[str]:
    """Each query, and each prefix of it a person types on the way (from two characters)."""
    out: list[str] = []
    for query in queries:
        out += [query[:end] for end in range(2, len(query))]
        out.append(query)
    return out


def latency(index: SearchIndex, repeat: int) -> tuple[float, float]:
    """p50 and p99 in milliseconds over every typed query, each timed `repeat` times."""
    samples: list[float] = []
    texts = typed([text for text, _, _ in load_queries()])
    for text in texts:  # once untimed: the typo corrector's import is paid once per process
        index.search(text, limit=20)
    for _ in range(repeat):
        for text in texts:
            start = time.perf_counter()
            index.search(text, limit=20)
            samples.append((time.perf_counter() - start) * 1000)
    cuts = statistics.quantiles(samples, n=100)
    return statistics.median(samples), cuts[98]


def report(quick: bool = False, misses: bool = False) -> None:
    """Print quality, then latency at each size (benchmark.py calls this too)."""
    corpus = bundled_corpus()
    first, top5, missed = quality(SearchIndex(corpus))
    count = len(load_queries())
    print(f"search quality over {count} queries: rank 1 {first:.0%}, top 5 {top5:.0%}")
    if misses:
        for line in missed:
            print(f"  missed at rank 1: {line}")
    for size in SIZES[:2] if quick else SIZES:
        grown = grown_corpus(corpus, size)
        start = time.perf_counter()
        index = SearchIndex(grown)
        built = (time.perf_counter() - start) * 1000
        p50, p99 = latency(index, 1 if size > 10_000 else 3)
        print(
            f"search at {size:,} items: p50 {p50:.2f} ms, p99 {p99:.2f} ms "
            f"(index built in {built:.0f} ms)"
        )


def main() -> None:
    """Read the options, then report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 50,000-item corpus")
    parser.add_argument("--misses", action="store_true", help="list the queries missed at rank 1")
    arguments = parser.parse_args()
    report(arguments.quick, arguments.misses)


if __name__ == "__main__":
    main()
