"""A real browser (Debian's Chromium via Playwright) on the built site: phone and desktop, print, accessibility."""

from __future__ import annotations

import functools
import http.server
import io
import shutil
import threading

import pytest

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import sync_playwright  # noqa: E402
from test_raad import sources  # noqa: E402

from participatie.axe import ARGS, CHROMIUM, built_pages  # noqa: E402

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
# axe reports these as 'needs review' (incomplete); each kind was looked at (2026-11, axe-core 4.x):
REVIEWED = {
    # 'nonBmp', 'shortTextContent': the ✓ ✗ – marks of the completeness lists are glyphs axe will not judge; aria-hidden
    # (the words 'aanwezig'/'ontbreekt' are read instead) and #165a26 / #8a1010 on white is above 7:1.
    # 'elmPartiallyObscured': on a phone the raad table scrolls sideways, so cells are partly out of view;
    # its colours are fixed (#1a1a1a on #fff and #f7f7f7, 16:1).
    "color-contrast": {"nonBmp", "shortTextContent", "elmPartiallyObscured"},
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(built):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(built)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def in_kern(kern: str) -> list[str]:
    return sorted(t.traject.titel for t in sources() if kern in t.traject.kernen)


def visible_titles(page):
    return page.eval_on_selector_all(
        ".pt-traject:not(.pt-initiatief)",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.querySelector('strong').textContent)",
    )


def test_filter_on_a_phone_counts_remembers_and_resets(browser, server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
    page.goto(f"{server}/trajecten/index.html")
    assert len(visible_titles(page)) == 8
    assert page.text_content("#pt-f-kern option[value='Oosterbroek']") == f"Oosterbroek ({len(in_kern('Oosterbroek'))})"
    page.select_option("#pt-f-kern", "Oosterbroek")
    assert sorted(visible_titles(page)) == in_kern("Oosterbroek")
    assert page.text_content(".pt-teller") == f"{len(in_kern('Oosterbroek'))} trajecten gevonden."
    assert page.text_content("#pt-f-status option[value='uitvoering']") == "Bezig (1)"  # counts follow the filter
    page.select_option("#pt-f-status", "uitvoering")
    assert visible_titles(page) == ["Nieuw dorpsplein Oosterbroek"]
    assert page.url.endswith("?kern=Oosterbroek&status=uitvoering")
    page.reload()  # the state is in the URL
    assert visible_titles(page) == ["Nieuw dorpsplein Oosterbroek"]
    page.select_option("#pt-f-thema", "Wonen")
    assert visible_titles(page) == [] and "Kies andere filters, of wis alle filters." in page.text_content(".pt-teller")
    page.click("button.pt-wis")
    page.wait_for_function("document.querySelectorAll('.pt-filteritem:not([hidden])').length === 8")
    assert page.url.endswith("/trajecten/index.html")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert outside == []
    context.close()


def test_without_javascript_everything_is_listed(browser, server):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/trajecten/index.html?kern=Oosterbroek")
    assert len(visible_titles(page)) == 8
    assert not page.is_visible("form.pt-filter")
    page.goto(f"{server}/trajecten/dorpsplein-oosterbroek.html")
    assert page.is_visible("h2#inbreng") and page.is_visible("dl.pt-kort")
    context.close()


def test_kalender_shows_moments_in_their_months(browser, server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{server}/kalender/index.html")
    months = page.eval_on_selector_all("article h2", "els => els.map(e => e.textContent.trim())")
    assert months[:4] == ["December 2026", "Januari 2027", "Februari 2027", "Maart 2027"]
    december = page.locator("h2:has-text('December 2026') + ul.pt-momenten")
    assert "Inloopavond — waar komt het fietspad?" in december.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_raad_table_sorts_status_in_process_order(browser, server):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{server}/raad/index.html")
    page.click("#pt-trajecten-tabel th:nth-child(2) button")
    order = page.eval_on_selector_all(
        "#pt-trajecten-tabel tbody tr td:nth-child(2)", "els => els.map(e => e.dataset.waarde)"
    )
    assert order == sorted(order) and len(set(order)) > 3
    first = page.text_content("#pt-trajecten-tabel tbody tr:first-child td:nth-child(2)")
    assert first.startswith("Verkenning")
    context.close()


def test_raad_page_prints_every_column_and_trajectory(browser, server):
    pypdf = pytest.importorskip("pypdf")
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{server}/raad/index.html")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    pages = [" ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    flat = " ".join(pages)
    for header in (
        "Traject",
        "Status",
        "Soort werk",
        "Niveaus",
        "Plan vastgesteld",
        "Plan volledig",
        "Eindverslag",
        "Inbreng beantwoord",
        "Afwijkingen",
        "Voldoet aan het beleid",
    ):
        assert header in flat, header
    for t in sources():
        assert t.traject.titel.split()[0] in flat and t.traject.titel.split()[-1] in flat, t.traject.titel
    begin = next(i for i, text in enumerate(pages) if "Alle trajecten (" in text)  # the table's caption
    end = next(i for i, text in enumerate(pages) if "Alle afwijkingen en hun motivering" in text)  # the list after it
    table_pages = [
        i
        for i in range(begin, end + 1)
        if "Vervanging riolering" in pages[i] or "Nieuw armoedebeleid" in pages[i]  # 'Binnenkort' names some too
    ]
    assert table_pages
    for i in table_pages:  # the header is repeated on every page the table runs over, with its words
        assert "Plan vastgesteld" in pages[i] and "Voldoet aan" in pages[i], i
        assert pypdf.PdfReader(io.BytesIO(pdf)).pages[i].mediabox.width > 800  # A4 landscape is 842 points wide
    context.close()


# What must not end a sheet: a heading, a term before its description, a caption, a lead-in paragraph, a moment's
# date; and the first line of a moment or an afwijking, which are each kept whole.
HEADINGS = """[
  ...[...document.querySelectorAll('.md-content :is(h1, h2, h3, h4, h5, h6, dt, caption, summary, .pt-tussenkop, '
    + '.pt-moment-wanneer)')].map(e => e.innerText),
  ...[...document.querySelectorAll('.md-content :is(li.pt-moment, li.pt-afwijking)')]
    .map(e => e.innerText.trim().split('\\n')).filter(lines => lines.length > 1).map(lines => lines[0])]"""


def text_runs(sheet) -> list[tuple[float, float, str]]:
    """Each piece of text on a PDF page with its height from the bottom of the page and its left edge (points)."""
    runs: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, *_):
        if text.strip():
            x, y = tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((round(y), round(x), text))

    sheet.extract_text(visitor_text=visit)
    return runs


def stranded_headings(page, url: str) -> tuple[int, list[str]]:
    """Print a page to A4 and return its page count and each page that ends with a heading, by text position."""
    pypdf = pytest.importorskip("pypdf")
    page.goto(url)
    headings = {" ".join(h.split()) for h in page.evaluate(HEADINGS)}
    page.emulate_media(media="print")
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True, prefer_css_page_size=True)))
    page.emulate_media(media="screen")
    stranded = []
    for n, sheet in enumerate(pdf.pages[:-1], start=1):
        runs = text_runs(sheet)
        lowest = min(y for y, _, _ in runs)
        line = sorted((x, text) for y, x, text in runs if y <= lowest + 3)  # a label sits a point higher
        last = " ".join(" ".join(text for _, text in line).split())
        if last in headings:
            stranded.append(f"pagina {n} eindigt met '{last}'")
    return len(pdf.pages), stranded


