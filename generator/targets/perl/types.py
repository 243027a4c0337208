"""The type table: IR types to Perl type descriptors (Perl source of a hash ref).

The runtime (``Runtime/Types.pm``) checks and converts values with these descriptors; each
IR type class maps to one descriptor kind, with the schema's constraints as keys.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ...ir.model import (
    AnyType,
    ArrayType,
    BinaryType,
    Const,
    Constraints,
    EnumType,
    MapType,
    ModelRef,
    Nullable,
    Primitive,
    Type,
    UnionType,
)
from . import literals

_CONSTRAINT_KEYS = (
    "min_length",
    "max_length",
    "pattern",
    "minimum",
    "maximum",
    "exclusive_minimum",
    "exclusive_maximum",
    "multiple_of",
    "min_items",
    "max_items",
    "min_properties",
    "max_properties",
)


def _constraints(c: Constraints) -> list[str]:
    out = []
    for key in _CONSTRAINT_KEYS:
        v = getattr(c, key)
        if v is not None:
            out.append(f"{key} => {literals.value(v)}")
    return out


def _hash(kind: str, *parts: str) -> str:
    return "{" + ", ".join((f"t => '{kind}'",) + parts) + "}"


class Descriptors:
    """Descriptors for one API: ``classes`` maps a model id to its Perl package."""

    def __init__(self, classes: Mapping[str, str]) -> None:
        self.classes = classes
        self._table: dict[type, Callable[[object], str]] = {
            Primitive: self._primitive,  # type: ignore[dict-item]
            EnumType: self._enum,  # type: ignore[dict-item]
            Const: lambda t: _hash("const", f"value => {literals.value(t.value)}"),  # type: ignore[attr-defined]
            ArrayType: self._array,  # type: ignore[dict-item]
            MapType: self._map,  # type: ignore[dict-item]
            UnionType: self._union,  # type: ignore[dict-item]
            Nullable: lambda t: _hash("nullable", f"of => {self.of(t.inner)}"),  # type: ignore[attr-defined]
            ModelRef: lambda t: _hash("model", f"class => '{self.classes[t.id]}'"),  # type: ignore[attr-defined]
            AnyType: lambda t: _hash("any"),
            BinaryType: lambda t: _hash("binary"),
        }

    def of(self, t: Type) -> str:
        return self._table[type(t)](t)

    def _primitive(self, t: Primitive) -> str:
        if t.format == "binary":
            return _hash("binary")
        return _hash(t.kind, *_constraints(t.constraints))

    def _enum(self, t: EnumType) -> str:
        values = ", ".join(literals.value(v) for v in t.values)
        return _hash("enum", f"base => '{t.base}'", f"values => [{values}]")

    def _array(self, t: ArrayType) -> str:
        return _hash("array", f"of => {self.of(t.items)}", *_constraints(t.constraints))

    def _map(self, t: MapType) -> str:
        return _hash("map", f"of => {self.of(t.values)}", *_constraints(t.constraints))

    def _union(self, t: UnionType) -> str:
        variants = "[" + ", ".join(self.of(v) for v in t.variants) + "]"
        parts = [f"of => {variants}"]
        d = t.discriminator
        if d is not None and d.mapping:
            mapping = ", ".join(
                f"{literals.string(k)} => '{self.classes[m]}'" for k, m in d.mapping if m in self.classes
            )
            parts.append(
                f"discriminator => {{property => {literals.string(d.property)}, mapping => {{{mapping}}}}}"
            )
        return _hash("union", *parts)


def perl_type_name(t: Type, classes: Mapping[str, str]) -> str:
    """A short human name of a type, for POD: ``String``, ``ArrayRef[ChatKit::Model::X]``, ..."""
    if isinstance(t, Nullable):
        return f"Maybe[{perl_type_name(t.inner, classes)}]"
    if isinstance(t, ModelRef):
        return classes[t.id]
    if isinstance(t, ArrayType):
        return f"ArrayRef[{perl_type_name(t.items, classes)}]"
    if isinstance(t, MapType):
        return f"HashRef[{perl_type_name(t.values, classes)}]"
    if isinstance(t, UnionType):
        return " | ".join(perl_type_name(v, classes) for v in t.variants)
    if isinstance(t, Primitive):
        if t.format == "binary":
            return "Bytes"
        return {"string": "Str", "integer": "Int", "number": "Num", "boolean": "Bool"}[t.kind]
    if isinstance(t, EnumType):
        return (
            "Enum[" + ", ".join(str(v) for v in t.values[:6]) + (", ..." if len(t.values) > 6 else "") + "]"
        )
    if isinstance(t, Const):
        return f"Const[{literals.value(t.value)}]"
    if isinstance(t, BinaryType):
        return "Bytes"
    return "Any"
