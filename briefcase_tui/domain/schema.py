"""One declaration per file type: what a file may hold, said once.

Packs are declared by their pydantic models. Settings and themes are read before the app's
first screen, where pydantic would cost more than everything else, so they are declared as
frozen dataclasses whose text fields carry a `Rule`; `pydantic_model` derives from such a
declaration the pydantic model that judges a bad file and words its problem. Both kinds of
declaration are read quickly by `quick_read.quick_reader`.

The corpus's records are plain frozen records (`record.py`: the app and every command read
them back from the store without importing pydantic), validated by pydantic directly at a
cold build:
their fields carry `Strict`, `Rule`, `AtLeast` and `Cleaned`, which pydantic applies through
the `__get_pydantic_core_schema__` hook each of them has.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, NamedTuple, get_type_hints


class Rule(NamedTuple):
    """What a text field of a dataclass declaration must match, as pydantic's StringConstraints.

    On a tuple field, `min_length` and `max_length` count its entries.
    """

    pattern: str | None = None
    """A regular expression the whole text must match."""
    min_length: int | None = None
    max_length: int | None = None

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        """The value's schema with these constraints (for records pydantic validates directly)."""
        schema = handler(source)
        schema.update({name: value for name, value in self._asdict().items() if value is not None})
        return schema


class Strict(NamedTuple):
    """A value of exactly its type: `"3"` is not an integer, nor `3` a text."""

    strict: bool = True

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        """The value's schema in strict mode."""
        schema = handler(source)
        schema["strict"] = self.strict
        return schema


class AtLeast(NamedTuple):
    """A number no smaller than `minimum`."""

    minimum: int

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        """The value's schema with its lower bound."""
        schema = handler(source)
        schema["ge"] = self.minimum
        return schema


class Cleaned(NamedTuple):
    """A value passed through `function` once it is valid (text cleaned of control characters)."""

    function: Callable[[Any], Any]

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        """The value's schema followed by the function."""
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(self.function, handler(source))


def pydantic_model(declaration: type[Any]) -> Any:
    """The pydantic model of a dataclass declaration: the judge that words a bad file's problem.

    Strict and refusing unknown keys, like the quick reader; each `Rule` applies itself
    (its `__get_pydantic_core_schema__`), as in the corpus's records.
    """
    from pydantic import ConfigDict, Field, create_model

    fields: dict[str, Any] = {}
    hints = get_type_hints(declaration, include_extras=True)
    for field in dataclasses.fields(declaration):
        if field.default_factory is not dataclasses.MISSING:
            default: Any = Field(default_factory=field.default_factory)
        elif field.default is not dataclasses.MISSING:
            default = field.default
        else:
            default = ...
        fields[field.name] = (hints[field.name], default)
    return create_model(
        declaration.__name__,
        __config__=ConfigDict(frozen=True, extra="forbid", strict=True),
        __doc__=declaration.__doc__,
        **fields,
    )
