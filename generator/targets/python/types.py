"""IR types -> Python annotations, parser and serializer expressions.

Parsers and serializers are composed from the runtime's ``_serde`` combinators.  Composite
ones are interned as module constants (``_P3 = p_list(p_str)``) so each is built once at import.
A serializer of ``None`` means "the Python value already is its JSON form".
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

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
from .text import py_str

_PRIMITIVES = {
    # kind: (annotation, parser, what an error message expects)
    "string": ("str", "p_str", "string"),
    "integer": ("int", "p_int", "integer"),
    "number": ("float", "p_float", "number"),
    "boolean": ("bool", "p_bool", "boolean"),
}
_CHECKS = (
    ("min_length", "c_min_length"),
    ("max_length", "c_max_length"),
    ("pattern", "c_pattern"),
    ("minimum", "c_minimum"),
    ("maximum", "c_maximum"),
    ("exclusive_minimum", "c_exclusive_minimum"),
    ("exclusive_maximum", "c_exclusive_maximum"),
    ("multiple_of", "c_multiple_of"),
    ("min_items", "c_min_items"),
    ("max_items", "c_max_items"),
    ("min_properties", "c_min_properties"),
    ("max_properties", "c_max_properties"),
)
_CONST_TYPES = {int: "int", float: "float", dict: "dict[str, Any]", list: "list[Any]"}
_ENUM_BASES = {"string": "str", "integer": "int", "number": "float"}
# Order in which primitive union variants are tried: exact JSON types make it safe.
_VARIANT_RANK = {"p_bool": 0, "p_int": 1, "p_float": 2, "p_str": 3}


def py_literal(value: object) -> str:
    """A Python expression for a JSON value that evaluates to it (strings via ``py_str``)."""
    v = thaw(value)
    if isinstance(v, str):
        return py_str(v)
    if isinstance(v, float) and not math.isfinite(v):  # YAML's .inf and .nan
        return f'float("{v!r}")'
    if v is None or isinstance(v, (bool, int, float)):
        return repr(v)
    if isinstance(v, dict):
        return "{" + ", ".join(f"{py_literal(k)}: {py_literal(x)}" for k, x in v.items()) + "}"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(py_literal(x) for x in v) + "]"
    return repr(v)


def const_annotation(value: object) -> str:
    """The annotation of a const: ``Literal[...]`` where Python allows it, else the JSON type."""
    v = thaw(value)
    if v is None:
        return "None"
    if isinstance(v, (bool, str)) or isinstance(v, int) and -(2**63) <= v < 2**63:
        return f"Literal[{py_literal(v)}]"
    return _CONST_TYPES[type(v)]  # mypy takes no Literal of an integer beyond 64 bits


def const_default(value: object) -> str | None:
    """A const's literal as a parameter default; None for an object or array (defaults must not
    be mutable: the value is built afresh in the body instead)."""
    return None if isinstance(thaw(value), (dict, list)) else py_literal(value)


@dataclass(frozen=True)
class PyType:
    annotation: str
    parser: str
    serializer: str | None
    what: str  # how an error message names the expected type


@dataclass(frozen=True)
class InlineEnum:
    name: str
    base: str  # "str" | "int" | "float"
    enum: EnumType


@dataclass
class TypeMapper:
    models: dict[str, Model]
    names: dict[str, str]  # model id -> class name
    constants: dict[str, str] = field(default_factory=dict)  # expression -> constant name
    annotations: dict[str, str] = field(
        default_factory=dict
    )  # constant name -> declared type, where inference is too wide
    enums: dict[str, InlineEnum] = field(default_factory=dict)  # name -> enum
    taken: set[str] = field(default_factory=set)  # other names of the module (hoisted aliases)
    _alias_stack: list[str] = field(default_factory=list)

    def intern(self, expr: str, prefix: str = "_P") -> str:
        name = self.constants.get(expr)
        if name is None:
            name = f"{prefix}{len(self.constants)}"
            self.constants[expr] = name
        return name

    def checked(self, parser: str, c: Constraints) -> str:
        checks = []
        for attr, fn in _CHECKS:
            v = getattr(c, attr)
            if v is not None:
                checks.append(f"{fn}({py_literal(v)})")
        if c.unique_items:
            checks.append("c_unique_items()")
        return self.intern(f"p_checked({parser}, {', '.join(checks)})") if checks else parser

    def enum_class(self, t: EnumType, hint: str) -> str:
        """One class per distinct inline enum, named after the first place it is found."""
        base = _ENUM_BASES[t.base]
        for existing in self.enums.values():
            if existing.enum == t:
                return existing.name
        name, n = hint, 1
        while name in self.enums or name in self.taken or name in self.names.values():
            n += 1
            name = f"{hint}{n}"
        self.enums[name] = InlineEnum(name, base, t)
        return name

    def map(self, t: Type, hint: str) -> PyType:
        if isinstance(t, Primitive):
            ann, parser, what = _PRIMITIVES[t.kind]
            return PyType(ann, self.checked(parser, t.constraints), None, what)
        if isinstance(t, EnumType):
            cls = self.enum_class(t, hint)
            base = _ENUM_BASES[t.base]
            return PyType(cls, self.intern(f"p_enum({cls}, {base})"), "s_enum", cls)
        if isinstance(t, Const):
            lit, annotation = py_literal(t.value), const_annotation(t.value)
            name = self.intern(f"p_const({lit})")
            # Parser[None] would be a function that "returns nothing" to mypy: a null const is Any.
            self.annotations[name] = f"Parser[{annotation if annotation != 'None' else 'Any'}]"
            return PyType(annotation, name, None, json.dumps(thaw(t.value), ensure_ascii=False))
        if isinstance(t, ArrayType):
            item = self.map(t.items, hint + "Item")
            ser = self.intern(f"s_list({item.serializer})", "_S") if item.serializer else None
            parser = self.checked(self.intern(f"p_list({item.parser})"), t.constraints)
            return PyType(f"list[{item.annotation}]", parser, ser, f"list of {item.what}")
        if isinstance(t, MapType):
            val = self.map(t.values, hint + "Value")
            ser = self.intern(f"s_map({val.serializer})", "_S") if val.serializer else None
            parser = self.checked(self.intern(f"p_map({val.parser})"), t.constraints)
            return PyType(f"dict[str, {val.annotation}]", parser, ser, f"map of {val.what}")
        if isinstance(t, Nullable):
            return self.nullable(self.map(t.inner, hint))
        if isinstance(t, UnionType):
            return self.union(t, hint)
        if isinstance(t, ModelRef):
            return self.model_ref(t, hint)
        if isinstance(t, BinaryType):
            return PyType("bytes", "p_any", None, "bytes")
        assert isinstance(t, AnyType)
        return PyType("Any", "p_any", None, "any value")

    def nullable(self, inner: PyType) -> PyType:
        ser = self.intern(f"s_nullable({inner.serializer})", "_S") if inner.serializer else None
        return PyType(
            f"{inner.annotation} | None",
            self.intern(f"p_nullable({inner.parser})"),
            ser,
            f"{inner.what} or null",
        )

    def union(self, t: UnionType, hint: str) -> PyType:
        variants = [self.map(v, f"{hint}Variant{i}") for i, v in enumerate(t.variants)]
        annotation = " | ".join(dict.fromkeys(v.annotation for v in variants))
        what = " | ".join(dict.fromkeys(v.what for v in variants))
        ser = "to_json" if any(v.serializer for v in variants) else None
        if t.discriminator is not None:
            by_value: dict[str, list[str]] = {}
            for value, mid in t.discriminator.mapping:
                if mid in self.names:
                    by_value.setdefault(value, []).append(self.model_ref(ModelRef(mid), hint).parser)
            entries = []
            for value, parsers in by_value.items():  # a shared value tries its variants in order
                parser = (
                    parsers[0]
                    if len(parsers) == 1
                    else self.intern(f"p_union({py_literal(what)}, {', '.join(parsers)})")
                )
                entries.append(f"{py_literal(value)}: {parser}")
            mapping = "{" + ", ".join(entries) + "}"
            rest = [
                v.parser for v, src in zip(variants, t.variants, strict=True) if not isinstance(src, ModelRef)
            ]
            fallback = self.intern(f"p_union({py_literal(what)}, {', '.join(rest)})") if rest else "None"
            parser = self.intern(
                f"p_tagged({py_literal(t.discriminator.property)}, {py_literal(what)}, {mapping}, {fallback})"
            )
            return PyType(annotation, parser, ser, what)
        ordered = sorted(variants, key=lambda v: _VARIANT_RANK.get(v.parser, 4))
        parser = self.intern(f"p_union({py_literal(what)}, {', '.join(v.parser for v in ordered)})")
        return PyType(annotation, parser, ser, what)

    def model_ref(self, t: ModelRef, hint: str) -> PyType:
        model = self.models.get(t.id)
        name = self.names.get(t.id, "Any")
        if model is None:
            return PyType("Any", "p_any", None, "any value")
        if model.kind == "object":
            return PyType(name, f"{name}.from_dict", f"{name}.to_dict", name)
        enum = model_enum(model)
        if enum is not None:  # the class has the model's name; null is allowed where it is used
            pt = PyType(name, self.intern(f"p_enum({name}, {_ENUM_BASES[enum.base]})"), "s_enum", name)
            return self.nullable(pt) if isinstance(model.type, Nullable) else pt
        # An alias: its own type, under its name.
        if t.id in self._alias_stack or model.type is None:
            return PyType("Any", "p_any", None, "any value")
        self._alias_stack.append(t.id)
        try:
            inner = self.map(model.type, name)
        finally:
            self._alias_stack.pop()
        return PyType(name, inner.parser, inner.serializer, inner.what)


def model_enum(model: Model) -> EnumType | None:
    """The enum of an enum model (``Nullable(EnumType)`` too: its class is the enum)."""
    t = model.type.inner if isinstance(model.type, Nullable) else model.type
    return t if model.kind == "enum" and isinstance(t, EnumType) else None
