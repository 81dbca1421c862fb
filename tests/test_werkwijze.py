"""Staff workflow (issue 16): findings where staff look, publishing pipelines, pre-commit, live preview.

Each machine format is read the way its consumer reads it (the SARIF JSON Schema, the fields
GitLab's Code Quality widget uses, the grammar of GitHub's workflow commands) and its positions
are compared with the text output. The pipelines are validated against the vendored CI schemas
and their own commands are run in a fresh clone of the example.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, copy_site, edit, env, line_of

from participatie.cli import main

FIETSPAD = "projecten/fietspad-kerkdijk"
# tests/data/sarif-2.1.0.json: the OASIS SARIF 2.1.0 schema as @microsoft/sarif-multitool-linux 5.7.0 ships it
# (package/sarif-2.1.0.json, MIT licence; npm dist.shasum c4336533d697196caf44dbce07394df2cbf90eee), kept here so the
# tests need no network.
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-2.1.0.json"


@pytest.fixture
def broken(site, monkeypatch):
    """The example with three findings in three files: two errors and a warning."""
    traject, planning = site / FIETSPAD / "traject.yaml", site / FIETSPAD / "planning.yaml"
    edit(traject, "portefeuillehouder:", "portefeuilehouder:")
    edit(site / "projecten/dorpsplein-oosterbroek/planning.yaml", "datum: 2026-02-24", "datum: 2026-02-30")
    edit(
        planning,
        "plaats: Café De Dijk, Kerkdijk 14, Kerkdijk\n    werkvorm: informatieavond",
        "werkvorm: informatieavond",
    )
    monkeypatch.chdir(site)
    return site


def run_cli(capsys, *args) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def text_positions(out: str) -> list[tuple[str, int, int, str, str]]:
    found = re.findall(r"^(\S+?):(\d+):(\d+): (fout|waarschuwing): (.*)$", out, re.M)
    return sorted((p, int(r), int(k), e, m) for p, r, k, e, m in found)


# --- GitHub workflow commands ---------------------------------------------------------------

COMMAND = re.compile(r"^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*)(?:,[a-zA-Z]+=[^,:]*)*)::(.*)$")


def unescape(text: str) -> str:
    return re.sub(r"%(25|0D|0A|3A|2C)", lambda m: {"25": "%", "0D": "\r", "0A": "\n", "3A": ":", "2C": ","}[m[1]], text)


def test_github_annotations_follow_the_command_grammar_with_the_text_positions(broken, capsys):
    code, text = run_cli(capsys, "check")
    code_gh, out = run_cli(capsys, "check", "--format", "github")
    assert code == code_gh == 1
    commands = [line for line in out.splitlines() if line.startswith("::")]
    parsed = []
    for line in commands:
        m = COMMAND.match(line)
        assert m, f"not a workflow command: {line!r}"
        props = {k: unescape(v) for k, v in (p.split("=", 1) for p in m[2].split(","))}
        assert set(props) <= {"file", "line", "col", "endLine", "endColumn", "title"}
        message = unescape(m[3])
        parsed.append(
            (
                props["file"],
                int(props["line"]),
                int(props["col"]),
                {"error": "fout", "warning": "waarschuwing"}[m[1]],
                message.split("\n")[0],
            )
        )
        assert "\n" not in m[3] and "\n" in message  # the hint is on a second line of the annotation
    assert len(parsed) == 3 and sorted(parsed) == text_positions(text)
    assert out.splitlines()[-1].endswith("gecontroleerd: 2 fouten, 1 waarschuwing.")


def test_a_comma_or_colon_in_a_path_cannot_break_the_command(broken, capsys):
    from participatie.findings import Ernst, Finding, Pos
    from participatie.report import format_github

    out = format_github([Finding("projecten/a,b:c/traject.yaml", Pos(3, 5), Ernst.FOUT, "100% fout\nregel twee")], 1)
    m = COMMAND.match(out.splitlines()[0])
    assert m and unescape(m[2].split(",")[0].split("=", 1)[1]) == "projecten/a,b:c/traject.yaml"
    assert unescape(m[3]) == "100% fout\nregel twee"


# --- GitLab Code Quality ----------------------------------------------------------------------


def test_gitlab_code_quality_report_has_the_fields_gitlab_reads(broken, capsys):
    _, text = run_cli(capsys, "check")
    code, out = run_cli(capsys, "check", "--format", "gitlab")
    report = json.loads(out)
    assert code == 1 and isinstance(report, list) and len(report) == 3
    for issue in report:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
        assert isinstance(issue["location"]["path"], str) and not issue["location"]["path"].startswith("/")
        assert isinstance(issue["location"]["lines"]["begin"], int)
    got = sorted(
        (
            i["location"]["path"],
            i["location"]["lines"]["begin"],
            "fout" if i["severity"] == "major" else "waarschuwing",
            i["description"].split("\n")[0],
        )
        for i in report
    )
    assert got == [(p, r, e, m) for p, r, _, e, m in text_positions(text)]
    assert len({i["fingerprint"] for i in report}) == 3


def test_fingerprints_are_stable_across_runs_and_line_shifts(broken, capsys):
    first = json.loads(run_cli(capsys, "check", "--format", "gitlab", "--zonder-cache")[1])
    again = json.loads(run_cli(capsys, "check", "--format", "gitlab")[1])
    assert first == again
    traject = broken / FIETSPAD / "traject.yaml"
    traject.write_text("# een regel erbij\n" + traject.read_text(encoding="utf-8"), encoding="utf-8")
    shifted = json.loads(run_cli(capsys, "check", "--format", "gitlab")[1])
    moved = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in shifted}
    before = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in first}
    assert moved.keys() == before.keys()  # the same findings, so a merge request shows nothing new
    assert any(moved[k] == before[k] + 1 for k in before)


def test_a_report_that_cannot_be_written_is_a_dutch_error(broken, capsys):
    assert main(["check", "--format", "sarif", "--rapport", "bestaat/niet/rapport.sarif"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fout: het rapport kan niet naar 'bestaat/niet/rapport.sarif'") and "Traceback" not in err


def test_report_file_and_text_in_the_log(broken, capsys):
    code, out = run_cli(capsys, "check", "--format", "gitlab", "--rapport", "gl-code-quality-report.json")
    assert code == 1 and "fout: onbekend veld 'portefeuilehouder'" in out  # the job log reads as text
    assert len(json.loads((broken / "gl-code-quality-report.json").read_text(encoding="utf-8"))) == 3


# --- SARIF ------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def sarif_schema() -> dict:
    return json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))


def test_sarif_is_valid_against_its_json_schema_with_the_text_positions(broken, capsys, sarif_schema):
    import jsonschema

    _, text = run_cli(capsys, "check")
    code, out = run_cli(capsys, "check", "--format", "sarif")
    log = json.loads(out)
    jsonschema.Draft202012Validator(sarif_schema).validate(log)
    assert code == 1 and log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    got = []
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        loc = result["locations"][0]["physicalLocation"]
        got.append(
            (
                loc["artifactLocation"]["uri"],
                loc["region"]["startLine"],
                loc["region"]["startColumn"],
                {"error": "fout", "warning": "waarschuwing"}[result["level"]],
                result["message"]["text"].split("\n")[0],
            )
        )
        assert re.fullmatch(r"[0-9a-f]{64}", result["partialFingerprints"]["participatie/v1"])
    assert sorted(got) == text_positions(text)


def test_a_clean_site_gives_an_empty_but_valid_sarif_log(site, monkeypatch, capsys, sarif_schema):
    import jsonschema

    monkeypatch.chdir(site)
    code, out = run_cli(capsys, "check", "--format", "sarif")
    jsonschema.Draft202012Validator(sarif_schema).validate(json.loads(out))
    assert code == 0 and json.loads(out)["runs"][0]["results"] == []


def test_a_broken_file_in_sarif_still_has_a_position_or_none_and_stays_valid(site, monkeypatch, capsys, sarif_schema):
    import jsonschema

    (site / FIETSPAD / "kaders.yaml").write_bytes(b"\xff\xfe kapot")
    (site / "projecten" / "losse-map").mkdir()
    monkeypatch.chdir(site)
    _, out = run_cli(capsys, "check", "--format", "sarif")
    jsonschema.Draft202012Validator(sarif_schema).validate(json.loads(out))
    assert len(json.loads(out)["runs"][0]["results"]) >= 2


# --- Pipelines --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """A fresh clone of the example as a gemeente's repository holds it."""
    origin = copy_site(tmp_path_factory.mktemp("origin") / "gemeente")
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@vechtwolde.example"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=origin, check=True)
    subprocess.run([*git, "add", "-A"], cwd=origin, check=True)
    subprocess.run([*git, "commit", "-qm", "Voorbeeld"], cwd=origin, check=True)
    dest = tmp_path_factory.mktemp("kloon") / "gemeente"
    subprocess.run(["git", "clone", "-q", str(origin), str(dest)], check=True)
    return dest


