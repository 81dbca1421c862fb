"""Assemble every generated page, feed, export and asset of the site from a checked Result.

Only published trajectories appear anywhere: a withheld one is in no page, feed, search
index or export (see `pipeline.Result.withheld`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from itertools import groupby
from typing import Any
from urllib.parse import urlparse

from markupsafe import Markup

from ..cache import Cache, pack, unpack
from ..derive.wijzigingen import history, last_change
from ..model.profiel import Profiel
from ..pipeline import Result
from ..processen import in_order
from ..vocabulary import LOPEND, OVERZICHT, STATUSSEN, VOORBEREIDING
from . import atom, exports, ical, opendata, toegankelijkheid
from .html import environment, keep_compiled
from .initiatieven import INGEDIEND, InitiatiefView, columns_for, figures
from .monitor import render_monitor
from .page import Generated, Page
from .text import datum, href, slugify
from .views import MomentView, TrajectView

ASSETS = ("participatie.css", "participatie.js")


# Cards by what they are made of (the owner's files and dates, the site's context), kept across the builds of one
# process: `mkdocs serve` renders the calendars again after each edit, and only the edited trajectory's cards change.
KEPT_CARDS: dict[tuple, Any] = {}


# The kinds of card kept in the cache between processes (text, so a later build reads them back as they were made);
# a view is an object of this process, made again by the next.
STORED = frozenset({"moment", "traject", "lessen", "raad-rij", "afwijkingen", "export"})
# What this process knows the cache holds, by folder: what the cards are made of and their keys (read or written).
IN_STORE: dict[str, tuple[str, set[tuple]]] = {}


def _folder(owner: Any) -> str:
    """The folder of a trajectory or initiative: of its view, or of the checked folder itself."""
    return getattr(owner, "dossier", owner).map


def _lines(cards: Iterable[Markup]) -> Markup:
    return Markup("".join([f"{card}\n" for card in cards]))


class Cards:
    """Each card rendered once and reused on every page that lists it: a trajectory's card once per folder, a
    moment's once per link to its trajectory (the calendar and the kernen's pages give the same link).

    `made_of(owner)` says what an owner's cards are made of (None: not known, so kept for this build only). With a
    `store` (the render cache), an owner's cards are also kept between processes, by what they are made of: a
    warm build or a preview's first build renders only the cards of what changed.
    """

    def __init__(self, made_of: Callable[[object], str | None] = lambda owner: None, store: Cache | None = None):
        self.memo: dict[tuple, Any] = {}
        self.macros = environment().get_template("macros.html.j2").module
        self.made_of = made_of
        self.store = store
        self.used: set[tuple] = set()
        self.by_folder: dict[str, tuple[str, set[tuple]]] = {}  # folder -> (what its cards are made of, their keys)
        self.read: set[str] = set()  # folders whose stored cards were asked for in this build

    def kept(self, key: tuple, owner: Any, make: Callable[[], Any]) -> Any:
        """What `make` makes for an owner, made once per build, or once while the owner's files stay the same."""
        stable = self.made_of(owner)
        if stable is None:
            if key not in self.memo:
                self.memo[key] = make()
            return self.memo[key]
        full = (stable, *key)
        self.used.add(full)
        if self.store is not None and key[0] in STORED:
            folder = _folder(owner)
            mine = self.by_folder.setdefault(folder, (stable, set()))[1]
            mine.add(key)
            if full not in KEPT_CARDS and folder not in self.read:
                self._read(folder, stable)
        if full not in KEPT_CARDS:
            KEPT_CARDS[full] = make()
        return KEPT_CARDS[full]

    def _read(self, folder: str, stable: str) -> None:
        assert self.store is not None
        self.read.add(folder)
        hit = self.store.get(f"kaarten/{folder}", stable, parts=1)
        stored: dict[tuple, Any] = hit[0] if hit else {}
        IN_STORE[folder] = (stable, set(stored))
        for key, value in stored.items():
            KEPT_CARDS.setdefault((stable, *key), value)

    def save(self) -> None:
        """Keep each owner's cards of this build in the store, when the store does not hold them yet."""
        if self.store is None:
            return
        for folder, (stable, keys) in self.by_folder.items():
            slug = f"kaarten/{folder}"
            known = IN_STORE.get(folder)
            if known is not None and known[0] == stable and keys <= known[1]:
                self.store.keep(slug)
            else:
                self.store.put(slug, stable, {key: KEPT_CARDS[(stable, *key)] for key in keys})
                IN_STORE[folder] = (stable, set(keys))

    def moment(self, m: MomentView, page: str) -> Markup:
        """A moment's card on an overview: one per link to its trajectory (the calendar and the kernen share them)."""
        link = m.traject_href(page)
        key = ("moment", m.traject.slug, m.moment.id, link)
        return self.kept(key, m.traject, lambda: self.macros.moment_item(m, link))  # type: ignore[attr-defined]

    def traject(self, t: TrajectView, page: str) -> Markup:
        key = ("traject", t.slug, posixpath.dirname(page))
        return self.kept(key, t, lambda: self.macros.traject_item(t, page))  # type: ignore[attr-defined]

    # A list's cards, each on its own line: one call from a template instead of one per card (a calendar lists
    # thousands of moments, the raad's table a row per trajectory).
    def momenten(self, moments: list[MomentView], page: str) -> Markup:
        return _lines(self.moment(m, page) for m in moments)

    def trajecten(self, views: list[TrajectView], page: str) -> Markup:
        return _lines(self.traject(t, page) for t in views)

    def raad_rijen(self, rows: list[tuple[TrajectView, dict]], page: str, met_soort: bool) -> Markup:
        return _lines(self.raad_rij(v, row, page, met_soort) for v, row in rows)

    def afwijkingen_lijst(self, owners: list, page: str) -> Markup:
        return _lines(self.afwijkingen(o, page) for o in owners)

    def lessen(self, t: TrajectView, page: str) -> Markup:
        key = ("lessen", t.slug, posixpath.dirname(page))
        return self.kept(key, t, lambda: self.macros.lessen_blok(t, page))  # type: ignore[attr-defined]

    def raad_rij(self, v: TrajectView, row: dict, page: str, met_soort: bool) -> Markup:
        key = ("raad-rij", v.slug, posixpath.dirname(page), met_soort)
        return self.kept(key, v, lambda: self.macros.raad_rij(v, row, page, met_soort))  # type: ignore[attr-defined]

    def afwijkingen(self, owner, page: str) -> Markup:
        key = ("afwijkingen", owner.soort_woord, owner.slug, posixpath.dirname(page))
        return self.kept(key, owner, lambda: self.macros.afwijkingen_sectie(owner, page))  # type: ignore[attr-defined]

    def forget_unused(self) -> None:
        """Keep only the cards this build used: an edited trajectory's old cards go."""
        for key in set(KEPT_CARDS) - self.used:
            del KEPT_CARDS[key]


