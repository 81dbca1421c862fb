"""A policy profile must be consistent: every word it refers to is one it defines itself."""

from __future__ import annotations

from ..findings import Ernst, Finding, Gevolg, regel
from ..load.yaml import Source
from ..messages import suggest
from ..model.profiel import Profiel

VERWIJZING = regel("profiel.verwijzing", "het beleidsprofiel noemt een niveau, stijl of score die het zelf niet definieert",
                   Gevolg.TEGENHOUDEN)


def check_profile(p: Profiel, source: Source) -> list[Finding]:
    codes = p.niveau_codes
    refs = [(("advies_vanaf",), p.advies_vanaf, codes, "niveaus", "niveau")]
    if p.niveau_zonder_interactie is not None:
        refs.append((("niveau_zonder_interactie",), p.niveau_zonder_interactie, codes, "niveaus", "niveau"))
    refs += [(("soorten_werk", i, "niveaus", j), n, codes, "niveaus", "niveau")
             for i, s in enumerate(p.soorten_werk) for j, n in enumerate(s.niveaus)]
    stijlen = [b.code for b in p.bestuursstijlen]
    refs += [(("niveaus", i, "bestuursstijl"), n.bestuursstijl, stijlen, "bestuursstijlen", "bestuursstijl")
             for i, n in enumerate(p.niveaus) if n.bestuursstijl is not None]
    if p.quickscan is not None:
        refs.append((("quickscan", "drempel"), p.quickscan.drempel, p.quickscan.schaal, "quickscan.schaal", "score"))
    if p.initiatieven is not None and p.initiatieven.doorlooptijd_tot is not None:
        refs.append((("initiatieven", "doorlooptijd_tot"), p.initiatieven.doorlooptijd_tot,
                     [s.code for s in p.initiatieven.stappen], "initiatieven.stappen", "stap"))
    return [Finding(source.pad, source.pos(loc), Ernst.FOUT, f"{wat} '{code}' staat niet in '{lijst}' van dit profiel."
                    f"{suggest(code, options)}", f"Kies uit: {', '.join(options)}." if options else
                    f"Voeg '{lijst}' toe aan het profiel.", code=VERWIJZING)
            for loc, code, options, lijst, wat in refs if code not in options]
