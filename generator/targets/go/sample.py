"""Sample JSON values for IR types, for the generated Go tests.

``full`` sets every optional field and gives nullable ones a value; ``min`` sends only what is
required and nulls what may be null.  Values satisfy the schema's constraints.
"""

from __future__ import annotations

import math

from ...ir.model import (
    AnyType,
    ArrayType,
    BinaryType,
    Const,
    EnumType,
    MapType,
    Model,
    ModelRef,
    Nullable,
    Primitive,
    Type,
    UnionType,
    thaw,
)

MAX_DEPTH = 6


class NoFiniteValue(Exception):
    """A model requires itself (through required, non-nullable fields): no JSON value is finite."""


class Sampler:
    def __init__(self, models: dict[str, Model], full: bool, skip_read_only: bool = False) -> None:
        self.models = models
        self.full = full
        self.skip_read_only = skip_read_only

    def value(self, t: Type, stack: tuple[str, ...] = ()) -> object:
        if isinstance(t, Primitive):
            return _primitive(t)
        if isinstance(t, EnumType):
            return t.values[0] if t.values else "x"
        if isinstance(t, Const):
            return thaw(t.value)
        if isinstance(t, ArrayType):
            n = t.constraints.min_items or (1 if self.full and len(stack) < MAX_DEPTH else 0)
            return [self.value(t.items, stack) for _ in range(n)]
        if isinstance(t, MapType):
            n = t.constraints.min_properties or (1 if self.full and len(stack) < MAX_DEPTH else 0)
            return {f"key{i}": self.value(t.values, stack) for i in range(n)}
        if isinstance(t, Nullable):
            return self.value(t.inner, stack) if self.full and not self.cyclic(t.inner, stack) else None
        if isinstance(t, UnionType):
            for v in t.variants:
                if not self.cyclic(v, stack):
                    return self.value(v, stack)
            return self.value(t.variants[0], stack)
        if isinstance(t, ModelRef):
            return self.model(t.id, stack)
        if isinstance(t, BinaryType):
            return "AA=="
        assert isinstance(t, AnyType)
        return {"any": [1, "x", None]}

    def cyclic(self, t: Type, stack: tuple[str, ...]) -> bool:
        return isinstance(t, ModelRef) and (t.id in stack or len(stack) >= MAX_DEPTH)

    def model(self, model_id: str, stack: tuple[str, ...] = ()) -> object:
        if model_id in stack:
            raise NoFiniteValue(model_id)
        m = self.models.get(model_id)
        if m is None:
            return {}
        if m.kind != "object":
            return self.value(m.type, stack + (model_id,)) if m.type is not None else {}
        out: dict[str, object] = {}
        inner = stack + (model_id,)
        for f in m.fields:
            if self.skip_read_only and f.read_only:
                continue
            if not f.required and (not self.full or self.cyclic(_strip(f.type), inner)):
                continue
            out[f.name] = self.value(f.type, inner)
        return out


def _strip(t: Type) -> Type:
    return t.inner if isinstance(t, Nullable) else t


def _primitive(t: Primitive) -> object:
    c = t.constraints
    if t.kind == "string":
        n = max(c.min_length or 0, 1)
        return "x" * min(n, c.max_length if c.max_length is not None else n)
    if t.kind == "boolean":
        return True
    low = (
        c.minimum
        if c.minimum is not None
        else (c.exclusive_minimum if c.exclusive_minimum is not None else None)
    )
    if t.kind == "integer":
        v = (
            1
            if low is None
            else math.ceil(low) + (1 if c.exclusive_minimum is not None and c.minimum is None else 0)
        )
        if c.maximum is not None:
            v = min(v, math.floor(c.maximum))
        if c.multiple_of:
            v = int(math.ceil(v / c.multiple_of) * c.multiple_of)
        return int(v)
    v2 = (
        1.5
        if low is None
        else float(low) + (0.5 if c.exclusive_minimum is not None and c.minimum is None else 0)
    )
    if c.maximum is not None:
        v2 = min(v2, float(c.maximum))
    return v2


def accepts_string(t: Type, models: dict[str, Model]) -> bool:
    """Whether a JSON string could be valid for ``t`` (so it is no use as a wrong-type probe)."""
    if isinstance(t, Nullable):
        return accepts_string(t.inner, models)
    if isinstance(t, EnumType):
        return t.base == "string"
    if isinstance(t, (AnyType, BinaryType)):
        return True
    if isinstance(t, Primitive):
        return t.kind == "string"
    if isinstance(t, Const):
        return isinstance(thaw(t.value), str)
    if isinstance(t, UnionType):
        return any(accepts_string(v, models) for v in t.variants)
    if isinstance(t, ModelRef):
        m = models.get(t.id)
        return m is None or (m.kind != "object" and m.type is not None and accepts_string(m.type, models))
    return False
