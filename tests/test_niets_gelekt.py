"""Nothing lost, nothing leaked: the cases a hostile review found (issue 21), each with its exact input.

Output folders that are sources are refused; two builds at once each leave a complete site;
personal data hidden anywhere, in any disguise, reaches no built file and no finding; settings
are checked like data; no command prints a traceback or MkDocs' or argparse's English.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, assert_no_traceback, build, check, edit, env, participatie, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FIXTURES = ROOT / "tests" / "fixtures"


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# --- Output folders are safe --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target", ["projecten", "content", "mkdocs.yml", ".", "..", "projecten/site", "theme", ".git", "initiatieven"]
)
def test_a_source_folder_is_never_an_output_folder(site, target):
    (site / ".git").mkdir()
    before = snapshot(site)
    result = participatie("bouw", "--map", target, cwd=site)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("fout: ") and "Er is niets veranderd." in result.stderr
    assert snapshot(site) == before


def test_a_folder_participatie_did_not_make_is_not_replaced(site):
    (site / "foto's").mkdir()
    (site / "foto's" / "plein.jpg").write_bytes(b"\xff\xd8")
    result = participatie("bouw", "--map", "foto's", cwd=site)
    assert result.returncode == 2 and "is niet door participatie gemaakt" in result.stderr
    assert (site / "foto's" / "plein.jpg").read_bytes() == b"\xff\xd8"
    assert build(site, "nieuw") == 0 and build(site, "nieuw") == 0  # a folder it made it replaces, again and again


def test_site_dir_is_honoured_and_checked_by_bouw_and_by_mkdocs(site):
    edit(site / "mkdocs.yml", "docs_dir: content", "docs_dir: content\nsite_dir: publiek")
    assert participatie("bouw", cwd=site).returncode == 0
    assert (site / "publiek" / "index.html").exists() and not (site / "site").exists()
    edit(site / "mkdocs.yml", "site_dir: publiek", "site_dir: projecten")
    before = snapshot(site / "projecten")
    for result in (participatie("bouw", cwd=site), run([sys.executable, "-m", "mkdocs", "build"], site)):
        assert result.returncode in (1, 2) and "'projecten' is een bronmap" in result.stdout + result.stderr
        assert snapshot(site / "projecten") == before


# --- One build at a time -------------------------------------------------------------------------------------------


def test_two_builds_at_once_each_leave_a_complete_site(site, tmp_path):
    reference = copy_of(site, tmp_path / "referentie")
    assert build(reference) == 0
    expected = sorted(snapshot(reference / "site"))
    first = subprocess.Popen(
        [sys.executable, "-m", "participatie.cli", "bouw"],
        cwd=site,
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not list(site.glob(".site.nieuw-*")) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert first.poll() is None, "the first build must still be running when the second starts"
    second = subprocess.Popen(
        [sys.executable, "-m", "participatie.cli", "bouw"],
        cwd=site,
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert sorted(snapshot(site / "site")) == expected  # exit 0: the complete site is in place
    out, err = second.communicate(timeout=300)
    assert second.returncode == 0, err
    assert "Er loopt al een bouw van site/; deze bouw wacht tot die klaar is." in err
    assert sorted(snapshot(site / "site")) == expected


def copy_of(site: Path, dest: Path) -> Path:
    shutil.copytree(site, dest, ignore=shutil.ignore_patterns("site", ".site*", ".participatie-cache"))
    return dest


# --- Settings are checked like data --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "setting,value,message",
    [
        (
            "site_name: Meedoen in Vechtwolde",
            'site_name: "Meedoen</title><script>alert(1)</script>"',
            "'site_name' bevat",
        ),
        ("      gemeente:", "      loket: 'javascript:alert(1)'\n      gemeente:", "'loket' is geen webadres"),
        ("contact: opendata@vechtwolde.example", "contact: 'javascript:alert(1)'", "'contact' bij 'open_data' is geen"),
    ],
)
def test_unsafe_settings_stop_the_build_with_their_position(site, setting, value, message):
    edit(site / "mkdocs.yml", setting, value)
    result = participatie("bouw", cwd=site)
    assert result.returncode == 1 and message in result.stderr and not (site / "site").exists()
    line = next(
        n
        for n, text in enumerate((site / "mkdocs.yml").read_text(encoding="utf-8").split("\n"), 1)
        if value.split("\n")[-1].strip()[:12] in text or value.strip()[:12] in text
    )
    assert f"mkdocs.yml:{line}:" in result.stderr


# --- No traceback, no English ------------------------------------------------------------------------------------

ENGLISH = (
    "usage:",
    "error:",
    "unrecognized arguments",
    "show this help message",
    "Cleaning site directory",
    "Documentation built in",
    "The following pages exist in the docs directory",
    "Aborted with",
    "No such file or directory",
    "Permission denied",
    "File name too long",
    "Is a directory",
    "Not a directory",
    "INFO",
    "WARNING",
    "Traceback",
    "positional arguments",
    "options:",
    "invalid choice",
)


def no_english(result: subprocess.CompletedProcess) -> None:
    assert_no_traceback(result)
    text = result.stdout + result.stderr
    assert not [p for p in ENGLISH if p in text], text


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["check", "--help"],
        ["bouw", "--help"],
        ["nieuw", "--help"],
        ["check", "--onbekend"],
        ["bouw", "--bouwer", "ander"],
        ["ci", "svn"],
        ["nieuw", "x" * 300],
        ["nieuw", "Met Spaties"],
        ["schema", "mkdocs.yml"],
        ["check", "--rapport", "/bestaat/niet/rapport.json"],
        ["profiel", "bestaat-niet"],
        ["toegankelijkheid", "--map", "leeg"],
        ["bouw", "--map", "projecten"],
        ["check", "bestaat-niet"],
    ],
)
def test_every_command_with_bad_arguments_answers_in_dutch(site, args):
    result = participatie(*args, cwd=site)
    no_english(result)
    assert result.returncode in (0, 1, 2)
    if args and args[-1] != "--help":
        assert "fout" in result.stdout + result.stderr


def test_bad_inputs_give_dutch_messages_and_exit_codes(site):
    (site / "initiatieven.bak").mkdir()
    shutil.move(str(site / "initiatieven"), str(site / "initiatieven.bak" / "x"))
    (site / "initiatieven").write_text("geen map\n", encoding="utf-8")
    result = participatie("nieuw", "--initiatief", "moestuin", cwd=site)
    no_english(result)
    assert result.returncode == 1 and "'initiatieven' is een bestand, geen map" in result.stderr
    (site / "initiatieven").unlink()
    long = site / "projecten" / ("a" * 252)
    shutil.copytree(site / "projecten" / "fietspad-kerkdijk", long)
    result = participatie("bouw", cwd=site)
    no_english(result)
    assert result.returncode == 3 and "de mapnaam is te lang (252 tekens; hooguit 80)" in result.stderr
    assert (site / "site" / "trajecten" / "dorpsplein-oosterbroek.html").exists()


def test_mkdocs_config_errors_and_strict_warnings_are_said_in_dutch(site):
    edit(site / "mkdocs.yml", "site_url:", "theme_onbekend: 1\nsite_url:")
    edit(site / "mkdocs.yml", "  name: material", "  name: bestaat-niet")
    result = participatie("bouw", cwd=site)
    no_english(result)
    assert result.returncode == 1 and "mkdocs.yml: de instelling 'theme' klopt niet" in result.stderr
    edit(site / "mkdocs.yml", "  name: bestaat-niet", "  name: material")
    result = participatie("bouw", "--strikt", cwd=site)
    no_english(result)
    assert result.returncode == 1 and "mkdocs.yml: de instelling 'theme_onbekend' klopt niet" in result.stderr
    edit(site / "mkdocs.yml", "theme_onbekend: 1\n", "")
    (site / "content" / "over.md").write_text("[kapot](bestaat-niet.md)\n", encoding="utf-8")
    result = participatie("bouw", "--strikt", cwd=site)
    no_english(result)
    assert (
        result.returncode == 1
        and "'over.md' linkt naar 'bestaat-niet.md', maar dat bestand is er niet." in result.stderr
    )
    assert "de bouw is gestopt: --strikt staat aan" in result.stderr


def test_a_clean_build_says_where_the_site_is_in_dutch(site):
    result = participatie("bouw", cwd=site)
    no_english(result)
    assert result.returncode == 0 and "De site staat in site/" in result.stdout


# --- Personal data, hidden anywhere, in any disguise, reaches no built file ------------------------------------


def _bsn(digits: list[int]) -> str:
    total = sum((9 - i) * d for i, d in enumerate(digits))
    last = total % 11
    return "".join(map(str, digits)) + str(last) if last < 10 else ""


PHONES = st.builds(
    lambda n, style: style.format(n=n, a=n[:2], b=n[2:4], c=n[4:6], d=n[6:]),
    st.text("0123456789", min_size=8, max_size=8).filter(lambda n: len(set(n)) > 3),
    st.sampled_from(
        ["06-{n}", "06 {n}", "06{n}", "+31 6 {n}", "+31 (0)6 {a} {b} {c} {d}", "0031 6 {n}", "06 {a} {b} {c} {d}"]
    ),
)
EMAILS = st.builds(
    lambda name, host: f"{name}@{host}",
    st.from_regex(r"[a-z]{2,8}(\.[a-z]{2,8})?", fullmatch=True),
    st.sampled_from(["gmail.com", "hotmail.nl", "ziggo.nl", "kpnmail.nl", "outlook.com"]),
)
IBANS = st.sampled_from(
    [
        "NL91ABNA0417164300",
        "NL20INGB0001234567",
        "DE89370400440532013000",
        "BE71096123456769",
        "FR1420041010050500013M02606",
        "GB29NWBK60161331926819",
    ]
)
BSNS = st.lists(st.integers(0, 9), min_size=8, max_size=8).map(_bsn).filter(lambda b: b and b[0] != "0")
POSTCODES = st.builds(
    lambda d, letters, n: f"{d} {letters} {n}",
    st.integers(1000, 9999),
    st.sampled_from(["AB", "KL", "RT", "XZ"]),
    st.integers(1, 199),
)
ITEMS = st.one_of(PHONES, EMAILS, IBANS, BSNS, POSTCODES)

ZW, FULL = "\u200b", {ord(str(d)): chr(0xFF10 + d) for d in range(10)}


def disguise(item: str, how: str) -> str:
    if how == "regel":  # a line break in the middle
        middle = len(item) // 2
        return item[:middle] + "\n" + item[middle:]
    if how == "entiteit":
        return item.replace("@", "&#64;") if "@" in item else item[:-1] + f"&#{ord(item[-1])};"
    if how == "streepje":
        return item.replace("-", "\u2013").replace(" ", "\u2011", 1)
    if how == "breed":
        return item.translate(FULL).replace("@", "\uff20")
    if how == "nulbreedte":
        return ZW.join(item)
    return item


def needles(item: str) -> list[bytes]:
    digits = "".join(c for c in item if c.isdigit())
    out = {item.encode(), item.replace(" ", "").encode()}
    if len(digits) >= 8 and "@" not in item:
        out.add(digits[-8:].encode())
    if "@" in item:
        out.add(item.split("@")[0].encode() + b"@")
    return sorted(out)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    """The fixtures' small site with two trajectories: one to hide data in, one that must stay published."""
    site = tmp_path_factory.mktemp("klein") / "site"
    shutil.copytree(FIXTURES / "_basis", site)
    shutil.copytree(site / "projecten" / "basis", site / "projecten" / "ander")
    return site


