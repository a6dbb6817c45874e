r"""A source document's text: the folding rules quotes are read under, and how locators count.

A quote is checked against the text of the file its source names, never against the whole
folder, so a quote cannot pass by standing in another document. The rules are few and
written down in docs/corpus-format.md ("Checking quotes against the sources"):

- runs of whitespace (line breaks included) count as one space, on both sides;
- the conversion artefacts `**`, `\u203a` and `\u2022` (the PDF's bullets) count as whitespace;
- ` … ` inside a quote joins spans that stand in that order in the same passage;
- nothing else is folded: case, apostrophes, quotation marks, dashes and digits must match.

A locator names a passage: an optional section (declared for the source in sources.toml by
name and line; it runs from its heading to the next section's), then `no. N`, `bullet N` or
`paragraph N` (or `nos. N-M`, `bullets N-M`, `paragraphs N-M`), each counted inside the
passage before it:

- units inside a section count from the line after its heading;
- a paragraph is a non-blank line of the passage (the conversions give one line per
  paragraph);
- a numbered entry (`no.`) is a line that starts with a number and a dot; entries count in
  order, whatever number is printed (the preview prints every working group as "1.");
- a bullet is a line that starts with `-`, `>`, `\u203a` or `\u2022`;
- an entry or a bullet runs on to the line before the next numbered line, the next bullet,
  or the next non-blank line indented less than its own first line; a bullet also ends
  before a line, after a blank one, that is indented no more than the bullet.

Pure functions on strings; nothing here reads files.
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass

ARTEFACTS = re.compile("\\*\\*|[\u203a\u2022]")
ELLIPSIS = re.compile(r"\s*…\s*")
NUMBERED = re.compile(r"^\s*\d+\.\s")
BULLET = re.compile("^\\s*[-\u203a\u2022>]\\s")
UNIT_WORDS: dict[str, str] = {
    "no.": "no.",
    "nos.": "no.",
    "bullet": "bullet",
    "bullets": "bullet",
    "paragraph": "paragraph",
    "paragraphs": "paragraph",
}
"""A locator's words for its units, singular and plural, and the unit each names."""
UNIT_PLURALS = {"no.": "nos.", "bullet": "bullets", "paragraph": "paragraphs"}
SEGMENT = re.compile(r"^(?P<word>[a-z.]+) (?P<first>\d+)(?:-(?P<last>\d+))?$", re.IGNORECASE)


def fold(text: str) -> str:
    """Text under the folding rules: artefacts and whitespace runs as one space."""
    return " ".join(ARTEFACTS.sub(" ", text).split())


def quote_spans(quote: str) -> list[str]:
    """A quote's spans: the parts that ` … ` joins, each folded; empty parts dropped."""
    return [span for span in (fold(part) for part in ELLIPSIS.split(quote)) if span]


@dataclass(frozen=True)
class Passage:
    """A run of lines of a source (1-based, both ends included)."""

    first: int
    last: int


@dataclass(frozen=True)
class Section:
    """A section a source declares: its name in locators, and the line of its heading."""

    name: str
    line: int


