"""Detected afwijkingen, the raadsoverzicht, its CSV/JSON exports and the monitor."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from conftest import ROOT, check_json, edit, line_of
from participatie.project import load_all

FIETSPAD = "projecten/fietspad-kerkdijk"
DECLARE = "nieuws:\n  - {datum: 2026-11-12"

# kind -> (file, old, new, betreft, file and line text where the finding points)
DEVIATIONS = {
    "niveau-buiten-tabel": ("traject.yaml", "{groep: Scholieren en ouders, belang: groot, invloed: weinig, niveau: raadplegen}",
                            "{groep: Scholieren en ouders, belang: groot, invloed: weinig, niveau: raadplegen, "
                            "fasen: [{fase: Kleur van het fietspad, niveau: meebeslissen}]}",
                            "Scholieren en ouders", None),
    "stap1-nee": ("traject.yaml", "capaciteit: {antwoord: ja,", "capaciteit: {antwoord: nee,", None,
                  ("traject.yaml", "capaciteit: {antwoord: nee")),
    "participatie-voor-vaststelling": ("traject.yaml", "vastgesteld: {datum: 2026-10-27", "vastgesteld: {datum: 2026-11-11",
                                       "informatieavond-agrariers", ("planning.yaml", "datum: 2026-11-10")),
    "moment-geannuleerd": ("planning.yaml", "    niveau: raadplegen\n    aanmelden: Niet nodig. Scholieren",
                           "    niveau: raadplegen\n    geannuleerd: {reden: Ziek.}\n    aanmelden: Niet nodig. Scholieren",
                           "inloopavond-kerkdijk", ("planning.yaml", "geannuleerd: {reden: Ziek.}")),
    "moment-verplaatst": ("planning.yaml", "    datum: 2027-01-19\n",
                          "    datum: 2027-01-26\n    verplaatst: [{van: 2027-01-19, reden: Zaal bezet.}]\n",
                          "werkgroep-kruisingen", ("planning.yaml", "verplaatst: [{van: 2027-01-19")),
    "niveau-gewijzigd": ("planning.yaml", "    doelgroepen: [Scholieren en ouders]\n    niveau: raadplegen\n    aanmelden: Niet nodig. Scholieren",
                         "    doelgroepen: [Scholieren en ouders]\n    niveau: informeren\n    aanmelden: Niet nodig. Scholieren",
                         "Scholieren en ouders", None),
    "doelgroep-niet-bereikt": ("planning.yaml", "    doelgroepen: [Fietsersbond afdeling Vechtwolde]\n    niveau: coproduceren",
                               "    doelgroepen: [Waterschap]\n    niveau: coproduceren", "Fietsersbond afdeling Vechtwolde",
                               ("traject.yaml", "  - groep: Fietsersbond afdeling Vechtwolde")),
    "advies-niet-gevolgd": ("terugkoppeling.yaml", "    uitkomst: nog in behandeling\n",
                            "    uitkomst: niet overgenomen\n", "inritten-breed-genoeg",
                            ("terugkoppeling.yaml", "uitkomst: niet overgenomen")),
    "radiostilte": ("planning.yaml", "    datum: 2026-11-10\n", "    datum: 2026-09-29\n", "informatieavond-agrariers", None),
    "besluit-zonder-eindverslag": ("planning.yaml", "    datum: 2027-05-31\n", "    datum: 2026-11-17\n", "besluit-raad",
                                   ("planning.yaml", "datum: 2026-11-17")),
}


@pytest.mark.parametrize("kind", sorted(DEVIATIONS))
def test_each_deviation_is_detected_and_passes_once_declared(site, kind):
    file, old, new, betreft, where = DEVIATIONS[kind]
    edit(site / FIETSPAD / file, old, new)
    if kind == "advies-niet-gevolgd":  # the Agrariërs get advice-level influence for this case
        edit(site / FIETSPAD / "planning.yaml", "    niveau: informeren\n    aanmelden: Niet nodig.\n  - id: inloopavond",
             "    niveau: adviseren\n    aanmelden: Niet nodig.\n  - id: inloopavond")
        edit(site / FIETSPAD / "traject.yaml", "{groep: Agrariërs langs de Kerkdijk, belang: groot, invloed: veel, niveau: raadplegen}",
             "{groep: Agrariërs langs de Kerkdijk, belang: groot, invloed: veel, niveau: adviseren}")
        edit(site / FIETSPAD / "traject.yaml", "  - soort: niveau-gewijzigd\n    betreft: Agrariërs langs de Kerkdijk",
             "  - soort: overig\n    betreft: Agrariërs langs de Kerkdijk")
    if kind == "niveau-gewijzigd":  # the enquête offers informeren too, so the group's best is below the plan
        edit(site / FIETSPAD / "planning.yaml", "    doelgroepen: [Scholieren en ouders]\n    niveau: raadplegen\n    aanmelden: Niet nodig.\n",
             "    doelgroepen: [Scholieren en ouders]\n    niveau: informeren\n    aanmelden: Niet nodig.\n")
    if kind == "radiostilte":
        edit(site / FIETSPAD / "traject.yaml", "vastgesteld: {datum: 2026-10-27", "vastgesteld: {datum: 2026-09-01")
    code, data = check_json(site)
    hits = [f for f in data["bevindingen"] if f["code"] == f"afwijking.{kind}"]
    assert code == 1 and len(hits) == 1, data["bevindingen"]
    hit = hits[0]
    assert hit["ernst"] == "fout" and hit["boodschap"].startswith("afwijking zonder motivering: ")
    assert f"soort: {kind}" in hit["hint"] and "traject.yaml onder 'afwijkingen:'" in hit["hint"]
    if betreft:
        assert f"betreft: {betreft}" in hit["hint"]
    if where:
        assert (hit["pad"], hit["regel"]) == (f"{FIETSPAD}/{where[0]}", line_of(site / FIETSPAD / where[0], where[1]))
    declaration = f"  - soort: {kind}\n" + (f"    betreft: {betreft}\n" if betreft else "") + \
        "    wat: Test.\n    motivering: Uitgelegd aan de raad.\n"
    edit(site / FIETSPAD / "traject.yaml", DECLARE, declaration + DECLARE)
    code, data = check_json(site)
    assert code == 0, [f for f in data["bevindingen"] if f["ernst"] == "fout"]


def test_deviation_is_a_warning_before_vastgesteld(site):
    path = site / "projecten/woningbouw-nieuwe-marke/traject.yaml"
    edit(path, "{groep: Woningzoekenden, belang: groot, invloed: weinig, niveau: raadplegen}",
         "{groep: Woningzoekenden, belang: groot, invloed: weinig, niveau: coproduceren}")
    code, data = check_json(site)
    hits = [f for f in data["bevindingen"] if f["code"] == "afwijking.niveau-buiten-tabel"]
    assert code == 0 and [h["ernst"] for h in hits] == ["waarschuwing"]


def test_undeclared_deviation_shows_on_page_as_not_motivated(site):
    from conftest import mkdocs
    edit(site / "projecten/woningbouw-nieuwe-marke/traject.yaml",
         "{groep: Woningzoekenden, belang: groot, invloed: weinig, niveau: raadplegen}",
         "{groep: Woningzoekenden, belang: groot, invloed: weinig, niveau: raadplegen, fasen: [{fase: Inrichting, niveau: coproduceren}]}")
    assert mkdocs("build", "-d", "site", cwd=site).returncode == 0
    html = (site / "site/trajecten/woningbouw-nieuwe-marke.html").read_text(encoding="utf-8")
    assert "Betrokkenheidsniveau buiten de beleidstabel" in html and "Niet gemotiveerd" in html
    raad = (site / "site/raad/index.html").read_text(encoding="utf-8")
    assert 'woningbouw-nieuwe-marke.html#afwijkingen">1</a>, 0 gemotiveerd' in raad


def test_csv_lists_every_trajectory_and_matches_sources(built):
    raw = (built / "raad/trajecten.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    trajecten, _ = load_all(ROOT / "projecten")
    assert sorted(r["slug"] for r in rows) == sorted(t.slug for t in trajecten)
    for t in trajecten:
        r = next(r for r in rows if r["slug"] == t.slug)
        assert r["traject"] == t.traject.titel and r["status"] == t.traject.status
        assert r["soort_werk"] == t.traject.soort_werk and r["besluit_door"] == t.traject.besluit_door
        assert r["plan_vastgesteld_op"] == (t.traject.vastgesteld.datum.isoformat() if t.traject.vastgesteld else "")
        assert int(r["inbreng"]) == len(t.terugkoppeling.inbreng)
        assert int(r["afwijkingen_gemotiveerd"]) == sum(1 for a in t.traject.afwijkingen if a.motivering)
        assert r["eindverslag_aanwezig"] == ("ja" if t.traject.status == "afgerond" else "nee")
    data = json.loads((built / "raad/trajecten.json").read_text(encoding="utf-8"))
    assert data["meta"]["aantal_rijen"] == len(rows) and data["meta"]["licentie"]
    assert [k["naam"] for k in data["meta"]["kolommen"]] == list(rows[0].keys())


def test_raad_page_lists_every_trajectory(built):
    html = (built / "raad/index.html").read_text(encoding="utf-8")
    for t in load_all(ROOT / "projecten")[0]:
        assert f'href="../trajecten/{t.slug}.html">' in html


def test_monitor_charts_have_text_alternatives_and_tables(built):
    html = (built / "raad/monitor.html").read_text(encoding="utf-8")
    for slug in ("plan-per-soort", "plan-per-domein", "volledigheid", "uitkomsten", "niveaus"):
        svg = (built / f"raad/{slug}.svg").read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg
        assert not re.search(r"(?:xlink:)?href=[\"'](?:https?:)?//", svg)  # nothing loaded from elsewhere
        assert f'src="{slug}.svg" alt="' in html
    assert "Opstellen visies en beleid, 2" in html  # alt text carries the numbers
    assert html.count("<caption>De cijfers bij deze grafiek</caption>") == 5


def test_raad_page_shows_completeness_per_part(built):
    html = (built / "raad/index.html").read_text(encoding="utf-8")
    assert "Bouwstenen (100%)" in html and "6. Wanneer en waar gaan we inwoners betrekken?" in html
    assert '<li class="pt-mist"><span class="pt-teken" aria-hidden="true">✗</span> Gevolgde proces <span class="pt-sr">ontbreekt</span>' in html
    assert html.count("Eindverslag (100%)") == 2  # the two afgeronde trajecten
