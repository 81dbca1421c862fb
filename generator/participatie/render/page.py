"""A generated page: its HTML body from the core, and two ways to hand it to a builder.

The templates mark each heading that belongs in the table of contents with `<!--pt:kop-->`.
`content` is the body as the MkDocs adapter injects it (no Markdown pass at all);
`markdown()` is the same body as a docs-tree file any builder that reads `mkdocs.yml` can
render: front matter, headings as Markdown (so the builder's table of contents and search
see them), and everything else as raw HTML blocks that Markdown leaves alone.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from functools import cached_property

MARK = "<!--pt:kop-->"
HEADING = re.compile(r'<!--pt:kop-->\n?<h([1-6]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Kop:
    niveau: int
    id: str
    html: str

    @property
    def tekst(self) -> str:
        return html.unescape(TAG.sub("", self.html)).strip()


@dataclass(frozen=True)
class Page:
    path: str  # docs path, 'trajecten/x.md'
    titel: str
    beschrijving: str
    body: str  # HTML, with heading marks
    hide: tuple[str, ...] = ()
    meta: dict = field(default_factory=dict)

    # worked out once per page: a preview's rebuild asks every page for both, twice (the page is kept across them)
    @cached_property
    def koppen(self) -> list[Kop]:
        return [Kop(int(n), i, h) for n, i, h in HEADING.findall(self.body)]

    @cached_property
    def content(self) -> str:
        return self.body.replace(MARK + "\n", "").replace(MARK, "")

    def front_matter(self) -> dict:
        data = {"title": plain(self.titel), "description": plain(self.beschrijving), **self.meta}
        if self.hide:
            data["hide"] = list(self.hide)
        return data

    def search_html(self) -> str:
        """The same sections with only their text: what a search index needs, at a tenth of the size to parse."""
        out, last = [], 0
        for m in HEADING.finditer(self.body):
            out.append(_text_block(self.body[last : m.start()]))
            level, ident, inner = m.groups()
            out.append(f'<h{level} id="{ident}">{inner}</h{level}>')
            last = m.end()
        out.append(_text_block(self.body[last:]))
        return "\n".join(x for x in out if x)

    def header(self) -> str:
        """The front matter block, as a builder reads it: each value as JSON, which YAML reads unchanged (and fast)."""
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in self.front_matter().items()]
        return "---\n" + "\n".join(lines) + "\n---\n"

    def markdown(self) -> str:
        """The page as a Markdown file for a docs tree: headings as Markdown, the rest as raw HTML."""
        out = [self.header()]
        last = 0
        for m in HEADING.finditer(self.body):
            out += _block(self.body[last : m.start()])
            level, ident, inner = m.groups()
            out += [f"{'#' * int(level)} {markdown_text(Kop(1, ident, inner).tekst)} {{ #{ident} }}", ""]
            last = m.end()
        out += _block(self.body[last:])
        return "\n".join(out).rstrip() + "\n"


def _text_block(chunk: str) -> str:
    text = " ".join(TAG.sub(" ", chunk).split())
    return f"<p>{text}</p>" if text else ""


def _block(chunk: str) -> list[str]:
    chunk = chunk.strip()
    return [chunk, ""] if chunk else []


# Themes put the title and description into <title> and attributes without escaping them, so
# these characters never reach a theme: they become look-alikes that cannot end a tag or attribute.
_PLAIN = str.maketrans({"<": "‹", ">": "›", '"': "”", "'": "’", "&": "en", "`": "’", "\\": "/"})


def plain(text: str) -> str:
    """Text that is safe in any theme's <title> and meta attributes, escaped or not."""
    return " ".join(text.translate(_PLAIN).split())


# Signs that mean something in Markdown or one of its common extensions (emoji, mark, math, mentions, smart quotes).
MARKDOWN_SIGNS = frozenset("\\`*_{}[]()#+-.!<>&|~^:=$@\"'")


def markdown_text(text: str) -> str:
    """Plain text that no Markdown dialect reads as markup: each sign becomes a character reference."""
    return "".join(f"&#{ord(c)};" if c in MARKDOWN_SIGNS else c for c in text)


@dataclass(frozen=True)
class Generated:
    """Any other file of the site made by participatie: a feed, an export, a chart, an asset."""

    path: str
    content: str | bytes
