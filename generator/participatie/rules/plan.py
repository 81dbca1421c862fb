"""The plan van aanpak (Dalfsen §2.1.2–2.1.4): stap 1, the bouwstenen and plan parts, vaststelling, stopping.

What each status demands comes from the profile ('statussen'); a stopped trajectory keeps
the demands of the furthest status it reached, so a vastgesteld plan stays one.
"""

from __future__ import annotations

from ..derive.status import requirements
from ..derive.volledigheid import plan_elements
from ..findings import Ernst, Finding, regel
from ..vocabulary import BASISVELDEN, PLAN_ELEMENT_NAMEN, PLAN_ELEMENTEN

F, W = Ernst.FOUT, Ernst.WAARSCHUWING
BASIS = regel("plan.basis", "een basisveld van traject.yaml (samenvatting, soort werk, contact …) ontbreekt")
ONDERDEEL = regel("plan.onderdeel", "een onderdeel van het plan van aanpak ontbreekt")
VASTGESTELD = regel("plan.vastgesteld", "de status vraagt een vastgesteld plan, maar 'vastgesteld' ontbreekt")
GESTOPT_ONTBREEKT = regel("status.gestopt-zonder-reden", "status 'gestopt' zonder datum en reden")
GESTOPT_LOOPT = regel("status.gestopt-maar-loopt", "'gestopt' is ingevuld, maar de status is niet 'gestopt'")
STAP1_ONTBREEKT = regel("stap1.vraag-ontbreekt", "een vraag van stap 1 is niet beantwoord")
STAP1_NEE = regel("stap1.nee-zonder-toelichting", "stap 1 is met 'nee' beantwoord zonder toelichting")
QUICKSCAN_ONTBREEKT = regel("quickscan.vraag-ontbreekt", "een randvoorwaarde van de quick scan heeft geen score")


def _severity(level: str | None) -> Ernst | None:
    return Ernst(level) if level else None


def basis_fields(t, ctx) -> list[Finding]:
    ernst, tb = _severity(requirements(t, ctx.profiel).plan), t.traject
    if ernst is None:
        return []
    need = "verplicht" if ernst is F else "nodig voordat het plan wordt vastgesteld"
    return [t.finding(ernst, "traject.yaml", (name,), f"'{name}' ontbreekt; bij status '{tb.status}' is dat {need}.",
                      f"Vul '{name}:' in traject.yaml in.", code=BASIS, key=True, publiek=f"'{name.replace('_', ' ')}'")
            for name in BASISVELDEN if getattr(tb, name) in (None, [], "")
            and (name != "soort_werk" or ctx.profiel.soorten_werk)]  # without a table, soort werk decides nothing


def plan_parts(t, ctx) -> list[Finding]:
    p = ctx.profiel
    ernst = _severity(requirements(t, p).plan)
    if ernst is None:
        return []
    out = []
    for element, ok in plan_elements(t, p).items():
        bestand, loc, hint = PLAN_ELEMENTEN[element]
        parts = [f"{o.nummer}. {o.naam}" for o in p.plan_onderdelen if element in o.velden]
        if ok or bestand in t.onleesbaar or not parts:
            continue
        out.append(t.finding(ernst, bestand, loc, f"het {p.woorden.plan} mist '{element}' (onderdeel {', '.join(parts)}).",
                             hint, code=ONDERDEEL, publiek=f"{PLAN_ELEMENT_NAMEN[element]} ({p.woorden.plan}, "
                             f"onderdeel {', '.join(parts)})"))
    return out


def vaststelling(t, ctx) -> list[Finding]:
    ernst, tb = _severity(requirements(t, ctx.profiel).vastgesteld), t.traject
    if ernst is None or tb.vastgesteld is not None:
        return []
    return [t.finding(ernst, "traject.yaml", ("status",), f"bij status '{tb.status}' hoort een vastgesteld plan, maar "
                      "'vastgesteld' ontbreekt.", f"Voeg toe: 'vastgesteld:' met 'datum:' en 'door:' "
                      f"({' of '.join(ctx.profiel.orgaan_codes)}).",
                      code=VASTGESTELD, publiek=f"het besluit dat het {ctx.profiel.woorden.plan} vaststelt")]


def stopping(t, ctx) -> list[Finding]:
    tb = t.traject
    ernst = _severity(requirements(t, ctx.profiel).gestopt)
    if ernst and tb.gestopt is None:
        return [t.finding(ernst, "traject.yaml", ("status",), "bij status 'gestopt' hoort een reden en een datum.",
                          "Voeg toe: 'gestopt:' met 'datum:' en 'reden:'.", code=GESTOPT_ONTBREEKT,
                          publiek="de datum en de reden waarom het traject is gestopt")]
    if tb.gestopt is not None and tb.status != "gestopt":
        return [t.finding(W, "traject.yaml", ("gestopt",), f"'gestopt' is ingevuld, maar de status is '{tb.status}'.",
                          "Zet de status op 'gestopt' of haal 'gestopt' weg.", code=GESTOPT_LOOPT)]
    return []


def stap1(t, ctx) -> list[Finding]:
    """Dalfsen §2.1.2: three questions; each 'nee' needs a reason, and means only informeren."""
    antwoorden, out, stap = t.traject.stap1, [], ctx.profiel.woorden.stap1
    if antwoorden is None:
        return out
    for vraag, tekst in ctx.profiel.stap1.items():
        antwoord = antwoorden.get(vraag)
        if antwoord is None:
            out.append(t.finding(W, "traject.yaml", ("stap1",), f"{stap} mist de vraag '{vraag}': {tekst}",
                                 f"Voeg '{vraag}:' toe met 'antwoord: ja' of 'nee' en een toelichting.", code=STAP1_ONTBREEKT))
        elif antwoord.antwoord == "nee" and not antwoord.toelichting:
            out.append(t.finding(F, "traject.yaml", ("stap1", vraag, "antwoord"), f"{stap} '{vraag}' is 'nee' zonder "
                                 "toelichting.", "Leg in 'toelichting' uit waarom.", code=STAP1_NEE,
                                 publiek=f"uitleg waarom inwoners niet meer invloed krijgen ({stap})"))
    return out


def quickscan(t, ctx) -> list[Finding]:
    """Overbetuwe §2.1 (and any profile with a quick scan): every randvoorwaarde gets a score."""
    scan, scores = ctx.profiel.quickscan, t.traject.quickscan
    if scan is None or scores is None:
        return []
    return [t.finding(W, "traject.yaml", ("quickscan",), f"de quick scan mist '{v.code}': {v.vraag}",
                      f"Voeg '{v.code}:' toe met een score: {', '.join(scan.schaal)}.", code=QUICKSCAN_ONTBREEKT, key=True)
            for v in scan.vragen if v.code not in scores]


RULES = (basis_fields, plan_parts, vaststelling, stopping, stap1, quickscan)
