"""IR types as a person reads them, in Markdown: ``integer or null``, ``map of string | boolean``.

Every literal and type word is a code span, so nothing in a spec value can turn into Markdown;
named models are links to their pages.  The type table is data (``_PRIMITIVES``), not template logic.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from ...ir.model import (
    AnyType,
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
from .markdown import code

_PRIMITIVES = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean"}
_MAX_VALUES = 12  # enum values shown inline; the model page lists all of them
# Constraint attribute -> how a reader sees it.
_CONSTRAINTS = (
    ("min_length", "min length"),
    ("max_length", "max length"),
    ("pattern", "pattern"),
    ("minimum", "minimum"),
    ("maximum", "maximum"),
    ("exclusive_minimum", "greater than"),
    ("exclusive_maximum", "less than"),
    ("multiple_of", "multiple of"),
    ("min_items", "min items"),
    ("max_items", "max items"),
    ("min_properties", "min properties"),
    ("max_properties", "max properties"),
)


def literal(value: object) -> str:
    """A JSON value as a code span: ``"active"``, ``10``, ``null``."""
    return code(json.dumps(thaw(value), ensure_ascii=False))


@dataclass(frozen=True)
class TypeWriter:
    models: dict[str, Model]
    link: Callable[[str], str]  # model id -> relative link to its page
    name: Callable[[str], str]  # model id -> display name

    def model_link(self, model_id: str) -> str:
        return f"[{code(self.name(model_id))}]({self.link(model_id)})"

    def text(self, t: Type, depth: int = 0) -> str:
        if isinstance(t, Primitive):
            return code(_PRIMITIVES[t.kind])
        if isinstance(t, EnumType):
            return self.values(t.values)
        if isinstance(t, Const):
            return literal(t.value)
        if isinstance(t, ArrayType):
            return "array of " + self.grouped(t.items, depth)
        if isinstance(t, MapType):
            return "map of " + self.text(t.values, depth + 1)
        if isinstance(t, Nullable):
            return self.grouped(t.inner, depth) + " or " + code("null")
        if isinstance(t, UnionType):
            return " | ".join(self.text(v, depth + 1) for v in t.variants)
        if isinstance(t, ModelRef):
            return self.ref(t, depth)
        if isinstance(t, BinaryType):
            return code("binary")
        assert isinstance(t, AnyType)
        return "any JSON value"

    def grouped(self, t: Type, depth: int) -> str:
        """``t`` in parentheses when it lists alternatives (before ``or null``, after ``array of``)."""
        inner = self.text(t, depth + 1)
        return f"({inner})" if " | " in inner and isinstance(t, (UnionType, ArrayType, MapType)) else inner

    def values(self, values: tuple[object, ...]) -> str:
        shown = " | ".join(literal(v) for v in values[:_MAX_VALUES])
        return shown + (" | …" if len(values) > _MAX_VALUES else "")

    def ref(self, t: ModelRef, depth: int) -> str:
        model = self.models.get(t.id)
        if model is None:
            return "any JSON value"
        name = self.model_link(t.id)
        if depth > 1 or model.type is None:
            return name
        if isinstance(model.type, EnumType):
            return f"{name} ({self.values(model.type.values)})"
        return f"{name} ({self.text(model.type, depth + 2)})"


def strip_nullable(t: Type) -> Type:
    return t.inner if isinstance(t, Nullable) else t


def constraint_facts(t: Type) -> list[str]:
    """``min length 1``, ``format int64``, ... of the (non-null part of the) type."""
    t = strip_nullable(t)
    facts: list[str] = []
    if isinstance(t, Primitive) and t.format:
        facts.append(f"format {code(t.format)}")
    constraints: Constraints | None = getattr(t, "constraints", None)
    if constraints is not None:
        for attr, label in _CONSTRAINTS:
            value = getattr(constraints, attr)
            if value is not None:
                facts.append(f"{label} {literal(value)}")
        if constraints.unique_items:
            facts.append("unique items")
    return facts
