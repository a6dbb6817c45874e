"""The back/forward history as a plain object, like a web browser's (no Textual involved)."""

from __future__ import annotations

from briefcase_tui.tui.history import History


def _visited(*ids: str) -> History:
    history = History()
    for item_id in ids:
        history.visit(item_id)
    return history


def test_an_empty_history_has_nowhere_to_go() -> None:
    history = History()
    assert history.current is None
    assert not history.can_go_back and not history.can_go_forward
    assert history.back() is None and history.forward() is None


def test_going_back_then_forward_returns_to_the_same_item() -> None:
    history = _visited("a", "b", "c")
    assert history.back() == "b"
    assert history.back() == "a"
    assert history.forward() == "b"
    assert history.forward() == "c"
    assert history.current == "c"


def test_back_and_forward_never_record_themselves() -> None:
    history = _visited("a", "b")
    for _ in range(5):
        history.back()
        history.forward()
    assert history.current == "b"
    assert history.back() == "a"
    assert not history.can_go_back, "the moves added no entries"
    assert history.back() == "a", "back at the start stays put"


def test_opening_a_new_item_after_going_back_drops_the_forward_entries() -> None:
    history = _visited("a", "b", "c")
    history.back()
    history.back()
    history.visit("d")
    assert history.current == "d"
    assert not history.can_go_forward
    assert history.back() == "a"
    assert history.forward() == "d"


def test_opening_the_item_already_shown_is_not_a_new_entry() -> None:
    history = _visited("a", "b", "b")
    assert history.back() == "a"
    assert not history.can_go_back


def test_reopening_the_next_item_after_going_back_still_starts_a_new_branch() -> None:
    history = _visited("a", "b", "c")
    history.back()
    history.back()
    history.visit("b")
    assert not history.can_go_forward, (
        "c was forward of the old b and is forgotten, as in a browser"
    )


def test_moving_the_cursor_replaces_the_current_entry_and_forgets_what_was_forward() -> None:
    history = _visited("a", "b", "c")
    history.back()
    history.replace("x")
    assert history.current == "x" and not history.can_go_forward
    assert history.back() == "a"