@dataclass
class Output:
    pages: list[Page] = field(default_factory=list)
    files: list[Generated] = field(default_factory=list)
    trajecten: dict[str, str] = field(default_factory=dict)  # slug -> title, of every trajectory with its own feed

    def head(self, page_path: str) -> str:
        """The <link rel="alternate"> tags a page announces its feeds with; builders put them in <head>."""
        return atom.head_tags(page_path, self.trajecten) + FEEDS_ARE_NOT_LANGUAGES


# Material's and Zensical's bundle takes every <link rel="alternate"> for another language of the site and fetches
# sitemap.xml beside it: for trajecten/x.xml a 404 on every trajectory page (zensical/zensical#908, open). Feed
# readers read the links from the HTML as written; this renames them in the browser only, before the bundle runs.
FEEDS_ARE_NOT_LANGUAGES = (
    "<script>for(const l of document.querySelectorAll('link[rel=alternate][type=\"application/atom+xml\"]'))"
    'l.rel="alternate feed"</script>'
)


# What one trajectory adds to the site, as the cache keeps it: page, feed files, event bytes, raad row, news items.
Rendered = tuple[Page, list[Generated], dict[str, bytes], dict, list[atom.Entry]]


class SiteRenderer:
    """Renders one site; `page()` and `feed()` collect the output."""

    def __init__(self, result: Result, dates: dict[str, list[dt.date]], site_url: str, cache: Cache | None = None):
        if result.profiel is None:
            raise ValueError("render_site needs a checked profile; the pipeline stops before rendering without one")
        self.result, self.dates, self.cache = result, dates, cache
        self.keys: dict[str, str | None] = {}  # by folder: what its pages are made of (see _key)
        self.made: dict[str, str | None] = {}  # by folder: what its cards are made of (see _made_of)
        self.dates_by_folder: dict[str, list[tuple[str, list[dt.date]]]] | None = None
        self.profiel: Profiel = result.profiel
        self.vandaag = result.vandaag
        self.site_url = site_url if site_url.endswith("/") else site_url + "/"
        self.feeds = ical.Feeds(self.site_url, urlparse(self.site_url).hostname or "participatie.local")
        self.out = Output()
        self.cards = Cards(self._made_of, cache)
        self.rows: dict[str, dict] = {}
        self.entries: dict[str, list[atom.Entry]] = {}
        open_data = result.settings.opties.open_data
        self.licentie = open_data.licentie if open_data else "CC0-1.0"
        gemeente = result.settings.gemeente
        self.common = {
            "gemeente": gemeente,
            "gemeente_kort": gemeente.removeprefix("Gemeente "),
            "ladder": self.profiel.niveaus,
            "bron": self.profiel.bron,
            "woorden": self.profiel.woorden,
            "kaart": self.cards,
        }

    def page(
        self, path: str, template: str, titel: str, beschrijving: str, /, hide: tuple[str, ...] = (), **ctx
    ) -> None:
        body = environment().get_template(template).render(page=path, **self.common, **ctx)
        self.out.pages.append(Page(path, titel, beschrijving, body, hide))

    def feed(self, path: str, name: str, description: str, moments: list[MomentView]) -> None:
        self.out.files.append(Generated(path, self.feeds.feed(path, name, description, moments, self.moment_stamp)))

    def moment_stamp(self, m: MomentView) -> dt.date:
        return self.stamp(m.traject)

    def stamp(self, owner: TrajectView | InitiatiefView) -> dt.date:
        changed = last_change(self.dates, owner.map, owner.moment_file)
        return min(changed, self.vandaag) if changed else self.vandaag

    def view(self, t) -> TrajectView:
        """What the pages show of a trajectory: made once while its files stay the same (in a preview, its moments,
        lessons and other derived lists are not worked out again after an edit elsewhere)."""
        return self.cards.kept(
            ("view", t.map),
            t,
            lambda: TrajectView(t, self.profiel, self.vandaag, self.result.toetsing(t.map), history(self.dates, t.map)),
        )

    def initiative_view(self, i) -> InitiatiefView:
        return self.cards.kept(
            ("view", i.map), i, lambda: InitiatiefView(i, self.profiel, self.vandaag, self.result.toetsing(i.map))
        )

    def trajectories(
        self, views: list[TrajectView], most: int | None = None, meanwhile: Callable[[], object] | None = None
    ) -> None:
        """Each trajectory's page, feeds and raad row: from the cache when its files and history are unchanged,
        else made on every core (processen.in_order); added in the order of `views` either way, before what
        `meanwhile()` adds. That runs in this process while the workers work: pages that need none of this."""
        environment().get_template("traject.html.j2")  # compiled once, before any worker forks (each compiled it)
        pages_at, files_at = len(self.out.pages), len(self.out.files)
        keys = [self._key(v.dossier) if self.cache else None for v in views]
        made: dict[str, Rendered] = {}
        for v, key in zip(views, keys, strict=True):
            hit = self.cache.get(v.slug, key, parts=1) if key and self.cache else None
            if hit is not None:
                made[v.slug] = hit[0]
        todo = [n for n, v in enumerate(views) if v.slug not in made]
        if self.cache is None:
            rendered = in_order(lambda n: self._render(views[n]), todo, most, meanwhile)
            for n, parts in zip(todo, rendered, strict=True):
                made[views[n].slug] = parts
        else:  # the cache keeps them packed: the worker packs, this process only reads back
            blobs = in_order(lambda n: pack(self._render(views[n])), todo, most, meanwhile)
            for n, blob in zip(todo, blobs, strict=True):
                made[views[n].slug] = unpack(blob)
                key = keys[n]
                if key:  # with the values read back: a preview's next rebuild finds them in memory
                    self.cache.put_packed(views[n].slug, key, blob, values=(made[views[n].slug],))
        pages: list[Page] = []
        files: list[Generated] = []
        for v in views:
            page, generated, events, row, items = made[v.slug]
            self.out.trajecten[v.slug] = v.titel
            pages.append(page)
            files += generated
            self.feeds.events.update(events)
            self.rows[v.slug] = row
            self.entries[v.slug] = items
        self.out.pages[pages_at:pages_at] = pages
        self.out.files[files_at:files_at] = files

    def _render(self, v: TrajectView) -> Rendered:
        body = environment().get_template("traject.html.j2").render(page=v.page, **self.common, t=v)
        page = Page(v.page, v.titel, v.samenvatting or v.titel, body, ())
        ics = f"trajecten/{v.slug}.ics"
        calendar = self.feeds.feed(ics, v.titel, f"Participatiemomenten van '{v.titel}'", v.momenten, self.moment_stamp)
        events = {ical.uid(m, self.feeds.domain): self.feeds.events[ical.uid(m, self.feeds.domain)] for m in v.momenten}
        entries = atom.entries(v, self.dates, self.site_url, self.vandaag)
        news = atom.feed(
            atom.feed_path(v.slug),
            v.titel,
            f"Nieuws, wijzigingen en reacties op inbreng: {v.titel}",
            entries,
            self.site_url,
            self.common["gemeente"],
            v.page.removesuffix(".md") + ".html",
            self.vandaag,
        )
        files = [Generated(ics, calendar), Generated(atom.feed_path(v.slug), news)]
        return page, files, events, exports.row(v), entries

    def export(
        self, kind: str, owner, columns: list[tuple[str, str]], rows: Callable[..., list[dict]], *args: object
    ) -> list[exports.Encoded]:
        """An owner's rows of one export (CSV and JSON): `rows(*args)`, written out once, and kept with its cards."""
        key = ("export", kind, owner.soort_woord, owner.slug)
        return self.cards.kept(key, owner, lambda: exports.encoded(rows(*args), columns))

    def _made_of(self, owner) -> str | None:
        """What a trajectory's or initiative's cards (or view) are made of, when the cache knows its files."""
        folder = _folder(owner)
        if folder not in self.made:
            key = self._key(getattr(owner, "dossier", owner))
            self.made[folder] = (
                None if key is None else f"{self.result.cache_context}|{self.site_url}|{self.vandaag}|{key}"
            )
        return self.made[folder]

    def _key(self, t) -> str | None:
        files = self.result.sleutels.get(t.map)
        if self.cache is None or files is None:
            return None
        dates = ",".join(
            f"{path}:{'.'.join(d.isoformat() for d in days)}"
            for path, days in sorted(self.dates.items())
            if path.startswith(t.map + "/")
        )
        return hashlib.sha256(f"{files}|{dates}".encode()).hexdigest()


