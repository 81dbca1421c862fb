"""Publishing shows the truth (two gates): a policy gap is published with a notice, unsafe content withholds only
that trajectory, a stopped trajectory keeps its plan's demands, and planning advice covers every invitation."""

from __future__ import annotations

import json

import pytest
from conftest import build, check_json, edit, line_of, text_of_html
from test_raad import DORPSPLEIN, FIETSPAD, csv_rows


def test_a_policy_gap_is_published_with_a_notice_and_check_still_fails(site):
    """Issue 11: the raad must see what is missing; one gap never blocks the rest of the site."""
    path = site / DORPSPLEIN / "traject.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("omgevingsanalyse:\n"), text.index("werkvormen:\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    edit(site / FIETSPAD / "traject.yaml", "  - soort: niveau-buiten-tabel\n", "  - soort: overig\n")
    code, data = check_json(site)
    assert code == 1
    assert build(site) == 0
    dorp = text_of_html((site / "site/trajecten/dorpsplein-oosterbroek.html").read_text(encoding="utf-8"))
    assert "Dit traject voldoet nog niet aan het participatiebeleid. Hier ontbreekt nog:" in dorp
    assert "de omgevingsanalyse (plan van aanpak, onderdeel 3. Omgevingsanalyse)" in dorp
    fiets = text_of_html((site / "site/trajecten/fietspad-kerkdijk.html").read_text(encoding="utf-8"))
    assert (
        "uitleg bij een afwijking: betrokkenheidsniveau buiten de beleidstabel (Fietsersbond afdeling Vechtwolde)"
        in fiets
    )
    raad = text_of_html((site / "site/raad/index.html").read_text(encoding="utf-8"))
    assert "Van de 8 trajecten voldoen er 6 helemaal aan het beleid." in raad
    rows = {r["slug"]: r for r in csv_rows(site / "site")}
    assert rows["dorpsplein-oosterbroek"]["voldoet"] == "nee"
    assert (
        "de omgevingsanalyse (plan van aanpak, onderdeel 3. Omgevingsanalyse)"
        in rows["dorpsplein-oosterbroek"]["ontbreekt"]
    )
    assert (
        rows["fietspad-kerkdijk"]["afwijkingen_gemotiveerd"] == "3" and rows["fietspad-kerkdijk"]["afwijkingen"] == "4"
    )
    data = json.loads((site / "site/raad/trajecten.json").read_text(encoding="utf-8"))
    assert {r["slug"]: r["voldoet"] for r in data["trajecten"]}["fietspad-kerkdijk"] == "nee"


@pytest.mark.warnings_expected
def test_personal_data_withholds_only_that_trajectory_everywhere(site, caplog):
    path = site / "projecten/sportvisie/terugkoppeling.yaml"
    edit(path, "samenvatting: ", "samenvatting: Bel mevrouw Jansen op 06-12345678. ")
    assert build(site) == 3
    assert f"projecten/sportvisie/terugkoppeling.yaml:{line_of(path, '06-12345678')}:" in caplog.text
    built = site / "site"
    for f in built.rglob("*"):
        if f.is_file():
            data = f.read_bytes()
            assert b"12345678" not in data and b"Jansen" not in data, f
            assert b"sportvisie" not in data or f.suffix in (".js",), f
    assert not (built / "trajecten/sportvisie.html").exists()
    assert (built / "trajecten/fietspad-kerkdijk.html").exists()
    assert "1 traject staat tijdelijk niet op de site" in (built / "raad/index.html").read_text(encoding="utf-8")


def test_a_stopped_trajectory_keeps_the_demands_of_its_plan(site):
    path = site / FIETSPAD / "traject.yaml"
    edit(
        path,
        "status: vastgesteld",
        "status: gestopt\ngestopt: {datum: 2026-11-15, reden: De provincie trekt de subsidie in.}",
    )
    edit(path, "  - soort: niveau-buiten-tabel\n", "  - soort: overig\n")
    code, data = check_json(site)
    hits = [f for f in data["bevindingen"] if f["code"] == "afwijking.niveau-buiten-tabel"]
    assert code == 1 and [h["ernst"] for h in hits] == ["fout"]
    assert build(site) == 0
    raad = (site / "site/raad/index.html").read_text(encoding="utf-8")
    table = raad[raad.index('id="tabel"') :]  # 'Binnenkort' above it links trajectories too
    row = table[table.index("fietspad-kerkdijk.html") :]
    row = row[: row.index("</tr>")]
    assert "Gestopt: De provincie trekt de subsidie in." in row and "traject loopt" not in row


def test_an_evening_that_reports_back_on_a_holiday_gets_the_warning(site):
    """Every moment that invites people to come is checked, whatever its soort."""
    path = site / FIETSPAD / "planning.yaml"
    edit(
        path,
        "    datum: 2027-02-09\n    link: https://www.vechtwolde.example/fietspad/voorkeursroute\n",
        '    datum: 2027-04-27\n    tijd: "19:30"\n    plaats: Café De Dijk, Kerkdijk 14, Kerkdijk\n',
    )
    code, data = check_json(site)
    hits = [f for f in data["bevindingen"] if f["code"] == "planning.feestdag"]
    assert code == 0 and [(h["regel"], h["boodschap"]) for h in hits] == [
        (line_of(path, "datum: 2027-04-27"), "moment 'terugkoppeling-route' valt op een feestdag: Koningsdag.")
    ]
