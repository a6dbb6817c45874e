"""The browser's sections and where each kind of item is browsed: names only, no models.

Kept apart from `outline.py` so the app's first screen can draw its tabs without importing
the corpus models (and pydantic's validators) before the corpus arrives.
"""

from __future__ import annotations

from typing import Literal

SectionId = Literal[
    "programme", "workstreams", "recommendations", "actors", "figures", "milestones", "sources"
]
SECTIONS: tuple[tuple[SectionId, str], ...] = (
    ("programme", "Programme"),
    ("workstreams", "Workstreams"),
    ("recommendations", "Recommendations"),
    ("actors", "Actors"),
    ("figures", "Figures"),
    ("milestones", "Milestones"),
    ("sources", "Sources"),
)
"""Sections in the order of their number keys."""

SECTION_OF_KIND: dict[str, SectionId] = {
    "day": "programme",
    "event": "programme",
    "venue": "programme",
    "workstream": "workstreams",
    "priority": "recommendations",
    "recommendation": "recommendations",
    "principle": "recommendations",
    "theme": "recommendations",
    "signatory": "actors",
    "organisation": "actors",
    "person": "actors",
    "figure": "figures",
    "initiative": "figures",
    "action": "figures",
    "milestone": "milestones",
    "summit": "milestones",
    "document": "sources",
}
"""Where each kind of item is browsed; an action shows under Figures and its recommendation set."""

SOURCE_PREFIX = "source:"
"""Outline ids of sources, which are not items: `source:statement`."""
