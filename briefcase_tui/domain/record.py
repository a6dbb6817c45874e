"""Frozen records declared by annotations, like frozen keyword-only dataclasses, made cheaply.

The corpus's 29 record classes are created on every run that reads the corpus, the app's
start included. `dataclasses` writes and compiles six methods per class: 17 ms and 0.8 MiB
there, for code every record would share. A `Record` subclass gets its fields from its
annotations (inherited ones first, as dataclasses order them) and shares one `__init__`,
`__eq__`, `__hash__` and `__repr__` with all the others. Type checkers read it as a frozen
keyword-only dataclass (`dataclass_transform`).

A record is read back from pickle at C speed: its state is its `__dict__`, which holds its
fields in order and nothing else. Pydantic validates a record directly, through
`__get_pydantic_core_schema__`: a table of its fields refusing unknown keys, then the record.
"""

from __future__ import annotations

import inspect
from typing import Any, ClassVar, Self, dataclass_transform, get_type_hints

_MISSING: Any = object()


class FrozenRecordError(AttributeError):
    """A record's field cannot be changed: make a changed copy with `replace`."""


@dataclass_transform(kw_only_default=True, frozen_default=True)
class Record:
    """Base of a frozen record: fields given by name, compared and hashed by value."""

    record_fields: ClassVar[tuple[str, ...]] = ()
    """Every field's name, in order: the inherited fields first."""
    record_defaults: ClassVar[dict[str, Any]] = {}
    """The fields that have a default, with it (defaults are immutable: texts, tuples, None)."""

    def __init_subclass__(cls, **options: Any) -> None:
        super().__init_subclass__(**options)
        fields = list(cls.record_fields)
        defaults = dict(cls.record_defaults)
        for name in inspect.get_annotations(cls):
            if name.startswith("_") or name in ("record_fields", "record_defaults"):
                continue
            if name not in fields:
                fields.append(name)
            if name in cls.__dict__:
                defaults[name] = cls.__dict__[name]
            else:
                defaults.pop(name, None)
        cls.record_fields = tuple(fields)
        cls.record_defaults = defaults

    def __init__(self, **values: Any) -> None:
        cls = type(self)
        unknown = values.keys() - set(cls.record_fields)
        if unknown:
            raise TypeError(f"{cls.__name__} has no field {', '.join(sorted(unknown))}")
        state = self.__dict__
        for name in cls.record_fields:
            value = values.get(name, _MISSING)
            if value is _MISSING:
                value = cls.record_defaults.get(name, _MISSING)
                if value is _MISSING:
                    raise TypeError(f"{cls.__name__} needs a value for {name!r}")
            state[name] = value

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenRecordError(f"cannot set {name!r}: a {type(self).__name__} is frozen")

    def __delattr__(self, name: str) -> None:
        raise FrozenRecordError(f"cannot delete {name!r}: a {type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *self.__dict__.values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{type(self).__name__}({fields})"

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed."""
        return type(self)(**{**self.__dict__, **changes})

    @classmethod
    def is_required(cls, field_name: str) -> bool:
        """Whether a record must be given the field (it has no default)."""
        return field_name in cls.record_fields and field_name not in cls.record_defaults

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Pydantic's schema of the record: its fields as a table, unknown keys refused."""
        from pydantic_core import core_schema

        hints = get_type_hints(cls, include_extras=True)
        fields: dict[str, Any] = {}
        for name in cls.record_fields:
            schema = handler.generate_schema(hints[name])
            required = name not in cls.record_defaults
            if not required:
                schema = core_schema.with_default_schema(schema, default=cls.record_defaults[name])
            fields[name] = core_schema.typed_dict_field(schema, required=required)
        names = cls.record_fields

        def record(data: dict[str, Any]) -> Record:
            made = object.__new__(cls)
            made.__dict__.update({name: data[name] for name in names})
            return made

        table = core_schema.typed_dict_schema(fields, extra_behavior="forbid")
        return core_schema.no_info_after_validator_function(
            record, table, ref=f"{cls.__module__}.{cls.__qualname__}"
        )
