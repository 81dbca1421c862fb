"""The raadsoverzicht as data: one row per published trajectory, for the page, the CSV and the JSON.

The CSV is for people (Excel with Dutch settings: UTF-8 with BOM, ';', and no cell that
a spreadsheet would run as a formula); the JSON carries the same rows with an
explanation per column, the licence and the date.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from .views import TrajectView

COLUMNS = [
    ("traject", "Titel van het traject"),
    ("slug", "Korte naam (map in projecten/)"),
    ("status", "Status (code)"),
    ("status_naam", "Status zoals de site hem toont"),
    ("soort_werk", "Soort werk volgens het beleid (code)"),
    ("soort_werk_naam", "Soort werk zoals de site hem toont"),
    ("niveaus", "Betrokkenheidsniveaus (codes), gescheiden door |"),
    ("besluit_door", "Wie besluit (college of raad)"),
    ("plan_vastgesteld_op", "Datum vaststelling plan van aanpak (jjjj-mm-dd)"),
    ("plan_vastgesteld_door", "Wie stelde het plan vast"),
    ("plan_volledig_pct", "Volledigheid plan van aanpak in procenten"),
    ("eindverslag_volledig_pct", "Volledigheid eindverslag in procenten"),
    ("eindverslag_nodig", "ja als het beleid bij deze status een eindverslag vraagt"),
    ("eindverslag_aanwezig", "ja als het eindverslag compleet is, anders nee"),
    ("ontbreekt_plan", "Onderdelen van het plan van aanpak die ontbreken, gescheiden door |"),
    ("ontbreekt_eindverslag", "Onderdelen van het eindverslag die ontbreken, gescheiden door |"),
    ("inbreng", "Aantal punten inbreng"),
    ("inbreng_beantwoord", "Aantal punten inbreng met uitkomst en reactie"),
    ("inbreng_beantwoord_pct", "Deel van de inbreng dat is beantwoord, in procenten"),
    ("afwijkingen", "Aantal afwijkingen (opgegeven en bij de controle gevonden)"),
    ("afwijkingen_gemotiveerd", "Aantal afwijkingen met motivering"),
    ("rol_raad", "De rol van de raad in dit traject (codes uit het beleid), gescheiden door |"),
    ("deelnemers", "Aantal deelnemers bij de momenten tot nu toe, waar geteld"),
    ("groepen_niet_bereikt", "Groepen uit het plan die bij de momenten tot nu toe niet meededen, gescheiden door |"),
    ("evaluaties", "Aantal evaluaties: van momenten en van het eindverslag"),
    ("gestopt_op", "Datum waarop het traject is gestopt (jjjj-mm-dd), anders leeg"),
    ("gestopt_reden", "Waarom het traject is gestopt, anders leeg"),
    ("voldoet", "ja als alles wat het beleid bij deze status vraagt er is en elke afwijking is uitgelegd"),
    ("ontbreekt", "Wat er volgens het beleid nog ontbreekt, gescheiden door |"),
]
KOLOMMEN = [
    "Traject",
    "Status",
    "{soort_werk}",
    "Niveaus",
    "Plan vastgesteld",
    "Plan volledig",
    "Eindverslag",
    "Inbreng beantwoord",
    "Afwijkingen",
    "Voldoet aan het beleid",
]
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def columns_for(p) -> list[tuple[str, str]]:
    """The column explanations in the profile's own words (its name for the levels and the plan)."""
    niveaus, plan, soort = p.woorden.niveaus, p.woorden.plan, p.woorden.soort_werk
    return [
        (
            c,
            u.replace("Betrokkenheidsniveaus", niveaus[:1].upper() + niveaus[1:])
            .replace("plan van aanpak", plan)
            .replace("Soort werk", soort[:1].upper() + soort[1:]),
        )
        for c, u in COLUMNS
        if p.soorten_werk or not c.startswith("soort_werk")
    ]


def headers_for(p) -> list[str]:
    """The raad table's column headers in the profile's words."""
    soort = p.woorden.soort_werk
    return [
        k.format(soort_werk=soort[:1].upper() + soort[1:]) for k in KOLOMMEN if p.soorten_werk or k != "{soort_werk}"
    ]


def row(v: TrajectView) -> dict:
    """One trajectory for the raad, in Python values; `cell()` makes the strings at the export's edge."""
    t, tb, toets = v.dossier, v.tb, v.toetsing
    vol = v.volledig
    vast, gestopt = tb.vastgesteld, tb.gestopt
    return {
        "traject": tb.titel,
        "slug": t.slug,
        "status": tb.status,
        "status_naam": v.status_naam,
        "soort_werk": tb.soort_werk,
        "soort_werk_naam": v.soort_werk_naam if tb.soort_werk else None,
        "niveaus": v.niveaus,
        "besluit_door": tb.besluit_door,
        "plan_vastgesteld_op": vast.datum if vast else None,
        "plan_vastgesteld_door": vast.door if vast else None,
        "plan_volledig_pct": vol.plan.pct,
        "eindverslag_volledig_pct": vol.eindverslag.pct,
        "eindverslag_nodig": vol.eindverslag.nodig,
        "eindverslag_aanwezig": vol.eindverslag.compleet,
        "ontbreekt_plan": vol.plan.ontbreekt,
        "ontbreekt_eindverslag": vol.eindverslag.ontbreekt,
        "inbreng": toets.inbreng,
        "inbreng_beantwoord": toets.inbreng_beantwoord,
        "inbreng_beantwoord_pct": round(100 * toets.inbreng_beantwoord / toets.inbreng) if toets.inbreng else 100,
        "afwijkingen": len(toets.afwijkingen),
        "afwijkingen_gemotiveerd": toets.afwijkingen_gemotiveerd,
        "rol_raad": tb.raad.rol if tb.raad else [],
        "deelnemers": v.bereik["geteld"] if v.bereik else 0,
        "groepen_niet_bereikt": [g["groep"] for g in v.bereik["groepen"] if g["niet_bereikt"]] if v.bereik else [],
        "evaluaties": len(v.lessen),
        "gestopt_op": gestopt.datum if gestopt else None,
        "gestopt_reden": gestopt.reden if gestopt else None,
        "voldoet": toets.voldoet,
        "ontbreekt": list(toets.ontbreekt),
    }


