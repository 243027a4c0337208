"""The ``ir`` target: the IR as canonical JSON (the first golden output, and a debugging aid)."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from ...ir.model import Api, FrozenDict
from ..contract import Target

NAME = "ir"


def to_json(value: Any) -> Any:
    """Canonical JSON form: dataclasses become objects tagged with ``kind`` (types) or their fields."""
    if isinstance(value, FrozenDict):
        return {"$object": [[k, to_json(v)] for k, v in value.items]}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        if type(value).__module__.endswith("ir.model") and type(value).__name__ in _TYPE_NAMES:
            out["$type"] = type(value).__name__
        for f in dataclasses.fields(value):
            if not f.compare:  # source locations: they depend on how the spec path was given
                continue
            v = getattr(value, f.name)
            if f.default is not dataclasses.MISSING and v == f.default and type(v) is type(f.default):
                continue  # canonical: a field at its default is left out
            out[f.name] = to_json(v)
        return out
    if isinstance(value, tuple):
        return [to_json(v) for v in value]
    return value


_TYPE_NAMES = {
    "Primitive",
    "EnumType",
    "Const",
    "ArrayType",
    "MapType",
    "UnionType",
    "Nullable",
    "ModelRef",
    "AnyType",
    "BinaryType",
}


def render_ir(api: Api) -> str:
    return json.dumps(to_json(api), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def generate(api: Api, options: dict[str, Any]) -> dict[str, str]:
    return {"api.json": render_ir(api)}


TARGET = Target(
    name=NAME,
    summary="the IR as canonical JSON (a debugging aid and the first golden file)",
    options=(),
    generate=lambda ctx: generate(ctx.api, dict(ctx.options)),
)
