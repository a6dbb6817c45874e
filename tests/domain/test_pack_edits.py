"""Pure pack edits: each returns a new pack, leaves the original alone, refuses what makes no
sense."""

from __future__ import annotations

import pytest

from briefcase_tui.domain.packs import edit
from briefcase_tui.domain.packs.edit import EditError
from briefcase_tui.domain.packs.models import Entry, Pack, Section


def _pack() -> Pack:
    return Pack(
        title="P",
        sections=(
            Section(
                title="Context",
                entries=(Entry(item="a-one"), Entry(note="free note"), Entry(item="a-two")),
            ),
            Section(title="Asks", entries=(Entry(item="b-one"),)),
            Section(title="Empty"),
        ),
    )


def _ids(pack: Pack) -> list[list[str]]:
    return [[e.item or f"note:{e.note}" for e in s.entries] for s in pack.sections]


def test_an_edit_returns_a_new_pack_and_leaves_the_original_untouched() -> None:
    original = _pack()
    changed = edit.remove_entry(original, (0, 0))
    assert _ids(original)[0] == ["a-one", "note:free note", "a-two"]
    assert _ids(changed)[0] == ["note:free note", "a-two"]


def test_find_section_accepts_a_title_in_any_case_or_a_number_from_one() -> None:
    pack = _pack()
    assert edit.find_section(pack, "asks") == 1
    assert edit.find_section(pack, "3") == 2


def test_find_section_suggests_the_nearest_title() -> None:
    with pytest.raises(EditError, match="did you mean 'Context'"):
        edit.find_section(_pack(), "Contxt")


def test_find_entry_counts_numbers_across_sections_notes_included() -> None:
    pack = _pack()
    assert edit.find_entry(pack, "2") == (0, 1)
    assert edit.find_entry(pack, "4") == (1, 0)
    assert edit.find_entry(pack, "a-two") == (0, 2)
    with pytest.raises(EditError):
        edit.find_entry(pack, "5")
    with pytest.raises(EditError, match="did you mean 'a-two'"):
        edit.find_entry(pack, "a-twoo")


def test_adding_an_item_already_in_the_pack_is_refused() -> None:
    with pytest.raises(EditError, match="already in the pack"):
        edit.add_entries(_pack(), [Entry(item="b-one")], section=0)


def test_adding_to_a_pack_without_sections_makes_a_first_section() -> None:
    pack = edit.add_entries(Pack(title="New"), [Entry(item="x")])
    assert [s.title for s in pack.sections] == [edit.DEFAULT_SECTION_TITLE]


def test_adding_at_a_position_inserts_there() -> None:
    pack = edit.add_entries(_pack(), [Entry(item="c-one")], section=1, position=0)
    assert _ids(pack)[1] == ["c-one", "b-one"]


def test_moving_an_entry_to_another_section_puts_it_last_unless_a_position_is_given() -> None:
    assert _ids(edit.move_entry(_pack(), (0, 0), section=1))[1] == ["b-one", "a-one"]
    assert _ids(edit.move_entry(_pack(), (0, 0), section=1, position=0))[1] == ["a-one", "b-one"]


def test_moving_within_a_section_reorders_it() -> None:
    assert _ids(edit.move_entry(_pack(), (0, 2), position=0))[0] == [
        "a-two",
        "a-one",
        "note:free note",
    ]


def test_shifting_past_the_edge_of_a_section_crosses_into_the_next() -> None:
    pack, at = edit.shift_entry(_pack(), (0, 2), +1)
    assert at == (1, 0) and _ids(pack)[1] == ["a-two", "b-one"]


def test_updating_an_entry_validates_like_a_loaded_file() -> None:
    pack = edit.update_entry(_pack(), (0, 0), note="mine", priority="must", tags=("x", "x", "y"))
    entry = pack.sections[0].entries[0]
    assert (entry.note, entry.priority, entry.tags) == ("mine", "must", ("x", "y"))
    with pytest.raises(EditError):
        edit.update_entry(_pack(), (0, 0), priority="urgent")
    with pytest.raises(EditError, match="needs an item id or a note"):
        edit.update_entry(_pack(), (0, 1), note="")


def test_section_titles_stay_unique_when_adding_or_renaming() -> None:
    with pytest.raises(EditError, match="already has a section"):
        edit.add_section(_pack(), "asks")
    with pytest.raises(EditError, match="already has a section"):
        edit.rename_section(_pack(), 0, "ASKS")
    assert edit.rename_section(_pack(), 0, "Background").sections[0].title == "Background"


def test_removing_a_section_with_entries_needs_consent() -> None:
    with pytest.raises(EditError, match="holds 3 entries"):
        edit.remove_section(_pack(), 0)
    assert [s.title for s in edit.remove_section(_pack(), 0, with_entries=True).sections] == [
        "Asks",
        "Empty",
    ]
    assert [s.title for s in edit.remove_section(_pack(), 2).sections] == ["Context", "Asks"]


def test_moving_a_section_keeps_its_entries() -> None:
    pack = edit.move_section(_pack(), 1, 0)
    assert [s.title for s in pack.sections] == ["Asks", "Context", "Empty"]
    assert _ids(pack)[0] == ["b-one"]


def test_update_details_refuses_an_unknown_field_and_an_empty_title() -> None:
    assert edit.update_details(_pack(), audience="Minister").audience == "Minister"
    with pytest.raises(EditError, match="unknown pack field"):
        edit.update_details(_pack(), colour="red")
    with pytest.raises(EditError):
        edit.update_details(_pack(), title="")
