"""What an initiative's steps imply: where it stands, how long each step took, what is late or idle (Dalfsen §2.2)."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass

from ..model.initiatief import Initiatief, Stap
from ..model.profiel import InitiatiefStap, InitiatievenBeleid, Profiel
from .afwijkingen import DetectedAfwijking, Verantwoording, account

BESTAND = "initiatief.yaml"


@dataclass(frozen=True)
class TakenStep:
    """A step that was taken: the profile's step, what the file says about it, and how long it took."""

    stap: InitiatiefStap
    gegevens: Stap
    dagen: int  # since the step before it (or since indienen)


def steps_taken(i: Initiatief, beleid: InitiatievenBeleid) -> list[TakenStep]:
    """The steps an initiative has taken, in the profile's order, with the days since the step before."""
    assert i.initiatief is not None
    out: list[TakenStep] = []
    vorige = i.initiatief.ingediend
    for stap in beleid.stappen:
        gegevens = i.initiatief.stappen.get(stap.code)
        if gegevens is None:
            continue
        out.append(TakenStep(stap, gegevens, (gegevens.datum - vorige).days))
        vorige = gegevens.datum
    return out


def current(i: Initiatief, beleid: InitiatievenBeleid) -> InitiatiefStap | None:
    """The step it stands at: an end step if it has one, else the furthest step taken (None: just submitted)."""
    steps = steps_taken(i, beleid)
    ended = [g.stap for g in steps if g.stap.einde]
    return ended[0] if ended else (steps[-1].stap if steps else None)


def refused(i: Initiatief, beleid: InitiatievenBeleid) -> bool:
    """A decision whose outcome closes the initiative (an afwijzing)."""
    assert i.initiatief is not None
    return any((u := beleid.uitkomst(s.uitkomst)) is not None and u.einde for s in i.initiatief.stappen.values())


def is_open(i: Initiatief, beleid: InitiatievenBeleid) -> bool:
    step = current(i, beleid)
    return (step is None or not step.einde) and not refused(i, beleid)


def next_step(i: Initiatief, beleid: InitiatievenBeleid) -> InitiatiefStap | None:
    """The first step not taken yet (not counting end steps), while the initiative is open."""
    if not is_open(i, beleid):
        return None
    done = {g.stap.code for g in steps_taken(i, beleid)}
    last = max((n for n, s in enumerate(beleid.stappen) if s.code in done), default=-1)
    return next((s for s in beleid.stappen[last + 1 :] if not s.einde), None)


def waits_for_gemeente(i: Initiatief, beleid: InitiatievenBeleid) -> bool:
    step = next_step(i, beleid)
    return step is not None and step.aan_zet == "gemeente"


def steps_late(i: Initiatief, beleid: InitiatievenBeleid) -> list[TakenStep]:
    """Steps taken later than the profile's term for them."""
    return [g for g in steps_taken(i, beleid) if g.stap.termijn_dagen and g.dagen > g.stap.termijn_dagen]


def overdue_step(i: Initiatief, beleid: InitiatievenBeleid, vandaag: dt.date) -> InitiatiefStap | None:
    """The next step, when it has a term that has passed (an intake that never came)."""
    step = next_step(i, beleid)
    if step is None or not step.termijn_dagen:
        return None
    return step if idle_days(i, beleid, vandaag) > step.termijn_dagen else None


def idle_days(i: Initiatief, beleid: InitiatievenBeleid, vandaag: dt.date) -> int:
    assert i.initiatief is not None
    steps = steps_taken(i, beleid)
    last = steps[-1].gegevens.datum if steps else i.initiatief.ingediend
    return (vandaag - last).days


@dataclass(frozen=True)
class Stand:
    """Where an initiative stands, as its page, the overviews and the raad read it."""

    stap: str | None  # the code of the step it stands at (None: just submitted)
    afgewezen: bool  # a decision closed it
    open: bool
    volgende: str | None  # the code of the first step still to come
    te_laat: tuple[str, ...]  # the steps taken later than their term


