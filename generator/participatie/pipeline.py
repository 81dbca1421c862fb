"""The whole check of a site, in the pipeline's order: settings, profile, every trajectory, every rule.

Used by the CLI and by every builder, so `participatie check`, `participatie bouw` and
`mkdocs build` report the same findings. What publishing does with them is decided here
too: a trajectory with an unreadable file, personal data or unsafe content is withheld,
a policy gap is published with a notice (see `findings.Gevolg`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from .cache import LATER, Cache, Hashed, hash_folder, pack, unpack
from .findings import Ernst, Finding, Pos, relpath, sort_findings
from .load.folders import list_folders, read_folder
from .load.profielen import BESTAAT_NIET, builtin_profiles, resolve_profile
from .load.yaml import load_yaml
from .messages import suggest
from .model.bind import bind
from .model.initiatief import Initiatief, bind_initiatief
from .model.instellingen import SiteSettings
from .model.profiel import Bron, Profiel
from .model.traject import Dossier, Traject, bind_traject
from .processen import MINIMUM, in_order
from .rules import Context
from .rules.beleidsprofiel import check_profile
from .rules.planning import calendar, prepare
from .toetsing import Toetsing, cite, toets_initiatief, toets_traject
from .vocabulary import INITIATIEF_BESTANDEN, MARKDOWN_BESTANDEN, YAML_BESTANDEN


@dataclass
class Result:
    settings: SiteSettings
    vandaag: dt.date
    profiel: Profiel | None = None
    trajecten: list[Traject] = field(default_factory=list)
    initiatieven: list[Initiatief] = field(default_factory=list)
    toetsingen: dict[str, Toetsing] = field(default_factory=dict)  # folder ('projecten/x') -> its verdict
    findings: list[Finding] = field(default_factory=list)
    aantal: int = 0  # trajectories checked
    aantal_initiatieven: int = 0
    sleutels: dict[str, str] = field(default_factory=dict)  # folder -> digest of its files, when the cache was used
    cache_context: str = ""

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.ernst is Ernst.FOUT]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.ernst is Ernst.WAARSCHUWING]

    def toetsing(self, map_pad: str) -> Toetsing:
        return self.toetsingen[map_pad]

    @property
    def blocked(self) -> set[str]:
        return {m for m, v in self.toetsingen.items() if v.tegengehouden}

    @property
    def withheld(self) -> list[Traject]:
        """Trajectories that must not be published: unreadable, personal data, unsafe content."""
        blocked = self.blocked
        return [t for t in self.trajecten if t.map in blocked]

    @property
    def published(self) -> list[Traject]:
        blocked = self.blocked
        return [t for t in self.trajecten if t.map not in blocked]

    @property
    def published_initiatieven(self) -> list[Initiatief]:
        blocked = self.blocked
        return [i for i in self.initiatieven if i.map not in blocked]

    @property
    def withheld_initiatieven(self) -> list[Initiatief]:
        blocked = self.blocked
        return [i for i in self.initiatieven if i.map in blocked]


def load_profile(name_or_path: str, base: Path, waar: str = "mkdocs.yml") -> tuple[Profiel | None, list[Finding]]:
    """The profile by built-in name or path; `waar` is where the site names it, for a profile that does not exist."""
    path = resolve_profile(name_or_path, base)
    if path is None or not path.exists():
        pad, _, pos = waar.partition(":")
        known = builtin_profiles()
        return None, [
            Finding(
                pad,
                Pos(*map(int, pos.split(":"))) if pos else None,
                Ernst.FOUT,
                f"beleidsprofiel '{name_or_path}' bestaat niet.{suggest(name_or_path, known)}",
                f"Gebruik een ingebouwd profiel ({', '.join(known)}) of het pad naar een .yaml-bestand.",
                BESTAAT_NIET,
            )
        ]
    pad = relpath(path, base)
    source, findings = load_yaml(path, pad)
    if source is None:
        return None, findings
    profiel, problems = bind(Profiel, source)
    findings += problems
    if profiel is not None:
        findings += check_profile(profiel, source)
    return (profiel if not findings else None), findings


def with_site_choices(profiel: Profiel, settings: SiteSettings) -> Profiel:
    """The profile with what the gemeente chose in mkdocs.yml where its policy names no number (a feedback term)."""
    termijn = settings.opties.terugkoppeltermijn_dagen
    if termijn is None:
        return profiel
    bron = Bron(keuze=f"{termijn} dagen, ingesteld in {settings.waar('terugkoppeltermijn_dagen')}", van="gemeente")
    return profiel.model_copy(
        update={
            "normen": profiel.normen.model_copy(update={"terugkoppeltermijn_dagen": termijn}),
            "bronnen": {**profiel.bronnen, "normen.terugkoppeltermijn_dagen": bron},
        }
    )


class Kalender:
    """`planning.calendar` kept in the cache: loading the holidays package costs 0.1 s, and its days do not change.

    Read in full before any worker starts, so a worker never opens the database; what is new is saved
    by the process that made it when it is the main one (after one edit, the check runs in one process).
    """

    def __init__(self, base: Path):
        self.store = Cache(base, "", "kalender", prune=False)
        self.known: dict[str, dict[dt.date, str]] = self.store.stored()
        self.new: dict[str, dict[dt.date, str]] = {}

    def __call__(self, year: int, category: str, regio: str | None) -> dict[dt.date, str]:
        slug = f"{year}:{category}:{regio}"
        if slug not in self.known:
            self.known[slug] = self.new[slug] = calendar(year, category, regio)
        return self.known[slug]

    def save(self) -> None:
        for slug, days in self.new.items():
            self.store.put(slug, "", days)
        self.store.save()


def context(settings: SiteSettings, profiel: Profiel, vandaag: dt.date, kalender: Kalender | None = None) -> Context:
    return Context(
        kalender=kalender,
        profiel=profiel,
        vandaag=vandaag,
        kernen=tuple(settings.kernen),
        eigen_domeinen=tuple(settings.eigen_domeinen),
        eigen_telefoonnummers=tuple(settings.eigen_telefoonnummers),
        eigen_adressen=tuple(settings.eigen_adressen),
    )


@dataclass(frozen=True)
class Kind:
    """What is in a folder: a trajectory or an initiative; its files, how it is bound and judged."""

    yaml_files: tuple[str, ...]
    markdown_files: tuple[str, ...]
    bind: Callable
    toets: Callable


TRAJECT = Kind(YAML_BESTANDEN, MARKDOWN_BESTANDEN, bind_traject, toets_traject)
INITIATIEF = Kind(INITIATIEF_BESTANDEN, (), bind_initiatief, toets_initiatief)


def process_folder(folder: Path, pad: str, ctx: Context, kind: Kind = TRAJECT) -> tuple[Dossier, Toetsing]:
    """One trajectory or initiative from its files to its verdict."""
    dossier, findings = kind.bind(read_folder(folder, pad, kind.yaml_files, kind.markdown_files))
    toetsing = kind.toets(dossier, ctx)
    toetsing = replace(toetsing, bevindingen=cite(findings, ctx) + cite(toetsing.bevindingen, ctx))
    return replace(dossier, sources={}), toetsing  # positions are only needed while checking


def process_folders(
    jobs: list[tuple[Path, str]], ctx: Context, kind: Kind, most: int | None = None
) -> list[tuple[Dossier, Toetsing]]:
    """Each folder from its files to its verdict, on every core when there are many: in the order of `jobs`."""
    return in_order(lambda job: process_folder(job[0], job[1], ctx, kind), jobs, most)


Need = Literal["bevindingen", "toetsingen", "alles"]
PARTS: dict[Need, int] = {"bevindingen": 1, "toetsingen": 2, "alles": 3}  # what the cache keeps, in this order


def _packed(made: tuple[Dossier, Toetsing]) -> tuple[bytes, bytes, bytes]:
    """The findings, the verdict and the trajectory, each packed apart as the cache keeps them (by the worker that
    made them): a check reads back only the first."""
    dossier, toetsing = made
    return pack(toetsing.bevindingen), pack(toetsing), pack(dossier)


def cache_context(settings: SiteSettings, vandaag: dt.date, root_pad: str) -> str:
    """Everything besides a trajectory's own files that its findings depend on."""
    path = resolve_profile(settings.profiel, settings.base)
    profile = path.read_bytes() if path and path.is_file() else b""
    return "|".join(
        [hashlib.sha256(profile).hexdigest(), settings.opties.model_dump_json(), vandaag.isoformat(), root_pad]
    )