AFWIJKING_COLUMNS = [
    ("soort", "traject of initiatief"),
    ("titel", "Titel van het traject of initiatief"),
    ("slug", "Korte naam (map in projecten/ of initiatieven/)"),
    ("afwijking", "Soort afwijking (code)"),
    ("afwijking_naam", "Soort afwijking in de woorden van het beleid"),
    ("betreft", "Waar de afwijking over gaat, zoals in de bestanden: een moment, inbreng, groep of stap"),
    ("betreft_naam", "Waar de afwijking over gaat, in woorden"),
    ("wat_er_gebeurde", "Wat er gebeurde, met de waarden (zoals niveau en toegestane niveaus, dagen en termijn)"),
    ("toelichting", "Wat de gemeente erover schreef ('wat')"),
    ("motivering", "De motivering van de gemeente, leeg als die er niet is"),
    ("gemotiveerd", "ja als de afwijking is gemotiveerd"),
    ("gevonden", "ja als de controle de afwijking in de gegevens vond"),
    ("opgegeven", "ja als de gemeente de afwijking zelf heeft opgegeven"),
]


def afwijking_rows(owners) -> list[dict]:
    """Every afwijking of every published trajectory and initiative: one row each, in Python values."""
    return [
        {
            "soort": o.soort_woord,
            "titel": o.titel,
            "slug": o.slug,
            "afwijking": a.soort,
            "afwijking_naam": a.soort_naam,
            "betreft": a.betreft,
            "betreft_naam": a.betreft_naam,
            "wat_er_gebeurde": a.omschrijving,
            "toelichting": a.wat,
            "motivering": a.motivering,
            "gemotiveerd": a.gemotiveerd,
            "gevonden": a.gevonden,
            "opgegeven": a.opgegeven,
        }
        for o in owners
        for a in o.afwijkingen
    ]


def cell(value) -> object:
    """A value as the CSV and JSON carry it: ja/nee, lists joined by |, dates as jjjj-mm-dd, nothing as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (list, tuple)):
        return "|".join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def spreadsheet_safe(value) -> object:
    """A cell a spreadsheet shows as text, never runs: formula-like text gets a leading apostrophe."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA) else value


# A row of an export as the files carry it: its CSV line and its JSON object (indented as in the list of rows).
Encoded = tuple[str, str]


def encoded(rows: list[dict], columns: list[tuple[str, str]] = COLUMNS) -> list[Encoded]:
    """Each row as its CSV line and JSON object. The site keeps them per trajectory (render.site), so after one
    edit only that trajectory's rows are written out again; `csv_of` and `json_of` put them together."""
    names = [c for c, _ in columns]
    out = []
    for r in rows:
        cells = {c: cell(r[c]) for c in names}
        buffer = io.StringIO()
        csv.DictWriter(buffer, fieldnames=names, delimiter=";", lineterminator="\r\n").writerow(
            {c: spreadsheet_safe(v) for c, v in cells.items()}
        )
        text = json.dumps(cells, ensure_ascii=False, indent=2)  # a newline in a value is written as \n
        out.append((buffer.getvalue(), "    " + text.replace("\n", "\n    ")))
    return out


def csv_of(rows: list[Encoded], columns: list[tuple[str, str]] = COLUMNS) -> str:
    buffer = io.StringIO()
    csv.DictWriter(buffer, fieldnames=[c for c, _ in columns], delimiter=";", lineterminator="\r\n").writeheader()
    return "\ufeff" + buffer.getvalue() + "".join(line for line, _ in rows)


def json_of(rows: list[Encoded], meta: dict, columns: list[tuple[str, str]] = COLUMNS, key: str = "trajecten") -> str:
    meta = {**meta, "aantal_rijen": len(rows), "kolommen": [{"naam": c, "uitleg": u} for c, u in columns]}
    text = json.dumps({"meta": meta, key: []}, ensure_ascii=False, indent=2)
    if rows:  # the list as json.dumps(..., indent=2) writes it
        text = text.removesuffix("[]\n}") + "[\n" + ",\n".join(obj for _, obj in rows) + "\n  ]\n}"
    return text + "\n"


def to_csv(rows: list[dict], columns: list[tuple[str, str]] = COLUMNS) -> str:
    return csv_of(encoded(rows, columns), columns)


def to_json(rows: list[dict], meta: dict, columns: list[tuple[str, str]] = COLUMNS, key: str = "trajecten") -> str:
    return json_of(encoded(rows, columns), meta, columns, key)
