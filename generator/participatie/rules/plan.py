"""The plan van aanpak (Dalfsen §2.1.2–2.1.4): stap 1, the bouwstenen and plan parts, vaststelling, stopping.

What each status demands comes from the profile ('statussen'); a stopped trajectory keeps
the demands of the furthest status it reached, so a vastgesteld plan stays one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..derive.afwijkingen import above_basis
from ..derive.afwijkingen import excluded_topic as excluded_topic_of
from ..derive.status import reached, status_eisen
from ..derive.volledigheid import ELEMENTS, missing_kader_categories, plan_elements
from ..findings import FORMAAT, PRODUCT, Ernst, Finding, regel
from ..model.profiel import Profiel
from ..model.traject import Traject

if TYPE_CHECKING:
    from . import Context
from ..vocabulary import BASISVELDEN

F, W = Ernst.FOUT, Ernst.WAARSCHUWING
BASIS = regel(
    "plan.basis", "een basisveld van traject.yaml (samenvatting, soort werk, contact …) ontbreekt", bron=PRODUCT
)
ONDERDEEL = regel("plan.onderdeel", "een onderdeel van het plan van aanpak ontbreekt", norm="plan_onderdelen")
VASTGESTELD = regel(
    "plan.vastgesteld", "de status vraagt een vastgesteld plan, maar 'vastgesteld' ontbreekt", norm="statussen"
)
GESTOPT_ONTBREEKT = regel("status.gestopt-zonder-reden", "status 'gestopt' zonder datum en reden", bron=FORMAAT)
GESTOPT_LOOPT = regel(
    "status.gestopt-maar-loopt", "'gestopt' is ingevuld, maar de status is niet 'gestopt'", bron=FORMAAT
)
STAP1_ONTBREEKT = regel("stap1.vraag-ontbreekt", "een vraag van stap 1 is niet beantwoord", norm="stap1")
STAP1_NEE = regel("stap1.nee-zonder-toelichting", "stap 1 is met 'nee' beantwoord zonder toelichting", norm="stap1")
KADERCATEGORIE = regel(
    "plan.kadercategorie",
    "een soort kader die het beleid in elk plan vraagt, zonder kader en zonder 'geen'",
    norm="kaders_verplicht",
)
UITGESLOTEN = regel(
    "plan.uitgesloten-onderwerp",
    "een onderwerp dat het beleid uitsluit van interactief werken, toch interactief",
    norm="uitgesloten_onderwerpen",
)
AFWEGING = regel(
    "stap1.afweging-ontbreekt", "de afweging of het traject interactief wordt, staat er niet", norm="stap1_afweging"
)
DOEL_BEREIKT = regel("eind.doel-bereikt", "bij de afronding staat niet of het doel is bereikt", norm="statussen")
REPRESENTATIEF = regel(
    "eind.representativiteit",
    "bij de afronding staat niet of de deelnemers representatief waren, of wat de raad besloot toen ze het niet waren",
    norm="statussen",
)
QUICKSCAN_ONTBREEKT = regel(
    "quickscan.vraag-ontbreekt", "een randvoorwaarde van de quick scan heeft geen score", norm="quickscan"
)


def _severity(level: str | None) -> Ernst | None:
    return Ernst(level) if level else None


def basis_fields(t: Traject, ctx: Context) -> list[Finding]:
    assert t.traject is not None
    ernst, tb = _severity(status_eisen(t, ctx.profiel).plan), t.traject
    if ernst is None:
        return []
    need = "verplicht" if ernst is F else "nodig voordat het plan wordt vastgesteld"
    return [
        t.finding(
            ernst,
            "traject.yaml",
            (name,),
            f"'{name}' ontbreekt; bij status '{tb.status}' is dat {need}.",
            f"Vul '{name}:' in traject.yaml in.",
            code=BASIS,
            key=True,
            publiek=f"'{name.replace('_', ' ')}'",
        )
        for name in BASISVELDEN
        if getattr(tb, name) in (None, [], "") and (name != "soort_werk" or ctx.profiel.soorten_werk)
    ]  # without a table, soort werk decides nothing


def plan_parts(t: Traject, ctx: Context) -> list[Finding]:
    p = ctx.profiel
    ernst = _severity(status_eisen(t, p).plan)
    if ernst is None or p.plan_alleen_interactief and not above_basis(t, p):  # 'Indien tot interactief werken ...'
        return []
    out = []
    for element, ok in plan_elements(t, p).items():
        e = ELEMENTS[element]
        parts = [f"{o.nummer}. {o.naam}" for o in p.plan_onderdelen if element in o.velden]
        if ok or e.file in t.onleesbaar or not parts:
            continue
        if element == "kaders" and t.kaders.kaders:  # only kinds of kader are missing: kader_categories names each one
            continue
        out.append(
            t.finding(
                ernst,
                e.file,
                e.loc,
                f"het {p.woorden.plan} mist '{element}' (onderdeel {', '.join(parts)}).",
                e.hint,
                code=ONDERDEEL,
                publiek=f"{e.name} ({p.woorden.plan}, onderdeel {', '.join(parts)})",
            )
        )
    return out


def vaststelling(t: Traject, ctx: Context) -> list[Finding]:
    assert t.traject is not None
    ernst, tb = _severity(status_eisen(t, ctx.profiel).vastgesteld), t.traject
    if ernst is None or tb.vastgesteld is not None:
        return []
    return [
        t.finding(
            ernst,
            "traject.yaml",
            ("status",),
            f"bij status '{tb.status}' hoort een vastgesteld plan, maar 'vastgesteld' ontbreekt.",
            f"Voeg toe: 'vastgesteld:' met 'datum:' en 'door:' ({' of '.join(ctx.profiel.orgaan_codes)}).",
            code=VASTGESTELD,
            publiek=f"het besluit dat het {ctx.profiel.woorden.plan} vaststelt",
            norm=f"statussen.{reached(t)}",
        )
    ]


def stopping(t: Traject, ctx: Context) -> list[Finding]:
    assert t.traject is not None
    tb = t.traject
    ernst = _severity(status_eisen(t, ctx.profiel).gestopt)
    if ernst and tb.gestopt is None:
        return [
            t.finding(
                ernst,
                "traject.yaml",
                ("status",),
                "bij status 'gestopt' hoort een reden en een datum.",
                "Voeg toe: 'gestopt:' met 'datum:' en 'reden:'.",
                code=GESTOPT_ONTBREEKT,
                publiek="de datum en de reden waarom het traject is gestopt",
            )
        ]
    if tb.gestopt is not None and tb.status != "gestopt":
        return [
            t.finding(
                W,
                "traject.yaml",
                ("gestopt",),
                f"'gestopt' is ingevuld, maar de status is '{tb.status}'.",
                "Zet de status op 'gestopt' of haal 'gestopt' weg.",
                code=GESTOPT_LOOPT,
            )
        ]
    return []


def stap1(t: Traject, ctx: Context) -> list[Finding]:
    """Dalfsen §2.1.2: 'We kijken altijd eerst'; each 'nee' needs a reason, and means only informeren."""
    assert t.traject is not None
    p, stap = ctx.profiel, ctx.profiel.woorden.stap1
    antwoorden = t.traject.stap1
    out: list[Finding] = []
    if excluded(t, p):  # an excluded topic never reaches the weighing
        return []
    eisen = status_eisen(t, p)
    ernst = _severity(eisen.stap1) or W
    if antwoorden is None:
        if p.stap1 and eisen.stap1:
            out.append(
                t.finding(
                    ernst,
                    "traject.yaml",
                    (),
                    f"{stap} ontbreekt; bij status '{t.traject.status}' moet elke vraag beantwoord zijn.",
                    f"Voeg 'stap1:' toe met per vraag ({', '.join(p.stap1)}) "
                    "'antwoord: ja' of 'nee' en een toelichting.",
                    code=STAP1_ONTBREEKT,
                    publiek=f"de antwoorden op de vragen van {stap}",
                )
            )
        return out + weighing(t, ctx)
    for vraag, tekst in p.stap1.items():
        antwoord = antwoorden.get(vraag)
        if antwoord is None:
            out.append(
                t.finding(
                    ernst,
                    "traject.yaml",
                    ("stap1",),
                    f"{stap} mist de vraag '{vraag}': {tekst}",
                    f"Voeg '{vraag}:' toe met 'antwoord: ja' of 'nee' en een toelichting.",
                    code=STAP1_ONTBREEKT,
                    publiek=f"het antwoord op een vraag van {stap}" if ernst is F else "",
                )
            )
        elif antwoord.antwoord == "nee" and not antwoord.toelichting:
            out.append(
                t.finding(
                    F,
                    "traject.yaml",
                    ("stap1", vraag, "antwoord"),
                    f"{stap} '{vraag}' is 'nee' zonder toelichting.",
                    "Leg in 'toelichting' uit waarom.",
                    code=STAP1_NEE,
                    publiek=f"uitleg waarom inwoners niet meer invloed krijgen ({stap})",
                )
            )
    return out + weighing(t, ctx)


def excluded(t: Traject, p: Profiel) -> bool:
    """A topic the policy excludes never reaches the weighing (Leiderdorp Ad 1)."""
    assert t.traject is not None
    return p.uitgesloten_fout and any(o.code == t.traject.uitgesloten_onderwerp for o in p.uitgesloten_onderwerpen)


def weighing(t: Traject, ctx: Context) -> list[Finding]:
    """Leiderdorp Ad 1: not one 'nee' decides, but a weighing of all criteria, written down and motivated."""
    assert t.traject is not None
    p = ctx.profiel
    ernst = _severity(status_eisen(t, p).stap1)
    if not p.stap1_afweging or t.traject.afweging is not None or ernst is None or excluded(t, p):
        return []
    return [
        t.finding(
            ernst,
            "traject.yaml",
            (),
            f"de afweging of dit traject interactief wordt, staat er niet; bij status "
            f"'{t.traject.status}' is die nodig.",
            "Zet onder 'afweging:' de 'conclusie' (interactief of "
            "niet-interactief) en een 'motivering' die alle criteria weegt, en zegt of ontbrekende "
            "randvoorwaarden alsnog te creëren zijn.",
            code=AFWEGING,
            publiek="de afweging of het traject interactief wordt",
        )
    ]


def excluded_topic(t: Traject, ctx: Context) -> list[Finding]:
    """Leiderdorp Ad 1: some topics are not fit for interaction at all; no motivation makes them so."""
    found = excluded_topic_of(t, ctx.profiel) if ctx.profiel.uitgesloten_fout else None
    if found is None:
        return []
    onderwerp, top = found
    niveau = ctx.profiel.niveau(top)
    assert niveau is not None, "excluded_topic gives one of the profile's levels"
    naam = niveau.naam
    return [
        t.finding(
            F,
            "traject.yaml",
            ("uitgesloten_onderwerp",),
            f"het onderwerp valt onder '{onderwerp.naam}', dat "
            f"het beleid uitsluit van interactief werken, maar groepen krijgen tot en met '{naam}'.",
            f"Geef elke groep '{ctx.profiel.basisniveau.naam}', of kies een ander onderwerp; een motivering "
            "maakt dit niet goed.",
            code=UITGESLOTEN,
            publiek=f"een onderwerp dat het beleid uitsluit ({onderwerp.naam.lower()}) krijgt toch inspraak",
        )
    ]


def kader_categories(t: Traject, ctx: Context) -> list[Finding]:
    """Dalfsen plan van aanpak, onderdeel 4: 'In ieder geval' every kind of kader, or why there is none."""
    ernst = _severity(status_eisen(t, ctx.profiel).plan)
    if ernst is None or not t.kaders.kaders:  # no kaders at all (or unreadable): plan_parts or the file says so
        return []
    return [
        t.finding(
            ernst,
            "kaders.yaml",
            ("kaders",),
            f"er staat geen {categorie} kader, en ook niet dat er geen is.",
            f"Zet een kader met 'categorie: {categorie}' in kaders.yaml, of onder 'geen:' "
            f"'{{categorie: {categorie}, toelichting: ...}}' met waarom er geen is.",
            code=KADERCATEGORIE,
            publiek=f"de {categorie} kaders ({ctx.profiel.woorden.plan})",
        )
        for categorie in missing_kader_categories(t, ctx.profiel)
    ]


def afterwards(t: Traject, ctx: Context) -> list[Finding]:
    """At the end: was the goal reached (Dalfsen §1.2), were the participants representative (Leiderdorp Ad 2, aspect 4)."""
    assert t.traject is not None
    eisen, tb = status_eisen(t, ctx.profiel), t.traject
    out: list[Finding] = []
    norm = f"statussen.{reached(t)}"
    if eisen.doel_bereikt and tb.doel_bereikt is None:
        out.append(
            t.finding(
                Ernst(eisen.doel_bereikt),
                "traject.yaml",
                (),
                "er staat niet of het doel van het traject is bereikt.",
                "Zet onder 'doel_bereikt:' het 'oordeel' (ja, deels of nee) en een 'toelichting'.",
                code=DOEL_BEREIKT,
                publiek="of het doel is bereikt",
                norm=norm,
            )
        )
    if eisen.representativiteit and (
        tb.representativiteit is None
        or tb.representativiteit.oordeel == "onvoldoende"
        and not tb.representativiteit.besluit_raad
    ):
        wat = (
            "er staat niet of de deelnemers representatief waren."
            if tb.representativiteit is None
            else "de deelnemers waren niet representatief, maar er staat niet wat de raad besloot over een toetsing."
        )
        out.append(
            t.finding(
                Ernst(eisen.representativiteit),
                "traject.yaml",
                ("representativiteit",),
                wat,
                "Zet onder 'representativiteit:' het 'oordeel' en een 'toelichting'; bij 'onvoldoende' ook "
                "'besluit_raad'.",
                code=REPRESENTATIEF,
                publiek="of de deelnemers representatief waren",
                norm=norm,
            )
        )
    return out


def quickscan(t: Traject, ctx: Context) -> list[Finding]:
    """Overbetuwe §2.1 (and any profile with a quick scan): every randvoorwaarde gets a score."""
    assert t.traject is not None
    scan, scores = ctx.profiel.quickscan, t.traject.quickscan
    if scan is None or scores is None:
        return []
    return [
        t.finding(
            W,
            "traject.yaml",
            ("quickscan",),
            f"de quick scan mist '{v.code}': {v.vraag}",
            f"Voeg '{v.code}:' toe met een score: {', '.join(scan.schaal)}.",
            code=QUICKSCAN_ONTBREEKT,
            key=True,
        )
        for v in scan.vragen
        if v.code not in scores
    ]


RULES = (
    basis_fields,
    plan_parts,
    kader_categories,
    vaststelling,
    stopping,
    stap1,
    excluded_topic,
    quickscan,
    afterwards,
)
