"""iCalendar feeds read by two parsers (icalendar and vobject), and the kalender pages."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
import vobject
from conftest import VANDAAG, build, check, edit, line_of

FEEDS = [
    "kalender/alles.ics",
    "kalender/oosterbroek.ics",
    "trajecten/omgevingsvisie-2040.ics",
    "trajecten/fietspad-kerkdijk.ics",
]


def events(path):
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


@pytest.mark.parametrize("feed", FEEDS)
def test_every_timed_event_is_the_same_instant_in_both_parsers(built, feed):
    data = (built / feed).read_bytes()
    ours = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}
    theirs = {str(e.uid.value): e for e in vobject.readOne(data.decode("utf-8")).vevent_list}
    assert set(ours) == set(theirs) and ours
    timed = 0
    for uid, e in ours.items():
        for field in ("dtstart", "dtend"):
            if field.upper() not in e:
                assert not hasattr(theirs[uid], field)
                continue
            a, b = e.decoded(field.upper()), getattr(theirs[uid], field).value
            if isinstance(a, dt.datetime):
                timed += 1
                assert a.astimezone(dt.UTC) == b.astimezone(dt.UTC), (feed, uid, field, a, b)
            else:
                assert a == b
    assert timed > 0


def timed_without_end(site) -> list[str]:
    """Every timed event, in every feed of a built site, that one of the two parsers reads without an end."""
    missing = []
    for feed in sorted(site.rglob("*.ics")):
        data = feed.read_bytes()
        for e in icalendar.Calendar.from_ical(data).walk("VEVENT"):
            if isinstance(e.decoded("DTSTART"), dt.datetime) and not ("DTEND" in e or "DURATION" in e):
                missing.append(f"{feed.name}: {e['UID']} (icalendar)")
        for e in vobject.readOne(data.decode("utf-8")).contents.get("vevent", []):
            if isinstance(e.dtstart.value, dt.datetime) and not (hasattr(e, "dtend") or hasattr(e, "duration")):
                missing.append(f"{feed.name}: {e.uid.value} (vobject)")
    return missing


def test_every_timed_event_in_every_feed_has_an_end(built):
    """A calendar shows an event without an end as zero minutes; the check asks for the end (see below)."""
    assert len(list(built.rglob("*.ics"))) > 10
    assert timed_without_end(built) == []


def test_summer_time_reads_as_local_time(built):
    """A meeting at 19:30 in June is 17:30 UTC; the RDATE-list VTIMEZONE made vobject read 18:30."""
    jongeren = vobject.readOne((built / "kalender/alles.ics").read_text(encoding="utf-8"))
    event = next(e for e in jongeren.vevent_list if e.uid.value.startswith("dorpsplein-oosterbroek.jongerenavond"))
    assert event.dtstart.value.astimezone(dt.UTC) == dt.datetime(2026, 6, 9, 17, 0, tzinfo=dt.UTC)
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in (built / "kalender/alles.ics").read_text(encoding="utf-8")


@pytest.mark.parametrize("feed", FEEDS)
def test_feed_fields(built, feed):
    build_day = dt.datetime.fromisoformat(VANDAAG).replace(tzinfo=dt.UTC) + dt.timedelta(days=1)
    for e in icalendar.Calendar.from_ical((built / feed).read_bytes()).walk("VEVENT"):
        for field in ("UID", "DTSTAMP", "SUMMARY", "DESCRIPTION", "URL", "DTSTART", "SEQUENCE", "STATUS"):
            assert field in e, (feed, field)
        assert str(e["URL"]).startswith(
            ("https://meedoen.vechtwolde.example/trajecten/", "https://meedoen.vechtwolde.example/initiatieven/")
        )
        assert str(e["URL"]) in str(e["DESCRIPTION"])
        assert e.decoded("DTSTAMP") <= build_day


def test_event_details(built):
    evs = events(built / "kalender/alles.ics")
    timed = evs["dorpsplein-oosterbroek.atelier-3@meedoen.vechtwolde.example"]
    start = timed.decoded("DTSTART")
    assert start == dt.datetime(2027, 1, 26, 19, 30, tzinfo=start.tzinfo) and str(start.tzinfo) == "Europe/Amsterdam"
    assert str(timed["LOCATION"]).startswith("Dorpshuis De Schakel")
    ranged = evs["omgevingsvisie-2040.enquete-2040@meedoen.vechtwolde.example"]
    assert ranged.decoded("DTSTART") == dt.date(2025, 10, 1) and ranged.decoded("DTEND") == dt.date(2025, 11, 1)
    cancelled = evs["dorpsplein-oosterbroek.jongerenavond@meedoen.vechtwolde.example"]
    assert str(cancelled["STATUS"]) == "CANCELLED" and int(cancelled["SEQUENCE"]) == 1
    assert str(cancelled["SUMMARY"]) == "GEANNULEERD: Focusgroep jongeren"
    moved = evs["omgevingsvisie-2040.inloop-oosterbroek@meedoen.vechtwolde.example"]
    assert int(moved["SEQUENCE"]) == 1 and moved.decoded("DTSTART").date() == dt.date(2025, 10, 21)


def test_no_invented_end_and_the_description_is_there(site):
    path = site / "projecten/fietspad-kerkdijk/planning.yaml"
    edit(path, '    eindtijd: "20:30"\n', "    omschrijving: Neem uw vragen over de route mee.\n")
    found = [f for f in check(site).findings if f.code == "moment.eindtijd-ontbreekt"]
    line = line_of(path, "inloopavond-kerkdijk") + 4  # id, soort, titel, datum, then tijd
    assert [(f.pad, f.pos.line, f.ernst.value) for f in found] == [
        (path.relative_to(site).as_posix(), line, "waarschuwing")
    ]
    assert path.read_text(encoding="utf-8").split("\n")[line - 1].strip().startswith("tijd:")
    assert build(site) == 0
    event = events(site / "site/trajecten/fietspad-kerkdijk.ics")[
        "fietspad-kerkdijk.inloopavond-kerkdijk@meedoen.vechtwolde.example"
    ]
    assert "DTEND" not in event and "DURATION" not in event
    assert "Neem uw vragen over de route mee." in str(event["DESCRIPTION"])


def test_uids_stable_and_moving_raises_sequence(site, built):
    first = events(built / "trajecten/fietspad-kerkdijk.ics")
    edit(
        site / "projecten/fietspad-kerkdijk/planning.yaml",
        "    datum: 2027-01-19\n",
        "    datum: 2027-01-26\n    verplaatst: [{van: 2027-01-19, reden: Zaal bezet.}]\n",
    )
    edit(
        site / "projecten/fietspad-kerkdijk/traject.yaml",
        "nieuws:",
        "  - {soort: moment-verplaatst, betreft: werkgroep-kruisingen, "
        "wat: Een week later., motivering: De zaal was bezet.}\nnieuws:",
    )
    assert build(site) == 0
    second = events(site / "site/trajecten/fietspad-kerkdijk.ics")
    assert set(first) == set(second)
    uid = "fietspad-kerkdijk.werkgroep-kruisingen@meedoen.vechtwolde.example"
    assert int(second[uid]["SEQUENCE"]) == int(first[uid]["SEQUENCE"]) + 1
    assert second[uid].decoded("DTSTART").date() == dt.date(2027, 1, 26)
    unchanged = "kalender/oosterbroek.ics"
    assert (site / "site" / unchanged).read_bytes() == (built / unchanged).read_bytes()  # byte-stable rebuild


def test_kalender_pages(built):
    html = (built / "kalender/index.html").read_text(encoding="utf-8")
    assert html.index("December 2026") < html.index("Januari 2027") < html.index("Maart 2027")
    assert "Inloopavond — waar komt het fietspad?" in html and 'href="alles.ics"' in html
    assert "Ideeënavond over het dorpsplein" not in html
    archive = (built / "kalender/archief.html").read_text(encoding="utf-8")
    assert "Ideeënavond over het dorpsplein" in archive and "<del>Focusgroep jongeren</del>" in archive
