"""`participatie nieuw`: a new trajectory or initiative folder from the commented templates. Never overwrites."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .messages import os_error
from .model.instellingen import SiteSettings
from .model.profiel import Profiel
from .taal import opsomming
from .vocabulary import INITIATIEF_BESTANDEN, MARKDOWN_BESTANDEN, SLUG, SLUG_MAX, YAML_BESTANDEN

TEMPLATES = YAML_BESTANDEN + MARKDOWN_BESTANDEN


def create_traject(root: Path, slug: str, settings: SiteSettings) -> tuple[bool, str]:
    return _create(root, slug, settings, TEMPLATES, "traject", "Vul eerst traject.yaml en opgave.md in")


def create_initiatief(root: Path, slug: str, settings: SiteSettings) -> tuple[bool, str]:
    return _create(root, slug, settings, INITIATIEF_BESTANDEN, "initiatief", "Vul initiatief.yaml in")


def _create(
    root: Path, slug: str, settings: SiteSettings, templates: tuple[str, ...], wat: str, eerst: str
) -> tuple[bool, str]:
    if len(slug) > SLUG_MAX:
        return False, (
            f"fout: de naam is te lang ({len(slug)} tekens; hooguit {SLUG_MAX}).\n    hint: kies een korte naam, "
            "bijvoorbeeld 'speeltuin-kerkdijk'. Er is niets aangemaakt."
        )
    if not SLUG.match(slug):
        return False, (
            f"fout: '{slug}' is geen geldige naam voor een {wat}.\n    hint: gebruik alleen kleine letters, "
            "cijfers en streepjes, bijvoorbeeld 'speeltuin-kerkdijk'. Er is niets aangemaakt."
        )
    folder = root / slug
    if folder.exists() or folder.is_symlink():
        return False, f"fout: de map {_rel(folder)} bestaat al. Er is niets veranderd."
    if root.exists() and not root.is_dir():
        return False, (
            f"fout: '{_rel(root)}' is een bestand, geen map; daarin kan geen {wat} komen.\n    hint: hernoem of "
            "verwijder dat bestand, of geef in mkdocs.yml de juiste map op. Er is niets aangemaakt."
        )
    try:
        folder.mkdir(parents=True)
    except OSError as exc:
        return False, f"fout: de map {_rel(folder)} kan niet worden gemaakt: {os_error(exc)}. Er is niets aangemaakt."
    from .pipeline import load_profile

    profiel, _ = load_profile(settings.profiel, settings.base)  # once, for the templates and the schemas
    titel = slug.replace("-", " ").capitalize()
    for name, text in template_texts(settings, profiel, templates, titel).items():
        (folder / name).write_text(text, encoding="utf-8")
    return (
        True,
        f"Nieuw {wat} aangemaakt in {_rel(folder)}/.\n{eerst} en controleer met 'participatie check'."
        + _ensure_schemas(settings, profiel),
    )


def template_texts(
    settings: SiteSettings, profiel: Profiel | None, templates: tuple[str, ...], titel: str
) -> dict[str, str]:
    """The files of a new folder as `nieuw` writes them: the commented templates with this site's words and
    policy. The editor's 'Nieuw traject' starts from the same texts (cms.new_collections), titel left empty."""
    source = resources.files("participatie") / "sjablonen"
    kernen = list(settings.kernen) or ["Dorp"]
    values = {
        "{titel}": titel,
        "{vandaag}": settings.vandaag().isoformat(),
        "{kernen}": ", ".join(kernen[:2]),
        "{kern}": kernen[0],
        "{domein}": (list(settings.eigen_domeinen) or ["gemeente.example"])[0],
        **_profile_words(profiel),
    }
    out = {}
    for name in templates:
        text = (source / name).read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace(key, value)
        out[name] = text
    return out