def render_site(
    result: Result, dates: dict[str, list[dt.date]], site_url: str, cache: bool = True, processen: int | None = None
) -> Output:
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    store = (
        Cache(result.settings.base, f"{result.cache_context}|{site_url}", "paginas")
        if cache and result.sleutels
        else None
    )
    compiled = keep_compiled(result.settings.base if cache else None)
    r = SiteRenderer(result, dates, site_url, store)
    views = sorted((r.view(t) for t in result.published), key=lambda v: v.titel)
    initiatieven = (
        sorted(
            (r.initiative_view(i) for i in result.published_initiatieven),
            key=lambda v: v.titel,
        )
        if r.profiel.initiatieven
        else []
    )
    owners: list[TrajectView | InitiatiefView] = [*views, *initiatieven]
    moments = sorted(
        (m for v in owners for m in v.momenten),
        key=lambda m: (m.moment.datum, m.moment.tijd or dt.time(0), m.traject.uid_prefix),
    )
    komend = [m for m in moments if m.komend]
    kernen: list[dict] = []

    def overviews() -> None:  # what needs no trajectory's page, feeds or raad row: made while the workers make them
        _overviews(r, views, komend)
        _initiatieven(r, initiatieven)
        kernen.extend(_kernen(r, views, initiatieven, komend))
        _kalender(r, moments, komend, kernen)

    r.trajectories(views, processen, overviews)
    _feeds(r, moments, kernen)
    _raad(r, views, initiatieven)
    _lessen(r, views)
    _toegankelijkheid(r)
    newest = sorted((e for items in r.entries.values() for e in items), key=lambda e: (e.datum, e.id), reverse=True)
    r.out.files.append(
        Generated(
            atom.SITE_FEED,
            atom.feed(
                atom.SITE_FEED,
                f"Meedoen in {r.common['gemeente_kort']}",
                "Nieuws, wijzigingen en reacties op inbreng van alle trajecten",
                newest[: atom.SITE_LIMIT],
                r.site_url,
                r.common["gemeente"],
                "index.html",
                r.vandaag,
            ),
        )
    )
    folder = resources.files("participatie") / "templates" / "assets"
    r.out.files += [Generated(f"assets/{name}", (folder / name).read_text(encoding="utf-8")) for name in ASSETS]
    if store is not None:
        r.cards.save()
        store.save()
        r.cards.forget_unused()
    compiled.save()
    return r.out


