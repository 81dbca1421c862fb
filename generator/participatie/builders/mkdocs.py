"""MkDocs adapter: check before anything is cleaned, then hand MkDocs the core's pages in memory.

Generated pages skip Markdown entirely: their HTML and table of contents come from the
core (`render.page.Page`), and MkDocs and the theme only wrap them (navigation, search,
print). Everything else is in the core, so the same site builds without MkDocs too
(`participatie bouw --bouwer zensical`).
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import os
import subprocess
import sys
import sysconfig
import types
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import jinja2
from markdown.extensions.toc import nest_toc_tokens
from mkdocs import __version__ as mkdocs_version
from mkdocs.commands.build import get_context
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import TableOfContents, get_toc
from mkdocs.theme import Theme

from .. import cache
from ..cache import Cache, pack, unpack
from ..findings import Ernst, Gevolg
from ..load.git import change_dates
from ..load.profielen import resolve_profile
from ..model.instellingen import Instellingen
from ..pipeline import Result, check_site
from ..processen import in_order, one_run, workers
from ..render.html import CompiledTemplates
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

log = get_plugin_logger(__name__)  # says 'participatie: ' before every message
# The preview's pages as the theme rendered them, by path: (what they were made from, the HTML). At module level,
# because `mkdocs serve` may load the config and make the plugin anew for each rebuild.
RENDERED: dict[str, tuple[str, str]] = {}
# The search index's entries of each of those pages, by path: (what they were made from, the entries). The search
# plugin reads every page again on every rebuild; a page made from the same things gives the same entries.
SEARCHED: dict[str, tuple[str, list[dict]]] = {}
TOCS: dict[tuple, TableOfContents] = {}  # tables of contents by the headings they are made of (read-only once made)


class Written(File):
    """A generated file: a calendar, a feed, an export. MkDocs empties the preview's folder before every rebuild and
    writes every file again (2,000 feeds at N = 1,000: a quarter of a rebuild after one edit). In the preview, a
    file with the text the last rebuild wrote is moved back from where that rebuild's folder was set aside
    (`on_pre_build`); only the others are written. The result is the same files (tests/test_parallel.py)."""

    earlier: ClassVar[Path | None] = None  # the last rebuild's folder, set aside; None outside the preview
    site: ClassVar[Path | None] = None  # the folder this process's preview built last
    stamps: ClassVar[dict[str, tuple[int, int]]] = {}  # what it wrote, by path: the text's length and hash
    moved: ClassVar[int] = 0  # how many files this rebuild moved back instead of writing
    previewing: ClassVar[bool] = False  # set by the plugin under 'mkdocs serve'
    removing: ClassVar[list[subprocess.Popen]] = []  # the processes deleting earlier folders

    def copy_file(self, dirty: bool = False) -> None:
        content = self._content
        if not Written.previewing or not isinstance(content, (str, bytes)):  # a build: written as MkDocs writes
            return super().copy_file(dirty)
        if not Written.moved_back(self.dest_uri, self.abs_dest_path, content):
            super().copy_file(dirty)

    @classmethod
    def moved_back(cls, dest_uri: str, dest: str, content: str | bytes) -> bool:
        """Whether the file with this content was moved back from the last rebuild; else it is to be written, and
        this content is what the next rebuild compares with."""
        # within one process; a file is only reused by the process that wrote it
        return cls._reused(dest_uri, dest, (len(content), hash(content)))

    @classmethod
    def copied_back(cls, file: File) -> bool:
        """Whether a file MkDocs copies (the theme's assets, the site's images) was moved back from the last
        rebuild, its source unchanged since: by its size, inode, modification and change time, as Git trusts them
        (a file restored with an old modification time still has a new change time)."""
        try:
            info = os.stat(file.abs_src_path or "")
        except OSError:
            return False
        stamp = (file.abs_src_path, info.st_size, info.st_ino, info.st_mtime_ns, info.st_ctime_ns)
        return cls._reused(file.dest_uri, file.abs_dest_path, stamp)

    @classmethod
    def _reused(cls, dest_uri: str, dest: str, stamp: tuple) -> bool:
        if cls.earlier is not None and cls.stamps.get(dest_uri) == stamp:
            try:
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                os.replace(cls.earlier / dest_uri, dest)
                cls.moved += 1
                return True
            except OSError:
                pass
        cls.stamps[dest_uri] = stamp
        return False

    @classmethod
    def set_aside(cls, site: Path) -> None:
        """Before MkDocs empties the preview's folder: move it aside, when this process built it."""
        cls.earlier, cls.moved = None, 0
        NotSkipped.moved = set()
        if site != cls.site or not site.is_dir():
            cls.stamps = {}
            return
        aside = site.with_name(f"{site.name}.participatie-{uuid.uuid4().hex[:8]}")
        try:
            site.rename(aside)
            site.mkdir()
        except OSError:
            cls.stamps = {}
            return
        cls.earlier = aside

    @classmethod
    def done(cls, site: Path | None) -> None:
        """After a rebuild: what was not moved back goes, in the background (the preview is already there)."""
        cls.removing = [p for p in cls.removing if p.poll() is None]  # (kept until done: no warning about them)
        if cls.earlier is not None:  # by another process: a thread here would keep later builds from forking
            remove = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"
            cls.removing.append(
                subprocess.Popen(
                    [sys.executable, "-c", remove, str(cls.earlier)],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,  # Ctrl-C in the terminal stops the preview, not this
                )
            )
        cls.earlier, cls.site = None, site