class SourceText:
    """One source file's text, folded once, with each folded character's line kept."""

    def __init__(self, text: str, sections: tuple[Section, ...] = ()) -> None:
        self.lines = text.splitlines()
        self.sections = tuple(sorted(sections, key=lambda s: s.line))
        chars: list[str] = []
        char_lines: list[int] = []
        for number, line in enumerate(self.lines, start=1):
            for word in fold(line).split(" "):
                if not word:
                    continue
                if chars:
                    chars.append(" ")
                    char_lines.append(number)
                chars.extend(word)
                char_lines.extend([number] * len(word))
        self.folded = "".join(chars)
        self.char_lines = char_lines

    def _offsets(self, passage: Passage) -> tuple[int, int]:
        """The folded text's offsets that a passage covers (start, end exclusive)."""
        start = bisect.bisect_left(self.char_lines, passage.first)
        end = bisect.bisect_right(self.char_lines, passage.last)
        return start, end

    def find(self, quote: str, passage: Passage | None = None) -> Passage | None:
        """Where a quote stands (inside `passage` when given): the lines its spans cover."""
        spans = quote_spans(quote)
        if not spans:
            return None
        start, end = self._offsets(passage) if passage else (0, len(self.folded))
        first = self.folded.find(spans[0], start, end)
        while first >= 0:
            position = first + len(spans[0])
            for span in spans[1:]:
                found = self.folded.find(span, position, end)
                if found < 0:
                    return None
                position = found + len(span)
            return Passage(self.char_lines[first], self.char_lines[position - 1])
        return None

    def nearest(self, quote: str) -> str:
        """The passage of the text most like a quote that is not in it, for a person to compare."""
        target = " ".join(quote_spans(quote))
        if not target or not self.folded:
            return ""
        matcher = difflib.SequenceMatcher(None, self.folded, target, autojunk=False)
        block = matcher.find_longest_match(0, len(self.folded), 0, len(target))
        start = max(0, block.a - block.b)
        best, best_ratio = start, -1.0
        for candidate in range(max(0, start - 20), min(len(self.folded), start + 21)):
            window = self.folded[candidate : candidate + len(target)]
            ratio = difflib.SequenceMatcher(None, window, target, autojunk=False).ratio()
            if ratio > best_ratio:
                best, best_ratio = candidate, ratio
        if best < len(self.folded) and self.folded[best] == " ":
            best += 1
        while 0 < best < len(self.folded) and self.folded[best - 1] != " ":
            best -= 1
        end = best + len(target)
        while end < len(self.folded) and self.folded[end] != " ":
            end += 1
        return self.folded[best:end].strip()

    # Locators ---------------------------------------------------------------------------

    def _section_passages(self) -> list[tuple[Section, Passage]]:
        passages = []
        for index, section in enumerate(self.sections):
            last = (
                self.sections[index + 1].line - 1
                if index + 1 < len(self.sections)
                else len(self.lines)
            )
            passages.append((section, Passage(section.line, last)))
        return passages

    def _units(self, unit: str, passage: Passage) -> list[Passage]:
        """The numbered entries, bullets or paragraphs inside a passage, in order."""
        numbers = range(passage.first, passage.last + 1)
        if unit == "paragraph":
            return [Passage(n, n) for n in numbers if self.lines[n - 1].strip()]
        pattern = NUMBERED if unit == "no." else BULLET
        starts = [n for n in numbers if pattern.match(self.lines[n - 1])]
        units = []
        for start in starts:
            indent = _indent(self.lines[start - 1])
            stop = start
            after_blank = False
            for n in range(start + 1, passage.last + 1):
                line = self.lines[n - 1]
                if not line.strip():
                    after_blank = True
                    continue
                if (
                    NUMBERED.match(line)
                    or pattern.match(line)
                    or _indent(line) < indent
                    or (unit == "bullet" and after_blank and _indent(line) <= indent)
                ):
                    break
                stop = n
            units.append(Passage(start, stop))
        return units

    def resolve(self, locator: str, units: tuple[str, ...]) -> Passage | str:
        """The passage a locator names, or why it names none (a sentence)."""
        segments = [s.strip() for s in locator.split(",")] if locator.strip() else []
        if not segments:
            return "no locator"
        passage = Passage(1, len(self.lines))
        sections = {s.name.casefold(): p for s, p in self._section_passages()}
        heading = 0
        if segments[0].casefold() in sections:
            passage = sections[segments.pop(0).casefold()]
            heading = 1
        for segment in segments:
            match = SEGMENT.match(segment)
            word = match["word"].lower() if match else ""
            if match is None or word not in UNIT_WORDS:
                known = ", ".join(s.name for s in self.sections) or "none"
                return (
                    f"{segment!r} is neither a section (this source has: {known}) nor"
                    " 'no. N', 'bullet N' or 'paragraph N'"
                )
            unit = UNIT_WORDS[word]
            if unit not in units:
                return f"this source's locators do not count {UNIT_PLURALS[unit]}"
            found = self._units(unit, Passage(passage.first + heading, passage.last))
            heading = 0
            first = int(match["first"])
            last = int(match["last"] or first)
            if not 1 <= first <= last <= len(found):
                return f"{segment!r}: the passage has {len(found)} {UNIT_PLURALS[unit]}"
            passage = Passage(found[first - 1].first, found[last - 1].last)
        return passage

    def locate(self, where: Passage, units: tuple[str, ...]) -> str:
        """The narrowest locator whose passage holds `where`: what a quote standing there cites."""
        parts: list[str] = []
        passage = Passage(1, len(self.lines))
        heading = 0
        for section, section_passage in self._section_passages():
            if section_passage.first <= where.first and where.last <= section_passage.last:
                parts.append(section.name)
                passage = section_passage
                heading = 1
        for unit in ("no.", "bullet", "paragraph"):
            if unit not in units:
                continue
            found = self._units(unit, Passage(passage.first + heading, passage.last))
            inside = [
                i
                for i, u in enumerate(found, start=1)
                if u.last >= where.first and u.first <= where.last
            ]
            if not inside:
                continue
            first, last = inside[0], inside[-1]
            if not (found[first - 1].first <= where.first and where.last <= found[last - 1].last):
                continue
            if first == last:
                parts.append(f"{unit} {first}")
            else:
                parts.append(f"{UNIT_PLURALS[unit]} {first}-{last}")
            passage = Passage(found[first - 1].first, found[last - 1].last)
            heading = 0
            if first != last or passage.first == passage.last:
                break
        return ", ".join(parts)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())
