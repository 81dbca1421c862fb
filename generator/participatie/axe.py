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


SMALL: Viewport = {"width": 320, "height": 640}  # WCAG 1.4.10 reflow: 320 CSS pixels without scrolling sideways
PHONE: Viewport = {"width": 360, "height": 740}
DESKTOP: Viewport = {"width": 1280, "height": 900}
WIDTHS = (SMALL, PHONE, DESKTOP)
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


async def _pages(url: str, pages: list[str], viewport: Viewport, script: str) -> tuple[dict, set, dict]:
    """axe on each page at one width, with what axe does not test: reflow (WCAG 1.4.10), and every request that
    failed and every console error (`broken`: not an accessibility failure, but a resident's browser meets it)."""
    from playwright.async_api import async_playwright

    problems: dict = {}
    review: set = set()
    broken: dict = {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = await (await browser.new_context(viewport=viewport)).new_page()
        seen: list[str] = []
        page.on("response", lambda r: seen.append(f"{r.status} bij {r.url}") if r.status >= 400 else None)
        page.on(
            "requestfailed",
            lambda r: (
                None
                if r.url.endswith("search_index.json")
                or (r.failure or "").endswith("ERR_ABORTED")  # ours, or left behind
                else seen.append(f"{r.failure} bij {r.url}")
            ),
        )
        page.on("console", lambda m: seen.append(f"console: {m.text}") if m.type == "error" else None)
        for path in pages:
            seen.clear()
            await page.goto(f"{url}/{path}")
            where = f"{path} @ {viewport['width']}px"
            wide = await page.evaluate("document.documentElement.scrollWidth")
            await page.evaluate(script)
            result = await page.evaluate(AXE_RUN)
            found = [
                (v["id"], v["nodes"][0]["target"], v["nodes"][0]["failureSummary"][:200]) for v in result["violations"]
            ]
            if wide > viewport["width"]:
                found.append(
                    ("reflow", ["html"], f"de pagina is {wide} px breed in een venster van {viewport['width']} px")
                )
            if found:
                problems[where] = found
            if seen:
                broken[where] = list(seen)
            review |= {
                (v["id"], check["data"].get("messageKey") if isinstance(check.get("data"), dict) else None)
                for v in result["incomplete"]
                for node in v["nodes"]
                for check in node["any"]
            }
        await browser.close()
    return problems, review, broken


class AxeRun:
    """Every width side by side in a background thread; `result()` and `broken()` wait for them."""

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
            return await asyncio.gather(*(_pages(self.url, self.pages, v, self.script) for v in WIDTHS))

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
        problems = {k: v for found, _, _ in self.results for k, v in found.items()}
        return problems, set().union(*(r for _, r, _ in self.results))

    def broken(self) -> dict[str, list[str]]:
        """Per page and width: the requests that failed and the console errors."""
        self.close()
        return {k: v for _, _, broken in self.results for k, v in broken.items()}


def write_results(built: Path, target: Path) -> tuple[dict, dict, dict]:
    """Run the check on every page and write what the toegankelijkheidsverklaring reports, violations included;
    returns that, the violations per page and the failed requests per page."""
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
        "breedtes": [v["width"] for v in WIDTHS],
        "paginas": len(run.pages),
        "overtredingen": sum(len(found) for found in problems.values()),
        "te_beoordelen": sorted({kind for kind, _ in review}),
    }
    target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return data, problems, run.broken()
