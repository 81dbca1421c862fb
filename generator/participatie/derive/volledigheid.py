"""Completeness (Dalfsen §3.6): which plan elements, bouwstenen, plan parts and eindverslag parts are there."""

from __future__ import annotations

from dataclasses import dataclass

from ..load.markdown import strip_comments
from ..model.profiel import Onderdeel, Profiel, StatusEisen
from ..model.traject import Traject
from ..vocabulary import DEELNAME, PlanElement
from .kalender import final_decision


def plan_elements(t: Traject, p: Profiel | None = None) -> dict[PlanElement, bool]:
    """Which of the product's plan elements are filled in (the quick scan against the profile's questions)."""
    tb = t.traject
    assert tb is not None, "only for a trajectory whose traject.yaml was read"
    groups = tb.omgevingsanalyse
    return {
        "opgave": bool(t.opgave and strip_comments(t.opgave.text)),
        "doelen": bool(tb.doelen),
        "omgevingsanalyse": bool(groups) and all(g.belang and g.invloed for g in groups),
        "kaders": bool(t.kaders.kaders) and not (p is not None and missing_kader_categories(t, p)),
        "niveaus": bool(groups) and all(g.niveau for g in groups),
        "werkvormen": bool(tb.werkvormen),
        "planning": any(m.soort in DEELNAME for m in t.planning.momenten),
        "besluitmoment": any(final_decision(m) for m in t.planning.momenten),
        "communicatie": bool(tb.communicatie),
        "capaciteit": bool(tb.capaciteit),
        "bestuursstijl": bool(tb.bestuursstijl),
        "quickscan": bool(
            tb.quickscan and (p is None or p.quickscan is None or set(p.quickscan.codes) <= set(tb.quickscan))
        ),
        "kansen": bool(tb.kansen_bedreigingen),
        "taakverdeling": bool(tb.taakverdeling),
        "groen_licht": bool(tb.groen_licht),
        "doel_concreet": bool(tb.doel_toelichting),
        "weging": bool(tb.weging),
        "verantwoording": bool(tb.verantwoording),
        "mandaat": bool(tb.mandaat),
    }


def missing_kader_categories(t: Traject, p: Profiel) -> list[str]:
    """The kinds of kader the policy asks in every plan that are neither named nor said to be absent."""
    if not p.kaders_verplicht:
        return []
    covered = {k.categorie for k in t.kaders.kaders} | {g.categorie for g in t.kaders.geen}
    return [c for c in p.kadercategorieen if c not in covered]


def eindverslag_parts(t: Traject, p: Profiel) -> dict[str, bool]:
    sections = t.eindverslag.sections if t.eindverslag else {}
    return {o.kop: bool(strip_comments(sections.get(o.kop, (0, ""))[1])) for o in p.eindverslag_onderdelen}


def label(o: Onderdeel) -> str:
    return f"{o.nummer}. {o.naam}"


@dataclass(frozen=True)
class Deel:
    """One part the raad checks (the bouwstenen, the plan, the eindverslag): what is there, its percentage, what is missing."""

    soort: str  # 'bouwstenen', 'plan' or 'eindverslag'
    onderdelen: dict[str, bool]
    nodig: bool  # the reached status makes a missing element an error

    @property
    def pct(self) -> int:
        return round(100 * sum(self.onderdelen.values()) / len(self.onderdelen)) if self.onderdelen else 100

    @property
    def ontbreekt(self) -> list[str]:
        return [k for k, ok in self.onderdelen.items() if not ok]

    @property
    def compleet(self) -> bool:
        return all(self.onderdelen.values())


@dataclass(frozen=True)
class Volledigheid:
    """Per bouwsteen, plan part and eindverslag part whether it is there, and whether the status already demands it."""

    bouwstenen: Deel
    plan: Deel
    eindverslag: Deel

    @property
    def delen(self) -> tuple[Deel, ...]:
        """The parts a profile has, in the order the raad reads them (not every profile has bouwstenen)."""
        return tuple(
            d for d in (self.bouwstenen, self.plan, self.eindverslag) if d.onderdelen or d.soort != "bouwstenen"
        )


def completeness(t: Traject, p: Profiel, eisen: StatusEisen) -> Volledigheid:
    present = plan_elements(t, p)
    return Volledigheid(
        bouwstenen=Deel(
            "bouwstenen", {label(b): all(present[v] for v in b.velden) for b in p.bouwstenen}, eisen.plan == "fout"
        ),
        plan=Deel(
            "plan", {label(o): all(present[v] for v in o.velden) for o in p.plan_onderdelen}, eisen.plan == "fout"
        ),
        eindverslag=Deel("eindverslag", eindverslag_parts(t, p), eisen.eindverslag == "fout"),
    )
