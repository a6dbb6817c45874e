"""A Markdown export written in pieces: the same bytes as whole, and still an atomic write."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefcase_tui.domain.export import markdown
from briefcase_tui.domain.export.formats import export_format
from briefcase_tui.domain.packs.codec import decode_pack
from briefcase_tui.domain.storage import atomic_write_pieces
from briefcase_tui.errors import BriefcaseError

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "export"
PACKS = [
    *sorted((ROOT / "briefs").glob("*.toml")),
    ROOT / "tests" / "data" / "packs" / "hostile.toml",
]


@pytest.mark.parametrize("blocks", [1, 2, 7])
@pytest.mark.parametrize("pack_path", PACKS, ids=lambda p: p.stem)
def test_markdown_cut_into_pieces_of_any_size_is_exactly_its_golden_file(
    corpus: Corpus, pack_path: Path, blocks: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(markdown, "PIECE_BLOCKS", blocks)
    pack = decode_pack(pack_path.read_bytes(), pack_path)
    pieces = list(export_format("markdown").pieces(pack, corpus))
    assert len(pieces) > 2  # really cut: a piece every few entries, then the last and its newline
    assert b"".join(pieces) == (GOLDEN / f"{pack_path.stem}.md").read_bytes()


def test_an_export_that_fails_while_its_pieces_are_made_leaves_the_old_file_alone(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "brief.md"
    target.write_bytes(b"the export of yesterday\n")

    def pieces() -> Iterator[bytes]:
        yield b"# Half a brief\n\n" * 1000
        raise BriefcaseError("the corpus went away")

    with pytest.raises(BriefcaseError, match="the corpus went away"):
        atomic_write_pieces(target, pieces())
    assert target.read_bytes() == b"the export of yesterday\n"
    assert [p.name for p in folder.iterdir()] == ["brief.md"]


def test_an_export_in_pieces_replaces_the_old_file_with_every_piece_in_order(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "brief.md"
    target.write_bytes(b"old\n")
    atomic_write_pieces(target, (f"piece {n}\n".encode() for n in range(5000)))
    assert target.read_bytes() == b"".join(f"piece {n}\n".encode() for n in range(5000))
    assert [p.name for p in folder.iterdir()] == ["brief.md"]
