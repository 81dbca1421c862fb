"""Residents' initiatives (Dalfsen §2.2): every step in order and in time, a decision that says what it means.

The steps, their terms, the routes, the outcomes of the afwegingskader and the kinds of
support are the profile's. A step later than its term is an afwijking that needs a
motivering, like any other.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..derive.initiatieven import BESTAND, idle_days, waits_for_gemeente
from ..findings import AVG, FORMAAT, Ernst, Finding, Gevolg, regel
from ..load.yaml import Loc
from ..messages import suggest
from ..model.initiatief import Initiatief
from ..model.profiel import InitiatievenBeleid
from .afwijkingen import check_declared
from .privacy import ALLOW
from .verwijzingen import unknown_kernen

if TYPE_CHECKING:
    from . import Context

F, W = Ernst.FOUT, Ernst.WAARSCHUWING
STAP = regel("initiatief.onbekende-stap", "een stap die het beleidsprofiel niet kent", bron=FORMAAT)
VOLGORDE = regel("initiatief.volgorde", "een stap met een datum vóór die van de stap ervoor", bron=FORMAAT)
TWEE_EINDEN = regel("initiatief.twee-einden", "een initiatief dat zowel afgerond als gestopt is", bron=FORMAAT)
VRAAGT = regel(
    "initiatief.gegeven-ontbreekt",
    "een stap zonder wat het beleid erbij vraagt (route, uitkomst, reden)",
    norm="initiatieven.stappen",
)
UITLEG = regel(
    "initiatief.besluit-zonder-uitleg",
    "'ja, mits' zonder voorwaarden of een afwijzing zonder redenen",
    norm="initiatieven.uitkomsten",
)
STILSTAND = regel(
    "initiatief.stilstand", "een open initiatief waar lang geen stap is gezet", norm="initiatieven.stilstand_dagen"
)
KEUZE = regel(
    "profiel.initiatief-keuze",
    "een route, uitkomst, soort steun, soort, omvang of score die niet in het beleidsprofiel staat",
    norm="initiatieven.stappen",
)
NAAM = regel(
    "privacy.naam", "initiatiefnemers die met de naam van een inwoner worden genoemd", Gevolg.TEGENHOUDEN, bron=AVG
)

# A personal name: two or three capitalised words, possibly with a 'tussenvoegsel'. Groups and organisations
# ('acht buurtbewoners', 'Stichting Groen Dorp', 'Dorpsbelang Oosterbroek') do not look like that.
PERSON = re.compile(r"\b[A-Z][a-zé]+(?:\s+(?:van|de|der|den|het|ter|ten|van de|van der|van den))?\s+[A-Z][a-zé]+\b")
ORGANISATIE = re.compile(
    r"(?i)stichting|vereniging|club|dorpsbelang|belang|werkgroep|comité|commissie|raad|coöperatie|"
    r"school|kerk|buurt|bewoners|ondernemers|collectief|platform|team|groep|fonds|bv|b\.v\.|vof"
)
VRAAG_WOORD = {
    "route": "de route (direct of intaketafel)",
    "uitkomst": "de uitkomst van het besluit",
    "reden": "de reden",
}


def _beleid(ctx: Context) -> InitiatievenBeleid:
    beleid = ctx.profiel.initiatieven
    assert beleid is not None, "these rules run only under a profile with a policy for initiatives"
    return beleid


def steps(i: Initiatief, ctx: Context) -> list[Finding]:
    assert i.initiatief is not None
    beleid = _beleid(ctx)
    out: list[Finding] = []
    codes = [s.code for s in beleid.stappen]
    vorige, vorige_naam = i.initiatief.ingediend, "het indienen"
    for stap in beleid.stappen:
        gegevens = i.initiatief.stappen.get(stap.code)
        if gegevens is None:
            continue
        loc = ("stappen", stap.code)
        if gegevens.datum < vorige and not stap.einde:
            out.append(
                i.finding(
                    F,
                    BESTAND,
                    loc + ("datum",),
                    f"de stap '{stap.code}' ({gegevens.datum.isoformat()}) ligt vóór "
                    f"{vorige_naam} ({vorige.isoformat()}).",
                    "Controleer de datums: elke stap komt na de stap ervoor.",
                    code=VOLGORDE,
                )
            )
        for veld in stap.vraagt:
            if not getattr(gegevens, veld):
                out.append(
                    i.finding(
                        F,
                        BESTAND,
                        loc,
                        f"bij de stap '{stap.code}' hoort {VRAAG_WOORD[veld]}, maar '{veld}' ontbreekt.",
                        f"Vul '{veld}:' in bij '{stap.code}'.",
                        code=VRAAGT,
                        publiek=f"{VRAAG_WOORD[veld]} bij de stap '{stap.naam}'",
                    )
                )
        if not stap.einde:
            vorige, vorige_naam = gegevens.datum, f"de stap '{stap.code}'"
    for key in i.initiatief.stappen:
        if key not in codes:
            out.append(
                i.finding(
                    F,
                    BESTAND,
                    ("stappen", key),
                    f"'{key}' is geen stap uit het beleidsprofiel.{suggest(key, codes)}",
                    f"De stappen zijn: {', '.join(codes)}.",
                    code=STAP,
                    key=True,
                )
            )
    ends = [s.code for s in beleid.stappen if s.einde and s.code in i.initiatief.stappen]
    if len(ends) > 1:
        out.append(
            i.finding(
                F,
                BESTAND,
                ("stappen", ends[1]),
                f"het initiatief is zowel '{ends[0]}' als '{ends[1]}'.",
                "Houd één van de twee over.",
                code=TWEE_EINDEN,
                key=True,
            )
        )
    return out


def choices(i: Initiatief, ctx: Context) -> list[Finding]:
    assert i.initiatief is not None
    beleid = _beleid(ctx)
    out: list[Finding] = []
    lists = {"route": [r.code for r in beleid.routes], "uitkomst": [u.code for u in beleid.uitkomsten]}
    for code, gegevens in i.initiatief.stappen.items():
        for veld, options in lists.items():
            value = getattr(gegevens, veld)
            if value is not None and value not in options:
                out.append(_choice(i, ("stappen", code, veld), value, options, veld))
    steun = [s.code for s in beleid.steun]
    out += [
        _choice(i, ("steun", n, "soort"), s.soort, steun, "soort steun")
        for n, s in enumerate(i.initiatief.steun)
        if s.soort not in steun
    ]
    ii = i.initiatief
    for loc, value, options, what in (
        (("soort",), ii.soort, [s.code for s in beleid.soorten], "soort initiatief"),
        (("omvang",), ii.omvang, [o.code for o in beleid.omvang], "omvang"),
        (("ervaring", "score"), ii.ervaring.score if ii.ervaring else None, beleid.ervaring, "score voor de steun"),
    ):
        if value is not None and value not in options:
            out.append(_choice(i, loc, value, options, what))
    return out


def _choice(i: Initiatief, loc: Loc, value: str, options: list[str], what: str) -> Finding:
    return i.finding(
        F,
        BESTAND,
        loc,
        f"'{value}' is geen {what} uit het beleidsprofiel.{suggest(value, options)}",
        f"Kies uit: {', '.join(options)}." if options else f"Dit beleidsprofiel kent geen {what}; haal het weg.",
        code=KEUZE,
    )


def decision(i: Initiatief, ctx: Context) -> list[Finding]:
    """Dalfsen §2.2.1: 'ja, mits' comes with its conditions, a refusal with its reasons (and both are public)."""
    assert i.initiatief is not None
    out: list[Finding] = []
    for code, gegevens in i.initiatief.stappen.items():
        uitkomst = _beleid(ctx).uitkomst(gegevens.uitkomst)
        if uitkomst and uitkomst.vraagt and not getattr(gegevens, uitkomst.vraagt):
            out.append(
                i.finding(
                    F,
                    BESTAND,
                    ("stappen", code, "uitkomst"),
                    f"bij '{uitkomst.naam}' horen {uitkomst.vraagt}, maar '{uitkomst.vraagt}' ontbreekt.",
                    f"Zet bij '{code}' onder '{uitkomst.vraagt}:' wat het college besloot, één punt per regel.",
                    code=UITLEG,
                    publiek=f"de {uitkomst.vraagt} bij het besluit '{uitkomst.naam}'",
                )
            )
    return out


def declared(i: Initiatief, ctx: Context) -> list[Finding]:
    assert i.initiatief is not None
    return check_declared(i, BESTAND, i.initiatief.afwijkingen, F)


def idle(i: Initiatief, ctx: Context) -> list[Finding]:
    assert i.initiatief is not None
    beleid = _beleid(ctx)
    if not beleid.stilstand_dagen or not waits_for_gemeente(i, beleid):
        return []
    days = idle_days(i, beleid, ctx.vandaag)
    if days <= beleid.stilstand_dagen:
        return []
    return [
        i.finding(
            W,
            BESTAND,
            ("stappen",) if i.initiatief.stappen else ("ingediend",),
            f"er is al {days} dagen geen "
            f"nieuwe stap gezet, en de gemeente is aan zet (het beleidsprofiel noemt {beleid.stilstand_dagen} "
            "dagen).",
            "Zet de volgende stap, of laat in 'nieuws' weten waar het initiatief op wacht.",
            code=STILSTAND,
        )
    ]


def initiators(i: Initiatief, ctx: Context) -> list[Finding]:
    """Dalfsen §1.1: residents start initiatives; the site names them as a group, never by a resident's name."""
    assert i.initiatief is not None
    tekst = i.initiatief.initiatiefnemers
    m = PERSON.search(tekst)
    if m is None or ORGANISATIE.search(tekst):
        return []
    source = i.sources[BESTAND]
    line = source.text.split("\n")[source.pos(("initiatiefnemers",)).line - 1]
    if ALLOW.search(line):
        return []
    return [
        i.finding(
            F,
            BESTAND,
            ("initiatiefnemers",),
            f"'initiatiefnemers' noemt wat lijkt op de naam van een "
            f"inwoner ({' '.join(w[0] + '…' for w in m.group(0).split())}).",
            "Noem de initiatiefnemers als groep ('acht buurtbewoners van de Brink') of noem hun organisatie.",
            code=NAAM,
        )
    ]


def kernen(i: Initiatief, ctx: Context) -> list[Finding]:
    assert i.initiatief is not None
    return unknown_kernen(i, BESTAND, i.initiatief.kernen, ctx)


RULES = (steps, choices, decision, declared, idle, initiators, kernen)
