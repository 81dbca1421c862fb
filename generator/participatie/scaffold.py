"""`participatie nieuw`: a new trajectory or initiative folder from the commented templates. Never overwrites."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .model.instellingen import SiteSettings
from .vocabulary import INITIATIEF_BESTANDEN, MARKDOWN_BESTANDEN, SLUG, YAML_BESTANDEN

TEMPLATES = YAML_BESTANDEN + MARKDOWN_BESTANDEN


def create_traject(root: Path, slug: str, settings: SiteSettings) -> tuple[bool, str]:
    return _create(root, slug, settings, TEMPLATES, "traject", "Vul eerst traject.yaml en opgave.md in")


def create_initiatief(root: Path, slug: str, settings: SiteSettings) -> tuple[bool, str]:
    return _create(root, slug, settings, INITIATIEF_BESTANDEN, "initiatief", "Vul initiatief.yaml in")


def _create(root: Path, slug: str, settings: SiteSettings, templates: tuple[str, ...], wat: str, eerst: str) -> tuple[bool, str]:
    if not SLUG.match(slug):
        return False, (f"fout: '{slug}' is geen geldige naam voor een {wat}.\n    hint: gebruik alleen kleine letters, "
                       "cijfers en streepjes, bijvoorbeeld 'speeltuin-kerkdijk'. Er is niets aangemaakt.")
    folder = root / slug
    if folder.exists() or folder.is_symlink():
        return False, f"fout: de map {_rel(folder)} bestaat al. Er is niets veranderd."
    folder.mkdir(parents=True)
    source = resources.files("participatie") / "sjablonen"
    values = {"{titel}": slug.replace("-", " ").capitalize(), "{vandaag}": settings.vandaag().isoformat()}
    for name in templates:
        text = (source / name).read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace(key, value)
        (folder / name).write_text(text, encoding="utf-8")
    return True, f"Nieuw {wat} aangemaakt in {_rel(folder)}/.\n{eerst} en controleer met 'participatie check'.{_ensure_schemas(settings)}"


def _rel(folder: Path) -> str:
    return folder.relative_to(Path.cwd()).as_posix() if folder.is_relative_to(Path.cwd()) else folder.as_posix()


def _ensure_schemas(settings: SiteSettings) -> str:
    folder = settings.base / "schema"
    if folder.exists():
        return ""
    from .pipeline import load_profile
    from .schema import write_schemas
    profiel, _ = load_profile(settings.profiel, settings.base)
    if profiel is None:
        return ""
    write_schemas(folder, profiel)
    return "\nDe schema's voor uw editor staan in schema/."


CI_FILES = {"gitlab": ".gitlab-ci.yml", "github": ".github/workflows/participatie.yml"}


def ci_template(platform: str, base: Path, installatie: str | None = None) -> str:
    """The publishing pipeline for GitLab or GitHub, with this site's install command and default branch."""
    text = (resources.files("participatie") / "sjablonen" / "ci" / f"{platform}.yml").read_text(encoding="utf-8")
    return text.replace("@INSTALLATIE@", installatie or _install_spec(base)).replace("@HOOFDTAK@", _default_branch(base))


def write_ci(platform: str, base: Path, installatie: str | None = None) -> tuple[bool, str]:
    target = base / CI_FILES[platform]
    if target.exists() or target.is_symlink():
        return False, (f"fout: {CI_FILES[platform]} bestaat al. Er is niets veranderd.\n    hint: bekijk het sjabloon met "
                       f"'participatie ci {platform} --toon' en neem over wat je nodig hebt.")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(ci_template(platform, base, installatie), encoding="utf-8")
    waar = {"gitlab": "GitLab Pages", "github": "GitHub Pages (zet bij Settings > Pages de bron op 'GitHub Actions')"}
    return True, (f"Geschreven: {CI_FILES[platform]}.\nElk merge request wordt nu gecontroleerd; de hoofdtak wordt "
                  f"gepubliceerd met {waar[platform]}. Voeg het bestand toe met git add en commit het.")


def _install_spec(base: Path) -> str:
    """`.` in the repository of participatie itself (the example site); otherwise this version of the package."""
    import re
    from importlib.metadata import PackageNotFoundError, version
    pyproject = base / "pyproject.toml"
    if pyproject.is_file() and re.search(r'^name\s*=\s*"participatie"', pyproject.read_text(encoding="utf-8"), re.M):
        return "."
    try:
        major = int(version("participatie").split(".")[0])
        return f'"participatie>={version("participatie")},<{major + 1}"'
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without installing
        return "participatie"


def _default_branch(base: Path) -> str:
    import subprocess
    try:
        run = subprocess.run(["git", "symbolic-ref", "--short", "HEAD"], cwd=base, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "main"
    branch = run.stdout.strip()
    return branch if run.returncode == 0 and branch else "main"
