"""Site settings: the plugin's options in mkdocs.yml, read the same way by the CLI."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .findings import Ernst, Finding, Pos
from .load import PlainLoader


class _LenientLoader(PlainLoader):
    """mkdocs.yml may carry tags such as !ENV or !!python/name; we only need plain values.

    Built on the trajectory files' loader, so a date such as 2026-11-31 stays text for us to judge.
    """


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class SiteSettings:
    profiel: str = "dalfsen"
    projecten: str = "projecten"
    gemeente: str = "de gemeente"
    kernen: tuple[str, ...] = ()
    eigen_domeinen: tuple[str, ...] = ()
    eigen_telefoonnummers: tuple[str, ...] = ()
    site_url: str = ""
    peildatum: dt.date | None = None  # for an example or an archived site: the date it is 'today'
    base: Path = field(default_factory=Path.cwd)

    def vandaag(self) -> dt.date:
        """The environment variable wins (tests), then the site's peildatum, then today."""
        if os.environ.get("PARTICIPATIE_VANDAAG") or self.peildatum is None:
            return today()
        return self.peildatum


def today() -> dt.date:
    """Today's date in Europe/Amsterdam; PARTICIPATIE_VANDAAG=jjjj-mm-dd pins it for tests and archives."""
    pinned = os.environ.get("PARTICIPATIE_VANDAAG")
    if pinned:
        return dt.date.fromisoformat(pinned)
    from zoneinfo import ZoneInfo
    return dt.datetime.now(ZoneInfo("Europe/Amsterdam")).date()


def from_options(options: dict, base: Path, site_url: str = "") -> SiteSettings:
    def tup(key):
        return tuple(str(x) for x in options.get(key) or ())
    return SiteSettings(profiel=str(options.get("profiel") or "dalfsen"), projecten=str(options.get("projecten") or "projecten"),
                        gemeente=str(options.get("gemeente") or "de gemeente"), kernen=tup("kernen"),
                        eigen_domeinen=tup("eigen_domeinen"), eigen_telefoonnummers=tup("eigen_telefoonnummers"),
                        site_url=site_url, peildatum=_date(options.get("peildatum")), base=base)


def _date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def read_site_settings(base: Path) -> tuple[SiteSettings, list[Finding]]:
    """Find the participatie plugin's options in base/mkdocs.yml; defaults when there is none."""
    config = base / "mkdocs.yml"
    if not config.exists():
        return SiteSettings(base=base), []
    try:
        data = yaml.load(config.read_text(encoding="utf-8-sig"), Loader=_LenientLoader) or {}
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
        return SiteSettings(base=base), [Finding("mkdocs.yml", None, Ernst.FOUT, f"mkdocs.yml kan niet worden gelezen ({exc}).",
                                                 "Controleer mkdocs.yml.")]
    options = {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "participatie" in plugin:
            options = plugin["participatie"] or {}
    settings = from_options(options, base, str(data.get("site_url") or ""))
    if options.get("peildatum") and settings.peildatum is None:
        return settings, [_bad_peildatum(config, options["peildatum"])]
    return settings, []


def _bad_peildatum(config: Path, value) -> Finding:
    lines = config.read_text(encoding="utf-8-sig").split("\n")
    line = next((n for n, text in enumerate(lines, 1) if text.strip().startswith("peildatum:")), None)
    pos = Pos(line, lines[line - 1].index("peildatum:") + 1) if line else None
    return Finding("mkdocs.yml", pos, Ernst.FOUT, f"'{value}' is geen geldige peildatum.",
                   "Schrijf de datum als 2026-11-22 (jaar-maand-dag), of haal 'peildatum' weg.", code="instelling")
