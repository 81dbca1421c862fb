"""Completeness (Dalfsen §3.6): which plan elements, bouwstenen, plan parts and eindverslag parts are there."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..load.markdown import strip_comments
from ..load.yaml import Loc
from ..model.bestanden import TrajectBestand
from ..model.profiel import Onderdeel, Profiel, StatusEisen
from ..model.traject import Traject
from ..vocabulary import DEELNAME, PlanElement
from .kalender import final_decision


@dataclass(frozen=True)
class Element:
    """A plan element staff fill in: what readers call it, where it lives, the hint when it is missing, and when
    it counts as filled in. A profile's plan parts and bouwstenen are lists of these elements."""

    code: PlanElement
    name: str  # in a sentence: 'de doelen'
    file: str
    loc: Loc  # where in the file; () is the whole file
    hint: str
    filled: Callable[[Traject, Profiel | None], bool]


def _tb(t: Traject) -> TrajectBestand:
    assert t.traject is not None, "only for a trajectory whose traject.yaml was read"
    return t.traject


_ELEMENTS = (
    Element(
        "opgave",
        "de opgave",
        "opgave.md",
        (),
        "Schrijf in opgave.md waar het over gaat.",
        lambda t, p: bool(t.opgave and strip_comments(t.opgave.text)),
    ),
    Element(
        "doelen",
        "de doelen",
        "traject.yaml",
        ("doelen",),
        "Noem bij 'doelen' één of meer doelen uit het beleid.",
        lambda t, p: bool(_tb(t).doelen),
    ),
    Element(
        "omgevingsanalyse",
        "de omgevingsanalyse",
        "traject.yaml",
        ("omgevingsanalyse",),
        "Zet elke groep in de matrix met 'belang' en 'invloed'.",
        lambda t, p: bool(groups := _tb(t).omgevingsanalyse) and all(g.belang and g.invloed for g in groups),
    ),
    Element(
        "kaders",
        "de kaders",
        "kaders.yaml",
        (),
        "Noem de harde en zachte kaders in kaders.yaml.",
        lambda t, p: bool(t.kaders.kaders) and not (p is not None and missing_kader_categories(t, p)),
    ),
    Element(
        "niveaus",
        "het niveau per groep",
        "traject.yaml",
        ("omgevingsanalyse",),
        "Geef elke groep een 'niveau'.",
        lambda t, p: bool(groups := _tb(t).omgevingsanalyse) and all(g.niveau for g in groups),
    ),
    Element(
        "werkvormen",
        "de werkvormen",
        "traject.yaml",
        ("werkvormen",),
        "Noem bij 'werkvormen' hoe u mensen betrekt.",
        lambda t, p: bool(_tb(t).werkvormen),
    ),
    Element(
        "planning",
        "de planning",
        "planning.yaml",
        (),
        "Zet de participatiemomenten in planning.yaml.",
        lambda t, p: any(m.soort in DEELNAME for m in t.planning.momenten),
    ),
    Element(
        "besluitmoment",
        "het besluitmoment",
        "planning.yaml",
        (),
        "Zet het besluitmoment (soort: besluit) in planning.yaml.",
        lambda t, p: any(final_decision(m) for m in t.planning.momenten),
    ),
    Element(
        "communicatie",
        "de communicatie",
        "traject.yaml",
        ("communicatie",),
        "Beschrijf bij 'communicatie' hoe u uitnodigt en terugkoppelt.",
        lambda t, p: bool(_tb(t).communicatie),
    ),
    Element(
        "capaciteit",
        "de capaciteit",
        "traject.yaml",
        ("capaciteit",),
        "Beschrijf bij 'capaciteit' welke uren en welk geld er zijn.",
        lambda t, p: bool(_tb(t).capaciteit),
    ),
    Element(
        "bestuursstijl",
        "de bestuursstijl",
        "traject.yaml",
        ("bestuursstijl",),
        "Kies bij 'bestuursstijl' de stijl die bij het niveau past.",
        lambda t, p: bool(_tb(t).bestuursstijl),
    ),
    Element(
        "quickscan",
        "de quick scan",
        "traject.yaml",
        ("quickscan",),
        "Geef bij 'quickscan' elke randvoorwaarde een score.",
        lambda t, p: bool(
            (q := _tb(t).quickscan) and (p is None or p.quickscan is None or set(p.quickscan.codes) <= set(q))
        ),
    ),
    Element(
        "kansen",
        "de kansen en bedreigingen",
        "traject.yaml",
        ("kansen_bedreigingen",),
        "Beschrijf bij 'kansen_bedreigingen' wat het traject laat slagen en wat het bedreigt.",
        lambda t, p: bool(_tb(t).kansen_bedreigingen),
    ),
    Element(
        "taakverdeling",
        "de taakverdeling",
        "traject.yaml",
        ("taakverdeling",),
        "Beschrijf bij 'taakverdeling' wie wat doet: bestuur, ambtenaren, inwoners, organisaties.",
        lambda t, p: bool(_tb(t).taakverdeling),
    ),
    Element(
        "groen_licht",
        "het groene licht per fase",
        "traject.yaml",
        ("groen_licht",),
        "Zet bij 'groen_licht' per fase wie groen licht gaf en wanneer.",
        lambda t, p: bool(_tb(t).groen_licht),
    ),
    Element(
        "doel_concreet",
        "het concrete doel",
        "traject.yaml",
        ("doel_toelichting",),
        "Beschrijf bij 'doel_toelichting' het concrete doel, waaraan u achteraf toetst.",
        lambda t, p: bool(_tb(t).doel_toelichting),
    ),
    Element(
        "weging",
        "hoe zwaar het advies weegt",
        "traject.yaml",
        ("weging",),
        "Zeg bij 'weging' vooraf hoe zwaar het advies weegt.",
        lambda t, p: bool(_tb(t).weging),
    ),
    Element(
        "verantwoording",
        "de momenten voor de politiek",
        "traject.yaml",
        ("verantwoording",),
        "Beschrijf bij 'verantwoording' wanneer en hoe de politiek onderweg wordt bijgepraat.",
        lambda t, p: bool(_tb(t).verantwoording),
    ),
    Element(
        "mandaat",
        "het mandaat van de raad",
        "traject.yaml",
        ("mandaat",),
        "Zet bij 'mandaat' wat de raad vooraf meegaf en wanneer (stelde de raad het plan zelf vast, zeg dat).",
        lambda t, p: bool(_tb(t).mandaat),
    ),
)
ELEMENTS: dict[PlanElement, Element] = {e.code: e for e in _ELEMENTS}


def plan_elements(t: Traject, p: Profiel | None = None) -> dict[PlanElement, bool]:
    """Which of the product's plan elements are filled in (the quick scan against the profile's questions)."""
    return {code: e.filled(t, p) for code, e in ELEMENTS.items()}


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
