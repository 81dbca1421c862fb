"""Residents' initiatives on the site: what each page shows of one, and the register's figures, in residents' words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from ..derive.initiatieven import Doorlooptijd, Stand, TakenStep, median, steps_taken
from ..derive.kalender import sort_key
from ..model.initiatief import Initiatief, InitiatiefBestand
from ..model.profiel import Profiel
from ..toetsing import Toetsing
from .text import datum, href
from .views import MomentView

INGEDIEND = ("ingediend", "Ingediend")


def initiatief_page(slug: str) -> str:
    return f"initiatieven/{slug}.md"


@dataclass
class InitiatiefView:
    """Everything the pages show of one initiative."""

    dossier: Initiatief
    profiel: Profiel
    vandaag: dt.date
    toetsing: Toetsing

    # the initiative's own fields the pages and exports show
    titel = property(lambda self: self.dossier.initiatief.titel)
    samenvatting = property(lambda self: self.dossier.initiatief.samenvatting)
    kernen = property(lambda self: self.dossier.initiatief.kernen)
    initiatiefnemers = property(lambda self: self.dossier.initiatief.initiatiefnemers)
    ingediend = property(lambda self: self.dossier.initiatief.ingediend)
    rol = property(lambda self: self.dossier.initiatief.rol)
    contact = property(lambda self: self.dossier.initiatief.contact)

    slug = property(lambda self: self.dossier.slug)
    page = property(lambda self: initiatief_page(self.dossier.slug))
    uid_prefix = property(lambda self: f"initiatief.{self.dossier.slug}")
    map = property(lambda self: self.dossier.map)
    moment_file = property(lambda self: self.dossier.moment_file)
    soort_woord = "initiatief"
    beleid = property(lambda self: self.profiel.initiatieven)
    thema = property(lambda self: self.dossier.initiatief.thema or "Overig")
    ingediend_op = property(lambda self: datum(self.dossier.initiatief.ingediend))

    def href(self, page: str, anchor: str = "") -> str:
        return href(page, self.page) + (f"#{anchor}" if anchor else "")

    @property
    def ib(self) -> InitiatiefBestand:
        """initiatief.yaml: pages are only made of an initiative whose initiatief.yaml could be read."""
        assert self.dossier.initiatief is not None
        return self.dossier.initiatief

    @property
    def staat(self) -> Stand:
        """Where it stands: the toetsing decides it for every readable initiative under a policy for initiatives."""
        assert self.toetsing.stand is not None
        return self.toetsing.stand

    @cached_property
    def gezet(self) -> list[TakenStep]:
        return steps_taken(self.dossier, self.beleid)

    @property
    def besluit(self) -> dict | None:
        for g in self.gezet:
            uitkomst = self.beleid.uitkomst(g.gegevens.uitkomst)
            if uitkomst:
                return {
                    "code": uitkomst.code,
                    "naam": uitkomst.naam,
                    "uitleg": uitkomst.uitleg,
                    "datum": datum(g.gegevens.datum),
                    "voorwaarden": g.gegevens.voorwaarden,
                    "redenen": g.gegevens.redenen,
                    "door": self.profiel.orgaan(g.gegevens.door),
                }
        return None

    @property
    def status(self) -> tuple[str, str]:
        """(code, label) of where it stands: 'ingediend', a step, or the refusal."""
        stand = self.staat
        if stand.afgewezen:
            besluit = self.besluit
            assert besluit is not None  # the decision that refused it
            return "afgewezen", besluit["naam"]
        return (stand.stap, self.beleid.stap(stand.stap).naam) if stand.stap else INGEDIEND

    @property
    def open(self) -> bool:
        return self.staat.open

    @property
    def volgende(self) -> str:
        code = self.staat.volgende
        return self.beleid.stap(code).naam if code else ""

    @property
    def aan_zet(self) -> str:
        code = self.staat.volgende
        return (
            ""
            if code is None
            else ("de gemeente" if self.beleid.stap(code).aan_zet == "gemeente" else "de initiatiefnemers")
        )

    @property
    def route(self) -> str:
        codes = {r.code: r.naam for r in self.beleid.routes}
        return next((codes.get(g.gegevens.route, g.gegevens.route) for g in self.gezet if g.gegevens.route), "")

    @property
    def tijdlijn(self) -> list[dict]:
        """Every step of the profile, taken or still to come, with its date and how long it took."""
        done = {g.stap.code: g for g in self.gezet}
        out = [_punt("Ingediend", datum(self.ingediend))]
        volgende, te_laat = self.staat.volgende, self.staat.te_laat
        for stap in self.beleid.stappen:
            g = done.get(stap.code)
            if g is not None:
                out.append(
                    _punt(
                        stap.naam,
                        datum(g.gegevens.datum),
                        dagen=g.dagen,
                        termijn=stap.termijn_dagen,
                        te_laat=stap.code in te_laat,
                        uitleg=g.gegevens.toelichting or "",
                        reden=g.gegevens.reden or "",
                    )
                )
            elif self.open and not stap.einde:
                out.append(
                    _punt(
                        stap.naam,
                        "",
                        klaar=False,
                        uitleg=stap.uitleg,
                        volgende=stap.code == volgende,
                        termijn=stap.termijn_dagen,
                    )
                )
        return out

    @property
    def doorlooptijd(self) -> Doorlooptijd:
        assert self.toetsing.doorlooptijd is not None  # decided with the stand
        return self.toetsing.doorlooptijd

    @property
    def soort_naam(self) -> str:
        return next((k.naam for k in self.beleid.soorten if k.code == self.ib.soort), self.ib.soort or "")

    @property
    def omvang_naam(self) -> str:
        return next((k.naam for k in self.beleid.omvang if k.code == self.ib.omvang), self.ib.omvang or "")

    @property
    def ervaring(self):
        return self.ib.ervaring

    @property
    def steun_lijst(self) -> list[dict]:
        names = {s.code: s.naam for s in self.beleid.steun}
        return [{"soort": names.get(s.soort, s.soort), "omschrijving": s.omschrijving} for s in self.ib.steun]

    @property
    def afwijkingen(self):
        return self.toetsing.afwijkingen

    @property
    def ontbreekt(self) -> tuple[str, ...]:
        return self.toetsing.ontbreekt

    @cached_property
    def momenten(self) -> list[MomentView]:
        return [MomentView(m, self, self.vandaag) for m in sorted(self.ib.momenten, key=sort_key)]

    @property
    def nieuws_lijst(self) -> list[dict]:
        return [
            {"datum": datum(n.datum), "titel": n.titel, "tekst": n.tekst}
            for n in sorted(self.ib.nieuws, key=lambda n: n.datum, reverse=True)
        ]

    def row(self) -> dict:
        """The initiative as a row of the raad's CSV and JSON, in Python values (strings are made at the edge)."""
        b, tijd = self.besluit, self.doorlooptijd
        done = {g.stap.code: g for g in self.gezet}
        row = {
            "initiatief": self.titel,
            "slug": self.slug,
            "kernen": self.kernen,
            "thema": self.thema,
            "ingediend": self.ingediend,
            "status": self.status[0],
            "status_naam": self.status[1],
            "route": self.route or None,
            "uitkomst": b["code"] if b else None,
            "uitkomst_naam": b["naam"] if b else None,
            "doorlooptijd_dagen": tijd.totaal,
            "dagen_lopend": tijd.tot_nu_toe if tijd.lopend else None,
            "aan_zet": self.aan_zet or None,
            "afwijkingen": len(self.afwijkingen),
            "afwijkingen_gemotiveerd": self.toetsing.afwijkingen_gemotiveerd,
            "soort": self.ib.soort,
            "omvang": self.ib.omvang,
            "ervaring": self.ib.ervaring.score if self.ib.ervaring else None,
        }
        for stap in self.beleid.stappen:
            row[f"dagen_tot_{stap.code}"] = tijd.per_stap.get(stap.code)
            if stap.termijn_dagen:
                g = done.get(stap.code)
                row[f"{stap.code}_op_tijd"] = None if g is None else g.dagen <= stap.termijn_dagen
        return row


