"""Afwijkingen must be motivated (Dalfsen §2.3.1, the raad's 'controlerende rol').

Every deviation the data shows must be declared in traject.yaml under 'afwijkingen' with
a motivering; so must every declared one. Before the plan is adopted this is a warning,
after it the profile decides.
"""

from __future__ import annotations

from ..derive.afwijkingen import betreft_in_words, detect_afwijkingen
from ..derive.status import requirements
from ..findings import Ernst, Finding, regel
from ..messages import suggest
from ..vocabulary import AFWIJKINGSSOORTEN

SOORT = regel("afwijking.soort", "een soort afwijking die het programma niet kent")
MOTIVERING = regel("afwijking.motivering", "een afwijking in traject.yaml zonder motivering")
DETECTED = {soort: regel(f"afwijking.{soort}", f"niet gemotiveerd: {naam.lower()}")
            for soort, naam in AFWIJKINGSSOORTEN.items() if soort != "overig"}


def _severity(t, ctx) -> Ernst:
    return Ernst(requirements(t, ctx.profiel).afwijkingen or "waarschuwing")


def check_declared(d, bestand: str, afwijkingen, ernst: Ernst) -> list[Finding]:
    """Each declared afwijking has a known soort and a motivering (trajectories and initiatives alike)."""
    out = []
    for i, a in enumerate(afwijkingen):
        if a.soort not in AFWIJKINGSSOORTEN:
            out.append(d.finding(Ernst.FOUT, bestand, ("afwijkingen", i, "soort"), f"'{a.soort}' is geen soort "
                                 f"afwijking.{suggest(a.soort, AFWIJKINGSSOORTEN)}",
                                 f"Kies uit: {', '.join(AFWIJKINGSSOORTEN)}.", code=SOORT))
        if not a.motivering:
            out.append(d.finding(ernst, bestand, ("afwijkingen", i), f"afwijking '{a.soort}' heeft geen motivering.",
                                 "Leg bij 'motivering' uit waarom is afgeweken.", code=MOTIVERING,
                                 publiek=f"uitleg bij een afwijking: {a.wat}"))
    return out


def unmotivated(d, bestand: str, found, afwijkingen, ernst: Ernst, words=lambda betreft: None, profiel=None) -> list[Finding]:
    """A finding for every detected afwijking that is not declared with the right soort and 'betreft'."""
    out = []
    for g in found:
        if any(a.soort == g.soort and (g.betreft is None or a.betreft == g.betreft) for a in afwijkingen):
            continue
        naam = (profiel.afwijking_naam(g.soort) if profiel else AFWIJKINGSSOORTEN[g.soort]).lower()
        woorden = words(g.betreft)
        out.append(d.finding(ernst, g.bestand, g.loc, f"afwijking zonder motivering: {g.omschrijving.rstrip('.')}.",
                             f"Verklaar dit in {bestand} onder 'afwijkingen:' met soort: {g.soort}"
                             f"{', betreft: ' + g.betreft if g.betreft else ''}, wat en motivering.",
                             code=DETECTED[g.soort], publiek=f"uitleg bij een afwijking: {naam}" + (f" ({woorden})" if woorden else "")))
    return out


def declared(t, ctx) -> list[Finding]:
    return check_declared(t, "traject.yaml", t.traject.afwijkingen, _severity(t, ctx))


def detected(t, ctx) -> list[Finding]:
    if t.onleesbaar:  # a file that could not be read would make deviations appear that are not there
        return []
    return unmotivated(t, "traject.yaml", detect_afwijkingen(t, ctx.profiel, ctx.vandaag), t.traject.afwijkingen,
                       _severity(t, ctx), lambda betreft: betreft_in_words(t, betreft), ctx.profiel)


RULES = (declared, detected)
