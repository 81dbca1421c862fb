"""`participatie profiel`: a policy profile as a readable summary, for staff and for a gemeente choosing one.

Under each norm stands where it comes from: the paragraph of the policy and its words, or 'keuze van
dit profiel' with why. A choice is never filed under a paragraph of the policy.
"""

from __future__ import annotations

from collections.abc import Iterable

from .derive.volledigheid import ELEMENTS
from .model.profiel import Profiel
from .vocabulary import REGEL_NORMEN, STATUSSEN, PlanElement


def summary(p: Profiel) -> str:
    w = p.woorden
    lines = [f"Beleidsprofiel: {p.naam}", f"Bron: {p.bron}", ""]

    def bron(norm: str) -> None:
        found = p.herkomst(norm)
        if found:
            source, passage = found
            lines.append(f"    {source}" + (f": {passage}" if passage else ""))

    lines.append(f"{w.niveaus.capitalize()} ({len(p.niveaus)}, van weinig naar veel invloed):")
    for i, n in enumerate(p.niveaus, start=1):
        stijl = p.bestuursstijl(n.bestuursstijl)
        lines.append(f"  {i}. {n.naam} ({n.code}){f' — bestuursstijl: {stijl.naam}' if stijl else ''}")
        lines.append(f"     {n.uitleg}")
        if f"niveaus.{n.code}" in p.bronnen:
            bron(f"niveaus.{n.code}")
    bron("niveaus")
    advies = p.niveau(p.advies_vanaf)
    lines.append(f"Advies vanaf: {advies.naam if advies else p.advies_vanaf} (niet overnemen is een afwijking)")
    bron("advies_vanaf")
    if p.opvolgen_vanaf:
        volg = p.niveau(p.opvolgen_vanaf)
        lines.append(
            f"Uitkomst opvolgen vanaf: {volg.naam if volg else p.opvolgen_vanaf} (niet opvolgen is "
            + ("een fout; alleen 'buiten de kaders' mag)" if p.opvolgen_fout else "een zwaardere afwijking)")
        )
        bron("opvolgen_vanaf")
    if p.soorten_werk:
        lines.append("Soort werk en toegestane niveaus:")
        bron("soorten_werk")
        for s in p.soorten_werk:
            lines.append(
                f"  - {s.naam} ({s.code}): {', '.join(s.niveaus)}"
                + (f"; bevoegd: {p.orgaan(s.bevoegd)}" if s.bevoegd else "")
            )
            if f"soorten_werk.{s.code}" in p.bronnen:
                bron(f"soorten_werk.{s.code}")
    else:
        lines.append("Soort werk: geen tabel; elk niveau mag, elke afwijking wordt wel getoetst.")
    if p.bestuursstijlen:
        lines.append("Bestuursstijlen: " + ", ".join(f"{b.naam} ({b.code})" for b in p.bestuursstijlen))
        bron("bestuursstijlen")
    lines.append(
        ("Doelen (voorbeelden; andere mogen ook): " if p.doelen_open else "Doelen: ")
        + ", ".join(d.code for d in p.doelen)
    )
    bron("doelen")
    lines.append("Kadercategorieën: " + ", ".join(p.kadercategorieen))
    bron("kadercategorieen")
    if p.kaders_verplicht:
        lines.append("Elk plan noemt elke soort kader, of zegt dat die er niet is ('geen').")
        bron("kaders_verplicht")
    lines.append("Besluitorganen: " + ", ".join(f"{o.naam} ({o.code})" for o in p.besluitorganen))
    bron("besluitorganen")
    for eind, plan in p.vaststelling_door.items():
        lines.append(f"Besluit {p.orgaan(eind)} uiteindelijk, dan stelt {p.orgaan(plan)} het {w.plan} vast.")
        bron("vaststelling_door")
    if p.wegingen:
        lines.append(f"Weging van het advies, vooraf in het plan: {', '.join(p.wegingen)}")
        bron("wegingen")
    if p.stap1:
        lines.append(f"{w.stap1.capitalize()} ('ja' pleit voor meedoen):")
        lines += [f"  - {code}: {vraag}" for code, vraag in p.stap1.items()]
        bron("stap1")
        if p.stap1_afweging:
            lines.append("  Geen enkel antwoord beslist vanzelf: een geschreven afweging ('afweging') beslist.")
            bron("stap1_afweging")
    if p.quickscan:
        q = p.quickscan
        lines.append(f"Quick scan: schaal {' < '.join(q.schaal)}.")
        lines += [f"  - {v.code}: {v.vraag}" for v in q.vragen]
        bron("quickscan")
        lines.append(f"  Drempel: onder '{q.drempel}' alleen '{p.basisniveau.naam}'.")
        bron("quickscan.drempel")
    if p.uitgesloten_onderwerpen:
        lines.append(
            f"Uitgesloten onderwerpen (meer dan '{p.basisniveau.naam}' is "
            + ("een fout, die geen motivering goedmaakt):" if p.uitgesloten_fout else "een afwijking):")
        )
        lines += [f"  - {o.code}: {o.naam}" for o in p.uitgesloten_onderwerpen]
        bron("uitgesloten_onderwerpen")
    if p.fasen:
        lines.append("Fasen waarvoor het plan groen licht van college of raad kan afspreken:")
        bron("fasen")
        for f in p.fasen:
            lines.append(f"  - {f.naam} ({f.code})")
            if f"fasen.{f.code}" in p.bronnen:
                bron(f"fasen.{f.code}")
    if p.bouwstenen:
        lines.append("Bouwstenen:")
        lines += [f"  {b.nummer}. {b.naam}: {_fields(b.velden)}" for b in p.bouwstenen]
        bron("bouwstenen")
    lines.append(f"{w.plan.capitalize()} ({len(p.plan_onderdelen)} onderdelen):")
    lines += [f"  {o.nummer}. {o.naam}: {_fields(o.velden)}" for o in p.plan_onderdelen]
    bron("plan_onderdelen")
    for element in sorted({v for o in p.plan_onderdelen for v in o.velden}):
        if f"plan_onderdelen.{element}" in p.bronnen:
            lines.append(f"  Waarom {ELEMENTS[element].name}:")
            bron(f"plan_onderdelen.{element}")
    if p.eindverslag_onderdelen:
        lines.append("Eindverslag (kopjes in eindverslag.md):")
        lines += [f"  - {e.kop}" for e in p.eindverslag_onderdelen]
        bron("eindverslag_onderdelen")
    else:
        lines.append("Eindverslag: dit beleid vraagt er geen.")
    lines.append("Wat elke status eist:")
    for status, eisen in p.statussen.items():
        demands = [f"{k} ({v})" for k, v in eisen.model_dump().items() if v]
        lines.append(f"  - {STATUSSEN[status]}: {', '.join(demands) or 'niets'}")
        bron(f"statussen.{status}")
    termijn = p.normen.terugkoppeltermijn_dagen
    if termijn:
        lines.append(f"Terugkoppeling: binnen {termijn} dagen (anders radiostilte)")
        bron("normen.terugkoppeltermijn_dagen")
    else:
        lines.append(
            "Terugkoppeling: dit profiel noemt geen termijn; zet er een in mkdocs.yml "
            "('terugkoppeltermijn_dagen', een keuze van de gemeente), anders wordt radiostilte niet getoetst."
        )
    for groep, regel in p.planning.drukke_maanden.items():
        lines.append(f"Drukke maanden voor {groep}: {', '.join(map(str, regel))}")
        bron(f"planning.drukke_maanden.{groep}")
    lines.append("Regels voor elk traject:")
    for norm, wat in REGEL_NORMEN.items():
        lines.append(f"  - {wat}")
        bron(norm)
    if p.initiatieven:
        lines.append("Initiatieven van inwoners: " + " → ".join(s.naam for s in p.initiatieven.stappen))
        bron("initiatieven.stappen")
        for stap in p.initiatieven.stappen:
            if stap.termijn_dagen:
                lines.append(f"  {stap.naam}: binnen {stap.termijn_dagen} dagen")
                bron(f"initiatieven.stappen.{stap.code}.termijn_dagen")
    return "\n".join(lines)


def _fields(velden: Iterable[PlanElement]) -> str:
    return ", ".join(ELEMENTS[v].name for v in velden)
