"""The policy profile: a gemeente's rules as data. Loaded and checked like any other input."""

from __future__ import annotations

from functools import cached_property
from typing import Literal, TypeGuard

from pydantic import BaseModel, ConfigDict, PositiveInt

from ..vocabulary import PlanElement, Status

Ernstniveau = Literal["fout", "waarschuwing"]


class _P(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Bron(_P):
    """Where a norm of the profile comes from: a passage of the policy, or the profile's own choice and why."""

    paragraaf: str | None = None  # as the policy numbers it: '§2.1.3, bouwsteen 4'
    citaat: str | None = None  # a short passage, word for word
    regels: str | None = None  # the lines in the policy text, when a quote would be too long
    document: str | None = None  # when the passage is in another document than the profile's
    keuze: str | None = None  # not in the policy: what the profile chose, and why
    van: Literal["profiel", "gemeente"] = "profiel"  # whose choice: the profile's, or the gemeente's (a site setting)

    def cite(self, document: str) -> tuple[str, str]:
        """(source, passage) as findings, pages and the summary show it."""
        if self.keuze:
            return ("keuze van deze gemeente" if self.van == "gemeente" else "keuze van dit profiel"), self.keuze
        where = f"{self.document or document}, {self.paragraaf}"
        return where, (f'"{self.citaat}"' if self.citaat else f"regels {self.regels}" if self.regels else "")


class Niveau(_P):
    code: str
    naam: str
    uitleg: str
    werkvormen: list[str] = []
    bestuursstijl: str | None = None  # the style that must go with this level for the whole process


class Bestuursstijl(_P):
    code: str
    naam: str
    uitleg: str = ""


class QuickscanVraag(_P):
    code: str
    vraag: str


class Quickscan(_P):
    """Randvoorwaarden scored before choosing interaction; one below the threshold means only the lowest level."""

    bron: str
    schaal: list[str]  # from worst to best
    drempel: str  # every randvoorwaarde scores at least this for more than the lowest level
    vragen: list[QuickscanVraag]

    def rank(self, score: str) -> int:
        return self.schaal.index(score) if score in self.schaal else -1

    @property
    def codes(self) -> list[str]:
        return [v.code for v in self.vragen]


class Fase(_P):
    """A phase of the process that needs its own green light (college or raad) before participation in it."""

    code: str
    naam: str
    uitleg: str = ""


class Woorden(_P):
    """The profile's own words for what every policy has, as pages and messages use them."""

    niveau: str = "betrokkenheidsniveau"
    niveaus: str = "betrokkenheidsniveaus"
    plan: str = "plan van aanpak"
    monitor: str = "Monitor inwonerbetrokkenheid"
    stap1: str = "stap 1"  # the yes/no check before choosing more than the lowest level
    soort_werk: str = "soort werk"  # the kinds of work the policy tells apart


class SoortWerk(_P):
    code: str
    naam: str
    niveaus: list[str]
    bevoegd: str | None = None  # the body that decides on this kind of work (and adopts its plan)


class Besluitorgaan(_P):
    code: str
    naam: str  # with its article, as in running text: 'het college', 'de gemeenteraad'


class Doel(_P):
    code: str
    naam: str


class Onderdeel(_P):
    nummer: int
    naam: str
    velden: list[PlanElement]


class EindverslagOnderdeel(_P):
    kop: str
    uitleg: str


class StatusEisen(_P):
    plan: Ernstniveau | None = None
    vastgesteld: Ernstniveau | None = None
    afwijkingen: Ernstniveau | None = None
    eindverslag: Ernstniveau | None = None
    reacties: Ernstniveau | None = None
    gestopt: Ernstniveau | None = None
    stap1: Ernstniveau | None = None  # every question of stap 1 answered (or the weighing written down)
    doel_bereikt: Ernstniveau | None = None  # afterwards: was the goal reached?
    representativiteit: Ernstniveau | None = None  # afterwards: were the participants representative?


class Normen(_P):
    terugkoppeltermijn_dagen: PositiveInt | None = 42  # None: the policy names no term, so no radiostilte check


class Keuze(_P):
    """One answer on a fixed list: a route, an outcome of the afwegingskader, a kind of support."""

    code: str
    naam: str
    uitleg: str = ""
    vraagt: Literal["voorwaarden", "redenen"] | None = None  # what the decision must then also say
    einde: bool = False  # this outcome closes the initiative (a refusal)


class InitiatiefStap(_P):
    """A step every initiative goes through, in order; an end step (afgerond, gestopt) closes it."""

    code: str
    naam: str
    uitleg: str = ""
    termijn_dagen: PositiveInt | None = None  # at the latest this many days after the step before it
    vraagt: list[Literal["route", "uitkomst", "reden"]] = []
    einde: bool = False
    aan_zet: Literal["gemeente", "initiatiefnemers"] = "gemeente"  # who takes this step
    publiek: str = ""  # what a resident reads when an initiative stands here


class InitiatievenBeleid(_P):
    """How the gemeente handles residents' own initiatives (Dalfsen §2.2)."""

    bron: str
    stappen: list[InitiatiefStap]
    routes: list[Keuze] = []
    uitkomsten: list[Keuze] = []
    steun: list[Keuze] = []
    soorten: list[Keuze] = []  # kinds of initiative, for the monitor (Dalfsen §3.6 'soort')
    omvang: list[Keuze] = []  # sizes of initiative, for the monitor (Dalfsen §3.6 'omvang')
    ervaring: list[str] = []  # the scale initiators score the gemeente's support on, from worst to best
    stilstand_dagen: PositiveInt | None = None  # waiting this long for the gemeente's next step gets a warning
    doorlooptijd_tot: str | None = (
        None  # the step the doorlooptijd runs to (an earlier close ends it too); default: the end
    )

    def stap(self, code: str) -> InitiatiefStap | None:
        return next((s for s in self.stappen if s.code == code), None)

    def uitkomst(self, code: str | None) -> Keuze | None:
        return next((u for u in self.uitkomsten if u.code == code), None)


class Uitvoering(_P):
    """What each participation moment records once it has taken place (Dalfsen §2.1.5, stap 4)."""

    verslag: bool = False  # a verslag of every meeting
    evaluatie: bool = False  # a short evaluation, part of the meeting
    termijn_dagen: PositiveInt = 28  # written within this many days after the moment


class Bereik(_P):
    """Who took part against the groups the plan names: a group above the lowest level that no past moment reached
    is an afwijking (Dalfsen §1.3.2, uitgangspunt 4b)."""

    moeilijk_bereikbaar: str = "moeilijk bereikbaar"  # the policy's words for a group that finds it hard to take part


class Lessen(_P):
    """Evaluations are collected and shared on one page (Dalfsen §3.2)."""

    kop: str | None = None  # the heading in eindverslag.md that holds the process's evaluation


class PlanningRegels(_P):
    feestdagen: bool = False  # warn about moments on public holidays
    schoolregio: Literal["Noord", "Midden", "Zuid"] | None = None  # warn about moments in this region's school holidays
    drukke_maanden: dict[str, list[int]] = {}  # a group (a word in its name) -> its busy months


class Profiel(_P):
    """A gemeente's participation policy."""

    naam: str
    bron: str
    document: str = ""  # the policy's short title in citations: 'Met Elkaar 2.0'
    bronnen: dict[str, Bron] = {}  # norm (see `norms()`) -> where it comes from
    woorden: Woorden = Woorden()
    niveaus: list[Niveau]
    advies_vanaf: str
    niveau_zonder_interactie: str | None = (
        None  # the most a 'nee', a low quick scan or an excluded topic allows; default the lowest
    )
    soorten_werk: list[SoortWerk] = []  # a table 'soort werk -> allowed levels'; without it every level is allowed
    doelen: list[Doel]
    doelen_open: bool = False  # the policy's goals are examples ('zoals', 'onder meer'): other goals are allowed too
    kadercategorieen: list[str]
    kaders_verplicht: bool = False  # every kind of kader is named in the plan, or said to be absent ('geen')
    besluitorganen: list[Besluitorgaan]
    stap1: dict[
        str, str
    ] = {}  # code -> question, 'ja' speaks for interaction; any "nee" means only the lowest level ...
    stap1_afweging: bool = (
        False  # ... unless the policy weighs them: then a written weighing decides (traject 'afweging')
    )
    quickscan: Quickscan | None = None
    bestuursstijlen: list[Bestuursstijl] = []
    uitgesloten_onderwerpen: list[
        Doel
    ] = []  # topics not fit for interaction: more than the lowest level is an afwijking ...
    uitgesloten_fout: bool = False  # ... or an error no motivation mends, where they never reach the weighing at all
    opvolgen_vanaf: str | None = None  # from this level the outcome is followed, not weighed as advice
    opvolgen_fout: bool = False  # not following it is an error (only 'buiten de kaders' may stop it), not an afwijking
    vaststelling_door: dict[str, str] = {}  # who decides in the end (besluit_door) -> who must adopt the plan
    wegingen: list[str] = []  # how heavily advice weighs, said in the plan beforehand (traject 'weging')
    fasen: list[Fase] = []  # phases that each need a green light before participation in them
    bouwstenen: list[Onderdeel] = []
    plan_onderdelen: list[Onderdeel]
    plan_alleen_interactief: bool = False  # the plan's parts are asked only when the trajectory is interactive
    eindverslag_onderdelen: list[EindverslagOnderdeel]
    statussen: dict[Status, StatusEisen]
    normen: Normen = Normen()
    planning: PlanningRegels = PlanningRegels()
    initiatieven: InitiatievenBeleid | None = None
    uitvoering: Uitvoering | None = None  # what each moment records afterwards: verslag, evaluatie
    bereik: Bereik | None = None  # who took part: groups reached, hard-to-reach groups
    lessen: Lessen | None = None  # evaluations collected on the page 'Wat we leerden'
    rollen_raad: list[Keuze] = []  # the raad's possible roles in a trajectory

    def rol_raad(self, code: str) -> Keuze | None:
        return next((r for r in self.rollen_raad if r.code == code), None)

    @property
    def niveautabel(self) -> bool:
        """Whether the kinds of work limit the levels (a table 'soort werk -> niveaus'), not only who is competent."""
        return any(set(s.niveaus) != set(self.niveau_codes) for s in self.soorten_werk)

    @cached_property
    def niveau_codes(self) -> list[str]:
        return [n.code for n in self.niveaus]

    def rank(self, niveau: str) -> int:
        """Position of a niveau on the ladder (0 = least influence); -1 if unknown."""
        return self.niveau_codes.index(niveau) if niveau in self.niveau_codes else -1

    def on_ladder(self, niveau: str | None) -> TypeGuard[str]:
        return niveau is not None and self.rank(niveau) >= 0

    @property
    def basisniveau(self) -> Niveau:
        """The level that needs no interaction: all a 'nee' in stap 1, a low quick scan or an excluded topic allows."""
        return self.niveau(self.niveau_zonder_interactie or "") or self.niveaus[0]

    def afwijking_naam(self, soort: str) -> str:
        """The name of a kind of afwijking in this policy's words ('Stap 1 gaf nee, toch meer dan informeren')."""
        from ..vocabulary import AFWIJKINGSSOORTEN

        naam = AFWIJKINGSSOORTEN.get(soort, soort)
        return naam.replace("Stap 1", self.woorden.stap1[:1].upper() + self.woorden.stap1[1:]).replace(
            "informeren", self.basisniveau.naam.lower()
        )

    def niveau(self, code: str) -> Niveau | None:
        return next((n for n in self.niveaus if n.code == code), None)

    @cached_property
    def orgaan_codes(self) -> list[str]:
        return [o.code for o in self.besluitorganen]

    def orgaan(self, code: str | None) -> str:
        """The body in running text ('het college'), or the code itself when the profile does not know it."""
        return next((o.naam for o in self.besluitorganen if o.code == code), code or "")

    def bestuursstijl(self, code: str | None) -> Bestuursstijl | None:
        return next((b for b in self.bestuursstijlen if b.code == code), None)

    def fase(self, code: str | None) -> Fase | None:
        return next((f for f in self.fasen if f.code == code), None)

    def soort_werk(self, code: str) -> SoortWerk | None:
        return next((s for s in self.soorten_werk if s.code == code), None)

    def eisen(self, status: Status) -> StatusEisen:
        return self.statussen.get(status, StatusEisen())

    def herkomst(self, norm: str) -> tuple[str, str] | None:
        """Where a norm comes from, (source, passage): its own entry, or that of the norm it is part of."""
        path = norm
        while path:
            bron = self.bronnen.get(path)
            if bron is not None:
                return bron.cite(self.document or self.naam)
            path = path.rpartition(".")[0]
        return None


def norms(p: Profiel) -> list[str]:
    """Every norm this profile sets, as a path into it: each must say where it comes from (`Profiel.bronnen`)."""
    from ..vocabulary import REGEL_NORMEN

    present = {
        "niveaus": p.niveaus,
        "advies_vanaf": p.advies_vanaf,
        "niveau_zonder_interactie": p.niveau_zonder_interactie,
        "soorten_werk": p.soorten_werk,
        "doelen": p.doelen,
        "kadercategorieen": p.kadercategorieen,
        "besluitorganen": p.besluitorganen,
        "stap1": p.stap1,
        "quickscan": p.quickscan,
        "quickscan.drempel": p.quickscan.drempel if p.quickscan else None,
        "bestuursstijlen": p.bestuursstijlen,
        "uitgesloten_onderwerpen": p.uitgesloten_onderwerpen,
        "fasen": p.fasen,
        "bouwstenen": p.bouwstenen,
        "plan_onderdelen": p.plan_onderdelen,
        "eindverslag_onderdelen": p.eindverslag_onderdelen,
        "planning.feestdagen": p.planning.feestdagen or None,
        "planning.schoolregio": p.planning.schoolregio,
    }
    present |= {
        "plan_alleen_interactief": p.plan_alleen_interactief or None,
        "kaders_verplicht": p.kaders_verplicht or None,
        "stap1_afweging": p.stap1_afweging or None,
        "opvolgen_vanaf": p.opvolgen_vanaf,
        "vaststelling_door": p.vaststelling_door,
        "wegingen": p.wegingen,
    }
    out = [path for path, value in present.items() if value not in (None, [], {})]
    out += [f"statussen.{s}" for s in p.statussen]
    out += [f"normen.{name}" for name, value in p.normen.model_dump().items() if value is not None]
    out += [f"planning.drukke_maanden.{groep}" for groep in p.planning.drukke_maanden]
    if p.uitvoering is not None:
        u = p.uitvoering
        out += [f"uitvoering.{k}" for k in ("verslag", "evaluatie") if getattr(u, k)] + ["uitvoering.termijn_dagen"]
    out += [k for k in ("bereik", "lessen") if getattr(p, k) is not None] + (["rollen_raad"] if p.rollen_raad else [])
    if p.initiatieven is not None:
        i = p.initiatieven
        out += ["initiatieven.stappen", "initiatieven.uitkomsten"] + (["initiatieven.routes"] if i.routes else [])
        out += [f"initiatieven.stappen.{s.code}.termijn_dagen" for s in i.stappen if s.termijn_dagen]
        out += [f"initiatieven.{k}" for k in ("stilstand_dagen", "doorlooptijd_tot") if getattr(i, k) is not None]
        out += [f"initiatieven.{k}" for k in ("soorten", "omvang", "ervaring") if getattr(i, k)]
    return out + list(REGEL_NORMEN)
