"""The `participatie` command: check, bouw, nieuw, schema, profiel, toegankelijkheid, ci. A thin adapter over the package.

One error boundary: every failure of every command ends in a Dutch 'fout:' with a 'hint:' and an
exit code from the README's table (0 good, 1 something to fix, 2 wrong use, 3 built with
something withheld), never a traceback. argparse speaks Dutch here too.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from .findings import Ernst
from .messages import os_error
from .report import FORMATS, WITH_VERDICTS
from .rules.instellingen import read_site_settings

GOED, FOUT, GEBRUIK = 0, 1, 2

# argparse's own sentences (Python 3.11 to 3.13), in Dutch.
ARGPARSE = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n    hint: 'participatie --help' toont alle opdrachten; "
    "'participatie <opdracht> --help' de opties van een opdracht.\n",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "argument %(argument_name)s: %(message)s": "bij %(argument_name)s: %(message)s",
    "expected one argument": "hier hoort één waarde bij",
    "expected at most one argument": "hier hoort hooguit één waarde bij",
    "expected at least one argument": "hier hoort minstens één waarde bij",
    "ambiguous option: %(option)s could match %(matches)s": "de optie %(option)s kan meer betekenen: %(matches)s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "not allowed with argument %s": "niet samen met %s",
    "ignored explicit argument %r": "de waarde %r wordt genegeerd",
    "one of the arguments %s is required": "een van deze argumenten is nodig: %s",
    "unexpected option string: %s": "onverwachte optie: %s",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "onbekende opdracht %(parser_name)r (kies uit %(choices)s)",
    "show program's version number and exit": "toon het versienummer en stop",
}


@contextlib.contextmanager
def dutch_argparse():
    """argparse looks its sentences up through its module's `_` when it needs them; here they are Dutch."""
    names = vars(argparse)  # `_` is argparse's own gettext, which its type stubs do not declare
    original = names["_"]
    names["_"] = lambda text: ARGPARSE.get(text, original(text))
    try:
        yield
    finally:
        names["_"] = original


def _count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is geen aantal; geef een heel getal van 1 of meer, zoals 2")
    return int(text)


def _processes_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--processen",
        type=_count,
        metavar="N",
        default=None,
        help="controleer met zoveel processen tegelijk (standaard: alle kernen; 1: één voor één)",
    )


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="participatie", description="Controleer en publiceer participatietrajecten.")
    sub = parser.add_subparsers(dest="opdracht", required=True, metavar="opdracht", title="opdrachten")
    p = sub.add_parser("check", help="controleer alle trajecten (de strenge toets voor een merge request)")
    p.add_argument("pad", nargs="?", default=None, help="map met trajecten (standaard: projecten/)")
    p.add_argument("--strikt", action="store_true", help="waarschuwingen tellen ook als fout")
    p.add_argument(
        "--format",
        choices=tuple(FORMATS),
        default="tekst",
        help="tekst, json, github (meldingen in een pull request), gitlab (Code Quality) of sarif",
    )
    p.add_argument(
        "--rapport",
        metavar="BESTAND",
        help="schrijf de uitvoer in --format naar dit bestand en toon de bevindingen als tekst",
    )
    p.add_argument(
        "--zonder-cache", action="store_true", help="lees alles opnieuw (de cache staat in .participatie-cache/)"
    )
    _processes_option(p)
    p = sub.add_parser("bouw", help="controleer en bouw de website (site/ wordt pas aan het eind vervangen)")
    p.add_argument("--strikt", action="store_true", help="stop bij waarschuwingen van de bouwer (zoals kapotte links)")
    p.add_argument(
        "--map", default=None, help="waar de website komt (standaard: 'site_dir' uit mkdocs.yml, anders site/)"
    )
    p.add_argument("--bouwer", choices=("mkdocs", "zensical"), default="mkdocs", help="welk programma de site bouwt")
    _processes_option(p)
    p = sub.add_parser("nieuw", help="begin een nieuw traject (of met --initiatief een initiatief) vanuit het sjabloon")
    p.add_argument("slug", help="korte naam voor de map en het webadres, bijvoorbeeld 'speeltuin-kerkdijk'")
    p.add_argument("--initiatief", action="store_true", help="een initiatief van inwoners, in initiatieven/")
    p = sub.add_parser("profiel", help="toon een beleidsprofiel als overzicht en controleer het")
    p.add_argument(
        "profiel",
        nargs="?",
        default=None,
        help="een ingebouwd profiel (dalfsen, leiderdorp, overbetuwe) of een pad; standaard dat van deze site",
    )
    p = sub.add_parser(
        "toegankelijkheid",
        help="controleer de gebouwde site met axe-core en schrijf de uitkomst voor de toegankelijkheidsverklaring",
    )
    p.add_argument("--map", default="site", help="de gebouwde site (standaard: site/)")
    p.add_argument("--uit", default=None, help="waar de uitkomst komt (standaard: 'onderzoek' uit mkdocs.yml)")
    p = sub.add_parser("ci", help="schrijf een pijplijn die merge requests controleert en de site publiceert")
    p.add_argument("platform", choices=("gitlab", "github"), help="gitlab (GitLab Pages) of github (GitHub Pages)")
    p.add_argument("--toon", action="store_true", help="toon het bestand alleen, schrijf niets")
    p.add_argument("--installatie", metavar="PIP", help="wat pip installeert (standaard: deze versie van participatie)")
    p = sub.add_parser("cms", help="schrijf de redactie (Decap CMS, formulieren uit het profiel) in de gebouwde site")
    p.add_argument("--map", default="site", help="de gebouwde site; de redactie komt in admin/ (standaard: site/)")
    p.add_argument("--backend", choices=("gitlab", "github"), default="gitlab", help="waar de repository staat")
    p.add_argument("--repo", default="", help="de repository, bijvoorbeeld 'gemeente/participatie'")
    p.add_argument("--app-id", default="", help="bij GitLab: de Application ID voor inloggen (PKCE)")
    p.add_argument("--gitlab-url", default="", help="een eigen GitLab, bijvoorbeeld https://gitlab.gemeente.nl")
    p.add_argument("--tak", default="main", help="de hoofdtak van de repository (standaard: main)")
    p.add_argument("--npm", default=".participatie/cms", help="waar 'make cms' Decap CMS installeerde")
    p = sub.add_parser("schema", help="schrijf JSON Schema's voor de editor")
    p.add_argument("map", nargs="?", default="schema", help="waar de schema's komen (standaard: schema/)")
    return parser


