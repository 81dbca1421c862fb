"""Words that must come from the policy profile or the site: niveaus, soort werk, doelen, kaders, kernen.

The profile is the gemeente's own policy (Dalfsen: bouwsteen 1, 3 and 4, and the table
'soort werk → niveau'); a word it does not know is a typing error or a rule nobody adopted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..findings import INSTELLINGEN, Ernst, Finding, regel
from ..load.yaml import Loc
from ..messages import suggest
from ..model.traject import Dossier, Traject

if TYPE_CHECKING:
    from . import Context

SOORT_WERK = regel("profiel.soort-werk", "een soort werk dat niet in het beleidsprofiel staat", norm="soorten_werk")
BESLUITORGAAN = regel(
    "profiel.besluitorgaan", "een besluitorgaan dat niet in het beleidsprofiel staat", norm="besluitorganen"
)
DOEL = regel("profiel.doel", "een doel dat niet in het beleidsprofiel staat", norm="doelen")
NIVEAU = regel("profiel.niveau", "een betrokkenheidsniveau dat niet in het beleidsprofiel staat", norm="niveaus")
KADERCATEGORIE = regel(
    "profiel.kadercategorie", "een kadercategorie die niet in het beleidsprofiel staat", norm="kadercategorieen"
)
STAP1_VRAAG = regel("profiel.stap1-vraag", "een vraag bij stap 1 die het beleidsprofiel niet stelt", norm="stap1")
BESTUURSSTIJL = regel(
    "profiel.bestuursstijl", "een bestuursstijl die niet in het beleidsprofiel staat", norm="bestuursstijlen"
)
QUICKSCAN_VRAAG = regel(
    "profiel.quickscan-vraag", "een randvoorwaarde van de quick scan die het beleidsprofiel niet kent", norm="quickscan"
)
WEGING = regel("profiel.weging", "een weging van het advies die niet in het beleidsprofiel staat", norm="wegingen")
QUICKSCAN_SCORE = regel(
    "profiel.quickscan-score",
    "een score in de quick scan die niet op de schaal van het profiel staat",
    norm="quickscan",
)
UITGESLOTEN = regel(
    "profiel.uitgesloten-onderwerp",
    "een uitgesloten onderwerp dat niet in het beleidsprofiel staat",
    norm="uitgesloten_onderwerpen",
)
ROL_RAAD = regel("profiel.rol-raad", "een rol van de raad die niet in het beleidsprofiel staat", norm="rollen_raad")
FASE = regel("profiel.fase", "een fase die niet in het beleidsprofiel staat", norm="fasen")
KERN = regel("kern.onbekend", "een kern of wijk die niet in de instellingen van de site staat", bron=INSTELLINGEN)


def _ref(
    t: Dossier, bestand: str, loc: Loc, value: str | None, options: list[str], what: str, code: str
) -> list[Finding]:
    if value is None or value in options:
        return []
    hint = f"Kies uit: {', '.join(options)}." if options else f"Dit beleidsprofiel kent geen {what}; haal het weg."
    return [
        t.finding(
            Ernst.FOUT,
            bestand,
            loc,
            f"'{value}' is geen {what} uit het beleidsprofiel.{suggest(value, options)}",
            hint,
            code=code,
        )
    ]


def levels_in_planning(t: Traject, ctx: Context) -> list[Finding]:
    p = ctx.profiel
    out = [
        f
        for i, m in enumerate(t.planning.momenten)
        for f in _ref(t, "planning.yaml", ("momenten", i, "niveau"), m.niveau, p.niveau_codes, p.woorden.niveau, NIVEAU)
    ]
    return out + [
        f
        for i, m in enumerate(t.planning.momenten)
        for f in _ref(t, "planning.yaml", ("momenten", i, "fase"), m.fase, [x.code for x in p.fasen], "fase", FASE)
    ]


def kader_categories(t: Traject, ctx: Context) -> list[Finding]:
    return [
        f
        for lijst in ("kaders", "geen")
        for i, k in enumerate(getattr(t.kaders, lijst))
        for f in _ref(
            t,
            "kaders.yaml",
            (lijst, i, "categorie"),
            k.categorie,
            ctx.profiel.kadercategorieen,
            "kadercategorie",
            KADERCATEGORIE,
        )
    ]


def plan_words(t: Traject, ctx: Context) -> list[Finding]:
    assert t.traject is not None
    tb, p = t.traject, ctx.profiel
    out = _ref(
        t, "traject.yaml", ("soort_werk",), tb.soort_werk, [s.code for s in p.soorten_werk], "soort werk", SOORT_WERK
    )
    out += _ref(t, "traject.yaml", ("besluit_door",), tb.besluit_door, p.orgaan_codes, "besluitorgaan", BESLUITORGAAN)
    if tb.vastgesteld:
        out += _ref(
            t,
            "traject.yaml",
            ("vastgesteld", "door"),
            tb.vastgesteld.door,
            p.orgaan_codes,
            "besluitorgaan",
            BESLUITORGAAN,
        )
    doelen = [d.code for d in p.doelen]
    if not p.doelen_open:  # where the policy gives examples, any goal may be written
        out += [
            f for i, d in enumerate(tb.doelen) for f in _ref(t, "traject.yaml", ("doelen", i), d, doelen, "doel", DOEL)
        ]
    out += _ref(
        t,
        "traject.yaml",
        ("bestuursstijl",),
        tb.bestuursstijl,
        [b.code for b in p.bestuursstijlen],
        "bestuursstijl",
        BESTUURSSTIJL,
    )
    out += _ref(t, "traject.yaml", ("weging",), tb.weging, p.wegingen, "weging van het advies", WEGING)
    out += _ref(
        t,
        "traject.yaml",
        ("uitgesloten_onderwerp",),
        tb.uitgesloten_onderwerp,
        [o.code for o in p.uitgesloten_onderwerpen],
        "uitgesloten onderwerp",
        UITGESLOTEN,
    )
    for i, rol in enumerate(tb.raad.rol if tb.raad else []):
        out += _ref(
            t, "traject.yaml", ("raad", "rol", i), rol, [r.code for r in p.rollen_raad], "rol van de raad", ROL_RAAD
        )
    for i, g in enumerate(tb.groen_licht):
        out += _ref(t, "traject.yaml", ("groen_licht", i, "fase"), g.fase, [x.code for x in p.fasen], "fase", FASE)
        out += _ref(
            t, "traject.yaml", ("groen_licht", i, "door"), g.door, p.orgaan_codes, "besluitorgaan", BESLUITORGAAN
        )
    return out


def quickscan_words(t: Traject, ctx: Context) -> list[Finding]:
    assert t.traject is not None
    scan, scores = ctx.profiel.quickscan, t.traject.quickscan or {}
    codes, schaal = (scan.codes, scan.schaal) if scan else ([], [])
    out: list[Finding] = []
    for key, score in scores.items():
        if key not in codes:
            out.append(
                t.finding(
                    Ernst.FOUT,
                    "traject.yaml",
                    ("quickscan", key),
                    f"'{key}' is geen randvoorwaarde van de quick scan in het beleidsprofiel.{suggest(key, codes)}",
                    f"De randvoorwaarden zijn: {', '.join(codes)}."
                    if codes
                    else "Dit beleidsprofiel kent geen quick scan; haal 'quickscan' weg.",
                    code=QUICKSCAN_VRAAG,
                    key=True,
                )
            )
        elif score not in schaal:
            out += _ref(
                t,
                "traject.yaml",
                ("quickscan", key),
                score,
                schaal,
                "score op de schaal van de quick scan",
                QUICKSCAN_SCORE,
            )
    return out


def group_levels(t: Traject, ctx: Context) -> list[Finding]:
    assert t.traject is not None
    levels = ctx.profiel.niveau_codes
    out: list[Finding] = []
    for i, g in enumerate(t.traject.omgevingsanalyse):
        out += _ref(
            t, "traject.yaml", ("omgevingsanalyse", i, "niveau"), g.niveau, levels, ctx.profiel.woorden.niveau, NIVEAU
        )
        for j, fase in enumerate(g.fasen):
            out += _ref(
                t,
                "traject.yaml",
                ("omgevingsanalyse", i, "fasen", j, "niveau"),
                fase.niveau,
                levels,
                ctx.profiel.woorden.niveau,
                NIVEAU,
            )
    for i, w in enumerate(t.traject.werkvormen):
        out += _ref(
            t, "traject.yaml", ("werkvormen", i, "niveau"), w.niveau, levels, ctx.profiel.woorden.niveau, NIVEAU
        )
    return out


def stap1_questions(t: Traject, ctx: Context) -> list[Finding]:
    assert t.traject is not None
    vragen = list(ctx.profiel.stap1)
    return [
        t.finding(
            Ernst.FOUT,
            "traject.yaml",
            ("stap1", key),
            f"'{key}' is geen vraag van {ctx.profiel.woorden.stap1} in het beleidsprofiel.{suggest(key, vragen)}",
            f"De vragen zijn: {', '.join(vragen)}.",
            code=STAP1_VRAAG,
            key=True,
        )
        for key in (t.traject.stap1 or {})
        if key not in ctx.profiel.stap1
    ]


def unknown_kernen(d: Dossier, bestand: str, kernen: list[str], ctx: Context) -> list[Finding]:
    """Kernen must be the site's own (mkdocs.yml), so each resident finds everything near them on one page."""
    if not ctx.kernen:
        return []
    return [
        d.finding(
            Ernst.FOUT,
            bestand,
            ("kernen", i),
            f"'{k}' is geen kern of wijk van deze site.{suggest(k, ctx.kernen)}",
            f"Kies uit: {', '.join(ctx.kernen)} (zie mkdocs.yml).",
            code=KERN,
        )
        for i, k in enumerate(kernen)
        if k not in ctx.kernen
    ]


def kernen(t: Traject, ctx: Context) -> list[Finding]:
    assert t.traject is not None
    return unknown_kernen(t, "traject.yaml", t.traject.kernen, ctx)


FILE_RULES = (levels_in_planning, kader_categories)
TRAJECT_RULES = (plan_words, group_levels, stap1_questions, quickscan_words, kernen)
