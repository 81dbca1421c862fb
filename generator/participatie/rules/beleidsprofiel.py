"""A policy profile must be consistent: every level it refers to is a level it defines."""

from __future__ import annotations

from ..findings import Ernst, Finding, Gevolg, regel
from ..load.yaml import Source
from ..messages import suggest
from ..model.profiel import Profiel

VERWIJZING = regel("profiel.verwijzing", "het beleidsprofiel noemt een niveau dat het zelf niet definieert", Gevolg.TEGENHOUDEN)


def check_profile(p: Profiel, source: Source) -> list[Finding]:
    codes = p.niveau_codes
    refs = [(("advies_vanaf",), p.advies_vanaf)]
    refs += [(("soorten_werk", i, "niveaus", j), n) for i, s in enumerate(p.soorten_werk) for j, n in enumerate(s.niveaus)]
    return [Finding(source.pad, source.pos(loc), Ernst.FOUT, f"niveau '{code}' staat niet in 'niveaus' van dit profiel."
                    f"{suggest(code, codes)}", f"Kies uit: {', '.join(codes)}.", code=VERWIJZING)
            for loc, code in refs if code not in codes]