def main(argv: list[str] | None = None) -> int:
    with dutch_argparse():
        try:
            args = parser().parse_args(argv)
        except SystemExit as exc:  # --help, or wrong use: argparse has said why, in Dutch
            return exc.code if isinstance(exc.code, int) else GEBRUIK
    commands = {
        "check": cmd_check,
        "nieuw": cmd_new,
        "schema": cmd_schema,
        "bouw": cmd_build,
        "ci": cmd_ci,
        "profiel": cmd_profile,
        "toegankelijkheid": cmd_accessibility,
        "cms": cmd_cms,
    }
    if args.opdracht in ("check", "bouw", "ci"):  # one run, then the process ends
        from .processen import one_run

        one_run()
    try:
        return commands[args.opdracht](args)
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(
            f"fout: {os_error(exc)}{where}.\n    hint: controleer of de map bestaat, of u er mag schrijven en of de "
            "schijf niet vol is.",
            file=sys.stderr,
        )
        return FOUT
    except Exception as exc:  # a fault of participatie itself: said plainly, never as a traceback
        print(
            f"fout: er ging iets mis in participatie zelf ({type(exc).__name__}).\n    hint: dit hoort niet te gebeuren; "
            "meld het met de opdracht die u gaf en de bestanden van het traject.",
            file=sys.stderr,
        )
        return FOUT


def settings_or_stop():
    """The site's settings; their problems printed. None when an error in mkdocs.yml makes going on unsafe."""
    settings, problems = read_site_settings(Path.cwd())
    for p in problems:
        print(p.format(), file=sys.stderr)
    if any(p.ernst is Ernst.FOUT for p in problems):
        print("fout: mkdocs.yml klopt niet (zie hierboven); er is niets gedaan.", file=sys.stderr)
        return None
    return settings


def cmd_check(args) -> int:
    from .pipeline import check_site

    settings, problems = read_site_settings(Path.cwd())
    result = check_site(
        settings,
        settings.vandaag(),
        projecten=args.pad,
        cache=not args.zonder_cache,
        need="toetsingen" if args.format in WITH_VERDICTS else "bevindingen",
        processen=args.processen,
    )
    findings = problems + result.findings
    output = FORMATS[args.format](findings, result.aantal, result.aantal_initiatieven, result.toetsingen.values())
    if args.rapport:
        try:
            Path(args.rapport).write_text(output + "\n", encoding="utf-8")
        except OSError as exc:
            print(
                f"fout: het rapport kan niet naar '{args.rapport}': {os_error(exc)}.\n    hint: kies een "
                "bestand in een map die bestaat, bijvoorbeeld 'gl-code-quality-report.json'.",
                file=sys.stderr,
            )
            return GEBRUIK
        output = FORMATS["tekst"](findings, result.aantal, result.aantal_initiatieven)
    print(output)
    failed = any(f.ernst is Ernst.FOUT for f in findings) or (args.strikt and findings)
    return FOUT if failed else GOED


