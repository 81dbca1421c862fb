"""The editor without YAML (issue 23): Decap CMS with forms generated from the profile, saving only what changed.

The round trip runs the editor's own format module in Node over every YAML file of the three examples; the
browser test runs the real editor in Chromium against Decap's local server on a copy of the example, changes
one reaction in the form, saves, and reads the file back with Git and `participatie check`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml
from conftest import ROOT, participatie, run

from participatie.cms import config, file_fields
from participatie.pipeline import load_profile
from participatie.vocabulary import MARKDOWN_BESTANDEN, YAML_BESTANDEN

if TYPE_CHECKING:
    from playwright.sync_api import Page

NPM = ROOT / ".participatie" / "cms" / "node_modules"
FORMAT = ROOT / "generator" / "participatie" / "cms" / "participatie-yaml.js"
EXAMPLES = [ROOT, ROOT / "voorbeelden" / "overbetuwe", ROOT / "voorbeelden" / "leiderdorp"]


def options(kinds: dict, bestand: str, *path: str) -> list[str]:
    """The codes a select writes to the file (the form shows their names)."""
    fields = kinds[bestand]["fields"]
    for name in path:
        f = next(f for f in fields if f["name"] == name)
        fields = f.get("fields", [])
    return [o["value"] if isinstance(o, dict) else o for o in f["options"]]


def test_the_forms_follow_the_profile():
    overbetuwe_profiel, dalfsen_profiel = load_profile("overbetuwe", ROOT)[0], load_profile("dalfsen", ROOT)[0]
    overbetuwe = file_fields(overbetuwe_profiel, ())
    dalfsen = file_fields(dalfsen_profiel, ("Vechtwolde", "Oosterbroek"))
    levels = options(overbetuwe, "traject.yaml", "omgevingsanalyse", "niveau")
    assert len(levels) == 7 and levels == overbetuwe_profiel.niveau_codes
    assert options(overbetuwe, "traject.yaml", "bestuursstijl") == [b.code for b in overbetuwe_profiel.bestuursstijlen]
    assert options(dalfsen, "planning.yaml", "momenten", "niveau") == dalfsen_profiel.niveau_codes
    traject = dalfsen["traject.yaml"]["fields"]
    assert "options" not in next(f for f in traject if f["name"] == "bestuursstijl")  # Dalfsen has no styles to pick
    assert options(dalfsen, "traject.yaml", "kernen") == ["Vechtwolde", "Oosterbroek"]
    soort = next(f for f in traject if f["name"] == "soort_werk")
    assert {"label": "Opstellen visies en beleid", "value": "visie-beleid"} in soort["options"]  # the name, the code
    assert options(dalfsen, "traject.yaml", "raad", "rol") == [
        "kaderstellend",
        "controlerend",
        "volksvertegenwoordigend",
    ]
    assert "initiatief.yaml" in dalfsen and "initiatief.yaml" not in overbetuwe  # no policy for initiatives there
    # the hints are the model's, as in the editor schemas; the eindverslag's names the policy's headings
    moment = next(f for f in dalfsen["planning.yaml"]["fields"] if f["name"] == "momenten")["fields"]
    hint = next(f for f in moment if f["name"] == "deelnemers")["hint"]
    assert hint == "Na afloop: hoeveel mensen meededen, of 'onbekend'."
    assert next(f for f in moment if f["name"] == "datum")["widget"] == "datetime"
    assert "## Gevolgde proces" in dalfsen["eindverslag.md"]["fields"][-1]["hint"]


def test_each_trajectory_and_initiative_is_one_collection_with_its_own_files():
    profiel = load_profile("dalfsen", ROOT)[0]
    cfg = config(profiel, (), ROOT, {"projecten": "projecten", "initiatieven": "initiatieven"})
    names = [c["name"] for c in cfg["collections"]]
    folders = sorted(p.name for p in (ROOT / "projecten").iterdir() if p.is_dir())
    initiatives = sorted(p.name for p in (ROOT / "initiatieven").iterdir() if p.is_dir())
    assert names == [f"projecten-{f}" for f in folders] + [f"initiatieven-{f}" for f in initiatives]
    for c in cfg["collections"]:
        folder = ROOT / c["name"].replace("-", "/", 1)
        assert sorted(f["file"] for f in c["files"]) == sorted(
            f"{folder.parent.name}/{folder.name}/{p.name}" for p in folder.iterdir() if p.suffix in (".yaml", ".md")
        )
    fietspad = next(c for c in cfg["collections"] if c["name"] == "projecten-fietspad-kerkdijk")
    assert fietspad["label"] == "Veilig fietspad langs de Kerkdijk"


def node_format(tmp_path: Path) -> Path:
    """The format module as the browser loads it: beside the yaml library's browser build."""
    if not (NPM / "yaml").is_dir():
        pytest.fail("de npm-pakketten van de redactie ontbreken: draai 'make test' (of 'make cms'), dat installeert ze")
    folder = tmp_path / "fmt"
    shutil.copytree(NPM / "yaml" / "browser" / "dist", folder / "yaml")
    shutil.copy(FORMAT, folder / "participatie-yaml.js")
    (folder / "package.json").write_text('{"type": "module"}', encoding="utf-8")
    return folder


