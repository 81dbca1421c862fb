"""Golden files: what the core renders for one page of each kind, one feed and the exports, checked in.

A template change shows up in review as a diff of tests/golden/. After a deliberate change:
`make goldens` (writes them again), then read the diff before committing.
"""

from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from conftest import ROOT  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"
PAGES = [
    "trajecten/dorpsplein-oosterbroek.md",
    "trajecten/index.md",
    "index.md",
    "kernen/index.md",
    "kernen/oosterbroek.md",
    "kalender/index.md",
    "kalender/archief.md",
    "raad/index.md",
    "raad/monitor.md",
    "initiatieven/index.md",
    "initiatieven/repaircafe-vechtwolde.md",
    "initiatieven/indienen.md",
    "toegankelijkheid/index.md",
]
FILES = [
    "trajecten/fietspad-kerkdijk.ics",
    "kalender/lemelhuizen.ics",
    "raad/trajecten.csv",
    "raad/trajecten.json",
    "raad/initiatieven.csv",
    "raad/inbreng.csv",
    "raad/afwijkingen.csv",
    "raad/afwijkingen.json",
    "raad/datapackage.json",
    "raad/catalogus.jsonld",
    "trajecten/omgevingsvisie-2040.xml",
    "nieuws.xml",
    # the monitor's charts: SVG from a template, the same bytes on every machine
    "raad/volledigheid.svg",
    "raad/niveaus.svg",
    "raad/plan-per-soort.svg",
    "raad/plan-per-domein.svg",
    "raad/uitkomsten.svg",
    "raad/initiatieven-per-stap.svg",
    "raad/initiatieven-per-besluit.svg",
    "raad/initiatieven-doorlooptijd.svg",
]


def rendered() -> dict[str, str]:
    """The example rendered by the core, as the builders receive it (no Git history: stable)."""
    from participatie.pipeline import check_site
    from participatie.render.site import render_site
    from participatie.rules.instellingen import read_site_settings

    settings, _ = read_site_settings(ROOT)
    out = render_site(check_site(settings, settings.vandaag()), {}, settings.site_url)
    pages = {p.path: p.markdown() for p in out.pages}
    files = {g.path: g.content.decode("utf-8") if isinstance(g.content, bytes) else g.content for g in out.files}
    return {**{p: pages[p] for p in PAGES}, **{f: files[f] for f in FILES}}


def golden_path(name: str) -> Path:
    return GOLDEN / name


@pytest.fixture(scope="module")
def output():
    return rendered()


@pytest.mark.parametrize("name", PAGES + FILES)
def test_output_matches_its_golden_file(output, name):
    expected = golden_path(name).read_bytes().decode("utf-8")  # feeds and CSV keep their CRLF
    if output[name] != expected:
        diff = "".join(
            difflib.unified_diff(expected.splitlines(True), output[name].splitlines(True), "golden", "nu", n=2)
        )
        pytest.fail(f"{name} wijkt af van tests/golden (na een bewuste wijziging: make goldens)\n{diff[:4000]}")


if __name__ == "__main__" and "--opnieuw" in sys.argv:
    os.environ.setdefault("PARTICIPATIE_VANDAAG", "2026-11-22")
    for name, text in rendered().items():
        path = golden_path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        print(f"geschreven: tests/golden/{name}")
