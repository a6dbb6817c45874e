"""A declared record read quickly from parsed TOML, in plain Python, without pydantic.

`quick_reader` turns a declaration (a pydantic model, or a frozen dataclass whose text fields
carry a `schema.Rule`) into a reader built from its field table: it accepts only what the
declaration accepts, gives the same value, and answers None when it is not sure, so that
pydantic judges the data and words the problem. Building pydantic's validators costs more
than reading a file, once per process, so a good file never pays for them.

A constraint, type or validator the reader does not know is refused when the reader is
built, so no rule of a declaration can be silently skipped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import types
from collections.abc import Callable
from typing import (
    Annotated,
    Any,
    Literal,
    TypeVar,
    Union,
    cast,
    get_args,
    get_origin,
    get_type_hints,
)

from briefcase_tui.domain.schema import Rule

R = TypeVar("R")

Check = Callable[[Any], Any]
"""Returns the value read (perhaps cleaned), or raises _Unsure."""


class _Unsure(Exception):
    """The data may break a rule: leave it to pydantic."""


_READERS: dict[type[Any], Check] = {}
"""Each declaration's reader, built once per process on first use."""


def quick_reader(declaration: type[R]) -> Callable[[Any], R | None]:
    """A plain-Python reader of a record (model or dataclass) from parsed TOML values.

    It answers None whenever pydantic might refuse the data or read it differently.
    """

    read = _READERS.get(declaration)
    if read is None:
        read = _READERS[declaration] = _record(declaration)

    def reader(data: Any) -> R | None:
        try:
            record: R = read(data)
        except _Unsure:
            return None
        return record

    return reader


def _record(declaration: type[Any]) -> Check:
    """The check of a whole record: known keys only, each field checked, then built."""
    if dataclasses.is_dataclass(declaration):
        return _dataclass_record(declaration)
    from pydantic import BaseModel

    if isinstance(declaration, type) and issubclass(declaration, BaseModel):
        return _model_record(declaration)
    raise TypeError(f"{declaration!r} is not read quickly: not a dataclass nor a pydantic model")


def _dataclass_record(declaration: type[Any]) -> Check:
    hints = get_type_hints(declaration, include_extras=True)
    fields = {
        field.name: (_check(hints[field.name]), _default_of(field))
        for field in dataclasses.fields(declaration)
    }

    def read(data: Any) -> Any:
        return declaration(**_read_fields(fields, data))

    return read


def _default_of(field: dataclasses.Field[Any]) -> Callable[[], Any] | None:
    """A function giving a field's default, or None when the field is required."""
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory
    if field.default is not dataclasses.MISSING:
        default = field.default
        return lambda: default
    return None


def _model_record(model: Any) -> Check:
    config = model.model_config
    if config.get("extra") != "forbid" or config.get("populate_by_name"):
        raise TypeError(f"{model.__name__}: only models refusing unknown keys are read quickly")
    decorators = model.__pydantic_decorators__
    if decorators.validators or decorators.field_validators or decorators.root_validators:
        raise TypeError(f"{model.__name__}: field validators are not read quickly")
    after = []
    for decorator in decorators.model_validators.values():
        if decorator.info.mode != "after":
            raise TypeError(f"{model.__name__}: only 'after' model validators are read quickly")
        after.append(decorator.func)
    fields: dict[str, tuple[Check, Callable[[], Any] | None]] = {}
    for name, info in model.model_fields.items():
        if info.alias not in (None, name) or info.validation_alias is not None:
            raise TypeError(f"{model.__name__}.{name}: aliases are not read quickly")
        annotation = (
            Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        )
        required = info.is_required()
        fields[name] = (
            _check(annotation),
            None if required else functools.partial(info.get_default, call_default_factory=True),
        )

    def read(data: Any) -> Any:
        values = _read_fields(fields, data)
        record = model.model_construct(_fields_set=set(data), **values)
        for validate in after:
            try:
                record = validate(record)
            except (ValueError, AssertionError):
                raise _Unsure from None
        return record

    return read


def _read_fields(
    fields: dict[str, tuple[Check, Callable[[], Any] | None]], data: Any
) -> dict[str, Any]:
    """Each field's value read from a TOML table, or its default; unknown keys refused."""
    if type(data) is not dict or not data.keys() <= fields.keys():
        raise _Unsure
    values = {}
    for name, (check, default) in fields.items():
        if name in data:
            values[name] = check(data[name])
        elif default is None:
            raise _Unsure
        else:
            values[name] = default()
    return values


