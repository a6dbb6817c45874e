"""Earlier readings of items, kept with the corpus so a pack can show what changed.

When a corpus release corrects items, `brief corpus history OLD NEW` writes the old reading
of every item that changed or went into `NEW/history/VERSION.toml`: its fingerprint, its id,
the corpus version it belongs to, and the text. A pack that recorded that fingerprint can
then show the old text beside the new one (`brief pack review`, the app), even on a laptop
that never had the old corpus. The history is read only when someone reviews a pack.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefcase_tui.errors import BriefcaseError

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus

HISTORY_FOLDER = "history"
"""The folder inside a corpus folder holding one file per earlier version."""


@dataclass(frozen=True)
class EarlierReading:
    """How an item read in an earlier version of the corpus."""

    fingerprint: str
    item: str
    version: str
    text: str


def load_history(corpus_folder: Path) -> dict[str, EarlierReading]:
    """Every earlier reading kept with a corpus, by fingerprint (none when it keeps none)."""
    from briefcase_tui.domain.storage import read_bytes
    from briefcase_tui.domain.tomlio import MAX_TOML_BYTES, decode_toml_bytes, parse_toml

    folder = corpus_folder / HISTORY_FOLDER
    found: dict[str, EarlierReading] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.toml")):
        document = parse_toml(decode_toml_bytes(read_bytes(path, MAX_TOML_BYTES), path), path)
        for number, raw in enumerate(document.get("items", []), start=1):
            reading = _reading(raw)
            if reading is None:
                raise BriefcaseError(
                    f"item {number}: expected fingerprint, item, version and text, all strings",
                    path,
                )
            found[reading.fingerprint] = reading
    return found


def _reading(raw: Any) -> EarlierReading | None:
    keys = ("fingerprint", "item", "version", "text")
    if not isinstance(raw, dict) or set(raw) != set(keys):
        return None
    if not all(isinstance(raw[key], str) for key in keys):
        return None
    return EarlierReading(raw["fingerprint"], raw["item"], raw["version"], raw["text"])


def changed_readings(old: Corpus, new: Corpus) -> list[EarlierReading]:
    """The old reading of each item of `old` that reads differently in `new`, or is gone."""
    from briefcase_tui.domain.corpus.fingerprint import item_fingerprint, item_reading

    changed = []
    for item in old:
        before = item_fingerprint(item, old)
        now = new.get(item.id)
        if now is not None and item_fingerprint(now, new) == before:
            continue
        changed.append(EarlierReading(before, item.id, old.info.version, item_reading(item, old)))
    return changed


def encode_history(readings: list[EarlierReading]) -> bytes:
    """A history file: a comment saying what it is, then one table per reading."""
    import tomli_w

    header = (
        "# How items read in an earlier version of this corpus, for packs made with it.\n"
        "# Written by `brief corpus history`; `brief pack review` shows these beside today's.\n\n"
    )
    body = tomli_w.dumps({"items": [vars(reading) for reading in readings]}, multiline_strings=True)
    return (header + body).encode("utf-8")
