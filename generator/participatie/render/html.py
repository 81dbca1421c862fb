"""The Jinja2 environment for every generated page: autoescape on, and a typo in a template is an error."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

import jinja2
import jinja2.bccache
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ..cache import Cache
from ..taal import aantal
from .text import datum, kort, linkify, opsomming, tijd, zin


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("participatie", "templates"),
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(aantal=aantal, datum=datum, kort=kort, tijd=tijd, linkify=linkify, opsomming=opsomming, zin=zin)
    return env


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once: kept in this process (MkDocs makes a new environment for every rebuild of the
    preview), and with a `base` also in the cache between processes (a warm build compiled Material's templates
    and ours again: about half a second). Jinja2 checks each template's source; the cache checks each value's
    HMAC, so compiled code someone commits in `.participatie-cache` is never run.

    `soort`: which environment (the theme's or the core's), with what its compiled code depends on besides the
    source: the versions of Jinja2, Python and whatever sets up the environment (`made_by`)."""

    memory: ClassVar[dict[str, bytes]] = {}  # by Jinja2's key (template name and file); the bytes hold the checksum

    def __init__(self, base: Path | None = None, soort: str = "", made_by: str = ""):
        context = "|".join([soort, jinja2.__version__, sys.version, made_by])
        self.store = Cache(base, context, "sjablonen", prune=False) if base is not None else None
        self.changed = False

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        kept = self.memory.get(bucket.key)
        if kept is None and self.store is not None:
            hit = self.store.get(bucket.key, bucket.checksum, parts=1)
            kept = hit[0] if hit is not None and isinstance(hit[0], bytes) else None
        if kept is not None:
            bucket.bytecode_from_string(kept)  # (nothing when the source changed: Jinja2 compiles it again)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.memory[bucket.key] = bucket.bytecode_to_string()
        if self.store is not None:
            self.store.put(bucket.key, bucket.checksum, code, remember=False)
            self.changed = True

    def save(self) -> None:
        if self.store is not None and self.changed:
            self.store.save()
            self.changed = False


def keep_compiled(base: Path | None) -> CompiledTemplates:
    """The core's templates compiled once per process, and kept in the cache of the site at `base` (None: not)."""
    env = environment()
    kept = CompiledTemplates(base, "kern", __name__)
    env.bytecode_cache = kept
    return kept
