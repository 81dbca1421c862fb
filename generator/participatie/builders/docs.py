"""A docs tree on disk: the hand-written pages plus everything the core generates, and a config to build it.

Any builder that reads `mkdocs.yml` builds the result without our plugin: Zensical (which
runs no MkDocs plugins), or plain MkDocs. The config is the site's own mkdocs.yml with
docs_dir pointing at the tree and the participatie plugin left out; tags such as !ENV are
kept as they were.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from ..render.site import Output
from .common import ASSET_CSS, ASSET_JS, THEME

TREE = Path(".participatie") / "docs"
THEME_TREE = Path(".participatie") / "theme"  # the site's theme folder with the product's overrides under it
CONFIG = ".participatie.yml"


class Tagged:
    """A value with a tag we do not interpret (!ENV, !!python/name:…), written back unchanged."""

    def __init__(self, tag: str, value):
        self.tag, self.value = tag, value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct(loader, suffix, node):
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        return Tagged(tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(tag, loader.construct_sequence(node, deep=True))
    return Tagged(tag, loader.construct_mapping(node, deep=True))


def _represent(dumper, data: Tagged):
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_multi_constructor("!", _construct)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct)
_Dumper.add_representer(Tagged, _represent)


def derived_config(base: Path, site_dir: Path, name: str = "mkdocs.yml") -> dict:
    """The site's config for building the docs tree: same site, our pages on disk, no plugin of ours."""
    config = yaml.load((base / name).read_text(encoding="utf-8-sig"), Loader=_Loader) or {}
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{k: v} if v else k for k, v in plugins.items()]
    config["plugins"] = [
        p for p in plugins if p != "participatie" and not (isinstance(p, dict) and "participatie" in p)
    ]
    config["docs_dir"] = TREE.as_posix()
    config["site_dir"] = str(site_dir)
    config["use_directory_urls"] = False
    theme = config.get("theme")
    if isinstance(theme, dict):  # Zensical's own look is 'modern'; the site was designed in Material's
        theme.setdefault("variant", "classic")
        theme["custom_dir"] = THEME_TREE.as_posix()
    config["extra_css"] = [ASSET_CSS] + [c for c in config.get("extra_css") or [] if c != ASSET_CSS]
    config["extra_javascript"] = [j for j in config.get("extra_javascript") or [] if j != ASSET_JS] + [ASSET_JS]
    return config


def write_docs_tree(base: Path, docs_dir: str, out: Output, site_dir: Path, name: str = "mkdocs.yml") -> Path:
    """Write the hand-written pages and the generated ones under base/.participatie/docs; return the config path."""
    tree = base / TREE
    for folder in (tree, base / THEME_TREE):
        if folder.exists():
            shutil.rmtree(folder)
    shutil.copytree(base / docs_dir, tree, symlinks=False, ignore_dangling_symlinks=True)
    _theme(base, name)
    for page in out.pages:
        _write(tree / page.path, page.markdown())
    for item in out.files:
        _write(tree / item.path, item.content)
    config = base / CONFIG
    config.write_text(
        "# Gemaakt door 'participatie'; niet bewerken. Bron: "
        + name
        + "\n"
        + yaml.dump(derived_config(base, site_dir, name), Dumper=_Dumper, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return config


def _theme(base: Path, name: str) -> None:
    """The product's theme overrides, with the site's own custom_dir copied over them (the site's files win)."""
    shutil.copytree(THEME, base / THEME_TREE)
    config = yaml.load((base / name).read_text(encoding="utf-8-sig"), Loader=_Loader) or {}
    custom = (config.get("theme") or {}).get("custom_dir") if isinstance(config.get("theme"), dict) else None
    if isinstance(custom, str) and (base / custom).is_dir():
        shutil.copytree(
            base / custom, base / THEME_TREE, dirs_exist_ok=True, symlinks=False, ignore_dangling_symlinks=True
        )


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
