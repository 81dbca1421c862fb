"""Who took part: the plan's groups against the groups the moments so far reached (Dalfsen §1.3.2, uitgangspunt 4b).

Decided once here; the afwijking 'groep-deed-niet-mee', the page's 'Wie deden er mee?' and the raad read it.
A moment counts once it is over and someone wrote down what it gave (`reported`): a moment without a
verslag says nothing about who came, and its missing verslag is a finding of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model.bestanden import Moment
from ..model.profiel import Profiel
from ..model.traject import Traject
from ..vocabulary import DEELNAME
from .kalender import over, reported


@dataclass(frozen=True)
class GroepBereik:
    index: int  # in the omgevingsanalyse
    groep: str
    niveau: str | None  # the highest level the plan gives it (a code on the profile's ladder)
    moeilijk_bereikbaar: bool
    aanpak: str | None
    momenten: tuple[Moment, ...]  # its moments that are over and reported
    bereikt_bij: tuple[Moment, ...]  # the moments that are over and name it under 'bereikt'

    @property
    def niet_bereikt(self) -> bool:
        """It had reported moments, and none of them (nor any other) reached it."""
        return bool(self.momenten) and not self.bereikt_bij


def past(t: Traject, vandaag: dt.date) -> list[Moment]:
    """The participation moments that are over and reported, in the order of the planning."""
    return [m for m in t.planning.momenten if m.soort in DEELNAME and over(m, vandaag) and reported(m)]


def bereik(t: Traject, p: Profiel, vandaag: dt.date) -> tuple[GroepBereik, ...]:
    assert t.traject is not None
    done = past(t, vandaag)
    out = []
    for i, g in enumerate(t.traject.omgevingsanalyse):
        levels = [lv for lv in [g.niveau, *[f.niveau for f in g.fasen]] if p.on_ladder(lv)]
        top = max(levels, key=p.rank) if levels else None
        out.append(
            GroepBereik(
                i,
                g.groep,
                top,
                g.moeilijk_bereikbaar,
                g.aanpak,
                tuple(m for m in done if g.groep in m.doelgroepen),
                tuple(m for m in done if g.groep in m.bereikt),
            )
        )
    return tuple(out)


def deelnemers(t: Traject, vandaag: dt.date) -> tuple[int, int]:
    """(people counted over the moments so far, moments whose number is not known)."""
    done = past(t, vandaag)
    return (
        sum(m.deelnemers for m in done if isinstance(m.deelnemers, int)),
        sum(1 for m in done if not isinstance(m.deelnemers, int)),
    )
