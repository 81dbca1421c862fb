"""axe-core in Chromium on every built page, at phone and desktop width, run in a thread of its own.

`participatie toegankelijkheid` writes what the toegankelijkheidsverklaring reports; the test
suite starts the same run as soon as the example is built, so Chromium's renderers work on the
second core while the other tests run on the first. Needs the optional dependencies
(`pip install 'participatie[toegankelijkheid]'`) and Chromium.
"""

from __future__ import annotations

import asyncio
import functools
import http.server
import shutil
import threading
from importlib import resources
from pathlib import Path
from typing import TypedDict

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


class Viewport(TypedDict):  # what playwright's ViewportSize asks
    width: int
    height: int


PHONE: Viewport = {"width": 360, "height": 740}
DESKTOP: Viewport = {"width": 1280, "height": 900}
AXE_RUN = (
    "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, "
    "resultTypes: ['violations', 'incomplete']})"
)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def built_pages(built: Path) -> list[str]:
    return sorted(p.relative_to(built).as_posix() for p in built.rglob("*.html") if p.name != "404.html")


async def _pages(url: str, pages: list[str], viewport: Viewport, script: str) -> tuple[dict, set]:
    from playwright.async_api import async_playwright

    problems, review = {}, set()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = await (await browser.new_context(viewport=viewport)).new_page()
        # Material builds its search index in a worker on every page load; axe does not need it.
        await page.route("**/search/search_index.json", lambda route: route.abort())
        for path in pages:
            await page.goto(f"{url}/{path}")
            await page.evaluate(script)
            result = await page.evaluate(AXE_RUN)
            found = [
                (v["id"], v["nodes"][0]["target"], v["nodes"][0]["failureSummary"][:200]) for v in result["violations"]
            ]
            if found:
                problems[f"{path} @ {viewport['width']}px"] = found
            review |= {
                (v["id"], check["data"].get("messageKey") if isinstance(check.get("data"), dict) else None)
                for v in result["incomplete"]
                for node in v["nodes"]
                for check in node["any"]
            }
        await browser.close()
    return problems, review


class AxeRun:
    """Both widths side by side in a background thread; `result()` waits for them."""

    def __init__(self, built: Path):
        import axe_playwright_python as axe

        self.script = (resources.files(axe) / "axe.min.js").read_text(encoding="utf-8")
        self.pages = built_pages(built)
        self.httpd: http.server.ThreadingHTTPServer | None
        self.httpd, self.url = serve(built)
        self.results: list = []
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        async def both():
            return await asyncio.gather(*(_pages(self.url, self.pages, v, self.script) for v in (PHONE, DESKTOP)))

        try:
            self.results = asyncio.run(both())
        except BaseException as exc:  # reported by the test that asks for the result
            self.error = exc

    def close(self) -> None:
        self.thread.join(timeout=300)
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None

    def result(self) -> tuple[dict, set]:
        self.close()
        if self.error:
            raise self.error
        problems = {k: v for found, _ in self.results for k, v in found.items()}
        return problems, set().union(*(r for _, r in self.results))


def write_results(built: Path, target: Path) -> tuple[dict, dict]:
    """Run the check on every page and write what the toegankelijkheidsverklaring reports, violations included."""
    import datetime as dt
    import json
    import re
    import subprocess

    run = AxeRun(built)
    problems, review = run.result()
    version = re.search(r"axe v([\d.]+)", run.script[:300])
    browser = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.split()
    data = {
        "datum": dt.date.today().isoformat(),
        "gereedschap": f"axe-core {version[1] if version else ''}".strip(),
        "browser": " ".join(browser[:2]) if browser else "Chromium",
        "normen": ["WCAG 2.0 A", "WCAG 2.0 AA", "WCAG 2.1 A", "WCAG 2.1 AA"],
        "breedtes": [PHONE["width"], DESKTOP["width"]],
        "paginas": len(run.pages),
        "overtredingen": sum(len(found) for found in problems.values()),
        "te_beoordelen": sorted({kind for kind, _ in review}),
    }
    target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return data, problems
