"""The bundled corpus's history: each earlier reading is what its fingerprint says it is."""

from __future__ import annotations

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.fingerprint import fingerprint_of, item_fingerprint
from briefcase_tui.domain.corpus.history import load_history
from briefcase_tui.paths import BUNDLED_CORPUS_DIR


def test_every_earlier_reading_matches_its_fingerprint_and_differs_from_today(
    corpus: Corpus,
) -> None:
    history = load_history(BUNDLED_CORPUS_DIR)
    assert history, "the corrections of release 2025.2 keep the readings they replaced"
    for fingerprint, reading in history.items():
        assert fingerprint_of(reading.text) == fingerprint, reading.item
        assert reading.version != corpus.info.version
        item = corpus.get(reading.item)
        if item is not None:
            assert item_fingerprint(item, corpus) != fingerprint, f"{reading.item} did not change"
