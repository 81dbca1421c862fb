"""`participatie profiel`: a policy profile as a readable summary, for staff and for a gemeente choosing one."""

from __future__ import annotations

from .model.profiel import Profiel
from .vocabulary import PLAN_ELEMENT_NAMEN, STATUSSEN


def summary(p: Profiel) -> str:
    w = p.woorden
    lines = [f"Beleidsprofiel: {p.naam}", f"Bron: {p.bron}", ""]
    lines.append(f"{w.niveaus.capitalize()} ({len(p.niveaus)}, van weinig naar veel invloed):")
    for i, n in enumerate(p.niveaus, start=1):
        stijl = p.bestuursstijl(n.bestuursstijl)
        lines.append(f"  {i}. {n.naam} ({n.code}){f' — bestuursstijl: {stijl.naam}' if stijl else ''}")
        lines.append(f"     {n.uitleg}")
    advies = p.niveau(p.advies_vanaf)
    lines.append(f"Advies vanaf: {advies.naam if advies else p.advies_vanaf} (niet overnemen is een afwijking)")
    if p.soorten_werk:
        lines.append("Soort werk en toegestane niveaus:")
        lines += [f"  - {s.naam} ({s.code}): {', '.join(s.niveaus)}" for s in p.soorten_werk]
    else:
        lines.append("Soort werk: geen tabel; elk niveau mag, elke afwijking wordt wel getoetst.")
    if p.bestuursstijlen:
        lines.append("Bestuursstijlen: " + ", ".join(f"{b.naam} ({b.code})" for b in p.bestuursstijlen))
    lines.append("Doelen: " + ", ".join(d.code for d in p.doelen))
    lines.append("Kadercategorieën: " + ", ".join(p.kadercategorieen))
    lines.append("Besluitorganen: " + ", ".join(f"{o.naam} ({o.code})" for o in p.besluitorganen))
    if p.stap1:
        lines.append(f"{w.stap1.capitalize()} (ja of nee; één 'nee' betekent alleen '{p.basisniveau.naam}'):")
        lines += [f"  - {code}: {vraag}" for code, vraag in p.stap1.items()]
    if p.quickscan:
        q = p.quickscan
        lines.append(f"Quick scan ({q.bron}): schaal {' < '.join(q.schaal)}; onder '{q.drempel}' alleen '{p.basisniveau.naam}'.")
        lines += [f"  - {v.code}: {v.vraag}" for v in q.vragen]
    if p.uitgesloten_onderwerpen:
        lines.append(f"Uitgesloten onderwerpen (meer dan '{p.basisniveau.naam}' is een afwijking):")
        lines += [f"  - {o.code}: {o.naam}" for o in p.uitgesloten_onderwerpen]
    if p.fasen:
        lines.append("Fasen, elk met groen licht van college of raad: " + ", ".join(f"{f.naam} ({f.code})" for f in p.fasen))
    if p.bouwstenen:
        lines.append("Bouwstenen:")
        lines += [f"  {b.nummer}. {b.naam}: {_fields(b.velden)}" for b in p.bouwstenen]
    lines.append(f"{w.plan.capitalize()} ({len(p.plan_onderdelen)} onderdelen):")
    lines += [f"  {o.nummer}. {o.naam}: {_fields(o.velden)}" for o in p.plan_onderdelen]
    lines.append("Eindverslag (kopjes in eindverslag.md):")
    lines += [f"  - {e.kop}" for e in p.eindverslag_onderdelen]
    lines.append("Wat elke status eist:")
    for status, eisen in p.statussen.items():
        demands = [f"{k} ({v})" for k, v in eisen.model_dump().items() if v]
        lines.append(f"  - {STATUSSEN[status]}: {', '.join(demands) or 'niets'}")
    termijn = p.normen.terugkoppeltermijn_dagen
    lines.append(f"Terugkoppeling: binnen {termijn} dagen (anders radiostilte)" if termijn else
                 "Terugkoppeling: het beleid noemt geen termijn; radiostilte wordt niet getoetst.")
    if p.initiatieven:
        lines.append("Initiatieven van inwoners: " + " → ".join(s.naam for s in p.initiatieven.stappen))
    return "\n".join(lines)


def _fields(velden: list[str]) -> str:
    return ", ".join(PLAN_ELEMENT_NAMEN[v] for v in velden)
