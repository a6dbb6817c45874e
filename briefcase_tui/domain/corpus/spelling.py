"""Typo tolerance: the known words a misspelt query word was probably meant to be.

Why rapidfuzz: it computes the optimal-string-alignment distance (a swap of two letters
counts as one edit, as a typing slip does) over the whole vocabulary in compiled code, in
about a millisecond for the corpus's six thousand words; the same loop in Python takes tens of
milliseconds, too slow for a keystroke.
"""

from __future__ import annotations

MIN_LENGTH = 5
"""Shorter words are not corrected: too many short words lie one edit apart."""
LONG_WORD = 9
"""From this length a word may be two edits away from what was meant."""


def allowed_edits(word: str) -> int:
    """How many edits a word may be from its correction: none, one, or two for long words."""
    if len(word) < MIN_LENGTH:
        return 0
    return 2 if len(word) >= LONG_WORD else 1


def closest_words(word: str, vocabulary: list[str], limit: int = 3) -> list[str]:
    """The known words nearest to a misspelt one, nearest first, or none within reach."""
    edits = allowed_edits(word)
    if not edits:
        return []
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    found = process.extract(word, vocabulary, scorer=OSA.distance, score_cutoff=edits, limit=None)
    if not found:
        return []
    nearest = min(distance for _, distance, _ in found)
    return [w for w, distance, _ in found if distance == nearest][:limit]
