"""The raadsoverzicht: one row per trajectory, as a page and as CSV and JSON downloads."""

from __future__ import annotations

import csv
import io
import json

from ..derive import completeness, eindverslag_complete
from . import Generated
from .views import TrajectView

COLUMNS = [
    ("traject", "Titel van het traject"), ("slug", "Korte naam (map in projecten/)"), ("status", "Status"),
    ("soort_werk", "Soort werk volgens het beleid"), ("niveaus", "Betrokkenheidsniveaus, gescheiden door |"),
    ("besluit_door", "Wie besluit (college of raad)"), ("plan_vastgesteld_op", "Datum vaststelling plan van aanpak (jjjj-mm-dd)"),
    ("plan_vastgesteld_door", "Wie stelde het plan vast"), ("plan_volledig_pct", "Volledigheid plan van aanpak in procenten"),
    ("eindverslag_volledig_pct", "Volledigheid eindverslag in procenten"),
    ("ontbreekt_plan", "Onderdelen van het plan van aanpak die ontbreken, gescheiden door |"),
    ("ontbreekt_eindverslag", "Onderdelen van het eindverslag die ontbreken, gescheiden door |"),
    ("inbreng", "Aantal punten inbreng"), ("inbreng_beantwoord", "Aantal punten inbreng met uitkomst en reactie"),
    ("afwijkingen", "Aantal afwijkingen"), ("afwijkingen_gemotiveerd", "Aantal afwijkingen met motivering"),
    ("eindverslag_aanwezig", "ja als het eindverslag compleet is, anders nee"),
]


def row(v: TrajectView) -> dict:
    t, p = v.t, v.p
    vol = completeness(t, p)
    inbreng = t.terugkoppeling.inbreng
    afw = v.afwijkingen
    vast = t.traject.vastgesteld
    return {"traject": t.traject.titel, "slug": t.slug, "status": t.traject.status, "soort_werk": t.traject.soort_werk or "",
            "niveaus": "|".join(v.niveaus), "besluit_door": t.traject.besluit_door or "",
            "plan_vastgesteld_op": vast.datum.isoformat() if vast else "", "plan_vastgesteld_door": vast.door if vast else "",
            "plan_volledig_pct": vol.plan_pct, "eindverslag_volledig_pct": vol.eindverslag_pct, "ontbreekt_plan": "|".join(k for k, ok in vol.plan.items() if not ok),
            "ontbreekt_eindverslag": "|".join(k for k, ok in vol.eindverslag.items() if not ok),
            "inbreng": len(inbreng),
            "inbreng_beantwoord": sum(1 for i in inbreng if i.reactie and i.uitkomst != "nog in behandeling"),
            "afwijkingen": len(afw), "afwijkingen_gemotiveerd": sum(1 for a in afw if a["motivering"]),
            "eindverslag_aanwezig": "ja" if eindverslag_complete(t, p) else "nee"}


def to_csv(rows: list[dict]) -> str:
    """UTF-8 with BOM and ';' so Excel with Dutch settings opens it in columns."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[c for c, _ in COLUMNS], delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return "\ufeff" + buffer.getvalue()


def to_json(rows: list[dict], result) -> str:
    meta = {"titel": f"Participatietrajecten {result.settings.gemeente}", "peildatum": result.vandaag.isoformat(),
            "licentie": "CC0 1.0", "beleidsprofiel": result.profiel.naam, "aantal_rijen": len(rows),
            "kolommen": [{"naam": c, "uitleg": u} for c, u in COLUMNS]}
    return json.dumps({"meta": meta, "trajecten": rows}, ensure_ascii=False, indent=2) + "\n"


def render_raad(env, common: dict, views: list[TrajectView], result):
    rows = [row(v) for v in views]
    page = "raad/index.md"
    html = env.get_template("raad.md.j2").render(page=page, rows=list(zip(views, rows)), columns=COLUMNS,
                                                  peildatum=result.vandaag, profiel=result.profiel, **common)
    from .monitor import render_monitor
    return [Generated(page, html), Generated("raad/trajecten.csv", to_csv(rows)),
            Generated("raad/trajecten.json", to_json(rows, result))] + render_monitor(env, common, views, result)
