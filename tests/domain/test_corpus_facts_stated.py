"""Every date, time, count and amount among the bundled corpus's facts is stated or marked inferred.

A delegate reads a fact as the sources' word; one that no quote of its item carries must say
that it was inferred, and why. The matching is deliberately literal: a date is stated when a
quote of its item names its day (alone or inside a range such as "February 6-11") with its
month (its year may come from a quote of an item it links, such as the summit's "February
6-11, 2025"), a time when a quote prints it, an amount when a quote prints the number in
digits or in words ("five", "a thousand").
"""

from __future__ import annotations

import datetime as dt
import re

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.facts import INFERRED_MARK, item_facts
from briefcase_tui.domain.corpus.models import Day, Event, Figure, ItemBase, Milestone, Summit

SCALES = {"billion": 1e9, "million": 1e6, "thousand": 1e3, "": 1.0}
NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(billion|million|thousand)?")
WORDS = {
    "a hundred": 100.0,
    "a thousand": 1000.0,
    **{
        word: float(value)
        for value, word in enumerate(
            "zero one two three four five six seven eight nine ten eleven twelve".split()
        )
    },
}
RANGE = re.compile(r"\b(\d{1,2})\s*(?:-|\u2013|to|and)\s*(\d{1,2})\b")


def _quoted(item: ItemBase) -> str:
    return " ".join(" ".join(quote.text.split()) for quote in item.quotes)


def _date_is_stated(date: dt.date, text: str, context: str) -> bool:
    """Whether the text names the day (alone or in a range) with its month, and it or the
    context its year."""
    month = f"{date:%B}"
    if month not in text and f"{date:%b}" not in text:
        return False
    if str(date.year) not in text + context:
        return False
    days: set[int] = {int(n) for n in re.findall(r"\b(\d{1,2})\b", text)}
    for first, last in RANGE.findall(text):
        days.update(range(int(first), int(last) + 1))
    return date.day in days


def _amounts(text: str) -> set[float]:
    found = set()
    for digits, scale in NUMBER.findall(text):
        found.add(float(digits.replace(",", "")) * SCALES[scale or ""])
    lowered = text.lower()
    found.update(value for word, value in WORDS.items() if re.search(rf"\b{word}\b", lowered))
    return found


def _unstated(item: ItemBase, corpus: Corpus) -> list[str]:
    """The date, time and amount fields of an item that no quote of it carries."""
    text = _quoted(item)
    context = " ".join(_quoted(linked) for linked in corpus.related(item.id))
    missing: list[str] = []
    dates: tuple[dt.date, ...] = ()
    if isinstance(item, (Summit, Event)):
        dates = item.dates
    elif isinstance(item, Day):
        dates = (item.date,)
    if dates and not all(_date_is_stated(date, text, context) for date in dates):
        missing.append("date" if isinstance(item, Day) else "dates")
    if isinstance(item, Summit) and str(item.year) not in text:
        missing.append("year")
    if isinstance(item, Event) and item.start is not None:
        times = [item.start, *([item.end] if item.end else [])]
        if not all(time in text for time in times):
            missing.append("start")
    if isinstance(item, Figure):
        amounts = _amounts(text)
        wanted = [item.amount, *([item.amount_high] if item.amount_high is not None else [])]
        if not all(any(abs(a - w) < 1e-6 * max(w, 1) for a in amounts) for w in wanted):
            missing.append("amount")
    if isinstance(item, Milestone) and item.when:
        years = re.findall(r"\d{4}", item.when)
        if not all(year in text for year in years):
            missing.append("when")
    return missing


def test_every_date_time_count_and_amount_is_in_a_quote_of_its_item_or_marked_inferred(
    corpus: Corpus,
) -> None:
    faults = [
        f"{item.id}: {field} is in no quote of the item and not marked inferred"
        for item in corpus.items
        for field in _unstated(item, corpus)
        if item.inference(field) is None
    ]
    assert not faults, "\n".join(faults)


def test_an_inferred_fact_is_marked_wherever_facts_are_shown(corpus: Corpus) -> None:
    inferred = [item for item in corpus.items if item.inferred]
    assert inferred, "the bundled corpus marks some facts inferred"
    for item in inferred:
        marked = [label for label, value in item_facts(item, corpus) if INFERRED_MARK in value]
        assert len(marked) == len(item.inferred), item.id


def test_an_inferred_fact_rests_on_quotes_of_its_item(corpus: Corpus) -> None:
    for item in corpus.items:
        for inference in item.inferred:
            assert inference.reasoning.strip().endswith("."), (item.id, inference.field)
            assert all(1 <= n <= len(item.quotes) for n in inference.rests_on), item.id


def test_every_export_format_marks_the_inferred_facts_of_a_pack(corpus: Corpus) -> None:
    from briefcase_tui.domain.export.formats import export_format, format_names
    from briefcase_tui.domain.packs.codec import decode_pack

    pack = decode_pack(
        b'format = 1\ntitle = "T"\n\n[[sections]]\ntitle = "S"\n\n'
        b'[[sections.entries]]\nitem = "event-ai-fringe-british-library-panels"\n\n'
        b'[[sections.entries]]\nitem = "venue-british-library"\n',
        "inferred.toml",
    )
    for name in format_names():
        chosen = export_format(name)
        data = chosen.render(pack, corpus)
        rendered = data.decode("utf-8") if chosen.kind == "text" else _word_text(data)
        # Calendar lines fold at 75 octets; unfold them before looking.
        flat = rendered.replace("\r\n ", "")
        assert "London (inferred)" in flat or '"inferred"' in flat, name


def _word_text(data: bytes) -> str:
    """Every paragraph and table cell of a Word file, one per line."""
    import io

    import docx

    document = docx.Document(io.BytesIO(data))
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        lines += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(lines)
