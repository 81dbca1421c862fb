"""View models: what a page shows of a trajectory or a moment, already in the reader's words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..derive.afwijkingen import Verantwoording
from ..derive.bereik import bereik, deelnemers
from ..derive.kalender import einde, final_decision, invites, over, sort_key, takes_place
from ..derive.volledigheid import Volledigheid
from ..derive.wijzigingen import Wijziging
from ..model.bestanden import Moment, TrajectBestand
from ..model.profiel import Bereik, Profiel
from ..model.traject import Traject
from ..toetsing import Toetsing
from ..vocabulary import BESLUITEN, KWADRANTEN, MOMENT_SOORTEN, STATUSSEN, UITKOMSTEN
from .text import datum, href, kort, opsomming, safe_markdown, slugify, tijd

if TYPE_CHECKING:
    from markupsafe import Markup

    from .initiatieven import InitiatiefView


def traject_page(slug: str) -> str:
    return f"trajecten/{slug}.md"


@dataclass
class MomentView:
    moment: Moment
    traject: TrajectView | InitiatiefView  # whose moment it is
    vandaag: dt.date

    # the moment's own fields the pages and feeds show
    titel = property(lambda self: self.moment.titel)
    soort = property(lambda self: self.moment.soort)
    omschrijving = property(lambda self: self.moment.omschrijving)
    plaats = property(lambda self: self.moment.plaats)
    doelgroepen = property(lambda self: self.moment.doelgroepen)
    aanmelden = property(lambda self: self.moment.aanmelden)
    toegankelijkheid = property(lambda self: self.moment.toegankelijkheid)
    werkvorm = property(lambda self: self.moment.werkvorm)
    bereikt = property(lambda self: self.moment.bereikt)
    evaluatie = property(lambda self: self.moment.evaluatie)

    # made once per view: a card asks whether there is one, then shows it
    @cached_property
    def verslag(self) -> Markup:
        return safe_markdown(self.moment.verslag or "")

    @property
    def deelnemers(self) -> str:
        d = self.moment.deelnemers
        return "" if d is None else "Niet geteld" if d == "onbekend" else f"{d}"

    @property
    def wanneer(self) -> str:
        m = self.moment
        if m.tot and m.tot != m.datum:
            return f"{datum(m.datum, 'EEEE d MMMM')} tot en met {datum(m.tot)}"
        text = datum(m.datum)
        if m.tijd:
            text += f", {tijd(m.tijd)}" + (f" tot {tijd(m.eindtijd)} uur" if m.eindtijd else " uur")
        return text

    @property
    def soort_naam(self) -> str:
        if self.moment.soort == "besluit" and self.moment.besluit:
            return BESLUITEN[self.moment.besluit].replace("plan van aanpak", self.traject.profiel.woorden.plan)
        return MOMENT_SOORTEN[self.moment.soort]

    @property
    def niveau(self) -> str:
        n = self.traject.profiel.niveau(self.moment.niveau or "")
        return n.naam if n else ""

    @property
    def link(self) -> str:
        """Only web links become links; anything else was refused by the check."""
        link = self.moment.link or ""
        return link if link.startswith(("https://", "http://")) else ""

    @property
    def geannuleerd(self) -> str:
        return self.moment.geannuleerd.reden if self.moment.geannuleerd else ""

    @property
    def verplaatst(self) -> list[dict]:
        return [{"van": datum(v.van), "reden": v.reden} for v in self.moment.verplaatst]

    # kept with the view: a calendar or a kern page asks each moment's end, kernen and komend over and over
    @cached_property
    def einde(self) -> dt.date:
        return einde(self.moment)

    @property
    def besluiter(self) -> str:
        """Who takes this decision, where the plan says so: the body of the trajectory's final decision."""
        if not (final_decision(self.moment) and isinstance(self.traject, TrajectView)):
            return ""
        return self.traject.besluit_door_naam

    @cached_property
    def komend(self) -> bool:
        return self.einde >= self.vandaag

    @cached_property
    def kernen(self) -> list[str]:
        return self.traject.kernen

    @cached_property
    def uid_key(self) -> str:
        """The event's UID before '@domain': its trajectory and its own id, stable across builds (see ical.uid)."""
        return f"{self.traject.uid_prefix}.{self.moment.id}"

    def traject_href(self, page: str) -> str:
        return self.traject.href(page)


