"""One declaration per file type: the quick reader and the pydantic judge both come from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

import pytest
from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, field_validator

from briefcase_tui.domain.packs.models import Entry, Pack
from briefcase_tui.domain.quick_read import quick_reader
from briefcase_tui.domain.schema import Rule, pydantic_model

Code = Annotated[str, Rule(pattern=r"^[A-Z]{3}$")]


@dataclass(frozen=True)
class Delegate:
    """A declaration written for this test only: nothing else describes its fields."""

    name: str
    country: Code
    languages: tuple[str, ...] = ()
    notes: dict[str, str] = field(default_factory=dict)


def test_a_new_declaration_is_read_quickly_without_a_reader_written_for_it() -> None:
    read = quick_reader(Delegate)
    assert read({"name": "Ana", "country": "FRA", "languages": ["fr"]}) == Delegate(
        "Ana", "FRA", ("fr",)
    )
    assert read({"name": "Ana", "country": "fra"}) is None
    assert read({"name": "Ana", "country": "FRA", "contry": "x"}) is None
    assert read({"country": "FRA"}) is None


def test_the_judge_of_a_declaration_refuses_what_its_quick_reader_refuses() -> None:
    judge = pydantic_model(Delegate)
    assert judge.model_validate({"name": "Ana", "country": "FRA"}).country == "FRA"
    with pytest.raises(ValueError, match="should match pattern"):
        judge.model_validate({"name": "Ana", "country": "fra"})
    with pytest.raises(ValueError, match="Extra inputs are not permitted"):
        judge.model_validate({"name": "Ana", "country": "FRA", "contry": "x"})
    with pytest.raises(ValueError, match="valid string"):
        judge.model_validate({"name": 1, "country": "FRA"})


def test_the_pack_models_own_rules_run_in_the_quick_reader() -> None:
    read = quick_reader(Pack)
    assert (
        read({"title": "T", "sections": [{"title": "S", "entries": [{"priority": "must"}]}]})
        is None
    )
    pack = read(
        {
            "title": " T\n",
            "sections": [{"title": "S", "entries": [{"note": "n", "tags": ["a", "a"]}]}],
        }
    )
    assert pack is not None
    assert pack.title == "T"
    assert pack.sections[0].entries[0] == Entry(note="n", tags=("a",))


@dataclass(frozen=True)
class WithAFloat:
    amount: float


class WithAFieldValidator(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str

    @field_validator("name")
    @classmethod
    def _upper(cls, value: str) -> str:
        return value.upper()


class WithAnUnknownTransformation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Annotated[str, StringConstraints(strip_whitespace=True)]


def _takes_info(value: str, info: Any) -> str:
    return value


class WithAValidatorTakingInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Annotated[str, AfterValidator(_takes_info)]


class KeepingUnknownKeys(BaseModel):
    name: str


@pytest.mark.parametrize(
    "declaration",
    [
        WithAFloat,
        WithAFieldValidator,
        WithAnUnknownTransformation,
        WithAValidatorTakingInfo,
        KeepingUnknownKeys,
    ],
)
def test_a_rule_the_quick_reader_cannot_follow_is_refused_when_it_is_built(
    declaration: type[Any],
) -> None:
    with pytest.raises(TypeError, match="read quickly"):
        quick_reader(declaration)
