"""YAML to plain data with positions, with YAML 1.1's surprises removed.

`19:30` stays text (not base-60 1170), `NO`/`on`/`off` stay text, and dates stay text
until the model parses them with a position. Files are composed with LibYAML (PyYAML's
C parser) when it is installed and the pure-Python parser otherwise; both give the same
positions and the same Dutch messages. The node tree is converted by hand, so duplicate
keys, tags, merge keys, alias bombs and deep nesting are caught with their position.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

import yaml

from ..findings import FORMAAT, Finding, Gevolg, Pos, regel
from ..messages import translate_yaml_error
from .text import error, read_text

MAX_NODES = 20_000
MAX_DEPTH = 40
# LibYAML composes recursively in C and crashes somewhere past 20,000 levels. Every level
# needs one of these characters, so a file with fewer of them cannot nest that deep.
C_SAFE_INDICATORS = 2_000
INDICATORS = "[{-:?"

LEEG = regel("bestand.leeg", "een leeg bestand", Gevolg.TEGENHOUDEN, bron=FORMAAT)
TAB = regel("bestand.tab", "een tab om in te springen", Gevolg.TEGENHOUDEN, bron=FORMAAT)
STUURTEKEN = regel(
    "bestand.stuurteken", "een onzichtbaar stuurteken dat YAML niet toestaat", Gevolg.TEGENHOUDEN, bron=FORMAAT
)
NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
SYNTAXIS = regel("yaml.syntaxis", "YAML die de parser niet kan lezen", Gevolg.TEGENHOUDEN, bron=FORMAAT)
TE_DIEP = regel("yaml.te-diep", "meer dan 40 niveaus diep genest", Gevolg.TEGENHOUDEN, bron=FORMAAT)
TE_VEEL = regel(
    "yaml.te-veel", "meer dan 20.000 waarden, meestal door ankers en aliassen", Gevolg.TEGENHOUDEN, bron=FORMAAT
)
TAG = regel("yaml.tag", "een YAML-tag zoals !!python/object", Gevolg.TEGENHOUDEN, bron=FORMAAT)
SAMENVOEGEN = regel("yaml.samenvoegen", "'<<' om velden samen te voegen", Gevolg.TEGENHOUDEN, bron=FORMAAT)
SLEUTEL = regel("yaml.sleutel", "een veldnaam die geen gewone tekst is", Gevolg.TEGENHOUDEN, bron=FORMAAT)
DUBBEL = regel("yaml.dubbel-veld", "hetzelfde veld twee keer in één lijst met velden", Gevolg.TEGENHOUDEN, bron=FORMAAT)

Loc = tuple[str | int, ...]  # a path into the data: ("momenten", 2, "datum")
_DROP = ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_KEEP = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("tag:yaml.org,2002:float", r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+0123456789."),
]


L = TypeVar("L", yaml.SafeLoader, yaml.CSafeLoader)
Loader = type[yaml.SafeLoader] | type[yaml.CSafeLoader]


def _plain(base: type[L]) -> type[L]:
    """A loader class on `base` that resolves only YAML 1.2's core scalars."""
    loader = cast("type[L]", type(f"Plain{base.__name__}", (_Resolve, base), {}))
    loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in _DROP]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    for tag, rx, first in _KEEP:
        loader.add_implicit_resolver(tag, re.compile(rx), list(first))
    assert not loader.yaml_path_resolvers, "_Resolve knows no path resolvers"
    anywhere = loader.yaml_implicit_resolvers.get(None, [])
    table = cast("type[_Resolve]", loader)
    table.by_first = {first: tuple(found + anywhere) for first, found in loader.yaml_implicit_resolvers.items()}
    table.anywhere = tuple(anywhere)
    return loader


class _Resolve:
    """PyYAML's `BaseResolver.resolve`, `descend_resolver` and `ascend_resolver` for a loader without path resolvers,
    giving the same tags: the composer calls each for every node (400,000 times in a cold check of 1,000
    trajectories), and PyYAML's own joins two lists at every call."""

    by_first: dict[str | None, tuple[tuple[str, re.Pattern[str]], ...]]
    anywhere: tuple[tuple[str, re.Pattern[str]], ...]

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self.by_first.get(value[:1], self.anywhere):
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node: yaml.Node | None, current_index: object) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


