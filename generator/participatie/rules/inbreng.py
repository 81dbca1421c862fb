"""Input and the gemeente's response (Dalfsen §2.1.4 terugkoppeling, §2.1.5 eindverslag).

Every input the gemeente does not follow gets a reason; 'buiten de kaders' names the
hard kader it hits; once the status asks for it, every input has an answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..derive.afwijkingen import not_followed
from ..derive.status import reached, status_eisen
from ..findings import FORMAAT, Ernst, Finding, regel
from ..messages import suggest
from ..model.profiel import Profiel
from ..model.traject import Traject
from ..vocabulary import UITKOMST_MOTIVERING, UITKOMST_OPEN

if TYPE_CHECKING:
    from . import Context

F = Ernst.FOUT
ID = regel("inbreng.id", "twee punten inbreng met dezelfde id", bron=FORMAAT)
MOMENT = regel("inbreng.moment", "inbreng bij een moment dat niet in de planning staat", bron=FORMAAT)
MOTIVERING = regel(
    "inbreng.motivering", "inbreng die niet is overgenomen, zonder uitleg waarom", norm="inbreng_motiveren"
)
KADER = regel("inbreng.kader", "'buiten de kaders' zonder een hard kader uit kaders.yaml", norm="inbreng_motiveren")
NIET_OPGEVOLGD = regel(
    "inbreng.niet-opgevolgd",
    "inbreng op een niveau waar het beleid de uitkomst overneemt, toch niet (helemaal) overgenomen",
    norm="opvolgen_vanaf",
)
REACTIE = regel(
    "inbreng.reactie",
    "de status vraagt een antwoord op elke inbreng, maar dit punt heeft er nog geen",
    norm="statussen",
)


def ids_and_moments(t: Traject, ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    seen: set[str] = set()
    moments = {m.id for m in t.planning.momenten}
    for i, ib in enumerate(t.terugkoppeling.inbreng):
        if ib.id in seen:
            out.append(
                t.finding(
                    F,
                    "terugkoppeling.yaml",
                    ("inbreng", i, "id"),
                    f"de id '{ib.id}' wordt al gebruikt.",
                    "Geef elke inbreng een eigen id.",
                    code=ID,
                )
            )
        seen.add(ib.id)
        if ib.moment and ib.moment not in moments and "planning.yaml" not in t.onleesbaar:
            out.append(
                t.finding(
                    F,
                    "terugkoppeling.yaml",
                    ("inbreng", i, "moment"),
                    f"moment '{ib.moment}' staat niet in planning.yaml.{suggest(ib.moment, sorted(moments))}",
                    "Gebruik de 'id' van een moment uit planning.yaml.",
                    code=MOMENT,
                )
            )
    return out


def motivations(t: Traject, ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    harde = [k.titel for k in t.kaders.kaders if k.hard]
    for i, ib in enumerate(t.terugkoppeling.inbreng):
        if ib.uitkomst in UITKOMST_MOTIVERING and not ib.reactie:
            out.append(
                t.finding(
                    F,
                    "terugkoppeling.yaml",
                    ("inbreng", i, "uitkomst"),
                    f"bij '{ib.uitkomst}' hoort een motivering, maar 'reactie' ontbreekt.",
                    "Leg in 'reactie' uit waarom de inbreng niet is overgenomen.",
                    code=MOTIVERING,
                    publiek=f"uitleg waarom deze inbreng niet is overgenomen: {ib.samenvatting}",
                )
            )
        if ib.uitkomst == "buiten de kaders" and ib.kader not in harde and "kaders.yaml" not in t.onleesbaar:
            what = (
                f"'{ib.kader}' is geen hard kader uit kaders.yaml." if ib.kader else "noem het harde kader bij 'kader'."
            )
            out.append(
                t.finding(
                    F,
                    "terugkoppeling.yaml",
                    ("inbreng", i) + (("kader",) if ib.kader else ("uitkomst",)),
                    f"bij 'buiten de kaders': {what}{suggest(ib.kader or '', harde)}",
                    f"Harde kaders: {', '.join(harde) or '(geen)'}.",
                    code=KADER,
                    publiek=f"welk vast kader deze inbreng tegenhoudt: {ib.samenvatting}",
                )
            )
    return out


def answers(t: Traject, ctx: Context) -> list[Finding]:
    assert t.traject is not None
    level = status_eisen(t, ctx.profiel).reacties
    if not level:
        return []
    status = t.traject.status
    return [
        t.finding(
            Ernst(level),
            "terugkoppeling.yaml",
            ("inbreng", i, "uitkomst"),
            f"inbreng '{ib.id}' heeft nog geen "
            f"antwoord; bij status '{status}' moet elke inbreng een uitkomst en een reactie hebben.",
            "Vul 'uitkomst' en 'reactie' in.",
            code=REACTIE,
            publiek=f"een antwoord op deze inbreng: {ib.samenvatting}",
            norm=f"statussen.{reached(t)}",
        )
        for i, ib in enumerate(t.terugkoppeling.inbreng)
        if ib.uitkomst == UITKOMST_OPEN or not ib.reactie
    ]


def outcome_followed(t: Traject, ctx: Context) -> list[Finding]:
    """Leiderdorp Ad 2, aspect 5: at meebeslissen the bestuur 'neemt de resultaten over na toetsing aan de voorwaarden':
    only 'buiten de kaders', naming the condition, may stop it; no motivation does."""
    p, vanaf = ctx.profiel, ctx.profiel.opvolgen_vanaf
    if not p.opvolgen_fout or vanaf is None:  # without a level from which it is followed, nothing is (not_followed)
        return []
    return [
        t.finding(
            F,
            "terugkoppeling.yaml",
            ("inbreng", i, "uitkomst"),
            f"inbreng '{ib.id}' kwam op '{_niveau_naam(p, level)}' "
            f"en is '{ib.uitkomst}'; vanaf '{_niveau_naam(p, vanaf)}' neemt het bestuur de uitkomst over.",
            "Neem de inbreng over, of zet 'uitkomst: buiten de kaders' met het kader (de randvoorwaarde) waar het "
            "niet aan voldoet.",
            code=NIET_OPGEVOLGD,
            publiek=f"een uitkomst die het bestuur had moeten overnemen: {ib.samenvatting}",
        )
        for i, ib, level in not_followed(t, p, vanaf)
    ]


def _niveau_naam(p: Profiel, code: str) -> str:
    niveau = p.niveau(code)
    assert niveau is not None, "not_followed gives only levels on the profile's ladder"
    return niveau.naam


FILE_RULES = (ids_and_moments, motivations)
TRAJECT_RULES = (answers, outcome_followed)
