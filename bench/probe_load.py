"""Run by the benchmark in a fresh process: load a corpus through the cache, print the cost.

    python bench/probe_load.py FOLDER

Prints one JSON object: the milliseconds the imports a load needs took, then `load_corpus`
itself, then reading every item (as `list`, search and the app do); the memory held once
loaded, once every item is read, and the peak, in MiB.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def memory_mib(field: str) -> float:
    """A memory figure of this process from /proc (VmRSS now, VmHWM its peak), in MiB.

    Not `ru_maxrss`, which counts the peak of the benchmark this process was started from.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    folder = Path(sys.argv[1])
    start = time.perf_counter()
    from briefcase_tui.domain.corpus import cache, corpus, models  # noqa: F401  # what a load imports
    from briefcase_tui.domain.corpus.load import load_corpus

    imported = time.perf_counter()
    loaded_corpus = load_corpus(folder)
    loaded = time.perf_counter()
    rss_loaded = memory_mib("VmRSS")
    for _ in loaded_corpus:  # what `list`, search and the app do: every item read
        pass
    walked = time.perf_counter()
    print(
        json.dumps(
            {
                "items": len(loaded_corpus),
                "load_ms": (loaded - imported) * 1000,
                "imports_ms": (imported - start) * 1000,
                "walk_ms": (walked - loaded) * 1000,
                "rss_loaded_mib": rss_loaded,
                "rss_mib": memory_mib("VmRSS"),
                "peak_mib": memory_mib("VmHWM"),
            }
        )
    )


if __name__ == "__main__":
    main()