def _overviews(r: SiteRenderer, views: list[TrajectView], komend: list[MomentView]) -> None:
    groepen = [
        {"code": s, "naam": STATUSSEN[s], "trajecten": [v for v in views if v.status == s]}
        for s in OVERZICHT
        if any(v.status == s for v in views)
    ]
    kernen = list(r.result.settings.kernen) or sorted({k for v in views for k in v.kernen})
    r.page(
        "trajecten/index.md",
        "trajecten.html.j2",
        "Alle trajecten",
        f"Alle participatietrajecten van {r.common['gemeente']}, per status.",
        groepen=groepen,
        kernen=kernen,
        themas=sorted({v.thema for v in views}),
        statussen=STATUSSEN,
        kernen_href=href("trajecten/index.md", "kernen/index.md"),
    )
    r.page(
        "index.md",
        "home.html.j2",
        f"Meedoen in {r.common['gemeente_kort']}",
        "Wat er speelt, wanneer u mee kunt doen en wat er met uw inbreng gebeurt.",
        komend=komend[:6],
        nu=sorted((v for v in views if v.meedoen), key=lambda v: (v.meedoen.einde, v.titel)),
        lopend=[v for v in views if v.status in LOPEND],
        met_initiatieven=r.profiel.initiatieven is not None,
    )


