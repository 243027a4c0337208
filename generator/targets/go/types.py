"""IR types -> Go types, decoder and encoder expressions (a data table plus composition).

A decoder expression has the Go type ``func([]byte) (T, error)`` and validates as it decodes;
the runtime's combinators (``listOf``, ``mapOf``, ``nullableOf``, ``checked``, ...) compose them.
An encoder expression has the Go type ``func(T, *jsonWriter)`` and appends the value's JSON
(``encodeList``, ``encodeMap``, ``encodeNullable`` compose them; a model's is ``Model.writeJSON``).
Inline enums and unions become named types, allocated through the shared :class:`NameTable`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
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
from .names import NameTable, exported
from .text import go_string as go_string  # re-exported: the views import it from here

# kind -> (Go type, decoder, how an error message names it, encoder)
PRIMITIVES: dict[str, tuple[str, str, str, str]] = {
    "string": ("string", "decodeString", "string", "encodeString"),
    "integer": ("int64", "decodeInt", "integer", "encodeInt"),
    "number": ("float64", "decodeFloat", "number", "encodeFloat"),
    "boolean": ("bool", "decodeBool", "boolean", "encodeBool"),
}
SECRET = ("Secret", "decodeSecret", "string", "encodeSecret")
# enum base -> (Go underlying type, decoder, encoder)
ENUM_BASES: dict[str, tuple[str, str, str]] = {
    "string": ("string", "decodeEnum", "encodeEnum"),
    "integer": ("int64", "decodeIntEnum", "encodeIntEnum"),
    "number": ("float64", "decodeFloatEnum", "encodeFloatEnum"),
}
# Python type of a const value -> (Go type, decoder, encoder)
CONST_BASES: dict[type, tuple[str, str, str]] = {
    str: ("string", "decodeString", "encodeString"),
    bool: ("bool", "decodeBool", "encodeBool"),
    int: ("int64", "decodeInt", "encodeInt"),
    float: ("float64", "decodeFloat", "encodeFloat"),
}
ANY = ("json.RawMessage", "decodeAny", "any value", "encodeAny")
# constraint attribute -> (runtime check, the value kinds it applies to).  JSON Schema ignores a
# keyword on a value of another type (``minItems`` beside ``type: string``), and so do we.
_NUMERIC = ("integer", "number")
CHECKS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("min_length", "minLength", ("string",)),
    ("max_length", "maxLength", ("string",)),
    ("pattern", "pattern", ("string",)),
    ("minimum", "minimum", _NUMERIC),
    ("maximum", "maximum", _NUMERIC),
    ("exclusive_minimum", "exclusiveMinimum", _NUMERIC),
    ("exclusive_maximum", "exclusiveMaximum", _NUMERIC),
    ("multiple_of", "multipleOf", _NUMERIC),
    ("min_items", "minItems", ("array",)),
    ("max_items", "maxItems", ("array",)),
    ("min_properties", "minProperties", ("map",)),
    ("max_properties", "maxProperties", ("map",)),
)
# Integer bounds that are not whole numbers, rounded the way that keeps the check's meaning.
_ROUND: dict[str, Callable[[float], float]] = {
    "minimum": math.ceil,
    "maximum": math.floor,
    "exclusive_minimum": math.floor,
    "exclusive_maximum": math.ceil,
}


def go_json_literal(value: object) -> str:
    """A Go string literal holding the JSON text of ``value``."""
    return go_string(json.dumps(thaw(value), separators=(",", ":"), ensure_ascii=False))


def go_scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return go_string(value)
    return repr(value)


# ("model", model id) or ("op", operation id): where an inline enum or union was found.
Origin = tuple[str, str] | None


@dataclass(frozen=True)
class GoType:
    go: str  # the Go type expression
    decoder: str  # Go expression: func([]byte) (go, error)
    what: str  # how an error message names the expected JSON
    encoder: str  # Go expression: func(go, *jsonWriter)


@dataclass
class Variant:
    name: str  # accessor suffix: AsString, constructor <Union>String
    go: str
    decoder: str
    what: str
    encoder: str


@dataclass
class UnionDef:
    name: str
    what: str
    variants: list[Variant]
    tag: str | None  # discriminator property
    tagged: list[tuple[str, str]]  # (wire value, variant check expression)
    rest: list[str]  # variant checks tried in order (untagged, or fallback of a tagged union)
    doc: str = ""
    origin: Origin = None  # what was being mapped when it was made (its file follows it)


@dataclass
class EnumDef:
    name: str
    enum: EnumType
    doc: str = ""
    origin: Origin = None


@dataclass
class TypeMapper:
    models: dict[str, Model]
    names: dict[str, str]  # model id -> Go name
    table: NameTable
    value_reach: dict[str, set[str]]  # model id -> object models it holds by value (transitively)
    unions: dict[object, UnionDef] = field(default_factory=dict)
    enums: dict[object, EnumDef] = field(default_factory=dict)
    _alias_stack: list[str] = field(default_factory=list)
    context: Origin = None  # set by the builder: the model or operation being mapped

    def checked(self, decoder: str, c: Constraints, go: str, kind: str) -> str:
        """``decoder`` wrapped with the runtime checks of ``c`` that apply to a ``kind`` value
        (string, integer, number, boolean, array, map); ``go`` is the value's Go type, or the item
        type of an array or map."""
        checks = []
        for attr, fn, kinds in CHECKS:
            v = getattr(c, attr)
            if v is None or kind not in kinds:
                continue
            if kind in ("array", "map"):
                checks.append(f"{fn}[{go}]({v})")
            elif attr == "pattern":
                checks.append(f"{fn}[{go}]({go_string(str(v))})")
            elif attr in ("min_length", "max_length"):
                checks.append(f"{fn}[{go}]({v})")
            elif attr == "multiple_of":
                checks.append(f"{fn}[{go}]({float(v)!r})")
            elif kind == "integer":
                n = int(_ROUND[attr](v)) if v != int(v) else int(v)
                if _vacuous_for_int64(attr, n):
                    continue  # every int64 passes (specs write +-9223372036854776000 for "any")
                checks.append(f"{fn}[{go}]({min(max(n, _INT64_MIN), _INT64_MAX)})")
            else:
                checks.append(f"{fn}[{go}]({float(v)!r})")
        if c.unique_items and kind == "array":
            checks.append(f"uniqueItems[{go}]()")
        return f"checked({decoder}, {', '.join(checks)})" if checks else decoder

    def map(
        self, t: Type, hint: str, short: str, owner: str | None, secret: bool = False, contained: bool = False
    ) -> GoType:
        """``hint`` names inline types (``ChatKitWorkflowStateVariables``); inside a list or map
        (``contained``) the singular of ``short``, the field's own name, is used when free
        (``StateVariable``).  ``owner`` is the model holding the value by value (None inside
        lists, maps and unions): a reference back to it is held by pointer."""
        if isinstance(t, Primitive):
            go, dec, what, enc = SECRET if secret and t.kind == "string" else PRIMITIVES[t.kind]
            return GoType(go, self.checked(dec, t.constraints, go, t.kind), what, enc)
        if isinstance(t, EnumType):
            name = self.enum(t, hint, short if contained else "")
            _base, dec, enc = enum_base(t)
            return GoType(name, f"{dec}[{name}]", name, f"{enc}[{name}]")
        if isinstance(t, Const):
            return self.const(t)
        if isinstance(t, ArrayType):
            item = self.map(t.items, hint + "Item", _singular(short), None, contained=True)
            dec = self.checked(f"listOf({item.decoder})", t.constraints, item.go, "array")
            return GoType(f"[]{item.go}", dec, "array", f"encodeList({item.encoder})")
        if isinstance(t, MapType):
            val = self.map(t.values, hint + "Value", _singular(short), None, contained=True)
            dec = self.checked(f"mapOf({val.decoder})", t.constraints, val.go, "map")
            return GoType(f"map[string]{val.go}", dec, "object", f"encodeMap({val.encoder})")
        if isinstance(t, Nullable):
            inner = self.map(t.inner, hint, short, owner, secret, contained)
            return GoType(
                f"Nullable[{inner.go}]",
                f"nullableOf({inner.decoder})",
                f"{inner.what} | null",
                f"encodeNullable({inner.encoder})",
            )
        if isinstance(t, UnionType):
            u = self.union(t, hint, short if contained else "")
            return GoType(u.name, f"decode{u.name}", u.what, f"{u.name}.writeJSON")
        if isinstance(t, ModelRef):
            return self.model_ref(t, hint, short, owner)
        if isinstance(t, BinaryType):
            return GoType("json.RawMessage", "decodeAny", "bytes", "encodeAny")
        assert isinstance(t, AnyType)
        return GoType(*ANY)

    def const(self, t: Const) -> GoType:
        value = thaw(t.value)
        base = _const_base(value)
        if base is None:
            literal = go_json_literal(value)
            return GoType("json.RawMessage", f"constJSONOf({literal})", json.dumps(value), "encodeAny")
        go, dec, enc = base
        return GoType(go, f"constOf({dec}, {go}({go_scalar(value)}))", json.dumps(value), enc)

    def const_value(self, t: Const) -> str:
        """A Go expression of the const's value, of the type :meth:`const` gives it."""
        value = thaw(t.value)
        base = _const_base(value)
        if base is None:
            return f"json.RawMessage({go_json_literal(value)})"
        return f"{base[0]}({go_scalar(value)})"

    def enum(self, t: EnumType, hint: str, short: str) -> str:
        key = (hint, t)
        if key not in self.enums:
            name = self.table.claim(short if short and short not in self.table.taken else hint)
            self.enums[key] = EnumDef(name, t, origin=self.context)
        return self.enums[key].name

    def union(self, t: UnionType, hint: str, short: str, name: str | None = None) -> UnionDef:
        if t in self.unions:
            return self.unions[t]
        if name is None:
            wanted = short if short and short != hint and short not in self.table.taken else hint
            name = self.table.claim(wanted)
        u = UnionDef(name, "", [], None, [], [], origin=self.context)
        self.unions[t] = u  # registered first: a recursive variant refers back to it
        mapped = [self.variant_type(v, f"{name}Variant{i}") for i, v in enumerate(t.variants)]
        u.what = " | ".join(dict.fromkeys(m.what for m in mapped))
        used: set[str] = set()
        for src, m in zip(t.variants, mapped, strict=True):
            vname = _variant_name(src, m, self.names)
            base, n = vname, 1
            while vname in used:
                n += 1
                vname = f"{base}{n}"
            used.add(vname)
            u.variants.append(Variant(vname, m.go, m.decoder, m.what, m.encoder))
        checks = [f"variant({m.decoder})" for m in mapped]
        if t.discriminator is not None:
            u.tag = t.discriminator.property
            by_id = {
                src.id: c for src, c in zip(t.variants, checks, strict=True) if isinstance(src, ModelRef)
            }
            by_value: dict[str, list[str]] = {}  # a value several variants share tries each in turn
            for value, mid in t.discriminator.mapping:
                check = by_id.get(mid)
                if check is None and mid in self.names:
                    ref = self.map(ModelRef(mid), name, "", None)
                    check = f"variant({ref.decoder})"
                if check is not None:
                    by_value.setdefault(value, []).append(check)
            for value, found in by_value.items():
                u.tagged.append((value, found[0] if len(found) == 1 else f"firstVariant({', '.join(found)})"))
            u.rest = [c for src, c in zip(t.variants, checks, strict=True) if not isinstance(src, ModelRef)]
        else:
            u.rest = checks
        return u

    def variant_type(self, t: Type, hint: str) -> GoType:
        """A union variant; an unconstrained number keeps its exact text (json.Number)."""
        if isinstance(t, Primitive) and t.kind == "number" and t.constraints.is_empty():
            return GoType("json.Number", "decodeNumber", "number", "encodeNumber")
        return self.map(t, hint, "", None)

    def model_ref(self, t: ModelRef, hint: str, short: str, owner: str | None) -> GoType:
        model = self.models.get(t.id)
        if model is None:
            return GoType(*ANY)
        name = self.names[t.id]
        if model.kind == "object":
            if owner is not None and owner in self.value_reach.get(t.id, set()) | {t.id}:
                ptr = f"*{name}"
                return GoType(ptr, f"decodeModelPtr[{name}, {ptr}]", name, f"encodeModelPtr[{name}]")
            return GoType(name, f"decodeModel[{name}, *{name}]", name, f"{name}.writeJSON")
        enum = model_enum(model)
        if enum is not None:  # the enum type has the model's name; null is allowed where it is used
            _base, dec, enc = enum_base(enum)
            gt = GoType(name, f"{dec}[{name}]", name, f"{enc}[{name}]")
            if isinstance(model.type, Nullable):
                dec, enc = f"nullableOf({gt.decoder})", f"encodeNullable({gt.encoder})"
                return GoType(f"Nullable[{name}]", dec, f"{name} | null", enc)
            return gt
        if isinstance(model.type, UnionType):
            u = self.union(model.type, name, "", name=name)
            return GoType(u.name, f"decode{u.name}", u.what, f"{u.name}.writeJSON")
        if t.id in self._alias_stack or model.type is None:
            return GoType(*ANY)
        inner = self.alias_target(t.id, model.type, name, owner)
        # the alias of a model held by pointer (a cycle back to the owner) is held by pointer too
        go = f"*{name}" if inner.go.startswith("*") else name
        return GoType(go, inner.decoder, inner.what, inner.encoder)

    def alias_target(self, model_id: str, t: Type, name: str, owner: str | None = None) -> GoType:
        """The Go type a non-object model aliases.  A reference back to the model inside it is any
        JSON value: Go allows no alias that refers to itself (``type E = []E``)."""
        self._alias_stack.append(model_id)
        try:
            return self.map(t, name, "", owner)
        finally:
            self._alias_stack.pop()


