"""Afwijkingen the data itself shows, and how each is accounted for (Dalfsen §2.3.1: the raad checks each one).

Each detector reads the trajectory against the profile and returns what it found, in words
with the values involved (level and allowed levels, style and level, score and threshold,
dates and terms), and the place in the files where staff would fix or explain it.
`account()` matches them with the afwijkingen declared in traject.yaml (one matcher, on
soort and 'betreft'): the result is what the raad reads, the pages show and the rules report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..load.yaml import Loc
from ..model.bestanden import Afwijking, Inbreng
from ..model.profiel import Doel, Profiel
from ..model.traject import Traject
from ..taal import kort, opsomming
from ..vocabulary import DEELNAME, TERUGKOPPELING_NODIG, UITKOMST_NIET_GEVOLGD
from .bereik import bereik
from .kalender import decisions_taken, einde, takes_place
from .volledigheid import eindverslag_parts


@dataclass(frozen=True)
class DetectedAfwijking:
    """A deviation the build found in the data itself."""

    soort: str
    betreft: str | None
    omschrijving: str  # what happened, with the values, in words staff and the raad both read
    bestand: str
    loc: Loc
    norm: str = ""  # the norm deviated from, when more precise than the kind's (vocabulary.AFWIJKING_NORMEN)


@dataclass(frozen=True)
class Verantwoording:
    """One afwijking as the raad reads it: found by the check, declared by staff, or both; motivated or not."""

    soort: str
    soort_naam: str  # in the profile's words
    betreft: str | None  # as written: a moment's or input's id, a group, a step
    betreft_naam: str | None  # in words: the moment's title, the input's summary, the group
    omschrijving: str  # what happened (found), or what staff wrote under 'wat' (declared only)
    wat: str | None  # what staff wrote under 'wat', when declared
    motivering: str | None
    gevonden: bool  # the check found it in the data
    opgegeven: bool  # declared in the file under 'afwijkingen:'
    bestand: str  # where to explain it
    loc: Loc
    norm: str = ""

    @property
    def gemotiveerd(self) -> bool:
        return bool(self.motivering)


def covers(a: Afwijking, g: DetectedAfwijking) -> bool:
    """The one rule for whether a declared afwijking explains a found one: same soort, and same 'betreft' if it has one."""
    return a.soort == g.soort and (g.betreft is None or a.betreft == g.betreft)


def account(
    found: list[DetectedAfwijking],
    declared: list[Afwijking],
    bestand: str,
    soort_naam: Callable[[str], str],
    words: Callable[[str | None], str | None],
) -> tuple[Verantwoording, ...]:
    """Every found afwijking with the declaration that covers it (if any), then every declaration that covers none."""
    out: list[Verantwoording] = []
    used: set[int] = set()
    for g in found:
        i = next((n for n, a in enumerate(declared) if covers(a, g)), None)
        a = declared[i] if i is not None else None
        if i is not None:
            used.add(i)
        out.append(
            Verantwoording(
                g.soort,
                soort_naam(g.soort),
                g.betreft,
                words(g.betreft),
                g.omschrijving,
                a.wat if a else None,
                a.motivering if a else None,
                True,
                a is not None,
                g.bestand,
                g.loc,
                g.norm,
            )
        )
    out += [
        Verantwoording(
            a.soort,
            soort_naam(a.soort),
            a.betreft,
            words(a.betreft),
            a.wat,
            a.wat,
            a.motivering,
            False,
            True,
            bestand,
            ("afwijkingen", n),
        )
        for n, a in enumerate(declared)
        if n not in used
    ]
    return tuple(out)


def account_traject(t: Traject, p: Profiel, vandaag: dt.date) -> tuple[Verantwoording, ...]:
    """The afwijkingen of a trajectory; none are looked for while a file is unreadable (they would not be real)."""
    assert t.traject is not None
    found = detect_afwijkingen(t, p, vandaag) if t.leesbaar else []
    return account(found, t.traject.afwijkingen, "traject.yaml", p.afwijking_naam, lambda b: betreft_in_words(t, b))


def levels_per_group(t: Traject, p: Profiel) -> dict[str, list[str]]:
    """Every level of the profile a stakeholder group gets, including per phase (an unknown one is rules.verwijzingen's)."""
    assert t.traject is not None
    return {
        g.groep: [lv for lv in [g.niveau, *[f.niveau for f in g.fasen]] if p.on_ladder(lv)]
        for g in t.traject.omgevingsanalyse
    }


def levels_used(t: Traject, p: Profiel) -> tuple[str, ...]:
    """The levels this trajectory gives any group, in the order of the profile's ladder."""
    used = {lv for lvs in levels_per_group(t, p).values() for lv in lvs}
    return tuple(code for code in p.niveau_codes if code in used)


def highest_level(t: Traject, p: Profiel) -> str | None:
    levels = levels_used(t, p)
    return levels[-1] if levels else None


def _naam(p: Profiel, code: str | None) -> str:
    n = p.niveau(code or "")
    return f"'{n.naam if n else code}'"


def detect_afwijkingen(t: Traject, p: Profiel, vandaag: dt.date) -> list[DetectedAfwijking]:
    found: list[DetectedAfwijking] = []
    for detector in DETECTORS:
        found += detector(t, p, vandaag)
    return found


def levels_against_table(t: Traject, p: Profiel) -> list[tuple[int, str, bool | None]]:
    """Each group's distinct levels (group index, level, whether the policy table allows it for this soort werk;
    None when there is no table or no soort werk): the one place that reads the table."""
    assert t.traject is not None
    soort = p.soort_werk(t.traject.soort_werk or "")
    levels = levels_per_group(t, p)
    return [
        (i, lv, (lv in soort.niveaus) if soort else None)
        for i, g in enumerate(t.traject.omgevingsanalyse)
        for lv in dict.fromkeys(levels[g.groep])
    ]


def _outside_table(t: Traject, p: Profiel, vandaag: dt.date) -> list[DetectedAfwijking]:
    assert t.traject is not None
    soort = p.soort_werk(t.traject.soort_werk or "")
    if soort is None:
        return []
    out: list[DetectedAfwijking] = []
    groups = t.traject.omgevingsanalyse
    for i, lv, inside in levels_against_table(t, p):
        g = groups[i]
        if inside is False:
            allowed = opsomming([_naam(p, c) for c in soort.niveaus])
            out.append(
                DetectedAfwijking(
                    "niveau-buiten-tabel",
                    g.groep,
                    f"groep '{g.groep}' krijgt {_naam(p, lv)}, maar bij "
                    f"'{soort.naam}' staat het beleid alleen {allowed} toe",
                    "traject.yaml",
                    ("omgevingsanalyse", i, "niveau"),
                    f"soorten_werk.{soort.code}",
                )
            )
    return out


def above_basis(t: Traject, p: Profiel) -> str | None:
    """The highest level, when it is more than the level that needs no interaction."""
    top = highest_level(t, p)
    return top if top and p.rank(top) > p.rank(p.basisniveau.code) else None


def _stap1_nee(t: Traject, p: Profiel, vandaag: dt.date) -> list[DetectedAfwijking]:
    assert t.traject is not None
    top = above_basis(t, p)
    if p.stap1_afweging:  # the policy weighs the criteria: the written weighing decides, not one 'nee'
        afweging = t.traject.afweging
        if not (top and afweging and afweging.conclusie == "niet-interactief"):
            return []
        return [
            DetectedAfwijking(
                "stap1-nee",
                None,
                f"{p.woorden.stap1} concludeerde 'niet interactief', maar groepen krijgen tot "
                f"en met {_naam(p, top)}; dan past alleen {_naam(p, p.basisniveau.code)}",
                "traject.yaml",
                ("afweging", "conclusie"),
            )
        ]
    antwoorden = t.traject.stap1 or {}
    nee = [k for k in p.stap1 if k in antwoorden and antwoorden[k].antwoord == "nee"]
    if not (nee and top):
        return []
    return [
        DetectedAfwijking(
            "stap1-nee",
            None,
            f"{p.woorden.stap1} beantwoordt de vraag '{nee[0]}' met nee, maar groepen "
            f"krijgen tot en met {_naam(p, top)}; dan past alleen {_naam(p, p.basisniveau.code)}",
            "traject.yaml",
            ("stap1", nee[0], "antwoord"),
        )
    ]


def _before_vaststelling(t: Traject, p: Profiel, vandaag: dt.date) -> list[DetectedAfwijking]:
    assert t.traject is not None
    vast = t.traject.vastgesteld
    if vast is None:
        return []
    return [
        DetectedAfwijking(
            "participatie-voor-vaststelling",
            m.id,
            f"moment '{m.titel}' ({kort(m.datum)}) ligt vóór de "
            f"vaststelling van het {p.woorden.plan} ({kort(vast.datum)})",
            "planning.yaml",
            ("momenten", i, "datum"),
        )
        for i, m in enumerate(t.planning.momenten)
        if takes_place(m) and m.soort in DEELNAME and m.datum < vast.datum
    ]


def _plan_changes(t: Traject, p: Profiel, vandaag: dt.date) -> list[DetectedAfwijking]:
    assert t.traject is not None
    if t.traject.vastgesteld is None:
        return []
    out: list[DetectedAfwijking] = []
    for i, m in enumerate(t.planning.momenten):
        if m.geannuleerd:
            out.append(
                DetectedAfwijking(
                    "moment-geannuleerd",
                    m.id,
                    f"moment '{m.titel}' ({kort(m.datum)}) is geannuleerd: {m.geannuleerd.reden.rstrip('.')}",
                    "planning.yaml",
                    ("momenten", i, "geannuleerd"),
                )
            )
        if m.verplaatst:
            out.append(
                DetectedAfwijking(
                    "moment-verplaatst",
                    m.id,
                    f"moment '{m.titel}' is verplaatst van {kort(m.verplaatst[-1].van)} naar {kort(m.datum)}",
                    "planning.yaml",
                    ("momenten", i, "verplaatst"),
                )
            )
    return out


def offered(t: Traject, p: Profiel, groep: str) -> list[str]:
    """The levels the active participation moments for a group offer it."""
    return [
        m.niveau
        for m in t.planning.momenten
        if takes_place(m)
        and m.soort in DEELNAME
        and groep in m.doelgroepen
        and m.niveau is not None
        and p.rank(m.niveau) >= 0
    ]


def _lower_level(t: Traject, p: Profiel, vandaag: dt.date) -> list[DetectedAfwijking]:
    """A group whose moments offer less influence than the adopted plan promised it."""
    assert t.traject is not None
    out: list[DetectedAfwijking] = []
    for i, g in enumerate(t.traject.omgevingsanalyse):
        if not g.niveau or g.fasen or p.rank(g.niveau) < 0:
            continue
        levels = offered(t, p, g.groep)
        if levels and max(p.rank(lv) for lv in levels) < p.rank(g.niveau):
            top = max(levels, key=p.rank)
            out.append(
                DetectedAfwijking(
                    "niveau-gewijzigd",
                    g.groep,
                    f"groep '{g.groep}' krijgt in de planning hooguit "
                    f"{_naam(p, top)}, terwijl het plan {_naam(p, g.niveau)} belooft",
                    "traject.yaml",
                    ("omgevingsanalyse", i, "niveau"),
                )
            )
    return out


def _unreached_groups(t: Traject, p: Profiel, vandaag: dt.date) -> list[DetectedAfwijking]:
    assert t.traject is not None
    if t.traject.vastgesteld is None or not t.planning.momenten:
        return []
    reached = {g for m in t.planning.momenten if takes_place(m) and m.soort in DEELNAME for g in m.doelgroepen}
    return [
        DetectedAfwijking(
            "doelgroep-niet-bereikt",
            g.groep,
            f"voor groep '{g.groep}' ({p.woorden.niveau} "
            f"{_naam(p, g.niveau)}) staat geen participatiemoment in de planning",
            "traject.yaml",
            ("omgevingsanalyse", i, "groep"),
        )
        for i, g in enumerate(t.traject.omgevingsanalyse)
        if g.niveau and p.rank(g.niveau) > 0 and g.groep not in reached
    ]


def _not_taking_part(t: Traject, p: Profiel, vandaag: dt.date) -> list[DetectedAfwijking]:
    """Dalfsen §1.3.2 (4b): a group with more than the lowest level that none of its moments so far reached."""
    if p.bereik is None:
        return []
    woord = p.bereik.moeilijk_bereikbaar
    return [
        DetectedAfwijking(
            "groep-deed-niet-mee",
            g.groep,
            f"groep '{g.groep}' ({p.woorden.niveau} {_naam(p, g.niveau)}"
            f"{f', {woord}' if g.moeilijk_bereikbaar else ''}) deed niet mee aan "
            f"{opsomming(repr(m.titel) for m in g.momenten)}: geen verslag noemt haar bij 'bereikt'",
            "traject.yaml",
            ("omgevingsanalyse", g.index, "groep"),
        )
        for g in bereik(t, p, vandaag)
        if g.niet_bereikt and g.niveau and p.rank(g.niveau) > 0
    ]


def input_level(t: Traject, p: Profiel, inbreng: Inbreng) -> str:
    """The level input was given at: its moment's, or else the highest level of the trajectory."""
    moment = next((m for m in t.planning.momenten if m.id == inbreng.moment), None)
    return (moment.niveau if moment and moment.niveau else highest_level(t, p)) or ""


def not_followed(t: Traject, p: Profiel, vanaf: str | None, tot: str | None = None) -> list[tuple[int, Inbreng, str]]:
    """(index, input, level) of input not (fully) taken over at a level from `vanaf` up to (not including) `tot`."""
    if vanaf is None or p.rank(vanaf) < 0:
        return []
    out: list[tuple[int, Inbreng, str]] = []
    for i, inbreng in enumerate(t.terugkoppeling.inbreng):
        level = input_level(t, p, inbreng)
        if (
            inbreng.uitkomst in UITKOMST_NIET_GEVOLGD
            and p.rank(level) >= p.rank(vanaf)
            and (tot is None or p.rank(level) < p.rank(tot))
        ):
            out.append((i, inbreng, level))
    return out


def _outcome_not_followed(t: Traject, p: Profiel, vandaag: dt.date) -> list[DetectedAfwijking]:
    """Dalfsen bouwsteen 4: at coproduceren 'de politiek volgt de uitkomsten op': more than advice set aside."""
    if p.opvolgen_fout:  # then it is an error (rules.inbreng), not an afwijking to motivate
        return []
    return [
        DetectedAfwijking(
            "uitkomst-niet-opgevolgd",
            inbreng.id,
            f"de inbreng '{inbreng.samenvatting.rstrip('.')}' is "
            f"'{inbreng.uitkomst}'; ze kwam op {_naam(p, level)}, en vanaf {_naam(p, p.opvolgen_vanaf)} volgt de "
            "politiek de uitkomst op",
            "terugkoppeling.yaml",
            ("inbreng", i, "uitkomst"),
        )
        for i, inbreng, level in not_followed(t, p, p.opvolgen_vanaf)
    ]


def _advice_not_followed(t: Traject, p: Profiel, vandaag: dt.date) -> list[DetectedAfwijking]:
    return [
        DetectedAfwijking(
            "advies-niet-gevolgd",
            inbreng.id,
            f"de inbreng '{inbreng.samenvatting.rstrip('.')}' is "
            f"'{inbreng.uitkomst}'; ze kwam op {_naam(p, level)}, en vanaf {_naam(p, p.advies_vanaf)} is inbreng "
            "een advies",
            "terugkoppeling.yaml",
            ("inbreng", i, "uitkomst"),
        )
        for i, inbreng, level in not_followed(t, p, p.advies_vanaf, p.opvolgen_vanaf)
    ]


def _radiostilte(t: Traject, p: Profiel, vandaag: dt.date) -> list[DetectedAfwijking]:
    if p.normen.terugkoppeltermijn_dagen is None:
        return []
    assert t.traject is not None
    termijn = dt.timedelta(days=p.normen.terugkoppeltermijn_dagen)
    replies = [m.datum for m in t.planning.momenten if takes_place(m) and m.soort == "terugkoppeling"]
    replies += [n.datum for n in t.traject.nieuws]
    out: list[DetectedAfwijking] = []
    for i, m in enumerate(t.planning.momenten):
        end = einde(m)
        if not (takes_place(m) and m.soort in TERUGKOPPELING_NODIG and end + termijn < vandaag):
            continue
        if not any(end <= r <= end + termijn for r in replies):
            out.append(
                DetectedAfwijking(
                    "radiostilte",
                    m.id,
                    f"na moment '{m.titel}' ({kort(end)}) volgde binnen "
                    f"{termijn.days} dagen geen terugkoppeling of nieuwsbericht",
                    "planning.yaml",
                    ("momenten", i, "datum"),
                )
            )
    return out


def _besluit_without_eindverslag(t: Traject, p: Profiel, vandaag: dt.date) -> list[DetectedAfwijking]:
    missing = [kop for kop, ok in eindverslag_parts(t, p).items() if not ok]
    if not missing:
        return []
    return [
        DetectedAfwijking(
            "besluit-zonder-eindverslag",
            m.id,
            f"het besluit '{m.titel}' ({kort(m.datum)}) is genomen, maar "
            f"het eindverslag mist {opsomming(repr(k) for k in missing)}",
            "planning.yaml",
            ("momenten", i, "datum"),
        )
        for i, m in decisions_taken(t.planning.momenten, vandaag)
    ]


def _bestuursstijl(t: Traject, p: Profiel, vandaag: dt.date) -> list[DetectedAfwijking]:
    """Overbetuwe §1.2: the bestuursstijl goes with the level for the whole process."""
    assert t.traject is not None
    top, chosen = highest_level(t, p), t.traject.bestuursstijl
    niveau = p.niveau(top) if top else None  # top is one of the profile's levels (levels_used)
    expected = niveau.bestuursstijl if niveau else None
    gekozen = p.bestuursstijl(chosen)
    if not (chosen and expected) or chosen == expected or gekozen is None:
        return []
    stijl = p.bestuursstijl(expected)
    naam = stijl.naam if stijl else expected
    return [
        DetectedAfwijking(
            "bestuursstijl-past-niet",
            None,
            f"de bestuursstijl '{gekozen.naam}' past niet bij "
            f"{_naam(p, top)}, het hoogste niveau in dit traject; daarbij hoort '{naam}'",
            "traject.yaml",
            ("bestuursstijl",),
        )
    ]


def _quickscan(t: Traject, p: Profiel, vandaag: dt.date) -> list[DetectedAfwijking]:
    """A randvoorwaarde below the threshold means only the lowest level, unless motivated."""
    assert t.traject is not None
    scan, scores, top = p.quickscan, t.traject.quickscan or {}, above_basis(t, p)
    if scan is None or not top:
        return []
    low = [
        k for k in scan.codes if scan.rank(scores.get(k, "")) >= 0 and scan.rank(scores[k]) < scan.rank(scan.drempel)
    ]
    if not low:
        return []
    return [
        DetectedAfwijking(
            "quickscan-onder-drempel",
            None,
            f"de quick scan geeft '{low[0]}' de score '{scores[low[0]]}', onder "
            f"de drempel '{scan.drempel}', maar groepen krijgen tot en met {_naam(p, top)}; dan past "
            f"alleen {_naam(p, p.basisniveau.code)}",
            "traject.yaml",
            ("quickscan", low[0]),
        )
    ]


def excluded_topic(t: Traject, p: Profiel) -> tuple[Doel, str] | None:
    """(the excluded topic, the highest level) when a topic the policy excludes gets more than the level without interaction."""
    assert t.traject is not None
    code, top = t.traject.uitgesloten_onderwerp, above_basis(t, p)
    onderwerp = next((o for o in p.uitgesloten_onderwerpen if o.code == code), None)
    return (onderwerp, top) if onderwerp is not None and top else None


def _excluded_topic(t: Traject, p: Profiel, vandaag: dt.date) -> list[DetectedAfwijking]:
    found = None if p.uitgesloten_fout else excluded_topic(t, p)  # an error no motivation mends: rules.plan
    if found is None:
        return []
    onderwerp, top = found
    return [
        DetectedAfwijking(
            "uitgesloten-onderwerp",
            None,
            f"het onderwerp valt onder '{onderwerp.naam}', dat het beleid uitsluit "
            f"van interactief werken, maar groepen krijgen tot en met {_naam(p, top)}",
            "traject.yaml",
            ("uitgesloten_onderwerp",),
        )
    ]


def _before_groen_licht(t: Traject, p: Profiel, vandaag: dt.date) -> list[DetectedAfwijking]:
    """Overbetuwe §2.4: a green light per step 'is telkens maatwerk': where the plan agrees one, no participation before it."""
    if not p.fasen:
        return []
    assert t.traject is not None
    given = {g.fase: g for g in t.traject.groen_licht}
    out: list[DetectedAfwijking] = []
    for i, m in enumerate(t.planning.momenten):
        fase = p.fase(m.fase)
        if not (fase and takes_place(m) and m.soort in DEELNAME):
            continue
        licht = given.get(fase.code)  # the fase whose code m.fase is
        if licht is not None and m.datum < licht.datum:
            out.append(
                DetectedAfwijking(
                    "voor-groen-licht",
                    m.id,
                    f"moment '{m.titel}' ({kort(m.datum)}) ligt vóór het groene "
                    f"licht voor de fase '{fase.naam}' ({kort(licht.datum)})",
                    "planning.yaml",
                    ("momenten", i, "datum"),
                    f"fasen.{fase.code}",
                )
            )
    return out


def _plan_adopted_by(t: Traject, p: Profiel, vandaag: dt.date) -> list[DetectedAfwijking]:
    """Dalfsen §2.3.1: when the raad decides in the end, the raad adopts the plan (as part of a startnotitie)."""
    assert t.traject is not None
    vast, eind = t.traject.vastgesteld, t.traject.besluit_door
    nodig = p.vaststelling_door.get(eind or "")
    if vast is None or nodig is None or vast.door == nodig:
        return []
    return [
        DetectedAfwijking(
            "vaststelling-door",
            None,
            f"{p.orgaan(vast.door)} stelde het {p.woorden.plan} vast, maar omdat "
            f"{p.orgaan(eind)} uiteindelijk besluit, hoort {p.orgaan(nodig)} het vast te stellen",
            "traject.yaml",
            ("vastgesteld", "door"),
        )
    ]


def _competent_body(t: Traject, p: Profiel, vandaag: dt.date) -> list[DetectedAfwijking]:
    """Leiderdorp Ad 1: the raad is competent for vision and policy, the college for implementation."""
    assert t.traject is not None
    soort = p.soort_werk(t.traject.soort_werk or "")
    if soort is None or soort.bevoegd is None:
        return []
    tb = t.traject
    out: list[DetectedAfwijking] = []
    for veld, door, wat in (
        ("besluit_door", tb.besluit_door, "besluit over de uitkomst"),
        ("vastgesteld", tb.vastgesteld.door if tb.vastgesteld else None, "stelde het plan vast"),
    ):
        if door and door != soort.bevoegd:
            out.append(
                DetectedAfwijking(
                    "bevoegd-orgaan",
                    veld,
                    f"{p.orgaan(door)} {wat}, maar bij '{soort.naam}' is {p.orgaan(soort.bevoegd)} bevoegd",
                    "traject.yaml",
                    ("besluit_door",) if veld == "besluit_door" else ("vastgesteld", "door"),
                )
            )
    return out


DETECTORS: tuple[Callable[[Traject, Profiel, dt.date], list[DetectedAfwijking]], ...] = (
    _outside_table,
    _stap1_nee,
    _bestuursstijl,
    _quickscan,
    _excluded_topic,
    _before_groen_licht,
    _before_vaststelling,
    _plan_changes,
    _lower_level,
    _unreached_groups,
    _not_taking_part,
    _advice_not_followed,
    _radiostilte,
    _besluit_without_eindverslag,
    _outcome_not_followed,
    _plan_adopted_by,
    _competent_body,
)


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