def test_every_example_file_comes_back_byte_for_byte_when_saved_unchanged(tmp_path):
    folder = node_format(tmp_path)
    files = sorted(
        str(p)
        for base in EXAMPLES
        for p in [*base.glob("projecten/*/*.yaml"), *base.glob("projecten/*/*.md"), *base.glob("initiatieven/*/*.yaml")]
    )
    script = """
import { readFileSync } from "node:fs";
import { fromFile, toFile, MARKDOWN } from "./participatie-yaml.js";
const changed = [];
for (const path of JSON.parse(process.argv[2])) {
  const text = readFileSync(path, "utf8");
  const data = fromFile(text);
  // each file read as what it is, and, as the editor holds it, as plain data with dates as the text they were
  if (Boolean(data[MARKDOWN]) !== path.endsWith(".md")) changed.push(path + " (verkeerd gelezen)");
  if (toFile(JSON.parse(JSON.stringify(data))) !== text) changed.push(path);
}
console.log(JSON.stringify(changed));
"""
    (folder / "rond.mjs").write_text(script, encoding="utf-8")
    out = subprocess.run(
        ["node", "rond.mjs", json.dumps(files)], cwd=folder, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) == [] and len(files) > 70


def test_one_change_changes_one_line_and_a_cleared_field_only_its_lines(tmp_path):
    folder = node_format(tmp_path)
    script = """
import { readFileSync } from "node:fs";
import { fromFile, toFile } from "./participatie-yaml.js";
const [path, dotted, value] = process.argv.slice(2);
const data = JSON.parse(JSON.stringify(fromFile(readFileSync(path, "utf8"))));
const keys = dotted.split("."); let o = data; for (const k of keys.slice(0, -1)) o = o[k];
o[keys.at(-1)] = value;
process.stdout.write(toFile(data));
"""
    (folder / "zet.mjs").write_text(script, encoding="utf-8")
    traject = ROOT / "projecten/dorpsplein-oosterbroek/traject.yaml"
    before = traject.read_text(encoding="utf-8").split("\n")

    def changed(dotted: str, value: str) -> list[tuple[str, str]]:
        out = subprocess.run(
            ["node", "zet.mjs", str(traject), dotted, value], cwd=folder, capture_output=True, text=True, check=True
        ).stdout.split("\n")
        return [(a, b) for a, b in zip(before, out, strict=False) if a != b] + [("", b) for b in out[len(before) :]]

    # a value in a flow map keeps the map, its order and the comment line at the top
    assert changed("omgevingsanalyse.0.niveau", "adviseren") == [
        (
            "  - {groep: Bewoners rond het plein, belang: groot, invloed: weinig, niveau: coproduceren}",
            "  - {groep: Bewoners rond het plein, belang: groot, invloed: weinig, niveau: adviseren}",
        )
    ]
    # text that would read differently without quotes gets them
    assert changed("titel", "Plein: nieuw") == [("titel: Nieuw dorpsplein Oosterbroek", 'titel: "Plein: nieuw"')]
    # a cleared field is removed, the rest of the file stays as it was
    out = subprocess.run(
        ["node", "zet.mjs", str(traject), "samenvatting", ""], cwd=folder, capture_output=True, text=True, check=True
    ).stdout
    at = next(i for i, line in enumerate(before) if line.startswith("samenvatting:"))
    assert before[at + 1].startswith("  ") and before[at + 2].startswith("  ") and not before[at + 3].startswith("  ")
    assert out.split("\n") == before[:at] + before[at + 3 :]  # its three lines gone, nothing else touched

    # an empty value filled in (as in a new trajectory's template) gets its space and keeps its comment apart
    (folder / "leeg.yaml").write_text('titel: ""\nsamenvatting:\nthema:   # bijvoorbeeld groen\n', encoding="utf-8")
    for dotted, value, line in (
        ("samenvatting", "Een plein.", "samenvatting: Een plein."),
        ("thema", "groen", "thema:   groen # bijvoorbeeld groen"),
    ):
        out = subprocess.run(
            ["node", "zet.mjs", "leeg.yaml", dotted, value], cwd=folder, capture_output=True, text=True, check=True
        ).stdout
        assert line in out.split("\n") and yaml.safe_load(out)[dotted] == value


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def editor(site: Path) -> Iterator[tuple[Page, str, list[str]]]:
    """The real editor in Chromium on a Git copy of the example, with Decap's local server writing into it.

    Yields the page (logged in), the editor's address and the list of requests that went to another host."""
    from playwright.sync_api import sync_playwright

    from participatie.axe import ARGS, CHROMIUM, serve

    assert (NPM / "decap-cms").is_dir(), "draai 'make test' of 'make cms': die installeren Decap CMS"
    run(["git", "init", "-q"], site)
    run(["git", "add", "-A"], site)
    run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "voorbeeld"], site)
    assert participatie("bouw", cwd=site).returncode == 0
    made = participatie("cms", "--npm", str(NPM.parent), cwd=site)
    assert made.returncode == 0, made.stderr
    port = free_port()
    cfg_path = site / "site/admin/config.yml"
    cfg = yaml.safe_load(cfg_path.read_text(encoding="utf-8"))
    cfg["local_backend"] = {"url": f"http://localhost:{port}/api/v1"}
    cfg_path.write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs", "GIT_REPO_DIRECTORY": str(site)}
    server = subprocess.Popen(
        ["node", str(NPM / "decap-server/dist/index.js")],
        cwd=site,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    httpd, url = serve(site / "site")
    url = url.replace("127.0.0.1", "localhost") + "/admin/index.html"  # the local backend works only on localhost
    try:
        time.sleep(1)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            elsewhere: list[str] = []
            page.on(
                "request",
                lambda r: (
                    elsewhere.append(r.url) if not r.url.startswith(("http://localhost", "data:", "blob:")) else None
                ),
            )
            page.goto(url)
            page.get_by_role("button", name="Inloggen").click()
            yield page, url, elsewhere
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        httpd.shutdown()
        httpd.server_close()


def publish(page: Page, done: Callable[[], bool]) -> None:
    """Publish the entry (the local server has no editorial workflow) and wait until the files say so."""
    page.get_by_role("button", name="Publiceer").first.click()
    page.get_by_text("Publiceer nu").click()
    deadline = time.time() + 30
    while not done() and time.time() < deadline:
        time.sleep(0.2)


def test_the_editor_changes_one_reaction_and_the_file_only_there(site, tmp_path):
    from playwright.sync_api import expect

    nieuw = "We meten alle inritten op en bespreken ze aan de keukentafel, ook in januari."
    target = site / "projecten/fietspad-kerkdijk/terugkoppeling.yaml"
    with editor(site) as (page, url, elsewhere):
        page.goto(f"{url}#/collections/projecten-fietspad-kerkdijk/entries/terugkoppeling-yaml")
        page.locator("[class*=ListItemTopBar] button").first.click()
        page.get_by_label("Reactie", exact=False).first.fill(nieuw)
        publish(page, lambda: nieuw in target.read_text(encoding="utf-8"))
        # the plan too, whose optional parts (gestopt, afweging ...) are left out: they do not block saving
        page.goto(f"{url}#/collections/projecten-fietspad-kerkdijk/entries/traject-yaml")
        page.reload()  # (Decap keeps the last entry's form on a change of the address alone)
        thema = page.get_by_label(re.compile("^Thema")).first
        expect(thema).to_have_value("Verkeer")  # the entry has loaded
        thema.fill("Verkeer en veiligheid")
        traject = site / "projecten/fietspad-kerkdijk/traject.yaml"
        publish(page, lambda: "Verkeer en veiligheid" in traject.read_text(encoding="utf-8"))
    assert elsewhere == []  # nothing from another host: the editor is served from the site
    diff = run(["git", "diff", "-U0", "--no-color"], site).stdout
    changed = [line for line in diff.split("\n") if line and line[0] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == [
        "-    reactie: We meten alle inritten op en bespreken ze aan de keukentafel.",
        f"+    reactie: {nieuw}",
        "-thema: Verkeer",
        "+thema: Verkeer en veiligheid",
    ]
    assert participatie("check", cwd=site).returncode == 0


def findings_of(site: Path, folder: str) -> list[str]:
    out = participatie("check", cwd=site)
    assert "Traceback" not in out.stderr
    return sorted(line for line in (out.stdout + out.stderr).split("\n") if f"projecten/{folder}/" in line)


def test_a_new_trajectory_made_in_the_editor_is_what_participatie_nieuw_makes(site, tmp_path):
    """Through the forms: 'Nieuw traject', the title and two fields, save. The folder has the six files of
    `participatie nieuw`, and `check` reports exactly the findings of a `nieuw` trajectory with the same content."""
    slug = "speeltuin-kerkdijk"
    folder = site / "projecten" / slug
    values = {"Titel": "Speeltuin Kerkdijk", "Samenvatting": "We maken de speeltuin opnieuw, samen met de buurt."}
    values["Thema"] = "spelen"
    with editor(site) as (page, url, elsewhere):
        page.goto(f"{url}#/collections/nieuw-traject/new")
        for label, value in values.items():
            page.get_by_label(re.compile(f"^{label}")).first.fill(value)
        publish(page, lambda: len(list(folder.glob("*"))) == 6)
        page.wait_for_url(re.compile(f"entries/{slug}/traject$"))  # the editor opens the saved trajectory
    assert elsewhere == []
    made = {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()}
    assert sorted(made) == sorted([*YAML_BESTANDEN, *MARKDOWN_BESTANDEN])
    by_editor = findings_of(site, slug)

    shutil.rmtree(folder)
    assert participatie("nieuw", slug, cwd=site).returncode == 0
    traject = folder / "traject.yaml"
    text = traject.read_text(encoding="utf-8")  # what an adviser types into the new file
    for old, new in (
        ('titel: "Speeltuin kerkdijk"\n', f'titel: "{values["Titel"]}"\n'),
        ("samenvatting:\n", f"samenvatting: {values['Samenvatting']}\n"),
        ("thema:\n", f"thema: {values['Thema']}\n"),
    ):
        assert text.count(old) == 1
        text = text.replace(old, new)
    traject.write_text(text, encoding="utf-8")
    assert {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()} == made  # byte for byte
    assert by_editor and findings_of(site, slug) == by_editor
    assert not any(": fout:" in line for line in by_editor)  # a new trajectory is a start, not an error


def test_the_editor_is_never_written_over_files_participatie_did_not_make(tmp_path):
    site = tmp_path / "site"
    (site / "admin").mkdir(parents=True)
    (site / "index.html").write_text("<p>gebouwd</p>", encoding="utf-8")
    (site / "admin" / "config.yml").write_text("eigen: configuratie\n", encoding="utf-8")
    result = participatie("cms", "--map", str(site), "--npm", str(NPM.parent), cwd=ROOT)
    assert result.returncode != 0 and "niet door participatie gemaakt" in result.stderr
    assert "Traceback" not in result.stderr
    assert (site / "admin" / "config.yml").read_text(encoding="utf-8") == "eigen: configuratie\n"
    assert sorted(p.name for p in (site / "admin").iterdir()) == ["config.yml"]


def test_logging_in_with_gitlab_asks_gitlab_itself_with_pkce_and_no_secret(site, tmp_path):
    """The GitLab login as a gemeente sets it up: its own GitLab, the Application ID, PKCE. The editor sends the
    adviser to GitLab's own login page with a code challenge; no secret is in the site. (GitLab itself is not
    reachable here: the browser's request is answered by the test.)"""
    from urllib.parse import parse_qs, urlsplit

    from playwright.sync_api import sync_playwright

    from participatie.axe import ARGS, CHROMIUM, serve

    assert participatie("bouw", cwd=site).returncode == 0
    made = participatie(
        "cms", "--npm", str(NPM.parent), "--repo", "gemeente/participatie", "--app-id", "a1b2c3",
        "--gitlab-url", "https://gitlab.gemeente.example", "--tak", "hoofd", cwd=site,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    cfg_path = site / "site/admin/config.yml"
    cfg = yaml.safe_load(cfg_path.read_text(encoding="utf-8"))
    assert cfg["backend"] == {
        "name": "gitlab",
        "repo": "gemeente/participatie",
        "branch": "hoofd",
        "auth_type": "pkce",
        "app_id": "a1b2c3",
        "base_url": "https://gitlab.gemeente.example",
        "api_root": "https://gitlab.gemeente.example/api/v4",
        "auth_endpoint": "oauth/authorize",
    }
    assert cfg["publish_mode"] == "editorial_workflow"  # a save is a merge request, checked by the pipeline
    cfg["local_backend"] = False  # as on the published site: no local server
    cfg_path.write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    admin = site / "site/admin"
    assert not any("secret" in p.read_text(encoding="utf-8").lower() for p in admin.glob("*.y*ml"))
    # the editor is for staff: not in the sitemap, the search index or any page's links, and not indexed
    built = site / "site"
    assert "admin" not in (built / "sitemap.xml").read_text(encoding="utf-8")
    assert "admin" not in (built / "search/search_index.json").read_text(encoding="utf-8")
    pages = [p for p in built.rglob("*.html") if admin not in p.parents]
    assert len(pages) > 20 and not any('admin/"' in p.read_text(encoding="utf-8") for p in pages)
    assert '<meta name="robots" content="noindex, nofollow">' in (admin / "index.html").read_text(encoding="utf-8")
    httpd, url = serve(site / "site")
    asked: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            page.route(
                "https://gitlab.gemeente.example/**",
                lambda route: (asked.append(route.request.url), route.fulfill(body="GitLab"))[-1],
            )
            page.goto(f"{url}/admin/index.html")
            page.get_by_role("button", name=re.compile("GitLab")).click()
            page.wait_for_url("https://gitlab.gemeente.example/**")
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    where = urlsplit(asked[0])
    query = parse_qs(where.query)
    assert where.path == "/oauth/authorize"
    assert query["client_id"] == ["a1b2c3"] and query["response_type"] == ["code"]
    assert query["code_challenge_method"] == ["S256"] and len(query["code_challenge"][0]) >= 43
    assert query["redirect_uri"][0].startswith(url) and "client_secret" not in query


@pytest.mark.parametrize(
    "args",
    [
        ["--gitlab-url", "javascript:alert(1)"],
        ["--gitlab-url", "gitlab.gemeente.nl"],
        ["--tak", ""],
        ["--tak", "../hoofd"],
        ["--repo", "gemeente;participatie"],
        ["--repo", "gemeente/participatie\nbackend: github"],
    ],
)
def test_a_wrong_repository_address_or_branch_is_said_in_dutch_and_nothing_is_written(tmp_path, args):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>gebouwd</p>", encoding="utf-8")
    result = participatie("cms", "--map", str(site), "--npm", str(NPM.parent), *args, cwd=ROOT)
    assert result.returncode == 2 and result.stderr.startswith("fout: ") and "hint:" in result.stderr
    assert "Traceback" not in result.stderr and "Er is niets veranderd." in result.stderr
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
