"""Read the site's settings from mkdocs.yml, with positions, the same way for the CLI and the builders."""

from __future__ import annotations

from pathlib import Path

from ..findings import Finding
from ..model.bind import bind
from ..model.instellingen import Instellingen, SiteSettings
from .yaml import load_yaml

PLUGIN = "participatie"


def plugin_options(data) -> tuple[tuple, dict]:
    """Where the participatie options are in mkdocs.yml's data, and what they are."""
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
    settings = SiteSettings(opties=opties or Instellingen(), base=base, posities=posities, bestand=name,
                            site_url=str(source.data.get("site_url") or ""),
                            site_naam=str(source.data.get("site_name") or ""),
                            docs_dir=str(source.data.get("docs_dir") or "docs"))
    return settings, findings + problems
