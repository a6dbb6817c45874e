"""Pack templates: TOML recipes that fill a new pack from the corpus for a chosen day or workstream.

A template is data (`data/templates/*.toml`), not code: its sections name fixed entries
and selections ("events on {day}", "items sharing the workstream's tags", "one section per
theme both documents address"). Instantiating one gives an ordinary pack that the author
then trims, reorders and annotates.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.facts import format_date
from briefcase_tui.domain.corpus.models import Event, ItemBase
from briefcase_tui.domain.packs.models import Entry, EntryPriority, Pack, Section
from briefcase_tui.domain.text import fold
from briefcase_tui.domain.tomlio import read_toml
from briefcase_tui.errors import BriefcaseError
from briefcase_tui.paths import TEMPLATES_DIR


class _Spec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ParameterSpec(_Spec):
    """A value the user supplies when making a pack from the template."""

    kind: Literal["day", "item"]
    """`day`: a programme date (YYYY-MM-DD); `item`: the id or title of an item of `item_kind`."""
    item_kind: str = ""
    item_kinds: tuple[str, ...] = ()
    """Instead of one `item_kind`, any of these kinds: a person or an organisation."""
    prompt: str

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of item this parameter accepts; empty for any."""
        return self.item_kinds or ((self.item_kind,) if self.item_kind else ())


class EntrySpec(_Spec):
    """A fixed entry; `{parameter.id}` in `item` and `{parameter}` in `note` are filled in."""

    item: str | None = None
    note: str = ""
    priority: EntryPriority | None = None
    tags: tuple[str, ...] = ()


class SelectSpec(_Spec):
    """Which corpus items a section collects. Every condition given must hold."""

    kinds: tuple[str, ...] = ()
    sets: tuple[str, ...] = ()
    """Items of these recommendation sets."""
    tags: tuple[str, ...] = ()
    """Items with at least one of these corpus tags."""
    on_day: str | None = None
    """A `day` parameter: items dated that day."""
    related_to: str | tuple[str, ...] | None = None
    """An `item` parameter, or several: items linked to or from any of them."""
    shares_tags_with: str | None = None
    """An `item` parameter: items with at least one of its tags."""
    related_to_section: str | None = None
    """The title of an earlier section: items linked to its items (the venues of a day's events)."""
    with_caveats: bool = False
    """Only items about which sources disagree."""
    order: Literal["corpus", "time"] = "corpus"
    limit: Annotated[int, Field(ge=1)] | None = None
    priority: EntryPriority | None = None
    """The priority given to every selected entry."""


class SectionSpec(_Spec):
    """One section of the new pack, or one per shared theme when `per_shared_tag` is set."""

    title: str
    intro: str = ""
    entries: tuple[EntrySpec, ...] = ()
    select: SelectSpec | None = None
    per_shared_tag: bool = False
    """Make one section per corpus tag that every set in `select.sets` has items for."""
    skip_if_empty: bool = False
    closing_note: str = ""
    """A note for the author to fill in, after the items: the section's own words to come."""


class Template(_Spec):
    """A recipe for a new pack."""

    template: Literal[1] = 1
    name: str
    description: str
    parameters: dict[str, ParameterSpec] = {}
    meeting: str = ""
    audience: str = ""
    summary: str = ""
    date_from: str | None = None
    """A `day` parameter whose date becomes the pack's date."""
    sections: tuple[SectionSpec, ...]

    def instantiate(self, corpus: Corpus, title: str, params: dict[str, str]) -> Pack:
        """A new pack for these parameter values; a missing or unknown value raises with a hint."""
        values = _resolve_parameters(self, corpus, params)
        placed: dict[str, None] = {}
        sections: list[Section] = []
        by_title: dict[str, list[str]] = {}
        for spec in self.sections:
            for section_title, intro, entries in _expand(spec, corpus, values, placed, by_title):
                if not entries and spec.skip_if_empty:
                    continue
                for entry in entries:
                    if entry.item is not None:
                        placed[entry.item] = None
                by_title[section_title] = [e.item for e in entries if e.item]
                sections.append(Section(title=section_title, intro=intro, entries=tuple(entries)))
        date = values[self.date_from].date if self.date_from else None
        return Pack(
            title=title,
            audience=_fill(self.audience, values),
            meeting=_fill(self.meeting, values),
            date=date,
            summary=_fill(self.summary, values),
            sections=tuple(sections),
        )


@dataclass(frozen=True)
class _Value:
    """A parameter's value: shown as words in text, with `.id` and `.date` for references."""

    text: str
    id: str = ""
    date: dt.date | None = None

    def __str__(self) -> str:
        return self.text


def load_templates(folder: Path = TEMPLATES_DIR) -> dict[str, Template]:
    """Every template in a folder, by name; a broken template file raises naming it."""
    templates: dict[str, Template] = {}
    for path in sorted(folder.glob("*.toml")):
        raw = read_toml(path)
        try:
            template = Template.model_validate(raw)
        except ValidationError as error:
            problem = error.errors(include_url=False)[0]
            field = ".".join(str(p) for p in problem["loc"])
            raise BriefcaseError(f"template field {field!r}: {problem['msg']}", path) from None
        templates[template.name] = template
    return templates


def find_template(templates: dict[str, Template], name: str) -> Template:
    """The template of this name, or an error suggesting the nearest."""
    if name in templates:
        return templates[name]
    close = difflib.get_close_matches(name, list(templates), n=1, cutoff=0.5)
    hint = f" (did you mean {close[0]!r}?)" if close else f" (templates: {', '.join(templates)})"
    raise BriefcaseError(f"no template named {name!r}{hint}")


