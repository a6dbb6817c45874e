"""The browser's sections, under the names the app imports them by; their home is `kinds.py`."""

from __future__ import annotations

from briefcase_tui.domain.corpus.kinds import SECTION_OF_KIND, SECTIONS, SOURCE_PREFIX, SectionId

__all__ = ["SECTIONS", "SECTION_OF_KIND", "SOURCE_PREFIX", "SectionId"]
