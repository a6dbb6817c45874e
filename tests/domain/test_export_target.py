"""Where an export may be written: the rules the app's preview checks before it writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefcase_tui.domain.export.target import (
    check_export_folder,
    default_export_path,
    refuse_export_target,
)
from briefcase_tui.errors import BriefcaseError


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    path = tmp_path / "briefs" / "summit.v2.toml"
    path.parent.mkdir()
    path.write_text('title = "T"\n', encoding="utf-8")
    return path


def test_the_default_export_sits_beside_the_pack_named_as_brief_export_names_it(pack: Path) -> None:
    assert default_export_path(pack, ".md") == pack.parent / "summit.v2.md"
    assert default_export_path(pack, ".ics") == pack.parent / "summit.v2.ics"


@pytest.mark.parametrize("name", ["other.toml", "Other.TOML", "summit.v2.toml"])
def test_a_toml_target_is_refused_whatever_its_case(pack: Path, name: str) -> None:
    with pytest.raises(BriefcaseError, match=r"never overwrites a pack or any \.toml file"):
        refuse_export_target(pack.parent / name, [pack])


def test_the_pack_under_another_name_is_refused(pack: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(pack)
    with pytest.raises(BriefcaseError, match="refusing to overwrite it"):
        refuse_export_target(link, [pack])


def test_a_folder_is_refused_and_a_new_or_existing_export_is_allowed(pack: Path) -> None:
    with pytest.raises(BriefcaseError, match="is a folder"):
        refuse_export_target(pack.parent, [pack])
    refuse_export_target(pack.parent / "summit.md", [pack])
    (pack.parent / "summit.md").write_text("old", encoding="utf-8")
    refuse_export_target(pack.parent / "summit.md", [pack])


def test_a_missing_folder_or_a_file_as_folder_is_refused(pack: Path) -> None:
    with pytest.raises(BriefcaseError, match="no such folder"):
        check_export_folder(pack.parent / "nope" / "x.md")
    with pytest.raises(BriefcaseError, match="not a folder"):
        check_export_folder(pack / "x.md")
    check_export_folder(pack.parent / "x.md")
