"""Assemble every generated page, feed and asset of the site from a checked Result."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from itertools import groupby
from urllib.parse import urlparse

from jinja2 import Environment, PackageLoader

from ..check import Result
from ..githistory import Wijziging
from ..model import STATUSSEN
from . import Generated, ical
from .raad import render_raad
from .text import datum, href, slugify
from .views import STATUS_NAMEN, MomentView, TrajectView

ASSETS = ("participatie.css", "participatie.js")


def environment() -> Environment:
    env = Environment(loader=PackageLoader("participatie", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return env


def render_site(result: Result, histories: dict[str, list[Wijziging]], site_url: str) -> list[Generated]:
    p, vandaag = result.profiel, result.vandaag
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    domain = urlparse(site_url).hostname or "participatie.local"
    env = environment()
    views = sorted((TrajectView(t, p, vandaag, histories.get(t.slug, [])) for t in result.trajecten), key=lambda v: v.titel)
    moments = sorted((m for v in views for m in v.momenten), key=lambda m: (m.m.datum, m.m.tijd or dt.time(0)))
    kernen = list(result.settings.kernen) or sorted({k for v in views for k in v.kernen})
    common = {"gemeente": result.settings.gemeente, "gemeente_kort": result.settings.gemeente.removeprefix("Gemeente "),
              "ladder": p.niveaus, "ladder_map": {n.code: n for n in p.niveaus}}
    out: list[Generated] = []

    def page(path: str, template: str, **ctx) -> None:
        out.append(Generated(path, env.get_template(template).render(page=path, **common, **ctx)))

    def feed(path: str, name: str, description: str, items: list[MomentView]) -> None:
        out.append(Generated(path, ical.feed(path, name, description, items, site_url, domain)))

    for v in views:
        page(v.page, "traject.md.j2", t=v)
        feed(f"trajecten/{v.slug}.ics", v.titel, f"Participatiemomenten van '{v.titel}'", v.momenten)
    komend = [m for m in moments if m.einde >= vandaag]
    page("trajecten/index.md", "trajecten.md.j2", groepen=_by_status(views), kernen=kernen,
         themas=sorted({v.thema for v in views}), statussen=[{"code": s, "naam": STATUS_NAMEN[s]} for s in STATUSSEN],
         kernen_href=href("trajecten/index.md", "kernen/index.md"))
    page("index.md", "home.md.j2", komend=komend[:6], lopend=[v for v in views if v.status in ("vastgesteld", "uitvoering", "plan")],
         kalender_href="kalender/index.html", ics_href="kalender/alles.ics", trajecten_href="trajecten/index.html",
         kernen_href="kernen/index.html", raad_href="raad/index.html")
    kern_rows = []
    for kern in kernen:
        slug = slugify(kern)
        in_kern = [v for v in views if kern in v.kernen]
        kern_rows.append({"naam": kern, "href": f"{slug}.html", "aantal": len(in_kern), "ics_href": f"{slug}.ics"})
        page(f"kernen/{slug}.md", "kern.md.j2", kern=kern, trajecten=in_kern, ics_href=f"../kalender/{slug}.ics",
             komend=[m for m in komend if kern in m.kernen])
        feed(f"kalender/{slug}.ics", f"Participatie in {kern}", f"Participatiemomenten in {kern}",
             [m for m in moments if kern in m.kernen])
    page("kernen/index.md", "kernen.md.j2", kernen=kern_rows)
    feed("kalender/alles.ics", f"Participatiekalender {common['gemeente_kort']}",
         f"Alle participatiemomenten van {result.settings.gemeente}", moments)
    geweest = [m for m in reversed(moments) if m.einde < vandaag]
    cal_ctx = {"kernen": kern_rows, "ics_href": "alles.ics"}
    page("kalender/index.md", "kalender.md.j2", titel="Participatiekalender", archief=False, ander_href="archief.html",
         omschrijving="Alle momenten waarop u kunt meedoen, per maand. Geannuleerde en verplaatste momenten blijven zichtbaar.",
         maanden=_by_month(komend), **cal_ctx)
    page("kalender/archief.md", "kalender.md.j2", titel="Archief van de participatiekalender", archief=True,
         ander_href="index.html", omschrijving="Momenten die al geweest zijn, de nieuwste eerst.", maanden=_by_month(geweest), **cal_ctx)
    out += render_raad(env, common, views, result)
    folder = resources.files("participatie") / "templates" / "assets"
    out += [Generated(f"assets/{name}", (folder / name).read_text(encoding="utf-8")) for name in ASSETS]
    return out


def _by_status(views: list[TrajectView]) -> list[dict]:
    order = ("uitvoering", "vastgesteld", "plan", "verkenning", "afgerond", "gestopt")
    return [{"code": s, "naam": STATUS_NAMEN[s], "trajecten": [v for v in views if v.status == s]}
            for s in order if any(v.status == s for v in views)]


def _by_month(moments: list[MomentView]) -> list[dict]:
    return [{"naam": datum(key[0], "MMMM y").capitalize(), "momenten": list(items)}
            for key, items in groupby(moments, key=lambda m: (m.m.datum.replace(day=1),))]