def _profile_words(p: Profiel | None) -> dict[str, str]:
    """The parts of the templates that depend on the site's policy: its words, lists and optional parts."""
    if p is None:  # 'participatie check' reports the profile; the template keeps neutral words
        return {
            "{plan}": "plan van aanpak",
            "{bron}": "het beleid van de gemeente",
            "{soort_werk}": "",
            "{stap1}": "",
            "{doelen}": "zie het beleidsprofiel",
            "{niveau}": "niveau",
            "{niveaus}": "zie het beleidsprofiel",
            "{voorbeeldniveau}": "",
            "{extra}": "",
            "{eindverslag}": "",
            "{kadercategorieen}": "zie het beleidsprofiel",
            "{categorie1}": "",
            "{categorie2}": "",
            "{kaders_geen}": "",
        }
    soort = (
        f"# Soort werk (tabel in het beleid): {opsomming([s.code for s in p.soorten_werk], 'or')}.\nsoort_werk:\n\n"
        if p.soorten_werk
        else ""
    )
    stap1 = ""
    if p.stap1:
        gevolg = (
            "# Geen antwoord beslist vanzelf: schrijf bij 'afweging' de conclusie en waarom.\n"
            if p.stap1_afweging
            else f"# Eén keer 'nee' betekent: alleen {p.basisniveau.naam.lower()}.\n"
        )
        stap1 = (
            f"# {p.woorden.stap1.capitalize()}: beantwoord elke vraag met ja of nee, met een toelichting.\n"
            + gevolg
            + "# stap1:\n"
            + "".join(
                f'#   {code}: {{antwoord: ja, toelichting: "..."}}   # {vraag}\n' for code, vraag in p.stap1.items()
            )
            + "stap1:\n\n"
        )
        if p.stap1_afweging:
            stap1 += (
                "# De afweging: wordt het traject interactief? Weeg alle criteria, en zeg of ontbrekende\n"
                "# randvoorwaarden alsnog te creëren zijn.\n# afweging:\n#   conclusie: interactief   "
                '# of niet-interactief\n#   motivering: "..."\n\n'
            )
    used = {v for o in p.plan_onderdelen for v in o.velden}
    extra = []
    if "doel_concreet" in used or p.eisen("afgerond").doel_bereikt:
        extra.append(
            "# Het concrete doel van dit traject; achteraf toetst u of het is bereikt.\ndoel_toelichting:\n"
            + (
                '# Bij de afronding:  doel_bereikt: {oordeel: ja, toelichting: "..."}   (ja, deels of nee)\n'
                if p.eisen("afgerond").doel_bereikt
                else ""
            )
        )
    if p.wegingen:
        extra.append(
            f"# Hoe zwaar weegt het advies in het besluit? Zeg het vooraf: {opsomming(p.wegingen, 'or')}.\nweging:\n"
        )
    if "verantwoording" in used:
        extra.append(
            "# Wanneer en hoe wordt de politiek (raad, commissie) onderweg bijgepraat en gepeild?\nverantwoording:\n"
        )
    if "mandaat" in used:
        extra.append(
            "# Wat gaf de raad vooraf mee: wat wil hij wel en niet? (Stelde de raad het plan zelf vast, zeg dat.)\nmandaat:\n"
        )
    if p.eisen("afgerond").representativiteit:
        extra.append(
            "# Bij de afronding: waren de deelnemers representatief? Bij 'onvoldoende' ook wat de raad besloot.\n"
            '# representativiteit: {oordeel: voldoende, toelichting: "..."}\n'
        )
    if p.bestuursstijlen:
        extra.append(
            f"# De bestuursstijl voor het hele traject: {opsomming([b.code for b in p.bestuursstijlen], 'or')}.\nbestuursstijl:\n"
        )
    if p.quickscan:
        q = p.quickscan
        extra.append(
            f"# Quick scan: geef elke randvoorwaarde een score ({', '.join(q.schaal)}).\n# quickscan:\n"
            + "".join(f"#   {v.code}: {q.drempel}   # {v.vraag}\n" for v in q.vragen)
        )
    if p.uitgesloten_onderwerpen:
        extra.append(
            "# Alleen als het onderwerp op de lijst van onderwerpen staat die het beleid uitsluit:\n"
            f"# uitgesloten_onderwerp: {opsomming([o.code for o in p.uitgesloten_onderwerpen], 'or')}\n"
        )
    if "kansen" in used:
        extra.append(
            "# Kansen en bedreigingen: wat laat het traject slagen, en wat bedreigt het?\nkansen_bedreigingen:\n"
        )
    if "taakverdeling" in used:
        extra.append("# Wie doet wat: bestuur, ambtenaren, inwoners, organisaties.\ntaakverdeling:\n")
    if p.fasen:
        extra.append(
            f"# Groen licht per fase ({opsomming([f.code for f in p.fasen], 'or')}); "
            "zet in planning.yaml bij elk moment de 'fase:'.\n"
            f"# groen_licht:\n#   - {{fase: {p.fasen[0].code}, datum: 2026-03-01, door: college}}\ngroen_licht: []\n"
        )
    voorbeeld = p.niveau(p.advies_vanaf) or p.niveaus[min(1, len(p.niveaus) - 1)]
    return {
        "{plan}": p.woorden.plan,
        "{bron}": p.bron,
        "{soort_werk}": soort,
        "{stap1}": stap1,
        "{doelen}": opsomming([d.code for d in p.doelen], "or"),
        "{niveau}": p.woorden.niveau,
        "{niveaus}": opsomming(p.niveau_codes, "or"),
        "{voorbeeldniveau}": voorbeeld.code,
        "{extra}": "".join(f"\n{block}" for block in extra),
        "{eindverslag}": "\n\n".join(f"## {o.kop}" for o in p.eindverslag_onderdelen),
        "{kadercategorieen}": opsomming(p.kadercategorieen, "or"),
        "{categorie1}": next((c for c in p.kadercategorieen if "financ" in c), p.kadercategorieen[0]),
        "{categorie2}": next((c for c in p.kadercategorieen if "inhoud" in c), p.kadercategorieen[-1]),
        "{kaders_geen}": (
            "\n# Het beleid vraagt in elk plan elke soort kader. Speelt een soort niet, zeg dan waarom:\n"
            f'# geen:\n#   - {{categorie: {p.kadercategorieen[-1]}, toelichting: "..."}}\n'
        )
        if p.kaders_verplicht
        else "",
    }


