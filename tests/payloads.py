"""Random JSON payloads that an IR type accepts, for round-trip tests of every target's models.

``Payloads(api, rng).model(model_id)`` draws a valid JSON value of a model: required fields, some
optional ones, unknown members (models keep them), open-enum values the spec does not list, every
union variant, nulls where allowed.  The draw depends only on ``rng``: a seeded ``random.Random``
gives the same payloads to the Python and the Go tests.

Numbers are drawn as integers or non-whole floats (a whole float such as ``2.0`` is the same JSON
number as ``2``, and not every language keeps the difference); :func:`same_json` compares numbers
by value and everything else, booleans included, by kind.
"""

from __future__ import annotations

import json
import math
import random
import string
from typing import Any

from generator.ir.model import (
    AnyType,
    Api,
    ArrayType,
    BinaryType,
    Const,
    Constraints,
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

MAX_DEPTH = 5
_TEXT = string.ascii_letters + string.digits + " -_.:/'\"\\é€😀"


class Payloads:
    def __init__(self, api: Api, rng: random.Random) -> None:
        self.models = {m.id: m for m in api.models}
        self.rng = rng

    def model(self, model_id: str, depth: int = 0) -> Any:
        m = self.models[model_id]
        if m.kind != "object":
            assert m.type is not None
            return self.value(m.type, depth + 1)
        return self.object(m, depth)

    def object(self, m: Model, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in m.fields:
            if f.required or (depth < MAX_DEPTH and self.rng.random() < 0.6):
                out[f.name] = self.value(f.type, depth + 1)
        declared = {f.name for f in m.fields}
        for _ in range(self.rng.choice((0, 0, 1, 2))):  # members the spec does not declare
            key = "x_" + self.text(1, 6)
            if key not in declared:
                out[key] = self.value(m.additional, depth + 1) if m.additional else self.any(depth + 1)
        return out

    def value(self, t: Type, depth: int) -> Any:
        if isinstance(t, Primitive):
            return self.primitive(t)
        if isinstance(t, EnumType):
            return self.enum(t)
        if isinstance(t, Const):
            return thaw(t.value)
        if isinstance(t, ArrayType):
            return self.items(t, depth)
        if isinstance(t, MapType):
            n = self.count(t.constraints.min_properties, t.constraints.max_properties, depth)
            return {self.text(1, 8): self.value(t.values, depth + 1) for _ in range(n)}
        if isinstance(t, Nullable):
            return None if self.rng.random() < 0.3 else self.value(t.inner, depth)
        if isinstance(t, UnionType):
            return self.union(t, depth)
        if isinstance(t, ModelRef):
            return self.model(t.id, depth)
        if isinstance(t, BinaryType):
            return "AA=="
        assert isinstance(t, AnyType)
        return self.any(depth)

    def union(self, t: UnionType, depth: int) -> Any:
        if t.discriminator is not None and t.discriminator.mapping:
            tag, mid = self.rng.choice(t.discriminator.mapping)
            value = self.model(mid, depth + 1)
            assert isinstance(value, dict)
            value[t.discriminator.property] = tag
            return value
        return self.value(self.rng.choice(t.variants), depth + 1)

    def items(self, t: ArrayType, depth: int) -> list[Any]:
        n = self.count(t.constraints.min_items, t.constraints.max_items, depth)
        out: list[Any] = []
        for _ in range(n * 3):
            if len(out) == n:
                break
            item = self.value(t.items, depth + 1)
            if not t.constraints.unique_items or all(not same_json(item, x) for x in out):
                out.append(item)
        return out

    def count(self, low: int | None, high: int | None, depth: int) -> int:
        low = low or 0
        top = max(low, min(high if high is not None else 3, 3 if depth < MAX_DEPTH else low))
        return self.rng.randint(low, top)

    def enum(self, t: EnumType) -> Any:
        if self.rng.random() < 0.8:
            return thaw(self.rng.choice(t.values))
        for _ in range(20):  # a value the spec does not list: open enums keep it
            unknown: Any = {
                "string": lambda: self.text(0, 10),
                "integer": lambda: self.rng.randint(-1000, 1000),
                "number": lambda: self.rng.randint(-1000, 1000) + 0.5,
            }[t.base]()
            if all(not _same_number_or_value(unknown, v) for v in t.values):
                return unknown
        return thaw(t.values[0])

    def primitive(self, t: Primitive) -> Any:
        c = t.constraints
        if t.kind == "boolean":
            return self.rng.random() < 0.5
        if t.kind == "string":
            return self.text(c.min_length or 0, c.max_length if c.max_length is not None else 12)
        low, high = _bounds(c)
        if t.kind == "integer" or self.rng.random() < 0.4:
            lo, hi = math.ceil(low), math.floor(high)
            if t.kind == "number" and c.exclusive_minimum is not None and lo <= c.exclusive_minimum:
                lo += 1
            return self.rng.randint(lo, max(lo, hi))
        value = round(self.rng.uniform(low, high), 3)
        return value + 0.125 if value.is_integer() and value + 0.125 <= high else value

    def text(self, low: int, high: int) -> str:
        return "".join(self.rng.choice(_TEXT) for _ in range(self.rng.randint(low, max(low, high))))

    def any(self, depth: int) -> Any:
        pick = self.rng.randrange(6 if depth < MAX_DEPTH else 4)
        if pick == 0:
            return None
        if pick == 1:
            return self.rng.random() < 0.5
        if pick == 2:
            return self.rng.choice((self.rng.randint(-99, 99), self.rng.uniform(-9, 9), 2.0))
        if pick == 3:
            return self.text(0, 6)
        if pick == 4:
            return [self.any(depth + 1) for _ in range(self.rng.randint(0, 3))]
        return {self.text(1, 4): self.any(depth + 1) for _ in range(self.rng.randint(0, 3))}


def _bounds(c: Constraints) -> tuple[float, float]:
    low = c.minimum if c.minimum is not None else -1000
    if c.exclusive_minimum is not None:
        low = max(low, c.exclusive_minimum + 1)
    high = c.maximum if c.maximum is not None else 1000
    if c.exclusive_maximum is not None:
        high = min(high, c.exclusive_maximum - 1)
    return float(low), float(max(low, high))


def _same_number_or_value(a: object, b: object) -> bool:
    return same_json(a, thaw(b))


def same_json(a: object, b: object) -> bool:
    """Equal JSON values: numbers by value (``0`` is ``0.0``), every other kind kept apart."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return a.keys() == b.keys() and all(same_json(a[k], b[k]) for k in a)
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(same_json(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def dumps(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)
