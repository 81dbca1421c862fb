"""Careless and hostile files: each gets one Dutch pad:regel:kolom error, no traceback, no hang."""

from __future__ import annotations

import os
import time

import pytest

from conftest import assert_no_traceback, participatie

FOLDER = "projecten/fietspad-kerkdijk"


def check(site):
    start = time.monotonic()
    result = participatie("check", cwd=site)
    assert time.monotonic() - start < 60
    assert_no_traceback(result)
    return result


def errors_for(result, pad):
    return [ln for ln in result.stdout.splitlines() if ln.startswith(pad) and ": fout: " in ln]


CASES = {
    "yaml_tag_constructs_object": ("planning.yaml", "momenten: !!python/object/apply:os.system ['echo oeps']\n",
                                   "planning.yaml:1:11: fout: de YAML-tag '!!python/object/apply:os.system' is niet toegestaan."),
    "alias_bomb": ("kaders.yaml", "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi")),
                   "kaders.yaml:1:4: fout: het bestand is te groot of herhaalt te veel (ankers en aliassen)."),
    "deep_nesting": ("kaders.yaml", "kaders: " + "[" * 5000 + "]" * 5000 + "\n", "kaders.yaml: fout: het bestand is te diep genest."),
    "moderately_deep_nesting": ("kaders.yaml", "kaders: " + "[" * 60 + "]" * 60 + "\n", "kaders.yaml:1:"),
    "too_big": ("opgave.md", "Lange tekst. " * 60000, "opgave.md: fout: het bestand is te groot"),
    "multiple_documents": ("kaders.yaml", "kaders: []\n---\nkaders: []\n",
                           "kaders.yaml:2:1: fout: het bestand bevat meer dan één YAML-document ('---')."),
    "merge_key": ("kaders.yaml", "basis: &b {hard: true}\nkaders:\n  - <<: *b\n    titel: x\n", "kaders.yaml:3:5: fout: '<<' (samenvoegen)"),
    "only_a_second_bom": ("kaders.yaml", "\ufeff\n", "kaders.yaml:1:1: fout: het bestand is leeg."),
    "top_level_list": ("kaders.yaml", "- titel: x\n", "kaders.yaml:1:1: fout: het bestand moet bestaan uit velden"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_file(site, case):
    name, content, expected = CASES[case]
    (site / FOLDER / name).write_text(content, encoding="utf-8")
    result = check(site)
    assert result.returncode == 1
    assert any(ln.startswith(f"{FOLDER}/{expected}") for ln in result.stdout.splitlines()), result.stdout
    assert len(errors_for(result, f"{FOLDER}/{name}")) == 1, result.stdout  # one error, no follow-up noise


def test_symlink_outside_the_site(site, tmp_path):
    secret = tmp_path / "geheim.yaml"
    secret.write_text("kaders: []\n", encoding="utf-8")
    (site / FOLDER / "kaders.yaml").unlink()
    (site / FOLDER / "kaders.yaml").symlink_to(secret)
    outside = tmp_path / "elders"
    outside.mkdir()
    (site / "projecten" / "elders").symlink_to(outside)
    result = check(site)
    assert result.returncode == 1
    assert f"{FOLDER}/kaders.yaml: fout: dit is een snelkoppeling (symlink); die lezen we niet." in result.stdout
    assert "projecten/elders: fout: deze map is een snelkoppeling naar een plek buiten de site." in result.stdout


def test_folder_where_a_file_is_expected(site):
    (site / FOLDER / "kaders.yaml").unlink()
    (site / FOLDER / "kaders.yaml").mkdir()
    result = check(site)
    assert f"{FOLDER}/kaders.yaml: fout: hier staat een map, maar er hoort een bestand te staan." in result.stdout


def test_fifo_does_not_hang(site):
    (site / FOLDER / "kaders.yaml").unlink()
    os.mkfifo(site / FOLDER / "kaders.yaml")
    result = check(site)
    assert f"{FOLDER}/kaders.yaml: fout: dit is geen gewoon bestand." in result.stdout


def test_unreadable_file(tmp_path, monkeypatch):
    """Root reads every file, so the OS error is raised on purpose here."""
    from pathlib import Path

    from participatie.load import read_text
    path = tmp_path / "kaders.yaml"
    path.write_text("kaders: []\n", encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Toegang geweigerd")
    monkeypatch.setattr(Path, "read_bytes", refuse)
    text, findings = read_text(path, "projecten/x/kaders.yaml")
    assert text is None
    assert findings[0].format().startswith("projecten/x/kaders.yaml: fout: het bestand kan niet worden gelezen (Toegang geweigerd).")


def test_missing_traject_yaml(site):
    (site / FOLDER / "traject.yaml").unlink()
    result = check(site)
    assert f"{FOLDER}/traject.yaml: fout: traject.yaml ontbreekt." in result.stdout


def test_unknown_file_is_a_warning_with_suggestion(site):
    (site / FOLDER / "planing.yaml").write_text("momenten: []\n", encoding="utf-8")
    result = check(site)
    assert (f"{FOLDER}/planing.yaml: waarschuwing: onbekend bestand 'planing.yaml'; het wordt niet gebruikt. "
            "Bedoelde u 'planning.yaml'?") in result.stdout


def test_javascript_link_is_refused(site):
    path = site / FOLDER / "planning.yaml"
    text = path.read_text(encoding="utf-8").replace("link: https://www.vechtwolde.example/fietspad/enquete",
                                                     "link: javascript:alert(1)")
    path.write_text(text, encoding="utf-8")
    result = check(site)
    assert result.returncode == 1 and "fout: 'javascript:alert(1)' is geen webadres." in result.stdout
