"""The `participatie` command: check, bouw, nieuw, schema. A thin adapter over the package."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .findings import Ernst
from .load.instellingen import read_site_settings
from .pipeline import check_site
from .report import FORMATS


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="participatie", description="Controleer en publiceer participatietrajecten.")
    sub = parser.add_subparsers(dest="opdracht", required=True, metavar="opdracht")
    p = sub.add_parser("check", help="controleer alle trajecten (de strenge toets voor een merge request)")
    p.add_argument("pad", nargs="?", default=None, help="map met trajecten (standaard: projecten/)")
    p.add_argument("--strikt", action="store_true", help="waarschuwingen tellen ook als fout")
    p.add_argument("--format", choices=tuple(FORMATS), default="tekst",
                   help="tekst, json, github (meldingen in een pull request), gitlab (Code Quality) of sarif")
    p.add_argument("--rapport", metavar="BESTAND",
                   help="schrijf de uitvoer in --format naar dit bestand en toon de bevindingen als tekst")
    p.add_argument("--zonder-cache", action="store_true", help="lees alles opnieuw (de cache staat in .participatie-cache/)")
    p = sub.add_parser("bouw", help="controleer en bouw de website (site/ wordt pas aan het eind vervangen)")
    p.add_argument("--strikt", action="store_true", help="stop bij waarschuwingen van de bouwer (zoals kapotte links)")
    p.add_argument("--map", default="site", help="waar de website komt (standaard: site/)")
    p.add_argument("--bouwer", choices=("mkdocs", "zensical"), default="mkdocs", help="welk programma de site bouwt")
    p = sub.add_parser("nieuw", help="begin een nieuw traject (of met --initiatief een initiatief) vanuit het sjabloon")
    p.add_argument("slug", help="korte naam voor de map en het webadres, bijvoorbeeld 'speeltuin-kerkdijk'")
    p.add_argument("--initiatief", action="store_true", help="een initiatief van inwoners, in initiatieven/")
    p = sub.add_parser("profiel", help="toon een beleidsprofiel als overzicht en controleer het")
    p.add_argument("profiel", nargs="?", default=None,
                   help="een ingebouwd profiel (dalfsen, leiderdorp, overbetuwe) of een pad; standaard dat van deze site")
    p = sub.add_parser("toegankelijkheid", help="controleer de gebouwde site met axe-core en schrijf de uitkomst voor de "
                       "toegankelijkheidsverklaring")
    p.add_argument("--map", default="site", help="de gebouwde site (standaard: site/)")
    p.add_argument("--uit", default=None, help="waar de uitkomst komt (standaard: 'onderzoek' uit mkdocs.yml)")
    p = sub.add_parser("ci", help="schrijf een pijplijn die merge requests controleert en de site publiceert")
    p.add_argument("platform", choices=("gitlab", "github"), help="gitlab (GitLab Pages) of github (GitHub Pages)")
    p.add_argument("--toon", action="store_true", help="toon het bestand alleen, schrijf niets")
    p.add_argument("--installatie", metavar="PIP", help="wat pip installeert (standaard: deze versie van participatie)")
    p = sub.add_parser("schema", help="schrijf JSON Schema's voor de editor")
    p.add_argument("map", nargs="?", default="schema")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    commands = {"check": cmd_check, "nieuw": cmd_new, "schema": cmd_schema, "bouw": cmd_build, "ci": cmd_ci,
                "profiel": cmd_profile, "toegankelijkheid": cmd_accessibility}
    try:
        return commands[args.opdracht](args)
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130


def cmd_check(args) -> int:
    settings, problems = read_site_settings(Path.cwd())
    result = check_site(settings, settings.vandaag(), projecten=args.pad, cache=not args.zonder_cache, need_trajecten=False)
    findings = problems + result.findings
    output = FORMATS[args.format](findings, result.aantal, result.aantal_initiatieven, result.toetsingen.values())
    if args.rapport:
        try:
            Path(args.rapport).write_text(output + "\n", encoding="utf-8")
        except OSError as exc:
            print(f"fout: het rapport kan niet naar '{args.rapport}' ({exc.strerror or exc}).\n    hint: kies een "
                  "bestand in een map die bestaat, bijvoorbeeld 'gl-code-quality-report.json'.", file=sys.stderr)
            return 2
        output = FORMATS["tekst"](findings, result.aantal, result.aantal_initiatieven)
    print(output)
    failed = any(f.ernst is Ernst.FOUT for f in findings) or (args.strikt and findings)
    return 1 if failed else 0


def cmd_new(args) -> int:
    from .scaffold import create_initiatief, create_traject
    settings, _ = read_site_settings(Path.cwd())
    if args.initiatief:
        ok, message = create_initiatief(settings.base / settings.initiatieven, args.slug, settings)
    else:
        ok, message = create_traject(settings.base / settings.projecten, args.slug, settings)
    print(message, file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1


def cmd_ci(args) -> int:
    from .scaffold import ci_template, write_ci
    settings, _ = read_site_settings(Path.cwd())
    if args.toon:
        print(ci_template(args.platform, settings.base, args.installatie), end="")
        return 0
    ok, message = write_ci(args.platform, settings.base, args.installatie)
    print(message, file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1


def cmd_profile(args) -> int:
    from .pipeline import load_profile
    from .profieloverzicht import summary
    settings, _ = read_site_settings(Path.cwd())
    name = args.profiel or settings.profiel
    profiel, problems = load_profile(name, settings.base, waar="opdrachtregel" if args.profiel else settings.waar("profiel"))
    if profiel is None:
        print("\n".join(f.format() for f in problems), file=sys.stderr)
        print(f"Het beleidsprofiel '{name}' heeft {len(problems)} {'fout' if len(problems) == 1 else 'fouten'}; "
              "los ze op en probeer opnieuw.", file=sys.stderr)
        return 1
    print(summary(profiel))
    return 0


def cmd_accessibility(args) -> int:
    settings, _ = read_site_settings(Path.cwd())
    built = settings.base / args.map
    if not (built / "index.html").exists():
        print(f"fout: {args.map}/ bevat geen gebouwde site.\n    hint: bouw eerst met 'participatie bouw'.", file=sys.stderr)
        return 2
    try:
        from .axe import write_results
        import axe_playwright_python  # noqa: F401
    except ImportError:
        print("fout: de toegankelijkheidscontrole heeft Playwright en axe-core nodig.\n    hint: pip install "
              "'participatie[toegankelijkheid]' en installeer Chromium (apt-get install chromium).", file=sys.stderr)
        return 2
    v = settings.opties.toegankelijkheid
    target = settings.base / (args.uit or (v.onderzoek if v else "toegankelijkheid.json"))
    try:
        data, problems = write_results(built, target)
    except OSError as exc:
        print(f"fout: de uitkomst kan niet naar '{target}' ({exc.strerror or exc}).", file=sys.stderr)
        return 2
    for where, found in sorted(problems.items()):
        for rule, element, summary in found:
            print(f"{where}: {rule} bij {element}: {summary}")
    print(f"{data['paginas']} pagina's gecontroleerd bij {' en '.join(map(str, data['breedtes']))} pixels: "
          f"{data['overtredingen']} fouten. Geschreven: {target.relative_to(settings.base).as_posix()}.")
    return 1 if problems else 0


def cmd_schema(args) -> int:
    from .pipeline import load_profile
    from .schema import write_schemas
    settings, _ = read_site_settings(Path.cwd())
    profiel, problems = load_profile(settings.profiel, settings.base)
    if profiel is None:
        print("\n".join(f.format() for f in problems), file=sys.stderr)
        return 1
    for path in write_schemas(Path(args.map), profiel):
        print(f"geschreven: {path.as_posix()}")
    return 0


def cmd_build(args) -> int:
    from .builders.publiceren import build_site
    return build_site(Path.cwd(), Path(args.map), strict=args.strikt, bouwer=args.bouwer)


if __name__ == "__main__":
    sys.exit(main())
