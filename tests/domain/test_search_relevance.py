"""Search relevance: what a delegate or adviser types, and the one item they expect first.

Each expected id was chosen from the meaning of the question and the corpus content, not from
what the ranking happens to return. A failing question is a ranking problem to fix, not a
question to reword.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.filters import SearchFilters
from briefcase_tui.domain.corpus.search import SearchHit, SearchIndex
from briefcase_tui.domain.text import words

# (question as typed, the item a knowledgeable person expects first)
QUESTIONS: list[tuple[str, str | tuple[str, ...]]] = [
    # Natural-language questions
    ("who is the envoy for the future of work", "person-sana-de-courcelles"),
    ("who leads the international governance working group", "person-henri-verdier"),
    ("which workstream covers intellectual property", "ws-innovation-culture"),
    ("when is Government Officials Day", "event-government-officials-day"),
    ("how much is France investing in AI", "fig-france-109bn"),
    ("which countries founded the Public Interest AI Platform", "fig-public-interest-founders"),
    ("what is Current AI", "init-current-ai"),
    ("how many jobs could AI affect", "fig-jobs-40-percent"),
    ("what did TECH7 say about deepfakes", "tech7-rec-deepfake-controls"),
    ("who is the European Commission president", "person-ursula-von-der-leyen"),
    # The sources disagree on this count (a recorded caveat): any of their three figures is right.
    (
        "how many countries took part in the summit",
        ("fig-statement-100-countries", "fig-nearly-100-countries", "fig-commentary-100-nations"),
    ),
    ("how many signatories does the statement have", "fig-signatory-entries"),
    # Both entries carry the caveat that explains the repetition.
    ("why is Estonia listed twice", ("sig-estonia-2", "sig-estonia")),
    ("how many executives attend Business Leaders Day", "fig-business-1000-2000"),
    ("how many experts take part in the cyber crisis exercise", "fig-cyber-250-300"),
    ("what does the statement say about the future of work", "statement-p4"),
    ("where is the AI and democracy event", "event-democracy-ens"),
    ("what happens on 8 February", "day-2025-02-08"),
    ("what is the Global Digital Compact", "init-global-digital-compact"),
    ("is there an observatory on the energy impact of AI", "statement-action-energy-observatory"),
    # Short keyword queries
    ("grand palais", "venue-grand-palais"),
    ("station f", "venue-station-f"),
    ("british library", "venue-british-library"),
    ("bnf", "venue-bnf"),
    ("bibliotheque nationale", "venue-bnf"),
    ("hiroshima process", "init-hiroshima-ai-process"),
    ("kigali", "ms-kigali-summit"),
    ("bletchley park", "summit-bletchley-2023"),
    ("seoul summit", "summit-seoul-2024"),
    ("cyber crisis exercise", "event-cyber-crisis-exercise"),
    ("business leaders day", "event-business-leaders-day"),
    ("pre-summit webinar", "event-pre-summit-webinar"),
    # The laureates are named for the conference, and the venue's page is about that conference.
    ("nobel laureates", ("event-scientific-conference", "venue-institut-polytechnique")),
    ("iaseai conference", "event-iaseai-conference"),
    ("scientific panel", "statement-action-scientific-panel"),
    ("autonomous weapons", "tech7-rec-autonomous-weapons-safety"),
    ("supply chain resilience", "tech7-p5"),
    ("coalition for sustainable ai", "init-coalition-sustainable-ai"),
    ("EU AI Act", "doc-eu-ai-act"),
    ("AI Week", "init-ai-week"),
    ("trustworthy ai track", "ws-security-safety"),
    ("hugging face", "sig-hugging-face"),
    ("czech republic", "sig-czechia"),
    ("holy see", "sig-vatican"),
    ("wsis", "init-wsis"),
    ("ip paris", "venue-institut-polytechnique"),
    # As-you-type prefixes
    ("hiros", "init-hiroshima-ai-process"),
    ("poup", "person-guillaume-poupard"),
    ("courcel", "person-sana-de-courcelles"),
    ("grand pal", "venue-grand-palais"),
    ("deepf", "tech7-rec-deepfake-controls"),
    # Accent and case variants
    ("ecole normale", "venue-ens"),
    ("ÉCOLE NORMALE SUPÉRIEURE", "venue-ens"),
    ("TISNE", "person-martin-tisne"),
    ("Martin Tisné", "person-martin-tisne"),
    ("Bibliothèque Nationale de France", "venue-bnf"),
    # Names
    ("macron", "person-emmanuel-macron"),
    ("von der leyen", "person-ursula-von-der-leyen"),
    ("vance", "person-jd-vance"),
    ("roxanne varza", "person-roxanne-varza"),
    ("henri verdier", "person-henri-verdier"),
    ("bitkom", "org-bitkom"),
    ("generative ai japan", "org-generative-ai-japan"),
    # Figures
    ("109 billion", "fig-france-109bn"),
    ("150 billion", "fig-europe-150bn"),
    ("500 billion", "fig-us-500bn"),
    ("400 million", "fig-current-ai-400m"),
    ("40% of jobs", "fig-jobs-40-percent"),
    ("five working groups", "fig-5-working-groups"),
    # Dates
    ("11 February", "day-2025-02-11"),
    ("10 February", "day-2025-02-10"),
    ("6 February", "day-2025-02-06"),
    ("4 February", "day-2025-02-04"),
]


def _top3(hits: list[SearchHit]) -> list[str]:
    return [hit.id for hit in hits[:3]]


@pytest.mark.parametrize(
    ("question", "expected"),
    [pytest.param(question, expected, id=question) for question, expected in QUESTIONS],
)
def test_question_finds_the_expected_item_first(
    index: SearchIndex, question: str, expected: str | tuple[str, ...]
) -> None:
    acceptable = (expected,) if isinstance(expected, str) else expected
    hits = index.search(question)
    assert hits and hits[0].id in acceptable, (
        f"{question!r}: expected {' or '.join(acceptable)} first, got top 3 {_top3(hits)}"
    )


def test_expected_ids_exist_in_the_corpus(corpus: Corpus) -> None:
    expected_ids = {
        e
        for _, expected in QUESTIONS
        for e in ((expected,) if isinstance(expected, str) else expected)
    }
    missing = sorted(i for i in expected_ids if corpus.get(i) is None)
    assert not missing, f"expected ids not in the corpus: {missing}"


# ---------------------------------------------------------------------------------------------
# Behaviour
# ---------------------------------------------------------------------------------------------


def test_search_is_case_and_accent_insensitive(index: SearchIndex) -> None:
    accented = index.search("École Normale Supérieure")
    plain = index.search("ecole normale superieure")
    shouted = index.search("ECOLE NORMALE SUPERIEURE")
    assert accented and plain and shouted
    assert accented[0].id == plain[0].id == shouted[0].id
    assert [h.id for h in accented] == [h.id for h in plain] == [h.id for h in shouted]


def test_a_prefix_of_the_last_word_finds_the_item(index: SearchIndex) -> None:
    for partial in ("business day at stat", "business day at statio"):
        hits = index.search(partial)
        assert "event-business-day-station-f" in _top3(hits), (partial, _top3(hits))
    hits = index.search("stati")
    assert "venue-station-f" in [h.id for h in hits], _top3(hits)


def test_an_item_with_every_query_word_in_its_title_ranks_above_one_mentioning_them_in_its_summary(
    index: SearchIndex, corpus: Corpus
) -> None:
    cases = [
        # query, item titled with every word, item that only mentions them in its summary
        ("democracy", "event-democracy-ens", "venue-ens"),
        ("energy observatory", "statement-action-energy-observatory", "org-iea"),
        ("business day", "event-business-day-station-f", "venue-station-f"),
    ]
    for query, titled, mentioned in cases:
        terms = set(words(query))
        assert terms <= set(words(corpus.item(titled).title)), (query, titled)
        assert not terms <= set(words(corpus.item(mentioned).title)), (query, mentioned)
        assert terms <= set(words(corpus.item(mentioned).summary)), (query, mentioned)
        ranked = [hit.id for hit in index.search(query, limit=None)]
        assert titled in ranked and mentioned in ranked, (query, ranked[:5])
        assert ranked.index(titled) < ranked.index(mentioned), (query, ranked[:5])


def test_the_kind_filter_keeps_only_that_kind(index: SearchIndex) -> None:
    unfiltered = index.search("grand palais", limit=None)
    filtered = index.search("grand palais", SearchFilters(kinds=frozenset({"event"})), limit=None)
    assert filtered and len(filtered) < len(unfiltered)
    assert {hit.kind for hit in filtered} == {"event"}
    assert "venue-grand-palais" not in [hit.id for hit in filtered]


def test_the_tag_filter_keeps_only_items_with_that_tag(index: SearchIndex, corpus: Corpus) -> None:
    unfiltered = index.search("summit", limit=None)
    filtered = index.search("summit", SearchFilters(tags=frozenset({"culture"})), limit=None)
    assert filtered and len(filtered) < len(unfiltered)
    assert all("culture" in corpus.item(hit.id).tags for hit in filtered)


def test_the_day_filter_keeps_only_items_on_that_day(index: SearchIndex, corpus: Corpus) -> None:
    day = dt.date(2025, 2, 11)
    unfiltered = index.search("grand palais", limit=None)
    filtered = index.search("grand palais", SearchFilters(days=frozenset({day})), limit=None)
    assert filtered and len(filtered) < len(unfiltered)
    assert all(day in corpus.dates_of(corpus.item(hit.id)) for hit in filtered)
    assert "event-government-officials-day" in [hit.id for hit in filtered]
    assert "event-grand-palais-main-summit" not in [hit.id for hit in filtered]


def test_the_source_filter_keeps_only_items_citing_that_source(
    index: SearchIndex, corpus: Corpus
) -> None:
    unfiltered = index.search("investment", limit=None)
    commentary_only = SearchFilters(sources=frozenset({"commentary"}))
    filtered = index.search("investment", commentary_only, limit=None)
    assert filtered and len(filtered) < len(unfiltered)
    for hit in filtered:
        assert "commentary" in {source.id for source in corpus.sources_of(corpus.item(hit.id))}
    assert "fig-us-500bn" not in [hit.id for hit in filtered]


def test_filters_combine_so_every_one_must_hold(index: SearchIndex, corpus: Corpus) -> None:
    filters = SearchFilters(kinds=frozenset({"event"}), tags=frozenset({"business"}))
    hits = index.search("day", filters, limit=None)
    assert hits
    assert all(h.kind == "event" and "business" in corpus.item(h.id).tags for h in hits)


@pytest.mark.parametrize(
    "query",
    ["the of and", "what is the", "???", "...", "!!! --- ;;;", "", "   ", "—", "«»", "\t\n"],
)
def test_a_query_of_only_stopwords_or_punctuation_does_not_raise(
    index: SearchIndex, query: str
) -> None:
    hits = index.search(query)
    assert isinstance(hits, list)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text())
def test_any_text_query_returns_a_list_without_raising(index: SearchIndex, query: str) -> None:
    hits = index.search(query)
    assert isinstance(hits, list)
    assert len(hits) <= 20
