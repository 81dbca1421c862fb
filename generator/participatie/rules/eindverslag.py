"""The eindverslag (Dalfsen §2.1.5): its required parts, once the status asks for it.

The eindverslag is part of the decision (motiveringsplicht) and public; its headings come
from the profile ('eindverslag_onderdelen').
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..derive.status import status_eisen
from ..derive.volledigheid import eindverslag_parts
from ..findings import FORMAAT, Ernst, Finding, Pos, regel
from ..messages import suggest
from ..model.traject import Traject

if TYPE_CHECKING:
    from . import Context

ONTBREEKT = regel(
    "eindverslag.ontbreekt",
    "de status vraagt een eindverslag, maar eindverslag.md ontbreekt",
    norm="eindverslag_onderdelen",
)
ONDERDEEL = regel(
    "eindverslag.onderdeel",
    "een vast onderdeel van het eindverslag ontbreekt of is leeg",
    norm="eindverslag_onderdelen",
)
ONBEKEND_KOPJE = regel(
    "eindverslag.onbekend-kopje", "een kopje in het eindverslag dat het beleid niet kent", bron=FORMAAT
)
DUBBEL_KOPJE = regel("eindverslag.dubbel-kopje", "hetzelfde kopje twee keer in het eindverslag", bron=FORMAAT)


def required_parts(t: Traject, ctx: Context) -> list[Finding]:
    p, level = ctx.profiel, status_eisen(t, ctx.profiel).eindverslag
    if not level or "eindverslag.md" in t.onleesbaar:
        return []
    ernst, pad = Ernst(level), t.pad("eindverslag.md")
    if t.eindverslag is None:
        koppen = ", ".join(f"'## {o.kop}'" for o in p.eindverslag_onderdelen)
        return [
            Finding(
                pad,
                None,
                ernst,
                "het eindverslag ontbreekt.",
                f"Maak eindverslag.md met de kopjes: {koppen}.",
                ONTBREEKT,
                t.map,
                "het eindverslag",
            )
        ]
    out: list[Finding] = []
    for kop, ok in eindverslag_parts(t, p).items():
        if not ok:
            line = t.eindverslag.sections.get(kop, (None,))[0]
            out.append(
                Finding(
                    pad,
                    Pos(line, 1) if line else None,
                    ernst,
                    f"het eindverslag mist het onderdeel '{kop}'.",
                    f"Schrijf een kopje '## {kop}' met tekst eronder.",
                    ONDERDEEL,
                    t.map,
                    f"het deel '{kop}' van het eindverslag",
                )
            )
    return out


def headings(t: Traject, ctx: Context) -> list[Finding]:
    if t.eindverslag is None:
        return []
    p = ctx.profiel
    lessen = [p.lessen.kop] if p.lessen and p.lessen.kop else []  # the process's evaluation, for 'Wat we leerden'
    known, pad = [o.kop for o in p.eindverslag_onderdelen] + lessen, t.pad("eindverslag.md")
    out = [
        Finding(
            pad,
            Pos(line, 4),
            Ernst.WAARSCHUWING,
            f"onbekend kopje '{kop}'.{suggest(kop, known)}",
            f"Vaste kopjes: {', '.join(known)}.",
            ONBEKEND_KOPJE,
            t.map,
        )
        for kop, (line, _) in t.eindverslag.sections.items()
        if kop not in known
    ]
    out += [
        Finding(
            pad,
            Pos(line, 4),
            Ernst.WAARSCHUWING,
            f"het kopje '{kop}' staat er twee keer; de tekst eronder hoort nu bij het eerste.",
            "Voeg de twee delen samen onder één kopje.",
            DUBBEL_KOPJE,
            t.map,
        )
        for kop, line in t.eindverslag.dubbel
    ]
    return out


RULES = (required_parts, headings)