class NotSkipped(logging.Filter):
    """MkDocs says 'Page skipped' for a page it did not write; in the preview, a page moved back was not skipped."""

    moved: ClassVar[set[str]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Page skipped: '") and message.split("'")[1] in self.moved)


NOT_SKIPPED = NotSkipped()
logging.getLogger("mkdocs.commands.build").addFilter(NOT_SKIPPED)


class ThemeLoader(jinja2.FileSystemLoader):
    """The theme's folders, listed for MkDocs' static files without what MkDocs never copies (a hidden file or
    folder: Material's 14,000 icons are in `.icons`), and an installed theme's folder listed once per process.
    Walking and filtering them cost 0.1 s after every edit in the preview. Loading templates is as before."""

    listed: ClassVar[dict[str, list[str]]] = {}

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for folder in self.searchpath:
            names = self.listed.get(folder)
            if names is None:
                every = jinja2.FileSystemLoader(folder, self.encoding, self.followlinks).list_templates()
                names = [n for n in every if not (n.startswith(".") or "/." in n)]  # MkDocs' '.*' and '*/.*'
                if _installed(folder):  # a package's files do not change while the preview runs
                    self.listed[folder] = names
            found.update(names)
        return sorted(found)


def _installed(folder: str) -> bool:
    paths = sysconfig.get_paths()
    where = Path(folder).resolve()
    return any(where.is_relative_to(Path(paths[kind]).resolve()) for kind in ("purelib", "platlib"))


def _theme_env(make, compiled: CompiledTemplates):
    """The theme's Jinja2 environment as MkDocs makes it, with its templates compiled once (see CompiledTemplates)
    and its folders listed by ThemeLoader."""

    def get_env():
        env = make()
        if type(env.loader) is jinja2.FileSystemLoader:
            loader = env.loader
            env.loader = ThemeLoader(loader.searchpath, loader.encoding, loader.followlinks)
        env.bytecode_cache = compiled
        return env

    return get_env


AS_BEFORE = "participatie-zoals-eerder.html"  # in THEME: writes the stored HTML instead of rendering the theme
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
        """MkDocs keeps this plugin for the whole process: what a preview left must not reach a build."""
        self.serving = command == "serve"
        if not self.serving:  # 'build' or 'gh-deploy': one build, and the process ends
            one_run()
        cache.REMEMBER = self.serving  # a build's process ends after it: what it read need not stay in memory
        self.dirty = dirty  # 'mkdocs serve --dirty' keeps what it does not rebuild in the folder: nothing is set aside
        self.preview = None

    @event_priority(100)  # before the search plugin, whose on_config renders the theme's language templates
    def on_config(self, config):
        self.config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
        self.base = self.config_file.parent
        self.compiled = CompiledTemplates(self.base, "thema", f"mkdocs {mkdocs_version}")
        config.theme.get_env = _theme_env(config.theme.get_env, self.compiled)
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
        Written.previewing = self.serving
        if self.serving and not getattr(self, "dirty", False):
            Written.set_aside(Path(config.site_dir))
        self.result = check_site(self.settings, self.settings.vandaag())
        fatal_problems = any(p.ernst is Ernst.FOUT for p in self.problems) or self.result.profiel is None
        if self.serving:  # the preview shows every finding in the browser instead of stopping
            self.preview = preview(self.result, self.problems)
            self.unbuildable = fatal_problems
            found = self.preview.fouten or self.preview.waarschuwingen  # a warning only when there is something
            (log.warning if found else log.info)(
                f"{self.preview.fouten} fout(en), {self.preview.waarschuwingen} waarschuwing(en); "
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

    def on_nav(self, nav, config, files):
        self.nav = nav
        return nav

    def _reuse_rendered(self, env, config, files):
        """A generated page made from the same things as an earlier build gets that build's HTML back: in the
        preview from memory, in a build from the cache (a warm build renders the theme only for what changed).

        What a page is made from: its own body, header and headings, and what every page shares (the
        navigation, the settings as MkDocs read them, the theme's templates, the versions of MkDocs and its
        plugins). Only then is the stored HTML used, so a rebuild after one edit, or a warm build, gives the
        bytes a full build gives (tests/test_parallel.py, tests/test_toetsing.py); the theme is rendered again
        for the pages the edit changed: that trajectory and the overviews.
        """
        self.keys: dict[str, str] = {}
        self.theme_store: Cache | None = None
        self.reused: set[str] = set()  # pages whose HTML an earlier build made (from memory or the cache)
        self.rendered: set[str] = set()  # pages whose HTML a worker made, and put in the cache
        if self.out is None or self.result is None:
            return env
        if self.result.sleutels:
            self.theme_store = Cache(self.base, f"{self.result.cache_context}|{config.site_url}", "thema")
        shared = _shared(self.nav, config, self.config_file) + self.settings.vandaag().isoformat()
        for path, generated in self.pages.items():
            file = files.get_file_from_path(path)
            if file is None or file.page is None:
                continue
            key = hashlib.sha256(
                "\0".join([shared, path, generated.header(), self.bodies[path], repr(generated.koppen)]).encode()
            ).hexdigest()
            self.keys[path] = key
            stored = RENDERED.get(path)
            if (not stored or stored[0] != key) and self.theme_store is not None:
                hit = self.theme_store.get(path, key, parts=2)
                if hit is not None:
                    stored = RENDERED[path] = (key, hit[0])
                    SEARCHED[path] = (key, hit[1])
            if stored and stored[0] == key:
                file.page.meta["template"] = AS_BEFORE
                file.page.participatie_html = stored[1]
                self.reused.add(path)
        self._reuse_search_entries(config)
        return env

    @event_priority(-100)  # after every other plugin's on_env: a worker renders with the environment MkDocs uses
    def _theme_on_every_core(self, env, config, files):
        """A build renders the theme for its generated pages on every core, where MkDocs renders one page at a
        time (at N = 1,000 about a third of a cold build).

        A worker renders a page as MkDocs does: its context, the plugins' `on_page_context` (the search plugin
        reads the page there), the template. It hands back the HTML and the search entries, and MkDocs then
        writes the page as one an earlier build made (`AS_BEFORE`): the other plugins' `on_post_page` run here,
        in this process, as always. So the bytes are those of a serial build (tests/test_parallel.py). Only when
        no plugin but search and this one acts on a page's context: what another plugin keeps there would stay
        in the worker."""
        if self.serving or self.out is None or not self.keys or not _only_known_page_plugins(config):
            return env
        todo = [
            path
            for path in self.keys
            if path not in self.reused and (file := files.get_file_from_path(path)) is not None and file.page
        ]
        if workers(len(todo)) < 2:  # rendered here, one at a time, by MkDocs itself
            return env
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)

        def render(path: str) -> tuple[bytes, bytes | None]:
            """The page's HTML and search entries (none without a search plugin), each packed as the cache keeps
            them (a build holds them all)."""
            page = files.get_file_from_path(path).page
            config._current_page, page.active = page, True  # as MkDocs' _build_page
            try:
                context = get_context(self.nav, doc_files, config, page)
                template = env.get_template(page.meta.get("template", "main.html"))
                context = config.plugins.on_page_context(context, page=page, config=config, nav=self.nav)
                output = template.render(context)
            finally:
                config._current_page, page.active = None, False
            entries = self._searched(path)
            return pack(output), None if entries is None else pack(entries)

        store = self.theme_store
        for path, (output, entries) in zip(todo, in_order(render, todo), strict=True):
            page = files.get_file_from_path(path).page
            page.meta["template"] = AS_BEFORE
            page.participatie_html = Unpacked(output)
            self.rendered.add(path)
            if entries is not None:  # (as _keep_rendered: kept for a later build only with its search entries)
                SEARCHED[path] = (self.keys[path], unpack(entries))
                if store is not None:
                    store.put_packed(path, self.keys[path], output, entries)
        return env

    on_env = CombinedEvent(_reuse_rendered, _theme_on_every_core)

    def _reuse_search_entries(self, config) -> None:
        """In the preview, a generated page made from the same things as last time gives the search index the
        same entries: they are added as they were, without reading the page again (tests/test_parallel.py)."""
        search = next((plugin for name, plugin in config.plugins.items() if name.endswith("search")), None)
        index = getattr(search, "search_index", None)
        if index is None or not hasattr(index, "add_entry_from_context") or not isinstance(index.entries, list):
            return
        read = index.add_entry_from_context

        def add(page) -> None:
            kept = self._searched(page.file.src_uri)
            if kept is not None:
                index.entries.extend(dict(entry) for entry in kept)
                return
            before = len(index.entries)
            read(page)
            key = self.keys.get(page.file.src_uri)
            if key is not None:
                SEARCHED[page.file.src_uri] = (key, [dict(entry) for entry in index.entries[before:]])

        index.add_entry_from_context = add

    def _searched(self, path: str) -> list[dict] | None:
        """The search entries kept for a page made from the same things as last time; None: it is read again."""
        key = getattr(self, "keys", {}).get(path)
        kept = SEARCHED.get(path)
        return kept[1] if key is not None and kept is not None and kept[0] == key else None

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
        listed = _nav_pages(config.nav)
        for path, content in [(p.path, p.header()) for p in pages] + [(g.path, g.content) for g in generated]:
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)  # a hand-written page of the same name is replaced, and said so
                log.info(
                    f"{path} wordt gemaakt door participatie; het bestand in {config.docs_dir} wordt niet gebruikt."
                )
            # A generated page the site's nav leaves out is reached from the overviews, on purpose: MkDocs need not
            # list it as missing from the nav (in English, a line for every trajectory, after every build).
            unlisted = listed is not None and path in self.pages and path not in listed
            inclusion = InclusionLevel.NOT_IN_NAV if unlisted else InclusionLevel.UNDEFINED
            files.append(Written.generated(config, path, content=content, inclusion=inclusion))
        if Written.previewing:  # copied only when changed since the last rebuild (see Written.copied_back)
            for file in files:
                if not isinstance(file, Written) and file.abs_src_path and not file.is_documentation_page():
                    file.copy_file = types.MethodType(_copy_when_changed, file)  # type: ignore[method-assign]
        return files

    def on_pre_page(self, page, config, files):
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            body = self.bodies[page.file.src_uri]
            page.read_source = types.MethodType(lambda self, config: _read(self, generated), page)
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
            if self._searched(page.file.src_uri) is not None:
                page.content = ""  # the index reuses its entries: nothing to read (Material's search still edits it)
            else:
                page.content = generated.search_html()
        return context

    @event_priority(-100)
    def _after_search(self, context, page, config, nav):
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            page.content = self.bodies[page.file.src_uri]
        return context

    on_page_context = CombinedEvent(_before_search, _after_search)

    @event_priority(100)
    def _keep_rendered(self, output, page, config):
        """The theme's HTML before any plugin changes it: what the next preview may reuse."""
        path = page.file.src_uri
        key = getattr(self, "keys", {}).get(path)
        if key is None:
            return output
        if self.serving:
            RENDERED[path] = (key, output)
            return output
        entries = SEARCHED.pop(path, None)  # a build keeps nothing in memory: what is new goes to the cache now
        RENDERED.pop(path, None)
        store = getattr(self, "theme_store", None)
        new = path not in self.reused and path not in self.rendered
        if store is not None and new and entries is not None and entries[0] == key:
            store.put(path, key, output, entries[1], remember=False)
        return output

    def _feed_links(self, output, page, config):
        """Each page announces its feeds (Atom) in <head>, so browsers and feed readers find them."""
        if self.out is None or "</head>" not in output:
            return output
        return output.replace("</head>", self.out.head(page.file.src_uri) + "</head>", 1)

    @event_priority(-100)
    def _as_written(self, output, page, config):
        """In the preview, a page whose HTML is what the last rebuild wrote is moved back from there; MkDocs then
        writes nothing (it is handed an empty page, and its note 'Page skipped' is not shown)."""
        if self.serving and output and Written.moved_back(page.file.dest_uri, page.file.abs_dest_path, output):
            NOT_SKIPPED.moved.add(page.file.src_uri)
            return ""
        return output

    on_post_page = CombinedEvent(_keep_rendered, _feed_links, _as_written)

    def on_post_build(self, config):
        self.compiled.save()
        store = getattr(self, "theme_store", None)
        if store is not None:  # each page's HTML and search entries, for a later build
            for path, key in self.keys.items():
                if path in self.reused:
                    store.keep(path)
                elif self.serving and RENDERED.get(path, ("",))[0] == key and SEARCHED.get(path, ("",))[0] == key:
                    store.put(path, key, RENDERED[path][1], SEARCHED[path][1])  # (a build put them as it went)
            store.save()
            self.theme_store = None
        if not self.serving:  # a build's process ends here: what it kept in memory is for no one
            RENDERED.clear()
            SEARCHED.clear()
        Written.done(Path(config.site_dir) if self.serving else None)
        drop_source_maps(Path(config.site_dir))
        if not self.serving:  # only a folder with this mark is ever emptied by a later build
            (Path(config.site_dir) / MARKER).write_text(MARKER_TEXT, encoding="utf-8")

    def on_build_error(self, error):
        Written.done(None)  # the next rebuild writes everything

    def on_serve(self, server, config, builder):
        for folder in (self.settings.projecten, self.settings.initiatieven):
            if (self.base / folder).is_dir():
                server.watch(str(self.base / folder))
        profile = resolve_profile(self.settings.profiel, self.base)
        if profile is not None and profile.exists():
            server.watch(str(profile))
        return server


