"""The YAML loader: LibYAML and the pure-Python parser give the same data, positions and Dutch messages."""

from __future__ import annotations

import pytest

from participatie.load import yaml as loader
from participatie.load.yaml import parse_yaml

BOTH = pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "python"])
BROKEN = {
    "dubbele punt": "titel: Let op: nieuw\n",
    "lijst niet dicht": "kernen: [Dorp, Kerkdijk\nthema: x\n",
    "blok niet dicht": "contact: {team: x\n",
    "aanhalingsteken niet dicht": "titel: 'Plein\nthema: x\n",
    "inspringing lijst": "kernen:\n  - Dorp\n  thema: x\n",
    "lijst minder ver": "kernen:\n  - Dorp\n - Kerkdijk\n",
    "inspringing velden": "contact:\n    team: x\n  email: y\n",
    "backslash": 'titel: "Plein \\q"\n',
    "twee documenten": "titel: a\n---\ntitel: b\n",
    "alias bestaat niet": "titel: *x\n",
    "verkeerd teken": "titel: @plein\n",
    "anker twee keer": "a: &x 1\nb: &x 2\n",
    "waarde na lijst": "kernen:\n  - Dorp\n  x\n",
}


@pytest.mark.skipif(loader.CPlainLoader is None, reason="LibYAML is not installed")
@pytest.mark.parametrize("case", sorted(BROKEN))
def test_both_parsers_say_the_same(case):
    text = BROKEN[case]
    fast, slow = parse_yaml(text, "x.yaml", fast=True)[1], parse_yaml(text, "x.yaml", fast=False)[1]
    assert [f.format() for f in fast] == [f.format() for f in slow]
    assert fast and all(f.code == "yaml.syntaxis" and f.pos for f in fast)
    assert "de YAML klopt hier niet" not in fast[0].boodschap, fast[0].boodschap  # every case has Dutch words


def test_libyaml_is_used_when_installed():
    assert loader.CPlainLoader is not None
    assert loader.choose_loader("titel: x\n") is loader.CPlainLoader
    assert loader.choose_loader("a: " + "[" * 3000 + "]" * 3000) is loader.PlainLoader  # deep: the safe parser


SCALARS = [
    "",
    "~",
    "null",
    "Null",
    "NULL",
    "true",
    "False",
    "yes",
    "NO",
    "on",
    "12",
    "-3",
    "+4",
    "1.5",
    ".5",
    "1e3",
    "1.0e+3",
    "0x1A",
    "0o17",
    "1_000",
    ".inf",
    "<<",
    "=",
    "2026-02-30",
    "19:30",
    "tekst",
    "12 juni",
    "-",
    ".",
]


@pytest.mark.parametrize(
    "plain",
    [
        pytest.param(loader.PlainLoader, id="python"),
        pytest.param(
            loader.CPlainLoader,
            id="libyaml",
            marks=pytest.mark.skipif(loader.CPlainLoader is None, reason="LibYAML is not installed"),
        ),
    ],
)
def test_the_resolver_gives_the_tags_pyyaml_gives(plain):
    """The loaders resolve tags with their own `resolve` (PyYAML's joined two lists at each of 400,000 calls in a
    cold check): for every kind of node, plain or quoted, the tag PyYAML's own `resolve` gives with the same table."""
    import yaml

    instance = plain("")
    for kind in (yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode):
        for value in SCALARS if kind is yaml.ScalarNode else [None]:
            for implicit in ((True, False), (False, True), (False, False)):
                assert plain.resolve(instance, kind, value, implicit) == yaml.resolver.BaseResolver.resolve(
                    instance, kind, value, implicit
                ), (kind, value, implicit)


@BOTH
def test_yaml_11_traps_stay_text(fast):
    source, findings = parse_yaml(
        "tijd: 19:30\nantwoord: NO\nok: on\ndatum: 2026-02-30\nwaar: true\ngetal: 12\n", "x", fast
    )
    assert not findings
    assert source.data == {
        "tijd": "19:30",
        "antwoord": "NO",
        "ok": "on",
        "datum": "2026-02-30",
        "waar": True,
        "getal": 12,
    }


@BOTH
def test_positions_of_keys_and_values(fast):
    source, _ = parse_yaml("momenten:\n  - id: a\n    datum: 2026-03-01\n", "x", fast)
    assert (source.pos(("momenten", 0, "datum")).line, source.pos(("momenten", 0, "datum")).column) == (3, 12)
    assert source.pos(("momenten", 0, "datum"), key=True).column == 5


@pytest.mark.parametrize("depth,fast", [(45, True), (45, False), (3_000, False), (60_000, True)])
def test_deep_nesting_is_refused_without_crashing(fast, depth):
    """LibYAML composes recursively in C and crashes past ~20,000 levels; such files go to the safe parser."""
    source, findings = parse_yaml("kaders: " + "[" * depth + "]" * depth + "\n", "x", fast)
    assert source is None or not source.data or findings
    assert [f.code for f in findings] == ["yaml.te-diep"]


def test_deep_block_nesting():
    _, findings = parse_yaml("kaders:\n" + "- " * 60_000 + "x\n", "x", fast=True)
    assert [f.code for f in findings] == ["yaml.te-diep"]


@BOTH
def test_explicit_tags_on_text_are_refused(fast):
    _, findings = parse_yaml('a: !!int "abc"\nb: !!map "x"\nc: !!str [1]\n', "x", fast)
    assert [f.code for f in findings] == ["yaml.tag"] * 3


@BOTH
def test_a_second_bom_alone_is_an_empty_file(fast):
    assert [f.code for f in parse_yaml("\ufeff\n", "x", fast)[1]] == ["bestand.leeg"]
