"""Text helpers for rendering: safe Markdown, Dutch dates, URLs between generated pages."""

from __future__ import annotations

import datetime as dt
import posixpath
import re

import markdown
import nh3
from babel.dates import format_date
from markupsafe import Markup

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h3", "h4", "h5", "h6", "blockquote",
                "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "hr", "abbr"}


def safe_markdown(text: str | None) -> Markup:
    """Markdown from a project file as HTML, sanitised: no script, no event handlers, no javascript: links."""
    if not text:
        return Markup("")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    html = markdown.markdown(text, extensions=["sane_lists"], output_format="html")
    html = re.sub(r"<(/?)h[12]\b", r"<\1h3", html)
    return Markup(nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}, "abbr": {"title"}},
                            url_schemes={"http", "https", "mailto", "tel"}, link_rel="noopener"))


def datum(d: dt.date | None, fmt: str = "EEEE d MMMM y") -> str:
    return format_date(d, fmt, locale="nl_NL") if d else ""


def kort(d: dt.date | None) -> str:
    return datum(d, "d MMM y")


def tijd(t: dt.time | None) -> str:
    return t.strftime("%H.%M") if t else ""


def href(from_page: str, to_page: str) -> str:
    """Relative link between two generated pages ('trajecten/x.md' → 'trajecten/x.html')."""
    target = re.sub(r"\.md$", ".html", to_page)
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")


def slugify(text: str) -> str:
    text = text.lower().replace("ë", "e").replace("é", "e").replace("ï", "i")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
