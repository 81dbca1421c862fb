"""Residents' initiatives on the site: what each page shows of one, and the register's figures, in residents' words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from ..derive import initiatieven as ini
from ..derive.kalender import sort_key
from ..model.initiatief import Initiatief
from ..model.profiel import Profiel
from ..vocabulary import AFWIJKINGSSOORTEN
from .text import datum, href
from .views import MomentView

INGEDIEND = ("ingediend", "Ingediend")


def initiatief_page(slug: str) -> str:
    return f"initiatieven/{slug}.md"


@dataclass
class InitiatiefView:
    """Everything the pages show of one initiative."""

    i: Initiatief
    p: Profiel
    vandaag: dt.date
    gaps: list = field(default_factory=list)

    def __getattr__(self, name):
        return getattr(self.i.initiatief, name)

    slug = property(lambda self: self.i.slug)
    page = property(lambda self: initiatief_page(self.i.slug))
    uid_prefix = property(lambda self: f"initiatief.{self.i.slug}")
    map = property(lambda self: self.i.map)
    moment_file = "initiatief.yaml"
    soort_woord = "initiatief"
    beleid = property(lambda self: self.p.initiatieven)
    thema = property(lambda self: self.i.initiatief.thema or "Overig")
    ingediend_op = property(lambda self: datum(self.i.initiatief.ingediend))

    def href(self, page: str, anchor: str = "") -> str:
        return href(page, self.page) + (f"#{anchor}" if anchor else "")

    @cached_property
    def gezet(self) -> list[ini.Gezet]:
        return ini.taken(self.i, self.beleid)

    @property
    def besluit(self) -> dict | None:
        for g in self.gezet:
            uitkomst = self.beleid.uitkomst(g.gegevens.uitkomst)
            if uitkomst:
                return {"code": uitkomst.code, "naam": uitkomst.naam, "uitleg": uitkomst.uitleg, "datum": datum(g.gegevens.datum),
                        "voorwaarden": g.gegevens.voorwaarden, "redenen": g.gegevens.redenen, "door": self.p.orgaan(g.gegevens.door)}
        return None

    @property
    def status(self) -> tuple[str, str]:
        """(code, label) of where it stands: 'ingediend', a step, or the refusal."""
        if ini.refused(self.i, self.beleid):
            return "afgewezen", self.besluit["naam"]
        step = ini.current(self.i, self.beleid)
        return (step.code, step.naam) if step else INGEDIEND

    @property
    def open(self) -> bool:
        return ini.is_open(self.i, self.beleid)

    @property
    def volgende(self) -> str:
        step = ini.next_step(self.i, self.beleid)
        return step.naam if step else ""

    @property
    def aan_zet(self) -> str:
        step = ini.next_step(self.i, self.beleid)
        return "" if step is None else ("de gemeente" if step.aan_zet == "gemeente" else "de initiatiefnemers")

    @property
    def route(self) -> str:
        codes = {r.code: r.naam for r in self.beleid.routes}
        return next((codes.get(g.gegevens.route, g.gegevens.route) for g in self.gezet if g.gegevens.route), "")

    @property
    def tijdlijn(self) -> list[dict]:
        """Every step of the profile, taken or still to come, with its date and how long it took."""
        done = {g.stap.code: g for g in self.gezet}
        out = [_punt("Ingediend", datum(self.ingediend))]
        volgende = ini.next_step(self.i, self.beleid)
        for stap in self.beleid.stappen:
            g = done.get(stap.code)
            if g is not None:
                out.append(_punt(stap.naam, datum(g.gegevens.datum), dagen=g.dagen, termijn=stap.termijn_dagen,
                                 te_laat=bool(stap.termijn_dagen and g.dagen > stap.termijn_dagen),
                                 uitleg=g.gegevens.toelichting or "", reden=g.gegevens.reden or ""))
            elif self.open and not stap.einde:
                out.append(_punt(stap.naam, "", klaar=False, uitleg=stap.uitleg, volgende=stap is volgende,
                                 termijn=stap.termijn_dagen))
        return out

    @property
    def doorlooptijd(self) -> int | None:
        """Days from indienen to the decision, or to the last step when there is no decision (yet)."""
        if self.besluit is not None:
            return next(ini.days_until(self.i, g.stap.code) for g in self.gezet if g.gegevens.uitkomst)
        return (self.gezet[-1].gegevens.datum - self.ingediend).days if self.gezet else None

    @property
    def steun_lijst(self) -> list[dict]:
        names = {s.code: s.naam for s in self.beleid.steun}
        return [{"soort": names.get(s.soort, s.soort), "omschrijving": s.omschrijving} for s in self.i.initiatief.steun]

    @property
    def afwijkingen_lijst(self) -> list[dict]:
        return [{"soort_naam": AFWIJKINGSSOORTEN.get(a.soort, a.soort), "wat": a.wat, "motivering": a.motivering}
                for a in self.i.initiatief.afwijkingen]

    @property
    def ontbreekt(self) -> list[str]:
        return list(dict.fromkeys(f.publiek or f.boodschap for f in self.gaps))

    @cached_property
    def momenten(self) -> list[MomentView]:
        return [MomentView(m, self, self.vandaag) for m in sorted(self.i.initiatief.momenten, key=sort_key)]

    @property
    def nieuws_lijst(self) -> list[dict]:
        return [{"datum": datum(n.datum), "titel": n.titel, "tekst": n.tekst}
                for n in sorted(self.i.initiatief.nieuws, key=lambda n: n.datum, reverse=True)]

    def row(self) -> dict:
        """The initiative as a row of the raad's CSV and JSON."""
        intake = next((g for g in self.gezet if g.stap.termijn_dagen), None)
        b = self.besluit
        return {"initiatief": self.titel, "slug": self.slug, "kernen": "|".join(self.kernen), "thema": self.thema,
                "ingediend": self.ingediend.isoformat(), "status": self.status[0], "status_naam": self.status[1],
                "route": self.route, "uitkomst": b["code"] if b else "", "uitkomst_naam": b["naam"] if b else "",
                "dagen_tot_intake": intake.dagen if intake else "", "intake_op_tijd": _op_tijd(intake),
                "dagen_tot_besluit": self.doorlooptijd if b else "", "aan_zet": self.aan_zet,
                "afwijkingen": len(self.i.initiatief.afwijkingen),
                "afwijkingen_gemotiveerd": sum(1 for a in self.i.initiatief.afwijkingen if a.motivering)}