def _initiatieven(r: SiteRenderer, views: list[InitiatiefView]) -> None:
    beleid = r.profiel.initiatieven
    if beleid is None:
        return
    for v in views:
        r.page(v.page, "initiatief.html.j2", v.titel, v.samenvatting or v.titel, v=v)
    statussen = [
        INGEDIEND,
        *[(s.code, s.naam if s.einde else f"Laatste stap: {s.naam}") for s in beleid.stappen],
        *[(u.code, u.naam) for u in beleid.uitkomsten if u.einde],
    ]
    groepen = [
        {"code": code, "naam": naam, "lijst": [v for v in views if v.status[0] == code]} for code, naam in statussen
    ]
    r.page(
        "initiatieven/index.md",
        "initiatieven.html.j2",
        "Initiatieven van inwoners",
        "Plannen die inwoners zelf bedachten, en wat de gemeente ermee deed.",
        groepen=[g for g in groepen if g["lijst"]],
        statussen=statussen,
        kernen=list(r.result.settings.kernen) or sorted({k for v in views for k in v.kernen}),
        themas=sorted({v.thema for v in views}),
        uitkomsten=beleid.uitkomsten,
        cijfers=figures(views),
    )
    r.page(
        "initiatieven/indienen.md",
        "indienen.html.j2",
        "Een idee indienen",
        "Zo dient u een eigen initiatief in, en zo gaat de gemeente ermee om.",
        loket=r.result.settings.loket,
        stappen=beleid.stappen,
        uitkomsten=beleid.uitkomsten,
        bron_initiatieven=beleid.bron,
    )


