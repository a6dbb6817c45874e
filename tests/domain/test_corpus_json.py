"""The corpus as JSON for its content fingerprint: the same text as `corpus_data` dumped."""

from __future__ import annotations

import json

from briefcase_tui.domain.corpus.build import build_corpus
from briefcase_tui.domain.corpus.files import read_corpus_files
from briefcase_tui.domain.corpus.serialize import corpus_data, corpus_json
from briefcase_tui.paths import BUNDLED_CORPUS_DIR


def test_the_corpus_json_is_the_dumped_corpus_data() -> None:
    """Exports print a fingerprint of this text: writing it faster must not change a byte of it
    (dates, numbers, accents, caveats under their items, tuples as lists)."""
    corpus, problems = build_corpus(read_corpus_files(BUNDLED_CORPUS_DIR))
    assert corpus is not None and not problems
    expected = json.dumps(corpus_data(corpus), ensure_ascii=False, sort_keys=True)
    written = corpus_json(corpus)
    assert written == expected
    assert '"caveats": [{' in written and "é" in written
