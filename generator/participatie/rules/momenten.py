"""The moments of a trajectory or initiative (bouwsteen 6 'wanneer en waar'): unique ids, times in order, a place to go.

A link is only ever a web address: anything else could run in a reader's browser.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..findings import FORMAAT, PRODUCT, VEILIG, Ernst, Finding, Gevolg, regel
from ..model.traject import Dossier, Traject
from ..vocabulary import DEELNAME

if TYPE_CHECKING:
    from . import Context

F, W = Ernst.FOUT, Ernst.WAARSCHUWING
SAFE_URL = re.compile(r"^https?://[^\s<>\"']+$")
ID = regel("moment.id", "twee momenten met dezelfde id", bron=FORMAAT)
TOT = regel("moment.tot-voor-datum", "een moment dat eindigt ('tot') vóór het begint ('datum')", bron=FORMAAT)
EINDTIJD = regel("moment.eindtijd-voor-tijd", "een eindtijd die niet na de begintijd ligt", bron=FORMAAT)
ZONDER_TIJD = regel("moment.eindtijd-zonder-tijd", "een eindtijd zonder begintijd", bron=FORMAAT)
GEEN_EINDTIJD = regel(
    "moment.eindtijd-ontbreekt",
    "een begintijd zonder eindtijd: agenda's tonen het moment als nul minuten",
    Gevolg.INTERN,
    bron=PRODUCT,
)
LINK = regel("moment.link", "een link die geen webadres is (zoals javascript:)", Gevolg.TEGENHOUDEN, bron=VEILIG)
PLAATS = regel("moment.plaats", "een moment om mee te doen zonder plaats en zonder link", bron=PRODUCT)
WELK_BESLUIT = regel(
    "moment.welk-besluit",
    "een besluit dat de vaststelling van het plan lijkt, zonder 'besluit:', of "
    "'besluit:' bij een moment dat geen besluit is",
    bron=FORMAAT,
)


def ids(t: Dossier, ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    seen: dict[str, int] = {}
    for i, m in enumerate(t.momenten):
        if m.id in seen:
            out.append(
                t.finding(
                    F,
                    t.moment_file,
                    ("momenten", i, "id"),
                    f"de id '{m.id}' wordt al gebruikt (moment {seen[m.id] + 1}).",
                    "Geef elk moment een eigen id.",
                    code=ID,
                )
            )
        seen.setdefault(m.id, i)
    return out


def times(t: Dossier, ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for i, m in enumerate(t.momenten):
        loc = ("momenten", i)
        if m.tot and m.tot < m.datum:
            out.append(
                t.finding(
                    F,
                    t.moment_file,
                    loc + ("tot",),
                    f"'tot' ({m.tot.isoformat()}) ligt vóór 'datum' ({m.datum.isoformat()}).",
                    "Het einde moet op of na het begin liggen.",
                    code=TOT,
                )
            )
        if m.eindtijd and m.tijd and m.eindtijd <= m.tijd and not m.tot:
            out.append(
                t.finding(
                    F,
                    t.moment_file,
                    loc + ("eindtijd",),
                    f"de eindtijd ({m.eindtijd:%H:%M}) ligt niet na de begintijd ({m.tijd:%H:%M}).",
                    "Controleer 'tijd' en 'eindtijd'.",
                    code=EINDTIJD,
                )
            )
        if m.tijd and not m.eindtijd:
            out.append(
                t.finding(
                    W,
                    t.moment_file,
                    loc + ("tijd",),
                    f"moment '{m.id}' heeft een begintijd ({m.tijd:%H:%M}) maar geen eindtijd; in een agenda "
                    "staat het dan als een moment van nul minuten.",
                    "Vul 'eindtijd' in, zoals 'tijd' (bijvoorbeeld eindtijd: \"21:30\").",
                    code=GEEN_EINDTIJD,
                )
            )
        if m.eindtijd and not m.tijd:
            out.append(
                t.finding(
                    F,
                    t.moment_file,
                    loc + ("eindtijd",),
                    "er is een eindtijd maar geen begintijd.",
                    "Vul ook 'tijd' in.",
                    code=ZONDER_TIJD,
                )
            )
    return out


def places(t: Dossier, ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for i, m in enumerate(t.momenten):
        if m.link and not SAFE_URL.match(m.link):
            out.append(
                t.finding(
                    F,
                    t.moment_file,
                    ("momenten", i, "link"),
                    f"'{m.link}' is geen webadres.",
                    "Begin de link met https://.",
                    code=LINK,
                )
            )
        if m.soort in DEELNAME and not (m.plaats or m.link):
            out.append(
                t.finding(
                    W,
                    t.moment_file,
                    ("momenten", i),
                    f"moment '{m.id}' heeft geen plaats en geen link.",
                    "Vul 'plaats' (adres van de zaal) of 'link' in.",
                    code=PLAATS,
                )
            )
    return out


def decisions(t: Dossier, ctx: Context) -> list[Finding]:
    """Which besluit is which: only the final decision needs the eindverslag (see vocabulary.BESLUITEN)."""
    out: list[Finding] = []
    plan = ctx.profiel.woorden.plan
    main = t.traject if isinstance(t, Traject) else None
    vast = main.vastgesteld.datum if main is not None and main.vastgesteld else None
    for i, m in enumerate(t.momenten):
        if m.besluit and m.soort != "besluit":
            out.append(
                t.finding(
                    F,
                    t.moment_file,
                    ("momenten", i, "besluit"),
                    f"'besluit: {m.besluit}' hoort alleen bij een "
                    f"moment met 'soort: besluit'; moment '{m.id}' is een {m.soort}.",
                    "Haal 'besluit:' weg, of zet 'soort: besluit'.",
                    code=WELK_BESLUIT,
                )
            )
        elif m.soort == "besluit" and m.besluit is None and vast is not None and m.datum <= vast:
            out.append(
                t.finding(
                    W,
                    t.moment_file,
                    ("momenten", i, "soort"),
                    f"het besluit '{m.id}' ({m.datum.isoformat()}) "
                    f"valt op of vóór de vaststelling van het {plan} ({vast.isoformat()}); zonder 'besluit:' "
                    "telt het als het eindbesluit, waar het eindverslag bij hoort.",
                    f"Is dit de vaststelling van het {plan}? Zet dan 'besluit: plan' (of 'besluit: tussen' "
                    "voor een tussenbesluit).",
                    code=WELK_BESLUIT,
                )
            )
    return out


RULES = (ids, times, places, decisions)
