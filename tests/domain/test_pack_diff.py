"""`diff_packs`: what changed between two versions of a pack, in the pack's own terms."""

from __future__ import annotations

from briefcase_tui.domain.packs.codec import decode_pack
from briefcase_tui.domain.packs.diff import diff_packs
from briefcase_tui.domain.packs.models import Pack

BEFORE = """title = "Before"
audience = "Minister"

[[sections]]
title = "Context"

[[sections.entries]]
item = "ws-future-of-work"
note = "old note"
priority = "must"
tags = ["a"]

[[sections.entries]]
item = "ws-international-governance"

[[sections.entries]]
note = "Bring the badge"

[[sections]]
title = "Asks"

[[sections.entries]]
item = "day-2025-02-11"

[[sections.entries]]
item = "day-2025-02-10"
"""


def _pack(text: str) -> Pack:
    return decode_pack(text.encode(), "p.toml")


def test_identical_packs_have_no_differences() -> None:
    assert diff_packs(_pack(BEFORE), _pack(BEFORE)).is_empty


def test_a_changed_title_and_a_cleared_audience_are_detail_changes() -> None:
    after = BEFORE.replace('title = "Before"', 'title = "After"').replace(
        'audience = "Minister"\n', ""
    )
    changes = diff_packs(_pack(BEFORE), _pack(after))
    assert [(c.field, c.old, c.new) for c in changes.details] == [
        ("title", "Before", "After"),
        ("audience", "Minister", ""),
    ]
    assert not changes.sections and not changes.entries


def test_added_and_removed_entries_name_their_section() -> None:
    after = BEFORE.replace('item = "day-2025-02-10"', 'item = "day-2025-02-12"')
    changes = diff_packs(_pack(BEFORE), _pack(after))
    assert {(c.kind, c.entry, c.section) for c in changes.entries} == {
        ("removed", "day-2025-02-10", "Asks"),
        ("added", "day-2025-02-12", "Asks"),
    }


def test_note_priority_and_tags_changes_are_reported_for_the_same_item() -> None:
    after = BEFORE.replace('note = "old note"', 'note = "new note"').replace(
        'priority = "must"', 'priority = "optional"'
    )
    after = after.replace('tags = ["a"]', 'tags = ["b"]')
    changes = diff_packs(_pack(BEFORE), _pack(after))
    assert {(c.kind, c.old, c.new) for c in changes.entries} == {
        ("note", "old note", "new note"),
        ("priority", "must", "optional"),
        ("tags", "a", "b"),
    }


def test_an_entry_moved_to_another_section_is_one_move() -> None:
    before = _pack(BEFORE)
    from briefcase_tui.domain.packs.edit import move_entry

    after = move_entry(before, (0, 1), section=1, position=0)
    changes = diff_packs(before, after)
    assert [(c.kind, c.entry, c.old, c.new) for c in changes.entries] == [
        ("moved", "ws-international-governance", "Context", "Asks")
    ]


def test_inserting_an_entry_does_not_make_the_ones_after_it_look_moved() -> None:
    before = _pack(BEFORE)
    from briefcase_tui.domain.packs.edit import add_entries
    from briefcase_tui.domain.packs.models import Entry

    after = add_entries(before, [Entry(item="day-2025-02-12")], section=0, position=0)
    changes = diff_packs(before, after)
    assert [(c.kind, c.entry) for c in changes.entries] == [("added", "day-2025-02-12")]


def test_swapping_two_entries_reports_a_move_within_the_section() -> None:
    before = _pack(BEFORE)
    from briefcase_tui.domain.packs.edit import move_entry

    after = move_entry(before, (1, 1), position=0)
    [change] = diff_packs(before, after).entries
    assert (
        change.kind == "moved"
        and change.section == "Asks"
        and {change.old, change.new} == {"1", "2"}
    )


def test_a_renamed_section_that_kept_its_items_is_a_rename_not_a_remove_and_add() -> None:
    after = BEFORE.replace('title = "Asks"', 'title = "Our asks"')
    changes = diff_packs(_pack(BEFORE), _pack(after))
    assert [(c.kind, c.old_title, c.title) for c in changes.sections] == [
        ("renamed", "Asks", "Our asks")
    ]
    assert not changes.entries


def test_sections_added_removed_and_reordered() -> None:
    before = _pack(BEFORE)
    from briefcase_tui.domain.packs.edit import add_section, move_section

    after = add_section(move_section(before, 1, 0), "Annex")
    changes = diff_packs(before, after)
    kinds = {(c.kind, c.title) for c in changes.sections}
    assert ("added", "Annex") in kinds
    assert any(kind == "moved" for kind, _ in kinds)
    assert not changes.entries


def test_an_edited_free_note_reads_as_one_removed_and_one_added() -> None:
    after = BEFORE.replace("Bring the badge", "Bring two badges")
    changes = diff_packs(_pack(BEFORE), _pack(after))
    assert {(c.kind, c.entry, c.is_note) for c in changes.entries} == {
        ("removed", "Bring the badge", True),
        ("added", "Bring two badges", True),
    }


def test_the_diff_turns_into_plain_data_for_json() -> None:
    import json

    after = BEFORE.replace('title = "Asks"', 'title = "Our asks"')
    data = diff_packs(_pack(BEFORE), _pack(after)).to_data()
    assert json.loads(json.dumps(data))["sections"][0]["kind"] == "renamed"
