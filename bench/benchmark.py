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
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from collections.abc import Callable  # noqa: E402

from briefcase_tui.domain.corpus.build import build_corpus  # noqa: E402
from briefcase_tui.domain.corpus.files import read_corpus_files  # noqa: E402
from briefcase_tui.domain.corpus.search import SearchIndex  # noqa: E402
from briefcase_tui.paths import BUNDLED_CORPUS_DIR  # noqa: E402

if TYPE_CHECKING:
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

    Returns the seconds from launch to the marker and the child's peak memory (VmHWM, KiB).
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
        peak = 0
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
                peak = max(peak, _high_water_kib(process.pid))
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
        return painted, peak or int(usage.ru_maxrss)


def _high_water_kib(pid: int) -> int:
    """A running child's peak memory (VmHWM, KiB); 0 once it is gone.

    Not `ru_maxrss`: Linux carries the parent's peak into a child across `exec`, so a child
    of a benchmark that has grown would seem as large as the benchmark.
    """
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


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
    settings = tempfile.mkdtemp(prefix="brief-bench-config-")
    environment["XDG_CONFIG_HOME"] = settings  # the user's last pack would open on the app
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
    ):  # until the corpus is on screen (the index waits for a search): peak memory in use
        seconds, peak = run_until_painted(
            commands["brief (the app)"], environment, hook="BRIEF_BENCH_EXIT_WHEN_READY"
        )
        ready_times.append(seconds)
        ready_memory.append(peak)
    shutil.rmtree(settings, ignore_errors=True)
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
        f"  {'brief, corpus on screen':<24} {value:7.1f} ms  {value / floor_time:5.2f}x   "
        f"peak memory {median_peak / 1024:6.1f} MiB  {median_peak / floor_memory:5.2f}x"
    )


@dataclass
class Figure:
    """One figure of the issue's table: what was measured, against which floor, and its goal."""

    name: str
    value: float | None
    """Milliseconds or MiB (see `unit`); None when it could not be measured (`note` says why)."""
    unit: str
    floor: float | None = None
    """The floor measured in the same run, in the same unit, or None for an absolute goal."""
    goal_ratio: float | None = None
    goal_absolute: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        return self.value / self.floor

    def row(self) -> str:
        value = "-" if self.value is None else f"{self.value:9.1f} {self.unit:<3}"
        floor = "" if self.floor is None else f"{self.floor:7.1f}"
        ratio = self.ratio
        shown_ratio = "" if ratio is None else f"{ratio:5.2f}x"
        goals = []
        met: list[bool] = []
        if self.goal_ratio is not None:
            goals.append(f"<= {self.goal_ratio:.2g}x")
            if ratio is not None:
                met.append(ratio <= self.goal_ratio)
        if self.goal_absolute is not None:
            goals.append(f"< {self.goal_absolute:g} {self.unit}")
            if self.value is not None:
                met.append(self.value < self.goal_absolute)
        verdict = (
            "" if not met and self.value is not None else ("met" if met and all(met) else "NOT met")
        )
        return (
            f"{self.name:<52} {value:>13} {floor:>8} {shown_ratio:>7}  "
            f"{' and '.join(goals):<18} {verdict:<7} {self.note}"
        )


@dataclass
class Job:
    """One whole `brief` command of the interleaved rounds."""

    argv: list[str]
    cold: bool = False
    """Run each time with an empty corpus cache."""
    before: Callable[[int], None] | None = None
    """Called with the round number before each run (to give an edit something to change)."""


def run_job(job: Job, environment: dict[str, str], round_number: int) -> tuple[float, int]:
    """Seconds the job took and its exit status (run with its output thrown away)."""
    env = environment
    cold_folder = None
    if job.cold:
        cold_folder = tempfile.mkdtemp(prefix="brief-cold-")
        env = {**environment, "BRIEF_CACHE_DIR": cold_folder}
    if job.before is not None:
        job.before(round_number)
    try:
        start = time.perf_counter()
        finished = subprocess.run(
            job.argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
        )
        return time.perf_counter() - start, finished.returncode
    finally:
        if cold_folder is not None:
            shutil.rmtree(cold_folder, ignore_errors=True)


