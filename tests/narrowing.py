"""Narrowing a value to the type a test expects, failing the test where the belief is wrong."""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def must_be(expected: type[T], value: object) -> T:
    """`value` as an `expected`; an item of another kind, or a None, fails the test here."""
    assert isinstance(value, expected), f"expected a {expected.__name__}, got {value!r}"
    return value
