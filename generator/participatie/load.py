"""Load stage: source bytes to plain data with positions, every problem a Finding.

YAML is composed to a node tree with a SafeLoader whose YAML 1.1 surprises are
removed (19:30 is text, NO is text, dates are parsed later with positions), then
converted by hand so duplicate keys, tags, alias bombs and depth are caught.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .findings import Ernst, Finding, Pos
from .yamlmessages import translate_yaml_error

MAX_BYTES = 512 * 1024
MAX_NODES = 20_000
MAX_DEPTH = 40
UTF8_BOM = b"\xef\xbb\xbf"

Loc = tuple  # a path into the data: ("momenten", 2, "datum")


class PlainLoader(yaml.SafeLoader):
    """SafeLoader without YAML 1.1 booleans (yes/no/on/off), base-60 numbers and timestamps."""


PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool",
                           "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _tag, _rx, _first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("tag:yaml.org,2002:float", r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+0123456789."),
]:
    PlainLoader.add_implicit_resolver(_tag, re.compile(_rx), list(_first))

ALLOWED_TAGS = {"tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}


@dataclass
class Source:
    """One loaded file: its data and where each value and key came from."""

    pad: str
    data: object = None
    values: dict[Loc, Pos] = field(default_factory=dict)
    keys: dict[Loc, Pos] = field(default_factory=dict)
    text: str = ""

    def pos(self, loc: Loc, *, key: bool = False) -> Pos | None:
        """Position of the value (or key) at loc, or of its nearest ancestor."""
        table = self.keys if key else self.values
        loc = tuple(loc)
        while loc:
            if loc in table:
                return table[loc]
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), Pos(1, 1))


def _error(pad: str, pos: Pos | None, msg: str, hint: str = "") -> Finding:
    return Finding(pad, pos, Ernst.FOUT, msg, hint, code="bestand")


def read_text(path: Path, pad: str) -> tuple[str | None, list[Finding]]:
    """Read a source file as UTF-8 text (BOM and CRLF allowed); refuse anything else calmly."""
    if path.is_symlink():
        return None, [_error(pad, None, "dit is een snelkoppeling (symlink); die lezen we niet.",
                             "Zet het bestand zelf in de map van het traject.")]
    if path.is_dir():
        return None, [_error(pad, None, "hier staat een map, maar er hoort een bestand te staan.",
                             "Verwijder of hernoem de map.")]
    if not path.is_file():
        return None, [_error(pad, None, "dit is geen gewoon bestand.", "Zet hier een gewoon tekstbestand neer.")]
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [_error(pad, None, f"het bestand is te groot ({size // 1024} kB; maximaal {MAX_BYTES // 1024} kB).",
                                 "Splits lange teksten of zet bijlagen elders.")]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [_error(pad, None, f"het bestand kan niet worden gelezen ({exc.strerror or exc}).",
                             "Controleer of het bestand bestaat en leesbaar is.")]
    return decode(raw, pad)


def decode(raw: bytes, pad: str) -> tuple[str | None, list[Finding]]:
    if raw.startswith(UTF8_BOM):
        raw = raw[len(UTF8_BOM):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[:exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [_error(pad, Pos(line, col), "het bestand is niet opgeslagen als UTF-8.",
                             "Sla het bestand op met codering 'UTF-8' (in Kladblok: Opslaan als > Codering: UTF-8).")]
    if "\x00" in text:
        return None, [_error(pad, None, "het bestand bevat binaire gegevens.", "Gebruik een tekstbestand.")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def find_tabs(text: str, pad: str) -> list[Finding]:
    """Tabs in indentation are not allowed in YAML; find them all before the parser trips on one."""
    out = []
    for n, line in enumerate(text.split("\n"), start=1):
        indent = line[:len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            out.append(_error(pad, Pos(n, indent.index("\t") + 1), "een tab gebruikt om in te springen.",
                              "Gebruik spaties om in te springen, geen tabs."))
    return out


def load_yaml(path: Path, pad: str) -> tuple[Source | None, list[Finding]]:
    text, findings = read_text(path, pad)
    if text is None:
        return None, findings
    return parse_yaml(text, pad)


def parse_yaml(text: str, pad: str) -> tuple[Source | None, list[Finding]]:
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.split("\n")):
        return None, [_error(pad, Pos(1, 1), "het bestand is leeg.",
                             "Vul het bestand in; begin met 'participatie nieuw' voor een ingevuld voorbeeld.")]
    tabs = find_tabs(text, pad)
    if tabs:
        return None, tabs
    try:
        node = yaml.compose(text, Loader=PlainLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = Pos(mark.line + 1, mark.column + 1) if mark else None
        msg, hint = translate_yaml_error(exc.problem or "", exc.context or "")
        return None, [_error(pad, pos, msg, hint)]
    except yaml.YAMLError as exc:
        return None, [_error(pad, None, f"de YAML klopt niet ({exc}).", "Controleer het bestand.")]
    except RecursionError:
        return None, [_error(pad, None, "het bestand is te diep genest.", f"Gebruik hooguit {MAX_DEPTH} niveaus.")]
    if node is None:  # only a BOM, directives or '---': nothing to read
        return None, [_error(pad, Pos(1, 1), "het bestand is leeg.",
                             "Vul het bestand in; begin met 'participatie nieuw' voor een ingevuld voorbeeld.")]
    source = Source(pad=pad, text=text)
    converter = _Converter(source)
    source.data = converter.convert(node, (), 0)
    return source, converter.findings


class _Converter:
    """Turns a node tree into plain data, recording positions and refusing what is unsafe."""

    def __init__(self, source: Source):
        self.source = source
        self.findings: list[Finding] = []
        self.budget = MAX_NODES
        self.constructor = PlainLoader("")

    def fail(self, node: yaml.Node, msg: str, hint: str) -> None:
        self.findings.append(_error(self.source.pad, _pos(node), msg, hint))

    def convert(self, node: yaml.Node, loc: Loc, depth: int):
        self.budget -= 1
        if self.budget < 0:
            if self.budget == -1:
                self.fail(node, "het bestand is te groot of herhaalt te veel (ankers en aliassen).",
                          "Schrijf de gegevens gewoon uit, zonder '&' en '*'.")
            return None
        if depth > MAX_DEPTH:
            self.fail(node, "het bestand is te diep genest.", f"Gebruik hooguit {MAX_DEPTH} niveaus.")
            self.budget = -2
            return None
        self.source.values[loc] = _pos(node)
        if node.tag not in ALLOWED_TAGS:
            self.fail(node, f"de YAML-tag '{node.tag.replace('tag:yaml.org,2002:', '!!')}' is niet toegestaan.",
                      "Haal de tag (het woord met '!' ervoor) weg en schrijf gewone tekst.")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.convert_mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, loc + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self.constructor.construct_object(node, deep=False)

    def convert_mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict:
        out: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.fail(key_node, "'<<' (samenvoegen) is niet toegestaan.", "Schrijf de velden uit.")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_node, "een veldnaam moet gewone tekst zijn.", "Schrijf 'naam: waarde'.")
                continue
            key = str(key_node.value)
            if key in out:
                first = self.source.keys[loc + (key,)]
                self.fail(key_node, f"het veld '{key}' staat twee keer in dezelfde lijst (eerst op regel {first.regel}).",
                          "Haal een van de twee weg of voeg ze samen.")
                continue
            self.source.keys[loc + (key,)] = _pos(key_node)
            out[key] = self.convert(value_node, loc + (key,), depth + 1)
        return out


def _pos(node: yaml.Node) -> Pos:
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


@dataclass
class MarkdownSource:
    """A Markdown file split into its level-2 sections, each with the line it starts on."""

    pad: str
    text: str
    sections: dict[str, tuple[int, str]]  # kop -> (regel, inhoud)
    intro: str


def load_markdown(path: Path, pad: str) -> tuple[MarkdownSource | None, list[Finding]]:
    text, findings = read_text(path, pad)
    if text is None:
        return None, findings
    return parse_markdown(text, pad), []


def parse_markdown(text: str, pad: str) -> MarkdownSource:
    sections: dict[str, tuple[int, str]] = {}
    intro: list[str] = []
    current: list[str] = intro
    for n, line in enumerate(text.split("\n"), start=1):
        heading = re.match(r"^##\s+(.+?)\s*#*\s*$", line)
        if heading:
            current = []
            sections[heading.group(1).strip()] = (n, current)  # type: ignore[assignment]
        else:
            current.append(line)
    done = {k: (n, "\n".join(body).strip()) for k, (n, body) in sections.items()}
    return MarkdownSource(pad=pad, text=text, sections=done, intro="\n".join(intro).strip())
