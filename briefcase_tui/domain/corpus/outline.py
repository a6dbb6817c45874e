"""The browser's sections and the outline of items in each: grouping is data logic, not widget logic."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.models import (
    Action,
    ItemBase,
    Principle,
    Priority,
    Recommendation,
    Signatory,
    Theme,
    Workstream,
)
from briefcase_tui.domain.corpus.sections import SECTION_OF_KIND, SECTIONS, SOURCE_PREFIX, SectionId

__all__ = [
    "SECTIONS",
    "SECTION_OF_KIND",
    "SOURCE_PREFIX",
    "OutlineNode",
    "SectionId",
    "section_outline",
]


@dataclass(frozen=True)
class OutlineNode:
    """One row of a section: a group heading (no id) or an item (or source) to open."""

    label: str
    item_id: str | None = None
    children: tuple[OutlineNode, ...] = ()


def section_outline(corpus: Corpus, section: SectionId) -> tuple[OutlineNode, ...]:
    """The rows of a section, grouped the way a delegate looks for them.

    The programme's days and events come from `agenda.build_agenda` (times, clashes,
    filters); its outline here holds what the agenda does not: the venues.
    """
    builders = {
        "programme": _programme,
        "workstreams": _workstreams,
        "recommendations": _recommendations,
        "actors": _actors,
        "figures": _figures,
        "milestones": _milestones,
        "sources": _sources,
    }
    return tuple(builders[section](corpus))


def _leaf(item: ItemBase, label: str | None = None) -> OutlineNode:
    return OutlineNode(label if label is not None else item.title, item.id)


def _group(label: str, nodes: Iterable[OutlineNode]) -> OutlineNode | None:
    children = tuple(nodes)
    return OutlineNode(f"{label} ({_count(children)})", None, children) if children else None


def _count(nodes: tuple[OutlineNode, ...]) -> int:
    return sum(1 if node.item_id else 0 for node in nodes) + sum(
        _count(n.children) for n in nodes if n.item_id is None
    )


def _present(*nodes: OutlineNode | None) -> list[OutlineNode]:
    return [node for node in nodes if node is not None]


def _programme(corpus: Corpus) -> list[OutlineNode]:
    return _present(_group("Venues", (_leaf(v) for v in corpus.of_kind("venue"))))


def _workstreams(corpus: Corpus) -> list[OutlineNode]:
    streams = sorted((i for i in corpus.items if isinstance(i, Workstream)), key=lambda w: w.number)
    return [_leaf(w, f"{w.number}. {w.title}") for w in streams]


def _ranked(items: Iterable[ItemBase]) -> list[ItemBase]:
    return sorted(items, key=lambda i: getattr(i, "rank", 0))


def _recommendations(corpus: Corpus) -> list[OutlineNode]:
    """Each set: its priorities with their recommendations, then loose ones, principles, actions, themes."""
    nodes: list[OutlineNode] = []
    for set_id, rec_set in corpus.sets.items():
        members = [i for i in corpus.items if getattr(i, "set", None) == set_id]
        priorities = _ranked(i for i in members if isinstance(i, Priority))
        recommendations = _ranked(i for i in members if isinstance(i, Recommendation))
        children: list[OutlineNode] = []
        for priority in priorities:
            under = [r for r in recommendations if r.priority == priority.id]  # type: ignore[attr-defined]
            children.append(
                OutlineNode(
                    f"{priority.rank}. {priority.title}",
                    priority.id,  # type: ignore[attr-defined]
                    tuple(_leaf(r, f"{r.rank}. {r.title}") for r in under),
                )  # type: ignore[attr-defined]
            )
        loose = [r for r in recommendations if not r.priority]  # type: ignore[attr-defined]
        for label, group in (
            ("Recommendations", loose),
            ("Principles", _ranked(i for i in members if isinstance(i, Principle))),
            ("Actions", _ranked(i for i in members if isinstance(i, Action))),
            ("Themes", _ranked(i for i in members if isinstance(i, Theme))),
        ):
            node = _group(label, (_leaf(i, f"{i.rank}. {i.title}") for i in group))  # type: ignore[attr-defined]
            if node is not None:
                children.append(node)
        nodes.append(OutlineNode(rec_set.title, None, tuple(children)))
    return nodes


def _actors(corpus: Corpus) -> list[OutlineNode]:
    signatories = sorted(
        (i for i in corpus.items if isinstance(i, Signatory)), key=lambda s: s.position
    )

    def label(entry: Signatory) -> str:
        repeat = " (listed twice)" if entry.duplicate_of else ""
        return f"{entry.position}. {entry.listed_as}{repeat}"

    return _present(
        _group("Signatories", (_leaf(s, label(s)) for s in signatories)),
        _group("Organisations", (_leaf(o) for o in corpus.of_kind("organisation"))),
        _group("People", (_leaf(p) for p in corpus.of_kind("person"))),
    )


def _figures(corpus: Corpus) -> list[OutlineNode]:
    return _present(
        _group("Figures", (_leaf(f) for f in corpus.of_kind("figure"))),
        _group("Initiatives", (_leaf(i) for i in corpus.of_kind("initiative"))),
        _group("Actions", (_leaf(a) for a in corpus.of_kind("action"))),
    )


def _milestones(corpus: Corpus) -> list[OutlineNode]:
    summits = sorted(corpus.of_kind("summit"), key=lambda s: getattr(s, "year", 0))
    return _present(
        _group("Milestones", (_leaf(m) for m in corpus.of_kind("milestone"))),
        _group("Summits", (_leaf(s) for s in summits)),
    )


def _sources(corpus: Corpus) -> list[OutlineNode]:
    sources = [
        OutlineNode(f"{s.title} ({s.kind_label})", SOURCE_PREFIX + s.id)
        for s in corpus.sources.values()
    ]
    return _present(
        _group("Sources quoted", sources),
        _group("Documents referred to", (_leaf(d) for d in corpus.of_kind("document"))),
    )
