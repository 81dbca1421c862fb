"""iCalendar feeds (RFC 5545) with the icalendar library, read the same by every common calendar client.

- Europe/Amsterdam as a VTIMEZONE with yearly rules: clients that misread a list of
  RDATEs (vobject, reportedly Outlook) put summer meetings an hour late.
- Stable UIDs (trajectory + moment id), SEQUENCE raised by every move or cancellation,
  cancelled events kept with STATUS:CANCELLED and 'GEANNULEERD' in the summary.
- No invented end time; DTSTAMP is the day the planning last changed, never after the build.
- Each event is serialised once and its bytes reused in every feed that holds it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from .views import MomentView

TZ = ZoneInfo("Europe/Amsterdam")
PRODID = "-//participatie//participatiekalender//NL"
END = b"END:VCALENDAR\r\n"


def uid(m: MomentView, domain: str) -> str:
    return f"{m.uid_key}@{domain}"


def sequence(m: MomentView) -> int:
    return len(m.moment.verplaatst) + (1 if m.moment.geannuleerd else 0)


def amsterdam() -> Timezone:
    """Europe/Amsterdam since 1996: CET, CEST from the last Sunday of March to the last Sunday of October."""
    tz = Timezone()
    tz.add("tzid", "Europe/Amsterdam")
    for part, start, month, before, after, name in (
        (TimezoneDaylight(), dt.datetime(1981, 3, 29, 2), 3, 1, 2, "CEST"),
        (TimezoneStandard(), dt.datetime(1996, 10, 27, 3), 10, 2, 1, "CET"),
    ):
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        part.add("tzoffsetfrom", dt.timedelta(hours=before))
        part.add("tzoffsetto", dt.timedelta(hours=after))
        part.add("tzname", name)
        tz.add_component(part)
    return tz


def _description(m: MomentView, page_url: str) -> str:
    mm = m.moment
    lines = [f"GEANNULEERD: {mm.geannuleerd.reden}"] if mm.geannuleerd else []
    lines.append(f"{m.soort_naam.capitalize()} in het {m.traject.soort_woord} '{m.traject.titel}'.")
    if mm.omschrijving:
        lines.append(mm.omschrijving)
    lines += [f"Verplaatst (eerst {v.van.isoformat()}): {v.reden}" for v in mm.verplaatst]
    for label, value in (
        ("Voor wie", ", ".join(mm.doelgroepen)),
        ("Uw invloed", m.niveau),
        ("Aanmelden", mm.aanmelden),
        ("Toegankelijkheid", mm.toegankelijkheid),
        ("Online", m.link),
    ):
        if value:
            lines.append(f"{label}: {value}")
    if mm.verslag:
        lines.append(f"Het verslag staat op {page_url}")
    lines.append(f"Meer informatie: {page_url}")
    return "\n".join(lines)


def event(m: MomentView, page_url: str, domain: str, stamp: dt.date) -> Event:
    mm = m.moment
    start: dt.date  # a time of day, or the whole day
    end: dt.date | None
    if mm.tijd:
        start = dt.datetime.combine(mm.datum, mm.tijd, tzinfo=TZ)
        end = dt.datetime.combine(mm.tot or mm.datum, mm.eindtijd, tzinfo=TZ) if mm.eindtijd else None
    else:
        start, end = mm.datum, max(mm.tot or mm.datum, mm.datum) + dt.timedelta(days=1)
    if end is not None and end <= start:  # the check reports it (moment.eindtijd-voor-tijd); the feed stays valid
        end = None
    summary = f"GEANNULEERD: {mm.titel}" if mm.geannuleerd else mm.titel
    ev = Event.new(
        uid=uid(m, domain),
        summary=summary,
        start=start,
        end=end,
        description=_description(m, page_url),
        location=mm.plaats or m.link or None,
        url=page_url,
        stamp=dt.datetime.combine(stamp, dt.time(0), tzinfo=dt.UTC),
    )
    ev.add("sequence", sequence(m))
    ev.add("status", "CANCELLED" if mm.geannuleerd else "CONFIRMED")
    return ev


class Feeds:
    """Serialises each event once; assembles any number of feeds from the bytes."""

    def __init__(self, site_url: str, domain: str):
        self.site_url, self.domain = site_url, domain
        self.events: dict[str, bytes] = {}
        self.timezone = amsterdam().to_ical()

    def event_bytes(self, m: MomentView, stamp: Callable[[MomentView], dt.date]) -> bytes:
        """`stamp(m)`: the event's DTSTAMP, asked only when the event is not serialised yet."""
        key = uid(m, self.domain)
        known = self.events.get(key)
        if known is None:
            page = self.site_url + m.traject.page.removesuffix(".md") + ".html"
            known = self.events[key] = event(m, page, self.domain, stamp(m)).to_ical()
        return known

    def feed(
        self, path: str, name: str, description: str, moments: list[MomentView], stamp: Callable[[MomentView], dt.date]
    ) -> bytes:
        cal = Calendar.new(
            name=name, description=description, prodid=PRODID, uid=f"{path}@{self.domain}", url=self.site_url + path
        )
        cal.add("method", "PUBLISH")
        cal.add("x-wr-timezone", "Europe/Amsterdam")
        head = cal.to_ical()
        if not head.endswith(END):
            raise RuntimeError("icalendar gaf een onverwachte kalender")
        body = b"".join([self.event_bytes(m, stamp) for m in moments])
        return head[: -len(END)] + self.timezone + body + END
