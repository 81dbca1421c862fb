"""Planning checks (bouwsteen 6): feestdagen, schoolvakanties and busy months of target groups.

Public and school holidays come from the `holidays` library (Staatscourant dates per
region); a year the library does not cover gives a warning instead of a silent pass.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays

from .derive import DEELNAME, active
from .findings import Ernst, Finding
from .profile import Profiel
from .project import Traject

BRON = "holidays (python-holidays), Nederlandse feestdagen en schoolvakanties volgens de Staatscourant"
MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"]


@lru_cache(maxsize=64)
def _calendar(year: int, category: str, regio: str | None):
    return holidays.NL(years=year, categories=(category,), subdiv=regio, language="nl")


def school_years_known(year: int, regio: str) -> bool:
    return len(_calendar(year, "school", regio)) > 0


def check_planning(t: Traject, p: Profiel, vandaag: dt.date) -> list[Finding]:
    out = []
    regio = p.planning.schoolregio
    for i, m in enumerate(t.planning.momenten):
        if not active(m) or m.soort not in DEELNAME or m.datum < vandaag:
            continue
        loc = ("momenten", i, "datum")
        days = [m.datum] if not m.tot else []  # an enquête over weeks is not hurt by one holiday
        for day in days:
            name = _calendar(day.year, "public", None).get(day)
            if name:
                out.append(t.finding(Ernst.WAARSCHUWING, "planning.yaml", loc, f"moment '{m.id}' valt op een feestdag: {name}.",
                                     "Kies een andere dag, of bied ook een online mogelijkheid aan.", code="planning.feestdag"))
            if regio and not school_years_known(day.year, regio):
                out.append(t.finding(Ernst.WAARSCHUWING, "planning.yaml", loc, f"de schoolvakanties van {day.year} zijn nog "
                                     "niet bekend in dit programma; deze datum is niet gecontroleerd.",
                                     "Werk het pakket 'holidays' bij, of controleer de schoolvakanties zelf op rijksoverheid.nl.",
                                     code="planning.schoolvakantie-onbekend"))
            elif regio:
                vakantie = _calendar(day.year, "school", regio).get(day)
                if vakantie:
                    out.append(t.finding(Ernst.WAARSCHUWING, "planning.yaml", loc, f"moment '{m.id}' valt in de "
                                         f"{vakantie.lower()} (regio {regio}).", "Veel gezinnen zijn dan weg; kies een andere "
                                         "datum of bied ook een online mogelijkheid aan.", code="planning.schoolvakantie"))
        out += _busy(t, p, m, i)
    return out


def _busy(t: Traject, p: Profiel, m, i: int) -> list[Finding]:
    out = []
    for groep in m.doelgroepen:
        for key, months in p.planning.drukke_maanden.items():
            if key.lower() in groep.lower() and m.datum.month in months:
                out.append(t.finding(Ernst.WAARSCHUWING, "planning.yaml", ("momenten", i, "datum"),
                                     f"moment '{m.id}' is voor '{groep}' in {MAANDEN[m.datum.month - 1]}, een drukke maand "
                                     f"voor {key}.", "Kies een andere maand, of combineer met een online mogelijkheid of "
                                     "meerdere momenten op verschillende tijden.", code="planning.drukke-maand"))
    return out
