"""Moments in time: which are active, which invite people, in what order they come."""

from __future__ import annotations

import datetime as dt

from ..model.bestanden import Moment
from ..vocabulary import DEELNAME, EINDBESLUIT


def takes_place(m: Moment) -> bool:
    return m.geannuleerd is None


def invites(m: Moment) -> bool:
    """People are asked to come or to respond: any participation soort, or any moment with a venue."""
    return m.soort in DEELNAME or m.plaats is not None


def einde(m: Moment) -> dt.date:
    return m.tot or m.datum


def over(m: Moment, vandaag: dt.date) -> bool:
    """It took place and is over: only then can it have a verslag, participants and an evaluation."""
    return takes_place(m) and einde(m) < vandaag


def reported(m: Moment) -> bool:
    """Someone wrote down what the moment gave: a verslag, who took part or how many."""
    return bool(m.verslag or m.bereikt or m.deelnemers is not None)


def sort_key(m: Moment) -> tuple[dt.date, dt.time, str]:
    return (m.datum, m.tijd or dt.time(0), m.id)


def final_decision(m: Moment) -> bool:
    """The decision the trajectory leads to (not the plan's vaststelling or a tussenbesluit)."""
    return m.soort == "besluit" and (m.besluit or EINDBESLUIT) == EINDBESLUIT


def decisions_taken(momenten: list[Moment], vandaag: dt.date) -> list[tuple[int, Moment]]:
    """(index, moment) of each final decision taken before today (one planned today may still move)."""
    return [(i, m) for i, m in enumerate(momenten) if takes_place(m) and final_decision(m) and m.datum < vandaag]
