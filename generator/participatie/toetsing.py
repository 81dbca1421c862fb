"""The toetsing of one trajectory or initiative against the policy: every verdict about it, decided once.

A `Toetsing` holds the findings (each with what publishing does with it), the afwijkingen
as found and declared (one matcher), completeness per plan and eindverslag part, the
requirements of the status it reached, compliance and what is missing, the answered
input and, for an initiative, its doorlooptijd. `participatie check`, the pages, the
raad overview, the exports, the feeds and the preview all read it; nothing downstream
decides policy again. It is what the cache keeps, so a warm run reads the same verdict
a cold run made.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from .derive.afwijkingen import Verantwoording, account_traject, levels_used
from .derive.initiatieven import Doorlooptijd, Stand, account_initiatief, doorlooptijd, stand
from .derive.status import reached, status_eisen
from .derive.volledigheid import Volledigheid, completeness
from .findings import PROFIEL, Ernst, Finding, Gevolg
from .model.initiatief import Initiatief
from .model.profiel import StatusEisen
from .model.traject import Traject
from .rules import Context, check_initiatief, check_traject
from .vocabulary import UITKOMST_OPEN


class Publicatie(str, Enum):
    """What publishing does with the whole trajectory or initiative."""

    PUBLICEREN = "publiceren"
    MET_MELDING = "met melding"  # published, with a notice of what the policy still misses
    TEGENHOUDEN = "tegenhouden"  # on no page, in no feed, search index or export


@dataclass(frozen=True)
class Toetsing:
    map: str  # 'projecten/x'
    slug: str
    soort: str  # 'traject' or 'initiatief'
    titel: str
    bevindingen: tuple[Finding, ...]
    leesbaar: bool  # the main file (traject.yaml, initiatief.yaml) could be read and bound
    afwijkingen: tuple[Verantwoording, ...] = ()
    volledigheid: Volledigheid | None = None
    bereikt: str | None = None  # the status whose requirements apply (for 'gestopt': the furthest one reached)
    eisen: StatusEisen | None = None
    inbreng: int = 0
    inbreng_beantwoord: int = 0
    doorlooptijd: Doorlooptijd | None = None
    stand: Stand | None = None  # an initiative's: the step it stands at, whether it is open, what comes next
    niveaus: tuple[str, ...] = ()  # the levels it gives any group, in the order of the profile's ladder

    @property
    def redenen(self) -> tuple[Finding, ...]:
        """Why it is withheld: unreadable files, personal data, unsafe content."""
        return tuple(f for f in self.bevindingen if f.ernst is Ernst.FOUT and f.gevolg is Gevolg.TEGENHOUDEN)

    @property
    def tegengehouden(self) -> bool:
        return not self.leesbaar or bool(self.redenen)

    @property
    def gaten(self) -> tuple[Finding, ...]:
        """Policy gaps: published, with a notice residents and the raad read."""
        return tuple(f for f in self.bevindingen if f.ernst is Ernst.FOUT and f.gevolg is Gevolg.MELDEN)

    @property
    def ontbreekt(self) -> tuple[str, ...]:
        """What the published notice lists: each gap once, in residents' words, with where the rule comes from."""
        return tuple(dict.fromkeys(_with_source(f.publiek or f.boodschap, f.bron) for f in self.gaten))

    @property
    def voldoet(self) -> bool:
        """Everything the policy asks at this status is there and every afwijking is explained."""
        return not self.ontbreekt

    @property
    def publicatie(self) -> Publicatie:
        if self.tegengehouden:
            return Publicatie.TEGENHOUDEN
        return Publicatie.MET_MELDING if self.ontbreekt else Publicatie.PUBLICEREN

    @property
    def afwijkingen_gemotiveerd(self) -> int:
        return sum(1 for a in self.afwijkingen if a.gemotiveerd)


def _with_source(text: str, bron: str | None) -> str:
    return f"{text} ({bron})" if bron else text


def cite(findings, ctx: Context) -> tuple[Finding, ...]:
    """Each finding with where its rule comes from: the passage of the policy, or the choice and why."""
    out = []
    for f in findings:
        found = ctx.herkomst(f.norm) if f.norm else None
        if f.norm and found is None:  # the profile has no such norm (a quick scan it does not use): its make-up decides
            found = (PROFIEL, f"dit beleidsprofiel kent geen '{f.norm}'")
        out.append(replace(f, bron=found[0], citaat=found[1]) if found else f)
    return tuple(out)


def toets_traject(t: Traject, ctx: Context) -> Toetsing:
    p = ctx.profiel
    if t.traject is None:
        return Toetsing(t.map, t.slug, "traject", t.titel, tuple(check_traject(t, ctx)), leesbaar=False)
    afwijkingen = account_traject(t, p, ctx.vandaag)
    eisen = status_eisen(t, p)
    inbreng = t.terugkoppeling.inbreng
    return Toetsing(
        t.map,
        t.slug,
        "traject",
        t.titel,
        tuple(check_traject(t, ctx, afwijkingen)),
        True,
        afwijkingen,
        completeness(t, p, eisen),
        reached(t),
        eisen,
        len(inbreng),
        sum(1 for i in inbreng if i.reactie and i.uitkomst != UITKOMST_OPEN),
        niveaus=levels_used(t, p),
    )


def toets_initiatief(i: Initiatief, ctx: Context) -> Toetsing:
    p = ctx.profiel
    if i.initiatief is None:
        return Toetsing(i.map, i.slug, "initiatief", i.titel, tuple(check_initiatief(i, ctx)), leesbaar=False)
    afwijkingen = account_initiatief(i, p, ctx.vandaag) if p.initiatieven is not None else ()
    beleid = p.initiatieven
    return Toetsing(
        i.map,
        i.slug,
        "initiatief",
        i.titel,
        tuple(check_initiatief(i, ctx, afwijkingen)),
        True,
        afwijkingen,
        doorlooptijd=doorlooptijd(i, beleid, ctx.vandaag) if beleid is not None else None,
        stand=stand(i, beleid) if beleid is not None else None,
    )
