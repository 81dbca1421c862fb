"""Afwijkingen must be motivated (Dalfsen §2.3.1, the raad's 'controlerende rol').

Every deviation the data shows must be declared in traject.yaml under 'afwijkingen' with
a motivering; so must every declared one. Before the plan is adopted this is a warning,
after it the profile decides.
"""

from __future__ import annotations

from ..derive.afwijkingen import betreft_in_words, detect_afwijkingen, match_declared
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


def declared(t, ctx) -> list[Finding]:
    out, ernst = [], _severity(t, ctx)
    for i, a in enumerate(t.traject.afwijkingen):
        if a.soort not in AFWIJKINGSSOORTEN:
            out.append(t.finding(Ernst.FOUT, "traject.yaml", ("afwijkingen", i, "soort"), f"'{a.soort}' is geen soort "
                                 f"afwijking.{suggest(a.soort, AFWIJKINGSSOORTEN)}",
                                 f"Kies uit: {', '.join(AFWIJKINGSSOORTEN)}.", code=SOORT))
        if not a.motivering:
            out.append(t.finding(ernst, "traject.yaml", ("afwijkingen", i), f"afwijking '{a.soort}' heeft geen motivering.",
                                 "Leg bij 'motivering' uit waarom is afgeweken.", code=MOTIVERING,
                                 publiek=f"uitleg bij een afwijking: {a.wat}"))
    return out


def detected(t, ctx) -> list[Finding]:
    if t.onleesbaar:  # a file that could not be read would make deviations appear that are not there
        return []
    out, ernst = [], _severity(t, ctx)
    for g in detect_afwijkingen(t, ctx.profiel, ctx.vandaag):
        if match_declared(t, g) is not None:
            continue
        naam = AFWIJKINGSSOORTEN[g.soort].lower()
        words = betreft_in_words(t, g.betreft)
        out.append(t.finding(ernst, g.bestand, g.loc, f"afwijking zonder motivering: {g.omschrijving.rstrip('.')}.",
                             f"Verklaar dit in traject.yaml onder 'afwijkingen:' met soort: {g.soort}"
                             f"{', betreft: ' + g.betreft if g.betreft else ''}, wat en motivering.",
                             code=DETECTED[g.soort], publiek=f"uitleg bij een afwijking: {naam}" + (f" ({words})" if words else "")))
    return out


RULES = (declared, detected)