def cmd_new(args) -> int:
    from .scaffold import create_initiatief, create_traject

    settings = settings_or_stop()
    if settings is None:
        return FOUT
    if args.initiatief:
        ok, message = create_initiatief(settings.base / settings.initiatieven, args.slug, settings)
    else:
        ok, message = create_traject(settings.base / settings.projecten, args.slug, settings)
    print(message, file=sys.stdout if ok else sys.stderr)
    return GOED if ok else FOUT


def cmd_ci(args) -> int:
    from .scaffold import ci_template, write_ci

    settings = settings_or_stop()
    if settings is None:
        return FOUT
    if args.toon:
        print(ci_template(args.platform, settings.base, args.installatie), end="")
        return GOED
    ok, message = write_ci(args.platform, settings.base, args.installatie)
    print(message, file=sys.stdout if ok else sys.stderr)
    return GOED if ok else FOUT


def cmd_profile(args) -> int:
    from .pipeline import load_profile
    from .profieloverzicht import summary

    settings = settings_or_stop()
    if settings is None:
        return FOUT
    name = args.profiel or settings.profiel
    profiel, problems = load_profile(
        name, settings.base, waar="opdrachtregel" if args.profiel else settings.waar("profiel")
    )
    if profiel is None:
        print("\n".join(f.format() for f in problems), file=sys.stderr)
        print(
            f"Het beleidsprofiel '{name}' heeft {len(problems)} {'fout' if len(problems) == 1 else 'fouten'}; "
            "los ze op en probeer opnieuw.",
            file=sys.stderr,
        )
        return FOUT
    print(summary(profiel))
    return GOED


def cmd_accessibility(args) -> int:
    settings = settings_or_stop()
    if settings is None:
        return FOUT
    built = settings.base / args.map
    if not (built / "index.html").exists():
        print(
            f"fout: {args.map}/ bevat geen gebouwde site.\n    hint: bouw eerst met 'participatie bouw'.",
            file=sys.stderr,
        )
        return GEBRUIK
    try:
        import axe_playwright_python  # noqa: F401

        from .axe import write_results
    except ImportError:
        print(
            "fout: de toegankelijkheidscontrole heeft Playwright en axe-core nodig.\n    hint: pip install "
            "'participatie[toegankelijkheid]' en installeer Chromium (apt-get install chromium).",
            file=sys.stderr,
        )
        return GEBRUIK
    from .taal import opsomming

    v = settings.opties.toegankelijkheid
    target = settings.base / (args.uit or (v.onderzoek if v else "toegankelijkheid.json"))
    try:
        data, problems, broken = write_results(built, target)
    except OSError as exc:
        print(
            f"fout: de uitkomst kan niet naar '{target}': {os_error(exc)}.\n    hint: kies met --uit een bestand in een "
            "map die bestaat.",
            file=sys.stderr,
        )
        return GEBRUIK
    for where, found in sorted(problems.items()):
        for rule, element, summary in found:
            print(f"{where}: {rule} bij {element}: {summary}")
    for where, failures in sorted(broken.items()):
        for failure in failures:
            print(f"{where}: waarschuwing: de browser meldt {failure}")
    print(
        f"{data['paginas']} pagina's gecontroleerd bij {opsomming(data['breedtes'])} pixels: "
        f"{data['overtredingen']} fouten. Geschreven: {target.relative_to(settings.base).as_posix()}."
    )
    return FOUT if problems else GOED


def settings_and_profile():
    """The site's settings and its profile, or None (and why, printed) when either cannot be read."""
    from .pipeline import load_profile

    settings = settings_or_stop()
    if settings is None:
        return None
    profiel, problems = load_profile(settings.profiel, settings.base)
    if profiel is None:
        print("\n".join(f.format() for f in problems), file=sys.stderr)
        return None
    return settings, profiel


