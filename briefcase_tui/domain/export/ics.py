"""A pack's dated events as an iCalendar file, written with the `icalendar` library.

Hand-written iCalendar goes wrong in line folding, escaping and time zones; the library
gets those right, and its output is stable for the same input. Timed events carry their
IANA zone (with the VTIMEZONE definitions calendar apps need); undated events are left out.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from briefcase_tui import __version__
from briefcase_tui.domain.corpus.corpus import Corpus
from briefcase_tui.domain.corpus.facts import inference_notes, marked
from briefcase_tui.domain.corpus.models import Event
from briefcase_tui.domain.packs.models import Pack
from briefcase_tui.domain.packs.resolve import resolve_pack


def render_ics(pack: Pack, corpus: Corpus, *, stamp: dt.datetime | None = None) -> bytes:
    """The pack's events that have dates, one VEVENT per event and day, CRLF as RFC 5545 asks."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//Briefcase//brief {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # An X- property is not known to be text, so the library would write it raw: say it is.
    calendar.add("x-wr-calname", icalendar.vText(pack.title))
    dates: list[dt.date] = []
    for entry in resolve_pack(pack, corpus).entries():
        item = entry.item
        if not isinstance(item, Event) or not item.dates:
            continue
        zone = ZoneInfo(item.timezone or corpus.info.timezone)
        venue = corpus.get(item.venue) if item.venue else None
        for date in item.dates:
            dates.append(date)
            event = icalendar.Event()
            event.add("uid", f"{item.id}-{date.isoformat()}@briefcase")
            if item.start:
                start = dt.datetime.combine(date, dt.time.fromisoformat(item.start), zone)
                event.add("dtstart", start)
                if item.end:
                    event.add(
                        "dtend", dt.datetime.combine(date, dt.time.fromisoformat(item.end), zone)
                    )
                moment = start.astimezone(dt.UTC)
            else:
                event.add("dtstart", date)
                event.add("dtend", date + dt.timedelta(days=1))
                moment = dt.datetime.combine(date, dt.time(), dt.UTC)
            # DTSTAMP is required; without --stamp it comes from the event, for reproducible files.
            event.add("dtstamp", (stamp or moment).astimezone(dt.UTC))
            event.add("summary", item.title)
            if venue is not None:
                city = marked(venue, "city", getattr(venue, "city", ""))
                event.add("location", f"{venue.title}, {city}" if city else venue.title)
            description = [item.summary]
            if item.date_note:
                description.append(f"Timing: {item.date_note}")
            description.extend(inference_notes(item))
            if entry.entry.note:
                description.append(f"Author's note: {entry.entry.note}")
            event.add("description", "\n\n".join(description))
            if entry.entry.tags:
                event.add("categories", list(entry.entry.tags))
            if entry.entry.priority:
                event.add("priority", {"must": 1, "should": 5, "optional": 9}[entry.entry.priority])
            calendar.add_component(event)
    if dates:
        # Zone definitions covering only the years of the events keep the file short.
        calendar.add_missing_timezones(
            dt.date(min(dates).year, 1, 1), dt.date(max(dates).year + 1, 1, 1)
        )
    ical: bytes = calendar.to_ical()
    return ical
