"""Findings: what validation reports about a source file, and how it is printed."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import Enum
from pathlib import Path


class Ernst(str, Enum):
    FOUT = "fout"
    WAARSCHUWING = "waarschuwing"


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

    def format(self) -> str:
        where = self.pad if self.pos is None else f"{self.pad}:{self.pos.regel}:{self.pos.kolom}"
        line = f"{where}: {self.ernst.value}: {self.boodschap}"
        return f"{line}\n    hint: {self.hint}" if self.hint else line

    def as_dict(self) -> dict:
        data = asdict(self)
        data["ernst"] = self.ernst.value
        data["regel"] = self.pos.regel if self.pos else None
        data["kolom"] = self.pos.kolom if self.pos else None
        del data["pos"]
        return data


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Order findings by file and position, so output is stable."""
    return sorted(findings, key=lambda f: (f.pad, f.pos or Pos(0, 0), f.boodschap))


def count(findings: list[Finding], ernst: Ernst) -> int:
    return sum(1 for f in findings if f.ernst is ernst)


def summary(findings: list[Finding], n_trajecten: int) -> str:
    fouten, waarschuwingen = count(findings, Ernst.FOUT), count(findings, Ernst.WAARSCHUWING)
    woord = "traject" if n_trajecten == 1 else "trajecten"
    return (f"{n_trajecten} {woord} gecontroleerd: {fouten} "
            f"{'fout' if fouten == 1 else 'fouten'}, {waarschuwingen} "
            f"{'waarschuwing' if waarschuwingen == 1 else 'waarschuwingen'}.")


def format_json(findings: list[Finding], n_trajecten: int) -> str:
    return json.dumps({"trajecten": n_trajecten,
                       "fouten": count(findings, Ernst.FOUT),
                       "waarschuwingen": count(findings, Ernst.WAARSCHUWING),
                       "bevindingen": [f.as_dict() for f in findings]},
                      ensure_ascii=False, indent=2)


def relpath(path: Path, root: Path | None = None) -> str:
    """Show a path relative to the working directory where possible, with forward slashes."""
    base = root or Path.cwd()
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
