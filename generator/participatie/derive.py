"""Derive stage: what the data implies — detected afwijkingen, completeness, plan elements."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .model import Moment
from .profile import Profiel
from .project import Traject

DEELNAME = ("bijeenkomst", "online", "inloop", "inspraak")
AFWIJKINGSSOORTEN = {
    "niveau-buiten-tabel": "Betrokkenheidsniveau buiten de beleidstabel",
    "stap1-nee": "Stap 1 gaf 'nee', toch meer dan informeren",
    "participatie-voor-vaststelling": "Participatie vóór vaststelling van het plan",
    "moment-geannuleerd": "Moment uit het plan is geannuleerd",
    "moment-verplaatst": "Moment uit het plan is verplaatst",
    "niveau-gewijzigd": "Lager niveau dan in het plan",
    "doelgroep-niet-bereikt": "Doelgroep zonder participatiemoment",
    "advies-niet-gevolgd": "Advies niet (helemaal) overgenomen",
    "radiostilte": "Geen terugkoppeling binnen de termijn",
    "besluit-zonder-eindverslag": "Besluit genomen zonder eindverslag",
    "overig": "Andere afwijking",
}


@dataclass(frozen=True)
class Gevonden:
    """A deviation the build found in the data itself."""

    soort: str
    betreft: str | None
    omschrijving: str
    bestand: str
    loc: tuple


def active(m: Moment) -> bool:
    return m.geannuleerd is None


def group_levels(t: Traject) -> dict[str, list[str]]:
    """Every level a stakeholder group gets, including per phase."""
    return {g.groep: [lv for lv in [g.niveau, *[f.niveau for f in g.fasen]] if lv] for g in t.traject.omgevingsanalyse}


def highest_level(t: Traject, p: Profiel) -> str | None:
    levels = [lv for lvs in group_levels(t).values() for lv in lvs if p.rank(lv) >= 0]
    return max(levels, key=p.rank) if levels else None


def detect_afwijkingen(t: Traject, p: Profiel, vandaag: dt.date) -> list[Gevonden]:
    found: list[Gevonden] = []
    for rule in (_outside_table, _stap1_nee, _before_vaststelling, _plan_changes, _lower_level,
                 _unreached_groups, _advice_not_followed, _radiostilte, _besluit_without_eindverslag):
        found += rule(t, p, vandaag)
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
    stap1 = t.traject.stap1
    if stap1 is None:
        return []
    nee = [k for k in ("ruimte", "onderwerp", "capaciteit") if getattr(stap1, k) and getattr(stap1, k).antwoord == "nee"]
    top = highest_level(t, p)
    if nee and top and p.rank(top) > 0:
        return [Gevonden("stap1-nee", None, f"stap 1 beantwoordt '{nee[0]}' met nee, maar het hoogste niveau is "
                         f"'{top}' (alleen informeren past dan)", "traject.yaml", ("stap1", nee[0], "antwoord"))]
    return []


def _before_vaststelling(t, p, vandaag):
    if t.traject.vastgesteld is None:
        return []
    early = [(i, m) for i, m in enumerate(t.planning.momenten)
             if active(m) and m.soort in DEELNAME and m.datum < t.traject.vastgesteld.datum]
    return [Gevonden("participatie-voor-vaststelling", m.id,
                     f"moment '{m.id}' ({m.datum.isoformat()}) ligt vóór de vaststelling van het plan "
                     f"({t.traject.vastgesteld.datum.isoformat()})", "planning.yaml", ("momenten", i, "datum"))
            for i, m in early]


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


def _lower_level(t, p, vandaag):
    """A group whose moments offer less influence than the adopted plan promised it."""
    out = []
    for i, g in enumerate(t.traject.omgevingsanalyse):
        if not g.niveau or g.fasen or p.rank(g.niveau) < 0:
            continue
        offered = [m.niveau for m in t.planning.momenten
                   if active(m) and m.soort in DEELNAME and g.groep in m.doelgroepen and p.rank(m.niveau or "") >= 0]
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
    termijn = dt.timedelta(days=p.normen.terugkoppeltermijn_dagen)
    replies = [m.datum for m in t.planning.momenten if active(m) and m.soort == "terugkoppeling"]
    replies += [n.datum for n in t.traject.nieuws]
    out = []
    for i, m in enumerate(t.planning.momenten):
        end = m.tot or m.datum
        if not (active(m) and m.soort in ("bijeenkomst", "inloop") and end + termijn < vandaag):
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


def match_declared(t: Traject, gevonden: Gevonden):
    """The declared afwijking that covers a detected one, if any."""
    for i, a in enumerate(t.traject.afwijkingen):
        if a.soort == gevonden.soort and (gevonden.betreft is None or a.betreft == gevonden.betreft):
            return i, a
    return None


# --- completeness -----------------------------------------------------------

def strip_comments(text: str) -> str:
    """Markdown without HTML comments (the templates' explanations), stripped."""
    return re.sub(r"<!--.*?-->", "", text, flags=re.S).strip()


def plan_elements(t: Traject) -> dict[str, bool]:
    """Which of the product's plan elements are present in the files."""
    tb = t.traject
    groups = tb.omgevingsanalyse
    return {
        "opgave": bool(t.opgave and strip_comments(t.opgave.text)),
        "doelen": bool(tb.doelen),
        "omgevingsanalyse": bool(groups) and all(g.belang and g.invloed for g in groups),
        "kaders": bool(t.kaders.kaders),
        "niveaus": bool(groups) and all(g.niveau for g in groups),
        "werkvormen": bool(tb.werkvormen),
        "planning": any(m.soort in DEELNAME for m in t.planning.momenten),
        "besluitmoment": any(m.soort == "besluit" for m in t.planning.momenten),
        "communicatie": bool(tb.communicatie),
        "capaciteit": bool(tb.capaciteit),
    }


def eindverslag_parts(t: Traject, p: Profiel) -> dict[str, bool]:
    sections = t.eindverslag.sections if t.eindverslag else {}
    return {o.kop: bool(strip_comments(sections.get(o.kop, (0, ""))[1])) for o in p.eindverslag_onderdelen}


def eindverslag_complete(t: Traject, p: Profiel) -> bool:
    return all(eindverslag_parts(t, p).values())


@dataclass(frozen=True)
class Volledigheid:
    bouwstenen: dict[str, bool]
    plan: dict[str, bool]
    eindverslag: dict[str, bool]

    @property
    def plan_pct(self) -> int:
        return round(100 * sum(self.plan.values()) / len(self.plan)) if self.plan else 100

    @property
    def eindverslag_pct(self) -> int:
        return round(100 * sum(self.eindverslag.values()) / len(self.eindverslag)) if self.eindverslag else 100

    @property
    def ontbreekt(self) -> list[str]:
        return [k for k, ok in self.plan.items() if not ok] + [f"eindverslag: {k}" for k, ok in self.eindverslag.items() if not ok]


def completeness(t: Traject, p: Profiel) -> Volledigheid:
    present = plan_elements(t)
    def label(o):
        return f"{o.nummer}. {o.naam}"
    return Volledigheid(
        bouwstenen={label(b): all(present[v] for v in b.velden) for b in p.bouwstenen},
        plan={label(o): all(present[v] for v in o.velden) for o in p.plan_onderdelen},
        eindverslag=eindverslag_parts(t, p),
    )
