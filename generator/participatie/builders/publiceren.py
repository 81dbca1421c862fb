"""`participatie bouw`: build into a fresh folder, swap it in only when the build succeeded.

An interrupted or failed build never leaves a half-written site/ behind: the old site stays
until the new one is complete. The output folder is one that participatie made before (it
carries a marker) or an empty or new one, never a source folder or anything above one; one
build at a time writes it. Exit codes, for a deploy pipeline:

    0  the whole site is built and published
    3  the site is built and published, but one or more trajectories are withheld
       (personal data, unsafe content or an unreadable file); alert someone
    1  nothing was built; site/ is unchanged
    2  wrong use of the command (such as an output folder that may not be one)
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..findings import Ernst, Gevolg
from ..load.git import change_dates
from ..messages import os_error
from ..model.instellingen import SiteSettings
from ..pipeline import Result, check_site, load_profile
from ..render.site import render_site
from ..rules.instellingen import read_site_settings
from .common import (
    MARKER,
    MARKER_TEXT,
    drop_source_maps,
    fatal_message,
    pin_build_date,
    refuse_output,
    shown,
    withheld_message,
)
from .voortgang import MkdocsLog

GEBOUWD, NIETS, GEBRUIK, TEGENGEHOUDEN = 0, 1, 2, 3
BOUWERS = ("mkdocs", "zensical")


class BuildFailed(Exception):
    """The builder did not finish; the message says why, in Dutch."""


@contextlib.contextmanager
def one_at_a_time(lock: Path, wat: str):
    """An operating-system lock: a second build of the same folder waits until the first is done."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock (see the README)
        yield
        return
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Er loopt al een bouw van {wat}; deze bouw wacht tot die klaar is.", file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def build_site(base: Path, target: Path | None = None, strict: bool = False, bouwer: str = "mkdocs") -> int:
    settings, problems = read_site_settings(base)
    if not any(p.ernst is Ernst.FOUT for p in problems):  # a missing profile stops everything: say so before building
        problems += load_profile(settings.profiel, base, settings.waar("profiel"))[1]
    if any(p.ernst is Ernst.FOUT for p in problems):
        print(fatal_message(problems), file=sys.stderr)
        return NIETS
    target = base / (target if target is not None else settings.site_dir)
    refused = refuse_output(settings, target)
    if refused:
        print(
            f"fout: {refused}\n    hint: kies met --map (of 'site_dir' in mkdocs.yml) een nieuwe map, of een map die "
            "participatie eerder bouwde. Er is niets veranderd.",
            file=sys.stderr,
        )
        return GEBRUIK
    target = target.resolve()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with one_at_a_time(target.parent / f".{target.name}.lock", f"{target.name}/"):
            return _build_locked(base, target, strict, bouwer, settings)
    except OSError as exc:
        print(
            f"fout: de site kan niet naar '{shown(settings, target)}' worden geschreven: {os_error(exc)}.\n"
            "    hint: kies een andere map met --map.",
            file=sys.stderr,
        )
        return NIETS


def _build_locked(base: Path, target: Path, strict: bool, bouwer: str, settings: SiteSettings) -> int:
    for stale in target.parent.glob(f".{target.name}.nieuw-*"):  # we hold the lock: these are of builds that died
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.nieuw-", dir=target.parent))
    print(f"Controleren en bouwen met {'Zensical' if bouwer == 'zensical' else 'MkDocs'}…", file=sys.stderr, flush=True)
    try:
        result = (_mkdocs if bouwer == "mkdocs" else _zensical)(base, staging, strict, settings)
        (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    except BuildFailed as exc:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"{exc}\nDe site is niet gebouwd; {target.name}/ is niet veranderd.", file=sys.stderr)
        return NIETS
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, target)
    pages = sum(1 for _ in target.rglob("*.html"))
    held = len(result.withheld) + len(result.withheld_initiatieven)
    if held:
        if bouwer != "mkdocs":  # the MkDocs plugin has said it already
            print(withheld_message(result), file=sys.stderr)
        print(
            f"De site staat in {target.name}/ ({pages} pagina's), zonder {'het' if held == 1 else 'de ' + str(held)} "
            "tegengehouden traject(en) of initiatief(en).",
            file=sys.stderr,
        )
        return TEGENGEHOUDEN
    print(f"De site staat in {target.name}/ ({pages} pagina's).")
    return GEBOUWD


def _mkdocs(base: Path, staging: Path, strict: bool, settings) -> Result:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    from .mkdocs import ParticipatiePlugin

    with MkdocsLog() as log:
        try:
            config = load_config(str(base / "mkdocs.yml"), site_dir=str(staging), strict=strict)
            # MkDocs keeps a plugin with on_startup for the whole process (for serve); say this is a build
            config.plugins.on_startup(command="build", dirty=False)
            build(config)
        except (Abort, ConfigurationError, PluginError, SystemExit) as exc:
            raise BuildFailed(log.explain(exc)) from None
    plugin = config.plugins["participatie"]
    assert isinstance(plugin, ParticipatiePlugin) and plugin.result is not None  # a finished build made it
    return plugin.result


def _zensical(base: Path, staging: Path, strict: bool, settings) -> Result:
    from .docs import write_docs_tree

    pin_build_date(settings.vandaag())
    for p in read_site_settings(base)[1]:  # warnings about the settings (the MkDocs plugin logs them itself)
        print(p.format(), file=sys.stderr)
    result = check_site(settings, settings.vandaag())
    if result.profiel is None:
        raise BuildFailed(fatal_message(result.findings))
    for f in result.findings:
        if f.gevolg is Gevolg.TEGENHOUDEN and f.ernst is Ernst.FOUT:
            print(f.format(), file=sys.stderr)
    out = render_site(
        result,
        change_dates(base, (settings.projecten, settings.initiatieven)),
        settings.site_url or "http://localhost/",
    )
    with one_at_a_time(base / ".participatie.lock", "de map .participatie/"):  # one docs tree per site
        config = write_docs_tree(base, settings.docs_dir, out, staging)
        zensical = shutil.which("zensical")
        command = [zensical] if zensical else [sys.executable, "-m", "zensical"]
        run = subprocess.run(
            [*command, "build", "-f", str(config), *(["--strict"] if strict else [])],
            cwd=base,
            capture_output=True,
            text=True,
            check=False,
        )
    if run.returncode != 0 or not (staging / "index.html").exists():
        raise BuildFailed(
            "fout: Zensical kon de site niet bouwen (is het geïnstalleerd? pip install zensical).\n"
            + (run.stderr or run.stdout)[-2000:]
        )
    for html in staging.rglob("*.html"):  # Zensical runs no plugins: the feed links go into <head> here
        page = html.relative_to(staging).with_suffix(".md").as_posix()
        text = html.read_text(encoding="utf-8")
        if "</head>" in text:
            html.write_text(text.replace("</head>", out.head(page) + "</head>", 1), encoding="utf-8")
    drop_source_maps(staging)
    return result


def _swap(staging: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}.oud")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
