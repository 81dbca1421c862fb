"""Afwijkingen must be motivated (Dalfsen §2.3.1, the raad's 'controlerende rol').

Every deviation the data shows must be declared in traject.yaml under 'afwijkingen' with
a motivering; so must every declared one. Before the plan is adopted this is a warning,
after it the profile decides. What counts as found and as declared is decided once, in
`derive.afwijkingen.account`; these rules only turn the unexplained ones into findings.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..derive.afwijkingen import Verantwoording
from ..derive.status import status_eisen
from ..findings import FORMAAT, Ernst, Finding, regel
from ..messages import suggest
from ..model.bestanden import Afwijking
from ..model.traject import Dossier, Traject
from ..vocabulary import AFWIJKING_NORMEN, AFWIJKINGSSOORTEN

if TYPE_CHECKING:
    from . import Context

SOORT = regel("afwijking.soort", "een soort afwijking die het programma niet kent", bron=FORMAAT)
MOTIVERING = regel("afwijking.motivering", "een afwijking in traject.yaml zonder motivering", norm="afwijkingen")
DETECTED = {
    soort: regel(f"afwijking.{soort}", f"niet gemotiveerd: {naam.lower()}", norm=AFWIJKING_NORMEN[soort])
    for soort, naam in AFWIJKINGSSOORTEN.items()
    if soort != "overig"
}


def severity(t: Traject, ctx: Context) -> Ernst:
    return Ernst(status_eisen(t, ctx.profiel).afwijkingen or "waarschuwing")


def check_declared(d: Dossier, bestand: str, afwijkingen: Sequence[Afwijking], ernst: Ernst) -> list[Finding]:
    """Each declared afwijking has a known soort and a motivering (trajectories and initiatives alike)."""
    out: list[Finding] = []
    for i, a in enumerate(afwijkingen):
        if a.soort not in AFWIJKINGSSOORTEN:
            out.append(
                d.finding(
                    Ernst.FOUT,
                    bestand,
                    ("afwijkingen", i, "soort"),
                    f"'{a.soort}' is geen soort afwijking.{suggest(a.soort, AFWIJKINGSSOORTEN)}",
                    f"Kies uit: {', '.join(AFWIJKINGSSOORTEN)}.",
                    code=SOORT,
                )
            )
        if not a.motivering:
            out.append(
                d.finding(
                    ernst,
                    bestand,
                    ("afwijkingen", i),
                    f"afwijking '{a.soort}' heeft geen motivering.",
                    "Leg bij 'motivering' uit waarom is afgeweken.",
                    code=MOTIVERING,
                    publiek=f"uitleg bij een afwijking: {a.wat}",
                )
            )
    return out


def unmotivated(d: Dossier, bestand: str, accounts: tuple[Verantwoording, ...], ernst: Ernst) -> list[Finding]:
    """A finding for every afwijking the check found that nobody declared."""
    return [
        d.finding(
            ernst,
            v.bestand,
            v.loc,
            f"afwijking zonder motivering: {v.omschrijving.rstrip('.')}.",
            f"Verklaar dit in {bestand} onder 'afwijkingen:' met soort: {v.soort}"
            f"{', betreft: ' + v.betreft if v.betreft else ''}, wat en motivering.",
            code=DETECTED[v.soort],
            publiek=f"uitleg bij een afwijking: {v.soort_naam.lower()}"
            + (f" ({v.betreft_naam})" if v.betreft_naam else ""),
            norm=v.norm,
        )
        for v in accounts
        if v.gevonden and not v.opgegeven
    ]


def declared(t: Traject, ctx: Context) -> list[Finding]:
    assert t.traject is not None
    return check_declared(t, "traject.yaml", t.traject.afwijkingen, severity(t, ctx))


RULES = (declared,)
