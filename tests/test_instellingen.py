"""The site's settings in mkdocs.yml, read with positions in every form MkDocs accepts."""

from __future__ import annotations

from conftest import check_json, edit, line_of

from participatie.rules.instellingen import read_site_settings


def test_without_mkdocs_yml_the_defaults_apply(tmp_path):
    settings, findings = read_site_settings(tmp_path)
    assert findings == [] and settings.profiel == "dalfsen" and settings.projecten == "projecten"


def test_plugins_written_as_a_mapping(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  search: {}\n  participatie:\n    gemeente: Gemeente X\n    kernen: [A, B]\n",
        encoding="utf-8",
    )
    settings, findings = read_site_settings(tmp_path)
    assert findings == [] and settings.gemeente == "Gemeente X" and settings.kernen == ["A", "B"]
    assert settings.waar("kernen") == "mkdocs.yml:6:13"


def test_a_broken_or_odd_mkdocs_yml_is_a_positioned_error(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins: [\n", encoding="utf-8")
    _, findings = read_site_settings(tmp_path)
    assert [f.code for f in findings] == ["yaml.syntaxis"] and findings[0].pad == "mkdocs.yml"
    (tmp_path / "mkdocs.yml").write_text("- site_name\n", encoding="utf-8")
    _, findings = read_site_settings(tmp_path)
    assert [f.format().split(": fout: ")[0] for f in findings] == ["mkdocs.yml:1:1"]


def test_unknown_option_gets_a_suggestion(site):
    edit(site / "mkdocs.yml", "      gemeente: Gemeente Vechtwolde", "      gemeenten: Gemeente Vechtwolde")
    code, data = check_json(site)
    hit = [f for f in data["bevindingen"] if f["pad"] == "mkdocs.yml"]
    assert code == 1 and [(h["regel"], h["boodschap"]) for h in hit] == [
        (line_of(site / "mkdocs.yml", "gemeenten:"), "onbekend veld 'gemeenten'. Bedoelde u 'gemeente'?")
    ]


def test_a_stopped_trajectory_without_an_adopted_plan_keeps_only_warnings(site):
    path = site / "projecten/woningbouw-nieuwe-marke/traject.yaml"
    edit(path, "status: plan", "status: gestopt\ngestopt: {datum: 2026-11-20, reden: De grond is verkocht.}")
    edit(
        path,
        'capaciteit: "Procesbegeleider 120 uur (betaald door de ontwikkelaar), communicatieadviseur 40 uur."\n',
        "",
    )
    code, data = check_json(site)
    mine = [f for f in data["bevindingen"] if "woningbouw" in f["pad"]]
    assert code == 0 and [(f["code"], f["ernst"]) for f in mine] == [("plan.onderdeel", "waarschuwing")]


# Without pytest fixtures, so that `make mutatie` runs them too (tests/mutatie.py UNIT).


def _read(text: str | None):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        if text is not None:
            (Path(tmp) / "mkdocs.yml").write_text(text, encoding="utf-8")
        settings, findings = read_site_settings(Path(tmp))
        return settings, [f.format().replace(tmp, "") for f in findings]


def test_defaults_without_a_config_without_plugins_and_with_an_empty_plugin():
    for text in (None, "site_name: x\n", "plugins:\n  participatie:\n", "plugins:\n  - search\n  - participatie\n"):
        settings, findings = _read(text)
        assert findings == []
        assert (settings.docs_dir, settings.site_dir, settings.theme_dir, settings.profiel) == (
            "docs",
            "site",
            None,
            "dalfsen",
        )


def test_folders_and_plugin_options_are_read_in_each_form_mkdocs_accepts():
    text = (
        "site_name: x\ndocs_dir: content\nsite_dir: uit\ntheme:\n  name: material\n  custom_dir: theme\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    )
    for plugins in (
        "plugins:\n  - search: {lang: nl}\n  - participatie:\n      gemeente: Gemeente X\n",
        "plugins:\n  search: {}\n  participatie:\n    gemeente: Gemeente X\n",
    ):
        settings, findings = _read(text + plugins)
        assert findings == []
        assert (settings.docs_dir, settings.site_dir, settings.theme_dir) == ("content", "uit", "theme")
        assert settings.gemeente == "Gemeente X"


def test_a_config_that_is_not_a_mapping_or_not_yaml_keeps_the_defaults_and_says_where():
    settings, findings = _read("- site_name\n")
    assert len(findings) == 1 and findings[0].startswith("mkdocs.yml:1:1: fout: ")
    assert settings.docs_dir == "docs"
    settings, findings = _read("site_name: x\nplugins: [\n")
    assert len(findings) == 1 and findings[0].startswith("mkdocs.yml:") and settings.site_dir == "site"
