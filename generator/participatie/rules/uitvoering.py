"""What each meeting gave, once it is over (Dalfsen §2.1.5, stap 4): a verslag, a short evaluation, who took part.

A profile asks for the verslag and the evaluation (`uitvoering`); a moment that has not taken place
yet cannot have them, and a group it says it reached must be one of the plan's groups.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..derive.kalender import einde, over
from ..findings import FORMAAT, Ernst, Finding, regel
from ..messages import suggest
from ..model.traject import Traject
from ..taal import kort
from ..vocabulary import BIJEENKOMSTEN

if TYPE_CHECKING:
    from . import Context

F = Ernst.FOUT
VERSLAG = regel(
    "moment.verslag-ontbreekt", "een bijeenkomst van langer geleden zonder verslag", norm="uitvoering.verslag"
)
EVALUATIE = regel(
    "moment.evaluatie-ontbreekt", "een bijeenkomst van langer geleden zonder evaluatie", norm="uitvoering.evaluatie"
)
TE_VROEG = regel(
    "moment.verslag-te-vroeg",
    "een verslag, deelnemers, bereikte groepen of evaluatie bij een moment dat nog niet is geweest",
    bron=FORMAAT,
)
GROEP = regel("moment.groep-onbekend", "een bereikte groep die niet in de omgevingsanalyse staat", bron=FORMAAT)
AFTERWARDS = ("verslag", "deelnemers", "bereikt", "evaluatie")


def afterwards(t: Traject, ctx: Context) -> list[Finding]:
    """Only a moment that is over has a verslag; one planned or cancelled does not, so nobody reads a made-up one."""
    out: list[Finding] = []
    for i, m in enumerate(t.planning.momenten):
        written = [k for k in AFTERWARDS if getattr(m, k) not in (None, [])]
        if written and not over(m, ctx.vandaag):
            wanneer = "is geannuleerd" if m.geannuleerd else f"is nog niet geweest (het eindigt {kort(einde(m))})"
            out.append(
                t.finding(
                    F,
                    "planning.yaml",
                    ("momenten", i, written[0]),
                    f"moment '{m.id}' {wanneer}, maar heeft al '{written[0]}'.",
                    "Vul dit in nadat het moment is geweest, of controleer de datum.",
                    code=TE_VROEG,
                    key=True,
                )
            )
    return out


def verslagen(t: Traject, ctx: Context) -> list[Finding]:
    """Every meeting that is over by more than the profile's term has its verslag and evaluation."""
    u = ctx.profiel.uitvoering
    if u is None:
        return []
    out: list[Finding] = []
    for i, m in enumerate(t.planning.momenten):
        if not (m.soort in BIJEENKOMSTEN and over(m, ctx.vandaag)) or (ctx.vandaag - einde(m)).days <= u.termijn_dagen:
            continue
        wat = f"'{m.titel}' ({kort(einde(m))})"
        if u.verslag and not m.verslag:
            out.append(
                t.finding(
                    F,
                    "planning.yaml",
                    ("momenten", i),
                    f"de bijeenkomst '{m.id}' was meer dan {u.termijn_dagen} dagen geleden, maar heeft geen verslag.",
                    "Zet bij het moment 'verslag:' met wat er is besproken en opgehaald, zonder namen, en "
                    "'deelnemers:' en 'bereikt:' (welke groepen er waren).",
                    code=VERSLAG,
                    publiek=f"het verslag van {wat}",
                )
            )
        if u.evaluatie and m.evaluatie is None:
            out.append(
                t.finding(
                    F,
                    "planning.yaml",
                    ("momenten", i),
                    f"de bijeenkomst '{m.id}' was meer dan {u.termijn_dagen} dagen geleden, maar heeft geen evaluatie.",
                    "Zet bij het moment 'evaluatie:' met 'goed:' (wat ging goed) en 'anders:' (wat doen we "
                    "de volgende keer anders).",
                    code=EVALUATIE,
                    publiek=f"de evaluatie van {wat}",
                )
            )
    return out


def groups_reached(t: Traject, ctx: Context) -> list[Finding]:
    """A group under 'bereikt' is one of the omgevingsanalyse, by the same name, or the reach cannot be counted."""
    assert t.traject is not None
    groepen = [g.groep for g in t.traject.omgevingsanalyse]
    if not groepen:  # no omgevingsanalyse yet: that gap is the plan's finding, not one per group named here
        return []
    return [
        t.finding(
            F,
            "planning.yaml",
            ("momenten", i, "bereikt", j),
            f"'{g}' staat niet in de omgevingsanalyse (traject.yaml).{suggest(g, groepen)}",
            f"Gebruik de naam van de groep zoals in de omgevingsanalyse: {', '.join(groepen)}.",
            code=GROEP,
        )
        for i, m in enumerate(t.planning.momenten)
        for j, g in enumerate(m.bereikt)
        if g not in groepen
    ]


FILE_RULES = (afterwards, verslagen)
TRAJECT_RULES = (groups_reached,)
