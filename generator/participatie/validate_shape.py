"""Check loaded data against a pydantic model; turn every error into a positioned Finding."""

from __future__ import annotations

from typing import TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .findings import Ernst, Finding
from .load import Source
from .messages import errors_of, translate

M = TypeVar("M", bound=BaseModel)


def check_shape(model: type[M], source: Source) -> tuple[M | None, list[Finding]]:
    """Validate source.data as model; return the object (or None) and all problems."""
    data = source.data if source.data is not None else {}
    if not isinstance(data, dict):
        return None, [Finding(source.pad, source.pos(()), Ernst.FOUT,
                              "het bestand moet bestaan uit velden (veld: waarde), niet uit een lijst of losse tekst.",
                              "Begin elke regel met een veldnaam, bijvoorbeeld 'titel: ...'.")]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [to_finding(err, model, source) for err in _dedupe(errors_of(exc))]


def to_finding(err: dict, model: type[BaseModel], source: Source) -> Finding:
    loc = tuple(err["loc"])
    message, hint = translate(err, fields_at(model, loc[:-1]))
    is_key = err["type"] == "extra_forbidden"
    pos = source.pos(loc, key=is_key) if err["type"] != "missing" else source.pos(loc[:-1])
    return Finding(source.pad, pos, Ernst.FOUT, message, hint, code=f"vorm.{err['type']}")


def _dedupe(errors: list[dict]) -> list[dict]:
    """Optional fields produce one error per union member; keep the most telling one per location."""
    best: dict[tuple, dict] = {}
    for err in errors:
        loc = tuple(p for p in err["loc"] if not _is_union_tag(p))
        err = {**err, "loc": loc}
        if loc not in best or (best[loc]["type"] == "none_required"):
            best[loc] = err
    return [e for e in best.values() if e["type"] != "none_required"]


def _is_union_tag(part) -> bool:
    return isinstance(part, str) and (part[:1].isupper() or part in ("str", "int", "date", "time", "bool",
                                                                       "constrained-str", "function-after[]"))


def fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names allowed at a location, for 'bedoelde u …?' suggestions."""
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
        if current is None:
            return []
    return list(current.model_fields) if _is_model(current) else []


def _is_model(tp) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _inner_model(tp):
    if _is_model(tp):
        return tp
    for arg in get_args(tp) if get_origin(tp) is not None else ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