def interleaved(
    jobs: dict[str, Job], environment: dict[str, str], rounds: int
) -> tuple[dict[str, float], dict[str, int]]:
    """Median milliseconds of each job over `rounds` rounds run in turn, and its last status."""
    for job in jobs.values():  # warm the caches (corpus, OS files, bytecode)
        run_job(job, environment, -1)
    samples: dict[str, list[float]] = {name: [] for name in jobs}
    status: dict[str, int] = {}
    for number in range(rounds):
        for name, job in jobs.items():
            seconds, status[name] = run_job(job, environment, number)
            samples[name].append(seconds)
    return {name: median_ms(values) for name, values in samples.items()}, status


def load_probe(folder: Path, environment: dict[str, str], runs: int) -> dict[str, float]:
    """Median of `probe_load.py` runs on a folder whose cache is warm (one run warms it)."""
    command = [sys.executable, str(ROOT / "bench" / "probe_load.py"), str(folder)]
    results = []
    for _ in range(runs + 1):
        finished = subprocess.run(
            command, env=environment, capture_output=True, text=True, check=True
        )
        results.append(json.loads(finished.stdout))
    return {key: statistics.median(r[key] for r in results[1:]) for key in results[0]}


def cold_build_ms(folder: Path) -> float:
    """Validation, index and both cache files for a corpus, from its files, in this process."""
    from briefcase_tui.domain.corpus.cache import CorpusCache

    with tempfile.TemporaryDirectory() as cache:
        start = time.perf_counter()
        store = CorpusCache(Path(cache))
        contents = read_corpus_files(folder)
        store.index(contents)
        return (time.perf_counter() - start) * 1000


