"""The meeting-brief template: the order briefs are written in, corpus items first, a note to fill.

Tried over every workstream, several counterparts (people and organisations) and days, and
through the exports, which lay the brief out in the same order.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from briefcase_tui.domain.corpus.facts import item_facts
from briefcase_tui.domain.export.html import render_html
from briefcase_tui.domain.export.markdown import render_markdown
from briefcase_tui.domain.packs.codec import decode_pack
from briefcase_tui.domain.packs.templates import load_templates
from briefcase_tui.errors import BriefcaseError
from tests.export_documents import ROOT, markdownlint_findings, text_blocks

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.packs.models import Pack

ORDER = [
    "Purpose of the meeting",
    "Objectives",
    "Lines to take",
    "Background",
    "Who you are meeting",
    "If asked",
    "Annexes",
]
EXAMPLE = ROOT / "briefs" / "meeting-tech7-governance.toml"
WORKSTREAMS = [
    "ws-international-governance",
    "ws-future-of-work",
    "ws-security-safety",
    "ws-general-interest",
    "ws-innovation-culture",
]
COUNTERPARTS = ["org-tech7", "person-henri-verdier", "org-oecd", "person-ursula-von-der-leyen"]
DAYS = ["2025-02-06", "2025-02-10", "2025-02-11"]


def meeting_brief(corpus: Corpus, workstream: str, counterpart: str, day: str) -> Pack:
    return load_templates()["meeting-brief"].instantiate(
        corpus, "Meeting", {"workstream": workstream, "counterpart": counterpart, "day": day}
    )


@pytest.mark.parametrize(
    ("workstream", "counterpart", "day"),
    [
        (w, c, d)
        for n, (w, c, d) in enumerate(itertools.product(WORKSTREAMS, COUNTERPARTS, DAYS))
        if n % 4 == 0
    ],
)
def test_every_section_comes_in_the_briefs_order_items_first_then_a_note_to_fill(
    corpus: Corpus, workstream: str, counterpart: str, day: str
) -> None:
    pack = meeting_brief(corpus, workstream, counterpart, day)
    assert [s.title for s in pack.sections] == ORDER
    for section in pack.sections:
        *items, note = section.entries
        assert note.is_note and note.note, section.title
        assert all(not e.is_note for e in items), section.title
    purpose, _, _, _, who, if_asked, _ = pack.sections
    assert purpose.entries[0].item == workstream
    assert who.entries[0].item == counterpart
    assert all(corpus.caveats_for(e.item) for e in if_asked.entries if e.item)
    ids = pack.item_ids()
    assert len(ids) == len(set(ids)), "an item appears once"


def test_the_meeting_is_named_dated_and_the_counterparts_circle_listed_with_roles(
    corpus: Corpus,
) -> None:
    pack = meeting_brief(corpus, "International Governance", "TECH7", "2025-02-11")
    assert pack.meeting == "Meeting with TECH7 on International Governance, Tue 11 February 2025"
    assert pack.date is not None and pack.date.isoformat() == "2025-02-11"
    who = next(s for s in pack.sections if s.title == "Who you are meeting")
    items = [corpus.item(e.item) for e in who.entries if e.item]
    assert {"org-bitkom", "org-techuk", "person-henri-verdier"} <= {i.id for i in items}
    envoy = dict(item_facts(corpus.item("person-henri-verdier"), corpus))
    assert envoy["Role"] == "Thematic envoy for International Governance (inferred)"
    markdown = render_markdown(pack, corpus)
    assert "- **Role:** Thematic envoy for International Governance" in markdown


def test_statement_items_set_objectives_and_lines_and_the_disputes_show_both_sides(
    corpus: Corpus,
) -> None:
    pack = meeting_brief(corpus, "ws-international-governance", "org-tech7", "2025-02-11")
    sections = {s.title: [e.item for e in s.entries if e.item] for s in pack.sections}
    for title in ("Objectives", "Lines to take"):
        assert sections[title]
        assert all(corpus.item(i).set_id == "statement" for i in sections[title]), title
    if_asked = render_markdown(pack, corpus).split("## If asked")[1].split("## Annexes")[0]
    assert if_asked.count("**⚠ Sources disagree:") >= len(sections["If asked"])
    assert if_asked.count("\n- *") >= 2 * if_asked.count("**⚠ Sources disagree:")


def test_the_counterpart_must_be_a_person_or_an_organisation(corpus: Corpus) -> None:
    with pytest.raises(BriefcaseError, match="is not a person or organisation"):
        meeting_brief(corpus, "ws-future-of-work", "venue-grand-palais", "2025-02-10")
    with pytest.raises(BriefcaseError, match="needs counterpart: who you are meeting"):
        load_templates()["meeting-brief"].instantiate(
            corpus, "M", {"workstream": "ws-future-of-work", "day": "2025-02-10"}
        )


def test_the_example_meeting_brief_exports_in_the_briefs_order_and_passes_markdownlint(
    corpus: Corpus,
) -> None:
    pack = decode_pack(EXAMPLE.read_bytes(), EXAMPLE)
    assert [s.title for s in pack.sections] == ORDER
    sections = [text for kind, text in text_blocks(render_html(pack, corpus)) if kind == "h2"]
    assert sections == ["Contents", *ORDER, "Sources", "About this brief"]
    assert markdownlint_findings(render_markdown(pack, corpus)) == []
    assert pack.item_ids() and all(i in corpus for i in pack.item_ids())
