"""The site's settings: read from mkdocs.yml with positions, bound and checked, the same way for the CLI and the builders.

Settings are checked like data: the site's name is plain text (themes print it unescaped), the
loket is a web address, the open-data contact an e-mail address, and every file a setting names
exists; each problem with its place in mkdocs.yml.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..findings import INSTELLINGEN, Ernst, Finding, Gevolg, regel
from ..load.yaml import Loc, Source, load_yaml
from ..model.bind import bind
from ..model.instellingen import Instellingen, SiteSettings

PLUGIN = "participatie"
SITE_NAAM = regel(
    "instelling.site-naam",
    'een site_name met tekens die een pagina kunnen breken (< > ")',
    Gevolg.TEGENHOUDEN,
    bron=INSTELLINGEN,
)
WEBADRES = regel(
    "instelling.webadres", "een loket dat geen webadres met https:// is", Gevolg.TEGENHOUDEN, bron=INSTELLINGEN
)
EMAIL = regel(
    "instelling.email", "een contact voor open data dat geen e-mailadres is", Gevolg.TEGENHOUDEN, bron=INSTELLINGEN
)
BESTAND = regel(
    "instelling.bestand",
    "een bestand dat de instellingen noemen, maar dat er niet is",
    Gevolg.INTERN,
    bron=INSTELLINGEN,
)
MAILADRES = re.compile(r"^[^@\s:/<>\"']+@[^@\s:/<>\"']+\.[^@\s:/<>\"']{2,}$")


def plugin_options(data: object) -> tuple[Loc, Any]:
    """Where the participatie options are in mkdocs.yml's data, and what they are (as written: a mapping, normally)."""
    plugins = data.get("plugins") if isinstance(data, dict) else None
    if isinstance(plugins, dict):
        return ("plugins", PLUGIN), plugins.get(PLUGIN) or {}
    for i, plugin in enumerate(plugins or []):
        if isinstance(plugin, dict) and PLUGIN in plugin:
            return ("plugins", i, PLUGIN), plugin[PLUGIN] or {}
    return (), {}


def read_site_settings(base: Path, name: str = "mkdocs.yml") -> tuple[SiteSettings, list[Finding]]:
    """The participatie options in base/mkdocs.yml; defaults when there is none."""
    config = base / name
    if not config.exists():
        return SiteSettings(base=base), []
    source, findings = load_yaml(config, name, lenient=True)
    if source is None:
        return SiteSettings(base=base), findings
    if not isinstance(source.data, dict):
        return SiteSettings(base=base), findings + bind(Instellingen, source)[1]
    loc, options = plugin_options(source.data)
    sub = source.sub(loc) if options else None
    opties, problems = bind(Instellingen, sub) if sub else (Instellingen(), [])
    posities = {key: sub.pos((key,)) for key in options if (key,) in sub.values} if sub else {}
    data = source.data
    theme = data.get("theme")
    theme = theme if isinstance(theme, dict) else {}
    settings = SiteSettings(
        opties=opties or Instellingen(),
        base=base,
        posities=posities,
        bestand=name,
        site_url=_text(data.get("site_url")),
        site_naam=_text(data.get("site_name")),
        docs_dir=_text(data.get("docs_dir")) or "docs",
        site_dir=_text(data.get("site_dir")) or "site",
        theme_dir=_text(theme.get("custom_dir")) or None,
    )
    return settings, findings + problems + check_settings(settings, source, loc)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def check_settings(settings: SiteSettings, source: Source, loc: Loc) -> list[Finding]:
    """What the options' types cannot say: plain text, web and e-mail addresses, files that exist."""
    out: list[Finding] = []
    opties = settings.opties
    if any(c in settings.site_naam for c in '<>"'):
        out.append(
            Finding(
                settings.bestand,
                source.pos(("site_name",)),
                Ernst.FOUT,
                "'site_name' bevat < > of \"; het thema zet de naam zonder meer in elke pagina, dus dat kan niet.",
                'Schrijf de naam als gewone tekst, zonder < > en ".',
                SITE_NAAM,
            )
        )
    if opties.loket is not None and not re.match(r"^https://[^\s<>\"']+$", opties.loket):
        out.append(
            Finding(
                settings.bestand,
                source.pos(loc + ("loket",)),
                Ernst.FOUT,
                "'loket' is geen webadres dat met https:// begint.",
                "Zet het adres van het digitale loket, bijvoorbeeld 'https://www.gemeente.nl/idee-indienen'.",
                WEBADRES,
            )
        )
    if opties.open_data is not None and not MAILADRES.match(opties.open_data.contact):
        out.append(
            Finding(
                settings.bestand,
                source.pos(loc + ("open_data", "contact")),
                Ernst.FOUT,
                "'contact' bij 'open_data' is geen e-mailadres.",
                "Zet het e-mailadres voor vragen over de data, bijvoorbeeld 'opendata@gemeente.example'.",
                EMAIL,
            )
        )
    onderzoek = opties.toegankelijkheid.onderzoek if opties.toegankelijkheid else None
    if onderzoek is not None and not (settings.base / onderzoek).is_file():
        out.append(
            Finding(
                settings.bestand,
                source.pos(loc + ("toegankelijkheid", "onderzoek")),
                Ernst.WAARSCHUWING,
                f"het bestand '{onderzoek}' met de uitkomst van de toegankelijkheidscontrole bestaat niet; "
                "de toegankelijkheidsverklaring noemt dan geen onderzoek.",
                "Bouw de site en draai daarna 'participatie toegankelijkheid', of zet bij 'onderzoek' het "
                "juiste bestand.",
                BESTAND,
            )
        )
    return out