def _rel(folder: Path) -> str:
    return folder.relative_to(Path.cwd()).as_posix() if folder.is_relative_to(Path.cwd()) else folder.as_posix()


def _ensure_schemas(settings: SiteSettings, profiel: Profiel | None) -> str:
    folder = settings.base / "schema"
    if folder.exists():
        return ""
    from .schema import write_schemas

    if profiel is None:
        return ""
    write_schemas(folder, profiel)
    return "\nDe schema's voor uw editor staan in schema/."


CI_FILES = {"gitlab": ".gitlab-ci.yml", "github": ".github/workflows/participatie.yml"}


def ci_template(platform: str, base: Path, installatie: str | None = None) -> str:
    """The publishing pipeline for GitLab or GitHub, with this site's install command and default branch."""
    text = (resources.files("participatie") / "sjablonen" / "ci" / f"{platform}.yml").read_text(encoding="utf-8")
    return text.replace("@INSTALLATIE@", installatie or _install_spec(base)).replace(
        "@HOOFDTAK@", _default_branch(base)
    )


def write_ci(platform: str, base: Path, installatie: str | None = None) -> tuple[bool, str]:
    target = base / CI_FILES[platform]
    if target.exists() or target.is_symlink():
        return False, (
            f"fout: {CI_FILES[platform]} bestaat al. Er is niets veranderd.\n    hint: bekijk het sjabloon met "
            f"'participatie ci {platform} --toon' en neem over wat je nodig hebt."
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(ci_template(platform, base, installatie), encoding="utf-8")
    waar = {"gitlab": "GitLab Pages", "github": "GitHub Pages (zet bij Settings > Pages de bron op 'GitHub Actions')"}
    return True, (
        f"Geschreven: {CI_FILES[platform]}.\nElk merge request wordt nu gecontroleerd; de hoofdtak wordt "
        f"gepubliceerd met {waar[platform]}. Voeg het bestand toe met git add en commit het."
    )


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
    """The repository's default branch (what origin/HEAD points to), else the branch checked out, else 'main'."""
    import subprocess

    for args, prefix in (
        (["symbolic-ref", "--short", "refs/remotes/origin/HEAD"], "origin/"),
        (["symbolic-ref", "--short", "HEAD"], ""),
    ):
        try:
            run = subprocess.run(["git", *args], cwd=base, capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return "main"
        branch = run.stdout.strip().removeprefix(prefix)
        if run.returncode == 0 and branch:
            return branch
    return "main"
