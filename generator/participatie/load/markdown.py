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