def search_percentiles(folder: Path) -> tuple[float, float]:
    """p50 and p99 of as-you-type search on a corpus (its index read from the warm cache)."""
    from briefcase_tui.domain.corpus.cache import load_indexed_corpus

    index = load_indexed_corpus(folder)[1]()
    samples = []
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            samples += time_call(partial(index.search, query[:end]), 3)
    samples.sort()
    return samples[len(samples) // 2] * 1000, samples[int(len(samples) * 0.99)] * 1000


def edit_shown_ms(pack: Path, rounds: int, environment: dict[str, str]) -> float:
    """Median milliseconds from `J` on the pack screen until a real terminal shows the move.

    `brief open` under a pseudo-terminal, its screen read by pyte (`pty_latency.py`): a
    headless timing waits for the whole process to be idle, the background save included.
    """
    from pty_latency import pack_latency_ms

    brief = str(Path(sys.executable).parent / "brief")
    return statistics.median(pack_latency_ms(brief, pack, rounds, environment))


def app_figures(
    brief: str, environment: dict[str, str], rounds: int, packs: dict[int, Path]
) -> list[Figure]:
    """The app next to the one-line Textual app, and the app opening each pack, interleaved.

    Run before this process grows: a child's peak memory counts what it was forked with.
    """
    minimal = [sys.executable, str(ROOT / "bench" / "minimal_textual.py")]
    paint: dict[str, list[float]] = {"minimal": [], "paint": [], "ready": [], "searchable": []}
    memory: dict[str, list[int]] = {"minimal": [], "ready": [], "searchable": []}
    opened: dict[int, list[float]] = {size: [] for size in packs}
    refused: dict[int, str] = {}
    # `brief open` remembers its pack in the settings, and a bare `brief` reopens it: the opens
    # keep settings of their own, or the bare app's rows would time a 50,000-entry pack.
    opening = {**environment, "XDG_CONFIG_HOME": environment["XDG_CONFIG_HOME"] + "-opens"}
    run_until_painted(minimal, environment)  # warm the OS file cache
    run_until_painted([brief], environment, hook="BRIEF_BENCH_EXIT_WHEN_READY")
    for _ in range(rounds):
        seconds, peak = run_until_painted(minimal, environment)
        paint["minimal"].append(seconds)
        memory["minimal"].append(peak)
        paint["paint"].append(run_until_painted([brief], environment)[0])
        seconds, peak = run_until_painted([brief], environment, hook="BRIEF_BENCH_EXIT_WHEN_READY")
        paint["ready"].append(seconds)
        memory["ready"].append(peak)
        seconds, peak = run_until_painted(
            [brief], environment, hook="BRIEF_BENCH_EXIT_WHEN_SEARCH_READY"
        )
        paint["searchable"].append(seconds)
        memory["searchable"].append(peak)
        for size, pack in packs.items():
            if size in refused:
                continue
            try:
                opened[size].append(
                    run_until_painted(
                        [brief, "open", str(pack)],
                        opening,
                        timeout=60,
                        hook="BRIEF_BENCH_EXIT_WHEN_PACK_SHOWN",
                    )[0]
                )
            except RuntimeError:
                refused[size] = "never shown: brief open refused it"
    floor_paint = median_ms(paint["minimal"])
    floor_memory = statistics.median(memory["minimal"]) / 1024
    figures = [
        Figure("floor: one-line Textual app, first paint", floor_paint, "ms", floor_paint),
        Figure("app: first paint", median_ms(paint["paint"]), "ms", floor_paint, 1.3),
        Figure("app: corpus on screen", median_ms(paint["ready"]), "ms", floor_paint, 1.6),
        Figure("floor: one-line Textual app, peak memory", floor_memory, "MiB", floor_memory),
        Figure(
            "app: peak memory once loaded",
            statistics.median(memory["ready"]) / 1024,
            "MiB",
            floor_memory,
            1.3,
        ),
        # The index is read when a first search asks for it, the agenda's filters mount a
        # frame after the corpus: what a session that searches holds, for the record.
        Figure(
            "app: index read too (as a first search)",
            median_ms(paint["searchable"]),
            "ms",
            floor_paint,
        ),
        Figure(
            "app: peak memory, index read too",
            statistics.median(memory["searchable"]) / 1024,
            "MiB",
            floor_memory,
        ),
    ]
    for size in packs:
        figures.append(
            Figure(
                f"app: a {size:,}-entry pack on screen (brief open)",
                median_ms(opened[size]) if opened[size] else None,
                "ms",
                floor_paint,
                goal_absolute=1000,
                note=refused.get(size, ""),
            )
        )
    return figures


def issue_table(rounds: int, sizes: list[int], pack_sizes: list[int]) -> None:
    """Every figure of issue 14 with its floor, measured side by side in this run."""
    from generate import bundled_ids, corpus_ids, generate_corpus, generate_pack

    brief = str(Path(sys.executable).parent / "brief")
    work = Path(tempfile.mkdtemp(prefix="brief-bench-"))
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONDONTWRITEBYTECODE", "BRIEF_CORPUS", "NO_COLOR")
    }
    environment["BRIEF_CACHE_DIR"] = str(work / "cache")
    environment["XDG_CONFIG_HOME"] = str(work / "config")  # `brief open` remembers its pack there
    figures: list[Figure] = []
    loads = [os.getloadavg()[0]]
    try:
        bundled = len(bundled_ids())
        corpora = {bundled: BUNDLED_CORPUS_DIR, **{size: work / f"corpus-{size}" for size in sizes}}
        """Corpus folders by their number of items."""
        packs: dict[int, Path] = {}
        pack_corpus: dict[int, Path] = {}
        """For each pack, the smallest corpus holding all its items (each at most once)."""
        (work / "briefs").mkdir()
        for size in pack_sizes:
            items = min((s for s in corpora if s >= size), default=max(corpora))
            packs[size] = work / "briefs" / f"pack-{size}.toml"
            pack_corpus[size] = corpora[items]
            generate_pack(packs[size], size, corpus_ids(items))
        note_pack = work / "briefs" / "pack-2000.toml"
        generate_pack(note_pack, 2000)  # bundled items, repeated: `pack note` needs no corpus
        edited = work / "briefs" / "edited-2000.toml"

        print("the app under a pseudo-terminal ...", flush=True)
        app = app_figures(brief, environment, max(3, rounds), packs)
        loads.append(os.getloadavg()[0])

        for size in sizes:
            corpora[size].mkdir()
            generate_corpus(corpora[size], size)
        small_pack = str(ROOT / "briefs" / "security-safety-brief.toml")

        def fresh_copy(_: int) -> None:
            shutil.copy(note_pack, edited)

        jobs: dict[str, Job] = {
            "floor": Job([sys.executable, str(ROOT / "bench" / "noop_typer.py")]),
            "export": Job([brief, "export", small_pack]),
            "export html": Job([brief, "export", "-F", "html", small_pack]),
            "list": Job([brief, "list", "--kind", "workstream"]),
            "show": Job([brief, "show", "ws-future-of-work"]),
            "search": Job([brief, "search", "future of work"]),
            "search cold": Job([brief, "search", "future of work"], cold=True),
            "pack note 2000": Job(
                [brief, "pack", "note", str(edited), "1", "Checked before the meeting."],
                before=fresh_copy,
            ),
        }
        for size in sizes:
            corpus = ["--corpus", str(corpora[size])]
            jobs[f"show {size}"] = Job([brief, *corpus, "show", "ws-future-of-work-c2"])
            jobs[f"export {size}"] = Job([brief, *corpus, "export", small_pack])
        for size in pack_sizes:
            corpus = ["--corpus", str(pack_corpus[size])]
            for verb in ("validate", "show"):
                jobs[f"pack {verb} {size}"] = Job([brief, *corpus, "pack", verb, str(packs[size])])
            jobs[f"export pack {size}"] = Job([brief, *corpus, "export", str(packs[size])])
        cold_sizes = [size for size in sizes if size <= 10_000]
        for size in cold_sizes:
            jobs[f"cold {size}"] = Job(
                [brief, "--corpus", str(corpora[size]), "show", "ws-future-of-work-c2"], cold=True
            )
        print(f"whole commands: {len(jobs)} of them, {rounds} interleaved rounds ...", flush=True)
        times, status = interleaved(jobs, environment, rounds)
        loads.append(os.getloadavg()[0])
        floor = times["floor"]

        def command(
            name: str, label: str, goal: float | None, absolute: float | None = None
        ) -> None:
            failed = status.get(name, 0) != 0
            figures.append(
                Figure(
                    label,
                    times[name],
                    "ms",
                    floor,
                    goal,
                    absolute,
                    note=f"exit {status[name]}" if failed else "",
                )
            )

        figures.append(Figure("floor: do-nothing Typer command", floor, "ms", floor))
        command("export", "export (Markdown), bundled corpus, warm cache", 1.2)
        command("export html", "export --format html, bundled", 1.3)
        command("list", "list --kind workstream, bundled", 1.2)
        command("show", "show ws-future-of-work, bundled", 1.2)
        command("search", "search 'future of work', bundled", 1.2)
        command("search cold", "search, bundled, empty cache", None)
        for size in sizes:
            command(f"show {size}", f"show one item at {size:,} items", 1.5)
            command(f"export {size}", f"export a 27-entry pack at {size:,} items", 1.5)
        for size in cold_sizes:
            command(f"cold {size}", f"cold start (show, empty cache) at {size:,} items", None)
        command("pack note 2000", "pack note on a 2,000-entry pack", 1.3)
        for size in pack_sizes:
            for verb in ("validate", "show"):
                command(f"pack {verb} {size}", f"pack {verb} of a {size:,}-entry pack", None, 2000)
            command(f"export pack {size}", f"export of a {size:,}-entry pack", None, 2000)

        print("in-process figures ...", flush=True)
        for size in sizes:
            if size == 10_000:
                figures.append(
                    Figure(
                        "cold build at 10,000 items (validate, index, cache)",
                        cold_build_ms(corpora[size]),
                        "ms",
                        goal_absolute=2000,
                    )
                )
            probe = load_probe(corpora[size], environment, max(3, rounds // 2))
            figures.append(
                Figure(
                    f"warm load of {size:,} items (imports apart: {probe['imports_ms']:.0f} ms)",
                    probe["load_ms"],
                    "ms",
                    goal_absolute=100 if size == 10_000 else None,
                )
            )
            figures.append(
                Figure(
                    f"warm load of {size:,} items, every item then read",
                    probe["load_ms"] + probe["walk_ms"],
                    "ms",
                )
            )
            figures.append(
                Figure(
                    f"memory, {size:,} items loaded and read (peak {probe['peak_mib']:.0f} MiB)",
                    probe["rss_mib"],
                    "MiB",
                    goal_absolute=100 if size == 10_000 else None,
                )
            )
            p50, p99 = search_percentiles(corpora[size])
            figures.append(Figure(f"search p50 at {size:,} items (goal 3)", p50, "ms"))
            figures.append(
                Figure(
                    f"search p99 at {size:,} items (goal 3)",
                    p99,
                    "ms",
                    goal_absolute=10 if size == 50_000 else None,
                )
            )
        figures += app
        for size in pack_sizes:
            try:
                latency: float | None = edit_shown_ms(packs[size], max(5, rounds), environment)
                note = ""
            except Exception as error:  # a pack the app refuses has no edit to time
                latency, note = None, f"{type(error).__name__}"
            figures.append(
                Figure(
                    f"app: J shown on a {size:,}-entry pack (terminal)",
                    latency,
                    "ms",
                    goal_absolute=50,
                    note=note,
                )
            )
        loads.append(os.getloadavg()[0])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"\nload average (1 min) during the run: {', '.join(f'{x:.2f}' for x in loads)} "
        f"on {os.cpu_count()} CPUs; {rounds} rounds\n"
    )
    print(f"{'figure':<52} {'value':>13} {'floor':>8} {'ratio':>7}  {'goal':<18} verdict")
    for figure in figures:
        print(figure.row())


def app_table(rounds: int) -> None:
    """Only the app's rows of the table (first paint, corpus in, memory): to iterate on them."""
    work = Path(tempfile.mkdtemp(prefix="brief-bench-app-"))
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONDONTWRITEBYTECODE", "BRIEF_CORPUS", "NO_COLOR")
    }
    environment["BRIEF_CACHE_DIR"] = str(work / "cache")
    environment["XDG_CONFIG_HOME"] = str(work / "config")
    try:
        figures = app_figures(str(Path(sys.executable).parent / "brief"), environment, rounds, {})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\n{'figure':<52} {'value':>13} {'floor':>8} {'ratio':>7}  {'goal':<18} verdict")
    for figure in figures:
        print(figure.row())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--items", type=int, default=10_000, help="size of the generated corpus")
    parser.add_argument(
        "--paint-only", action="store_true", help="only the first-paint measurement"
    )
    parser.add_argument(
        "--table", action="store_true", help="only the table of issue 14's figures, with floors"
    )
    parser.add_argument(
        "--sizes", default="10000,50000", help="generated corpus sizes for --table (items)"
    )
    parser.add_argument(
        "--pack-sizes", default="100,1000,10000,50000", help="generated pack sizes for --table"
    )
    parser.add_argument("--rounds", type=int, default=0, help="rounds for --table")
    parser.add_argument(
        "--app", action="store_true", help="only the app's rows of --table (paint, ready, memory)"
    )
    arguments = parser.parse_args()
    repeat = 5 if arguments.quick else 20
    if arguments.app:
        app_table(arguments.rounds or (5 if arguments.quick else 11))
        return
    if arguments.table:
        issue_table(
            arguments.rounds or (3 if arguments.quick else 7),
            [int(size) for size in arguments.sizes.split(",") if size],
            [int(size) for size in arguments.pack_sizes.split(",") if size],
        )
        return
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