def _kernen(r: SiteRenderer, views, initiatieven, komend) -> list[dict]:
    rows = []
    for kern in list(r.result.settings.kernen) or sorted({k for v in views for k in v.kernen}):
        slug = slugify(kern)
        in_kern = [v for v in views if kern in v.kernen]
        rows.append(
            {"naam": kern, "slug": slug, "href": f"{slug}.html", "aantal": len(in_kern), "ics_href": f"{slug}.ics"}
        )
        r.page(
            f"kernen/{slug}.md",
            "kern.html.j2",
            kern,
            f"Participatietrajecten en momenten in {kern}.",
            kern=kern,
            trajecten=in_kern,
            ics_href=f"../kalender/{slug}.ics",
            komend=[m for m in komend if kern in m.kernen],
            initiatieven=[v for v in initiatieven if kern in v.kernen],
        )
    r.page("kernen/index.md", "kernen.html.j2", "Kernen en wijken", "Participatie per kern.", kernen=rows)
    return rows


def _feeds(r: SiteRenderer, moments: list[MomentView], kernen: list[dict]) -> None:
    """The calendar of each kern and of the whole gemeente: of the events the trajectories' feeds made."""
    for row in kernen:
        kern = row["naam"]
        r.feed(
            f"kalender/{row['slug']}.ics",
            f"Participatie in {kern}",
            f"Participatiemomenten in {kern}",
            [m for m in moments if kern in m.kernen],
        )
    r.feed(
        "kalender/alles.ics",
        f"Participatiekalender {r.common['gemeente_kort']}",
        f"Alle participatiemomenten van {r.common['gemeente']}",
        moments,
    )


def _kalender(r: SiteRenderer, moments, komend, kernen) -> None:
    geweest = [m for m in reversed(moments) if not m.komend]
    uitleg = "Alle momenten waarop u kunt meedoen, per maand. Geannuleerde en verplaatste momenten blijven zichtbaar."
    r.page(
        "kalender/index.md",
        "kalender.html.j2",
        "Participatiekalender",
        uitleg,
        titel="Participatiekalender",
        archief=False,
        omschrijving=uitleg,
        maanden=_by_month(komend),
        kernen=kernen,
    )
    uitleg = "Momenten die al geweest zijn, de nieuwste eerst."
    r.page(
        "kalender/archief.md",
        "kalender.html.j2",
        "Archief van de participatiekalender",
        uitleg,
        titel="Archief van de participatiekalender",
        archief=True,
        omschrijving=uitleg,
        maanden=_by_month(geweest),
        kernen=kernen,
    )


def _toegankelijkheid(r: SiteRenderer) -> None:
    v = r.result.settings.opties.toegankelijkheid
    if v is None:
        return
    r.page(
        "toegankelijkheid/index.md",
        "toegankelijkheid.html.j2",
        "Toegankelijkheidsverklaring",
        f"Hoe toegankelijk deze site van {r.common['gemeente']} is, en hoe u een probleem meldt.",
        v=v,
        site_url=r.site_url,
        statussen=toegankelijkheid.STATUSSEN,
        maatregelen=toegankelijkheid.MAATREGELEN + v.maatregelen,
        register=toegankelijkheid.REGISTER,
        onderzoek=toegankelijkheid.research(r.result.settings.base, v.onderzoek),
    )