def _punt(
    naam: str,
    datum_tekst: str,
    klaar: bool = True,
    dagen: int | None = None,
    termijn: int | None = None,
    te_laat: bool = False,
    uitleg: str = "",
    reden: str = "",
    volgende: bool = False,
) -> dict:
    """One point on an initiative's timeline, always with the same keys."""
    return {
        "naam": naam,
        "datum": datum_tekst,
        "klaar": klaar,
        "dagen": dagen,
        "termijn": termijn,
        "te_laat": te_laat,
        "uitleg": uitleg,
        "reden": reden,
        "volgende": volgende,
    }


def columns_for(beleid) -> list[tuple[str, str]]:
    """The columns of the initiatives export, with a column per step of the profile's own aanpak."""
    tot = beleid.stap(beleid.doorlooptijd_tot or "")
    steps = [(f"dagen_tot_{s.code}", f"Dagen van indienen tot de stap '{s.naam}'") for s in beleid.stappen]
    terms = [
        (
            f"{s.code}_op_tijd",
            f"ja als de stap '{s.naam}' binnen de termijn van het beleid kwam ({s.termijn_dagen} "
            "dagen na de stap ervoor)",
        )
        for s in beleid.stappen
        if s.termijn_dagen
    ]
    return [
        ("initiatief", "Titel van het initiatief"),
        ("slug", "Korte naam (map in initiatieven/)"),
        ("kernen", "Kernen, gescheiden door |"),
        ("thema", "Thema"),
        ("ingediend", "Datum van indienen (jjjj-mm-dd)"),
        ("status", "Waar het initiatief staat (code van de stap)"),
        ("status_naam", "Waar het initiatief staat, zoals de site het toont"),
        ("route", "Hoe het idee is beoordeeld (de route uit het beleid)"),
        ("uitkomst", "Uitkomst van het besluit (code)"),
        ("uitkomst_naam", "Uitkomst van het besluit, zoals de site het toont"),
        *steps,
        *terms,
        (
            "doorlooptijd_dagen",
            f"Doorlooptijd: dagen van indienen tot {'de stap ' + repr(tot.naam) if tot else 'het einde'}"
            ", of tot het eerder stopte of werd afgewezen; leeg zolang het loopt",
        ),
        ("dagen_lopend", "Voor een initiatief dat nog loopt: dagen sinds het indienen"),
        ("aan_zet", "Wie de volgende stap zet"),
        ("afwijkingen", "Aantal afwijkingen (opgegeven en bij de controle gevonden)"),
        ("afwijkingen_gemotiveerd", "Aantal afwijkingen met motivering"),
        *([("soort", "Soort initiatief (code uit het beleid)")] if beleid.soorten else []),
        *([("omvang", "Omvang van het initiatief (code uit het beleid)")] if beleid.omvang else []),
        *(
            [
                (
                    "ervaring",
                    f"Hoe de initiatiefnemers de steun ervoeren ({', '.join(beleid.ervaring)}); leeg als niet gevraagd",
                )
            ]
            if beleid.ervaring
            else []
        ),
    ]


