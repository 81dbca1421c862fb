"""MkDocs adapter: check before anything is cleaned, then hand MkDocs the core's pages in memory.

Generated pages skip Markdown entirely: their HTML and table of contents come from the
core (`render.page.Page`), and MkDocs and the theme only wrap them (navigation, search,
print). Everything else is in the core, so the same site builds without MkDocs too
(`participatie bouw --bouwer zensical`).
"""

from __future__ import annotations

import types
from pathlib import Path
from typing import TYPE_CHECKING

from markdown.extensions.toc import nest_toc_tokens
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from ..findings import Ernst, Gevolg
from ..load.git import change_dates
from ..load.profielen import resolve_profile
from ..model.instellingen import Instellingen
from ..pipeline import Result, check_site
from ..render.page import Page
from ..render.preview import Preview, preview
from ..render.site import render_site
from ..rules.instellingen import read_site_settings
from .common import (
    ASSET_CSS,
    ASSET_JS,
    MARKER,
    MARKER_TEXT,
    THEME,
    drop_source_maps,
    fatal_message,
    pin_build_date,
    refuse_output,
    withheld_message,
)

log = get_plugin_logger(__name__)
# Every option is checked by the core (with its position in mkdocs.yml), not by MkDocs.
if TYPE_CHECKING:

    class ParticipatieConfig(Config):  # made below, with one option for each field of Instellingen
        pass

else:
    ParticipatieConfig = type(
        "ParticipatieConfig", (Config,), {name: c.Optional(c.Type(object)) for name in Instellingen.model_fields}
    )


class ParticipatiePlugin(BasePlugin[ParticipatieConfig]):
    result: Result | None = None
    out = None
    preview: Preview | None = None  # only under `mkdocs serve`: findings shown in the browser
    serving = False

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"

    def on_config(self, config):
        self.config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
        self.base = self.config_file.parent
        self.settings, self.problems = read_site_settings(self.base, self.config_file.name)
        errors = [p for p in self.problems if p.ernst is Ernst.FOUT]
        if errors and not self.serving:
            raise PluginError(fatal_message(self.problems))
        if not self.serving:
            for p in self.problems:  # warnings about settings: said, not fatal
                log.warning(p.format())
        refused = None if self.serving else refuse_output(self.settings, Path(config.site_dir))
        if refused:  # MkDocs would empty site_dir before building
            raise PluginError(
                f"fout: {refused}\n    hint: zet 'site_dir' in mkdocs.yml op een nieuwe map, of op een map "
                "die participatie eerder bouwde. Er is niets veranderd."
            )
        pin_build_date(self.settings.vandaag())
        config.use_directory_urls = False  # generated pages link to each other as .html
        theme_dirs = config.theme.dirs
        theme_dirs.insert(
            1 if config.theme.custom_dir else 0, str(THEME)
        )  # the product's 404 page; the site's own wins
        if ASSET_CSS not in config.extra_css:
            config.extra_css.insert(0, ASSET_CSS)
        if ASSET_JS not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(ASSET_JS)
        return config

    def on_pre_build(self, config):
        """Runs before MkDocs cleans site_dir: when nothing can be built, the previous site stays."""
        self.result = check_site(self.settings, self.settings.vandaag())
        fatal_problems = any(p.ernst is Ernst.FOUT for p in self.problems) or self.result.profiel is None
        if self.serving:  # the preview shows every finding in the browser instead of stopping
            self.preview = preview(self.result, self.problems)
            self.unbuildable = fatal_problems
            log.warning(
                f"participatie: {self.preview.fouten} fout(en), {self.preview.waarschuwingen} waarschuwing(en); "
                "zie de pagina participatie-bevindingen.html in het voorbeeld."
            )
            return
        if self.result.profiel is None:
            raise PluginError(fatal_message(self.result.findings))
        for f in self.result.findings:
            level = log.warning if f.gevolg is Gevolg.TEGENHOUDEN and f.ernst is Ernst.FOUT else log.info
            level(f.format())
        if self.result.withheld or self.result.withheld_initiatieven:
            log.warning(withheld_message(self.result))

    def on_files(self, files: Files, config) -> Files:
        pages, generated, self.out = [], [], None
        if not (self.preview and self.unbuildable):
            assert self.result is not None  # on_pre_build made it
            dates = change_dates(self.base, (self.settings.projecten, self.settings.initiatieven))
            out = render_site(self.result, dates, config.site_url or "http://localhost/")
            pages, generated, self.out = out.pages, out.files, out
        if self.preview:
            pages = [
                *pages,
                self.preview.overview(),
                *(self.preview.placeholder(*held) for held in self.preview.withheld),
            ]
        self.pages = {p.path: p for p in pages}
        self.bodies = {p.path: (self.preview.banner(p.path) if self.preview else "") + p.content for p in pages}
        for path, content in [(p.path, p.header()) for p in pages] + [(g.path, g.content) for g in generated]:
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)  # a hand-written page of the same name is replaced, and said so
                log.info(
                    f"{path} wordt gemaakt door participatie; het bestand in {config.docs_dir} wordt niet gebruikt."
                )
            files.append(File.generated(config, path, content=content))
        return files

    def on_pre_page(self, page, config, files):
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            body = self.bodies[page.file.src_uri]
            page.render = types.MethodType(lambda self, config, files: _inject(self, generated, body), page)
        return page

    def on_page_content(self, html, page, config, files):
        """In the preview, hand-written pages get the banner too."""
        if self.preview and page.file.src_uri not in self.pages:
            return self.preview.banner(page.file.src_uri) + html
        return html

    @event_priority(100)
    def _before_search(self, context, page, config, nav):
        """The search index gets our sections as text; parsing the full pages cost more than building them."""
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            page.content = generated.search_html()
        return context

    @event_priority(-100)
    def _after_search(self, context, page, config, nav):
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            page.content = self.bodies[page.file.src_uri]
        return context

    on_page_context = CombinedEvent(_before_search, _after_search)

    def on_post_page(self, output, page, config):
        """Each page announces its feeds (Atom) in <head>, so browsers and feed readers find them."""
        if self.out is None or "</head>" not in output:
            return output
        return output.replace("</head>", self.out.head(page.file.src_uri) + "</head>", 1)

    def on_post_build(self, config):
        drop_source_maps(Path(config.site_dir))
        if not self.serving:  # only a folder with this mark is ever emptied by a later build
            (Path(config.site_dir) / MARKER).write_text(MARKER_TEXT, encoding="utf-8")

    def on_serve(self, server, config, builder):
        for folder in (self.settings.projecten, self.settings.initiatieven):
            if (self.base / folder).is_dir():
                server.watch(str(self.base / folder))
        profile = resolve_profile(self.settings.profiel, self.base)
        if profile is not None and profile.exists():
            server.watch(str(profile))
        return server


def _inject(page, generated: Page, body: str) -> None:
    """Instead of Markdown: the core's HTML, its table of contents and its anchors."""
    koppen = generated.koppen
    page.content = body
    tokens = [{"level": k.niveau, "id": k.id, "name": k.html, "html": k.html, "children": []} for k in koppen]
    # types-Markdown lists only level, id and name for a token; Markdown's own tokens also have html and children
    page.toc = get_toc(nest_toc_tokens(tokens))  # type: ignore[arg-type]
    page._title_from_render = generated.titel
    page.present_anchor_ids = {k.id for k in koppen}
