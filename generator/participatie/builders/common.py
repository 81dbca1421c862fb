"""What every builder says the same way: fatal problems, withheld trajectories, the assets it adds."""

from __future__ import annotations

import datetime as dt
import os
import re
from importlib import resources
from pathlib import Path

from ..findings import Finding
from ..model.instellingen import SiteSettings
from ..pipeline import Result

ASSET_CSS = "assets/participatie.css"
THEME = Path(str(resources.files("participatie") / "templates" / "theme"))  # theme overrides every site gets
ASSET_JS = "assets/participatie.js"


SOURCE_MAP = re.compile(rb"\n?(//# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$")


def drop_source_maps(site: Path) -> None:
    """The theme's source maps (1.3 MB) help its developers, not residents: not published, nor pointed at."""
    assets = site / "assets"
    for path in assets.rglob("*.map") if assets.is_dir() else ():
        path.unlink()
    for path in assets.rglob("*") if assets.is_dir() else ():
        if path.suffix in (".js", ".css") and path.is_file():
            data = path.read_bytes()
            stripped = SOURCE_MAP.sub(b"", data[-300:])
            if len(stripped) != len(data[-300:]):
                path.write_bytes(data[:-300] + stripped)


def fatal_message(findings: list[Finding]) -> str:
    lines = [f.format() for f in findings]
    return "\n".join(lines + ["participatie: de site is niet gebouwd; los de fouten hierboven op en bouw opnieuw."])


def withheld_message(result: Result) -> str:
    held = [*result.withheld, *result.withheld_initiatieven]
    wat = " en ".join(
        x
        for x in (
            _count(len(result.withheld), "traject", "trajecten"),
            _count(len(result.withheld_initiatieven), "initiatief", "initiatieven"),
        )
        if x
    )
    return (
        f"{wat} niet gepubliceerd ({', '.join(d.map for d in held)}): er staan persoonsgegevens, onveilige inhoud of "
        "onleesbare bestanden in (zie de fouten hierboven). De rest van de site is wel gebouwd."
    )


def _count(n: int, een: str, meer: str) -> str:
    return f"{n} {een if n == 1 else meer}" if n else ""


_OWN_EPOCH = "SOURCE_DATE_EPOCH" not in os.environ  # a date the caller set is theirs to keep


def pin_build_date(vandaag: dt.date) -> None:
    """Builders stamp pages and the sitemap with the build time; pin it to the site's day, so the same input gives
    the same bytes (reproducible builds: https://reproducible-builds.org/specs/source-date-epoch/)."""
    if _OWN_EPOCH:
        os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime.combine(vandaag, dt.time(), dt.UTC).timestamp()))


MARKER = ".participatie-site"  # in every site participatie built: only such a folder is ever replaced
MARKER_TEXT = "Deze map is gemaakt door 'participatie bouw'; een volgende bouw vervangt haar helemaal.\n"


def sources(settings: SiteSettings) -> list[Path]:
    """Everything a build reads and must never touch: the folders with the site's files, the config, Git."""
    base = settings.base
    names = [
        settings.projecten,
        settings.initiatieven,
        settings.docs_dir,
        settings.theme_dir or "theme",
        ".git",
        settings.bestand,
        "schema",
    ]
    return [(base / n).resolve() for n in names]


def refuse_output(settings: SiteSettings, target: Path) -> str | None:
    """Why `target` may not be an output folder, in Dutch; None when it may."""
    target = target.resolve()
    for source in sources(settings):
        t, s = shown(settings, target), shown(settings, source)
        if target == source:
            return f"'{t}' is een bronmap of -bestand van de site; een bouw zou het vervangen."
        if source.is_relative_to(target):
            return f"'{t}' bevat '{s}', met de bronbestanden van de site; een bouw zou die vervangen."
        if target.is_relative_to(source):
            return f"'{t}' ligt in '{s}', tussen de bronbestanden van de site."
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        return f"'{shown(settings, target)}' bestaat al en is geen map."
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        return (
            f"de map '{shown(settings, target)}' bestaat al, is niet leeg en is niet door participatie gemaakt; "
            "een bouw zou haar inhoud vervangen."
        )
    return None


def shown(settings: SiteSettings, path: Path) -> str:
    try:
        return path.relative_to(settings.base.resolve()).as_posix() or "."
    except ValueError:
        return str(path)
