"""Briefcase benchmarks: corpus loading, search latency, and whole-process CLI start-up.

Run inside the project's virtual environment (the bare interpreter starts slower):

    python bench/benchmark.py            # everything
    python bench/benchmark.py --quick    # fewer repetitions

Whole-process timings are reported as ratios against a do-nothing Typer command run
interleaved in the same session, because absolute times on a shared machine drift by
10-30 % between runs while ratios move by a few percent.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefcase_tui.domain.corpus.build import build_corpus  # noqa: E402
from briefcase_tui.domain.corpus.files import read_corpus_files  # noqa: E402
from briefcase_tui.domain.corpus.search import SearchIndex  # noqa: E402
from briefcase_tui.paths import BUNDLED_CORPUS_DIR  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefcase_tui.domain.corpus.corpus import Corpus

QUERIES = [
    "future of work",
    "envoy",
    "grand palais",
    "station f",
    "hiroshima",
    "public interest platform",
    "109 billion",
    "estonia",
    "who signed",
    "kigali",
    "business day",
    "ecole normale",
    "watermarking provenance",
    "smes cloud",
    "iea observatory",
    "tisne",
    "sust",
    "reskilling workers",
    "11 february",
    "deepfakes",
]


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def time_call(function: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return samples


def bench_load(repeat: int) -> None:
    contents = read_corpus_files(BUNDLED_CORPUS_DIR)
    samples = time_call(lambda: build_corpus(contents), repeat)
    corpus, _ = build_corpus(contents)
    assert corpus is not None
    index_samples = time_call(lambda: SearchIndex(corpus), repeat)
    print(f"corpus load + validation ({len(corpus)} items): median {median_ms(samples):.1f} ms")
    print(f"search index build: median {median_ms(index_samples):.1f} ms")


def bench_search(index: SearchIndex, label: str, repeat: int) -> None:
    per_query = []
    for query in QUERIES:
        per_query.append(median_ms(time_call(partial(index.search, query), repeat)))
    as_you_type = []
    for query in ("grand palais", "public interest platform"):
        for end in range(1, len(query) + 1):
            as_you_type.append(median_ms(time_call(partial(index.search, query[:end]), repeat)))
    print(
        f"search on {label} ({len(index)} items): median {statistics.median(per_query):.3f} ms, "
        f"worst {max(per_query):.3f} ms over {len(QUERIES)} queries; "
        f"as-you-type keystrokes median {statistics.median(as_you_type):.3f} ms, "
        f"worst {max(as_you_type):.3f} ms"
    )


def generated_corpus(folder: Path, count: int, seed: int = 7) -> None:
    """Write a corpus folder of `count` items built from the bundled corpus's own words."""
    rng = random.Random(seed)
    for name in ("corpus.toml", "sources.toml", "tags.toml"):
        shutil.copy(BUNDLED_CORPUS_DIR / name, folder / name)
    contents = read_corpus_files(BUNDLED_CORPUS_DIR)
    bundled, _ = build_corpus(contents)
    assert bundled is not None
    vocabulary = sorted({w for item in bundled for w in item.summary.split() if w.isalpha()})
    tags = sorted(bundled.tags)
    lines: list[str] = []
    for number in range(count):
        title = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(2, 7)))
        summary = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(30, 80)))
        quote = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(8, 25)))
        lines += [
            "[[items]]",
            f'id = "gen-{number}"',
            'kind = "initiative"',
            f'title = "{title}"',
            f'summary = "{summary}"',
            f'tags = ["{rng.choice(tags)}"]',
            "[[items.quotes]]",
            f'text = "{quote}"',
            'source = "statement"',
            "",
        ]
        if (number + 1) % 1000 == 0 or number + 1 == count:  # files stay under the size cap
            (folder / f"generated-{number // 1000:03d}.toml").write_text(
                "\n".join(lines), encoding="utf-8"
            )
            lines = []


