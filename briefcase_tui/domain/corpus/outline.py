"""The rows of each section of the browser: grouping is data logic, not widget logic."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.kinds import (
    KIND_OF,
    KIND_TABLE,
    SECTION_TABLE,
    SOURCE_PREFIX,
    Kind,
    SectionId,
)
from briefcase_tui.domain.corpus.models import ItemBase, Priority, Recommendation


@dataclass(frozen=True)
class OutlineNode:
    """One row of a section: a group heading (no id) or an item (or source) to open."""

    label: str
    item_id: str | None = None
    children: tuple[OutlineNode, ...] = ()


def section_outline(corpus: Corpus, section: SectionId) -> tuple[OutlineNode, ...]:
    """The rows of a section, grouped the way a delegate looks for them.

    Each kind the section browses is a group of rows under its heading, in the section's
    order (both from `kinds.py`); the programme's days and events are left to
    `agenda.build_agenda` (times, clashes, filters). Recommendations lists each set with its
    members instead, and Sources puts the sources quoted before the documents referred to.
    """
    if section == "recommendations":
        return tuple(_sets(corpus))
    kinds = next(s.kinds for s in SECTION_TABLE if s.id == section)
    rows = _kind_groups(corpus, kinds)
    if section == "sources":
        quoted = [
            OutlineNode(f"{s.title} ({s.kind_label})", SOURCE_PREFIX + s.id)
            for s in corpus.sources.values()
        ]
        rows = _present(_group("Sources quoted", quoted)) + rows
    return tuple(rows)


def _kind_groups(corpus: Corpus, kinds: Iterable[str]) -> list[OutlineNode]:
    """The items of each kind, in the order their models give, under the kind's heading."""
    nodes: list[OutlineNode] = []
    for name in kinds:
        kind = KIND_OF[name]
        if kind.on_agenda:
            continue
        items = sorted(corpus.of_kind(name), key=lambda item: item.outline_rank())
        rows = [OutlineNode(item.outline_label(), item.id) for item in items]
        nodes += _under_heading(kind, rows)
    return nodes


def _sets(corpus: Corpus) -> list[OutlineNode]:
    """Each set: its priorities with their recommendations, then its other members by kind."""
    nodes: list[OutlineNode] = []
    for set_id, recommendation_set in corpus.sets.items():
        members = sorted((item for item in corpus.items if item.set_id == set_id), key=_rank)
        children: list[OutlineNode] = []
        for kind in KIND_TABLE:
            rows = [
                _member_row(member, members)
                for member in members
                if member.kind == kind.name
                and not (isinstance(member, Recommendation) and member.priority)
            ]
            children += _under_heading(kind, rows)
        nodes.append(OutlineNode(recommendation_set.title, None, tuple(children)))
    return nodes


def _member_row(member: ItemBase, members: list[ItemBase]) -> OutlineNode:
    """A set member as `rank. title`; a priority holds its recommendations."""
    under = [r for r in members if isinstance(r, Recommendation) and r.priority == member.id]
    children = tuple(_member_row(r, members) for r in under) if isinstance(member, Priority) else ()
    return OutlineNode(f"{_rank(member)}. {member.title}", member.id, children)


def _rank(member: ItemBase) -> int:
    rank: int = getattr(member, "rank", 0)
    return rank


def _under_heading(kind: Kind, rows: list[OutlineNode]) -> list[OutlineNode]:
    """A kind's rows under its group's heading (none when empty), or on their own."""
    return _present(_group(kind.group, rows)) if kind.group else rows


def _group(label: str, nodes: Iterable[OutlineNode]) -> OutlineNode | None:
    children = tuple(nodes)
    return OutlineNode(f"{label} ({_count(children)})", None, children) if children else None


def _count(nodes: tuple[OutlineNode, ...]) -> int:
    return sum(1 if node.item_id else 0 for node in nodes) + sum(
        _count(n.children) for n in nodes if n.item_id is None
    )


def _present(*nodes: OutlineNode | None) -> list[OutlineNode]:
    return [node for node in nodes if node is not None]