class Unpacked:
    """A page's HTML as a worker packed it: unpacked when MkDocs writes the page (`AS_BEFORE`), so a build does not
    hold every page's HTML at once."""

    def __init__(self, packed: bytes):
        self.packed = packed

    def __str__(self) -> str:
        return unpack(self.packed)


# The plugins whose `on_page_context` may run in a worker: they keep nothing of a page there but what is handed back
# (the search entries). Any other plugin acting on a page's context keeps the theme rendered here, one page at a time.
KNOWN_PAGE_PLUGINS = ("participatie.", "mkdocs.contrib.search", "material.plugins.search")


def _only_known_page_plugins(config) -> bool:
    handlers = config.plugins.events.get("page_context", [])
    return all(getattr(h, "__module__", "").startswith(KNOWN_PAGE_PLUGINS) for h in handlers)


def _nav_pages(nav) -> set[str] | None:
    """The pages mkdocs.yml's `nav` names; None without a `nav` (then MkDocs lists every page, as before)."""
    if nav is None:
        return None
    found: set[str] = set()

    def walk(item) -> None:
        if isinstance(item, str):
            found.add(item.removeprefix("./"))
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(nav)
    return found


def _copy_when_changed(file: File, dirty: bool = False) -> None:
    if not Written.copied_back(file):
        File.copy_file(file, dirty)