PlainLoader = _plain(yaml.SafeLoader)
CPlainLoader = _plain(yaml.CSafeLoader) if getattr(yaml, "__with_libyaml__", False) else None
_SCALARS: dict[str, Callable[[str], object]] = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": lambda v: v.lower() == "true",
    "tag:yaml.org,2002:null": lambda v: None,
}
_MAP, _SEQ, _STR = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:str"


@dataclass
class Source:
    """One loaded YAML file: its data and where each value and key came from."""

    pad: str
    data: object = None
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)  # (regel, kolom): plain tuples are cheap to make
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    text: str = ""
    scalars: list[tuple[Loc, object, bool]] = field(default_factory=list)  # (loc, key or value, is_key): as written

    def pos(self, loc: Loc, *, key: bool = False) -> Pos:
        """Position of the value (or key) at loc, or of its nearest ancestor."""
        table = self.keys if key else self.values
        loc = tuple(loc)
        while loc:
            if loc in table:
                return Pos(*table[loc])
            if loc in self.values:
                return Pos(*self.values[loc])
            loc = loc[:-1]
        return Pos(*self.values.get((), (1, 1)))

    def sub(self, loc: Loc) -> Source:
        """The part of this source below loc, as a source of its own (for a block inside mkdocs.yml)."""
        n = len(loc)
        data: Any = self.data  # loc is where plugin_options found a mapping, so each step indexes
        for part in loc:
            data = data[part]
        values = {k[n:]: v for k, v in self.values.items() if k[:n] == loc}
        keys = {k[n:]: v for k, v in self.keys.items() if k[:n] == loc and len(k) > n}
        scalars = [(k[n:], v, is_key) for k, v, is_key in self.scalars if k[:n] == loc and len(k) > n]
        return Source(self.pad, data, values, keys, self.text, scalars)


def load_yaml(path: Path, pad: str, fast: bool = True, lenient: bool = False) -> tuple[Source | None, list[Finding]]:
    text, findings = read_text(path, pad)
    return (None, findings) if text is None else parse_yaml(text, pad, fast, lenient)


def _empty(pad: str) -> list[Finding]:
    return [
        error(
            LEEG,
            pad,
            Pos(1, 1),
            "het bestand is leeg.",
            "Vul het bestand in; begin met 'participatie nieuw' voor een ingevuld voorbeeld.",
        )
    ]


def find_tabs(text: str, pad: str) -> list[Finding]:
    """Tabs in indentation are not allowed in YAML; find them all before the parser trips on one."""
    if "\t" not in text:
        return []
    out = []
    for n, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            out.append(
                error(
                    TAB,
                    pad,
                    Pos(n, indent.index("\t") + 1),
                    "een tab gebruikt om in te springen.",
                    "Gebruik spaties om in te springen, geen tabs.",
                )
            )
    return out


def find_control_characters(text: str, pad: str) -> list[Finding]:
    """The first character YAML refuses (as PyYAML's reader does), with its position and its code point."""
    m = NON_PRINTABLE.search(text)
    if not m:
        return []
    line = text.count("\n", 0, m.start()) + 1
    col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
    return [
        error(
            STUURTEKEN,
            pad,
            Pos(line, col),
            f"hier staat een onzichtbaar stuurteken (U+{ord(m.group()):04X}); dat kan in een YAML-bestand niet.",
            "Haal het teken weg; het komt vaak mee bij kopiëren uit een ander programma.",
        )
    ]


def choose_loader(text: str, fast: bool = True) -> Loader:
    if fast and CPlainLoader is not None and sum(text.count(c) for c in INDICATORS) < C_SAFE_INDICATORS:
        return CPlainLoader
    return PlainLoader


def parse_yaml(text: str, pad: str, fast: bool = True, lenient: bool = False) -> tuple[Source | None, list[Finding]]:
    """Text to a Source; `fast=False` forces the pure-Python parser (the tests run both).

    `lenient` reads a file that is not ours (mkdocs.yml): values with tags such as !ENV become None.
    """
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.split("\n")):
        return None, _empty(pad)
    tabs = find_tabs(text, pad) or find_control_characters(text, pad)
    if tabs:
        return None, tabs
    if not text.endswith("\n"):  # LibYAML and PyYAML disagree about where a last line without a newline ends
        text += "\n"
    try:
        node = _compose(text, choose_loader(text, fast))
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(exc, pad)]
    except yaml.YAMLError as exc:
        return None, [error(SYNTAXIS, pad, None, f"de YAML klopt niet ({exc}).", "Controleer het bestand.")]
    except RecursionError:
        return None, [
            error(TE_DIEP, pad, None, "het bestand is te diep genest.", f"Gebruik hooguit {MAX_DEPTH} niveaus.")
        ]
    if node is None:  # only a BOM, directives or '---': nothing to read
        return None, _empty(pad)
    source = Source(pad=pad, text=text)
    converter = _Converter(source, lenient)
    source.data = converter.convert(node, (), 0)
    return source, converter.findings


