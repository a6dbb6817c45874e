"""Corpora and packs of any size for the benchmark, grown from the bundled corpus.

    python bench/generate.py corpus 10000 FOLDER     # a corpus folder of 10,000 items
    python bench/generate.py pack 2000 FILE          # a pack of 2,000 entries

A generated corpus holds the bundled corpus's items, then clones of them with new ids
(`ws-future-of-work-c2`) whose links, references and caveats point at the clones of the
same copy, so it validates and reads like a real one, only larger. A generated pack names
items of the bundled corpus (each of them is in every generated corpus too) with notes,
priorities and tags in the shape Briefcase writes. The same size always gives the same bytes.
"""

from __future__ import annotations

import argparse
import random
import sys
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "briefcase_tui" / "data" / "corpus"
ITEMS_PER_FILE = 500
"""Generated items per file: each file stays well under the size a corpus file may have."""
REFERENCE_FIELDS = ("venue", "envoy", "priority", "duplicate_of")
"""Fields of some kinds that hold another item's id (see `kinds.py`)."""


def _bundled() -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The bundled corpus's files other than items and caveats, its items and its caveats."""
    others: dict[str, dict[str, Any]] = {}
    items: list[dict[str, Any]] = []
    caveats: list[dict[str, Any]] = []
    for path in sorted(BUNDLED.glob("*.toml")):
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        items += document.pop("items", [])
        caveats += document.pop("caveats", [])
        if document:
            others[path.name] = document
    return others, items, caveats


def _clone(record: dict[str, Any], rename: dict[str, str]) -> dict[str, Any]:
    """A copy of an item or caveat with its own id and the ids it names renamed."""
    copy = dict(record)
    copy["id"] = rename.get(record["id"], f"{record['id']}-x")
    if "links" in copy:
        copy["links"] = [rename.get(target, target) for target in copy["links"]]
    if "items" in copy:  # a caveat's items
        copy["items"] = [rename.get(target, target) for target in copy["items"]]
    for name in REFERENCE_FIELDS:
        if isinstance(copy.get(name), str):
            copy[name] = rename.get(copy[name], copy[name])
    return copy


def generate_corpus(folder: Path, count: int) -> list[str]:
    """Write a corpus of `count` items into `folder` (which must exist); returns their ids.

    The first copy is the bundled corpus itself (cut short below its size); copy `n` renames
    every id `x` to `x-cn`. A reference to an item the last, partial copy lacks keeps
    pointing at the bundled item, which is always there.
    """
    others, items, caveats = _bundled()
    for name, document in others.items():
        (folder / name).write_text(tomli_w.dumps(document), encoding="utf-8")
    written: list[dict[str, Any]] = []
    written_caveats: list[dict[str, Any]] = []
    copy = 0
    while len(written) < count:
        chosen = items[: count - len(written)]
        if copy == 0:
            rename = {item["id"]: item["id"] for item in chosen}
            written_caveats += [c for c in caveats if all(i in rename for i in c["items"])]
        else:
            rename = {item["id"]: f"{item['id']}-c{copy}" for item in chosen}
            written_caveats += [
                _clone(c, {c["id"]: f"{c['id']}-c{copy}", **rename})
                for c in caveats
                if all(i in rename for i in c["items"])
            ]
        written += [_clone(item, rename) for item in chosen]
        copy += 1
    for start in range(0, len(written), ITEMS_PER_FILE):
        chunk = written[start : start + ITEMS_PER_FILE]
        path = folder / f"items-{start // ITEMS_PER_FILE:03d}.toml"
        path.write_text(tomli_w.dumps({"items": chunk}), encoding="utf-8")
    for start in range(0, len(written_caveats), ITEMS_PER_FILE):
        chunk = written_caveats[start : start + ITEMS_PER_FILE]
        path = folder / f"zz-caveats-{start // ITEMS_PER_FILE:03d}.toml"
        path.write_text(tomli_w.dumps({"caveats": chunk}), encoding="utf-8")
    return [item["id"] for item in written]


def corpus_ids(count: int) -> list[str]:
    """The ids `generate_corpus` gives a corpus of `count` items, without writing it."""
    ids = bundled_ids()
    chosen: list[str] = []
    copy = 0
    while len(chosen) < count:
        part = ids[: count - len(chosen)]
        chosen += part if copy == 0 else [f"{i}-c{copy}" for i in part]
        copy += 1
    return chosen


def bundled_ids() -> list[str]:
    """The ids of the bundled corpus's items, in file order."""
    return [item["id"] for item in _bundled()[1]]


def generate_pack(path: Path, entries: int, ids: list[str] | None = None, seed: int = 11) -> None:
    """Write a pack of `entries` entries (in sections of at most 200) to `path`.

    Items are drawn from `ids` (by default the bundled corpus's), each at most once while
    there are enough of them, so the pack validates against a corpus holding them all.
    Written the way Briefcase writes packs (`codec.encode_pack`), but without its size
    limits, so a pack larger than Briefcase will read can be made to see it refused.
    """
    rng = random.Random(seed)
    pool = list(ids or bundled_ids())
    rng.shuffle(pool)
    ids = pool
    chunks = [_table({"format": 1, "title": f"Generated pack of {entries:,} entries"})]
    sections = max(1, -(-entries // 200))
    made = 0
    for number in range(sections):
        chunks.append("[[sections]]\n" + _table({"title": f"Section {number + 1}"}))
        for _ in range(min(200, entries - made)):
            entry: dict[str, Any] = {}
            if made % 10 == 9:
                entry["note"] = f"A note of my own, number {made}."
            else:
                entry["item"] = ids[made % len(ids)]
                if made % 3 == 0:
                    entry["note"] = f"Ask about this before the meeting ({made})."
            if made % 4 == 0:
                entry["priority"] = rng.choice(["must", "should", "optional"])
            if made % 5 == 0:
                entry["tags"] = ["follow-up"]
            chunks.append("[[sections.entries]]\n" + _table(entry))
            made += 1
    path.write_text("\n".join(chunks), encoding="utf-8", newline="\n")


def _table(table: dict[str, Any]) -> str:
    return tomli_w.dumps(table, multiline_strings=True)


def main(arguments: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("corpus", "pack"))
    parser.add_argument("size", type=int, help="items of the corpus, or entries of the pack")
    parser.add_argument("target", type=Path, help="the corpus folder, or the pack file")
    parser.add_argument(
        "--items",
        type=int,
        default=0,
        help="for a pack: draw its items from a generated corpus of this many items",
    )
    options = parser.parse_args(arguments)
    if options.what == "corpus":
        options.target.mkdir(parents=True, exist_ok=True)
        generate_corpus(options.target, options.size)
    else:
        generate_pack(options.target, options.size, corpus_ids(options.items) or None)
    print(f"wrote {options.target}", file=sys.stderr)


if __name__ == "__main__":
    main()