def _open_data(
    r: SiteRenderer,
    views: list[TrajectView],
    columns,
    n_trajecten: int,
    ini_columns,
    n_initiatieven: int,
    n_afwijkingen: int,
) -> None:
    """The ledger of input and responses, the Data Package describing every export, and the DCAT record."""
    ledger = [row for v in views for row in r.export("inbreng", v, opendata.LEDGER_COLUMNS, opendata.ledger_rows, [v])]
    settings = r.result.settings.opties.open_data
    meta = opendata.build_meta(
        r.common["gemeente"], r.site_url, r.vandaag, r.licentie, f"participatie-{slugify(r.common['gemeente_kort'])}"
    )
    resources = [
        opendata.trajecten_resource(r.profiel, columns, n_trajecten),
        opendata.ledger_resource(len(ledger)),
        opendata.afwijkingen_resource(r.profiel, n_afwijkingen),
    ]
    if r.profiel.initiatieven is not None:
        resources.append(opendata.initiatieven_resource(r.profiel, ini_columns, n_initiatieven))
    r.out.files += [
        Generated("raad/inbreng.csv", exports.csv_of(ledger, opendata.LEDGER_COLUMNS)),
        Generated("raad/datapackage.json", opendata.datapackage(r.profiel, meta, resources)),
    ]
    if settings is not None:
        distributions = [(f"raad/{res[1]}", res[2], "text/csv") for res in resources]
        distributions.append(
            ("raad/datapackage.json", "Beschrijving van de data (Frictionless Data Package)", "application/json")
        )
        r.out.files.append(
            Generated("raad/catalogus.jsonld", opendata.dcat(meta, settings.contact, settings.thema, distributions))
        )


