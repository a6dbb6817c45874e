"""What the pack screen counts and marks over a whole pack, kept per section between keys.

A key on a 10,000-entry pack changes one or two sections; edits keep the sections they
leave alone (the same objects), so each section's answer is kept while the section is the
same object and a key re-counts one section, not the whole pack: its merge conflicts (for
the header and the entry pane) and its entries whose item changed in the corpus (for the
outline's marks).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.packs.models import Pack, Section


class PackTallies:
    """Per-section conflict counts and changed-entry marks, kept while a section is unchanged."""

    def __init__(self) -> None:
        self._conflicts: dict[int, tuple[Section, int]] = {}
        """Per section index: the section as last counted, and the conflicts in and under it."""
        self._changed_corpus: Corpus | None = None
        self._changed: dict[int, tuple[Section, frozenset[int]]] = {}
        """Per section index: the section as last checked, and its entries changed in the corpus."""

    def conflict_count(self, pack: Pack) -> int:
        """`pack.conflict_count()`, counting again only the sections that changed."""
        total = len(pack.conflicts)
        for s_index, section in enumerate(pack.sections):
            known = self._conflicts.get(s_index)
            if known is None or known[0] is not section:
                count = len(section.conflicts) + sum(len(e.conflicts) for e in section.entries)
                known = self._conflicts[s_index] = (section, count)
            total += known[1]
        return total

    def changed_in(self, s_index: int, section: Section, corpus: Corpus | None) -> frozenset[int]:
        """The entries of a section whose item changed in the corpus since they were added.

        Asked by the outline for the sections it shows rows of: a folded section is checked
        when it opens. Nothing is marked while the corpus loads.
        """
        if corpus is None:
            return frozenset()
        if self._changed_corpus is not corpus:
            self._changed_corpus, self._changed = corpus, {}
        known = self._changed.get(s_index)
        if known is None or known[0] is not section:
            from briefcase_tui.domain.packs.review import entry_status

            marked = frozenset(
                e_index
                for e_index, entry in enumerate(section.entries)
                if entry_status(entry, corpus) == "changed"
            )
            known = self._changed[s_index] = (section, marked)
        return known[1]
