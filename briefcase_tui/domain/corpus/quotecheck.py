"""Every quote and locator of a corpus checked against the source texts it cites.

`brief corpus check DIR --sources FOLDER` runs this after the corpus itself is valid: each
source's file must be the text its fingerprint names, each quote (of items, inferences'
items and caveat sides) must stand in its own source's text under the folding rules of
`sourcetext.py`, and each locator must name the passage where it stands. A failure names
the corpus file and line of the quote, the item, and what the text holds instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.models import Source
from briefcase_tui.domain.corpus.sourcetext import Section, SourceText
from briefcase_tui.domain.digests import sha256_hex
from briefcase_tui.errors import BriefcaseError

SHOWN_CHARS = 160
"""How much of a nearest passage a failure shows."""


@dataclass
class QuoteReport:
    """What a check found: the problems, and how many quotes and locators it read."""

    problems: list[BriefcaseError] = field(default_factory=list)
    quotes: int = 0
    locators: int = 0


@dataclass(frozen=True)
class _Cited:
    """One quote as the corpus holds it: whose it is, what it cites, where it is written."""

    owner: str
    text: str
    source: str
    locator: str
    path: Path | None
    line: int | None


def check_quotes(corpus: Corpus, contents: dict[Path, bytes], sources: Path) -> QuoteReport:
    """Check every quote and locator of the corpus against the files in `sources`."""
    report = QuoteReport()
    texts: dict[str, SourceText] = {}
    for source in corpus.sources.values():
        text = _source_text(source, sources, report)
        if text is not None:
            texts[source.id] = text
    for cited in _quotes(corpus, contents):
        cited_source = corpus.sources.get(cited.source)
        text = texts.get(cited.source)
        if cited_source is None or text is None:
            continue
        report.quotes += 1
        _check_one(cited, cited_source, text, report)
    return report


def _source_text(source: Source, folder: Path, report: QuoteReport) -> SourceText | None:
    """A source's text, read and compared with its fingerprint; None (reported) when unusable."""
    if not source.file:
        report.problems.append(BriefcaseError(f"source {source.id!r}: no file named"))
        return None
    path = folder / source.file
    try:
        data = path.read_bytes()
    except OSError as error:
        report.problems.append(
            BriefcaseError(f"source {source.id!r}: cannot read: {error.strerror or error}", path)
        )
        return None
    digest = sha256_hex(data)
    if source.sha256 and digest != source.sha256:
        report.problems.append(
            BriefcaseError(
                f"source {source.id!r}: the text is not the one the corpus was checked against"
                f" (sha256 {digest[:12]}…, sources.toml says {source.sha256[:12]}…)",
                path,
            )
        )
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError as error:
        report.problems.append(BriefcaseError(f"not UTF-8 ({error.reason})", path))
        return None
    sections = tuple(Section(s.name, s.line) for s in source.sections)
    text = SourceText(decoded, sections)
    for section in source.sections:
        if section.line > len(text.lines) or not text.lines[section.line - 1].strip():
            report.problems.append(
                BriefcaseError(
                    f"source {source.id!r}: section {section.name!r}: line {section.line}"
                    " is not a heading of the text",
                    path,
                )
            )
    return text


def _check_one(cited: _Cited, source: Source, text: SourceText, report: QuoteReport) -> None:
    """One quote: verbatim in its source, and where its locator says."""
    who = f"{cited.owner}: quote from {source.id!r}"
    where = text.find(cited.text)
    if where is None:
        nearest = text.nearest(cited.text)
        shown = nearest if len(nearest) <= SHOWN_CHARS else nearest[:SHOWN_CHARS] + "…"
        report.problems.append(
            BriefcaseError(
                f"{who} is not verbatim in {source.file}: {_short(cited.text)!r};"
                f" nearest passage: {shown!r}",
                cited.path,
                cited.line,
            )
        )
        return
    report.locators += 1
    passage = text.resolve(cited.locator, source.locator_units)
    standing = text.locate(where, source.locator_units)
    if isinstance(passage, str):
        report.problems.append(
            BriefcaseError(
                f"{who}: locator {cited.locator!r}: {passage}; the quote stands at {standing!r}",
                cited.path,
                cited.line,
            )
        )
    elif text.find(cited.text, passage) is None:
        report.problems.append(
            BriefcaseError(
                f"{who}: locator {cited.locator!r} (lines {passage.first}-{passage.last} of"
                f" {source.file}) does not hold {_short(cited.text)!r}; it stands at"
                f" {standing!r} (line {where.first})",
                cited.path,
                cited.line,
            )
        )


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:60] + "…"


def _quotes(corpus: Corpus, contents: dict[Path, bytes]) -> Iterator[_Cited]:
    """Every quote of the corpus, with the file and line where it is written."""
    places = _places(contents)
    for item in corpus.items:
        path, start = places.get(item.id, (None, None))
        for quote in item.quotes:
            line = _line_of_text(contents, path, start, quote.text)
            yield _Cited(f"item {item.id!r}", quote.text, quote.source, quote.locator, path, line)
    for caveat in corpus.caveats:
        path, start = places.get(caveat.id, (None, None))
        for side in caveat.sides:
            line = _line_of_text(contents, path, start, side.text)
            yield _Cited(f"caveat {caveat.id!r}", side.text, side.source, side.locator, path, line)


_ID_LINE = re.compile(r"""^id\s*=\s*["']([a-z0-9-]+)["']""")


def _places(contents: dict[Path, bytes]) -> dict[str, tuple[Path, int]]:
    """Each record id's file and line (the line of its `id = ...`)."""
    places: dict[str, tuple[Path, int]] = {}
    for path, data in contents.items():
        for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), start=1):
            match = _ID_LINE.match(line.strip())
            if match:
                places.setdefault(match[1], (path, number))
    return places


def _line_of_text(
    contents: dict[Path, bytes], path: Path | None, start: int | None, quote: str
) -> int | None:
    """The line of a quote's `text = ...` after its record's id line (else the id line)."""
    if path is None or start is None:
        return start
    lines = contents[path].decode("utf-8", "replace").splitlines()
    head = quote[:30].replace("\\", "\\\\").replace('"', '\\"')
    for number in range(start, len(lines) + 1):
        line = lines[number - 1].strip()
        if number > start and _ID_LINE.match(line):
            break
        if line.startswith("text") and head in line:
            return number
    return start
