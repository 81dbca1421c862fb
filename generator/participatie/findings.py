"""Findings: what the checks report about a source file, and the register of every rule code.

Each module that reports findings registers its codes with `regel()`, with a one-line
explanation and what publishing does with such a finding. The register is how the tests
know that every code has a fixture, and how publishing knows what to withhold.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class Ernst(str, Enum):
    FOUT = "fout"
    WAARSCHUWING = "waarschuwing"


class Gevolg(str, Enum):
    """What the publishing build does with a finding; `participatie check` treats all alike."""

    TEGENHOUDEN = "tegenhouden"  # unreadable, personal data, unsafe: the trajectory is withheld
    MELDEN = "melden"            # a policy gap: published, with a notice residents and the raad see
    INTERN = "intern"            # advice for staff (holidays, busy months): not on the site


@dataclass(frozen=True)
class Regel:
    code: str
    uitleg: str
    gevolg: Gevolg


REGELS: dict[str, Regel] = {}


def regel(code: str, uitleg: str, gevolg: Gevolg = Gevolg.MELDEN) -> str:
    """Register a finding code once, at import; returns the code for use in findings."""
    if code in REGELS and REGELS[code] != Regel(code, uitleg, gevolg):
        raise ValueError(f"code {code} is registered twice with different meanings")
    REGELS[code] = Regel(code, uitleg, gevolg)
    return code


@dataclass(frozen=True, order=True)
class Pos:
    """A 1-based line and column in a source file."""

    regel: int
    kolom: int


@dataclass(frozen=True)
class Finding:
    """One problem in one source file, with what to do about it."""

    pad: str
    pos: Pos | None
    ernst: Ernst
    boodschap: str
    hint: str = ""
    code: str = ""
    map: str | None = None  # the folder of the trajectory or initiative it belongs to ('projecten/x')
    publiek: str = ""  # for a published notice: what is missing, in words a resident reads
    gevolg: Gevolg | None = None  # decided once, when the finding is made, and kept with it (also in the cache)

    def __post_init__(self):
        if self.gevolg is None:  # the code was registered by the module that made the finding
            known = REGELS.get(self.code)
            object.__setattr__(self, "gevolg", known.gevolg if known else Gevolg.TEGENHOUDEN)
        from .persoonsgegevens import masked  # a finding never quotes personal data, whatever text it repeats
        for name in ("boodschap", "hint", "publiek"):
            text = getattr(self, name)
            if text:
                object.__setattr__(self, name, masked(text))

    @property
    def waar(self) -> str:
        return self.pad if self.pos is None else f"{self.pad}:{self.pos.regel}:{self.pos.kolom}"

    def format(self) -> str:
        line = f"{self.waar}: {self.ernst.value}: {self.boodschap}"
        return f"{line}\n    hint: {self.hint}" if self.hint else line


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Order findings by file and position, so output is stable."""
    return sorted(findings, key=lambda f: (f.pad, f.pos or Pos(0, 0), f.boodschap))


def count(findings: list[Finding], ernst: Ernst) -> int:
    return sum(1 for f in findings if f.ernst is ernst)


def relpath(path: Path, root: Path | None = None) -> str:
    """Show a path relative to the site (or working directory), with forward slashes; links are not followed."""
    base = os.path.abspath(root or Path.cwd())
    full = os.path.abspath(path)
    rel = os.path.relpath(full, base)
    return Path(full).as_posix() if rel.startswith("..") else Path(rel).as_posix()
