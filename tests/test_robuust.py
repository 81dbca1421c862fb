"""Careless and hostile files: one Dutch error each, no follow-up noise, the rest of the trajectory still checked."""

from __future__ import annotations

import time

import pytest
from conftest import check, edit, line_of

FOLDER = "projecten/fietspad-kerkdijk"
HOSTILE = {
    "yaml_tag_constructs_object": ("planning.yaml", "momenten: !!python/object/apply:os.system ['echo oeps']\n"),
    "alias_bomb": (
        "kaders.yaml",
        "a: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        ),
    ),
    "moderately_deep_nesting": ("kaders.yaml", "kaders: " + "[" * 60 + "]" * 60 + "\n"),
    "too_big": ("opgave.md", "Lange tekst. " * 60000),
    "multiple_documents": ("kaders.yaml", "kaders: []\n---\nkaders: []\n"),
    "merge_key": ("kaders.yaml", "basis: &b {hard: true}\nkaders:\n  - <<: *b\n    titel: x\n"),
    "only_a_second_bom": ("kaders.yaml", "\ufeff\n"),
    "top_level_list": ("kaders.yaml", "- titel: x\n"),
    "binary": ("planning.yaml", "momenten: []\n\x00\x01"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_file_gets_one_error_and_no_follow_up_noise(site, case):
    name, content = HOSTILE[case]
    (site / FOLDER / name).write_text(content, encoding="utf-8")
    start = time.monotonic()
    result = check(site)
    assert time.monotonic() - start < 30
    mine = [f for f in result.errors if f.pad == f"{FOLDER}/{name}"]
    others = [f for f in result.errors if f.pad != f"{FOLDER}/{name}"]
    assert len(mine) == 1, [f.format() for f in mine]
    assert not others, [f.format() for f in others]


def test_a_shape_error_in_one_file_leaves_the_other_files_checked(site):
    traject, planning = site / FOLDER / "traject.yaml", site / FOLDER / "planning.yaml"
    edit(traject, "thema: Verkeer", "Thema: Verkeer")
    edit(planning, "  - id: inloopavond-kerkdijk\n", "  - id: informatieavond-agrariers\n")
    found = [(f.pad, f.pos.line, f.pos.column, f.boodschap) for f in check(site).findings]
    second = [
        n
        for n, line in enumerate(planning.read_text(encoding="utf-8").split("\n"), 1)
        if line == "  - id: informatieavond-agrariers"
    ][1]
    assert found == [
        (f"{FOLDER}/planning.yaml", second, 9, "de id 'informatieavond-agrariers' wordt al gebruikt (moment 1)."),
        (f"{FOLDER}/traject.yaml", line_of(traject, "Thema:"), 1, "onbekend veld 'Thema'. Bedoelde u 'thema'?"),
    ]


def test_an_unreadable_planning_gives_no_false_findings_elsewhere(site):
    (site / FOLDER / "planning.yaml").write_text("momenten: [\n", encoding="utf-8")
    result = check(site)
    assert [f.code for f in result.errors] == ["yaml.syntaxis"]
