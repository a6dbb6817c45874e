"""`brief search` as a user runs it: French, typos, filters in the query, and why each hit
matched. The real program runs as a subprocess, the way a delegate's shell starts it."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def brief(*args: str) -> subprocess.CompletedProcess[str]:
    """The real `brief`, with the test's isolated HOME and cache."""
    return subprocess.run(
        [sys.executable, "-m", "briefcase_tui", *args],
        capture_output=True,
        text=True,
        env=os.environ,
        timeout=120,
        check=False,
    )


def test_a_french_query_finds_the_english_workstream_and_says_where() -> None:
    run = brief("search", "sécurité", "--limit", "1")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("ws-security-safety") and "Security & Safety" in lines[0]
    assert lines[1].strip() == "matched in title: Security"


def test_a_typo_finds_the_item_and_the_correction_is_offered_on_stderr() -> None:
    run = brief("search", "enviroment", "--json", "--limit", "1")
    assert run.returncode == 0
    assert run.stderr == "did you mean: environment?\n"
    hit = json.loads(run.stdout)[0]
    assert (hit["id"], hit["matched_in"], hit["matched_words"]) == (
        "event-environment-ministry",
        "title",
        ["environment"],
    )


def test_filters_in_the_query_narrow_like_the_options() -> None:
    written = json.loads(brief("search", "kind:person security", "--json").stdout)
    given = json.loads(brief("search", "security", "--kind", "person", "--json").stdout)
    assert written and [h["id"] for h in written] == [h["id"] for h in given]
    assert {h["kind"] for h in written} == {"person"}


def test_a_filter_value_the_corpus_does_not_know_is_one_line_and_exit_2() -> None:
    run = brief("search", "tag:securty envoy")
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr == "brief: unknown tag 'securty' (did you mean tag:security?)\n"
    run = brief("search", "day:tomorrow envoy")
    assert run.returncode == 2
    assert run.stderr == "brief: day:tomorrow is not a date (write day:YYYY-MM-DD)\n"


def test_a_quoted_phrase_must_appear_as_written() -> None:
    hits = json.loads(brief("search", '"energy impact"', "--json").stdout)
    assert [h["id"] for h in hits][:1] == ["statement-action-energy-observatory"]
    assert all("energy" in [w.casefold() for w in h["matched_words"]] for h in hits)
