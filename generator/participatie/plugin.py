"""MkDocs adapter: check before anything is cleaned, then add the generated pages in memory."""

from __future__ import annotations

import datetime
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from .check import Result, check_site
from .githistory import history
from .profile import resolve_profile
from .render.pages import render_site
from .settings import from_options

log = get_plugin_logger(__name__)


class ParticipatieConfig(Config):
    profiel = c.Type(str, default="dalfsen")
    projecten = c.Type(str, default="projecten")
    gemeente = c.Type(str, default="de gemeente")
    kernen = c.ListOfItems(c.Type(str), default=[])
    eigen_domeinen = c.ListOfItems(c.Type(str), default=[])
    eigen_telefoonnummers = c.ListOfItems(c.Type(str), default=[])
    peildatum = c.Optional(c.Type((str, datetime.date)))


class ParticipatiePlugin(BasePlugin[ParticipatieConfig]):
    result: Result | None = None

    def on_config(self, config):
        self.base = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.settings = from_options(dict(self.config), self.base, config.site_url or "")
        if self.config.peildatum and self.settings.peildatum is None:
            raise PluginError(f"mkdocs.yml: fout: '{self.config.peildatum}' is geen geldige peildatum. "
                              "Schrijf de datum als 2026-11-22 (jaar-maand-dag), of haal 'peildatum' weg.")
        config.use_directory_urls = False  # generated pages link to each other as .html, also in raw HTML
        for asset in ("assets/participatie.css",):
            if asset not in config.extra_css:
                config.extra_css.insert(0, asset)
        if "assets/participatie.js" not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append("assets/participatie.js")
        return config

    def on_pre_build(self, config):
        """Runs before MkDocs cleans site_dir: a broken trajectory leaves the previous site untouched."""
        self.result = check_site(self.settings, self.settings.vandaag())
        for f in self.result.findings:
            (log.error if f.ernst.value == "fout" else log.warning)(f.format())
        if self.result.errors:
            raise PluginError(f"participatie: {len(self.result.errors)} fout(en) in de trajecten; de site is niet gebouwd. "
                              "Los de fouten hierboven op en bouw opnieuw.")

    def on_files(self, files: Files, config) -> Files:
        root = self.base / self.settings.projecten
        histories = {t.slug: history(root / t.slug) for t in self.result.trajecten}
        for item in render_site(self.result, histories, config.site_url or "http://localhost/"):
            existing = files.get_file_from_path(item.path)
            if existing is not None:
                files.remove(existing)  # a hand-written page of the same name is replaced, and said so
                log.info(f"{item.path} wordt gemaakt door participatie; het bestand in {config.docs_dir} wordt niet gebruikt.")
            files.append(File.generated(config, item.path, content=item.content))
        return files

    def on_serve(self, server, config, builder):
        server.watch(str(self.base / self.settings.projecten))
        profile = resolve_profile(self.settings.profiel, self.base)
        if profile is not None and profile.exists():
            server.watch(str(profile))
        return server
