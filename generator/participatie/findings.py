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
    MELDEN = "melden"  # a policy gap: published, with a notice residents and the raad see
    INTERN = "intern"  # advice for staff (holidays, busy months): not on the site


# Where a rule comes from when it is not a gemeente's policy: it is then said as plainly (see `bron`).
FORMAAT = "het bestandsformaat van participatie"
AVG = "de AVG: persoonsgegevens van inwoners horen niet op een openbare website"
VEILIG = "de veiligheid van de site: een link is altijd een webadres"
INSTELLINGEN = "de instellingen van de site in mkdocs.yml"
PROFIEL = "de opbouw van een beleidsprofiel"
PRODUCT = "participatie zelf, onder elk beleid"


@dataclass(frozen=True)
class Regel:
    code: str
    uitleg: str
    gevolg: Gevolg
    norm: str | None = (
        None  # the profile norm it enforces ('stap1', 'normen.terugkoppeltermijn_dagen'); its source says where
    )
    bron: str | None = None  # or where it comes from when it is no policy's: the format, the AVG, the law


REGELS: dict[str, Regel] = {}


def regel(
    code: str, uitleg: str, gevolg: Gevolg = Gevolg.MELDEN, *, norm: str | None = None, bron: str | None = None
) -> str:
    """Register a finding code once, at import, with where it comes from; returns the code for use in findings."""
    if (norm is None) == (bron is None):
        raise ValueError(f"code {code}: give its norm in the profile or its source outside any policy, not both")
    entry = Regel(code, uitleg, gevolg, norm, bron)
    if code in REGELS and REGELS[code] != entry:
        raise ValueError(f"code {code} is registered twice with different meanings")
    REGELS[code] = entry
    return code


@dataclass(frozen=True, order=True)
class Pos:
    """A 1-based line and column in a source file."""

    line: int
    column: int


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
    norm: str = ""  # the profile norm it enforces, when a policy's ('planning.drukke_maanden.winkeliers')
    bron: str = ""  # where the rule comes from: 'Met Elkaar 2.0, §2.1.2', 'keuze van dit profiel', the format ...
    citaat: str = ""  # the passage, or why it is a choice

    def __post_init__(self) -> None:
        known = REGELS.get(self.code)
        if self.gevolg is None:  # the code was registered by the module that made the finding
            object.__setattr__(self, "gevolg", known.gevolg if known else Gevolg.TEGENHOUDEN)
        if known and not self.norm and known.norm:
            object.__setattr__(self, "norm", known.norm)
        if known and not self.bron and known.bron:
            object.__setattr__(self, "bron", known.bron)
        from .persoonsgegevens import masked  # a finding never quotes personal data, whatever text it repeats

        for name in ("boodschap", "hint", "publiek"):
            text = getattr(self, name)
            if text:
                object.__setattr__(self, name, masked(text))

    @property
    def waar(self) -> str:
        return self.pad if self.pos is None else f"{self.pad}:{self.pos.line}:{self.pos.column}"

    @property
    def herkomst(self) -> str:
        """The source in one line: 'Met Elkaar 2.0, §2.1.2: "…"' or 'keuze van dit profiel: …'."""
        return f"{self.bron}: {self.citaat}" if self.citaat else self.bron

    def format(self) -> str:
        lines = [f"{self.waar}: {self.ernst.value}: {self.boodschap}"]
        if self.hint:
            lines.append(f"    hint: {self.hint}")
        if self.bron:
            lines.append(f"    bron: {self.herkomst}")
        return "\n".join(lines)


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
