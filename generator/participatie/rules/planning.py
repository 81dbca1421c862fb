"""Planning advice (bouwsteen 6): mind feestdagen, school holidays and the busy months of target groups.

Applies to every moment that invites people to come or respond, whatever its soort.
Public and school holidays come from the `holidays` library (Staatscourant dates per
region); a year it does not cover gives a warning instead of a silent pass. Only moments
from today on are checked: the past can no longer be changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from ..derive.kalender import invites, takes_place
from ..findings import Ernst, Finding, Gevolg, regel
from ..model.bestanden import Moment
from ..model.traject import Dossier

if TYPE_CHECKING:
    from . import Context

W = Ernst.WAARSCHUWING
BRON = "holidays (python-holidays), Nederlandse feestdagen en schoolvakanties volgens de Staatscourant"
MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
FEESTDAG = regel("planning.feestdag", "een moment op een feestdag", Gevolg.INTERN, norm="planning.feestdagen")
SCHOOLVAKANTIE = regel(
    "planning.schoolvakantie",
    "een moment in de schoolvakantie van de regio",
    Gevolg.INTERN,
    norm="planning.schoolregio",
)
ONBEKEND = regel(
    "planning.schoolvakantie-onbekend",
    "een jaar waarvan de schoolvakanties nog niet bekend zijn",
    Gevolg.INTERN,
    norm="planning.schoolregio",
)
DRUK = regel(
    "planning.drukke-maand",
    "een moment in een drukke maand voor de doelgroep",
    Gevolg.INTERN,
    norm="planning.drukke_maanden",
)


@lru_cache(maxsize=64)
def calendar(year: int, category: str, regio: str | None) -> dict[dt.date, str]:
    """The Dutch public holidays ("public") or a region's school holidays ("school") of a year, by day."""
    import holidays  # loads every country's calendar (0.1 s): only when a calendar is not kept in the cache

    # country_holidays("NL") makes the same holidays.NL; that name is loaded at run time, which typing cannot see
    days = holidays.country_holidays("NL", years=year, categories=(category,), subdiv=regio, language="nl")
    return dict(sorted(days.items()))


def _calendar(ctx: Context, year: int, category: str, regio: str | None) -> Mapping[dt.date, str]:
    return (ctx.kalender or calendar)(year, category, regio)


def prepare(ctx: Context, years: tuple[int, ...]) -> None:
    """The calendars this rule asks for in these years, worked out now: before workers fork, so each need not load
    the holidays package again, and the process that saves the cache has them (a worker's would be lost)."""
    regio = ctx.profiel.planning.schoolregio
    for year in years:
        if ctx.profiel.planning.feestdagen:
            _calendar(ctx, year, "public", None)
        if regio:
            _calendar(ctx, year, "school", regio)


def school_year_known(ctx: Context, year: int, regio: str) -> bool:
    return len(_calendar(ctx, year, "school", regio)) > 0


def _upcoming_invitations(t: Dossier, ctx: Context) -> list[tuple[int, Moment]]:
    return [(i, m) for i, m in enumerate(t.momenten) if takes_place(m) and invites(m) and m.datum >= ctx.vandaag]


def holidays_and_breaks(t: Dossier, ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    regio = ctx.profiel.planning.schoolregio
    for i, m in _upcoming_invitations(t, ctx):
        if m.tot:  # a survey over weeks is not hurt by one holiday
            continue
        loc, day = ("momenten", i, "datum"), m.datum
        name = _calendar(ctx, day.year, "public", None).get(day) if ctx.profiel.planning.feestdagen else None
        if name:
            out.append(
                t.finding(
                    W,
                    t.moment_file,
                    loc,
                    f"moment '{m.id}' valt op een feestdag: {name}.",
                    "Kies een andere dag, of bied ook een online mogelijkheid aan.",
                    code=FEESTDAG,
                )
            )
        if regio and not school_year_known(ctx, day.year, regio):
            out.append(
                t.finding(
                    W,
                    t.moment_file,
                    loc,
                    f"de schoolvakanties van {day.year} zijn nog niet bekend in dit "
                    "programma; deze datum is niet gecontroleerd.",
                    "Werk het pakket 'holidays' bij, of controleer de schoolvakanties zelf op rijksoverheid.nl.",
                    code=ONBEKEND,
                )
            )
        elif regio and (vakantie := _calendar(ctx, day.year, "school", regio).get(day)):
            out.append(
                t.finding(
                    W,
                    t.moment_file,
                    loc,
                    f"moment '{m.id}' valt in de {vakantie.lower()} (regio {regio}).",
                    "Veel gezinnen zijn dan weg; kies een andere datum of bied ook een online mogelijkheid aan.",
                    code=SCHOOLVAKANTIE,
                )
            )
    return out


def busy_months(t: Dossier, ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    busy = ctx.profiel.planning.drukke_maanden
    for i, m in _upcoming_invitations(t, ctx):
        for groep in m.doelgroepen:
            for key, months in busy.items():
                if key.lower() in groep.lower() and m.datum.month in months:
                    out.append(
                        t.finding(
                            W,
                            t.moment_file,
                            ("momenten", i, "datum"),
                            f"moment '{m.id}' is voor '{groep}' "
                            f"in {MAANDEN[m.datum.month - 1]}, een drukke maand voor {key}.",
                            "Kies een andere maand, of combineer met een online mogelijkheid of meerdere "
                            "momenten op verschillende tijden.",
                            code=DRUK,
                            norm=f"planning.drukke_maanden.{key}",
                        )
                    )
    return out


RULES = (holidays_and_breaks, busy_months)