@pytest.mark.parametrize(
    "path", ["raad/index.html", "trajecten/dorpsplein-oosterbroek.html", "trajecten/omgevingsvisie-2040.html"]
)
def test_no_printed_page_ends_with_a_heading(path, browser, server):
    """A heading stays with its text on paper (issue 24: five of ten page breaks on the dorpsplein page did not)."""
    context = browser.new_context(viewport=DESKTOP)
    sheets, stranded = stranded_headings(context.new_page(), f"{server}/{path}")
    assert sheets > 3 and stranded == [], stranded
    context.close()


def serve_folder(folder):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


@pytest.mark.parametrize("naam", ["dalfsen", "overbetuwe", "leiderdorp"])
def test_every_motivering_is_on_the_raad_page_printed_on_a4(naam, browser, built, tmp_path):
    """A raadslid preparing a meeting on paper reads every afwijking with its motivation."""
    pypdf = pytest.importorskip("pypdf")
    from conftest import build
    from test_toetsing import VOORBEELDEN, motiveringen

    site = built if naam == "dalfsen" else None
    if site is None:
        source = shutil.copytree(VOORBEELDEN[naam], tmp_path / naam)
        assert build(source) == 0
        site = source / "site"
    expected = motiveringen(VOORBEELDEN[naam])
    assert expected
    httpd, url = serve_folder(site)
    try:
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        page.goto(f"{url}/raad/index.html")
        page.emulate_media(media="print")
        pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
        flat = " ".join(" ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
        for text in expected:
            assert " ".join(text.split()) in flat, text
        context.close()
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.axe
def test_wcag_21_aa_with_axe_on_every_page_at_phone_and_desktop_width(axe_run, built):
    """axe on every built page at 320, 360 and 1280 px (run in the background since the example was built, see
    conftest), with reflow (no page wider than the window), no failed request and no console error."""
    assert axe_run is not None and len(axe_run.pages) == len(built_pages(built)) >= 22
    problems, review = axe_run.result()
    assert not problems, problems
    assert axe_run.broken() == {}
    unexplained = {(rule, why) for rule, why in review if why not in REVIEWED.get(rule, set())}
    assert not unexplained, unexplained
