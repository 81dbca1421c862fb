"""iCalendar feeds, parsed with icalendar and with vobject; planning warnings for holidays and busy months."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
import vobject

from conftest import check_json, edit, line_of, mkdocs

FEEDS = ["kalender/alles.ics", "kalender/oosterbroek.ics", "trajecten/omgevingsvisie-2040.ics"]


def events(path):
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


@pytest.mark.parametrize("feed", FEEDS)
def test_feeds_parse_with_two_libraries(built, feed):
    data = (built / feed).read_bytes()
    cal = icalendar.Calendar.from_ical(data)
    assert cal.walk("VTIMEZONE") and str(cal.walk("VTIMEZONE")[0]["TZID"]) == "Europe/Amsterdam"
    parsed = vobject.readOne(data.decode("utf-8"))
    assert len(parsed.vevent_list) == len(cal.walk("VEVENT")) > 0
    for e in cal.walk("VEVENT"):
        for field in ("UID", "DTSTAMP", "SUMMARY", "DESCRIPTION", "URL", "DTSTART", "DTEND", "SEQUENCE", "STATUS"):
            assert field in e, (feed, field)
        assert str(e["URL"]).startswith("https://meedoen.vechtwolde.example/trajecten/")
        assert str(e["URL"]) in str(e["DESCRIPTION"])


def test_event_fields(built):
    evs = events(built / "kalender/alles.ics")
    timed = evs["dorpsplein-oosterbroek.atelier-3@meedoen.vechtwolde.example"]
    start = timed.decoded("DTSTART")
    assert start == dt.datetime(2027, 1, 26, 19, 30, tzinfo=start.tzinfo) and str(start.tzinfo) == "Europe/Amsterdam"
    assert str(timed["LOCATION"]).startswith("Dorpshuis De Schakel")
    ranged = evs["omgevingsvisie-2040.enquete-2040@meedoen.vechtwolde.example"]
    assert ranged.decoded("DTSTART") == dt.date(2025, 10, 1) and ranged.decoded("DTEND") == dt.date(2025, 11, 1)
    cancelled = evs["dorpsplein-oosterbroek.jongerenavond@meedoen.vechtwolde.example"]
    assert str(cancelled["STATUS"]) == "CANCELLED" and int(cancelled["SEQUENCE"]) == 1
    moved = evs["omgevingsvisie-2040.inloop-oosterbroek@meedoen.vechtwolde.example"]
    assert int(moved["SEQUENCE"]) == 1 and moved.decoded("DTSTART").date() == dt.date(2025, 10, 21)


def test_uids_stable_and_moving_raises_sequence(site, built):
    first = events(built / "trajecten/fietspad-kerkdijk.ics")
    path = site / "projecten/fietspad-kerkdijk/planning.yaml"
    edit(path, "    datum: 2027-01-19\n", "    datum: 2027-01-26\n    verplaatst: [{van: 2027-01-19, reden: Zaal bezet.}]\n")
    edit(site / "projecten/fietspad-kerkdijk/traject.yaml", "nieuws:", "  - {soort: moment-verplaatst, betreft: werkgroep-kruisingen, "
         "wat: Een week later., motivering: De zaal was bezet.}\nnieuws:")
    assert mkdocs("build", "-d", "site", cwd=site).returncode == 0
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


def _moment(site, datum, doelgroep="Scholieren en ouders"):
    path = site / "projecten/fietspad-kerkdijk/planning.yaml"
    edit(path, "    datum: 2026-12-08\n", f"    datum: {datum}\n")
    if doelgroep != "Scholieren en ouders":
        edit(path, "    doelgroepen: [Scholieren en ouders]\n    niveau: raadplegen\n    aanmelden: Niet nodig. Scholieren",
             f"    doelgroepen: [{doelgroep}]\n    niveau: raadplegen\n    aanmelden: Niet nodig. Scholieren")
    code, data = check_json(site)
    hits = [f for f in data["bevindingen"] if f["code"].startswith("planning.")]
    return code, hits, line_of(path, f"datum: {datum}")


def test_warning_on_public_holiday(site):
    code, hits, line = _moment(site, "2027-04-27")
    assert code == 0 and {(h["regel"], h["boodschap"]) for h in hits} == {
        (line, "moment 'inloopavond-kerkdijk' valt op een feestdag: Koningsdag."),
        (line, "moment 'inloopavond-kerkdijk' valt in de meivakantie (regio Noord).")}


def test_warning_in_regional_autumn_holiday(site):
    code, hits, line = _moment(site, "2027-10-19")
    assert code == 0 and [(h["regel"], h["ernst"], h["boodschap"]) for h in hits] == [
        (line, "waarschuwing", "moment 'inloopavond-kerkdijk' valt in de herfstvakantie (regio Noord).")]


def test_warning_in_harvest_month_for_agrariers(site):
    code, hits, line = _moment(site, "2027-09-14", doelgroep="Agrariërs langs de Kerkdijk")
    assert code == 0 and [(h["regel"], h["boodschap"]) for h in hits] == [
        (line, "moment 'inloopavond-kerkdijk' is voor 'Agrariërs langs de Kerkdijk' in september, een drukke maand voor agrariërs.")]


def test_warning_when_school_holidays_unknown(site):
    code, hits, line = _moment(site, "2031-03-11")
    assert [h["boodschap"] for h in hits] == [
        "de schoolvakanties van 2031 zijn nog niet bekend in dit programma; deze datum is niet gecontroleerd."]
