"""PyStemmer (Snowball in C), when installed, stems exactly as the pure-Python snowballstemmer.

snowballstemmer hands its work to PyStemmer whenever PyStemmer can be imported, so search
never says which one ran: the stems, and so every search result, must be the same.
"""

from __future__ import annotations

import pytest

from briefcase_tui.domain.corpus.files import read_corpus_files
from briefcase_tui.domain.text import stem, stem_french, words
from briefcase_tui.paths import BUNDLED_CORPUS_DIR

Stemmer = pytest.importorskip("Stemmer")


def _bundled_words() -> list[str]:
    """Every folded word of the bundled corpus's files, once."""
    texts = read_corpus_files(BUNDLED_CORPUS_DIR).values()
    return sorted({word for data in texts for word in words(data.decode("utf-8"))})


def test_snowballstemmer_hands_its_work_to_pystemmer_when_installed() -> None:
    import snowballstemmer  # type: ignore[import-untyped]

    assert snowballstemmer.stemmer is Stemmer.Stemmer


@pytest.mark.parametrize("language", ["english", "french"])
def test_pystemmer_gives_the_pure_python_stem_of_every_bundled_word(language: str) -> None:
    from snowballstemmer.english_stemmer import EnglishStemmer  # type: ignore[import-untyped]
    from snowballstemmer.french_stemmer import FrenchStemmer  # type: ignore[import-untyped]

    pure = (EnglishStemmer if language == "english" else FrenchStemmer)()
    fast = Stemmer.Stemmer(language)
    vocabulary = _bundled_words()
    assert len(vocabulary) > 2000
    differing = [w for w in vocabulary if fast.stemWord(w) != pure.stemWord(w)]
    assert differing == []


def test_the_stems_search_uses_are_the_pure_python_ones() -> None:
    from snowballstemmer.english_stemmer import EnglishStemmer
    from snowballstemmer.french_stemmer import FrenchStemmer

    english, french = EnglishStemmer(), FrenchStemmer()
    for word in ("regulating", "regulation", "observatoires", "sécurité", "governance"):
        folded = words(word)[0]
        assert stem(folded) == english.stemWord(folded)
        assert stem_french(folded) == french.stemWord(folded)
