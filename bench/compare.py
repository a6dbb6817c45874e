"""Compare the start-up of `brief` commands between two checkouts, run side by side.

    python bench/compare.py OLD_CHECKOUT NEW_CHECKOUT [--runs 20]

Each checkout needs its own `.venv` with the package installed (`pip install -e .`). The
commands alternate between the two trees, in alternating order, so the drift of a shared
machine falls on both alike; the figure to read is the ratio new/old of the medians.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import time
from pathlib import Path

COMMANDS: dict[str, list[str]] = {
    "export (Markdown)": ["export", "briefs/security-safety-brief.toml"],
    "export --format html": ["export", "briefs/security-safety-brief.toml", "-F", "html"],
    "show": ["show", "ws-future-of-work"],
    "search": ["search", "future of work"],
    "pack list": ["pack", "list"],
}


def run_once(tree: Path, arguments: list[str]) -> float:
    """Seconds one `brief ARGS` takes in this checkout, from start to exit."""
    start = time.perf_counter()
    subprocess.run(
        [str(tree / ".venv" / "bin" / "brief"), "--briefs", str(tree / "briefs"), *arguments],
        cwd=tree,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path, help="the checkout to compare against")
    parser.add_argument("new", type=Path, help="the checkout being measured")
    parser.add_argument("--runs", type=int, default=20, help="runs of each command in each tree")
    options = parser.parse_args()
    trees = {"old": options.old.resolve(), "new": options.new.resolve()}
    samples: dict[tuple[str, str], list[float]] = {(t, c): [] for t in trees for c in COMMANDS}
    for run in range(options.runs):
        order = list(trees.items()) if run % 2 == 0 else list(trees.items())[::-1]
        for command, arguments in COMMANDS.items():
            for name, tree in order:
                samples[(name, command)].append(run_once(tree, arguments))
    print(f"median of {options.runs} alternating runs:")
    for command in COMMANDS:
        old = statistics.median(samples[("old", command)]) * 1000
        new = statistics.median(samples[("new", command)]) * 1000
        print(f"  {command:22} old {old:6.1f} ms   new {new:6.1f} ms   new/old {new / old:.3f}")


if __name__ == "__main__":
    main()
