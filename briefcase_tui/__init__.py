"""Briefcase: browse the 2025 Paris AI Action Summit offline and build briefing packs."""

__version__ = "0.1.0"
