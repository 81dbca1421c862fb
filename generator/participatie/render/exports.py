"""The raadsoverzicht as data: one row per published trajectory, for the page, the CSV and the JSON.

The CSV is for people (Excel with Dutch settings: UTF-8 with BOM, ';', and no cell that
a spreadsheet would run as a formula); the JSON carries the same rows with an
explanation per column, the licence and the date.
"""

from __future__ import annotations

import csv
import io
import json

from ..derive.status import requirements
from ..derive.volledigheid import completeness, eindverslag_complete
from .views import TrajectView

COLUMNS = [
    ("traject", "Titel van het traject"), ("slug", "Korte naam (map in projecten/)"),
    ("status", "Status (code)"), ("status_naam", "Status zoals de site hem toont"),
    ("soort_werk", "Soort werk volgens het beleid (code)"), ("soort_werk_naam", "Soort werk zoals de site hem toont"),
    ("niveaus", "Betrokkenheidsniveaus (codes), gescheiden door |"),
    ("besluit_door", "Wie besluit (college of raad)"), ("plan_vastgesteld_op", "Datum vaststelling plan van aanpak (jjjj-mm-dd)"),
    ("plan_vastgesteld_door", "Wie stelde het plan vast"), ("plan_volledig_pct", "Volledigheid plan van aanpak in procenten"),
    ("eindverslag_volledig_pct", "Volledigheid eindverslag in procenten"),
    ("eindverslag_nodig", "ja als het beleid bij deze status een eindverslag vraagt"),
    ("eindverslag_aanwezig", "ja als het eindverslag compleet is, anders nee"),
    ("ontbreekt_plan", "Onderdelen van het plan van aanpak die ontbreken, gescheiden door |"),
    ("ontbreekt_eindverslag", "Onderdelen van het eindverslag die ontbreken, gescheiden door |"),
    ("inbreng", "Aantal punten inbreng"), ("inbreng_beantwoord", "Aantal punten inbreng met uitkomst en reactie"),
    ("inbreng_beantwoord_pct", "Deel van de inbreng dat is beantwoord, in procenten"),
    ("afwijkingen", "Aantal afwijkingen (opgegeven en bij de controle gevonden)"),
    ("afwijkingen_gemotiveerd", "Aantal afwijkingen met motivering"),
    ("gestopt_op", "Datum waarop het traject is gestopt (jjjj-mm-dd), anders leeg"),
    ("gestopt_reden", "Waarom het traject is gestopt, anders leeg"),
    ("voldoet", "ja als alles wat het beleid bij deze status vraagt er is en elke afwijking is uitgelegd"),
    ("ontbreekt", "Wat er volgens het beleid nog ontbreekt, gescheiden door |"),
]
KOLOMMEN = ["Traject", "Status", "Soort werk", "Niveaus", "Plan vastgesteld", "Plan volledig", "Eindverslag",
            "Inbreng beantwoord", "Afwijkingen", "Voldoet aan het beleid"]
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def columns_for(p) -> list[tuple[str, str]]:
    """The column explanations in the profile's own words (its name for the levels and the plan)."""
    niveaus, plan = p.woorden.niveaus, p.woorden.plan
    return [(c, u.replace("Betrokkenheidsniveaus", niveaus[:1].upper() + niveaus[1:]).replace("plan van aanpak", plan))
            for c, u in COLUMNS if p.soorten_werk or not c.startswith("soort_werk")]


def row(v: TrajectView) -> dict:
    t, p, tb = v.t, v.p, v.t.traject
    vol = completeness(t, p)
    vast, gestopt = tb.vastgesteld, tb.gestopt
    afw = v.afwijkingen
    beantwoord = v.inbreng_beantwoord
    return {"traject": tb.titel, "slug": t.slug, "status": tb.status, "status_naam": v.status_naam,
            "soort_werk": tb.soort_werk or "", "soort_werk_naam": v.soort_werk_naam if tb.soort_werk else "",
            "niveaus": "|".join(v.niveaus), "besluit_door": tb.besluit_door or "",
            "plan_vastgesteld_op": vast.datum.isoformat() if vast else "", "plan_vastgesteld_door": vast.door if vast else "",
            "plan_volledig_pct": vol.plan_pct, "eindverslag_volledig_pct": vol.eindverslag_pct,
            "eindverslag_nodig": "ja" if requirements(t, p).eindverslag else "nee",
            "eindverslag_aanwezig": "ja" if eindverslag_complete(t, p) else "nee",
            "ontbreekt_plan": "|".join(vol.plan_ontbreekt), "ontbreekt_eindverslag": "|".join(vol.eindverslag_ontbreekt),
            "inbreng": v.inbreng_totaal, "inbreng_beantwoord": beantwoord,
            "inbreng_beantwoord_pct": round(100 * beantwoord / v.inbreng_totaal) if v.inbreng_totaal else 100,
            "afwijkingen": len(afw), "afwijkingen_gemotiveerd": sum(1 for a in afw if a["motivering"]),
            "gestopt_op": gestopt.datum.isoformat() if gestopt else "", "gestopt_reden": gestopt.reden if gestopt else "",
            "voldoet": "nee" if v.ontbreekt else "ja", "ontbreekt": "|".join(v.ontbreekt)}


def spreadsheet_safe(value) -> object:
    """A cell a spreadsheet shows as text, never runs: formula-like text gets a leading apostrophe."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA) else value


def to_csv(rows: list[dict], columns: list[tuple[str, str]] = COLUMNS) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[c for c, _ in columns], delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: spreadsheet_safe(v) for k, v in r.items()} for r in rows)
    return "\ufeff" + buffer.getvalue()


def to_json(rows: list[dict], meta: dict, columns: list[tuple[str, str]] = COLUMNS, key: str = "trajecten") -> str:
    meta = {**meta, "aantal_rijen": len(rows), "kolommen": [{"naam": c, "uitleg": u} for c, u in columns]}
    return json.dumps({"meta": meta, key: rows}, ensure_ascii=False, indent=2) + "\n"