def _punt(naam: str, datum_tekst: str, klaar: bool = True, dagen: int | None = None, termijn: int | None = None,
          te_laat: bool = False, uitleg: str = "", reden: str = "", volgende: bool = False) -> dict:
    """One point on an initiative's timeline, always with the same keys."""
    return {"naam": naam, "datum": datum_tekst, "klaar": klaar, "dagen": dagen, "termijn": termijn, "te_laat": te_laat,
            "uitleg": uitleg, "reden": reden, "volgende": volgende}


def _op_tijd(g) -> str:
    if g is None:
        return ""
    return "ja" if g.dagen <= g.stap.termijn_dagen else "nee"


COLUMNS = [
    ("initiatief", "Titel van het initiatief"), ("slug", "Korte naam (map in initiatieven/)"),
    ("kernen", "Kernen, gescheiden door |"), ("thema", "Thema"), ("ingediend", "Datum van indienen (jjjj-mm-dd)"),
    ("status", "Waar het initiatief staat (code van de stap)"), ("status_naam", "Waar het initiatief staat, zoals de site het toont"),
    ("route", "Direct doorgezet of via de intaketafel"), ("uitkomst", "Uitkomst van het besluit (code)"),
    ("uitkomst_naam", "Uitkomst van het besluit, zoals de site het toont"),
    ("dagen_tot_intake", "Dagen van indienen tot het intakegesprek"),
    ("intake_op_tijd", "ja als het intakegesprek binnen de termijn van het beleid was"),
    ("dagen_tot_besluit", "Doorlooptijd: dagen van indienen tot het besluit"), ("aan_zet", "Wie de volgende stap zet"),
    ("afwijkingen", "Aantal afwijkingen"), ("afwijkingen_gemotiveerd", "Aantal afwijkingen met motivering"),
]


def figures(views: list[InitiatiefView]) -> dict:
    """The §3.6 indicators for initiatives: per step, per outcome, the median time to a decision, intakes on time."""
    if not views:
        return {}
    beleid = views[0].beleid
    per_stap = [(naam, sum(1 for v in views if v.status[0] == code))
                for code, naam in [INGEDIEND, *[(s.code, s.naam) for s in beleid.stappen]]]
    per_uitkomst = [(u.naam, sum(1 for v in views if v.besluit and v.besluit["code"] == u.code)) for u in beleid.uitkomsten]
    besluit = [v.doorlooptijd for v in views if v.besluit is not None]
    intakes = [v.row()["intake_op_tijd"] for v in views if v.row()["intake_op_tijd"]]
    return {"aantal": len(views), "per_stap": per_stap, "per_uitkomst": per_uitkomst,
            "mediaan_besluit": ini.median(besluit), "besluiten": len(besluit),
            "intakes": len(intakes), "intakes_op_tijd": intakes.count("ja")}

