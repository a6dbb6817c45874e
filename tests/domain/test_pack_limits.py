"""Issue 14: packs in Briefcase's layout may reach 16 MiB; reading any such file stays bounded.

A pack in the layout the codec writes is read by the layout reader, with its own limits
(`MAX_PACK_BYTES`, `MAX_PACK_PIECES`); any other file keeps tomllib's 1 MiB limit. The worst
shapes of a file at 16 MiB, in our layout and out of it, go through the real pack parse path
in a child process under an address-space limit and a generous wall-clock timeout: each is
read or refused in our words, never by running out of memory, and the child's peak memory
stays far below what tomllib would have taken.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefcase_tui.domain.packs.codec import decode_pack, encode_pack
from briefcase_tui.domain.packs.layout import MAX_PACK_BYTES, MAX_PACK_PIECES
from briefcase_tui.domain.packs.models import Entry, Pack, Section
from briefcase_tui.domain.packs.store import PackStore
from briefcase_tui.domain.tomlio import MAX_TOML_BYTES
from briefcase_tui.errors import BriefcaseError
from tests.limits import run_shape_in_child

MEMORY_LIMIT = 1024 * 1024 * 1024
"""The child's address space: what Python, pydantic and a 16 MiB file need, with room."""
PEAK_MB = 300
"""Resident memory the worst shape may reach (each stays under 150 MB here)."""
WALL_SECONDS = 60

CHILD = '''
import json, resource, sys, time
from briefcase_tui.domain.packs.codec import decode_pack
from briefcase_tui.domain.packs.layout import MAX_PACK_BYTES as N
from briefcase_tui.errors import BriefcaseError

HEAD = 'title = "t"\\n\\n[[sections]]\\ntitle = "s"\\n'
def fill(unit, head=HEAD, tail=""):
    return head + unit * ((N - len(head) - len(tail)) // len(unit)) + tail

SHAPES = {
    "entry tables": lambda: fill('\\n[[sections.entries]]\\nnote = "n"\\n'),
    "empty entry tables": lambda: fill('[[sections.entries]]\\n'),
    "a huge array of tags": lambda: fill(
        '    "a",\\n', HEAD + '\\n[[sections.entries]]\\nnote = "n"\\ntags = [\\n', "]\\n"
    ),
    "keys": lambda: fill('k = 1\\n', "", ""),
    "blank lines": lambda: fill("\\n"),
    "one long line": lambda: fill("x", HEAD + 'intro = "', '"\\n'),
    "a long multi-line note": lambda: fill("ab\\n", HEAD + 'intro = """\\n', '"""\\n'),
    "an unclosed multi-line note": lambda: fill("ab\\n", HEAD + 'intro = """\\n'),
    "escapes": lambda: fill("\\\\n", HEAD + 'intro = "', '"\\n'),
    "unicode escapes": lambda: fill("\\\\u0001", HEAD + 'intro = "', '"\\n'),
    "escaped quotes in a multi-line note": lambda: fill(
        '\\\\"\\n', HEAD + 'intro = """\\n', '"""\\n'
    ),
    "deep arrays": lambda: fill("[", "a="),
    "one long dotted key": lambda: "a" + ".a" * (N // 2 - 4) + "=1\\n",
    "many dotted keys": lambda: "".join(f"k{i}" + ".a" * 31 + "=1\\n" for i in range(N // 80)),
    "comment lines": lambda: fill("#\\n"),
}
text = SHAPES[sys.argv[1]]()
data = text.encode()
assert len(data) <= N, len(data)
del text
started = time.perf_counter()
try:
    decode_pack(data, "worst.toml")
    outcome = "read"
except BriefcaseError as error:
    outcome = error.message
except MemoryError:
    outcome = "out of memory"
def peak_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
seconds = time.perf_counter() - started
print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_mb": peak_mb()}))
'''

SHAPES = [
    "entry tables",
    "empty entry tables",
    "a huge array of tags",
    "keys",
    "blank lines",
    "one long line",
    "a long multi-line note",
    "an unclosed multi-line note",
    "escapes",
    "unicode escapes",
    "escaped quotes in a multi-line note",
    "deep arrays",
    "one long dotted key",
    "many dotted keys",
    "comment lines",
]


