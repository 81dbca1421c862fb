"""Render stage: pages, feeds and exports from checked trajectories. Knows nothing of MkDocs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Generated:
    """One file of the site made by participatie: its path in the site and its content."""

    path: str
    content: str | bytes
