"""The bundled corpus is complete, linked and faithful to its sources."""

from __future__ import annotations

import collections
import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefcase_tui.domain.corpus.kinds import KINDS
from briefcase_tui.domain.corpus.load import check_corpus
from briefcase_tui.domain.corpus.models import (
    Event,
    Priority,
    Recommendation,
    Signatory,
    Workstream,
)
from briefcase_tui.domain.corpus.serialize import corpus_data
from briefcase_tui.paths import BUNDLED_CORPUS_DIR
from tests.conftest import SHARED_SOURCES
from tests.narrowing import must_be

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus

EXPECTED_AT_LEAST = {
    "signatory": 73,
    "workstream": 5,
    "day": 7,
    "milestone": 4,
    "summit": 3,
    "event": 15,
    "venue": 8,
    "person": 9,
    "figure": 20,
    "recommendation": 40,
    "organisation": 25,
}


def test_the_bundled_corpus_has_no_problems() -> None:
    assert check_corpus(BUNDLED_CORPUS_DIR) == []


def test_every_kind_is_present_in_the_expected_numbers(corpus: Corpus) -> None:
    counts = collections.Counter(item.kind for item in corpus)
    assert set(counts) == set(KINDS)
    for kind, minimum in EXPECTED_AT_LEAST.items():
        assert counts[kind] >= minimum, f"{kind}: {counts[kind]} < {minimum}"
    assert counts["signatory"] == 73


def test_the_priority_sets_have_seven_tech7_and_six_statement_priorities(corpus: Corpus) -> None:
    priorities = collections.Counter(
        must_be(Priority, item).set for item in corpus.of_kind("priority")
    )
    assert priorities == {"tech7": 7, "statement": 6}


def test_every_tech7_priority_has_at_least_one_recommendation(corpus: Corpus) -> None:
    recommendations = [must_be(Recommendation, i) for i in corpus.of_kind("recommendation")]
    covered = {r.priority for r in recommendations if r.set == "tech7"}
    assert {f"tech7-p{n}" for n in range(1, 8)} <= covered


def test_each_workstream_names_its_envoy_as_a_person(corpus: Corpus) -> None:
    envoys = {}
    for item in corpus.of_kind("workstream"):
        assert isinstance(item, Workstream)
        envoys[item.title] = corpus.item(item.envoy).title
    assert envoys == {
        "International Governance": "Henri Verdier",
        "Future of Work": "Sana de Courcelles",
        "Security & Safety": "Guillaume Poupard",
        "AI for General Interest": "Martin Tisne",
        "Innovation and Culture": "Roxanne Varza",
    }


def test_the_repeated_signatory_is_kept_and_flagged(corpus: Corpus) -> None:
    estonia = [
        i
        for i in corpus.of_kind("signatory")
        if isinstance(i, Signatory) and i.listed_as == "Estonia"
    ]
    assert [i.position for i in estonia] == [15, 16]
    assert estonia[1].duplicate_of == estonia[0].id
    assert corpus.caveats_for(estonia[1].id), "the duplicate must carry a caveat"


def test_signatory_positions_run_from_1_to_73_without_gaps(corpus: Corpus) -> None:
    positions = sorted(must_be(Signatory, i).position for i in corpus.of_kind("signatory"))
    assert positions == list(range(1, 74))


def test_every_item_quotes_at_least_one_known_source(corpus: Corpus) -> None:
    for item in corpus:
        assert item.quotes, f"{item.id} has no quote"
        assert all(q.source in corpus.sources for q in item.quotes), item.id


def test_links_are_answered_both_ways(corpus: Corpus) -> None:
    for item in corpus:
        for target in item.links:
            assert item.id in {r.id for r in corpus.related(target)}, (
                f"{target} does not point back to {item.id}"
            )


def test_every_event_on_a_date_has_a_matching_day(corpus: Corpus) -> None:
    days = {d.date for d in corpus.days()}
    for event in corpus.of_kind("event"):
        assert isinstance(event, Event)
        assert set(event.dates) <= days, f"{event.id} falls on a day with no day item"


def test_caveats_quote_at_least_two_sides_and_cover_the_known_disagreements(corpus: Corpus) -> None:
    assert len(corpus.caveats) >= 20
    for caveat in corpus.caveats:
        assert len(caveat.sides) >= 2
    topics = {c.id for c in corpus.caveats}
    for expected in (
        "summit-dates",
        "main-summit-day",
        "business-day-date",
        "country-count",
        "estonia-listed-twice",
        "tech7-membership",
        "track-names",
    ):
        assert expected in topics


def _fold(text: str) -> str:
    """The folding of ../shared/tools/check_quotes.py: artefacts, curly quotes, spaces, case."""
    import re

    text = re.sub(r"\*\*|[\u203a\u2022]", " ", text)  # Markdown bold, bullet marks
    text = (
        text.replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
    )
    return " ".join(text.split()).lower()


@pytest.mark.skipif(
    not SHARED_SOURCES.is_dir(), reason="the source documents are not beside the repository"
)
def test_every_quote_and_caveat_side_is_verbatim_in_the_file_of_its_source(corpus: Corpus) -> None:
    import re

    bodies = {
        sid: _fold((SHARED_SOURCES / s.file).read_text(encoding="utf-8"))
        for sid, s in corpus.sources.items()
    }
    quotes = [(item.id, q.source, q.text) for item in corpus for q in item.quotes]
    quotes += [(c.id, side.source, side.text) for c in corpus.caveats for side in c.sides]
    missing = []
    for owner, source, text in quotes:
        position = 0
        for span in re.split(r"\s*(?:…|\.\.\.)\s*", text):
            found = bodies[source].find(_fold(span), position)
            if found < 0:
                missing.append(f"{owner}: {text[:80]!r}")
                break
            position = found + len(_fold(span))
    assert not missing, "\n".join(missing)


@pytest.mark.skipif(
    not (SHARED_SOURCES.parent / "tools" / "check_quotes.py").exists(), reason="no check_quotes.py"
)
def test_the_shared_quote_checker_accepts_the_dump(corpus: Corpus, tmp_path: Path) -> None:
    dump = tmp_path / "dump.json"
    dump.write_text(json.dumps(corpus_data(corpus)), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SHARED_SOURCES.parent / "tools" / "check_quotes.py"), str(dump)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 source ids mixed" in result.stdout
