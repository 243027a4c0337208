"""Example requests and responses: the spec's own examples first, a minimal valid value otherwise.

``sample`` builds the smallest value a schema accepts from defaults, consts, enums and bounds; it
gives up (``NoSample``) on what it cannot satisfy for sure (patterns, binary), and the page then
says the spec has no example instead of showing a wrong one.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...ir.model import (
    AnyType,
    ArrayType,
    Const,
    EnumType,
    MapType,
    Model,
    ModelRef,
    Nullable,
    Operation,
    Param,
    Primitive,
    Response,
    Type,
    UnionType,
    thaw,
)


class NoSample(Exception):
    pass


@dataclass(frozen=True)
class RequestExample:
    name: str  # the spec's example name; '' for a request without a body example
    body: object | None  # plain JSON (dicts and lists), None without a body
    path: dict[str, object]  # wire name -> value
    query: dict[str, object]  # query and header params (wire name -> value)


def sample(t: Type, models: dict[str, Model], seen: tuple[str, ...] = ()) -> object:
    if isinstance(t, Const):
        return thaw(t.value)
    if isinstance(t, EnumType):
        return thaw(t.values[0])
    if isinstance(t, Primitive):
        return _primitive(t)
    if isinstance(t, Nullable):
        return sample(t.inner, models, seen)
    if isinstance(t, ArrayType):
        count = t.constraints.min_items or 0
        return [sample(t.items, models, seen) for _ in range(count)]
    if isinstance(t, MapType):
        if t.constraints.min_properties:
            raise NoSample("a map with required entries")
        return {}
    if isinstance(t, UnionType):
        for v in t.variants:
            try:
                return sample(v, models, seen)
            except NoSample:
                continue
        raise NoSample("no union variant")
    if isinstance(t, ModelRef):
        return _model(t.id, models, seen)
    if isinstance(t, AnyType):
        return {}
    raise NoSample("binary data")


def _primitive(t: Primitive) -> object:
    c = t.constraints
    if t.kind == "boolean":
        return True
    if t.kind == "string":
        if c.pattern is not None or t.format not in (None, "password", "int64", "int32"):
            raise NoSample(f"a string with a pattern or format {t.format!r}")
        text = "string"
        if c.min_length is not None and len(text) < c.min_length:
            text = text.ljust(c.min_length, "x")
        return text[: c.max_length] if c.max_length is not None else text
    if c.multiple_of is not None:
        raise NoSample("a multiple")
    low = c.minimum if c.minimum is not None else None
    if c.exclusive_minimum is not None:
        low = c.exclusive_minimum + 1
    value = low if low is not None else 1
    high = c.maximum if c.maximum is not None else c.exclusive_maximum
    if high is not None and value >= high:
        value = c.maximum if c.maximum is not None else high - 1
    return int(value) if t.kind == "integer" else value


def _model(model_id: str, models: dict[str, Model], seen: tuple[str, ...]) -> object:
    model = models.get(model_id)
    if model is None or model_id in seen:
        raise NoSample("a recursive or unknown model")
    if model.examples:
        return thaw(model.examples[0])
    if model.kind != "object":
        assert model.type is not None
        return sample(model.type, models, seen + (model_id,))
    out: dict[str, object] = {}
    for f in model.fields:
        if not f.required or f.read_only:
            continue
        out[f.name] = thaw(f.default.value) if f.default else sample(f.type, models, seen + (model_id,))
    return out


def param_value(p: Param, models: dict[str, Model]) -> object:
    if p.examples:
        return thaw(p.examples[0])
    if p.default is not None:
        return thaw(p.default.value)
    if p.location == "path":
        try:
            value = sample(p.type, models)
        except NoSample:
            value = None
        if value in ("string", None):
            return p.name  # a readable stand-in: /widgets/widget_id
        return value
    return sample(p.type, models)


def request_examples(op: Operation, models: dict[str, Model]) -> list[RequestExample]:
    """One example per named request example of the spec (one without a body when there is none)."""
    try:
        path = {p.name: param_value(p, models) for p in op.params if p.location == "path"}
        query = {
            p.name: param_value(p, models)
            for p in op.params
            if p.location in ("query", "header") and p.const is None and (p.required or p.examples)
        }
    except NoSample:
        return []
    body = op.body
    if body is None:
        return [RequestExample("", None, path, query)]
    named = [(name, thaw(value)) for name, value in body.examples]
    if not named and isinstance(body.type, ModelRef) and body.type.id in models:
        named = [("example", thaw(v)) for v in models[body.type.id].examples[:1]]
    if not named and body.encoding == "json":
        try:
            named = [("minimal", sample(body.type, models))]
        except NoSample:
            named = []
    if not named:
        return [] if body.required else [RequestExample("", None, path, query)]
    return [RequestExample(name, value, path, query) for name, value in named]


def response_example(r: Response, models: dict[str, Model]) -> tuple[str, object] | None:
    """The spec's first example of a response, or its model's example; None without one."""
    if r.examples:
        name, value = r.examples[0]
        return name, thaw(value)
    if isinstance(r.type, ModelRef) and r.type.id in models and models[r.type.id].examples:
        return "example", thaw(models[r.type.id].examples[0])
    return None
