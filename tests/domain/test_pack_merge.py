"""Three-way merges of packs: what two people changed combines; what both changed is kept twice.

Each scenario is a pair of edits that two advisers make to copies of one pack. The merge
must give the pack a person would write by hand from the two versions, or mark the conflict
so that a person picks, and picking a side must give exactly that side's pack.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefcase_tui.domain.packs.codec import decode_pack, encode_pack
from briefcase_tui.domain.packs.conflicts import describe, pack_conflicts, resolve, resolve_all
from briefcase_tui.domain.packs.edit import (
    EditError,
    add_entries,
    move_entry,
    remove_entry,
    remove_section,
    rename_section,
    update_details,
    update_entry,
)
from briefcase_tui.domain.packs.merge import merge_packs
from briefcase_tui.domain.packs.models import Entry, Pack, Section
from tests.domain.test_pack_roundtrip import packs

BASE = Pack(
    title="Day sheet",
    summary="What happens on the day.",
    sections=(
        Section(
            title="Programme",
            entries=(
                Entry(item="event-a", note="Arrive early."),
                Entry(item="event-b", tags=("principal", "plenary")),
                Entry(item="event-c"),
                Entry(note="Lunch with the delegation at one."),
            ),
        ),
        Section(title="Venues", entries=(Entry(item="venue-a"), Entry(item="venue-b"))),
    ),
)

Edit = Callable[[Pack], Pack]


def items(pack: Pack, section: int = 0) -> list[str | None]:
    return [e.item if e.item is not None else e.note for e in pack.sections[section].entries]


def entry(pack: Pack, item: str) -> Entry:
    at = pack.locate(item)
    assert at is not None, f"{item} is not in the merged pack"
    return pack.sections[at[0]].entries[at[1]]


def note(text: str) -> Edit:
    return lambda pack: update_entry(pack, (0, 0), note=text)


def test_edits_to_different_entries_and_fields_combine() -> None:
    ours = update_entry(BASE, (0, 0), note="Arrive by eight.")
    ours = update_details(ours, audience="The minister")
    theirs = update_entry(BASE, (0, 0), priority="must")
    theirs = update_entry(theirs, (1, 1), note="Side entrance on the river.")
    merged = merge_packs(BASE, ours, theirs)
    assert merged.conflicts == 0
    assert entry(merged.pack, "event-a").note == "Arrive by eight."
    assert entry(merged.pack, "event-a").priority == "must"
    assert entry(merged.pack, "venue-b").note == "Side entrance on the river."
    assert merged.pack.audience == "The minister"


def test_the_same_change_on_both_sides_is_taken_once() -> None:
    ours = theirs = add_entries(BASE, [Entry(item="event-d")], section=0)
    merged = merge_packs(BASE, ours, theirs)
    assert merged.conflicts == 0
    assert merged.pack == ours


def test_two_notes_for_one_entry_keep_both_sides_until_someone_picks() -> None:
    ours, theirs = note("Arrive by eight.")(BASE), note("Security opens at nine.")(BASE)
    merged = merge_packs(BASE, ours, theirs)
    assert merged.conflicts == 1
    assert entry(merged.pack, "event-a").note == "Arrive by eight."
    (placed,) = pack_conflicts(merged.pack)
    line = describe(merged.pack, placed)
    assert "event-a" in line and "Arrive by eight." in line and "Security opens at nine." in line
    assert resolve(merged.pack, 1, "theirs") == theirs
    assert resolve(merged.pack, 1, "ours") == ours


def test_a_conflict_survives_saving_and_loading() -> None:
    merged = merge_packs(BASE, note("Ours.")(BASE), note("Theirs.")(BASE)).pack
    data = encode_pack(merged)
    assert b"[[sections.entries.conflicts]]" in data
    assert decode_pack(data, "pack.toml") == merged


def test_removed_on_one_side_and_changed_on_the_other_is_kept_and_marked() -> None:
    ours = remove_entry(BASE, (0, 1))
    theirs = update_entry(BASE, (0, 1), note="The principal speaks here.")
    merged = merge_packs(BASE, ours, theirs)
    assert merged.conflicts == 1
    assert items(merged.pack) == items(BASE), "the kept entry stays where it was"
    assert entry(merged.pack, "event-b").note == "The principal speaks here."
    assert resolve(merged.pack, 1, "ours") == ours
    assert resolve(merged.pack, 1, "theirs") == theirs


def test_removed_on_one_side_and_untouched_on_the_other_is_removed() -> None:
    ours = remove_entry(BASE, (0, 2))
    theirs = note("Arrive by eight.")(BASE)
    merged = merge_packs(BASE, ours, theirs)
    assert merged.conflicts == 0
    assert "event-c" not in items(merged.pack)
    assert entry(merged.pack, "event-a").note == "Arrive by eight."


def test_a_reordered_section_keeps_the_entries_the_other_side_added() -> None:
    ours = move_entry(BASE, (0, 2), section=0, position=0)
    theirs = add_entries(BASE, [Entry(item="event-d")], section=0, position=2)
    merged = merge_packs(BASE, ours, theirs)
    assert merged.conflicts == 0
    assert items(merged.pack)[:3] == ["event-c", "event-a", "event-b"]
    assert "event-d" in items(merged.pack)


def test_two_people_moving_different_entries_both_get_their_move() -> None:
    ours = move_entry(BASE, (0, 1), section=0, position=0)
    theirs = move_entry(BASE, (0, 3), section=0, position=1)
    merged = merge_packs(BASE, ours, theirs)
    assert merged.conflicts == 0
    assert items(merged.pack) == ["event-b", "event-a", BASE.sections[0].entries[3].note, "event-c"]


def test_one_entry_moved_to_two_different_places_is_a_conflict_over_the_order() -> None:
    ours = move_entry(BASE, (0, 2), section=0, position=0)
    theirs = move_entry(BASE, (0, 2), section=0, position=1)
    merged = merge_packs(BASE, ours, theirs)
    assert merged.conflicts == 1
    assert items(merged.pack) == items(ours)
    assert "order of the entries" in describe(merged.pack, pack_conflicts(merged.pack)[0])
    assert resolve_all(merged.pack, "theirs") == theirs


def test_entries_added_at_one_place_by_both_sides_are_all_kept() -> None:
    ours = add_entries(BASE, [Entry(item="event-d")], section=0, position=1)
    theirs = add_entries(BASE, [Entry(item="event-e")], section=0, position=1)
    merged = merge_packs(BASE, ours, theirs)
    assert merged.conflicts == 0
    assert items(merged.pack)[:4] == ["event-a", "event-d", "event-e", "event-b"]


def test_tags_merge_as_sets() -> None:
    ours = update_entry(BASE, (0, 1), tags=("principal", "plenary", "press"))
    theirs = update_entry(BASE, (0, 1), tags=("principal",))
    merged = merge_packs(BASE, ours, theirs)
    assert merged.conflicts == 0
    assert entry(merged.pack, "event-b").tags == ("principal", "press")


def test_an_entry_added_to_a_section_the_other_side_renamed_lands_in_it() -> None:
    ours = rename_section(BASE, 1, "Where")
    theirs = add_entries(BASE, [Entry(item="venue-c")], section=1)
    merged = merge_packs(BASE, ours, theirs)
    assert merged.conflicts == 0
    assert merged.pack.sections[1].title == "Where"
    assert items(merged.pack, 1) == ["venue-a", "venue-b", "venue-c"]


def test_an_edited_note_of_its_own_is_still_the_same_note() -> None:
    ours = update_entry(BASE, (0, 3), note="Lunch with the delegation at half past one.")
    theirs = add_entries(BASE, [Entry(item="event-d")], section=0)
    merged = merge_packs(BASE, ours, theirs)
    assert merged.conflicts == 0
    assert items(merged.pack) == [
        "event-a",
        "event-b",
        "event-c",
        "Lunch with the delegation at half past one.",
        "event-d",
    ]
    both = update_entry(BASE, (0, 3), note="Lunch with the delegation at two.")
    merged = merge_packs(BASE, ours, both)
    assert merged.conflicts == 1
    assert resolve(merged.pack, 1, "theirs") == both


def test_one_item_added_to_different_sections_is_a_conflict_over_where_it_goes() -> None:
    ours = add_entries(BASE, [Entry(item="person-x")], section=0)
    theirs = add_entries(BASE, [Entry(item="person-x")], section=1)
    merged = merge_packs(BASE, ours, theirs)
    assert merged.conflicts == 1
    assert merged.pack.item_ids().count("person-x") == 1
    assert resolve(merged.pack, 1, "theirs") == theirs


def test_a_section_removed_on_one_side_and_changed_on_the_other_is_kept_whole() -> None:
    ours = remove_section(BASE, 1, with_entries=True)
    theirs = update_entry(BASE, (1, 0), note="Entrance on the avenue.")
    merged = merge_packs(BASE, ours, theirs)
    assert merged.conflicts == 1
    assert items(merged.pack, 1) == ["venue-a", "venue-b"]
    assert resolve(merged.pack, 1, "ours") == ours
    assert resolve(merged.pack, 1, "theirs") == theirs


def test_details_changed_differently_conflict_one_by_one() -> None:
    ours = update_details(BASE, summary="Ours.", date=dt.date(2025, 2, 10))
    theirs = update_details(BASE, summary="Theirs.", date=dt.date(2025, 2, 11), author="Desk")
    merged = merge_packs(BASE, ours, theirs)
    assert merged.conflicts == 2
    assert merged.pack.author == "Desk"
    assert resolve_all(merged.pack, "theirs") == theirs


def test_without_a_common_ancestor_both_additions_are_kept() -> None:
    ours = Pack(title="Brief", sections=(Section(title="People", entries=(Entry(item="p-a"),)),))
    theirs = Pack(title="Brief", sections=(Section(title="people", entries=(Entry(item="p-b"),)),))
    merged = merge_packs(None, ours, theirs)
    assert merged.conflicts == 0
    assert [s.title for s in merged.pack.sections] == ["People"]
    assert items(merged.pack) == ["p-a", "p-b"]


def test_resolving_a_conflict_that_is_not_there_is_refused() -> None:
    with pytest.raises(EditError, match="no merge conflicts"):
        resolve(BASE, 1, "ours")
    merged = merge_packs(BASE, note("Ours.")(BASE), note("Theirs.")(BASE)).pack
    with pytest.raises(EditError, match="no conflict 2"):
        resolve(merged, 2, "ours")


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
small_ids = st.sampled_from(["a", "b", "c", "d", "e", "f"])
"""Few ids, so that the versions share entries as real ones do."""


@SETTINGS
@given(packs(small_ids), packs(small_ids))
def test_when_one_side_changed_nothing_the_merge_is_the_other_side(base: Pack, other: Pack) -> None:
    assert merge_packs(base, other, base).pack == other
    assert merge_packs(base, base, other).pack == other
    assert merge_packs(base, other, other).pack == other


@SETTINGS
@given(packs(small_ids), packs(small_ids), packs(small_ids))
def test_any_merge_loses_no_entry_both_sides_kept_and_saves_and_loads_back(
    base: Pack, ours: Pack, theirs: Pack
) -> None:
    merged = merge_packs(base, ours, theirs).pack
    kept_by_both = set(ours.item_ids()) & set(theirs.item_ids())
    assert kept_by_both <= set(merged.item_ids())
    assert decode_pack(encode_pack(merged), "pack.toml") == merged
    for side in ("ours", "theirs"):
        settled = resolve_all(merged, side) if merged.conflict_count() else merged
        assert settled.conflict_count() == 0
