"""A policy profile must be consistent: every word it refers to is one it defines itself."""

from __future__ import annotations

from ..findings import PROFIEL, Ernst, Finding, Gevolg, regel
from ..load.yaml import Loc, Source
from ..messages import suggest
from ..model.profiel import Profiel, norms

BRON = regel(
    "profiel.bron",
    "een norm van het beleidsprofiel zonder bron in het beleid en zonder 'keuze'",
    Gevolg.TEGENHOUDEN,
    bron=PROFIEL,
)
VERWIJZING = regel(
    "profiel.verwijzing",
    "het beleidsprofiel noemt een niveau, stijl of score die het zelf niet definieert",
    Gevolg.TEGENHOUDEN,
    bron=PROFIEL,
)


def check_profile(p: Profiel, source: Source) -> list[Finding]:
    return check_references(p, source) + check_sources(p, source)


def check_references(p: Profiel, source: Source) -> list[Finding]:
    codes = p.niveau_codes
    refs: list[tuple[Loc, str, list[str], str, str]] = [(("advies_vanaf",), p.advies_vanaf, codes, "niveaus", "niveau")]
    if p.niveau_zonder_interactie is not None:
        refs.append((("niveau_zonder_interactie",), p.niveau_zonder_interactie, codes, "niveaus", "niveau"))
    refs += [
        (("soorten_werk", i, "niveaus", j), n, codes, "niveaus", "niveau")
        for i, s in enumerate(p.soorten_werk)
        for j, n in enumerate(s.niveaus)
    ]
    stijlen = [b.code for b in p.bestuursstijlen]
    refs += [
        (("niveaus", i, "bestuursstijl"), n.bestuursstijl, stijlen, "bestuursstijlen", "bestuursstijl")
        for i, n in enumerate(p.niveaus)
        if n.bestuursstijl is not None
    ]
    if p.quickscan is not None:
        refs.append((("quickscan", "drempel"), p.quickscan.drempel, p.quickscan.schaal, "quickscan.schaal", "score"))
    if p.initiatieven is not None and p.initiatieven.doorlooptijd_tot is not None:
        refs.append(
            (
                ("initiatieven", "doorlooptijd_tot"),
                p.initiatieven.doorlooptijd_tot,
                [s.code for s in p.initiatieven.stappen],
                "initiatieven.stappen",
                "stap",
            )
        )
    return [
        Finding(
            source.pad,
            source.pos(loc),
            Ernst.FOUT,
            f"{wat} '{code}' staat niet in '{lijst}' van dit profiel.{suggest(code, options)}",
            f"Kies uit: {', '.join(options)}." if options else f"Voeg '{lijst}' toe aan het profiel.",
            code=VERWIJZING,
        )
        for loc, code, options, lijst, wat in refs
        if code not in options
    ]


def check_sources(p: Profiel, source: Source) -> list[Finding]:
    """Every norm says where it comes from: a paragraph and its words, or that it is the profile's choice and why."""
    out: list[Finding] = []
    present = norms(p)
    for norm in present:
        if norm not in p.bronnen:
            out.append(
                Finding(
                    source.pad,
                    source.pos(_loc(p, norm), key=True),
                    Ernst.FOUT,
                    f"de norm '{norm}' zegt niet waar hij vandaan komt.",
                    f"Zet onder 'bronnen:' bij '{norm}' de 'paragraaf' en een "
                    "'citaat' uit het beleid, of 'keuze:' met waarom het profiel dit zo kiest.",
                    code=BRON,
                )
            )
    for norm, bron in p.bronnen.items():
        loc = ("bronnen", norm)
        if norm not in present and not any(
            norm.startswith(n + ".") for n in present
        ):  # a part of a norm may have its own
            out.append(
                Finding(
                    source.pad,
                    source.pos(loc, key=True),
                    Ernst.FOUT,
                    f"'{norm}' is geen norm van dit profiel.{suggest(norm, present)}",
                    "Haal de bron weg, of noem de norm zoals hij in het profiel staat.",
                    code=BRON,
                )
            )
        elif bool(bron.keuze) == bool(bron.paragraaf) or (bron.paragraaf and not (bron.citaat or bron.regels)):
            out.append(
                Finding(
                    source.pad,
                    source.pos(loc),
                    Ernst.FOUT,
                    f"de bron van '{norm}' noemt niet én een paragraaf met citaat of regels, óf een keuze.",
                    "Schrijf 'paragraaf' met 'citaat' (of 'regels'), of alleen 'keuze' met waarom.",
                    code=BRON,
                )
            )
    return out


def _loc(p: Profiel, norm: str) -> Loc:
    """Where a norm is in the profile file, for the position of a finding."""
    parts = norm.split(".")
    if parts[:2] == ["initiatieven", "stappen"] and len(parts) > 2 and p.initiatieven is not None:
        index = next((n for n, s in enumerate(p.initiatieven.stappen) if s.code == parts[2]), 0)
        return ("initiatieven", "stappen", index, *parts[3:])
    return tuple(parts)
