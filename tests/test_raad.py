"""The raadsoverzicht, its CSV and JSON, the monitor, and publishing the truth (two gates)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from conftest import ROOT, build, check_json, edit, line_of, text_of_html
from participatie.load.folders import read_folder
from participatie.model.traject import bind_traject
from participatie.vocabulary import MARKDOWN_BESTANDEN, STATUSSEN, YAML_BESTANDEN

DORPSPLEIN = "projecten/dorpsplein-oosterbroek"
FIETSPAD = "projecten/fietspad-kerkdijk"


def sources():
    out = []
    for folder in sorted((ROOT / "projecten").iterdir()):
        t, _ = bind_traject(read_folder(folder, folder.name, YAML_BESTANDEN, MARKDOWN_BESTANDEN))
        out.append(t)
    return out


def csv_rows(site_dir):
    raw = (site_dir / "raad/trajecten.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def test_csv_lists_every_trajectory_and_matches_sources(built):
    rows = csv_rows(built)
    trajecten = sources()
    assert sorted(r["slug"] for r in rows) == sorted(t.slug for t in trajecten)
    for t in trajecten:
        r = next(r for r in rows if r["slug"] == t.slug)
        assert r["traject"] == t.traject.titel and r["status"] == t.traject.status
        assert r["status_naam"] == STATUSSEN[t.traject.status]
        assert r["soort_werk"] == t.traject.soort_werk and r["besluit_door"] == t.traject.besluit_door
        assert r["plan_vastgesteld_op"] == (t.traject.vastgesteld.datum.isoformat() if t.traject.vastgesteld else "")
        assert int(r["inbreng"]) == len(t.terugkoppeling.inbreng)
        assert int(r["afwijkingen_gemotiveerd"]) == sum(1 for a in t.traject.afwijkingen if a.motivering)
        assert r["eindverslag_aanwezig"] == ("ja" if t.traject.status == "afgerond" else "nee")
        assert r["voldoet"] == "ja" and r["ontbreekt"] == ""
    data = json.loads((built / "raad/trajecten.json").read_text(encoding="utf-8"))
    assert data["meta"]["aantal_rijen"] == len(rows) and data["meta"]["licentie"]
    assert [k["naam"] for k in data["meta"]["kolommen"]] == list(rows[0].keys())


def test_csv_cells_never_run_as_formulas(site):
    edit(site / FIETSPAD / "traject.yaml", "titel: Veilig fietspad langs de Kerkdijk", 'titel: "=HYPERLINK(\\"http://x.example\\")"')
    assert build(site) == 0
    row = next(r for r in csv_rows(site / "site") if r["slug"] == "fietspad-kerkdijk")
    assert row["traject"] == "'=HYPERLINK(\"http://x.example\")"
    data = json.loads((site / "site/raad/trajecten.json").read_text(encoding="utf-8"))
    assert next(r for r in data["trajecten"] if r["slug"] == "fietspad-kerkdijk")["traject"].startswith("=HYPERLINK")


def test_raad_page_links_every_trajectory_and_keeps_the_navigation(built):
    html = (built / "raad/index.html").read_text(encoding="utf-8")
    for t in sources():
        assert f'href="../trajecten/{t.slug}.html">{t.traject.titel}</a>' in html
    assert 'class="md-nav md-nav--primary"' in html and 'data-md-component="sidebar"' in html
    assert "Van de 8 trajecten voldoen er 8 helemaal aan het beleid." in text_of_html(html)


def test_raad_marks_only_what_is_due(built):
    html = (built / "raad/index.html").read_text(encoding="utf-8")
    assert "Onvolledig" not in html and html.count("Nog niet nodig (traject loopt)") == 5
    page = (built / "trajecten/fietspad-kerkdijk.html").read_text(encoding="utf-8")
    assert '<li class="pt-later"><span class="pt-teken" aria-hidden="true">–</span> Gevolgde proces' in page
    assert "pt-mist" not in page


def test_raad_sorts_by_process_order_and_share_answered(built):
    html = (built / "raad/index.html").read_text(encoding="utf-8")
    statuses = re.findall(r'</th>\n<td data-waarde="(\d)">([^<]+)', html)
    assert len(statuses) == 8 and all(list(STATUSSEN.values())[int(rank)] == naam for rank, naam in statuses)
    shares = re.findall(r'<td data-waarde="(\d+)">(\d+) van (\d+)</td>', html)
    assert shares and all(int(pct) == round(100 * int(a) / int(b)) for pct, a, b in shares)


def test_monitor_charts_have_text_alternatives_and_tables(built):
    html = (built / "raad/monitor.html").read_text(encoding="utf-8")
    for slug in ("plan-per-soort", "plan-per-domein", "volledigheid", "uitkomsten", "niveaus"):
        svg = (built / f"raad/{slug}.svg").read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg
        assert not re.search(r"(?:xlink:)?href=[\"'](?:https?:)?//", svg)
        assert f'src="{slug}.svg" alt="' in html
    assert "Opstellen visies en beleid, 2" in html  # alt text carries the numbers
    assert html.count("<caption>De cijfers bij deze grafiek</caption>") == 5


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
    assert "uitleg bij een afwijking: betrokkenheidsniveau buiten de beleidstabel (Fietsersbond afdeling Vechtwolde)" in fiets
    raad = text_of_html((site / "site/raad/index.html").read_text(encoding="utf-8"))
    assert "Van de 8 trajecten voldoen er 6 helemaal aan het beleid." in raad
    rows = {r["slug"]: r for r in csv_rows(site / "site")}
    assert rows["dorpsplein-oosterbroek"]["voldoet"] == "nee"
    assert "de omgevingsanalyse (plan van aanpak, onderdeel 3. Omgevingsanalyse)" in rows["dorpsplein-oosterbroek"]["ontbreekt"]
    assert rows["fietspad-kerkdijk"]["afwijkingen_gemotiveerd"] == "2" and rows["fietspad-kerkdijk"]["afwijkingen"] == "3"
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
    edit(path, "status: vastgesteld", "status: gestopt\ngestopt: {datum: 2026-11-15, reden: De provincie trekt de subsidie in.}")
    edit(path, "  - soort: niveau-buiten-tabel\n", "  - soort: overig\n")
    code, data = check_json(site)
    hits = [f for f in data["bevindingen"] if f["code"] == "afwijking.niveau-buiten-tabel"]
    assert code == 1 and [h["ernst"] for h in hits] == ["fout"]
    assert build(site) == 0
    raad = (site / "site/raad/index.html").read_text(encoding="utf-8")
    row = raad[raad.index("fietspad-kerkdijk.html"):]
    row = row[:row.index("</tr>")]
    assert "Gestopt: De provincie trekt de subsidie in." in row and "traject loopt" not in row
