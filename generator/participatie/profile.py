"""The policy profile: a gemeente's rules as data, validated like any other input."""

from __future__ import annotations

from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from .findings import Ernst, Finding, relpath
from .load import load_yaml
from .validate_shape import check_shape

PLAN_ELEMENTEN = ("opgave", "doelen", "omgevingsanalyse", "kaders", "niveaus", "werkvormen",
                  "planning", "besluitmoment", "communicatie", "capaciteit")
Ernstniveau = Literal["fout", "waarschuwing"]


class _P(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Niveau(_P):
    code: str
    naam: str
    uitleg: str
    werkvormen: list[str] = []


class SoortWerk(_P):
    code: str
    naam: str
    niveaus: list[str]


class Doel(_P):
    code: str
    naam: str


class Onderdeel(_P):
    nummer: int
    naam: str
    velden: list[Literal["opgave", "doelen", "omgevingsanalyse", "kaders", "niveaus", "werkvormen",
                         "planning", "besluitmoment", "communicatie", "capaciteit"]]


class EindverslagOnderdeel(_P):
    kop: str
    uitleg: str


class StatusEisen(_P):
    plan: Ernstniveau | None = None
    vastgesteld: Ernstniveau | None = None
    afwijkingen: Ernstniveau | None = None
    eindverslag: Ernstniveau | None = None
    reacties: Ernstniveau | None = None
    gestopt: Ernstniveau | None = None


class Normen(_P):
    terugkoppeltermijn_dagen: int = 42
    intake_termijn_dagen: int = 28


class PlanningRegels(_P):
    schoolregio: Literal["Noord", "Midden", "Zuid"] | None = None
    drukke_maanden: dict[str, list[int]] = {}


class Stap1Vragen(_P):
    ruimte: str
    onderwerp: str
    capaciteit: str


class Profiel(_P):
    """A gemeente's participation policy."""

    naam: str
    bron: str
    niveaus: list[Niveau]
    advies_vanaf: str
    soorten_werk: list[SoortWerk]
    doelen: list[Doel]
    kadercategorieen: list[str]
    besluitorganen: list[str]
    stap1: Stap1Vragen
    bouwstenen: list[Onderdeel]
    plan_onderdelen: list[Onderdeel]
    eindverslag_onderdelen: list[EindverslagOnderdeel]
    statussen: dict[Literal["verkenning", "plan", "vastgesteld", "uitvoering", "afgerond", "gestopt"], StatusEisen]
    normen: Normen = Normen()
    planning: PlanningRegels = PlanningRegels()

    @cached_property
    def niveau_codes(self) -> list[str]:
        return [n.code for n in self.niveaus]

    def rank(self, niveau: str) -> int:
        """Position of a niveau on the ladder (0 = least influence); -1 if unknown."""
        return self.niveau_codes.index(niveau) if niveau in self.niveau_codes else -1

    def niveau(self, code: str) -> Niveau | None:
        return next((n for n in self.niveaus if n.code == code), None)

    def soort_werk(self, code: str) -> SoortWerk | None:
        return next((s for s in self.soorten_werk if s.code == code), None)

    def eisen(self, status: str) -> StatusEisen:
        return self.statussen.get(status, StatusEisen())


def builtin_profiles() -> list[str]:
    folder = resources.files("participatie") / "profielen"
    return sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml"))


def resolve_profile(name_or_path: str, base: Path) -> Path | None:
    """A profile by built-in name ('dalfsen') or by path relative to the site."""
    if name_or_path in builtin_profiles():
        return Path(str(resources.files("participatie") / "profielen" / f"{name_or_path}.yaml"))
    candidate = (base / name_or_path)
    return candidate if candidate.suffix in (".yaml", ".yml") else None


def load_profile(name_or_path: str, base: Path) -> tuple[Profiel | None, list[Finding]]:
    path = resolve_profile(name_or_path, base)
    pad = relpath(path) if path else name_or_path
    if path is None or not path.exists():
        choices = ", ".join(builtin_profiles())
        return None, [Finding(pad, None, Ernst.FOUT, f"beleidsprofiel '{name_or_path}' bestaat niet.",
                              f"Gebruik een ingebouwd profiel ({choices}) of het pad naar een .yaml-bestand.")]
    source, findings = load_yaml(path, pad)
    if source is None:
        return None, findings
    profiel, shape = check_shape(Profiel, source)
    findings += shape
    if profiel is not None:
        findings += check_consistency(profiel, source)
    return (profiel if not findings else None), findings


def check_consistency(p: Profiel, source) -> list[Finding]:
    """Cross-references inside the profile must point at levels it defines."""
    out = []
    codes = p.niveau_codes
    refs = [(("advies_vanaf",), p.advies_vanaf)]
    refs += [(("soorten_werk", i, "niveaus", j), n) for i, s in enumerate(p.soorten_werk) for j, n in enumerate(s.niveaus)]
    for loc, code in refs:
        if code not in codes:
            out.append(Finding(source.pad, source.pos(loc), Ernst.FOUT,
                               f"niveau '{code}' staat niet in 'niveaus' van dit profiel.",
                               f"Kies uit: {', '.join(codes)}."))
    return out