def _check(annotation: Any) -> Check:
    """The check of one value of this type, strict as TOML data allows."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        check = _check(args[0])
        for item in args[1:]:
            check = _constrained(check, item, args[0])
        return check
    if origin in (Union, types.UnionType):
        others = [arg for arg in args if arg is not type(None)]
        if len(others) != 1 or len(args) != 2:
            raise TypeError(f"only `X | None` unions are read quickly, not {annotation!r}")
        inner = _check(others[0])
        return lambda value: None if value is None else inner(value)
    if origin is Literal:
        return _literal(args)
    if origin is tuple:
        if len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"only `tuple[X, ...]` is read quickly, not {annotation!r}")
        item = _check(args[0])
        return lambda value: tuple(item(v) for v in _exactly(value, list))
    if origin is dict:
        key, item = _check(args[0]), _check(args[1])
        return lambda value: {key(k): item(v) for k, v in _exactly(value, dict).items()}
    if annotation in (str, int, bool, dt.date):
        return lambda value: _exactly(value, annotation)
    if isinstance(annotation, type):
        return _record(annotation)
    raise TypeError(f"{annotation!r} is not read quickly")


def _exactly(value: Any, kind: type) -> Any:
    """The value if it is of exactly this type (no bool for int, no datetime for date)."""
    if type(value) is not kind:
        raise _Unsure
    return value


def _literal(allowed: tuple[Any, ...]) -> Check:
    def check(value: Any) -> Any:
        if not any(type(value) is type(a) and value == a for a in allowed):
            raise _Unsure
        return value

    return check


def _constrained(check: Check, item: Any, base: Any) -> Check:
    """`check` followed by one item of metadata: a rule, a bound or a validator."""
    if isinstance(item, Rule):
        return _then(check, _rule(item))
    from annotated_types import Ge, GroupedMetadata, MaxLen, MinLen
    from pydantic import AfterValidator, Strict, StringConstraints
    from pydantic.fields import FieldInfo

    if isinstance(item, FieldInfo):
        for inner in item.metadata:
            check = _constrained(check, inner, base)
        return check
    if isinstance(item, Strict):
        if not item.strict or _is_container(base):
            raise TypeError(f"{item!r} on {base!r} is not read quickly")
        return check  # every check here is strict already
    if isinstance(item, StringConstraints):
        pattern = item.pattern
        others = (item.strip_whitespace, item.to_upper, item.to_lower, item.ascii_only)
        if any(others) or item.strict is False or not isinstance(pattern, str | None):
            raise TypeError(f"{item!r} is not read quickly")
        return _then(check, _rule(Rule(pattern, item.min_length, item.max_length)))
    if isinstance(item, GroupedMetadata):
        for inner in item:
            check = _constrained(check, inner, base)
        return check
    if isinstance(item, MinLen):
        return _then(check, _rule(Rule(min_length=item.min_length)))
    if isinstance(item, MaxLen):
        return _then(check, _rule(Rule(max_length=item.max_length)))
    if isinstance(item, Ge):
        return _then(check, _at_least(item.ge))
    if isinstance(item, AfterValidator):
        import inspect

        if len(inspect.signature(item.func).parameters) != 1:
            raise TypeError(f"{item!r}: validators taking pydantic's info are not read quickly")
        return _then(check, _validated(cast("Callable[[Any], Any]", item.func)))
    pattern = _pattern_only(item)
    if pattern is not None:
        return _then(check, _rule(Rule(pattern=pattern)))
    raise TypeError(f"{item!r} is not read quickly")


def _pattern_only(item: Any) -> str | None:
    """The pattern of pydantic's general metadata (`Field(pattern=...)`) setting nothing else."""
    if type(item).__name__ != "_PydanticGeneralMetadata":
        return None
    settings = {key: value for key, value in vars(item).items() if value is not None}
    pattern = settings.get("pattern")
    return pattern if settings.keys() == {"pattern"} and isinstance(pattern, str) else None


def _is_container(annotation: Any) -> bool:
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (Union, types.UnionType, Annotated):
        return any(_is_container(arg) for arg in args if arg is not type(None))
    return origin in (tuple, list, dict, set, frozenset)


def _then(first: Check, second: Check) -> Check:
    return lambda value: second(first(value))


def _rule(rule: Rule) -> Check:
    pattern = re.compile(rule.pattern) if rule.pattern is not None else None

    def check(value: Any) -> Any:
        # pydantic's regex engine has no `$` before a final newline: a full match is as strict
        if (
            (pattern is not None and not pattern.fullmatch(value))
            or (rule.min_length is not None and len(value) < rule.min_length)
            or (rule.max_length is not None and len(value) > rule.max_length)
        ):
            raise _Unsure
        return value

    return check


def _at_least(bound: Any) -> Check:
    def check(value: Any) -> Any:
        if not value >= bound:
            raise _Unsure
        return value

    return check


def _validated(validate: Callable[[Any], Any]) -> Check:
    def check(value: Any) -> Any:
        try:
            return validate(value)
        except (ValueError, AssertionError):
            raise _Unsure from None

    return check
