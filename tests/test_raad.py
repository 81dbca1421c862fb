"""The raadsoverzicht, its CSV and JSON, the monitor, and publishing the truth (two gates)."""

from __future__ import annotations

import csv
import io
import json
import re
from xml.etree import ElementTree

from conftest import ROOT, build, edit, text_of_html

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
    edit(
        site / FIETSPAD / "traject.yaml",
        "titel: Veilig fietspad langs de Kerkdijk",
        'titel: "=HYPERLINK(\\"http://x.example\\")"',
    )
    assert build(site) == 0
    row = next(r for r in csv_rows(site / "site") if r["slug"] == "fietspad-kerkdijk")
    assert row["traject"] == '\'=HYPERLINK("http://x.example")'
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
    charts = (
        "plan-per-soort",
        "plan-per-domein",
        "volledigheid",
        "uitkomsten",
        "niveaus",
        "initiatieven-per-stap",
        "initiatieven-per-besluit",
        "initiatieven-per-kern",
        "initiatieven-per-soort",
        "initiatieven-per-omvang",
        "initiatieven-per-ervaring",
        "initiatieven-doorlooptijd",
    )
    for slug in charts:
        svg = (built / f"raad/{slug}.svg").read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg
        root = ElementTree.fromstring(svg.encode("utf-8"))  # well-formed XML, with its own text alternative
        ns = "{http://www.w3.org/2000/svg}"
        assert root.get("role") == "img" and root.find(f"{ns}title").text and root.find(f"{ns}desc").text
        assert not re.search(r"(?:xlink:)?href=[\"'](?:https?:)?//", svg)
        assert f'src="{slug}.svg" alt="' in html
    assert "Opstellen visies en beleid, 2" in html  # alt text carries the numbers
    assert html.count("<caption>De cijfers bij deze grafiek</caption>") == len(charts)


def test_raad_hears_early_what_is_coming(built):
    """'Binnenkort': every decision still in the planning, by date, and every trajectory whose plan is not adopted."""
    import datetime as dt

    from conftest import VANDAAG

    today = dt.date.fromisoformat(VANDAAG)
    decisions = sorted(
        (m.datum, t.traject.titel, m.titel)
        for t in sources()
        for m in t.planning.momenten
        if m.soort == "besluit" and m.geannuleerd is None and m.datum >= today
    )
    preparing = sorted(t.traject.titel for t in sources() if t.traject.status in ("verkenning", "plan"))
    page = (built / "raad/index.html").read_text(encoding="utf-8")
    section = page[page.index('id="binnenkort"') : page.index('id="tabel"')]
    listed = re.findall(r"<li>(.*?)</li>", section[: section.index('id="informeren"')], re.S)
    for item, (_, traject, titel) in zip(listed, decisions, strict=True):  # the same decisions, in date order
        assert traject in text_of_html(item) and titel in text_of_html(item), item
    assert "door de gemeenteraad" in section and len(decisions) >= 2
    # when the raad is told: every planned 'raad.informeren' of the trajectories, in date order
    told = sorted(
        (i.datum, t.traject.titel, i.wat)
        for t in sources()
        if t.traject.raad
        for i in t.traject.raad.informeren
        if i.datum >= today
    )
    between = section[section.index('id="informeren"') : section.index('id="voorbereiding"')]
    items = re.findall(r"<li>(.*?)</li>", between, re.S)
    assert len(items) == len(told) >= 2
    for item, (_, traject, wat) in zip(items, told, strict=True):
        assert traject in text_of_html(item) and wat in text_of_html(item), item
    rest = section[section.index('id="voorbereiding"') :]
    assert sorted(text_of_html(a) for a in re.findall(r"<li><a [^>]*>(.*?)</a>", rest)) == preparing and preparing