def _totals(klaar: list[InitiatiefView]) -> list[int]:
    """The doorlooptijden of initiatives whose doorlooptijd has ended (each of them has its total)."""
    return [totaal for v in klaar if (totaal := v.doorlooptijd.totaal) is not None]


def figures(views: list[InitiatiefView]) -> dict:
    """The §3.6 indicators for initiatives: per step, per outcome, doorlooptijden per route, steps within their term."""
    if not views:
        return {}
    beleid = views[0].beleid
    per_stap = [
        (naam, sum(1 for v in views if v.status[0] == code))
        for code, naam in [INGEDIEND, *[(s.code, s.naam) for s in beleid.stappen]]
    ]
    per_uitkomst = [
        (u.naam, sum(1 for v in views if v.besluit and v.besluit["code"] == u.code)) for u in beleid.uitkomsten
    ]
    besluit = [v.doorlooptijd.tot_besluit for v in views if v.doorlooptijd.tot_besluit is not None]
    klaar = [v for v in views if not v.doorlooptijd.lopend]
    routes = [(r.naam, [v for v in klaar if v.route == r.naam]) for r in beleid.routes]
    routes.append(("Zonder beoordeling", [v for v in klaar if not v.route]))
    per_route = [(naam, len(vs), median(_totals(vs))) for naam, vs in routes if vs]
    termijn = [
        (s, [g for v in views for g in v.gezet if g.stap.code == s.code]) for s in beleid.stappen if s.termijn_dagen
    ]
    op_tijd = [
        (s.naam, len(gs), sum(1 for g in gs if g.dagen <= s.termijn_dagen), s.termijn_dagen) for s, gs in termijn
    ]
    kernen = sorted({k for v in views for k in v.kernen})
    return {
        "aantal": len(views),
        "per_kern": [(k, sum(1 for v in views if k in v.kernen)) for k in kernen],
        "per_soort": [(k.naam, sum(1 for v in views if v.ib.soort == k.code)) for k in beleid.soorten],
        "per_omvang": [(k.naam, sum(1 for v in views if v.ib.omvang == k.code)) for k in beleid.omvang],
        "ervaring": [(w, sum(1 for v in views if v.ib.ervaring and v.ib.ervaring.score == w)) for w in beleid.ervaring],
        "ervaring_gevraagd": sum(1 for v in views if v.ib.ervaring),
        "per_stap": per_stap,
        "per_uitkomst": per_uitkomst,
        "mediaan_besluit": median(besluit),
        "besluiten": len(besluit),
        "klaar": len(klaar),
        "mediaan_doorlooptijd": median(_totals(klaar)),
        "per_route": per_route,
        "op_tijd": op_tijd,
        "tot": beleid.stap(beleid.doorlooptijd_tot or "").naam if beleid.stap(beleid.doorlooptijd_tot or "") else None,
    }
