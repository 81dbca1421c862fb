"""The Omgevingswet's own participation duties for an omgevingsplan or omgevingsvisie.

These are law, not a gemeente's policy, so they hold under every profile:

- omgevingsplan: the kennisgeving of the voornemen says how participation is organised
  (Omgevingsbesluit art. 10.2 lid 1);
- omgevingsplan and omgevingsvisie: the decision that adopts it says how people were involved
  and what the results are (art. 10.2 lid 2, art. 10.7 lid 1); an omgevingsvisie of the raad
  also says how the gemeente's participatiebeleid was applied (art. 10.7 lid 2).

The decision is due once its besluit moment has passed or the trajectory is afgerond; then the
eindverslag, which goes with the decision, must be complete too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..derive.kalender import decisions_taken
from ..derive.volledigheid import eindverslag_parts
from ..findings import Ernst, Finding, regel
from ..model.traject import Traject

if TYPE_CHECKING:
    from . import Context

OW = "Omgevingswet"
KENNISGEVING = regel(
    "omgevingswet.kennisgeving",
    "de kennisgeving van een omgevingsplan zegt niet hoe de participatie gaat",
    bron=f"{OW}: art. 10.2 lid 1 Omgevingsbesluit",
)
MOTIVERING = regel(
    "omgevingswet.motivering",
    "het besluit over een omgevingsplan of -visie zegt niet hoe mensen zijn betrokken en wat de resultaten zijn",
    bron=f"{OW}: art. 10.2 lid 2 en art. 10.7 lid 1 Omgevingsbesluit",
)
BELEID = regel(
    "omgevingswet.participatiebeleid",
    "het raadsbesluit over een omgevingsvisie zegt niet hoe het participatiebeleid is toegepast",
    bron=f"{OW}: art. 10.7 lid 2 Omgevingsbesluit",
)
EINDVERSLAG = regel(
    "omgevingswet.eindverslag",
    "het besluit over een omgevingsplan of -visie is genomen, maar het eindverslag is niet compleet",
    bron=f"{OW}: art. 10.2 lid 2 en art. 10.7 lid 1 Omgevingsbesluit",
)

ARTIKEL = {"omgevingsplan": "art. 10.2 lid 2 Omgevingsbesluit", "omgevingsvisie": "art. 10.7 lid 1 Omgevingsbesluit"}
HET = {"omgevingsplan": "het omgevingsplan", "omgevingsvisie": "de omgevingsvisie"}


def _decided(t: Traject, ctx: Context) -> bool:
    assert t.traject is not None
    return t.traject.status == "afgerond" or bool(decisions_taken(t.planning.momenten, ctx.vandaag))


def kennisgeving(t: Traject, ctx: Context) -> list[Finding]:
    assert t.traject is not None
    ow = t.traject.omgevingswet
    if ow is None or ow.instrument != "omgevingsplan" or t.traject.status == "verkenning":
        return []
    if ow.kennisgeving is not None and ow.kennisgeving.participatie:
        return []
    loc = ("omgevingswet", "kennisgeving") if ow.kennisgeving else ("omgevingswet",)
    return [
        t.finding(
            Ernst.FOUT,
            "traject.yaml",
            loc,
            "de kennisgeving van het voornemen zegt niet hoe de participatie "
            "wordt vormgegeven (art. 10.2 lid 1 Omgevingsbesluit).",
            "Zet onder 'omgevingswet:' bij 'kennisgeving:' de 'datum:' en bij 'participatie:' wat de "
            "kennisgeving daarover zegt.",
            code=KENNISGEVING,
            publiek="hoe de participatie is aangekondigd in de kennisgeving (Omgevingswet)",
        )
    ]


def motivering(t: Traject, ctx: Context) -> list[Finding]:
    assert t.traject is not None
    ow = t.traject.omgevingswet
    if ow is None or not _decided(t, ctx):
        return []
    m, artikel = ow.motivering, ARTIKEL[ow.instrument]
    out: list[Finding] = []
    missing = [
        naam
        for naam, veld in (("hoe mensen zijn betrokken", "betrokken"), ("wat de resultaten zijn", "resultaten"))
        if m is None or not getattr(m, veld)
    ]
    if missing:
        out.append(
            t.finding(
                Ernst.FOUT,
                "traject.yaml",
                ("omgevingswet", "motivering") if m else ("omgevingswet",),
                f"het besluit over {HET[ow.instrument]} is genomen, maar er staat niet {' en '.join(missing)} "
                f"({artikel}).",
                "Zet onder 'omgevingswet:' bij 'motivering:' wat het besluit zegt: 'betrokken:' en 'resultaten:'.",
                code=MOTIVERING,
                publiek=f"in het besluit: hoe mensen zijn betrokken en wat de resultaten zijn ({artikel})",
            )
        )
    if ow.instrument == "omgevingsvisie" and t.traject.besluit_door == "raad" and not (m and m.participatiebeleid):
        out.append(
            t.finding(
                Ernst.FOUT,
                "traject.yaml",
                ("omgevingswet", "motivering") if m else ("omgevingswet",),
                "de raad stelde de omgevingsvisie vast, maar er staat niet hoe het participatiebeleid is "
                "toegepast (art. 10.7 lid 2 Omgevingsbesluit).",
                "Zet bij 'motivering:' onder 'participatiebeleid:' hoe het beleid van de gemeente is gevolgd.",
                code=BELEID,
                publiek="in het besluit: hoe het participatiebeleid is toegepast (art. 10.7 lid 2)",
            )
        )
    return out


def eindverslag(t: Traject, ctx: Context) -> list[Finding]:
    assert t.traject is not None
    ow = t.traject.omgevingswet
    if ow is None or not _decided(t, ctx) or "eindverslag.md" in t.onleesbaar:
        return []
    missing = [kop for kop, ok in eindverslag_parts(t, ctx.profiel).items() if not ok]
    if not missing:
        return []
    return [
        t.finding(
            Ernst.FOUT,
            "eindverslag.md",
            (),
            f"het besluit over {HET[ow.instrument]} is genomen, maar het "
            f"eindverslag mist: {', '.join(missing)} ({ARTIKEL[ow.instrument]}: het besluit zegt hoe mensen "
            "zijn betrokken en wat er met de resultaten is gedaan).",
            "Vul het eindverslag aan; het hoort bij het besluit.",
            code=EINDVERSLAG,
            publiek=f"een compleet eindverslag bij het besluit ({ARTIKEL[ow.instrument]})",
        )
    ]


RULES = (kennisgeving, motivering, eindverslag)
