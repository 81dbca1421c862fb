"""Afwijkingen the data itself shows (Dalfsen §2.3.1: the raad checks that each one is motivated).

Each detector reads the trajectory against the profile and returns what it found, with
the place in the files where staff would fix or explain it. Declared afwijkingen in
traject.yaml are matched on soort and 'betreft'.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model.profiel import Profiel
from ..model.traject import Traject
from ..vocabulary import DEELNAME, TERUGKOPPELING_NODIG
from .kalender import active, einde
from .volledigheid import eindverslag_complete


@dataclass(frozen=True)
class Gevonden:
    """A deviation the build found in the data itself."""

    soort: str
    betreft: str | None
    omschrijving: str
    bestand: str
    loc: tuple


def group_levels(t: Traject) -> dict[str, list[str]]:
    """Every level a stakeholder group gets, including per phase."""
    return {g.groep: [lv for lv in [g.niveau, *[f.niveau for f in g.fasen]] if lv] for g in t.traject.omgevingsanalyse}


def highest_level(t: Traject, p: Profiel) -> str | None:
    levels = [lv for lvs in group_levels(t).values() for lv in lvs if p.rank(lv) >= 0]
    return max(levels, key=p.rank) if levels else None


def detect_afwijkingen(t: Traject, p: Profiel, vandaag: dt.date) -> list[Gevonden]:
    found: list[Gevonden] = []
    for detector in DETECTORS:
        found += detector(t, p, vandaag)
    return found


def _outside_table(t, p, vandaag):
    soort = p.soort_werk(t.traject.soort_werk or "")
    if soort is None:
        return []
    out, levels = [], group_levels(t)
    for i, g in enumerate(t.traject.omgevingsanalyse):
        for lv in dict.fromkeys(levels[g.groep]):
            if p.rank(lv) >= 0 and lv not in soort.niveaus:
                out.append(Gevonden("niveau-buiten-tabel", g.groep,
                                    f"groep '{g.groep}' krijgt niveau '{lv}'; bij '{soort.naam}' staat het beleid alleen "
                                    f"{', '.join(soort.niveaus)} toe", "traject.yaml", ("omgevingsanalyse", i, "niveau")))
    return out


def _stap1_nee(t, p, vandaag):
    antwoorden = t.traject.stap1 or {}
    nee = [k for k in p.stap1 if k in antwoorden and antwoorden[k].antwoord == "nee"]
    top = highest_level(t, p)
    if nee and top and p.rank(top) > p.rank(p.basisniveau.code):
        return [Gevonden("stap1-nee", None, f"{p.woorden.stap1} beantwoordt '{nee[0]}' met nee, maar het hoogste niveau is "
                         f"'{top}' (alleen {p.basisniveau.code} past dan)", "traject.yaml", ("stap1", nee[0], "antwoord"))]
    return []


def _before_vaststelling(t, p, vandaag):
    vast = t.traject.vastgesteld
    if vast is None:
        return []
    return [Gevonden("participatie-voor-vaststelling", m.id, f"moment '{m.id}' ({m.datum.isoformat()}) ligt vóór de "
                     f"vaststelling van het plan ({vast.datum.isoformat()})", "planning.yaml", ("momenten", i, "datum"))
            for i, m in enumerate(t.planning.momenten) if active(m) and m.soort in DEELNAME and m.datum < vast.datum]


def _plan_changes(t, p, vandaag):
    if t.traject.vastgesteld is None:
        return []
    out = []
    for i, m in enumerate(t.planning.momenten):
        if m.geannuleerd:
            out.append(Gevonden("moment-geannuleerd", m.id, f"moment '{m.id}' is geannuleerd: {m.geannuleerd.reden}",
                                "planning.yaml", ("momenten", i, "geannuleerd")))
        if m.verplaatst:
            out.append(Gevonden("moment-verplaatst", m.id, f"moment '{m.id}' is verplaatst van "
                                f"{m.verplaatst[-1].van.isoformat()} naar {m.datum.isoformat()}",
                                "planning.yaml", ("momenten", i, "verplaatst")))
    return out


def _offered(t: Traject, p: Profiel, groep: str) -> list[str]:
    return [m.niveau for m in t.planning.momenten
            if active(m) and m.soort in DEELNAME and groep in m.doelgroepen and p.rank(m.niveau or "") >= 0]


def _lower_level(t, p, vandaag):
    """A group whose moments offer less influence than the adopted plan promised it."""
    out = []
    for i, g in enumerate(t.traject.omgevingsanalyse):
        if not g.niveau or g.fasen or p.rank(g.niveau) < 0:
            continue
        offered = _offered(t, p, g.groep)
        if offered and max(p.rank(lv) for lv in offered) < p.rank(g.niveau):
            top = max(offered, key=p.rank)
            out.append(Gevonden("niveau-gewijzigd", g.groep, f"groep '{g.groep}' krijgt in de planning hooguit '{top}', "
                                f"terwijl het plan '{g.niveau}' belooft", "traject.yaml", ("omgevingsanalyse", i, "niveau")))
    return out


def _unreached_groups(t, p, vandaag):
    if t.traject.vastgesteld is None or not t.planning.momenten:
        return []
    reached = {g for m in t.planning.momenten if active(m) and m.soort in DEELNAME for g in m.doelgroepen}
    return [Gevonden("doelgroep-niet-bereikt", g.groep, f"voor groep '{g.groep}' staat geen participatiemoment "
                     "in de planning", "traject.yaml", ("omgevingsanalyse", i, "groep"))
            for i, g in enumerate(t.traject.omgevingsanalyse)
            if g.niveau and p.rank(g.niveau) > 0 and g.groep not in reached]


def _advice_not_followed(t, p, vandaag):
    moments = {m.id: m for m in t.planning.momenten}
    default = highest_level(t, p)
    out = []
    for i, inbreng in enumerate(t.terugkoppeling.inbreng):
        moment = moments.get(inbreng.moment or "")
        level = (moment.niveau if moment and moment.niveau else default) or ""
        if inbreng.uitkomst in ("niet overgenomen", "deels overgenomen") and p.rank(level) >= p.rank(p.advies_vanaf) >= 0:
            out.append(Gevonden("advies-niet-gevolgd", inbreng.id, f"inbreng '{inbreng.id}' is '{inbreng.uitkomst}' "
                                f"bij niveau '{level}'", "terugkoppeling.yaml", ("inbreng", i, "uitkomst")))
    return out


def _radiostilte(t, p, vandaag):
    if p.normen.terugkoppeltermijn_dagen is None:
        return []
    termijn = dt.timedelta(days=p.normen.terugkoppeltermijn_dagen)
    replies = [m.datum for m in t.planning.momenten if active(m) and m.soort == "terugkoppeling"]
    replies += [n.datum for n in t.traject.nieuws]
    out = []
    for i, m in enumerate(t.planning.momenten):
        end = einde(m)
        if not (active(m) and m.soort in TERUGKOPPELING_NODIG and end + termijn < vandaag):
            continue
        if not any(end <= r <= end + termijn for r in replies):
            out.append(Gevonden("radiostilte", m.id, f"na moment '{m.id}' ({end.isoformat()}) volgde binnen "
                                f"{termijn.days} dagen geen terugkoppeling of nieuwsbericht",
                                "planning.yaml", ("momenten", i, "datum")))
    return out


def _besluit_without_eindverslag(t, p, vandaag):
    if eindverslag_complete(t, p):
        return []
    return [Gevonden("besluit-zonder-eindverslag", m.id, f"besluit '{m.id}' ({m.datum.isoformat()}) is voorbij, "
                     "maar het eindverslag is niet compleet", "planning.yaml", ("momenten", i, "datum"))
            for i, m in enumerate(t.planning.momenten) if active(m) and m.soort == "besluit" and m.datum < vandaag]


def _bestuursstijl(t, p, vandaag):
    """Overbetuwe §1.2: the bestuursstijl goes with the level for the whole process."""
    top, chosen = highest_level(t, p), t.traject.bestuursstijl
    expected = p.niveau(top).bestuursstijl if top else None
    if not (chosen and expected) or chosen == expected or p.bestuursstijl(chosen) is None:
        return []
    naam = p.bestuursstijl(expected).naam if p.bestuursstijl(expected) else expected
    return [Gevonden("bestuursstijl-past-niet", None, f"bestuursstijl '{chosen}' past niet bij het hoogste niveau "
                     f"'{top}'; daarbij hoort '{naam}'", "traject.yaml", ("bestuursstijl",))]


def _quickscan(t, p, vandaag):
    """A randvoorwaarde below the threshold means only the lowest level, unless motivated."""
    scan, scores, top = p.quickscan, t.traject.quickscan or {}, highest_level(t, p)
    if scan is None or not top or p.rank(top) <= p.rank(p.basisniveau.code):
        return []
    low = [k for k in scan.codes if scan.rank(scores.get(k, "")) >= 0 and scan.rank(scores[k]) < scan.rank(scan.drempel)]
    if not low:
        return []
    return [Gevonden("quickscan-onder-drempel", None, f"de quick scan geeft '{low[0]}' de score '{scores[low[0]]}' "
                     f"(onder '{scan.drempel}'), maar het hoogste niveau is '{top}' (alleen {p.basisniveau.code} past dan)",
                     "traject.yaml", ("quickscan", low[0]))]


def _excluded_topic(t, p, vandaag):
    code, top = t.traject.uitgesloten_onderwerp, highest_level(t, p)
    onderwerp = next((o for o in p.uitgesloten_onderwerpen if o.code == code), None)
    if onderwerp is None or not top or p.rank(top) <= p.rank(p.basisniveau.code):
        return []
    return [Gevonden("uitgesloten-onderwerp", None, f"het onderwerp valt onder '{onderwerp.naam}', dat het beleid uitsluit "
                     f"van interactief werken, maar het hoogste niveau is '{top}'", "traject.yaml", ("uitgesloten_onderwerp",))]


def _before_green_light(t, p, vandaag):
    """Overbetuwe §2.4: participation in a phase only after the green light for that phase."""
    if not p.fasen:
        return []
    given = {g.fase: g for g in t.traject.groen_licht}
    out = []
    for i, m in enumerate(t.planning.momenten):
        if not (m.fase and p.fase(m.fase) and active(m) and m.soort in DEELNAME):
            continue
        licht = given.get(m.fase)
        if licht is None and m.datum <= vandaag:
            out.append(Gevonden("voor-groen-licht", m.id, f"moment '{m.id}' ({m.datum.isoformat()}) in fase '{m.fase}' "
                                "vond plaats zonder groen licht voor die fase", "planning.yaml", ("momenten", i, "fase")))
        elif licht is not None and m.datum < licht.datum:
            out.append(Gevonden("voor-groen-licht", m.id, f"moment '{m.id}' ({m.datum.isoformat()}) ligt vóór het groene "
                                f"licht voor fase '{m.fase}' ({licht.datum.isoformat()})", "planning.yaml",
                                ("momenten", i, "datum")))
    return out


DETECTORS = (_outside_table, _stap1_nee, _bestuursstijl, _quickscan, _excluded_topic, _before_green_light, _before_vaststelling, _plan_changes, _lower_level,
             _unreached_groups, _advice_not_followed, _radiostilte, _besluit_without_eindverslag)


def match_declared(t: Traject, gevonden: Gevonden):
    """The declared afwijking that covers a detected one, if any: (index, Afwijking)."""
    for i, a in enumerate(t.traject.afwijkingen):
        if a.soort == gevonden.soort and (gevonden.betreft is None or a.betreft == gevonden.betreft):
            return i, a
    return None


def betreft_in_words(t: Traject, betreft: str | None) -> str | None:
    """What 'betreft' refers to, in words a resident reads: a moment's title, an input's summary, a group."""
    if not betreft:
        return None
    for m in t.planning.momenten:
        if m.id == betreft:
            return m.titel
    for i in t.terugkoppeling.inbreng:
        if i.id == betreft:
            return i.samenvatting
    return betreft
