"""View models: what a page shows of a trajectory or moment, already in the reader's words."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import cached_property

from ..derive import AFWIJKINGSSOORTEN, completeness, detect_afwijkingen, eindverslag_parts, group_levels, match_declared
from ..githistory import Wijziging
from ..model import UITKOMSTEN, Moment
from ..profile import Profiel
from ..project import Traject
from markupsafe import Markup

from .text import datum, href, kort, safe_markdown, slugify, tijd

STATUS_NAMEN = {"verkenning": "Verkenning", "plan": "Plan in de maak", "vastgesteld": "Plan vastgesteld",
                "uitvoering": "Bezig", "afgerond": "Afgerond", "gestopt": "Gestopt"}
SOORT_NAMEN = {"bijeenkomst": "bijeenkomst", "online": "online", "inloop": "inloop", "terugkoppeling": "terugkoppeling",
               "besluit": "besluit", "inspraak": "inspraak of zienswijze"}
KWADRANTEN = [("groot", "veel", "Groot belang, veel invloed", "We betrekken deze groep zoveel mogelijk."),
              ("klein", "veel", "Klein belang, veel invloed", "We houden deze groep tevreden en op de hoogte."),
              ("groot", "weinig", "Groot belang, minder invloed", "We houden deze groep goed op de hoogte en vragen om ideeën."),
              ("klein", "weinig", "Klein belang, minder invloed", "Deze groep kijkt mee; we houden haar op de hoogte.")]


def traject_page(slug: str) -> str:
    return f"trajecten/{slug}.md"


@dataclass
class MomentView:
    m: Moment
    traject_slug: str
    traject_titel: str
    kernen: list[str]
    niveau_naam: str = ""

    def __getattr__(self, name):
        return getattr(self.m, name)

    @property
    def wanneer(self) -> str:
        m = self.m
        if m.tot and m.tot != m.datum:
            return f"{datum(m.datum, 'EEEE d MMMM')} tot en met {datum(m.tot)}"
        text = datum(m.datum)
        if m.tijd:
            text += f", {tijd(m.tijd)}" + (f" tot {tijd(m.eindtijd)} uur" if m.eindtijd else " uur")
        return text

    @property
    def soort_naam(self) -> str:
        return SOORT_NAMEN[self.m.soort]

    @property
    def link(self) -> str:
        """Only web links become links; anything else was refused by the check."""
        link = self.m.link or ""
        return link if re.match(r"^https?://", link) else ""

    @property
    def niveau(self) -> str:
        return self.niveau_naam

    @property
    def geannuleerd(self) -> str:
        return self.m.geannuleerd.reden if self.m.geannuleerd else ""

    @property
    def verplaatst(self) -> list[dict]:
        return [{"van": datum(v.van), "reden": v.reden} for v in self.m.verplaatst]

    @property
    def einde(self) -> dt.date:
        return self.m.tot or self.m.datum

    def traject_href(self, page: str) -> str:
        return href(page, traject_page(self.traject_slug))


def moment_views(t: Traject, p: Profiel) -> list[MomentView]:
    def name(code):
        n = p.niveau(code or "")
        return n.naam if n else ""
    return sorted((MomentView(m, t.slug, t.traject.titel, list(t.traject.kernen), name(m.niveau)) for m in t.planning.momenten),
                  key=lambda v: (v.m.datum, v.m.tijd or dt.time(0)))


@dataclass
class GroepView:
    groep: str
    toelichting: str | None
    niveaus: list[str]
    fasen: dict[str, str] = field(default_factory=dict)

    def fase_tekst(self, code: str) -> str:
        return f"bij '{self.fasen[code]}'" if code in self.fasen else "dit traject"


@dataclass
class TrajectView:
    """Everything the pages show of one trajectory."""

    t: Traject
    p: Profiel
    vandaag: dt.date
    geschiedenis_raw: list[Wijziging] = field(default_factory=list)

    def __getattr__(self, name):
        return getattr(self.t.traject, name)

    @property
    def slug(self): return self.t.slug
    @property
    def page(self): return traject_page(self.t.slug)
    def href(self, page: str) -> str: return href(page, self.page)
    @property
    def titel_yaml(self): return _yaml_str(self.t.traject.titel)
    @property
    def samenvatting_yaml(self): return _yaml_str(self.t.traject.samenvatting or "")
    @property
    def status_naam(self): return STATUS_NAMEN[self.t.traject.status]
    @property
    def thema(self): return self.t.traject.thema or "Overig"

    @property
    def soort_werk_naam(self):
        s = self.p.soort_werk(self.t.traject.soort_werk or "")
        return s.naam if s else "Soort werk nog niet bepaald"

    @property
    def niveaus(self) -> list[str]:
        levels = {lv for lvs in group_levels(self.t).values() for lv in lvs}
        return [code for code in self.p.niveau_codes if code in levels]

    @property
    def niveau_namen(self): return [self.p.niveau(c).naam for c in self.niveaus]

    @property
    def gestopt(self):
        g = self.t.traject.gestopt
        return {"datum": datum(g.datum), "reden": g.reden} if g else None

    @property
    def vastgesteld(self):
        v = self.t.traject.vastgesteld
        return {"datum": datum(v.datum), "door": v.door} if v else None

    @property
    def laatst_gewijzigd(self): return datum(self.geschiedenis_raw[0].datum) if self.geschiedenis_raw else ""
    @property
    def geschiedenis(self): return [{"datum": kort(w.datum), "bericht": w.bericht} for w in self.geschiedenis_raw]
    @property
    def opgave(self): return safe_markdown(self.t.opgave.text if self.t.opgave else "")
    @property
    def doelen(self): return [d.naam for d in self.p.doelen if d.code in self.t.traject.doelen]

    @cached_property
    def groepen(self) -> list[GroepView]:
        levels = group_levels(self.t)
        return [GroepView(g.groep, g.toelichting, [c for c in self.p.niveau_codes if c in levels[g.groep]],
                          {f.niveau: f.fase for f in g.fasen}) for g in self.t.traject.omgevingsanalyse]

    @property
    def harde_kaders(self): return [k for k in self.t.kaders.kaders if k.hard]
    @property
    def zachte_kaders(self): return [k for k in self.t.kaders.kaders if not k.hard]

    @property
    def kwadranten(self):
        groups = self.t.traject.omgevingsanalyse
        return [{"naam": naam, "uitleg": uitleg, "groepen": [g for g in groups if g.belang == b and g.invloed == i]}
                for b, i, naam, uitleg in KWADRANTEN]

    @cached_property
    def momenten(self) -> list[MomentView]: return moment_views(self.t, self.p)
    @property
    def komend(self): return [m for m in self.momenten if m.einde >= self.vandaag]
    @property
    def geweest(self): return list(reversed([m for m in self.momenten if m.einde < self.vandaag]))
    @property
    def ics_href(self): return f"{self.t.slug}.ics"

    @property
    def inbreng_totaal(self): return len(self.t.terugkoppeling.inbreng)

    @property
    def inbreng_groepen(self):
        titles = {m.id: m.titel for m in self.t.planning.momenten}
        out = []
        for uitkomst in UITKOMSTEN:
            items = [{"samenvatting": i.samenvatting, "reactie": i.reactie, "kader": i.kader, "moment": titles.get(i.moment or "")}
                     for i in self.t.terugkoppeling.inbreng if i.uitkomst == uitkomst]
            if items:
                out.append({"uitkomst": uitkomst, "klasse": slugify(uitkomst), "aantal": len(items), "punten": items})
        return out

    @property
    def eindverslag(self):
        if not any(eindverslag_parts(self.t, self.p).values()):
            return []
        sections = self.t.eindverslag.sections
        return [{"kop": o.kop, "html": safe_markdown(sections.get(o.kop, (0, ""))[1])} for o in self.p.eindverslag_onderdelen]

    @cached_property
    def afwijkingen(self) -> list[dict]:
        """Declared afwijkingen, plus detected ones nobody declared (shown as not motivated)."""
        detected = detect_afwijkingen(self.t, self.p, self.vandaag)
        matches = [(g, match_declared(self.t, g)) for g in detected]
        matched = {m[0] for _, m in matches if m}
        out = [{"soort": a.soort, "soort_naam": AFWIJKINGSSOORTEN.get(a.soort, a.soort), "betreft": a.betreft, "wat": a.wat,
                "motivering": a.motivering, "gevonden": i in matched} for i, a in enumerate(self.t.traject.afwijkingen)]
        out += [{"soort": g.soort, "soort_naam": AFWIJKINGSSOORTEN[g.soort], "betreft": g.betreft, "wat": g.omschrijving,
                 "motivering": None, "gevonden": True} for g, m in matches if m is None]
        return out

    @cached_property
    def volledigheid(self) -> list[dict]:
        """Completeness against the profile, per bouwsteen, plan part and eindverslag part."""
        vol = completeness(self.t, self.p)
        def part(naam, items):
            return {"naam": naam, "onderdelen": list(items.items()), "pct": round(100 * sum(items.values()) / len(items)) if items else 100}
        return [part("Bouwstenen", vol.bouwstenen), part("Plan van aanpak", vol.plan), part("Eindverslag", vol.eindverslag)]

    @property
    def nieuws(self):
        return [{"datum": datum(n.datum), "titel": n.titel, "tekst": n.tekst}
                for n in sorted(self.t.traject.nieuws, key=lambda n: n.datum, reverse=True)]

    @property
    def contact(self):
        return self.t.traject.contact or {}


def _yaml_str(text: str) -> Markup:
    """A plain-text value safe inside YAML front matter and in the theme's meta tags."""
    plain = re.sub(r"[<>&\"'`\\]", "", " ".join(text.split()))
    return Markup(json.dumps(plain, ensure_ascii=False))