@pytest.mark.warnings_expected
@settings(
    max_examples=int(os.environ.get("LEK_VOORBEELDEN", 30)),
    deadline=None,
    derandomize=not os.environ.get("LEK_VOORBEELDEN"),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    item=ITEMS,
    how=st.sampled_from(["gewoon", "regel", "entiteit", "streepje", "breed", "nulbreedte"]),
    where=st.sampled_from(["waarde", "sleutel", "markdown", "inbreng"]),
)
def test_hidden_personal_data_reaches_no_built_file_and_no_finding(tiny, tmp_path_factory, item, how, where):
    site = tmp_path_factory.mktemp("lek") / "site"
    shutil.copytree(tiny, site)
    folder = site / "projecten" / "basis"
    hidden = disguise(item, how)
    if where == "markdown":
        (folder / "opgave.md").write_text(f"De speeltuin is oud. Vraag: {hidden} wil meedenken.\n", encoding="utf-8")
    elif where == "inbreng":
        data = yaml.safe_load((folder / "terugkoppeling.yaml").read_text(encoding="utf-8"))
        data["inbreng"][0]["samenvatting"] = f"Een bewoner ({hidden}) wil een schommel."
        (folder / "terugkoppeling.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    else:
        data = yaml.safe_load((folder / "traject.yaml").read_text(encoding="utf-8"))
        if where == "waarde":
            data["samenvatting"] = f"Bel of mail {hidden} voor de sleutel."
        else:
            data["stap1"][f"bel {hidden}"] = {"antwoord": "ja"}
        (folder / "traject.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    result = check(site)
    assert [t.map for t in result.withheld] == ["projecten/basis"], (item, how, where)
    messages = "\n".join(f.format() + f.publiek for f in result.findings).encode()
    for needle in needles(item):
        assert needle not in messages, (needle, item)
    assert build(site) == 3
    out = site / "site"
    assert (out / "trajecten" / "ander.html").exists() and not (out / "trajecten" / "basis.html").exists()
    for path in out.rglob("*"):  # every text file the build wrote (the theme's fonts and bundles are not text)
        if path.is_file() and path.suffix in (".html", ".xml", ".ics", ".csv", ".json", ".jsonld", ".svg", ".txt"):
            data = path.read_bytes()
            for needle in needles(item):
                assert needle not in data, (needle, item, path)
