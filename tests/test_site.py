"""The built example site: every section from the files, nothing from other hosts, failures leave site/ alone."""

from __future__ import annotations

import logging
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, assert_no_traceback, build, edit, mkdocs, text_of_html

SECTIONS = [
    "Wat komt er nog?",
    "Wat is er met de inbreng gedaan?",
    "Waar gaat het over?",
    "Hoeveel invloed heeft u?",
    "Wat ligt vast en waarover kunt u meepraten?",
    "Wie worden betrokken?",
    "Wat is er al geweest?",
    "Eindverslag",
    "Afwijkingen",
    "Nieuws",
    "Contact",
    "Voor de raad: volgens het beleid",
]


class Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.h2, self.urls, self.text, self._in_h2 = [], [], [], False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self._in_h2 = tag == "h2"
        if tag == "h2":
            self.h2.append("")
        for key in ("src", "href", "action", "poster", "data"):
            if a.get(key) and tag not in ("a", "link"):
                self.urls.append(a[key])
        loads = {"stylesheet", "preload", "icon", "modulepreload", "manifest", "prefetch", "preconnect", "dns-prefetch"}
        if tag == "link" and loads & set((a.get("rel") or "").split()):
            self.urls.append(a.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_h2:
            self.h2[-1] += data


def parse(path: Path) -> Collect:
    c = Collect()
    c.feed(path.read_text(encoding="utf-8"))
    return c


def text_of(path: Path) -> str:
    return text_of_html(path.read_text(encoding="utf-8"))


def test_a_page_per_trajectory_with_every_section_in_order(built):
    for slug in [p.name for p in (ROOT / "projecten").iterdir()]:
        page = parse(built / "trajecten" / f"{slug}.html")
        heads = [h.strip() for h in page.h2 if h.strip() in SECTIONS]
        assert heads == SECTIONS, (slug, page.h2)


def test_trajectory_page_is_filled_from_the_files(built):
    html = (built / "trajecten" / "dorpsplein-oosterbroek.html").read_text(encoding="utf-8")
    text = text_of(built / "trajecten" / "dorpsplein-oosterbroek.html")
    assert "Het plein bij de kerk is het hart van Oosterbroek" in text  # opgave.md
    assert (
        "Coproduceren (stap 4 van 5): Bewoners rond het plein, Ondernemers aan het plein, Dorpsbelang Oosterbroek"
        in text
    )
    assert "Hier: Dorpsbelang Oosterbroek (bij 'Keuze voor het dorpsbudget')." in text
    assert "Budget is 400.000 euro" in text and "Aantal parkeerplaatsen" in text  # hard and zacht
    assert "Jongeren uit Oosterbroek" in text  # omgevingsanalyse
    assert "<del>Focusgroep jongeren</del>" in html and "Te weinig aanmeldingen" in text  # cancelled, struck through
    assert "6 punten: 3 overgenomen, 1 deels overgenomen, 1 niet overgenomen en 1 nog in behandeling." in text
    assert "Het dorp koos met het dorpsbudget" in text
    assert (
        "Moment 'Ideeënavond over het dorpsplein' (24 februari 2026) ligt vóór de vaststelling van het plan van "
        "aanpak (10 maart 2026)."
    ) in text  # words and values, not the id
    assert "Dorpsbelang had de avond al lang aangekondigd" in text
    assert "parkeren-op-plein" not in text and "Ondernemers vragen om meer parkeerplaatsen op het plein zelf." in text
    assert "Uitslag dorpsbudget" in text and 'href="mailto:dorpsplein@vechtwolde.example"' in html
    assert 'href="tel:140529"' in html


def test_first_block_answers_a_residents_questions(built):
    html = (built / "trajecten" / "fietspad-kerkdijk.html").read_text(encoding="utf-8")
    first = text_of_html(html[html.index('class="pt-kort"') : html.index('id="planning"')])
    assert "Uw invloed" in first and "Coproduceren" in first and "Fietsersbond afdeling Vechtwolde" in first
    assert "Wat komt er nog dinsdag 1 december tot en met vrijdag 18 december 2026: Korte enquête" in first
    assert "Wie besluit Raad besluit over de route en het krediet: maandag 31 mei 2027." in first
    assert "Uw inbreng 1 punt: 1 nog in behandeling." in first


def test_past_moments_do_not_ask_to_sign_up(built):
    html = (built / "kalender" / "archief.html").read_text(encoding="utf-8")
    assert "Ideeënavond over het dorpsplein" in html and "Aanmelden" not in html
    finished = (built / "trajecten" / "speelplekken-lemelhuizen.html").read_text(encoding="utf-8")
    assert "Zet alle momenten in mijn agenda" not in finished


def test_moved_moment_and_eindverslag(built):
    text = text_of(built / "trajecten" / "omgevingsvisie-2040.html")
    assert "Verplaatst" in text and "Eerst gepland op dinsdag 14 oktober 2025" in text
    assert "Gevolgde proces" in text and "924 reacties" in text
    assert "Buiten de kaders (1)" in text and "Vast kader: Regionale energiestrategie" in text


def test_no_resource_from_another_host(built):
    pages = list(built.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        for url in parse(page).urls:
            assert not re.match(r"^(https?:)?//", url), (page, url)
    for css in built.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text):
            assert not re.match(r"^(https?:)?//", url), (css, url)
    home = (built / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in home and "fonts.gstatic" not in home


def no_source_maps(site) -> None:
    assert list(site.rglob("*.map")) == []
    scripts = [p for p in site.rglob("*") if p.suffix in (".js", ".css")]
    assert any(p.name.startswith("bundle.") for p in scripts)
    for path in scripts:
        assert b"sourceMappingURL" not in path.read_bytes(), path


def test_the_footer_is_dutch_too(built):
    """Material's footer says 'Made with'; the product's theme says it in Dutch on every page."""
    for page in built.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "Made with" not in text and "Gemaakt met" in text, page


def test_the_built_site_carries_no_source_maps(built):
    """Material ships 1.3 MB of maps for its own developers; a browser with its tools open would ask for them."""
    no_source_maps(built)


def test_navigation_does_not_list_every_trajectory(built):
    home = (built / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('class="md-nav md-nav--primary"') : home.index("md-content")]
    assert "dorpsplein-oosterbroek.html" not in nav


def test_mkdocs_does_not_call_the_generated_pages_missing_from_the_nav(site, caplog):
    """They are left out of the nav on purpose (above). MkDocs listed each of them as missing after every build and
    every rebuild of the preview, in English; a hand-written page staff forgot to add is still named."""
    (site / "content" / "vergeten.md").write_text("# Vergeten\n\nNog niet in de navigatie.\n", encoding="utf-8")
    caplog.set_level(logging.INFO, logger="mkdocs")
    assert build(site) == 0
    said = [r.getMessage() for r in caplog.records if 'not included in the "nav"' in r.getMessage()]
    assert len(said) == 1 and "vergeten.md" in said[0], said
    assert "trajecten/" not in said[0] and "kernen/" not in said[0] and "initiatieven/" not in said[0]
    assert (site / "site/trajecten/dorpsplein-oosterbroek.html").is_file()  # built all the same


def test_overview_and_home(built):
    overview = (built / "trajecten" / "index.html").read_text(encoding="utf-8")
    assert overview.count('class="pt-traject pt-filteritem"') == 8
    assert '<form class="pt-filter" hidden' in overview
    home = text_of(built / "index.html")
    assert "Binnenkort" in home and "Inloopavond — waar komt het fietspad?" in home
    kern = (built / "kernen" / "oosterbroek.html").read_text(encoding="utf-8")
    assert "Nieuw dorpsplein Oosterbroek" in kern and "Veilig fietspad" not in kern


def test_the_home_page_lists_where_residents_can_take_part_now_first(built):
    """What a resident came for, on the first screen: where they can join in now, with status, kernen and say."""
    import datetime as dt

    from conftest import VANDAAG
    from test_raad import sources

    from participatie.vocabulary import DEELNAME

    today = dt.date.fromisoformat(VANDAAG)
    expected = []
    for t in sources():
        open_now = [
            m
            for m in sorted(t.planning.momenten, key=lambda m: (m.datum, m.tijd or dt.time(0)))
            if m.geannuleerd is None and (m.soort in DEELNAME or m.plaats) and (m.tot or m.datum) >= today
        ]
        if open_now:
            expected.append(((open_now[0].tot or open_now[0].datum), t.traject.titel, open_now[0].titel))
    home = (built / "index.html").read_text(encoding="utf-8")
    short = home[home.index('<ul class="pt-nu">') : home.index("</ul>", home.index('<ul class="pt-nu">'))]
    items = re.findall(r"<li>(.*?)</li>", short, re.S)
    assert [re.search(r"<strong>(.*?)</strong>", i)[1] for i in items] == [title for _, title, _ in sorted(expected)]
    for item, (_, _, moment) in zip(items, sorted(expected), strict=True):
        assert 'class="pt-label pt-status-' in item and "invloed" in item and moment in unescape(item)
    assert home.index('id="nu"') < home.index('id="binnenkort"') < home.index('id="lopend"')


def test_the_example_says_it_is_fictional_and_the_package_does_not(built):
    for page in ("index.html", "trajecten/fietspad-kerkdijk.html", "raad/index.html"):
        assert "Vechtwolde is een verzonnen gemeente" in (built / page).read_text(encoding="utf-8")
    package = ROOT / "generator" / "participatie"
    for template in package.rglob("*.j2"):
        assert "verzonnen" not in template.read_text(encoding="utf-8") and "bestaat niet" not in template.read_text(
            encoding="utf-8"
        )


def test_search_index_has_one_entry_per_page_with_its_headings(built):
    import json

    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [d["location"] for d in index["docs"]]
    assert "trajecten/fietspad-kerkdijk.html" in locations
    assert "trajecten/fietspad-kerkdijk.html#inbreng" in locations
    page = next(d for d in index["docs"] if d["location"] == "trajecten/fietspad-kerkdijk.html#inbreng")
    assert page["title"] == "Wat is er met de inbreng gedaan?"


def test_table_of_contents_lists_the_sections(built):
    html = (built / "trajecten" / "fietspad-kerkdijk.html").read_text(encoding="utf-8")
    toc = html[html.index('class="md-nav md-nav--secondary"') :]
    for anchor in ("#planning", "#inbreng", "#invloed", "#afwijkingen", "#volledigheid"):
        assert f'href="{anchor}"' in toc


@pytest.mark.warnings_expected
def test_when_nothing_can_be_built_the_previous_site_stays(site):
    assert build(site) == 0
    index = site / "site" / "index.html"
    before = index.read_bytes()
    edit(site / "mkdocs.yml", "profiel: dalfsen", "profiel: bestaat-niet")
    assert build(site) == 1
    assert index.read_bytes() == before
    assert [p.name for p in site.glob(".site.*")] == [".site.lock"]  # only the lock of 'one build at a time'


def test_mkdocs_stops_before_cleaning_when_nothing_can_be_built(site):
    assert build(site) == 0
    index = site / "site" / "index.html"
    before = index.read_bytes()
    edit(site / "mkdocs.yml", "profiel: dalfsen", "profiel: bestaat-niet")
    result = mkdocs("build", "-d", "site", cwd=site)
    assert result.returncode == 1 and "beleidsprofiel 'bestaat-niet' bestaat niet." in result.stderr
    assert_no_traceback(result)
    assert index.read_bytes() == before


@pytest.mark.warnings_expected
def test_strict_build_fails_on_the_builders_warnings(site):
    (site / "content" / "over.md").write_text("[kapot](bestaat-niet.md)\n", encoding="utf-8")
    assert build(site, "los") == 0
    assert build(site, "streng", strict=True) == 1
    assert not (site / "streng").exists()


def test_the_404_page_is_dutch_and_leads_back(built):
    html = (built / "404.html").read_text(encoding="utf-8")
    assert "<h1>Deze pagina bestaat niet</h1>" in html and 'href="https://meedoen.vechtwolde.example/"' in html
    assert "Not found" not in html


@pytest.mark.parametrize(
    ("naam", "slug"),
    [
        ("Ĳsselmuiden", "ijsselmuiden"),
        ("Hüsken", "husken"),
        ("Café Øster", "cafe-oster"),
        ("Straße 't Harde", "strasse-t-harde"),
        ("Nieuwleusen", "nieuwleusen"),
        ("Oud-Beijerland", "oud-beijerland"),
    ],
)
def test_a_kern_with_accents_or_a_ligature_keeps_its_letters_in_the_web_address(naam, slug):
    from participatie.render.text import slugify

    assert slugify(naam) == slug
