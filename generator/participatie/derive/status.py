"""How far a trajectory got: a stopped trajectory keeps the requirements of the furthest status it reached."""

from __future__ import annotations

from ..model.profiel import Profiel, StatusEisen
from ..model.traject import Traject
from ..vocabulary import DEELNAME, Status
from .kalender import takes_place


def reached(t: Traject) -> Status:
    """The status whose requirements apply: the status itself, or for 'gestopt' the furthest one reached."""
    tb = t.traject
    assert tb is not None, "only for a trajectory whose traject.yaml was read"
    if tb.status != "gestopt":
        return tb.status
    if tb.vastgesteld is None:
        return "plan"
    stop = tb.gestopt.datum if tb.gestopt else None
    started = any(
        takes_place(m) and m.soort in DEELNAME and m.datum >= tb.vastgesteld.datum and (stop is None or m.datum <= stop)
        for m in t.planning.momenten
    )
    return "uitvoering" if started else "vastgesteld"


def status_eisen(t: Traject, p: Profiel) -> StatusEisen:
    """What the profile demands now: the reached status's demands, plus those of 'gestopt' when stopped."""
    eisen = p.eisen(reached(t))
    assert t.traject is not None, "only for a trajectory whose traject.yaml was read"
    if t.traject.status == "gestopt":
        extra = p.eisen("gestopt").model_dump(exclude_none=True)
        eisen = eisen.model_copy(update=extra)
    return eisen
