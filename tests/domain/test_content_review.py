"""The content review (docs/content-review.md) accounts for every item and caveat of the corpus.

A reviewer adding an item without reviewing it, or a review that skips one, is caught here.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefcase_tui.domain.corpus.corpus import Corpus

REVIEW = Path(__file__).resolve().parents[2] / "docs" / "content-review.md"


def test_the_review_names_every_item_and_every_caveat(corpus: Corpus) -> None:
    text = REVIEW.read_text(encoding="utf-8")
    ids = [item.id for item in corpus.items] + [caveat.id for caveat in corpus.caveats]
    missing = [
        record_id
        for record_id in ids
        if not re.search(rf"(?<![a-z0-9-]){re.escape(record_id)}(?![a-z0-9-])", text)
    ]
    assert not missing, f"not in {REVIEW.name}: {missing}"
