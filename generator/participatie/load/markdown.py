"""Markdown written by staff, split into its level-2 sections with the line each starts on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..findings import Finding
from .text import read_text

COMMENT = re.compile(r"<!--.*?-->", re.S)
HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")


@dataclass
class MarkdownSource:
    pad: str
    text: str
    sections: dict[str, tuple[int, str]]  # kop -> (regel, inhoud)
    intro: str
    dubbel: tuple[tuple[str, int], ...] = ()  # headings that occur again: (kop, regel)


def strip_comments(text: str) -> str:
    """Markdown without HTML comments (the templates' explanations), stripped."""
    return COMMENT.sub("", text).strip()


def load_markdown(path: Path, pad: str) -> tuple[MarkdownSource | None, list[Finding]]:
    text, findings = read_text(path, pad)
    return (None, findings) if text is None else (parse_markdown(text, pad), [])


def parse_markdown(text: str, pad: str) -> MarkdownSource:
    sections: dict[str, tuple[int, list[str]]] = {}
    dubbel: list[tuple[str, int]] = []
    current: list[str] = []
    intro = current
    for n, line in enumerate(text.split("\n"), start=1):
        heading = HEADING.match(line)
        if not heading:
            current.append(line)
            continue
        kop = heading.group(1).strip()
        if kop in sections:  # the text under a repeated heading joins the first one
            dubbel.append((kop, n))
            current = sections[kop][1]
        else:
            current = []
            sections[kop] = (n, current)
    done = {k: (n, "\n".join(body).strip()) for k, (n, body) in sections.items()}
    return MarkdownSource(pad=pad, text=text, sections=done, intro="\n".join(intro).strip(), dubbel=tuple(dubbel))


ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "abbr",
}
_MD = None


def to_html(text: str | None) -> str:
    """Markdown written by staff as the HTML readers get, sanitised: no script, no event handlers, no javascript: links.

    The one rendering of staff Markdown: the pages show it and the privacy check reads it.
    """
    global _MD
    if not text:
        return ""
    import markdown
    import nh3

    if _MD is None:
        _MD = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    html = _MD.reset().convert(COMMENT.sub("", text))
    html = re.sub(r"<(/?)h[12]\b", r"<\1h3", html)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}, "abbr": {"title"}},
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener",
    )
