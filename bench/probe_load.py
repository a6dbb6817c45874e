"""Run by the benchmark in a fresh process: load a corpus through the cache, print the cost.

    python bench/probe_load.py FOLDER

Prints one JSON object: the milliseconds `load_corpus` took (imports included, as a command
pays them), the memory the process holds once loaded and its peak, in MiB.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def resident_mib() -> float:
    """The memory this process holds now (VmRSS), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    folder = Path(sys.argv[1])
    start = time.perf_counter()
    from briefcase_tui.domain.corpus.load import load_corpus

    corpus = load_corpus(folder)
    loaded = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "items": len(corpus),
                "load_ms": loaded * 1000,
                "rss_mib": resident_mib(),
                "peak_mib": peak,
            }
        )
    )


if __name__ == "__main__":
    main()