# MkDocs' settings that do not change a page's HTML: where the files are, the preview's address, the plugins (their
# settings are in mkdocs.yml's text, their code below)
NOT_IN_THE_HTML = frozenset({"config_file_path", "site_dir", "docs_dir", "dev_addr", "plugins", "hooks", "watch"})


def _plain(value: object) -> object:
    """A setting as JSON the same in every process: a set sorted (its order changes with Python's hash seed)."""
    if isinstance(value, (set, frozenset)):
        return sorted(map(str, value))
    if isinstance(value, Theme):
        return {"dirs": value.dirs, "static_templates": sorted(value.static_templates), **dict(value.items())}
    return str(value)


def _settings(config) -> str:
    """MkDocs' settings as it read them, the same text in every process."""
    read = {key: value for key, value in config.items() if key not in NOT_IN_THE_HTML}
    return json.dumps(read, default=_plain, sort_keys=True)


def _shared(nav, config, config_file: Path) -> str:
    """What every page's HTML depends on besides itself: navigation, settings (as written, and as MkDocs read them:
    '!ENV' values), the theme's templates, and the code of MkDocs and of every plugin."""
    items: list[str] = []

    def walk(entries) -> None:
        for item in entries:
            items.append(f"{type(item).__name__}|{item.title}|{getattr(item, 'url', '')}")
            walk(getattr(item, "children", None) or [])

    walk(nav.items)
    items += [f"{p.url}|{p.title}" for p in nav.pages]  # previous and next
    try:
        items.append(config_file.read_text(encoding="utf-8"))
    except OSError:
        items.append("?")
    items += [_settings(config), mkdocs_version]
    for plugin in config.plugins.values():  # a hook (mkdocs.yml's 'hooks') is a module itself
        module = plugin if isinstance(plugin, types.ModuleType) else sys.modules.get(type(plugin).__module__)
        code = getattr(module, "__file__", None) or ""
        info = os.stat(code) if code and os.path.isfile(code) else None
        items.append(
            f"{type(plugin).__module__}|{code}|{info.st_size if info else ''}|{info.st_mtime_ns if info else ''}"
        )
    for folder in config.theme.dirs:
        for template in sorted(Path(folder).rglob("*.html")):
            info = template.stat()
            items.append(f"{template}|{info.st_size}|{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(items).encode()).hexdigest()


def _read(page, generated: Page) -> None:
    """Instead of reading the page's front matter back with YAML (a tenth of a rebuild at N = 1,000): the values
    the header was written from. The header stays in the file for builders that read it (Zensical)."""
    front = generated.front_matter()  # a new dict each time, its list of hidden parts too: a plugin may edit it
    page.markdown, page.meta = "", copy.deepcopy(front) if generated.meta else front


def _inject(page, generated: Page, body: str) -> None:
    """Instead of Markdown: the core's HTML, its table of contents and its anchors."""
    koppen = generated.koppen
    page.content = body
    made_of = tuple((k.niveau, k.id, k.html) for k in koppen)
    toc = TOCS.get(made_of)
    if toc is None:  # MkDocs parses every heading's HTML for the table of contents: once per kind of page
        tokens = [{"level": k.niveau, "id": k.id, "name": k.html, "html": k.html, "children": []} for k in koppen]
        # types-Markdown lists only level, id and name for a token; Markdown's own tokens also have html and children
        toc = get_toc(nest_toc_tokens(tokens))  # type: ignore[arg-type]
        if len(TOCS) > 20_000:  # a long preview: forget the tables of headings no page has any more
            TOCS.clear()
        TOCS[made_of] = toc
    page.toc = toc
    page._title_from_render = generated.titel
    page.present_anchor_ids = {k.id for k in koppen}
