"""iCalendar feeds (RFC 5545) with the icalendar library: stable UIDs, SEQUENCE on moves, CANCELLED kept."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from .views import MomentView

TZ = ZoneInfo("Europe/Amsterdam")
PRODID = "-//participatie//participatiekalender//NL"


def uid(m: MomentView, domain: str) -> str:
    """Stays the same across builds and edits: trajectory slug + moment id."""
    return f"{m.traject_slug}.{m.m.id}@{domain}"


def sequence(m: MomentView) -> int:
    return len(m.m.verplaatst) + (1 if m.m.geannuleerd else 0)


def stamp(m: MomentView) -> dt.datetime:
    """A DTSTAMP fixed by the moment's own data, so rebuilds are byte-identical."""
    latest = max([m.m.datum, *[v.van for v in m.m.verplaatst]])
    return dt.datetime.combine(latest - dt.timedelta(days=30), dt.time(0), tzinfo=dt.timezone.utc)


def event(m: MomentView, page_url: str, domain: str) -> Event:
    mm = m.m
    if mm.tijd:
        start = dt.datetime.combine(mm.datum, mm.tijd, tzinfo=TZ)
        end = dt.datetime.combine(mm.tot or mm.datum, mm.eindtijd, tzinfo=TZ) if mm.eindtijd else start + dt.timedelta(hours=2)
    else:
        start, end = mm.datum, (mm.tot or mm.datum) + dt.timedelta(days=1)
    description = [f"{m.soort_naam.capitalize()} in het traject '{m.traject_titel}'."]
    if mm.geannuleerd:
        description.insert(0, f"GEANNULEERD: {mm.geannuleerd.reden}")
    for v in mm.verplaatst:
        description.append(f"Verplaatst (eerst {v.van.isoformat()}): {v.reden}")
    for label, value in (("Voor wie", ", ".join(mm.doelgroepen)), ("Uw invloed", m.niveau_naam), ("Aanmelden", mm.aanmelden),
                         ("Toegankelijkheid", mm.toegankelijkheid), ("Online", mm.link)):
        if value:
            description.append(f"{label}: {value}")
    description.append(f"Meer informatie: {page_url}")
    ev = Event.new(uid=uid(m, domain), summary=mm.titel, start=start, end=end, stamp=stamp(m),
                   description="\n".join(description), location=mm.plaats or mm.link, url=page_url)
    ev.add("sequence", sequence(m))
    ev.add("status", "CANCELLED" if mm.geannuleerd else "CONFIRMED")
    return ev


def feed(path: str, name: str, description: str, moments: list[MomentView], site_url: str, domain: str) -> bytes:
    cal = Calendar.new(name=name, description=description, prodid=PRODID, uid=f"{path}@{domain}", url=site_url + path)
    cal.add("method", "PUBLISH")
    cal.add("x-wr-timezone", "Europe/Amsterdam")
    for m in moments:
        cal.add_component(event(m, f"{site_url}trajecten/{m.traject_slug}.html", domain))
    cal.add_missing_timezones()
    return cal.to_ical()
