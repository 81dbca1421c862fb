"""`participatie bouw`: build into a fresh folder, swap it in only when the build succeeded.

An interrupted or failed build never leaves a half-written site/ behind: the old site stays
until the new one is complete. Exit codes, for a deploy pipeline:

    0  the whole site is built and published
    3  the site is built and published, but one or more trajectories are withheld
       (personal data, unsafe content or an unreadable file); alert someone
    1  nothing was built; site/ is unchanged
    2  wrong use of the command
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..findings import Ernst, Gevolg
from ..load.git import change_dates
from ..load.instellingen import read_site_settings
from ..pipeline import Result, check_site, load_profile
from ..render.site import render_site
from .common import fatal, pin_build_date, withheld_message

GEBOUWD, NIETS, GEBRUIK, TEGENGEHOUDEN = 0, 1, 2, 3
BOUWERS = ("mkdocs", "zensical")


class BuildFailed(Exception):
    """The builder did not finish; the message says why, in Dutch."""


def build_site(base: Path, target: Path, strict: bool = False, bouwer: str = "mkdocs") -> int:
    settings, problems = read_site_settings(base)
    if not problems:  # a missing profile stops everything: say so before a builder starts
        problems = load_profile(settings.profiel, base, settings.waar("profiel"))[1]
    if problems:
        print(fatal(problems), file=sys.stderr)
        return NIETS
    target = (base / target).resolve()
    if target == base.resolve() or base.resolve().is_relative_to(target):
        print(f"fout: '{target}' kan geen bouwmap zijn.", file=sys.stderr)
        return GEBRUIK
    for stale in target.parent.glob(f".{target.name}.nieuw-*"):  # left by an interrupted build of ours
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.nieuw-", dir=target.parent))
    try:
        result = (_mkdocs if bouwer == "mkdocs" else _zensical)(base, staging, strict, settings)
    except BuildFailed as exc:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"{exc}\nDe site is niet gebouwd; {target.name}/ is niet veranderd.", file=sys.stderr)
        return NIETS
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, target)
    if result.withheld:
        print(f"{withheld_message(result)}\nDe site staat in {target.name}/, zonder die trajecten.", file=sys.stderr)
        return TEGENGEHOUDEN
    print(f"De site staat in {target.name}/.")
    return GEBOUWD


def _mkdocs(base: Path, staging: Path, strict: bool, settings) -> Result:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    try:
        config = load_config(str(base / "mkdocs.yml"), site_dir=str(staging), strict=strict)
        build(config)
    except (Abort, ConfigurationError, PluginError, SystemExit) as exc:
        raise BuildFailed(str(exc)) from None
    return config.plugins["participatie"].result


def _zensical(base: Path, staging: Path, strict: bool, settings) -> Result:
    from .docs import write_docs_tree
    pin_build_date(settings.vandaag())
    result = check_site(settings, settings.vandaag())
    if result.profiel is None:
        raise BuildFailed(fatal(result.findings))
    for f in result.findings:
        if f.gevolg is Gevolg.TEGENHOUDEN and f.ernst is Ernst.FOUT:
            print(f.format(), file=sys.stderr)
    out = render_site(result, change_dates(base, (settings.projecten, settings.initiatieven)), settings.site_url or "http://localhost/")
    config = write_docs_tree(base, settings.docs_dir, out, staging)
    zensical = shutil.which("zensical")
    command = [zensical] if zensical else [sys.executable, "-m", "zensical"]
    run = subprocess.run([*command, "build", "-f", str(config), *(["--strict"] if strict else [])], cwd=base,
                         capture_output=True, text=True, check=False)
    if run.returncode != 0 or not (staging / "index.html").exists():
        raise BuildFailed("Zensical kon de site niet bouwen (is het geïnstalleerd? pip install zensical).\n"
                          + (run.stderr or run.stdout)[-2000:])
    for html in staging.rglob("*.html"):  # Zensical runs no plugins: the feed links go into <head> here
        page = html.relative_to(staging).with_suffix(".md").as_posix()
        text = html.read_text(encoding="utf-8")
        if "</head>" in text:
            html.write_text(text.replace("</head>", out.head(page) + "</head>", 1), encoding="utf-8")
    return result


def _swap(staging: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}.oud")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