@pytest.mark.parametrize("shape", SHAPES)
def test_the_worst_shapes_of_a_16_mib_pack_are_read_or_refused_within_bounds(shape: str) -> None:
    report = run_shape_in_child(
        CHILD, shape, memory=MEMORY_LIMIT, seconds=WALL_SECONDS, doing="reading"
    )
    assert report["outcome"] != "out of memory", report
    assert report["peak_mb"] < PEAK_MB, report


def test_a_pack_larger_than_16_mib_is_refused_in_one_line_naming_the_file() -> None:
    data = b'title = "t"\nsummary = "' + b"x" * MAX_PACK_BYTES + b'"\n'
    with pytest.raises(BriefcaseError) as refused:
        decode_pack(data, "big.toml")
    assert str(refused.value) == "big.toml: file is larger than 16 MiB"


def test_a_pack_over_1_mib_not_in_our_layout_is_refused_and_one_in_it_is_read() -> None:
    words = "word " * (MAX_TOML_BYTES // 5)
    ours = f'title = "t"\nsummary = "{words}"\n'
    assert decode_pack(ours.encode(), "ours.toml").summary == words
    theirs = f"# written by hand\n{ours}"
    with pytest.raises(
        BriefcaseError, match=r"^theirs\.toml: file is larger than 1 MiB and not laid"
    ):
        decode_pack(theirs.encode(), "theirs.toml")


def test_a_hand_written_pack_within_1_mib_is_still_read_by_tomllib() -> None:
    text = "# my pack\ntitle = 'Summit'  # literal string\n[[sections]]\ntitle = \"One\"\n"
    pack = decode_pack(text.encode(), "hand.toml")
    assert pack.title == "Summit" and pack.sections[0].title == "One"


def test_a_pack_with_more_pieces_than_reading_allows_is_refused_in_our_words() -> None:
    entries = "".join('[[sections.entries]]\nnote = "n"\n' for _ in range(MAX_PACK_PIECES // 2))
    text = f'title = "t"\n[[sections]]\ntitle = "s"\n{entries}'
    with pytest.raises(BriefcaseError, match=r"^many.toml: too many keys, values and tables"):
        decode_pack(text.encode(), "many.toml")


def test_a_pack_too_large_to_read_back_is_not_saved_and_the_file_is_untouched(
    tmp_path: Path,
) -> None:
    store = PackStore(tmp_path / "briefs")
    created = store.create(Pack(title="Summit"))
    before = created.path.read_bytes()
    huge = created.pack.model_copy(update={"summary": "word " * (MAX_PACK_BYTES // 5 + 1)})
    with pytest.raises(
        BriefcaseError, match=r"^cannot save: the pack would be 16,385 KiB, over the 16,384 KiB"
    ):
        store.save(created, huge)
    assert created.path.read_bytes() == before
    assert [p.name for p in store.folder.iterdir()] == ["summit.toml"]


def test_a_pack_just_within_the_size_limit_is_saved_and_read_back(tmp_path: Path) -> None:
    store = PackStore(tmp_path)
    created = store.create(Pack(title="Summit"))
    large = created.pack.model_copy(update={"summary": "word " * (MAX_PACK_BYTES // 5 - 100)})
    saved = store.save(created, large)
    assert store.load(saved.path).pack == large


def test_a_pack_at_the_piece_limit_is_saved_and_read_but_one_more_piece_is_refused() -> None:
    """Pieces as the reader counts them: a header, each key, each item of an array."""
    fixed = 8  # format, title, summary, audience, meeting, author; a section's header, title
    count = (MAX_PACK_PIECES - fixed) // 4  # each entry: its header, its note, tags, one tag
    assert fixed + 4 * count == MAX_PACK_PIECES
    section = Section.model_construct(
        title="s", entries=(Entry.model_construct(note="n", tags=("a",)),) * count
    )
    full = Pack.model_construct(
        title="t", summary="s", audience="a", meeting="m", author="a", sections=(section,)
    )
    assert decode_pack(encode_pack(full), "full.toml").entry_count() == count
    one_more = full.model_copy(update={"corpus_version": "1"})
    with pytest.raises(BriefcaseError, match=r"^cannot save: too many keys, values and tables"):
        encode_pack(one_more)