def stand(i: Initiatief, beleid: InitiatievenBeleid) -> Stand:
    """Codes, not the profile's objects: the record is cached and read back, and compares by value."""
    step, following = current(i, beleid), next_step(i, beleid)
    return Stand(
        step.code if step else None,
        refused(i, beleid),
        is_open(i, beleid),
        following.code if following else None,
        tuple(g.stap.code for g in steps_late(i, beleid)),
    )


def median(values: list[int]) -> float | None:
    return statistics.median(values) if values else None


@dataclass(frozen=True)
class Doorlooptijd:
    """How long an initiative took (Dalfsen §3.6 'doorlooptijd'), in days from indienen, whatever its route."""

    per_stap: dict[str, int]  # step code -> days from indienen to that step
    tot_besluit: int | None  # to the decision, when there was one
    totaal: int | None  # to the profile's end of the doorlooptijd (or an earlier close); None while it runs
    tot_nu_toe: int  # to today, or to the end when there is one

    @property
    def lopend(self) -> bool:
        return self.totaal is None


def doorlooptijd(i: Initiatief, beleid: InitiatievenBeleid, vandaag: dt.date) -> Doorlooptijd:
    assert i.initiatief is not None
    steps = steps_taken(i, beleid)
    start = i.initiatief.ingediend
    per_stap = {g.stap.code: (g.gegevens.datum - start).days for g in steps}
    besluit = next((per_stap[g.stap.code] for g in steps if beleid.uitkomst(g.gegevens.uitkomst)), None)
    codes = [s.code for s in beleid.stappen]
    until = codes.index(beleid.doorlooptijd_tot) if beleid.doorlooptijd_tot in codes else len(codes)
    ends = [
        per_stap[g.stap.code]
        for g in steps
        if codes.index(g.stap.code) >= until
        or g.stap.einde
        or ((u := beleid.uitkomst(g.gegevens.uitkomst)) is not None and u.einde)
    ]
    totaal = min(ends) if ends else None
    return Doorlooptijd(per_stap, besluit, totaal, totaal if totaal is not None else (vandaag - start).days)


def detect_afwijkingen(i: Initiatief, beleid: InitiatievenBeleid, vandaag: dt.date) -> list[DetectedAfwijking]:
    """A step later than its term, or a step with a term that has not come while the term passed."""
    found = [
        DetectedAfwijking(
            "termijn-overschreden",
            g.stap.code,
            f"de stap '{g.stap.naam}' kwam na {g.dagen} dagen; het beleid noemt {g.stap.termijn_dagen} dagen",
            BESTAND,
            ("stappen", g.stap.code, "datum"),
            f"initiatieven.stappen.{g.stap.code}.termijn_dagen",
        )
        for g in steps_late(i, beleid)
    ]
    stap = overdue_step(i, beleid, vandaag)
    if stap is not None:
        found.append(
            DetectedAfwijking(
                "termijn-overschreden",
                stap.code,
                f"de stap '{stap.naam}' had binnen {stap.termijn_dagen} "
                f"dagen moeten komen en is er na {idle_days(i, beleid, vandaag)} dagen nog niet",
                BESTAND,
                ("ingediend",),
                f"initiatieven.stappen.{stap.code}.termijn_dagen",
            )
        )
    return found


def account_initiatief(i: Initiatief, p: Profiel, vandaag: dt.date) -> tuple[Verantwoording, ...]:
    """The afwijkingen of a readable initiative under a profile with a policy for initiatives."""
    beleid = p.initiatieven
    assert beleid is not None
    assert i.initiatief is not None
    names = {s.code: s.naam for s in beleid.stappen}
    return account(
        detect_afwijkingen(i, beleid, vandaag),
        i.initiatief.afwijkingen,
        BESTAND,
        p.afwijking_naam,
        lambda b: names.get(b or "", b),
    )
