"""The built example site: every section from the files, nothing from other hosts, failures leave site/ alone."""

from __future__ import annotations

import html as htmllib
import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import assert_no_traceback, edit, line_of, mkdocs, participatie

SECTIONS = ["Waar gaat het over?", "Hoeveel invloed heeft u?", "Wat ligt vast en waarover kunt u meepraten?",
            "Wie worden betrokken?", "Planning", "Wat is er met de inbreng gedaan?", "Eindverslag", "Afwijkingen",
            "Nieuws", "Contact"]


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


def test_a_page_per_trajectory_with_every_section_in_order(built):
    for slug in [p.name for p in (Path(__file__).parents[1] / "projecten").iterdir()]:
        page = parse(built / "trajecten" / f"{slug}.html")
        heads = [h.strip() for h in page.h2 if h.strip() in SECTIONS]
        assert heads == SECTIONS, (slug, page.h2)


def test_trajectory_page_is_filled_from_the_files(built):
    html = (built / "trajecten" / "dorpsplein-oosterbroek.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", html)))
    assert "Het plein bij de kerk is het hart van Oosterbroek" in text             # opgave.md
    assert "Coproduceren ← dit traject" in text and "Meebeslissen ← bij 'Keuze voor het dorpsbudget'" in text
    assert "Budget is 400.000 euro" in text and "Aantal parkeerplaatsen" in text    # hard and zacht
    assert "Jongeren uit Oosterbroek" in text                                       # omgevingsanalyse
    assert "<del>Focusgroep jongeren</del>" in html and "Te weinig aanmeldingen" in text  # cancelled, struck through
    assert "6 punten inbreng: 3 overgenomen, 1 deels overgenomen, 1 niet overgenomen, 1 nog in behandeling." in text
    assert "Het dorp koos met het dorpsbudget" in text
    assert "Participatie vóór vaststelling van het plan" in text and "Dorpsbelang had de avond al lang aangekondigd" in text
    assert "Uitslag dorpsbudget" in text and "dorpsplein@vechtwolde.example" in text
    assert "Laatst gewijzigd" in text or "Wijzigingen op deze pagina" not in text


def test_moved_moment_and_eindverslag(built):
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", (built / "trajecten" / "omgevingsvisie-2040.html").read_text(encoding="utf-8")))
    assert "Verplaatst" in text and "Eerst gepland op dinsdag 14 oktober 2025" in text
    assert "Gevolgde proces" in text and "924 reacties" in text
    assert "Buiten de kaders (1)" in text and "Hard kader: Regionale energiestrategie" in text


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


def test_navigation_does_not_list_every_trajectory(built):
    home = (built / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('class="md-nav md-nav--primary"'):home.index("md-content")]
    assert "dorpsplein-oosterbroek.html" not in nav


def test_overview_and_home(built):
    overview = (built / "trajecten" / "index.html").read_text(encoding="utf-8")
    assert overview.count('class="pt-traject"') == 8
    assert "<form class=\"pt-filter\" hidden" in overview
    home = re.sub(r"<[^>]+>", " ", (built / "index.html").read_text(encoding="utf-8"))
    assert "Binnenkort" in home and "Inloopavond — waar komt het fietspad?" in home and "bestaat niet" in home
    kern = (built / "kernen" / "oosterbroek.html").read_text(encoding="utf-8")
    assert "Nieuw dorpsplein Oosterbroek" in kern and "Veilig fietspad" not in kern


def test_broken_trajectory_stops_build_and_keeps_previous_site(site):
    first = participatie("bouw", cwd=site)
    assert first.returncode == 0, first.stderr
    index = site / "site" / "index.html"
    before = index.read_bytes()
    path = site / "projecten" / "fietspad-kerkdijk" / "planning.yaml"
    edit(path, "datum: 2026-12-08", "datum: 2026-12-32")
    line = line_of(path, "datum: 2026-12-32")
    for result in (mkdocs("build", "-d", "site", cwd=site), participatie("bouw", cwd=site)):
        assert result.returncode != 0
        assert f"projecten/fietspad-kerkdijk/planning.yaml:{line}:12: fout: '2026-12-32' is geen" in result.stderr + result.stdout
        assert_no_traceback(result)
        assert index.read_bytes() == before
    assert not list(site.glob(".site.*"))


def test_strict_build_fails_on_warnings(site):
    edit(site / "projecten" / "fietspad-kerkdijk" / "planning.yaml",
         "    plaats: Café De Dijk, Kerkdijk 14, Kerkdijk\n    werkvorm: informatieavond", "    werkvorm: informatieavond")
    assert mkdocs("build", "-d", "site", cwd=site).returncode == 0
    strict = mkdocs("build", "--strict", "-d", "site2", cwd=site)
    assert strict.returncode != 0 and "heeft geen plaats en geen link" in strict.stderr
