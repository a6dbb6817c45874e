"""Golden files: every example pack in every format, a hostile pack, and each template's output.

A change to a renderer or a template shows up here as a diff a reviewer can read. To accept
an intended change, run `BRIEF_UPDATE_GOLDEN=1 python -m pytest tests/domain/test_export_golden.py`
and review the changed files before committing them.
"""

from __future__ import annotations

import io
import os
import xml.dom.minidom
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefcase_tui.domain.export import render_pack
from briefcase_tui.domain.export.formats import export_format, format_names
from briefcase_tui.domain.packs.codec import decode_pack, encode_pack
from briefcase_tui.domain.packs.templates import load_templates

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
EXAMPLE_PACKS = sorted((ROOT / "briefs").glob("*.toml"))
HOSTILE_PACK = ROOT / "tests" / "data" / "packs" / "hostile.toml"
TEMPLATE_PARAMETERS = {
    "day-sheet": {"day": "2025-02-10"},
    "workstream-brief": {"workstream": "ws-international-governance"},
    "tech7-vs-statement": {},
    "meeting-brief": {
        "workstream": "ws-security-safety",
        "counterpart": "person-guillaume-poupard",
        "day": "2025-02-10",
    },
}


def check_golden(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("BRIEF_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert path.exists(), f"no golden file {name}; run with BRIEF_UPDATE_GOLDEN=1 to create it"
    assert data == path.read_bytes(), f"{name} differs from its golden file"


def test_there_are_at_least_three_example_packs_and_each_loads() -> None:
    assert len(EXAMPLE_PACKS) >= 3
    for path in EXAMPLE_PACKS:
        assert decode_pack(path.read_bytes(), path).entry_count() > 0


@pytest.mark.parametrize("format", format_names())
@pytest.mark.parametrize("pack_path", [*EXAMPLE_PACKS, HOSTILE_PACK], ids=lambda p: p.stem)
def test_each_pack_exports_exactly_its_golden_file(
    corpus: Corpus, pack_path: Path, format: str
) -> None:
    pack = decode_pack(pack_path.read_bytes(), pack_path)
    data = render_pack(pack, corpus, format)
    if format == "docx":
        check_golden(f"export/{pack_path.stem}.docx.xml", readable_docx(data))
    else:
        check_golden(f"export/{pack_path.stem}{export_format(format).extension}", data)


def readable_docx(data: bytes) -> bytes:
    """A Word file's text parts, indented: a diff a reviewer can read.

    The zip itself is compressed, and compressed bytes may differ between zlib builds for
    the same content; the determinism of the bytes is tested in test_export_docx.py.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [
            f"<!-- {name} -->\n"
            + xml.dom.minidom.parseString(archive.read(name)).toprettyxml(indent=" ")
            for name in ("docProps/core.xml", "word/document.xml")
        ]
    return "".join(parts).encode("utf-8")


@pytest.mark.parametrize("name", list(TEMPLATE_PARAMETERS))
def test_each_template_makes_exactly_its_golden_pack(corpus: Corpus, name: str) -> None:
    template = load_templates()[name]
    pack = template.instantiate(corpus, f"From the {name} template", TEMPLATE_PARAMETERS[name])
    check_golden(f"templates/{name}.toml", encode_pack(pack))


def test_every_bundled_template_has_a_golden_test() -> None:
    assert set(load_templates()) == set(TEMPLATE_PARAMETERS)