_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


def _vacuous_for_int64(attr: str, bound: int) -> bool:
    if attr in ("minimum", "exclusive_minimum"):
        return bound < _INT64_MIN or (attr == "minimum" and bound == _INT64_MIN)
    return bound > _INT64_MAX or (attr == "maximum" and bound == _INT64_MAX)


def _singular(short: str) -> str:
    from .names import singular

    return singular(short) if short else ""


def _variant_name(src: Type, m: GoType, names: dict[str, str]) -> str:
    if isinstance(src, Primitive):
        return {"string": "String", "integer": "Int", "number": "Number", "boolean": "Bool"}[src.kind]
    if isinstance(src, ModelRef):
        return names.get(src.id, "Value")
    if isinstance(src, ArrayType):
        return "List"
    if isinstance(src, MapType):
        return "Map"
    if isinstance(src, EnumType):
        return m.go
    if isinstance(src, Const):
        return "Const"
    if isinstance(src, Nullable):
        return "Nullable"
    return exported(m.what, "Value")


def model_enum(model: Model) -> EnumType | None:
    """The enum of an enum model (``Nullable(EnumType)`` too: its Go type is the enum)."""
    t = model.type.inner if isinstance(model.type, Nullable) else model.type
    return t if model.kind == "enum" and isinstance(t, EnumType) else None


def enum_base(t: EnumType) -> tuple[str, str, str]:
    """(Go underlying type, decoder, encoder) of an enum: an integer enum with a value int64 cannot hold
    is a float64 enum (Go constants must fit their type)."""
    if t.base == "integer" and any(not _INT64_MIN <= int(str(v)) <= _INT64_MAX for v in t.values):
        return ENUM_BASES["number"]
    return ENUM_BASES[t.base]


def _const_base(value: object) -> tuple[str, str, str] | None:
    """(Go type, decoder, encoder) of a const, or None for one kept as JSON text (null, objects, arrays, and
    integers int64 cannot hold)."""
    if isinstance(value, int) and not isinstance(value, bool) and not _INT64_MIN <= value <= _INT64_MAX:
        return None
    return CONST_BASES.get(type(value))
