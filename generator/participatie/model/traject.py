"""A participation trajectory: its files bound to typed objects, with the sources they came from."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import ClassVar, TypeVar

from ..findings import Ernst, Finding, Pos
from ..load.folders import Bundel
from ..load.markdown import MarkdownSource
from ..load.yaml import Loc, Source
from .bestanden import (
    FILE_MODELS,
    KadersBestand,
    Moment,
    PlanningBestand,
    Strict,
    TerugkoppelingBestand,
    TrajectBestand,
)
from .bind import bind


@dataclass
class Dossier:
    """A folder of source files about one thing (a trajectory or an initiative), with where each value came from."""

    slug: str
    map: str
    sources: dict[str, Source] = field(default_factory=dict)
    onleesbaar: set[str] = field(default_factory=set)  # files with load or shape errors: no follow-up findings
    moment_file: ClassVar[str]  # the file that holds its moments

    @property
    def leesbaar(self) -> bool:
        return not self.onleesbaar

    @property
    def titel(self) -> str:
        return self.slug

    @property
    def momenten(self) -> list[Moment]:
        return []

    @property
    def markdown(self) -> list[MarkdownSource]:
        return []

    def pad(self, bestand: str) -> str:
        return f"{self.map}/{bestand}"

    def pos(self, bestand: str, *loc: str | int, key: bool = False) -> Pos | None:
        source = self.sources.get(bestand)
        return source.pos(tuple(loc), key=key) if source else None

    def finding(
        self,
        ernst: Ernst,
        bestand: str,
        loc: Loc,
        boodschap: str,
        hint: str = "",
        code: str = "",
        key: bool = False,
        publiek: str = "",
        norm: str = "",
    ) -> Finding:
        return Finding(
            self.pad(bestand),
            self.pos(bestand, *loc, key=key),
            ernst,
            boodschap,
            hint,
            code,
            self.map,
            publiek,
            norm=norm,
        )


@dataclass
class Traject(Dossier):
    """One trajectory as read from its folder. `traject` is None when traject.yaml could not be read."""

    traject: TrajectBestand | None = None
    kaders: KadersBestand = field(default_factory=KadersBestand)
    planning: PlanningBestand = field(default_factory=PlanningBestand)
    terugkoppeling: TerugkoppelingBestand = field(default_factory=TerugkoppelingBestand)
    opgave: MarkdownSource | None = None
    eindverslag: MarkdownSource | None = None
    moment_file = "planning.yaml"

    @property
    def titel(self) -> str:
        return self.traject.titel if self.traject else self.slug

    @property
    def momenten(self) -> list[Moment]:
        return self.planning.momenten

    @property
    def markdown(self) -> list[MarkdownSource]:
        return [md for md in (self.opgave, self.eindverslag) if md is not None]


M = TypeVar("M", bound=Strict)


def _bound(bound: dict[str, Strict], name: str, model: type[M]) -> M | None:
    """The file as bound, typed: binding made it with its model from FILE_MODELS."""
    obj = bound.get(name)
    return obj if isinstance(obj, model) else None


def bind_traject(bundel: Bundel) -> tuple[Traject, list[Finding]]:
    """Bind every readable file; a file with shape errors is left out, the others still count."""
    findings: list[Finding] = []
    bound: dict[str, Strict] = {}
    onleesbaar = set(bundel.onleesbaar)
    for name, source in bundel.yaml.items():
        obj, problems = bind(FILE_MODELS[name], source)
        findings += problems
        if obj is None:
            onleesbaar.add(name)
        else:
            bound[name] = obj
    t = Traject(
        slug=bundel.slug,
        map=bundel.map,
        traject=_bound(bound, "traject.yaml", TrajectBestand),
        sources=dict(bundel.yaml),
        onleesbaar=onleesbaar,
        opgave=bundel.markdown.get("opgave.md"),
        eindverslag=bundel.markdown.get("eindverslag.md"),
    )
    t.kaders = _bound(bound, "kaders.yaml", KadersBestand) or KadersBestand()
    t.planning = _bound(bound, "planning.yaml", PlanningBestand) or PlanningBestand()
    t.terugkoppeling = _bound(bound, "terugkoppeling.yaml", TerugkoppelingBestand) or TerugkoppelingBestand()
    return t, [replace(f, map=bundel.map) for f in bundel.findings + findings]
