"""Search that understands what people type: stems, accents, French, typos, filters, phrases,
and the explanation of each hit (issue 15's examples, each checked as a user would see it)."""

from __future__ import annotations

import datetime as dt
import pickle

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.filters import SearchFilters
from briefcase_tui.domain.corpus.search import SearchIndex


def _ids(index: SearchIndex, query: str, limit: int = 5) -> list[str]:
    return [hit.id for hit in index.search(query, limit=limit)]


def test_an_inflected_word_finds_its_other_forms(index: SearchIndex, corpus: Corpus) -> None:
    assert "theme-regulatory-frameworks" in _ids(index, "regulating")
    governing = [corpus.item(i).title.casefold() for i in _ids(index, "governing")]
    assert governing and "governance" in governing[0], governing
    assert sum("governance" in title for title in governing) >= 3, governing


def test_french_with_or_without_accents_finds_the_english_item(index: SearchIndex) -> None:
    for query in ("sécurité", "securite", "SÉCURITÉ"):
        assert _ids(index, query)[:1] == ["ws-security-safety"], query
    assert _ids(index, "avenir du travail")[:1] == ["ws-future-of-work"]


def test_the_glossary_works_from_english_to_french_too(index: SearchIndex) -> None:
    assert "venue-bnf" in _ids(index, "national library")


def test_a_typo_still_finds_the_item_and_suggests_the_spelling(index: SearchIndex) -> None:
    result = index.find("enviroment")
    assert result.hits and result.hits[0].id == "event-environment-ministry"
    assert result.did_you_mean == "environment"


def test_a_correctly_spelt_query_suggests_nothing(index: SearchIndex) -> None:
    assert index.find("environment").did_you_mean is None


def test_short_words_are_not_corrected(index: SearchIndex) -> None:
    assert index.find("xqzt").hits == []
    assert index.find("xqzt").did_you_mean is None


def test_a_topic_word_finds_its_workstream_first(index: SearchIndex) -> None:
    assert _ids(index, "work")[:1] == ["ws-future-of-work"]


def test_an_exact_title_or_id_comes_first_and_says_so(index: SearchIndex) -> None:
    for query, expected in (
        ("Station F", "venue-station-f"),
        ("ws-future-of-work", "ws-future-of-work"),
    ):
        first = index.search(query)[0]
        assert (first.id, first.exact) == (expected, True)


def test_a_quoted_phrase_must_appear_as_written(index: SearchIndex, corpus: Corpus) -> None:
    hits = index.search('"public interest"', limit=None)
    assert hits
    for hit in hits:
        item = corpus.item(hit.id)
        text = " ".join([item.title, item.summary, *item.aliases, *(q.text for q in item.quotes)])
        tags = " ".join(corpus.tags[t].label for t in item.tags)
        assert "public interest" in f"{text} {tags}".casefold().replace("-", " "), hit.id


def test_each_hit_says_where_it_matched_and_what_to_highlight(index: SearchIndex) -> None:
    result = index.find("security")
    first = result.hits[0]
    assert first.field == "title"
    spans = index.highlights(first.title, result.terms)
    assert [first.title[a:b] for a, b in spans] == ["Security"]


def test_filters_written_in_the_query_narrow_the_results(
    index: SearchIndex, corpus: Corpus
) -> None:
    people = index.search("kind:person security", limit=None)
    assert people and {h.kind for h in people} == {"person"}
    day = dt.date(2025, 2, 11)
    on_day = index.search("day:2025-02-11 grand palais", limit=None)
    assert on_day and all(day in corpus.dates_of(corpus.item(h.id)) for h in on_day)
    tagged = index.search("tag:security envoy", limit=None)
    assert tagged and all("security" in corpus.item(h.id).tags for h in tagged)
    cited = index.search("source:commentary investment", limit=None)
    assert cited and all(
        "commentary" in {s.id for s in corpus.sources_of(corpus.item(h.id))} for h in cited
    )


def test_a_tag_filter_takes_the_tag_label_too(index: SearchIndex) -> None:
    by_label = index.search("tag:future-of-work envoy", limit=None)
    by_id = index.search("tag:work envoy", limit=None)
    assert by_label and [h.id for h in by_label] == [h.id for h in by_id]


def test_filters_alone_list_what_they_admit(index: SearchIndex) -> None:
    hits = index.search("kind:venue", limit=None)
    assert len(hits) == 9 and {h.kind for h in hits} == {"venue"}


def test_an_unknown_filter_value_is_reported_with_a_suggestion(index: SearchIndex) -> None:
    result = index.find("tag:securty envoy")
    assert result.problems == ("unknown tag 'securty' (did you mean tag:security?)",)
    assert index.find("day:11-02 envoy").problems == (
        "day:11-02 is not a date (write day:YYYY-MM-DD)",
    )


def test_filters_in_the_query_and_given_apart_both_hold(index: SearchIndex) -> None:
    hits = index.search("tag:security", SearchFilters(kinds=frozenset({"person"})), limit=None)
    assert [h.id for h in hits] == ["person-guillaume-poupard"]


def test_the_index_pickles_and_answers_the_same(index: SearchIndex) -> None:
    copy = pickle.loads(pickle.dumps(index))
    for query in ("sécurité", "enviroment", "kind:person who leads", "grand pal"):
        assert copy.find(query) == index.find(query)
