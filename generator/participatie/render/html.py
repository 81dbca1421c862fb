"""The Jinja2 environment for every generated page: autoescape on, and a typo in a template is an error."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

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
