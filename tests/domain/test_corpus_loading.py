"""Loading a corpus folder: every problem is reported with its file, line, item and field."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefcase_tui.domain.corpus.agenda import build_agenda
from briefcase_tui.domain.corpus.cache import CorpusCache
from briefcase_tui.domain.corpus.files import read_corpus_files
from briefcase_tui.domain.corpus.load import check_corpus, load_corpus
from briefcase_tui.domain.text import clean_text
from briefcase_tui.errors import BriefcaseError, CorpusError
from tests.limits import memory_limit

ITEM = """
[[items]]
id = "{id}"
kind = "venue"
title = "{title}"
summary = "A place."
city = "Paris"

[[items.quotes]]
text = "Grand Palais"
source = "techuk-preview"
"""


def add_file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(folder: Path) -> list[str]:
    return [str(problem) for problem in check_corpus(folder)]


def test_an_unknown_key_is_reported_with_file_line_item_and_field(corpus_copy: Path) -> None:
    text = ITEM.format(id="venue-x", title="X").replace(
        'city = "Paris"', 'city = "Paris"\ntitel = "typo"'
    )
    add_file(corpus_copy, "extra.toml", text)
    [message] = messages(corpus_copy)
    assert message.startswith(f"{corpus_copy / 'extra.toml'}:")
    assert "item 'venue-x': field 'titel': unknown key" in message


def test_a_wrong_type_is_an_error_not_a_silent_coercion(corpus_copy: Path) -> None:
    add_file(
        corpus_copy,
        "extra.toml",
        ITEM.format(id="venue-x", title="X").replace('city = "Paris"', "city = 75"),
    )
    [message] = messages(corpus_copy)
    assert "field 'city': Input should be a valid string" in message
    assert message.startswith(f"{corpus_copy / 'extra.toml'}:7:")


def test_malformed_toml_names_the_line_and_column(corpus_copy: Path) -> None:
    add_file(corpus_copy, "broken.toml", '[[items]]\nid = "x"\ntitle = "unterminated\n')
    [message] = messages(corpus_copy)
    assert message.startswith(f"{corpus_copy / 'broken.toml'}:3:")
    assert "invalid TOML" in message


def test_a_link_to_a_missing_item_suggests_the_nearest_id(corpus_copy: Path) -> None:
    text = ITEM.format(id="venue-x", title="X").replace(
        'city = "Paris"', 'city = "Paris"\nlinks = ["ws-futur-of-work"]'
    )
    add_file(corpus_copy, "extra.toml", text)
    [message] = messages(corpus_copy)
    assert "unknown item 'ws-futur-of-work' (did you mean 'ws-future-of-work'?)" in message


def test_an_unknown_tag_and_an_unknown_kind_are_both_reported(corpus_copy: Path) -> None:
    text = ITEM.format(id="venue-x", title="X").replace(
        'city = "Paris"', 'city = "Paris"\ntags = ["goverance"]'
    )
    text += ITEM.format(id="venue-y", title="Y").replace('kind = "venue"', 'kind = "place"')
    add_file(corpus_copy, "extra.toml", text)
    found = messages(corpus_copy)
    assert len(found) == 2
    assert any("unknown tag 'goverance' (did you mean 'governance'?)" in m for m in found)
    assert any("unknown kind 'place'" in m for m in found)


def test_a_duplicate_id_across_files_names_the_other_file(corpus_copy: Path) -> None:
    add_file(corpus_copy, "extra.toml", ITEM.format(id="venue-grand-palais", title="Again"))
    [message] = messages(corpus_copy)
    assert "item 'venue-grand-palais': duplicate id (also in " in message
    assert "extra.toml" in message and "programme.toml" in message


def test_a_file_that_is_not_utf8_is_named(corpus_copy: Path) -> None:
    (corpus_copy / "latin.toml").write_bytes(
        '[[tags]]\nid = "caf"\nlabel = "Caf\xe9"\n'.encode("latin-1")
    )
    [message] = messages(corpus_copy)
    assert message == f"{corpus_copy / 'latin.toml'}:3: not UTF-8; save it as UTF-8"


def test_deeply_nested_toml_is_an_error_not_a_crash(corpus_copy: Path) -> None:
    add_file(corpus_copy, "deep.toml", "x = " + "[" * 5000 + "]" * 5000 + "\n")
    found = messages(corpus_copy)
    assert any(
        "deep.toml" in m and ("nested too deeply" in m or "invalid TOML" in m) for m in found
    )


def test_a_missing_folder_is_one_clear_problem(tmp_path: Path) -> None:
    assert messages(tmp_path / "nowhere") == [f"{tmp_path / 'nowhere'}: corpus folder not found"]


def test_loading_a_broken_corpus_raises_with_every_problem_counted(corpus_copy: Path) -> None:
    text = (
        ITEM.format(id="venue-x", title="X") + 'titel = "a"\n' + ITEM.format(id="venue-y", title="")
    )
    add_file(corpus_copy, "extra.toml", text)
    with pytest.raises(CorpusError) as raised:
        load_corpus(corpus_copy, use_cache=False)
    assert len(raised.value.problems) == 2
    assert "(and 1 more problem; run `brief corpus check`)" in str(raised.value)


def test_control_characters_and_escape_sequences_are_stripped_on_load(corpus_copy: Path) -> None:
    hostile = (
        "Bad\\u001b[31mRed\\u001b]0;pwned\\u0007 \\u202eevil\\u202c [bold]x[/] [@click=app.quit]q"
    )
    add_file(corpus_copy, "extra.toml", ITEM.format(id="venue-x", title=hostile))
    corpus = load_corpus(corpus_copy, use_cache=False)
    title = corpus.item("venue-x").title
    assert title == "BadRed evil [bold]x[/] [@click=app.quit]q"


@given(st.text())
@settings(max_examples=500)
def test_clean_text_never_lets_a_control_character_through(text: str) -> None:
    cleaned = clean_text(text)
    assert "\x1b" not in cleaned
    assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in cleaned)
    assert not any("\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069" for ch in cleaned)


def test_the_cache_is_used_on_the_second_load_and_rebuilt_when_a_file_changes(
    corpus_copy: Path, tmp_path: Path
) -> None:
    cache_folder = tmp_path / "cache"
    first = CorpusCache(cache_folder).corpus(read_corpus_files(corpus_copy))
    stored = sorted(p.name for p in cache_folder.iterdir())
    assert len(stored) == 1 and stored[0].startswith("corpus-")
    again = CorpusCache(cache_folder).corpus(read_corpus_files(corpus_copy))
    assert again == first
    add_file(corpus_copy, "extra.toml", ITEM.format(id="venue-x", title="New place"))
    changed = CorpusCache(cache_folder).corpus(read_corpus_files(corpus_copy))
    assert changed.item("venue-x").title == "New place"


def test_a_damaged_cache_file_is_ignored_and_replaced(corpus_copy: Path, tmp_path: Path) -> None:
    cache_folder = tmp_path / "cache"
    CorpusCache(cache_folder).corpus(read_corpus_files(corpus_copy))
    [stored] = list(cache_folder.iterdir())
    stored.write_bytes(b"not a pickle")
    corpus = CorpusCache(cache_folder).corpus(read_corpus_files(corpus_copy))
    assert corpus.get("ws-future-of-work") is not None
    assert stored.read_bytes() != b"not a pickle"


def test_an_unwritable_cache_folder_costs_nothing_but_speed(
    corpus_copy: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    corpus = CorpusCache(blocker / "cache").corpus(read_corpus_files(corpus_copy))
    assert len(corpus) > 0


def test_briefcase_errors_render_path_line_and_column_on_one_line() -> None:
    assert str(BriefcaseError("bad", "a.toml", 3, 7)) == "a.toml:3:7: bad"
    assert str(BriefcaseError("bad", "a.toml")) == "a.toml: bad"
    assert str(BriefcaseError("bad")) == "bad"


def test_a_file_with_a_byte_order_mark_is_named_with_the_fix(corpus_copy: Path) -> None:
    (corpus_copy / "bom.toml").write_bytes(b"\xef\xbb\xbf" + b'[[tags]]\nid = "b"\nlabel = "B"\n')
    [message] = messages(corpus_copy)
    assert (
        message == f"{corpus_copy / 'bom.toml'}: "
        "not UTF-8 without a byte-order mark; save it as plain UTF-8"
    )


def test_a_date_written_as_a_string_is_refused_not_coerced(corpus_copy: Path) -> None:
    add_file(
        corpus_copy,
        "extra.toml",
        ITEM.format(id="day-x", title="X")
        .replace('kind = "venue"', 'kind = "day"')
        .replace('city = "Paris"', 'date = "2025-02-12"'),
    )
    [message] = messages(corpus_copy)
    assert "item 'day-x': field 'date'" in message


def test_a_huge_corpus_file_is_refused_without_being_read_whole(corpus_copy: Path) -> None:
    """A 4 GB file (sparse: no disk used) in a process allowed 1.5 GB of memory."""
    with (corpus_copy / "huge.toml").open("wb") as file:
        file.truncate(4 * 1024**3)

    result = subprocess.run(
        [sys.executable, "-m", "briefcase_tui", "corpus", "check", str(corpus_copy)],
        capture_output=True,
        text=True,
        preexec_fn=memory_limit(1536 * 1024**2),
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    assert f"{corpus_copy / 'huge.toml'}: file is larger than 1 MiB" in result.stderr


def test_an_oversized_file_is_refused_before_parsing(corpus_copy: Path) -> None:
    (corpus_copy / "huge.toml").write_bytes(b"# " + b"x" * (5 * 1024 * 1024) + b"\n")
    [message] = messages(corpus_copy)
    assert message == f"{corpus_copy / 'huge.toml'}: file is larger than 1 MiB"


def test_a_corpus_without_a_time_zone_is_refused_at_its_corpus_table(corpus_copy: Path) -> None:
    path = corpus_copy / "corpus.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('timezone = "Europe/Paris"\n', ""), encoding="utf-8")
    line = text.splitlines().index("[corpus]") + 1
    [message] = messages(corpus_copy)
    assert message == f"{path}:{line}: [corpus]: field 'timezone': Field required"


def test_the_agenda_shows_times_in_the_corpus_time_zone(corpus_copy: Path) -> None:
    path = corpus_copy / "corpus.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"Europe/Paris"', '"Asia/Tokyo"'), encoding="utf-8")
    agenda = build_agenda(load_corpus(corpus_copy, use_cache=False))
    assert agenda.zone == "Asia/Tokyo"
    [london] = [entry for day in agenda.days for entry in day.entries if entry.event.timezone]
    assert (london.event.start, london.start) == ("10:00", "19:00")
