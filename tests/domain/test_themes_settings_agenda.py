"""Themes and settings files as data, and the agenda's times, clashes and filters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefcase_tui.domain.corpus.agenda import AgendaFilter, build_agenda, local_moment
from briefcase_tui.domain.settings import Settings, load_settings, save_settings
from briefcase_tui.domain.themes import load_themes
from briefcase_tui.errors import BriefcaseError
from briefcase_tui.paths import bundled_themes_dir

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus


def test_the_bundled_themes_are_valid_and_include_dark_light_and_high_contrast() -> None:
    specs, problems = load_themes([bundled_themes_dir()])
    assert problems == []
    assert {"briefcase-dark", "briefcase-light", "briefcase-high-contrast"} <= {
        s.name for s in specs
    }


def test_bad_theme_files_are_reported_with_file_and_line_and_the_rest_still_load(
    tmp_path: Path,
) -> None:
    (tmp_path / "a-good.toml").write_text('name = "good"\nprimary = "#123456"\n', encoding="utf-8")
    (tmp_path / "b-colour.toml").write_text(
        'name = "bad"\ndark = true\nprimary = "blue"\n', encoding="utf-8"
    )
    (tmp_path / "c-syntax.toml").write_text('name = "x\n', encoding="utf-8")
    specs, problems = load_themes([tmp_path])
    assert [s.name for s in specs] == ["good"]
    rendered = [str(p) for p in problems]
    assert rendered[0].startswith(f"{tmp_path / 'b-colour.toml'}:3: primary:")
    assert rendered[1].startswith(f"{tmp_path / 'c-syntax.toml'}:1")


def test_a_user_theme_of_the_same_name_replaces_the_bundled_one(tmp_path: Path) -> None:
    (tmp_path / "dark.toml").write_text(
        'name = "briefcase-dark"\nprimary = "#010203"\n', encoding="utf-8"
    )
    specs, _ = load_themes([bundled_themes_dir(), tmp_path])
    assert {s.name: s.primary for s in specs}["briefcase-dark"] == "#010203"


def test_settings_round_trip_through_an_atomic_write(tmp_path: Path) -> None:
    path = tmp_path / "briefcase" / "config.toml"
    settings = Settings(theme="briefcase-light", keys={"search": "ctrl+f"})
    save_settings(settings, path)
    assert load_settings(path) == settings
    assert [p.name for p in path.parent.iterdir()] == [
        "config.toml"
    ]  # no temporary file left behind


def test_a_missing_settings_file_means_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.toml") == Settings()


def test_an_unknown_settings_key_names_the_line_and_suggests_the_right_one(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('\ntheem = "x"\n', encoding="utf-8")
    with pytest.raises(BriefcaseError) as caught:
        load_settings(path)
    assert str(caught.value) == f"{path}:2: unknown key 'theem' (did you mean 'theme'?)"


def test_event_times_are_converted_to_the_corpus_time_zone() -> None:
    london = local_moment("10:00", dt.date(2025, 2, 4), "Europe/London", "Europe/Paris")
    assert london == dt.datetime(2025, 2, 4, 11, 0)
    paris = local_moment("10:00", dt.date(2025, 7, 4), "Europe/Paris", "Europe/Paris")
    assert paris == dt.datetime(2025, 7, 4, 10, 0)


def test_the_agenda_runs_day_by_day_from_the_first_event_to_the_last_day(corpus: Corpus) -> None:
    agenda = build_agenda(corpus)
    dates = [day.date for day in agenda.days]
    assert dates[0] == dt.date(2025, 2, 4) and dates[-1] == dt.date(2025, 2, 11)
    assert dates == [dates[0] + dt.timedelta(days=n) for n in range(len(dates))]
    webinar = agenda.days[0].entries[0]
    assert (webinar.start, webinar.end) == ("11:00", "12:00")
    assert agenda.undated


def test_events_on_the_same_day_at_the_same_time_are_flagged_as_overlapping(corpus: Corpus) -> None:
    saturday = next(d for d in build_agenda(corpus).days if d.date == dt.date(2025, 2, 8))
    assert all(len(entry.overlaps) == len(saturday.entries) - 1 for entry in saturday.entries)
    assert saturday.entries[0].part == (1, 2)


def test_agenda_filters_narrow_by_venue_tag_and_day(corpus: Corpus) -> None:
    by_venue = build_agenda(corpus, AgendaFilter(venue="venue-grand-palais"))
    assert {e.event.venue for d in by_venue.days for e in d.entries} == {"venue-grand-palais"}
    by_tag = build_agenda(corpus, AgendaFilter(tag="culture"))
    assert all("culture" in e.event.tags for d in by_tag.days for e in d.entries)
    by_day = build_agenda(corpus, AgendaFilter(day=dt.date(2025, 2, 8)))
    assert [d.date for d in by_day.days] == [dt.date(2025, 2, 8)] and by_day.undated == ()
