"""`lint_pack`: what `brief pack validate` tells an author before they send a pack."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefcase_tui.domain.packs.codec import decode_pack
from briefcase_tui.domain.packs.lint import lint_pack

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.packs.lint import LintProblem

PACK = b"""format = 1
title = "Lint me"

[[sections]]
title = "Context"

[[sections.entries]]
item = "ws-future-of-work"

[[sections.entries]]
item = "ws-futur-of-work"

[[sections]]
title = "context"

[[sections.entries]]
item = "ws-future-of-work"

[[sections]]
title = "Empty"
"""


def _problems(corpus: Corpus, data: bytes = PACK) -> list[LintProblem]:
    return lint_pack(decode_pack(data, "p.toml"), corpus, data.decode())


def test_an_id_not_in_the_corpus_is_an_error_with_a_suggestion_and_its_line(corpus: Corpus) -> None:
    [problem] = [p for p in _problems(corpus) if "not in the corpus" in p.message]
    assert problem.severity == "error"
    assert (
        problem.message
        == "'ws-futur-of-work' is not in the corpus (did you mean 'ws-future-of-work'?)"
    )
    assert (problem.where, problem.line) == ("section 1, entry 2", 10)


def test_an_item_listed_twice_is_an_error_pointing_at_the_first(corpus: Corpus) -> None:
    [problem] = [p for p in _problems(corpus) if "twice" in p.message]
    assert problem.severity == "error"
    assert problem.where == "section 2, entry 1"
    assert "first in section 1, entry 1" in problem.message


def test_empty_sections_and_repeated_titles_are_warnings(corpus: Corpus) -> None:
    warnings = [
        (p.where, p.message)
        for p in _problems(corpus)
        if p.severity == "warning" and "disagree" not in p.message
    ]
    assert ("section 2", "section title 'context' is also the title of section 1") in warnings
    assert ("section 3", "section 'Empty' is empty") in warnings


def test_an_item_whose_sources_disagree_is_a_warning_naming_the_topic(corpus: Corpus) -> None:
    topics = {c.topic for c in corpus.caveats_for("ws-future-of-work")}
    assert topics, "the bundled corpus records a disagreement about the workstreams"
    messages = [p.message for p in _problems(corpus) if "disagree" in p.message]
    assert {m.split(": ", 1)[1] for m in messages} == topics
    assert all(p.severity == "warning" for p in _problems(corpus) if "disagree" in p.message)


def test_a_clean_pack_has_no_problems(corpus: Corpus) -> None:
    data = (
        b'title = "Clean"\n[[sections]]\ntitle = "A"\n[[sections.entries]]\nnote = "just a note"\n'
    )
    assert _problems(corpus, data) == []


def test_entries_in_inline_tables_point_at_their_section_line(corpus: Corpus) -> None:
    data = b'title = "Inline"\n\n[[sections]]\ntitle = "A"\nentries = [{ item = "nope-nope" }]\n'
    [problem] = _problems(corpus, data)
    assert (problem.where, problem.line) == ("section 1, entry 1", 3)


def test_without_the_text_problems_have_no_line(corpus: Corpus) -> None:
    problems = lint_pack(decode_pack(PACK, "p.toml"), corpus)
    assert problems and all(p.line is None for p in problems)
