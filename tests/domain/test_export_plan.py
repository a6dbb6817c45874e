"""The export plan: which pack goes to which file, refusals before writing, ids the corpus lacks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefcase_tui.domain.export.formats import export_format
from briefcase_tui.domain.export.plan import (
    choose_export_format,
    export_file_name,
    missing_ids,
    plan_export,
)
from briefcase_tui.domain.packs.models import Entry, Pack, Section
from briefcase_tui.domain.packs.store import PackFile, PackStore
from briefcase_tui.errors import BriefcaseError

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus

GAPS = Pack(
    title="Gaps",
    sections=(
        Section(title="A", entries=(Entry(item="gone-one"), Entry(item="ws-future-of-work"))),
        Section(title="B", entries=(Entry(note="free"), Entry(item="gone-two"))),
    ),
)


@pytest.fixture
def packs(tmp_path: Path) -> list[PackFile]:
    folder = tmp_path / "briefs"
    folder.mkdir()
    store = PackStore(folder)
    return [store.create(Pack(title="Summit day")), store.create(GAPS)]


def test_missing_ids_are_in_pack_order_each_once(corpus: Corpus) -> None:
    twice = GAPS.model_copy(
        update={"sections": (*GAPS.sections, Section(title="C", entries=(Entry(item="gone-one"),)))}
    )
    assert missing_ids(twice, corpus) == ("gone-one", "gone-two")
    assert missing_ids(Pack(title="Clean"), corpus) == ()


def test_a_folder_gets_one_file_per_pack_named_after_it(
    packs: list[PackFile], tmp_path: Path, corpus: Corpus
) -> None:
    html = export_format("html")
    plan = plan_export(packs, corpus, html, folder=tmp_path / "out")
    assert [p.target for p in plan.exports] == [
        tmp_path / "out" / "summit-day.html",
        tmp_path / "out" / "gaps.html",
    ]
    assert [p.missing for p in plan.exports] == [(), ("gone-one", "gone-two")]
    assert [p.source.path.name for p in plan.with_missing()] == ["gaps.toml"]
    assert export_file_name(Path("b/summit.v2.toml"), html) == "summit.v2.html"


def test_the_plan_writes_the_rendered_bytes_into_a_folder_it_makes(
    packs: list[PackFile], tmp_path: Path, corpus: Corpus
) -> None:
    ics = export_format("ics")
    plan = plan_export(packs, corpus, ics, folder=tmp_path / "out")
    assert not (tmp_path / "out").exists()
    plan.make_folder()
    for planned in plan.exports:
        assert plan.write(planned, plan.render(planned, corpus)) == planned.target
    assert (tmp_path / "out" / "gaps.ics").read_bytes() == ics.render(GAPS, corpus)


def test_no_folder_is_made_below_a_missing_one(
    packs: list[PackFile], tmp_path: Path, corpus: Corpus
) -> None:
    plan = plan_export(packs, corpus, export_format("json"), folder=tmp_path / "no" / "out")
    with pytest.raises(BriefcaseError, match="no such folder"):
        plan.make_folder()
    assert not (tmp_path / "no").exists()


def test_without_a_file_or_folder_each_export_goes_to_stdout(
    packs: list[PackFile], corpus: Corpus
) -> None:
    plan = plan_export(packs[:1], corpus, export_format("markdown"))
    assert [p.target for p in plan.exports] == [None]
    with pytest.raises(ValueError, match="standard output"):
        plan.write(plan.exports[0], b"")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("notes.toml", "never overwrites a pack or any .toml file"),
        ("briefs/gaps.toml", "never overwrites a pack or any .toml file"),
        ("briefs", "is a folder"),
        ("nowhere/x.md", "no such folder"),
    ],
)
def test_a_target_that_could_destroy_a_file_is_refused_before_anything_is_written(
    packs: list[PackFile], tmp_path: Path, corpus: Corpus, name: str, message: str
) -> None:
    with pytest.raises(BriefcaseError, match=message):
        plan_export(packs[1:], corpus, export_format("markdown"), target=tmp_path / name)


def test_two_packs_on_one_file_are_refused(
    packs: list[PackFile], tmp_path: Path, corpus: Corpus
) -> None:
    with pytest.raises(BriefcaseError, match="would both be exported here"):
        plan_export(packs, corpus, export_format("markdown"), target=tmp_path / "both.md")


def test_without_a_format_the_file_extension_chooses_it_and_anything_else_is_markdown() -> None:
    def chosen(name: str | None) -> str:
        return choose_export_format(None, Path(name) if name else None).name

    assert chosen("a/brief.html") == chosen("brief.HTM") == "html"
    assert chosen("brief.markdown") == chosen("brief.md") == "markdown"
    assert chosen("brief.json") == "json" and chosen("brief.ics") == "ics"
    assert chosen("brief.txt") == chosen("brief") == chosen(None) == "markdown"


def test_a_chosen_format_stands_unless_the_file_extension_names_another() -> None:
    html = export_format("html")
    assert choose_export_format(html, Path("brief.html")) is html
    assert choose_export_format(html, Path("brief.txt")) is html
    assert choose_export_format(html, None) is html
    with pytest.raises(BriefcaseError) as refused:
        choose_export_format(html, Path("brief.md"))
    assert str(refused.value) == (
        "brief.md: the extension .md means Markdown, not HTML; change the extension or the format"
    )


def test_the_plan_refuses_a_file_whose_extension_names_another_format(
    packs: list[PackFile], corpus: Corpus, tmp_path: Path
) -> None:
    with pytest.raises(BriefcaseError, match="means iCalendar, not JSON"):
        plan_export(packs[:1], corpus, export_format("json"), target=tmp_path / "cal.ics")
    assert not (tmp_path / "cal.ics").exists()
