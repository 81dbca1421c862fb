"""Rules stage: everything a trajectory must meet, as findings. One module per subject, each citing its policy.

Rules that need traject.yaml (status, plan, afwijkingen) only run when it could be read;
the others run on whatever files could be read, so one broken file never hides the
findings in the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..derive.afwijkingen import Verantwoording
from ..derive.initiatieven import BESTAND as INITIATIEF_BESTAND
from ..findings import Ernst, Finding
from ..model.initiatief import Initiatief
from ..model.profiel import Profiel
from ..model.traject import Traject


@dataclass(frozen=True)
class Context:
    """What the rules need besides the trajectory: the policy, today, and the site's settings."""

    profiel: Profiel
    vandaag: dt.date
    kernen: tuple[str, ...] = ()
    eigen_domeinen: tuple[str, ...] = ()
    eigen_telefoonnummers: tuple[str, ...] = ()
    eigen_adressen: tuple[str, ...] = ()
    # (year, category, school region) -> {day: name}; None: `planning.calendar` asks the holidays package each time
    kalender: Callable[[int, str, str | None], Mapping[dt.date, str]] | None = None

    def herkomst(self, norm: str) -> tuple[str, str] | None:
        """Where a norm comes from: the profile's source for it (see `Profiel.herkomst`)."""
        return self.profiel.herkomst(norm)


# Imported here, not where they are used: importing a rule module registers its codes, and the register
# must be complete for a report made from cached findings too.
from . import afwijkingen as afwijking_rules  # noqa: E402
from . import (  # noqa: E402
    eindverslag,
    inbreng,
    initiatieven,
    momenten,
    omgevingswet,
    plan,
    planning,
    privacy,
    uitvoering,
    verwijzingen,
)


def check_traject(t: Traject, ctx: Context, afwijkingen: tuple[Verantwoording, ...] = ()) -> list[Finding]:
    """Every finding about a trajectory; `afwijkingen` are its accounted afwijkingen (`derive.afwijkingen.account`)."""
    rules: list[Callable[[Traject, Context], list[Finding]]] = [
        *verwijzingen.FILE_RULES,
        *momenten.RULES,
        *uitvoering.FILE_RULES,
        *inbreng.FILE_RULES,
        *planning.RULES,
        *privacy.RULES,
    ]
    if t.traject is not None:
        rules += [
            *verwijzingen.TRAJECT_RULES,
            *uitvoering.TRAJECT_RULES,
            *plan.RULES,
            *eindverslag.RULES,
            *inbreng.TRAJECT_RULES,
            *afwijking_rules.RULES,
            *omgevingswet.RULES,
        ]
    out: list[Finding] = []
    for rule in rules:
        out += rule(t, ctx)
    if t.traject is not None:
        out += afwijking_rules.unmotivated(t, "traject.yaml", afwijkingen, afwijking_rules.severity(t, ctx))
    return out


def check_initiatief(i: Initiatief, ctx: Context, afwijkingen: tuple[Verantwoording, ...] = ()) -> list[Finding]:
    rules: list[Callable[[Initiatief, Context], list[Finding]]] = [*momenten.RULES, *planning.RULES, *privacy.RULES]
    checked = i.initiatief is not None and ctx.profiel.initiatieven is not None
    if checked:
        rules += initiatieven.RULES
    out: list[Finding] = []
    for rule in rules:
        out += rule(i, ctx)
    if checked:
        out += afwijking_rules.unmotivated(i, INITIATIEF_BESTAND, afwijkingen, Ernst.FOUT)
    return out
