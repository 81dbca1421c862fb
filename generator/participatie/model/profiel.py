"""The policy profile: a gemeente's rules as data. Loaded and checked like any other input."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, PositiveInt

from ..vocabulary import PLAN_ELEMENTEN, STATUSSEN

Ernstniveau = Literal["fout", "waarschuwing"]
PlanElement = Literal[tuple(PLAN_ELEMENTEN)]


class _P(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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


class SoortWerk(_P):
    code: str
    naam: str
    niveaus: list[str]


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
    stilstand_dagen: PositiveInt | None = None  # waiting this long for the gemeente's next step gets a warning
    doorlooptijd_tot: str | None = None  # the step the doorlooptijd runs to (an earlier close ends it too); default: the end

    def stap(self, code: str) -> InitiatiefStap | None:
        return next((s for s in self.stappen if s.code == code), None)

    def uitkomst(self, code: str | None) -> Keuze | None:
        return next((u for u in self.uitkomsten if u.code == code), None)


class PlanningRegels(_P):
    schoolregio: Literal["Noord", "Midden", "Zuid"] | None = None
    drukke_maanden: dict[str, list[int]] = {}


class Profiel(_P):
    """A gemeente's participation policy."""

    naam: str
    bron: str
    woorden: Woorden = Woorden()
    niveaus: list[Niveau]
    advies_vanaf: str
    niveau_zonder_interactie: str | None = None  # the most a 'nee', a low quick scan or an excluded topic allows; default the lowest
    soorten_werk: list[SoortWerk] = []  # a table 'soort werk -> allowed levels'; without it every level is allowed
    doelen: list[Doel]
    kadercategorieen: list[str]
    besluitorganen: list[Besluitorgaan]
    stap1: dict[str, str] = {}  # code -> question; any "nee" means only the lowest level
    quickscan: Quickscan | None = None
    bestuursstijlen: list[Bestuursstijl] = []
    uitgesloten_onderwerpen: list[Doel] = []  # topics not fit for interaction: more than the lowest level is an afwijking
    fasen: list[Fase] = []  # phases that each need a green light before participation in them
    bouwstenen: list[Onderdeel] = []
    plan_onderdelen: list[Onderdeel]
    eindverslag_onderdelen: list[EindverslagOnderdeel]
    statussen: dict[Literal[tuple(STATUSSEN)], StatusEisen]
    normen: Normen = Normen()
    planning: PlanningRegels = PlanningRegels()
    initiatieven: InitiatievenBeleid | None = None

    @cached_property
    def niveau_codes(self) -> list[str]:
        return [n.code for n in self.niveaus]

    def rank(self, niveau: str) -> int:
        """Position of a niveau on the ladder (0 = least influence); -1 if unknown."""
        return self.niveau_codes.index(niveau) if niveau in self.niveau_codes else -1

    @property
    def basisniveau(self) -> Niveau:
        """The level that needs no interaction: all a 'nee' in stap 1, a low quick scan or an excluded topic allows."""
        return self.niveau(self.niveau_zonder_interactie or "") or self.niveaus[0]

    def afwijking_naam(self, soort: str) -> str:
        """The name of a kind of afwijking in this policy's words ('Stap 1 gaf nee, toch meer dan informeren')."""
        from ..vocabulary import AFWIJKINGSSOORTEN
        naam = AFWIJKINGSSOORTEN.get(soort, soort)
        return naam.replace("Stap 1", self.woorden.stap1[:1].upper() + self.woorden.stap1[1:]).replace(
            "informeren", self.basisniveau.naam.lower())

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

    def eisen(self, status: str) -> StatusEisen:
        return self.statussen.get(status, StatusEisen())