def _compose(text: str, loader: Loader) -> yaml.Node | None:
    """Compose with the chosen parser; a file LibYAML refuses is read again by PyYAML, whose report staff get.

    Errors are rare, so this costs nothing in practice, and the message and position are the
    same whichever parser is installed.
    """
    try:
        return yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        if loader is PlainLoader:
            raise
    return yaml.compose(text, Loader=PlainLoader)


def _syntax_error(exc: yaml.MarkedYAMLError, pad: str) -> Finding:
    msg, hint, at_context = translate_yaml_error(exc.problem or "", exc.context or "")
    mark = (exc.context_mark if at_context else None) or exc.problem_mark or exc.context_mark
    return error(SYNTAXIS, pad, Pos(mark.line + 1, mark.column + 1) if mark else None, msg, hint)


class _Converter:
    """Turns a node tree into plain data, recording positions and refusing what is unsafe."""

    def __init__(self, source: Source, lenient: bool = False):
        self.source = source
        self.lenient = lenient
        self.findings: list[Finding] = []
        self.budget = MAX_NODES

    def fail(self, code: str, node: yaml.Node, msg: str, hint: str) -> None:
        self.findings.append(error(code, self.source.pad, Pos(*_pos(node)), msg, hint))

    def convert(self, node: yaml.Node, loc: Loc, depth: int) -> object:
        self.budget -= 1
        if self.budget < 0:
            if self.budget == -1:
                self.fail(
                    TE_VEEL,
                    node,
                    "het bestand is te groot of herhaalt te veel (ankers en aliassen).",
                    "Schrijf de gegevens gewoon uit, zonder '&' en '*'.",
                )
            return None
        if depth > MAX_DEPTH:
            self.fail(TE_DIEP, node, "het bestand is te diep genest.", f"Gebruik hooguit {MAX_DEPTH} niveaus.")
            self.budget = -2
            return None
        mark = node.start_mark  # `_pos(node)` written out: a call for every node was 2.5% of reading the files
        self.source.values[loc] = mark.line + 1, mark.column + 1
        tag = node.tag
        if isinstance(node, yaml.ScalarNode) and tag in _SCALARS:
            try:
                value = _SCALARS[tag](node.value)
            except ValueError:  # an explicit tag such as !!int on text
                pass
            else:
                if value is not None:
                    self.source.scalars.append((loc, value, False))
                return value
        elif isinstance(node, yaml.MappingNode) and tag == _MAP:
            return self.convert_mapping(node, loc, depth)
        elif isinstance(node, yaml.SequenceNode) and tag == _SEQ:
            return [self.convert(item, loc + (i,), depth + 1) for i, item in enumerate(node.value)]
        if not self.lenient:
            self.fail(
                TAG,
                node,
                f"de YAML-tag '{tag.replace('tag:yaml.org,2002:', '!!')}' is niet toegestaan.",
                "Haal de tag (het woord met '!' ervoor) weg en schrijf gewone tekst.",
            )
        return None

    def convert_mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict[str, object]:
        out: dict[str, object] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.fail(SAMENVOEGEN, key_node, "'<<' (samenvoegen) is niet toegestaan.", "Schrijf de velden uit.")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(SLEUTEL, key_node, "een veldnaam moet gewone tekst zijn.", "Schrijf 'naam: waarde'.")
                continue
            key = str(key_node.value)
            if key in out:
                first = self.source.keys[loc + (key,)]
                self.fail(
                    DUBBEL,
                    key_node,
                    f"het veld '{key}' staat twee keer in dezelfde lijst (eerst op regel {first[0]}).",
                    "Haal een van de twee weg of voeg ze samen.",
                )
                continue
            here = loc + (key,)
            self.source.keys[here] = _pos(key_node)
            self.source.scalars.append((here, key, True))
            out[key] = self.convert(value_node, here, depth + 1)
        return out


def _pos(node: yaml.Node) -> tuple[int, int]:
    mark = node.start_mark
    return mark.line + 1, mark.column + 1
