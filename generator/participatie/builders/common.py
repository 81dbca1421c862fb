"""What every builder says the same way: fatal problems, withheld trajectories, the assets it adds."""

from __future__ import annotations

from ..findings import Finding
from ..pipeline import Result

import datetime as dt
import os
from importlib import resources
from pathlib import Path

ASSET_CSS = "assets/participatie.css"
THEME = Path(str(resources.files("participatie") / "templates" / "theme"))  # theme overrides every site gets
ASSET_JS = "assets/participatie.js"


def fatal(findings: list[Finding]) -> str:
    lines = [f.format() for f in findings]
    return "\n".join(lines + ["participatie: de site is niet gebouwd; los de fouten hierboven op en bouw opnieuw."])


def withheld_message(result: Result) -> str:
    names = ", ".join(t.map for t in result.withheld)
    return (f"{len(result.withheld)} traject(en) niet gepubliceerd ({names}): er staan persoonsgegevens, "
            "onveilige inhoud of onleesbare bestanden in (zie de fouten hierboven). De rest van de site is wel gebouwd.")


_OWN_EPOCH = "SOURCE_DATE_EPOCH" not in os.environ  # a date the caller set is theirs to keep


def pin_build_date(vandaag: dt.date) -> None:
    """Builders stamp pages and the sitemap with the build time; pin it to the site's day, so the same input gives
    the same bytes (reproducible builds: https://reproducible-builds.org/specs/source-date-epoch/)."""
    if _OWN_EPOCH:
        os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime.combine(vandaag, dt.time(), dt.timezone.utc).timestamp()))
