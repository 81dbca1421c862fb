"""Text helpers for rendering: staff Markdown made safe, plain text with links, Dutch dates, URLs between pages."""

from __future__ import annotations

import datetime as dt
import posixpath
import re

import markdown
import nh3
from markupsafe import Markup, escape

from ..load.markdown import COMMENT
from ..taal import datum, kort, opsomming  # noqa: F401  (the templates' filters)

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h3", "h4", "h5", "h6", "blockquote",
                "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "hr", "abbr"}
_MD = markdown.Markdown(extensions=["sane_lists"], output_format="html")
LINKS = re.compile(r"(?P<url>https?://[^\s<>\"']+[^\s<>\"'.,;:!?)])|(?P<email>[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})"
                   r"|(?P<tel>(?<![\w+])(?:\+31|0)[1-9](?:[ -]?\d){7,8}(?!\d)|\b14 ?0\d{2,3}\b)")


def safe_markdown(text: str | None) -> Markup:
    """Markdown from a project file as HTML, sanitised: no script, no event handlers, no javascript: links."""
    if not text:
        return Markup("")
    html = _MD.reset().convert(COMMENT.sub("", text))
    html = re.sub(r"<(/?)h[12]\b", r"<\1h3", html)
    return Markup(nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}, "abbr": {"title"}},
                            url_schemes={"http", "https", "mailto", "tel"}, link_rel="noopener"))


def linkify(text: str | None) -> Markup:
    """Plain text, escaped, with web addresses, e-mail addresses and phone numbers as links."""
    if not text:
        return Markup("")
    out, last = [], 0
    for m in LINKS.finditer(text):
        out.append(escape(text[last:m.start()]))
        raw = m.group(0)
        target = raw if m.group("url") else f"mailto:{raw}" if m.group("email") else "tel:" + re.sub(r"[^\d+]", "", raw)
        out.append(Markup('<a href="{}">{}</a>').format(target, raw))
        last = m.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def zin(text: str | None) -> str:
    """Text as a sentence: a capital first letter and a full stop at the end."""
    text = (text or "").strip()
    if not text:
        return ""
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def tijd(t: dt.time | None) -> str:
    return t.strftime("%H.%M") if t else ""


def href(from_page: str, to_page: str) -> str:
    """Relative link between two generated pages ('trajecten/x.md' → 'trajecten/x.html')."""
    target = re.sub(r"\.md$", ".html", to_page)
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")


def slugify(text: str) -> str:
    text = text.lower().replace("ë", "e").replace("é", "e").replace("ï", "i")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