def check_site(
    settings: SiteSettings,
    vandaag: dt.date,
    projecten: str | None = None,
    cache: bool = True,
    need: Need = "alles",
    processen: int | None = None,
) -> Result:
    """Every finding of the site, with what else `need` asks: each folder's verdict (`toetsingen`), or also the
    trajectories and initiatives themselves (`alles`, to publish). The CLI's check needs only the findings.

    `processen`: at most this many processes check the folders (None: `processen.available()`; 1: serial)."""
    most = processen
    result = Result(settings=settings, vandaag=vandaag)
    result.profiel, findings = load_profile(settings.profiel, settings.base, settings.waar("profiel"))
    if result.profiel is not None:
        result.profiel = with_site_choices(result.profiel, settings)
    root = settings.base / (projecten or settings.projecten)
    root_pad = relpath(root, settings.base)
    folders, problems = list_folders(root, root_pad, None if projecten else settings.waar("projecten"))
    findings += problems
    if result.profiel is not None:
        kalender = Kalender(settings.base) if cache else None
        ctx = context(settings, result.profiel, vandaag, kalender)
        result.cache_context = cache_context(settings, vandaag, root_pad)
        store = Cache(settings.base, result.cache_context) if cache else None
        findings += _check_folders(result, folders, root_pad, ctx, store, need, TRAJECT, most)
        if projecten is None:
            extra = settings.base / settings.initiatieven
            if extra.is_dir():
                findings += _check_folders(
                    result,
                    list_folders(extra, relpath(extra, settings.base))[0],
                    relpath(extra, settings.base),
                    ctx,
                    store,
                    need,
                    INITIATIEF,
                    most,
                )
        if store is not None:
            store.save()
        if kalender is not None:
            kalender.save()
    result.findings = sort_findings(findings)
    return result


