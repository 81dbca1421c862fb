"""Run the whole check of a site: profile, every trajectory, every rule. Used by the CLI and the plugin."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .findings import Ernst, Finding, sort_findings
from .messages import suggest
from .planning_checks import check_planning
from .privacy import Settings as PrivacySettings, check_privacy
from .profile import Profiel, load_profile
from .project import Traject, load_all
from .settings import SiteSettings
from .validate import validate


@dataclass
class Result:
    settings: SiteSettings
    profiel: Profiel | None = None
    trajecten: list[Traject] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    vandaag: dt.date | None = None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.ernst is Ernst.FOUT]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.ernst is Ernst.WAARSCHUWING]


def check_site(settings: SiteSettings, vandaag: dt.date, projecten: str | None = None) -> Result:
    result = Result(settings=settings, vandaag=vandaag)
    result.profiel, findings = load_profile(settings.profiel, settings.base)
    root = settings.base / (projecten or settings.projecten)
    result.trajecten, problems = load_all(root)
    findings += problems
    if result.profiel is not None:
        privacy = PrivacySettings(settings.eigen_domeinen, settings.eigen_telefoonnummers)
        for t in result.trajecten:
            findings += validate(t, result.profiel, vandaag)
            findings += check_planning(t, result.profiel, vandaag)
            findings += check_privacy(t, privacy)
            findings += _kernen(t, settings)
    result.findings = sort_findings(findings)
    return result


def _kernen(t: Traject, settings: SiteSettings) -> list[Finding]:
    if not settings.kernen:
        return []
    return [t.finding(Ernst.FOUT, "traject.yaml", ("kernen", i), f"'{k}' is geen kern of wijk van deze site."
                      f"{suggest(k, settings.kernen)}", f"Kies uit: {', '.join(settings.kernen)} (zie mkdocs.yml).", code="kern")
            for i, k in enumerate(t.traject.kernen) if k not in settings.kernen]
