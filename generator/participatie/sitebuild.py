"""`participatie bouw`: build into a fresh folder, swap it in only when the build succeeded.

An interrupted or failed build never leaves a half-written site/ behind: the old site stays
until the new one is complete.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path


def build_site(base: Path, target: Path, strict: bool = False) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError
    from .settings import read_site_settings
    _, problems = read_site_settings(base)  # MkDocs' own YAML loader crashes on dates such as 2026-11-31
    if problems:
        for f in problems:
            print(f.format(), file=sys.stderr)
        print("De site is niet gebouwd; site/ is niet veranderd.", file=sys.stderr)
        return 1
    target = (base / target).resolve()
    if target == base.resolve() or base.resolve().is_relative_to(target):
        print(f"fout: '{target}' kan geen bouwmap zijn.", file=sys.stderr)
        return 2
    for stale in target.parent.glob(f".{target.name}.nieuw-*"):  # left by an interrupted build of ours
        shutil.rmtree(stale, ignore_errors=True)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.nieuw-", dir=target.parent))
    try:
        config = load_config(str(base / "mkdocs.yml"), site_dir=str(staging), strict=strict)
        build(config)
    except (Abort, ConfigurationError, PluginError, SystemExit) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"De site is niet gebouwd; {target.name}/ is niet veranderd. {exc}", file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, target)
    print(f"De site staat in {target.name}/.")
    return 0


def _swap(staging: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}.oud")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
