"""Binding: loaded data to a typed model, every pydantic error a positioned Finding in Dutch."""

from __future__ import annotations

import re
from typing import TypeGuard, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..findings import FORMAAT, Ernst, Finding, Gevolg, regel
from ..load.yaml import Loc, Source
from ..messages import translate

M = TypeVar("M", bound=BaseModel)
# How pydantic names the branch of a union an error is about ('constrained-int', "literal['onbekend']"): not a field.
UNION_TAG = re.compile(r"^(?:[a-z]+-[a-z-]+|literal\[.*\]|int|str|float|bool)$")
GEEN_VELDEN = regel("vorm.geen-velden", "een bestand dat geen lijst met velden is", Gevolg.TEGENHOUDEN, bron=FORMAAT)


def bind(model: type[M], source: Source) -> tuple[M | None, list[Finding]]:
    """Validate source.data as model; return the object (or None) and all problems."""
    data = source.data if source.data is not None else {}
    if not isinstance(data, dict):
        return None, [
            Finding(
                source.pad,
                source.pos(()),
                Ernst.FOUT,
                "het bestand moet bestaan uit velden (veld: waarde), niet uit een lijst of losse tekst.",
                "Begin elke regel met een veldnaam, bijvoorbeeld 'titel: ...'.",
                code=GEEN_VELDEN,
            )
        ]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        errors, choices = _merge_unions(_dedupe(exc.errors(include_url=False)))
        return None, [to_finding(err, model, source, choices.get(tuple(err["loc"]), "")) for err in errors]


def to_finding(err: ErrorDetails, model: type[BaseModel], source: Source, choices: str = "") -> Finding:
    loc = tuple(err["loc"])
    code, message, hint = translate(err, fields_at(model, loc[:-1]))
    if choices:
        hint = f"{hint.rstrip('.')}, of: {choices}."
    if err["type"] == "missing":
        pos = source.pos(loc[:-1])
    else:
        pos = source.pos(_key_loc(loc), key=True) if _is_key_error(err) else source.pos(loc)
    return Finding(source.pad, pos, Ernst.FOUT, message, hint, code=code)


def _is_key_error(err: ErrorDetails) -> bool:
    return err["type"] == "extra_forbidden" or "[key]" in err["loc"]


def _key_loc(loc: Loc) -> Loc:
    return tuple(p for p in loc if p != "[key]")


def _dedupe(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """One error per location: for an optional field pydantic also reports 'none_required'."""
    best: dict[Loc, ErrorDetails] = {}
    for err in errors:
        loc = tuple(err["loc"])
        if loc not in best or best[loc]["type"] == "none_required":
            best[loc] = err
    return [e for e in best.values() if e["type"] != "none_required"]


def _merge_unions(errors: list[ErrorDetails]) -> tuple[list[ErrorDetails], dict[Loc, str]]:
    """A value that fits no branch of a union ('deelnemers': a number or 'onbekend') is one error at the field, not one
    per branch named after pydantic's types: the first non-literal branch's error, with the literal words as choices."""
    branches: dict[Loc, list[ErrorDetails]] = {}
    for err in errors:
        loc = tuple(err["loc"])
        if len(loc) > 1 and isinstance(loc[-1], str) and UNION_TAG.match(loc[-1]):
            branches.setdefault(loc[:-1], []).append(err)
    merged = {field: errs for field, errs in branches.items() if len(errs) > 1}
    if not merged:
        return errors, {}
    out: list[ErrorDetails] = []
    choices: dict[Loc, str] = {}
    for err in errors:
        loc = tuple(err["loc"])
        field = loc[:-1]
        if field not in merged:
            out.append(err)
        elif err is merged[field][0]:
            errs = merged[field]
            main = next((e for e in errs if e["type"] != "literal_error"), errs[0])
            out.append({**main, "loc": field})
            words = [
                w.strip().strip("'")
                for e in errs
                if e["type"] == "literal_error"
                for w in str((e.get("ctx") or {}).get("expected", "")).replace(" or ", ",").split(",")
                if w.strip()
            ]
            choices[field] = ", ".join(f"'{w}'" for w in words)
    return out, choices


def fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names allowed at a location, for 'bedoelde u …?' suggestions."""
    current: type[BaseModel] | None = model
    skip_key = False
    for part in loc:
        if isinstance(part, int) or skip_key:
            skip_key = False
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        if field is None:
            return []
        skip_key = _is_mapping(field.annotation)
        current = _inner_model(field.annotation)
        if current is None:
            return []
    return list(current.model_fields) if _is_model(current) else []


def _is_mapping(tp: object) -> bool:
    return get_origin(tp) is dict or any(get_origin(a) is dict for a in get_args(tp))


def _is_model(tp: object) -> TypeGuard[type[BaseModel]]:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _inner_model(tp: object) -> type[BaseModel] | None:
    if _is_model(tp):
        return tp
    for arg in get_args(tp) if get_origin(tp) is not None else ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