def builtin_schema(name: str) -> dict:
    from importlib import resources

    return json.loads((resources.files("check_jsonschema") / "builtin_schemas" / "vendor" / f"{name}.json").read_text())


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess:
    """A command from a pipeline, run by bash as the CI runner would, with this environment's participatie on PATH."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    summary = cwd.parent / "samenvatting.md"  # what GitHub shows as the run's summary
    return subprocess.run(
        ["bash", "-ec", command],
        cwd=cwd,
        env={**env(), "PATH": path, "GITHUB_STEP_SUMMARY": str(summary)},
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.parametrize(
    "platform, file, schema",
    [("gitlab", ".gitlab-ci.yml", "gitlab-ci"), ("github", ".github/workflows/participatie.yml", "github-workflows")],
)
def test_ci_pipeline_is_valid_and_its_commands_pass_in_a_fresh_clone(platform, file, schema, clone):
    import jsonschema

    made = subprocess.run(
        [sys.executable, "-m", "participatie.cli", "ci", platform],
        cwd=clone,
        env=env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    pipeline = yaml.safe_load((clone / file).read_text(encoding="utf-8"))
    if True in pipeline:  # YAML 1.1 reads GitHub's key 'on' as true; GitHub reads it as 'on'
        pipeline["on"] = pipeline.pop(True)
    jsonschema.validate(pipeline, builtin_schema(schema))
    if platform == "gitlab":
        install = pipeline["default"]["before_script"]
        commands = {job: pipeline[job]["script"] for job in ("controle", "voorbeeld", "pages")}
        assert pipeline["pages"]["artifacts"]["paths"] == ["public/"]
        assert pipeline["controle"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
        assert pipeline["controle"]["artifacts"]["when"] == "always"
    else:
        jobs = pipeline["jobs"]
        install = [s["run"] for s in jobs["bouw"]["steps"] if "pip install" in s.get("run", "")]
        commands = {
            job: [s["run"] for s in jobs[job]["steps"] if "run" in s and "pip install" not in s["run"]]
            for job in ("controle", "bouw")
        }
        assert jobs["publiceer"]["needs"] == "bouw" and pipeline["on"]["push"]["branches"] == ["main"]
        assert "default_branch" in jobs["publiceer"]["if"]  # never published from another branch
        assert not any("cache" in s.get("with", {}) for job in jobs.values() for s in job.get("steps", []))
    assert len(install) == 1 and re.fullmatch(r'pip install --quiet "participatie>=[\d.]+,<\d+"', install[0])
    for job, lines in commands.items():
        for command in lines:
            done = shell(command, clone)
            assert done.returncode == 0, (job, command, done.stdout[-2000:], done.stderr[-2000:])
    target = clone / ("public" if platform == "gitlab" else "site")
    assert (target / "index.html").exists() and (target / "trajecten" / "fietspad-kerkdijk.html").exists()
    if platform == "gitlab":
        assert json.loads((clone / "gl-code-quality-report.json").read_text(encoding="utf-8")) == []
    else:
        summary = (clone.parent / "samenvatting.md").read_text(encoding="utf-8")
        assert summary.startswith("## participatie check") and "0 fouten, 0 waarschuwingen" in summary
    shutil.rmtree(target)


def test_ci_never_overwrites_and_a_gemeente_gets_the_package_version(site, monkeypatch, capsys):
    monkeypatch.chdir(site)
    assert main(["ci", "gitlab"]) == 0
    capsys.readouterr()
    (site / ".gitlab-ci.yml").write_text("# eigen aanpassing\n", encoding="utf-8")
    assert main(["ci", "gitlab"]) == 1
    assert "bestaat al" in capsys.readouterr().err
    assert (site / ".gitlab-ci.yml").read_text(encoding="utf-8") == "# eigen aanpassing\n"
    assert main(["ci", "github", "--toon", "--installatie", "git+https://git.example/participatie.git@v1"]) == 0
    assert "pip install --quiet git+https://git.example/participatie.git@v1" in capsys.readouterr().out
    assert not (site / ".github").exists()
    monkeypatch.chdir(ROOT)  # participatie's own repository installs itself
    assert main(["ci", "github", "--toon"]) == 0 and "pip install --quiet .\n" in capsys.readouterr().out


def test_pre_commit_hook_definition_is_valid_and_its_entry_passes(site):
    from pre_commit.clientlib import load_manifest

    hooks = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    hook = next(h for h in hooks if h["id"] == "participatie-check")
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    assert re.search(hook["files"], "projecten/fietspad-kerkdijk/planning.yaml")
    assert re.search(hook["files"], "initiatieven/bankjes-kerkdijk/initiatief.yaml")
    entry = hook["entry"].split()
    assert shell(" ".join(entry), site).returncode == 0
    edit(site / FIETSPAD / "traject.yaml", "portefeuillehouder:", "portefeuilehouder:")
    failed = shell(" ".join(entry), site)
    assert failed.returncode == 1 and "portefeuilehouder" in failed.stdout


# --- Live preview -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, condition, timeout: float = 60) -> str:
    deadline, last = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if condition(last):
                return last
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} did not change as expected within {timeout} s:\n{last[:3000]}")


def test_mkdocs_serve_shows_findings_in_the_browser_until_fixed(site):
    traject = site / FIETSPAD / "traject.yaml"
    edit(traject, "portefeuillehouder:", "portefeuilehouder:")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=site,
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        page = wait_for(f"{base}/trajecten/fietspad-kerkdijk.html", lambda html: "pt-voorbeeld" in html)
        line = line_of(traject, "portefeuilehouder")
        assert f"{FIETSPAD}/traject.yaml:{line}:1" in page and "onbekend veld" in page and "Wat te doen:" in page
        overview = fetch(f"{base}/participatie-bevindingen.html")
        assert "onbekend veld &#39;portefeuilehouder&#39;" in overview and "fietspad-kerkdijk.html" in overview
        assert "pt-voorbeeld" in fetch(f"{base}/index.html")  # every page says there are findings
        edit(traject, "portefeuilehouder:", "portefeuillehouder:")
        fixed = wait_for(f"{base}/trajecten/fietspad-kerkdijk.html", lambda html: "pt-voorbeeld" not in html)
        assert "Veilig fietspad" in fixed and "onbekend veld" not in fixed
        assert "De controle vond niets" in fetch(f"{base}/participatie-bevindingen.html")
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=30)
    assert "Traceback" not in out, out
    # what the terminal says after each rebuild, once with the plugin's name (MkDocs' plugin logger adds it)
    assert re.search(r"WARNING +- +participatie: 1 fout\(en\), 0 waarschuwing\(en\); zie de pagina", out), out
    assert "participatie: participatie:" not in out, out
    assert re.search(r"INFO +- +participatie: 0 fout\(en\), 0 waarschuwing\(en\)", out), out  # fixed: no warning


@pytest.mark.warnings_expected
def test_a_withheld_trajectory_gets_a_preview_page_saying_why(site):
    from conftest import build

    edit(site / FIETSPAD / "traject.yaml", "samenvatting: >-\n", "samenvatting: >-\n  Mail piet.pietersen@gmail.com.\n")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=site,
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        page = wait_for(
            f"http://127.0.0.1:{port}/trajecten/fietspad-kerkdijk.html", lambda html: "pt-voorbeeld" in html
        )
        assert "e-mailadres" in page and "niet op de gepubliceerde site" in page
        assert "piet.pietersen" not in page  # the finding names what it found, never the address itself
    finally:
        server.terminate()
        server.communicate(timeout=30)
    # Publishing never shows the preview: no banner, no findings page, and the trajectory is left out.
    assert build(site, "uit") == 3
    out = site / "uit"
    assert (
        not (out / "participatie-bevindingen.html").exists()
        and not (out / "trajecten" / "fietspad-kerkdijk.html").exists()
    )
    assert not any("pt-voorbeeld" in p.read_text(encoding="utf-8") for p in out.rglob("*.html"))
