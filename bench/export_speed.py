"""Export speed: generated packs of 100 and 1,000 entries rendered in-process in every format.

Run inside the project's virtual environment:

    python bench/export_speed.py            # median of 10 runs per format and size
    python bench/export_speed.py --quick    # median of 3

Times are also given as a ratio to the Markdown export of the same pack, measured in the
same run: absolute times on a shared machine drift by 10-30 % between runs, ratios far less.
The HTML export's target is 300 ms for 1,000 entries.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefcase_tui.domain.corpus.load import load_corpus  # noqa: E402
from briefcase_tui.domain.export import render_pack  # noqa: E402
from briefcase_tui.domain.export.formats import format_names  # noqa: E402
from briefcase_tui.domain.packs.models import Entry, Pack, Section  # noqa: E402
from briefcase_tui.paths import BUNDLED_CORPUS_DIR  # noqa: E402

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus

SIZES = (100, 1_000)
ENTRIES_PER_SECTION = 50


def generated_pack(corpus: Corpus, entries: int, seed: int = 11) -> Pack:
    """A pack of corpus items and free notes, with priorities, tags and notes to escape."""
    rng = random.Random(seed)
    ids = [item.id for item in corpus]
    sections = []
    for number in range(max(1, entries // ENTRIES_PER_SECTION)):
        count = min(ENTRIES_PER_SECTION, entries)
        section_entries = tuple(
            Entry(
                item=rng.choice(ids),
                note=f"Note {number}-{n}: *check* [this] | before the meeting.",
                priority=rng.choice(["must", "should", "optional", None]),
                tags=("follow-up",),
            )
            if n % 5
            else Entry(note=f"Free note {number}-{n}\nwith a second line")
            for n in range(count)
        )
        sections.append(
            Section(
                title=f"Section {number}",
                intro="Why this section matters.",
                entries=section_entries,
            )
        )
    return Pack(title=f"Generated pack of {entries:,} entries", sections=tuple(sections))


def median_ms(pack: Pack, corpus: Corpus, format: str, repeat: int) -> float:
    """The median time of rendering the pack in this format, in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        render_pack(pack, corpus, format)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="median of 3 runs instead of 10")
    repeat = 3 if parser.parse_args().quick else 10
    corpus = load_corpus(BUNDLED_CORPUS_DIR)
    print(f"Python {sys.version.split()[0]}; in-process export, median of {repeat} runs")
    for size in SIZES:
        pack = generated_pack(corpus, size)
        for format in format_names():
            render_pack(pack, corpus, format)  # warm: first-use imports are not export time
        times = {format: median_ms(pack, corpus, format, repeat) for format in format_names()}
        print(f"{pack.entry_count():>5} entries:")
        for format, ms in times.items():
            size_kib = len(render_pack(pack, corpus, format)) // 1024
            ratio = ms / times["markdown"]
            print(f"  {format:<9} {ms:7.1f} ms  {ratio:5.2f}x markdown  {size_kib:>5} KiB")


if __name__ == "__main__":
    main()