def _raad(r: SiteRenderer, views: list[TrajectView], initiatieven: list[InitiatiefView]) -> None:
    rows = [r.rows[v.slug] for v in views]
    ini_rows = [v.row() for v in initiatieven]
    ini_columns = columns_for(r.profiel.initiatieven) if r.profiel.initiatieven is not None else []
    owners: list[TrajectView | InitiatiefView] = [*views, *initiatieven]
    afwijkingen = exports.afwijking_rows(owners)
    columns = exports.columns_for(r.profiel)
    # each owner's rows written out once, and kept while its files stay the same (a preview's rebuild after one edit)
    encoded_rows = [line for v in views for line in r.export("traject", v, columns, list, [r.rows[v.slug]])]
    encoded_ini = [
        line
        for v, row in zip(initiatieven, ini_rows, strict=True)
        for line in r.export("initiatief", v, ini_columns, list, [row])
    ]
    encoded_afw = [
        line
        for o in owners
        for line in r.export("afwijkingen", o, exports.AFWIJKING_COLUMNS, exports.afwijking_rows, [o])
    ]
    meta = {
        "titel": f"Participatietrajecten {r.common['gemeente']}",
        "peildatum": r.vandaag.isoformat(),
        "licentie": r.licentie,
        "beleidsprofiel": r.profiel.naam,
    }
    r.page(
        "raad/index.md",
        "raad.html.j2",
        "Overzicht voor de gemeenteraad",
        "Houdt de gemeente zich aan haar eigen "
        "participatiebeleid? Per traject de volledigheid en elke afwijking met de motivering.",
        rows=list(zip(views, rows, strict=True)),
        kolommen=exports.headers_for(r.profiel),
        met_soort=bool(r.profiel.soorten_werk),
        peildatum=r.vandaag,
        voldoen=sum(x["voldoet"] for x in rows),
        tegengehouden=len(r.result.withheld) + len(r.result.withheld_initiatieven),
        initiatieven=list(zip(initiatieven, ini_rows, strict=True)),
        cijfers=figures(initiatieven),
        met_afwijkingen=[o for o in owners if o.afwijkingen],
        bron_voorbeeld=herkomst[0] if (herkomst := r.profiel.herkomst("plan_onderdelen")) else r.profiel.bron,
        n_afwijkingen=len(afwijkingen),
        n_gemotiveerd=sum(a["gemotiveerd"] for a in afwijkingen),
        besluiten=sorted(
            (m for v in views for m in v.komend if m.soort == "besluit" and not m.geannuleerd),
            key=lambda m: (m.moment.datum, m.traject.titel),
        ),
        voorbereiding=[v for v in views if v.status in VOORBEREIDING],
        informeren=sorted(
            ((i, v) for v in views if v.rol_raad for i in v.rol_raad["informeren"] if not i["geweest"]),
            key=lambda iv: (iv[0]["dag"], iv[1].titel),
        ),
        lessen=r.profiel.lessen is not None,
    )
    r.out.files += [
        Generated("raad/trajecten.csv", exports.csv_of(encoded_rows, columns)),
        Generated("raad/trajecten.json", exports.json_of(encoded_rows, meta, columns)),
        Generated("raad/afwijkingen.csv", exports.csv_of(encoded_afw, exports.AFWIJKING_COLUMNS)),
        Generated(
            "raad/afwijkingen.json",
            exports.json_of(
                encoded_afw,
                {**meta, "titel": f"Afwijkingen van het participatiebeleid, {r.common['gemeente']}"},
                exports.AFWIJKING_COLUMNS,
                "afwijkingen",
            ),
        ),
    ]
    if r.profiel.initiatieven is not None:
        meta = {**meta, "titel": f"Inwonersinitiatieven {r.common['gemeente']}"}
        r.out.files += [
            Generated("raad/initiatieven.csv", exports.csv_of(encoded_ini, ini_columns)),
            Generated("raad/initiatieven.json", exports.json_of(encoded_ini, meta, ini_columns, "initiatieven")),
        ]
    _open_data(r, views, columns, len(rows), ini_columns, len(ini_rows), len(afwijkingen))
    indicatoren, charts = render_monitor(views, initiatieven)
    r.page(
        "raad/monitor.md",
        "monitor.html.j2",
        r.profiel.woorden.monitor,
        "Cijfers over hoe de gemeente inwoners betrekt, zoals het beleid ze vraagt.",
        indicatoren=indicatoren,
        peildatum=r.vandaag,
        aantal=len(views),
        initiatieven=len(initiatieven),
        cijfers=figures(initiatieven),
        met_evaluatie=sum(1 for v in views if v.lessen),
        lessen=r.profiel.lessen is not None,
    )
    r.out.files += charts


def _lessen(r: SiteRenderer, views: list[TrajectView]) -> None:
    """'Wat we leerden': every evaluation on one page, where the profile asks to share the lessons (Dalfsen §3.2)."""
    if r.profiel.lessen is None:
        return
    met = [v for v in views if v.lessen]
    herkomst = r.profiel.herkomst("lessen")
    r.page(
        "lessen/index.md",
        "lessen.html.j2",
        "Wat we leerden",
        "Wat ging goed en wat doen we anders? De evaluaties van alle bijeenkomsten en trajecten.",
        trajecten=met,
        aantal=sum(len(v.lessen) for v in met),
        soorten=[(s.code, s.naam) for s in r.profiel.soorten_werk if any(v.tb.soort_werk == s.code for v in met)],
        werkvormen=sorted({les["werkvorm"] for v in met for les in v.lessen if les["werkvorm"]}),
        bron_lessen=herkomst[0] if herkomst else r.profiel.bron,
    )


def _by_month(moments: list[MomentView]) -> list[dict]:
    return [
        {"naam": datum(key, "MMMM y").capitalize(), "id": f"maand-{key:%Y-%m}", "momenten": list(items)}
        for key, items in groupby(moments, key=lambda m: m.moment.datum.replace(day=1))
    ]