def bench_processes(repeat: int) -> None:
    """Whole `brief` commands next to a do-nothing Typer command, interleaved."""
    bin_dir = Path(sys.executable).parent
    brief = bin_dir / "brief"
    if not brief.exists():
        print(
            "whole-process timings skipped: no `brief` script beside this Python "
            "(install the package)"
        )
        return
    environment = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "BRIEF_CORPUS")
    }
    commands = {
        "do-nothing Typer command": [sys.executable, str(ROOT / "bench" / "noop_typer.py")],
        "brief show ws-future-of-work": [str(brief), "show", "ws-future-of-work"],
        "brief search 'future of work'": [str(brief), "search", "future of work"],
        "brief list --kind workstream": [str(brief), "list", "--kind", "workstream"],
        "brief export (Markdown, stdout)": [
            str(brief),
            "export",
            str(ROOT / "briefs" / "security-safety-brief.toml"),
        ],
        "brief export --format html": [
            str(brief),
            "export",
            "--format",
            "html",
            str(ROOT / "briefs" / "security-safety-brief.toml"),
        ],
    }
    for command in commands.values():  # warm the corpus cache and the OS file cache
        subprocess.run(
            command,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
        )
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(
                command,
                env=environment,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=True,
            )
            samples[name].append(time.perf_counter() - start)
    floor = median_ms(samples["do-nothing Typer command"])
    print(f"whole process, median of {repeat} interleaved runs:")
    for name, values in samples.items():
        value = median_ms(values)
        print(f"  {name:<32} {value:7.1f} ms   {value / floor:5.2f}x")


def bench_export(corpus: Corpus, repeat: int) -> None:
    """A generated 1,000-entry pack exported in-process in every format (target: <= 100 ms)."""
    from briefcase_tui.domain.export import render_pack
    from briefcase_tui.domain.export.formats import format_names
    from briefcase_tui.domain.packs.models import Entry, Pack, Section

    rng = random.Random(11)
    ids = [item.id for item in corpus]
    sections = []
    for number in range(20):
        entries = tuple(
            Entry(
                item=rng.choice(ids),
                note=f"Note {number}-{n}: *check* [this] | before the meeting.",
                priority=rng.choice(["must", "should", "optional", None]),
                tags=("follow-up",),
            )
            if n % 5
            else Entry(note=f"Free note {number}-{n}\nwith a second line")
            for n in range(50)
        )
        sections.append(
            Section(title=f"Section {number}", intro="Why this section matters.", entries=entries)
        )
    pack = Pack(title="Generated pack of 1,000 entries", sections=tuple(sections))
    print(
        f"export of a generated pack of {pack.entry_count()} entries, in-process, "
        f"median of {repeat}:"
    )
    for format in format_names():
        samples = time_call(partial(render_pack, pack, corpus, format), repeat)
        size = len(render_pack(pack, corpus, format))
        print(
            f"  {format:<9} {median_ms(samples):7.1f} ms   "
            f"worst {max(samples) * 1000:6.1f} ms   {size // 1024} KiB"
        )


