"""The whole check of a site, in the pipeline's order: settings, profile, every trajectory, every rule.

Used by the CLI and by every builder, so `participatie check`, `participatie bouw` and
`mkdocs build` report the same findings. What publishing does with them is decided here
too: a trajectory with an unreadable file, personal data or unsafe content is withheld,
a policy gap is published with a notice (see `findings.Gevolg`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from .cache import Cache, folder_key
from .findings import Ernst, Finding, Gevolg, Pos, relpath, sort_findings
from .load.folders import list_folders, read_folder
from .load.profielen import BESTAAT_NIET, builtin_profiles, resolve_profile
from .load.yaml import load_yaml
from .messages import suggest
from .model.bind import bind
from .model.instellingen import SiteSettings
from .model.profiel import Profiel
from .model.traject import Traject, bind_traject
from .rules import Context, check_traject
from .rules.beleidsprofiel import check_profile
from .vocabulary import MARKDOWN_BESTANDEN, YAML_BESTANDEN


@dataclass
class Result:
    settings: SiteSettings
    vandaag: dt.date
    profiel: Profiel | None = None
    trajecten: list[Traject] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    aantal: int = 0  # trajectories checked
    sleutels: dict[str, str] = field(default_factory=dict)  # slug -> digest of its files, when the cache was used
    cache_context: str = ""

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.ernst is Ernst.FOUT]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.ernst is Ernst.WAARSCHUWING]

    def of(self, slug: str) -> list[Finding]:
        return [f for f in self.findings if f.traject == slug]

    @property
    def withheld(self) -> list[Traject]:
        """Trajectories that must not be published: unreadable, personal data, unsafe content."""
        blocked = {f.traject for f in self.findings if f.gevolg is Gevolg.TEGENHOUDEN and f.ernst is Ernst.FOUT}
        return [t for t in self.trajecten if t.slug in blocked or t.traject is None]

    @property
    def published(self) -> list[Traject]:
        held = {t.slug for t in self.withheld}
        return [t for t in self.trajecten if t.slug not in held]

    def gaps(self, slug: str) -> list[Finding]:
        """What a published trajectory's notice shows: policy errors, in residents' words."""
        return [f for f in self.of(slug) if f.gevolg is Gevolg.MELDEN and f.ernst is Ernst.FOUT]


def load_profile(name_or_path: str, base: Path, waar: str = "mkdocs.yml") -> tuple[Profiel | None, list[Finding]]:
    """The profile by built-in name or path; `waar` is where the site names it, for a profile that does not exist."""
    path = resolve_profile(name_or_path, base)
    if path is None or not path.exists():
        pad, _, pos = waar.partition(":")
        known = builtin_profiles()
        return None, [Finding(pad, Pos(*map(int, pos.split(":"))) if pos else None, Ernst.FOUT,
                              f"beleidsprofiel '{name_or_path}' bestaat niet.{suggest(name_or_path, known)}",
                              f"Gebruik een ingebouwd profiel ({', '.join(known)}) of het pad naar een .yaml-bestand.",
                              BESTAAT_NIET)]
    pad = relpath(path, base)
    source, findings = load_yaml(path, pad)
    if source is None:
        return None, findings
    profiel, problems = bind(Profiel, source)
    findings += problems
    if profiel is not None:
        findings += check_profile(profiel, source)
    return (profiel if not findings else None), findings


def context(settings: SiteSettings, profiel: Profiel, vandaag: dt.date) -> Context:
    return Context(profiel=profiel, vandaag=vandaag, kernen=tuple(settings.kernen),
                   eigen_domeinen=tuple(settings.eigen_domeinen), eigen_telefoonnummers=tuple(settings.eigen_telefoonnummers))


def process_folder(folder: Path, pad: str, ctx: Context) -> tuple[Traject, list[Finding]]:
    """One trajectory from its files to its findings."""
    bundel = read_folder(folder, pad, YAML_BESTANDEN, MARKDOWN_BESTANDEN)
    traject, findings = bind_traject(bundel)
    findings += check_traject(traject, ctx)
    return replace(traject, sources={}), findings  # positions are only needed while checking


def cached_folder(folder: Path, pad: str, ctx: Context, cache: Cache | None, files: str | None,
                  need_traject: bool = True) -> tuple[Traject | None, list[Finding]]:
    """From the cache when the folder's files are unchanged; the trajectory itself only when asked for."""
    if cache is None or files is None:
        return process_folder(folder, pad, ctx)
    hit = cache.get(folder.name, files, parts=2 if need_traject else 1)
    if hit is not None:
        return (hit[1] if need_traject else None), hit[0]
    traject, findings = process_folder(folder, pad, ctx)
    cache.put(folder.name, files, findings, traject)
    return traject, findings


def cache_context(settings: SiteSettings, vandaag: dt.date, root_pad: str) -> str:
    """Everything besides a trajectory's own files that its findings depend on."""
    path = resolve_profile(settings.profiel, settings.base)
    profile = path.read_bytes() if path and path.is_file() else b""
    return "|".join([hashlib.sha256(profile).hexdigest(), settings.opties.model_dump_json(), vandaag.isoformat(), root_pad])


def check_site(settings: SiteSettings, vandaag: dt.date, projecten: str | None = None, cache: bool = True,
               need_trajecten: bool = True) -> Result:
    """Every finding of the site; `need_trajecten=False` (the CLI's check) leaves the trajectories out of the result."""
    result = Result(settings=settings, vandaag=vandaag)
    result.profiel, findings = load_profile(settings.profiel, settings.base, settings.waar("profiel"))
    root = settings.base / (projecten or settings.projecten)
    root_pad = relpath(root, settings.base)
    folders, problems = list_folders(root, root_pad, None if projecten else settings.waar("projecten"))
    findings += problems
    if result.profiel is not None:
        ctx = context(settings, result.profiel, vandaag)
        result.cache_context = cache_context(settings, vandaag, root_pad)
        store = Cache(settings.base, result.cache_context) if cache else None
        for folder in folders:
            files = folder_key(folder) if store is not None else None
            if files is not None:
                result.sleutels[folder.name] = files
            traject, problems = cached_folder(folder, f"{root_pad}/{folder.name}", ctx, store, files, need_trajecten)
            result.aantal += 1
            if traject is not None:
                result.trajecten.append(traject)
            findings += problems
        if store is not None:
            store.save()
    result.findings = sort_findings(findings)
    return result
