"""Rules stage: everything a trajectory must meet, as findings. One module per subject, each citing its policy.

Rules that need traject.yaml (status, plan, afwijkingen) only run when it could be read;
the others run on whatever files could be read, so one broken file never hides the
findings in the rest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..findings import Finding
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


def check_traject(t: Traject, ctx: Context) -> list[Finding]:
    from . import afwijkingen, eindverslag, inbreng, momenten, omgevingswet, plan, planning, privacy, verwijzingen
    rules = [*verwijzingen.FILE_RULES, *momenten.RULES, *inbreng.FILE_RULES, *planning.RULES, *privacy.RULES]
    if t.traject is not None:
        rules += [*verwijzingen.TRAJECT_RULES, *plan.RULES, *eindverslag.RULES, *inbreng.TRAJECT_RULES,
                  *afwijkingen.RULES, *omgevingswet.RULES]
    out: list[Finding] = []
    for rule in rules:
        out += rule(t, ctx)
    return out


def check_initiatief(i, ctx: Context) -> list[Finding]:
    from . import initiatieven, momenten, planning, privacy
    rules = [*momenten.RULES, *planning.RULES, *privacy.RULES]
    if i.initiatief is not None and ctx.profiel.initiatieven is not None:
        rules += initiatieven.RULES
    out: list[Finding] = []
    for rule in rules:
        out += rule(i, ctx)
    return out