def run_until_painted(
    command: list[str],
    environment: dict[str, str],
    timeout: float = 20.0,
    hook: str = "BRIEF_BENCH_EXIT_ON_PAINT",
) -> tuple[float, int]:
    """Run a Textual app under a pseudo-terminal (80x24) until it marks its first paint.

    Returns the seconds from launch to the marker and the child's peak memory (ru_maxrss, KiB).
    The app writes the marker file named by BRIEF_BENCH_EXIT_ON_PAINT once its first
    screen is painted, then exits.
    """
    import fcntl
    import select
    import struct
    import termios

    with tempfile.TemporaryDirectory() as folder:
        marker = Path(folder) / "painted"
        env = {**environment, hook: str(marker), "TERM": environment.get("TERM", "xterm-256color")}
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        start = time.perf_counter()
        process = subprocess.Popen(
            command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        painted: float | None = None
        usage = None
        deadline = start + timeout
        try:
            while usage is None:
                ready, _, _ = select.select([master], [], [], 0.002)
                if ready:
                    try:
                        os.read(
                            master, 65536
                        )  # drain the screen so the app never blocks writing it
                    except OSError:
                        pass
                if painted is None and marker.exists():
                    painted = time.perf_counter() - start
                pid, status, finished = os.wait4(process.pid, os.WNOHANG)
                if pid:
                    usage = finished
                    process.returncode = os.waitstatus_to_exitcode(status)
                elif time.perf_counter() > deadline:
                    process.kill()
        finally:
            os.close(master)
        if painted is None:
            raise RuntimeError(f"{command[0]} never painted its first screen")
        return painted, int(usage.ru_maxrss)


def bench_first_paint(repeat: int) -> None:
    """`brief` (the app) next to a one-line Textual app: time to first paint and peak memory."""
    brief = Path(sys.executable).parent / "brief"
    if not brief.exists():
        print(
            "first-paint timings skipped: no `brief` script beside this Python "
            "(install the package)"
        )
        return
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONDONTWRITEBYTECODE", "BRIEF_CORPUS", "NO_COLOR")
    }
    commands = {
        "minimal Textual app": [sys.executable, str(ROOT / "bench" / "minimal_textual.py")],
        "brief (the app)": [str(brief)],
    }
    for command in commands.values():  # warm caches
        run_until_painted(command, environment)
    times: dict[str, list[float]] = {name: [] for name in commands}
    memory: dict[str, list[int]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            seconds, peak = run_until_painted(command, environment)
            times[name].append(seconds)
            memory[name].append(peak)
    ready_times: list[float] = []
    ready_memory: list[int] = []
    for _ in range(
        max(3, repeat // 2)
    ):  # until the corpus and the search index are loaded: peak memory in use
        seconds, peak = run_until_painted(
            commands["brief (the app)"], environment, hook="BRIEF_BENCH_EXIT_WHEN_READY"
        )
        ready_times.append(seconds)
        ready_memory.append(peak)
    floor_time = median_ms(times["minimal Textual app"])
    floor_memory = statistics.median(memory["minimal Textual app"])
    print(f"first paint at 80x24 under a pseudo-terminal, median of {repeat} interleaved runs:")
    for name in commands:
        value = median_ms(times[name])
        median_peak = statistics.median(memory[name])
        print(
            f"  {name:<24} {value:7.1f} ms  {value / floor_time:5.2f}x   "
            f"peak memory {median_peak / 1024:6.1f} MiB  {median_peak / floor_memory:5.2f}x"
        )
    value, median_peak = median_ms(ready_times), statistics.median(ready_memory)
    print(
        f"  {'brief, corpus and index in':<24} {value:7.1f} ms  {value / floor_time:5.2f}x   "
        f"peak memory {median_peak / 1024:6.1f} MiB  {median_peak / floor_memory:5.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--items", type=int, default=10_000, help="size of the generated corpus")
    parser.add_argument(
        "--paint-only", action="store_true", help="only the first-paint measurement"
    )
    arguments = parser.parse_args()
    repeat = 5 if arguments.quick else 20
    print(f"Python {sys.version.split()[0]} on {sys.platform}")
    # First, while this process is small: a child's ru_maxrss counts the memory it was forked with.
    bench_first_paint(repeat)
    if arguments.paint_only:
        return
    bench_load(repeat)
    contents = read_corpus_files(BUNDLED_CORPUS_DIR)
    corpus, _ = build_corpus(contents)
    assert corpus is not None
    bench_search(SearchIndex(corpus), "the bundled corpus", repeat)
    bench_export(corpus, max(5, repeat // 2))
    with tempfile.TemporaryDirectory() as folder:
        generated_corpus(Path(folder), arguments.items)
        start = time.perf_counter()
        big, problems = build_corpus(read_corpus_files(Path(folder)))
        assert big is not None and not problems, problems[:3]
        loaded = time.perf_counter() - start
        start = time.perf_counter()
        big_index = SearchIndex(big)
        built = time.perf_counter() - start
        print(
            f"generated corpus of {len(big)} items: "
            f"load {loaded * 1000:.0f} ms, index {built * 1000:.0f} ms"
        )
        bench_search(big_index, "the generated corpus", max(3, repeat // 4))
    bench_processes(repeat)
    __import__("search_quality").report(quick=arguments.quick)  # quality, p50/p99 to 50,000


if __name__ == "__main__":
    main()
