"""A real browser (Debian's Chromium via Playwright) on the built site, at phone width."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading

import pytest

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import sync_playwright  # noqa: E402

from conftest import ROOT  # noqa: E402
from participatie.project import load_all  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic"]
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def server(built):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.log_message = lambda *a: None
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
    """The titles the source files place in a kern, read with the package's own loader."""
    trajecten, _ = load_all(ROOT / "projecten")
    return sorted(t.traject.titel for t in trajecten if kern in t.traject.kernen)


def visible_titles(page):
    return page.eval_on_selector_all(".pt-traject", "els => els.filter(e => e.offsetParent !== null)"
                                     ".map(e => e.querySelector('strong').textContent)")


def test_filter_by_kern_on_a_phone(browser, server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
    page.goto(f"{server}/trajecten/index.html")
    assert len(visible_titles(page)) == 8
    page.select_option("#pt-f-kern", "Oosterbroek")
    titles = visible_titles(page)
    assert sorted(titles) == in_kern("Oosterbroek") and len(titles) == 4
    assert page.text_content(".pt-teller") == "4 trajecten gevonden"
    page.select_option("#pt-f-status", "uitvoering")
    assert visible_titles(page) == ["Nieuw dorpsplein Oosterbroek"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert outside == []
    context.close()


def test_without_javascript_everything_is_listed(browser, server):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/trajecten/index.html")
    assert len(visible_titles(page)) == 8
    assert not page.is_visible("form.pt-filter")
    context.close()


def test_kalender_shows_moments_in_their_months(browser, server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{server}/kalender/index.html")
    months = page.eval_on_selector_all("h2", "els => els.map(e => e.textContent.trim())")
    assert months[:4] == ["December 2026", "Januari 2027", "Februari 2027", "Maart 2027"]
    december = page.locator("h2:has-text('December 2026') + ul.pt-momenten")
    assert "Inloopavond — waar komt het fietspad?" in december.inner_text()
    january = page.locator("h2:has-text('Januari 2027') + ul.pt-momenten").inner_text()
    assert "Ontwerpatelier 3" in january and "Inloopuur in de bouwkeet" in january
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_raad_table_sorts_with_javascript(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/raad/index.html")
    page.click("th:nth-child(7) button")  # Plan volledig
    first = page.eval_on_selector_all("table.pt-raad tbody tr td:nth-child(7)", "els => els.map(e => e.dataset.waarde)")
    assert [int(x) for x in first] == sorted(int(x) for x in first)
    context.close()


PAGES = ["index.html", "trajecten/index.html", "trajecten/dorpsplein-oosterbroek.html", "trajecten/omgevingsvisie-2040.html",
         "kalender/index.html", "kalender/archief.html", "kernen/index.html", "kernen/oosterbroek.html", "raad/index.html",
         "raad/monitor.html", "over.html"]


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}], ids=["telefoon", "desktop"])
def test_wcag_21_aa_with_axe(browser, server, viewport):
    axe = pytest.importorskip("axe_playwright_python")
    from importlib import resources
    script = (resources.files(axe) / "axe.min.js").read_text(encoding="utf-8")
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    problems = {}
    for path in PAGES:
        page.goto(f"{server}/{path}")
        page.evaluate(script)
        result = page.evaluate("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
        found = [(v["id"], v["nodes"][0]["target"], v["nodes"][0]["failureSummary"][:200]) for v in result["violations"]]
        if found:
            problems[path] = found
    context.close()
    assert not problems, problems
