"""The table of kinds is the one place a kind is described, and the models agree with it."""

from __future__ import annotations

from typing import get_args

import pytest

from briefcase_tui.domain.corpus import models
from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.facts import item_facts
from briefcase_tui.domain.corpus.kinds import (
    KIND_OF,
    KIND_TABLE,
    KINDS,
    SECTION_OF_KIND,
    SECTION_TABLE,
    Fact,
)
from briefcase_tui.domain.corpus.outline import section_outline
from briefcase_tui.domain.corpus.search_fields import searchable_fields as search_fields


def test_every_kind_has_one_model_named_for_it_in_table_order() -> None:
    assert tuple(models.MODEL_OF_KIND) == KINDS
    for name, model in models.MODEL_OF_KIND.items():
        assert get_args(model.__annotations__["kind"]) == (name,)


def test_a_row_naming_a_field_its_model_lacks_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    venue = KIND_OF["venue"]
    misspelt = venue._replace(facts=(*venue.facts, Fact("Town", "town")))
    table = tuple(misspelt if kind is venue else kind for kind in KIND_TABLE)
    monkeypatch.setattr(models, "KIND_TABLE", table)
    with pytest.raises(TypeError, match="Venue has no field town"):
        models._models_by_kind()


def test_a_kind_without_a_row_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models, "KINDS", tuple(k for k in KINDS if k != "venue"))
    with pytest.raises(TypeError, match="venue"):
        models._models_by_kind()


def test_every_kind_is_browsed_in_exactly_one_section() -> None:
    named = [name for section in SECTION_TABLE for name in section.kinds]
    assert sorted(named) == sorted(KINDS)
    assert set(SECTION_OF_KIND) == set(KINDS)


def test_an_items_facts_are_the_ones_its_row_names_in_that_order(corpus: Corpus) -> None:
    for item in corpus:
        labels = [label for label, _ in item_facts(item, corpus) if label != "Tags"]
        named = [fact.label for fact in KIND_OF[item.kind].facts]
        assert labels == [label for label in named if label in labels], item.id


def test_an_empty_optional_field_gives_no_fact_but_a_required_one_always_does(
    corpus: Corpus,
) -> None:
    venue = corpus.item("venue-grand-palais")
    assert isinstance(venue, models.Venue)
    assert "City" not in dict(item_facts(venue.replace(city=""), corpus))
    person = next(iter(corpus.of_kind("person")))
    assert isinstance(person, models.Person)
    person = person.replace(role="")
    assert dict(item_facts(person, corpus))["Role"] == ""


def test_an_item_is_searched_by_every_field_its_row_names(corpus: Corpus) -> None:
    checked = set()
    for item in corpus:
        kind = KIND_OF[item.kind]
        names = search_fields(item, corpus)["names"]
        for name in kind.searched:
            value = getattr(item, name)
            if name in kind.references and value is not None:
                value = corpus.item(value).title
            if value:
                assert value in names, (item.id, name)
                checked.add((item.kind, name))
    assert ("event", "venue") in checked and ("workstream", "envoy") in checked


def test_each_kind_browsed_in_a_tree_shows_under_its_groups_heading(corpus: Corpus) -> None:
    for section in SECTION_TABLE:
        if section.id == "recommendations":
            continue
        headings = [node.label for node in section_outline(corpus, section.id) if not node.item_id]
        for name in section.kinds:
            kind = KIND_OF[name]
            if kind.group and corpus.of_kind(name):
                assert any(h.startswith(f"{kind.group} (") for h in headings), (section.id, name)