def _check_folders(
    result: Result,
    folders: list[Path],
    root_pad: str,
    ctx: Context,
    store: Cache | None,
    need: Need,
    kind: Kind,
    most: int | None,
) -> list[Finding]:
    findings: list[Finding] = []
    pads = [f"{root_pad}/{folder.name}" for folder in folders]
    keys = {
        pad: store.files_key(folder, pad) if store is not None else None
        for folder, pad in zip(folders, pads, strict=True)
    }
    parts = PARTS[need]
    hits: dict[str, tuple[Any, ...]] = {}  # (findings, verdict, trajectory) as far as needed
    for pad, files in keys.items():
        hit = store.get(pad, files, parts=parts) if store is not None and files else None
        if hit is not None:
            hits[pad] = hit
    jobs = [(folder, pad) for folder, pad in zip(folders, pads, strict=True) if pad not in hits]
    if kind is TRAJECT and ctx.kalender is not None and len(jobs) >= MINIMUM:  # workers will check them
        prepare(ctx, (ctx.vandaag.year, ctx.vandaag.year + 1))
    done: dict[str, tuple[Any, ...]] = {}
    if store is None:
        made = process_folders(jobs, ctx, kind, most)
        done = {
            pad: (toetsing.bevindingen, toetsing, dossier)
            for (_, pad), (dossier, toetsing) in zip(jobs, made, strict=True)
        }
    else:  # the cache keeps each part packed: the worker packs it, and only what is needed is read back

        def job(folder: Path, pad: str) -> tuple[Hashed | None, tuple[bytes, bytes, bytes]]:
            hashed = hash_folder(folder) if keys[pad] == LATER else None  # before reading, as files_key does
            return hashed, _packed(process_folder(folder, pad, ctx, kind))

        for (_, pad), (hashed, parts_packed) in zip(jobs, in_order(lambda j: job(*j), jobs, most), strict=True):
            done[pad] = tuple(unpack(blob) for blob in parts_packed[:parts])
            if keys[pad] == LATER:
                keys[pad] = store.learn(pad, hashed)
            files = keys[pad]
            if files is not None:
                store.put_packed(pad, files, *parts_packed, values=done[pad])
    for pad, files in keys.items():
        if files is not None:
            result.sleutels[pad] = files
        values = hits[pad] if pad in hits else done[pad]
        findings += values[0]
        if parts > 1:
            result.toetsingen[pad] = values[1]
        if kind is TRAJECT:
            result.aantal += 1
        else:
            result.aantal_initiatieven += 1
        dossier = values[2] if parts > 2 else None
        if isinstance(dossier, Traject):  # what TRAJECT binds
            result.trajecten.append(dossier)
        elif isinstance(dossier, Initiatief):  # what INITIATIEF binds
            result.initiatieven.append(dossier)
    return findings