@dataclass
class TrajectView:
    """Everything the pages show of one trajectory."""

    dossier: Traject
    profiel: Profiel
    vandaag: dt.date
    toetsing: Toetsing
    wijzigingen: list[Wijziging] = field(default_factory=list)

    # the trajectory's own fields the pages and exports show
    titel = property(lambda self: self.dossier.traject.titel)
    samenvatting = property(lambda self: self.dossier.traject.samenvatting)
    status = property(lambda self: self.dossier.traject.status)
    kernen = property(lambda self: self.dossier.traject.kernen)
    portefeuillehouder = property(lambda self: self.dossier.traject.portefeuillehouder)
    besluit_door = property(lambda self: self.dossier.traject.besluit_door)
    doel_toelichting = property(lambda self: self.dossier.traject.doel_toelichting)
    werkvormen = property(lambda self: self.dossier.traject.werkvormen)

    slug = property(lambda self: self.dossier.slug)
    page = property(lambda self: traject_page(self.dossier.slug))
    uid_prefix = property(lambda self: self.dossier.slug)
    map = property(lambda self: self.dossier.map)
    moment_file = property(lambda self: self.dossier.moment_file)
    soort_woord = "traject"
    status_naam = property(lambda self: STATUSSEN[self.dossier.traject.status])
    status_rang = property(lambda self: list(STATUSSEN).index(self.dossier.traject.status))
    thema = property(lambda self: self.dossier.traject.thema or "Overig")
    opgave = property(lambda self: safe_markdown(self.dossier.opgave.text if self.dossier.opgave else ""))
    harde_kaders = property(lambda self: [k for k in self.dossier.kaders.kaders if k.hard])
    zachte_kaders = property(lambda self: [k for k in self.dossier.kaders.kaders if not k.hard])
    geen_kaders = property(lambda self: self.dossier.kaders.geen)

    def href(self, page: str, anchor: str = "") -> str:
        return href(page, self.page) + (f"#{anchor}" if anchor else "")

    @property
    def tb(self) -> TrajectBestand:
        """traject.yaml: pages are only made of a trajectory whose traject.yaml could be read."""
        assert self.dossier.traject is not None
        return self.dossier.traject

    @property
    def volledig(self) -> Volledigheid:
        """The completeness the toetsing decided, which it does for every readable trajectory."""
        assert self.toetsing.volledigheid is not None
        return self.toetsing.volledigheid

    @property
    def soort_werk_naam(self) -> str:
        s = self.profiel.soort_werk(self.tb.soort_werk or "")
        woord = self.profiel.woorden.soort_werk
        return (
            s.naam if s else (f"{woord[:1].upper() + woord[1:]} nog niet bepaald" if self.profiel.soorten_werk else "")
        )

    @property
    def bestuursstijl(self) -> dict | None:
        b = self.profiel.bestuursstijl(self.tb.bestuursstijl)
        return {"naam": b.naam, "uitleg": b.uitleg} if b else None

    @property
    def omgevingswet(self) -> dict | None:
        """What the Omgevingswet asks of this plan or vision, as far as it is filled in."""
        ow = self.tb.omgevingswet
        if ow is None:
            return None
        k, m = ow.kennisgeving, ow.motivering
        return {
            "instrument": ow.instrument,
            "kennisgeving": {"datum": datum(k.datum), "participatie": k.participatie, "link": k.link} if k else None,
            "betrokken": m.betrokken if m else None,
            "resultaten": m.resultaten if m else None,
            "participatiebeleid": m.participatiebeleid if m else None,
        }

    @property
    def aanpak(self) -> dict:
        """How the gemeente decided on this approach, where its policy asks for it: quick scan, excluded topic,
        green light per phase, chances and threats, who does what."""
        tb, p = self.tb, self.profiel
        scan = None
        if p.quickscan and tb.quickscan:
            scan = {
                "bron": p.quickscan.bron,
                "schaal": p.quickscan.schaal,
                "drempel": p.quickscan.drempel,
                "rijen": [
                    {
                        "vraag": v.vraag,
                        "score": tb.quickscan.get(v.code),
                        "onder": 0
                        <= p.quickscan.rank(tb.quickscan.get(v.code, ""))
                        < p.quickscan.rank(p.quickscan.drempel),
                    }
                    for v in p.quickscan.vragen
                ],
            }
        uitgesloten = next((o.naam for o in p.uitgesloten_onderwerpen if o.code == tb.uitgesloten_onderwerp), None)
        licht = [
            {
                "fase": (fase.naam if (fase := p.fase(g.fase)) else g.fase),
                "datum": datum(g.datum),
                "door": p.orgaan(g.door),
                "gegeven": g.datum <= self.vandaag,
            }
            for g in tb.groen_licht
        ]
        out = {
            "quickscan": scan,
            "uitgesloten": uitgesloten,
            "groen_licht": licht,
            "kansen": tb.kansen_bedreigingen,
            "taakverdeling": tb.taakverdeling,
        }
        return out if any(out.values()) else {}

    @property
    def niveaus(self) -> list[str]:
        return list(self.toetsing.niveaus)

    @property
    def niveau_namen(self) -> list[str]:
        return [n.naam for c in self.niveaus if (n := self.profiel.niveau(c))]  # each is on the ladder (levels_used)

    @property
    def hoogste_niveau(self) -> str:
        """The most say this trajectory gives any group, by the profile's name ('' while no level is set)."""
        codes = self.niveaus
        n = self.profiel.niveau(max(codes, key=self.profiel.rank)) if codes else None
        return n.naam if n else ""

    @property
    def gestopt(self):
        g = self.tb.gestopt
        return {"datum": datum(g.datum), "reden": g.reden} if g else None

    @property
    def vastgesteld(self):
        v = self.tb.vastgesteld
        return {"datum": datum(v.datum), "door": self.profiel.orgaan(v.door)} if v else None

    @property
    def besluit_door_naam(self) -> str:
        return self.profiel.orgaan(self.tb.besluit_door)

    @property
    def doelen(self) -> list[str]:
        return [d.naam for d in self.profiel.doelen if d.code in self.tb.doelen]

    @cached_property
    def invloed(self) -> list[dict]:
        """Per group its level(s), for the summary: who gets how much say."""
        out = []
        for g in self.tb.omgevingsanalyse:
            levels: list[tuple[str, str | None]] = [(g.niveau, None)] if g.niveau else []
            levels += [(f.niveau, f.fase) for f in g.fasen]
            for code, fase in levels:
                n = self.profiel.niveau(code)
                if n:
                    out.append({"groep": g.groep, "fase": fase, "naam": n.naam, "rang": self.profiel.rank(code) + 1})
        return out

    @property
    def invloed_per_niveau(self) -> list[dict]:
        """The levels this trajectory uses, highest first, each with its groups: the first screen's summary."""
        return [n for n in reversed(self.ladder) if n["groepen"]]

    @cached_property
    def ladder(self) -> list[dict]:
        """The profile's ladder once, each level with the groups that get it here."""
        return [
            {
                "code": n.code,
                "naam": n.naam,
                "uitleg": n.uitleg,
                "rang": i + 1,
                "groepen": [g for g in self.invloed if g["naam"] == n.naam],
            }
            for i, n in enumerate(self.profiel.niveaus)
        ]

    @property
    def kwadranten(self) -> list[dict]:
        groups = self.tb.omgevingsanalyse
        return [
            {"naam": naam, "uitleg": uitleg, "groepen": [g for g in groups if g.belang == b and g.invloed == i]}
            for b, i, naam, uitleg in KWADRANTEN
        ]

    @cached_property
    def momenten(self) -> list[MomentView]:
        return [MomentView(m, self, self.vandaag) for m in sorted(self.dossier.planning.momenten, key=sort_key)]

    @property
    def komend(self) -> list[MomentView]:
        return [m for m in self.momenten if m.komend]

    @property
    def volgende(self) -> MomentView | None:
        return next((m for m in self.komend if takes_place(m.moment) and m.soort != "besluit"), None)

    @property
    def meedoen(self) -> MomentView | None:
        """The next moment where residents are asked to come or respond (`invites`), while it is still open."""
        return next((m for m in self.komend if takes_place(m.moment) and invites(m.moment)), None)

    @property
    def besluit(self) -> MomentView | None:
        return next((m for m in self.komend if takes_place(m.moment) and final_decision(m.moment)), None)

    @property
    def geweest(self) -> list[MomentView]:
        return list(reversed([m for m in self.momenten if not m.komend]))

    @property
    def inbreng_totaal(self) -> int:
        return self.toetsing.inbreng

    @property
    def inbreng_beantwoord(self) -> int:
        return self.toetsing.inbreng_beantwoord

    @cached_property
    def inbreng_groepen(self) -> list[dict]:
        titles = {m.id: m.titel for m in self.dossier.planning.momenten}
        out = []
        for uitkomst, naam in UITKOMSTEN.items():
            items = [
                {
                    "samenvatting": i.samenvatting,
                    "reactie": i.reactie,
                    "kader": i.kader,
                    "moment": titles.get(i.moment or ""),
                }
                for i in self.dossier.terugkoppeling.inbreng
                if i.uitkomst == uitkomst
            ]
            if items:
                out.append(
                    {
                        "uitkomst": uitkomst,
                        "naam": naam,
                        "klasse": slugify(uitkomst),
                        "aantal": len(items),
                        "punten": items,
                    }
                )
        return out

    @property
    def inbreng_kort(self) -> str:
        return opsomming(f"{u['aantal']} {u['uitkomst']}" for u in self.inbreng_groepen)

    @cached_property
    def eindverslag(self) -> list[dict]:
        if not any(self.volledig.eindverslag.onderdelen.values()):
            return []
        assert self.dossier.eindverslag is not None  # a part of it is there
        sections = self.dossier.eindverslag.sections
        return [
            {"kop": o.kop, "html": safe_markdown(sections.get(o.kop, (0, ""))[1])}
            for o in self.profiel.eindverslag_onderdelen
        ]

    @cached_property
    def bereik(self) -> dict | None:
        """'Wie deden er mee?': each group of the plan against the moments so far; shown where the profile asks who
        took part, or where someone wrote it down."""
        p, groepen = self.profiel, bereik(self.dossier, self.profiel, self.vandaag)
        if p.bereik is None and not any(g.momenten or g.bereikt_bij for g in groepen):
            return None
        geteld, ongeteld = deelnemers(self.dossier, self.vandaag)
        rows = []
        for g in groepen:
            n = p.niveau(g.niveau or "")
            rows.append(
                {
                    "groep": g.groep,
                    "niveau": n.naam if n else "",
                    "moeilijk": (p.bereik or Bereik()).moeilijk_bereikbaar if g.moeilijk_bereikbaar else "",
                    "aanpak": g.aanpak,
                    "bij": [m.titel for m in g.bereikt_bij],
                    "momenten": len(g.momenten),
                    "niet_bereikt": g.niet_bereikt,
                }
            )
        return {"groepen": rows, "geteld": geteld, "ongeteld": ongeteld}

    @property
    def rol_raad(self) -> dict | None:
        """The raad's role here and when it hears of it, in the profile's words."""
        r = self.tb.raad
        if r is None:
            return None
        rollen = [
            {"naam": k.naam, "uitleg": k.uitleg} if (k := self.profiel.rol_raad(c)) else {"naam": c, "uitleg": ""}
            for c in r.rol
        ]
        informeren = [
            {"datum": datum(i.datum), "dag": i.datum, "wat": i.wat, "geweest": i.datum < self.vandaag}
            for i in sorted(r.informeren, key=lambda i: i.datum)
        ]
        return {"rollen": rollen, "toelichting": r.toelichting, "informeren": informeren}

    @cached_property
    def lessen(self) -> list[dict]:
        """What this trajectory learned: each evaluation of a moment that is over, and the eindverslag's evaluation
        where the profile names its heading (Dalfsen §3.2: evaluate and share the lessons)."""
        out = [
            {
                "waar": m.titel,
                "wanneer": kort(m.einde),
                "werkvorm": m.werkvorm or "",
                "goed": m.evaluatie.goed,
                "anders": m.evaluatie.anders,
                "html": "",
            }
            for m in self.geweest
            if m.evaluatie is not None and over(m.moment, self.vandaag)
        ]
        kop = self.profiel.lessen.kop if self.profiel.lessen else None
        md = self.dossier.eindverslag
        tekst = md.sections.get(kop, (0, ""))[1].strip() if kop and md is not None else ""
        if tekst:
            out.insert(
                0,
                {
                    "waar": "Eindverslag",
                    "wanneer": "",
                    "werkvorm": "",
                    "goed": None,
                    "anders": None,
                    "html": safe_markdown(tekst),
                },
            )
        return out

    @property
    def afwijkingen(self) -> tuple[Verantwoording, ...]:
        return self.toetsing.afwijkingen

    @property
    def niet_gemotiveerd(self) -> int:
        return sum(1 for a in self.afwijkingen if not a.gemotiveerd)

    @property
    def volledigheid(self) -> list[dict]:
        """Completeness against the profile, per bouwsteen, plan part and eindverslag part, and whether it is due."""
        plan = self.profiel.woorden.plan
        namen = {"bouwstenen": "Bouwstenen", "plan": plan[:1].upper() + plan[1:], "eindverslag": "Eindverslag"}
        return [
            {"naam": namen[d.soort], "onderdelen": list(d.onderdelen.items()), "pct": d.pct, "nodig": d.nodig}
            for d in self.volledig.delen
        ]

    @property
    def ontbreekt(self) -> tuple[str, ...]:
        return self.toetsing.ontbreekt

    @property
    def nieuws(self) -> list[dict]:
        return [
            {"datum": datum(n.datum), "titel": n.titel, "tekst": n.tekst}
            for n in sorted(self.tb.nieuws, key=lambda n: n.datum, reverse=True)
        ]

    @property
    def contact(self):
        return self.tb.contact

    @property
    def laatst_gewijzigd(self) -> str:
        return datum(self.wijzigingen[0].datum) if self.wijzigingen else ""

    @property
    def geschiedenis(self) -> list[dict]:
        return [{"datum": kort(w.datum), "onderdelen": w.onderdelen} for w in self.wijzigingen]