def _resolve_parameters(
    template: Template, corpus: Corpus, params: dict[str, str]
) -> dict[str, _Value]:
    unknown = set(params) - set(template.parameters)
    if unknown:
        name = sorted(unknown)[0]
        known = ", ".join(template.parameters) or "none"
        raise BriefcaseError(
            f"template {template.name!r} has no parameter {name!r} (it takes: {known})"
        )
    values: dict[str, _Value] = {}
    for name, spec in template.parameters.items():
        if name not in params:
            raise BriefcaseError(f"template {template.name!r} needs {name}: {spec.prompt}")
        values[name] = _parameter_value(name, spec, params[name], corpus)
    return values


def _parameter_value(name: str, spec: ParameterSpec, raw: str, corpus: Corpus) -> _Value:
    if spec.kind == "day":
        days = {d.date.isoformat(): d for d in corpus.days()}
        if raw not in days:
            raise BriefcaseError(f"{name} {raw!r} is not a programme day (days: {', '.join(days)})")
        return _Value(format_date(days[raw].date), days[raw].id, days[raw].date)
    candidates = corpus.of_kind(*spec.kinds) if spec.kinds else list(corpus)
    for item in candidates:
        if raw == item.id or fold(raw) == fold(item.title):
            return _Value(item.title, item.id)
    matches = [i for i in candidates if fold(raw) in fold(i.title) or raw in i.id]
    if len(matches) == 1:
        return _Value(matches[0].title, matches[0].id)
    ids = [i.id for i in candidates]
    close = difflib.get_close_matches(raw, ids, n=3, cutoff=0.4)
    hint = (
        f" (did you mean {', '.join(repr(c) for c in close)}?)"
        if close
        else f" (one of: {', '.join(ids)})"
    )
    kinds = " or ".join(spec.kinds) or "corpus item"
    raise BriefcaseError(f"{name} {raw!r} is not a {kinds}{hint}")


def _fill(text: str, values: dict[str, _Value]) -> str:
    return text.format_map(values) if text else text


def _expand(
    spec: SectionSpec,
    corpus: Corpus,
    values: dict[str, _Value],
    placed: dict[str, None],
    by_title: dict[str, list[str]],
) -> Iterable[tuple[str, str, list[Entry]]]:
    """The sections one spec makes: usually one; one per shared tag with `per_shared_tag`."""
    fixed = [
        Entry(
            item=_fill(e.item, values) if e.item else None,
            note=_fill(e.note, values),
            priority=e.priority,
            tags=e.tags,
        )
        for e in spec.entries
    ]
    fixed = [e for e in fixed if e.item is None or e.item not in placed]
    if spec.select is None:
        closing = [Entry(note=_fill(spec.closing_note, values))] if spec.closing_note else []
        yield _fill(spec.title, values), _fill(spec.intro, values), fixed + closing
        return
    chosen = _select(spec.select, corpus, values, placed, by_title)
    if not spec.per_shared_tag:
        fixed_ids = {e.item for e in fixed}
        closing = [Entry(note=_fill(spec.closing_note, values))] if spec.closing_note else []
        yield (
            _fill(spec.title, values),
            _fill(spec.intro, values),
            fixed + [_entry(i, spec.select) for i in chosen if i.id not in fixed_ids] + closing,
        )
        return
    taken: set[str] = set()
    for tag_id, tag in corpus.tags.items():
        members = [i for i in chosen if tag_id in i.tags and i.id not in taken]
        sets_present = {i.set_id for i in members}
        if not members or not set(spec.select.sets) <= sets_present:
            continue
        taken.update(i.id for i in members)
        with_tag = {**values, "tag": _Value(tag.label, tag_id)}
        yield (
            _fill(spec.title, with_tag),
            _fill(spec.intro, with_tag),
            [_entry(i, spec.select) for i in members],
        )


def _entry(item: ItemBase, select: SelectSpec) -> Entry:
    return Entry(item=item.id, priority=select.priority)


def _select(
    select: SelectSpec,
    corpus: Corpus,
    values: dict[str, _Value],
    placed: dict[str, None],
    by_title: dict[str, list[str]],
) -> list[ItemBase]:
    items = [i for i in corpus if i.id not in placed]
    if select.kinds:
        items = [i for i in items if i.kind in select.kinds]
    if select.sets:
        items = [i for i in items if i.set_id in select.sets]
        order = {s: n for n, s in enumerate(select.sets)}
        items.sort(key=lambda i: order[i.set_id or ""])
    if select.tags:
        items = [i for i in items if set(i.tags) & set(select.tags)]
    if select.on_day:
        day = values[select.on_day].date
        items = [i for i in items if day in corpus.dates_of(i)]
    if select.related_to:
        names = (select.related_to,) if isinstance(select.related_to, str) else select.related_to
        related = {r.id for name in names for r in corpus.related(values[name].id)}
        items = [i for i in items if i.id in related]
    if select.shares_tags_with:
        tags = set(corpus.item(values[select.shares_tags_with].id).tags)
        items = [i for i in items if set(i.tags) & tags]
    if select.related_to_section:
        related = {
            r.id
            for source in by_title.get(select.related_to_section, [])
            for r in corpus.related(source)
        }
        items = [i for i in items if i.id in related]
    if select.with_caveats:
        items = [i for i in items if corpus.caveats_for(i.id)]
    if select.order == "time":
        items.sort(
            key=lambda i: (
                (min(corpus.dates_of(i), default=dt.date.max), getattr(i, "start", None) or "99:99")
                if isinstance(i, Event)
                else (dt.date.max, "99:99")
            )
        )
    return items[: select.limit] if select.limit else items