def cmd_cms(args) -> int:
    from .cms import DECAP, MADE_BY_US, write_admin

    found = settings_and_profile()
    if found is None:
        return FOUT
    settings, profiel = found
    site, vendor = Path(args.map), Path(args.npm)
    if not (site / "index.html").is_file():
        print(
            f"fout: in '{args.map}' staat geen gebouwde site.\n    hint: bouw eerst met 'participatie bouw', of geef "
            "met --map de map van de site. Er is niets veranderd.",
            file=sys.stderr,
        )
        return GEBRUIK
    if not (vendor / "node_modules" / "decap-cms" / "dist" / "decap-cms.js").is_file():
        print(
            f"fout: Decap CMS staat niet in '{args.npm}'.\n    hint: installeer het met 'make cms' (of: npm install "
            f"--prefix {args.npm} {DECAP} yaml). Er is niets veranderd.",
            file=sys.stderr,
        )
        return GEBRUIK
    wrong = _backend_problem(args.repo, args.gitlab_url, args.tak)
    if wrong:
        print(f"fout: {wrong} Er is niets veranderd.", file=sys.stderr)
        return GEBRUIK
    admin = site / "admin"
    if admin.exists() and not (admin / MADE_BY_US).is_file():
        print(
            f"fout: '{admin.as_posix()}' bestaat al en is niet door participatie gemaakt.\n    hint: participatie "
            "overschrijft geen bestanden die het niet zelf maakte; geef met --map een gebouwde site. Er is niets "
            "veranderd.",
            file=sys.stderr,
        )
        return GEBRUIK
    from .scaffold import TEMPLATES, template_texts
    from .vocabulary import INITIATIEF_BESTANDEN

    folders = {"projecten": settings.projecten, "initiatieven": settings.initiatieven}
    nieuw = {  # what 'Nieuw traject' and 'Nieuw initiatief' start from: the texts of 'participatie nieuw'
        "projecten": template_texts(settings, profiel, TEMPLATES, ""),
        "initiatieven": template_texts(settings, profiel, INITIATIEF_BESTANDEN, ""),
    }
    written = write_admin(
        admin,
        profiel,
        tuple(settings.kernen),
        settings.base,
        folders,
        vendor,
        nieuw=nieuw,
        backend=args.backend,
        repo=args.repo,
        app_id=args.app_id,
        gitlab_url=args.gitlab_url,
        branch=args.tak,
    )
    for path in written:
        print(f"geschreven: {path.as_posix()}")
    print(f"De redactie staat in {(site / 'admin').as_posix()}/ (met Decap CMS uit {args.npm}).")
    return GOED


def _backend_problem(repo: str, gitlab_url: str, tak: str) -> str | None:
    """What is wrong with the editor's repository, GitLab address or branch, in Dutch; None when nothing is."""
    import re
    from urllib.parse import urlsplit

    if repo and not re.fullmatch(r"[\w.-]+(/[\w.-]+)+", repo):
        return (
            f"--repo '{repo}' is geen repository.\n    hint: schrijf groep en project met een schuine streep, "
            "bijvoorbeeld 'gemeente/participatie'."
        )
    if gitlab_url:
        parts = urlsplit(gitlab_url)
        if parts.scheme not in ("https", "http") or not parts.hostname or parts.query or parts.fragment:
            return (
                f"--gitlab-url '{gitlab_url}' is geen adres van een GitLab.\n    hint: geef het adres waarop u "
                "inlogt, bijvoorbeeld 'https://gitlab.gemeente.nl'."
            )
    if not re.fullmatch(r"[\w./-]+", tak) or ".." in tak:
        return f"--tak '{tak}' is geen naam van een tak.\n    hint: meestal is het 'main' of 'master'."
    return None


def cmd_schema(args) -> int:
    from .schema import write_schemas

    found = settings_and_profile()
    if found is None:
        return FOUT
    profiel = found[1]
    folder = Path(args.map)
    if folder.exists() and not folder.is_dir():
        print(
            f"fout: '{args.map}' is een bestand, geen map; de schema's komen in een map.\n    hint: geef een map op, "
            "bijvoorbeeld 'schema'. Er is niets veranderd.",
            file=sys.stderr,
        )
        return GEBRUIK
    try:
        written = write_schemas(folder, profiel)
    except OSError as exc:
        print(
            f"fout: de schema's kunnen niet naar '{args.map}': {os_error(exc)}.\n    hint: kies een andere map.",
            file=sys.stderr,
        )
        return FOUT
    for path in written:
        print(f"geschreven: {path.as_posix()}")
    return GOED


def cmd_build(args) -> int:
    from .builders.publiceren import build_site
    from .processen import PROCESSEN

    if args.processen is not None:  # read by the check in the MkDocs plugin and in Zensical's process alike
        os.environ[PROCESSEN] = str(args.processen)
    return build_site(Path.cwd(), Path(args.map) if args.map else None, strict=args.strikt, bouwer=args.bouwer)


if __name__ == "__main__":
    sys.exit(main())
