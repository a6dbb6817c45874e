"""A corpus folder, loaded or checked: its files read once, validated, cached for the next run."""

from __future__ import annotations

from pathlib import Path

from briefcase_tui.domain.corpus.build import build_corpus
from briefcase_tui.domain.corpus.cache import load_indexed_corpus
from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.files import read_corpus_files
from briefcase_tui.domain.corpus.quotecheck import QuoteReport, check_quotes
from briefcase_tui.errors import BriefcaseError


def load_corpus(folder: Path, use_cache: bool = True) -> Corpus:
    """The validated corpus of a folder; any problem raises CorpusError listing them all.

    Through the cache, a run does not pay again for validation an earlier run did.
    """
    return load_indexed_corpus(folder, use_cache)[0]


def check_corpus(folder: Path) -> list[BriefcaseError]:
    """Every problem in a corpus folder (whoever fixes it wants the whole list); none: it loads."""
    return check_corpus_against(folder, None)[0]


def check_corpus_against(
    folder: Path, sources: Path | None
) -> tuple[list[BriefcaseError], QuoteReport | None]:
    """Every problem in a corpus folder, and with `sources` every quote and locator checked.

    The quotes are checked only when the corpus itself loads: a quote of a broken record
    has nowhere certain to point.
    """
    try:
        contents = read_corpus_files(folder)
    except BriefcaseError as error:
        return [error], None
    corpus, problems = build_corpus(contents)
    if sources is None or corpus is None or problems:
        return problems, None
    if not sources.is_dir():
        return [BriefcaseError("sources folder not found", sources)], None
    report = check_quotes(corpus, contents, sources)
    return report.problems, report
