"""The type table: an IR type as a TypeScript type, and as the checker that parses it at run time.

Checkers are expressions over the runtime (``$.str``, ``$.nullable($.int)``, ``parseChatSession``);
composite ones are hoisted once into module constants (``$c3``), deduplicated by their text, so a
parse function never builds a closure per call.
"""

from __future__ import annotations

import json
from collections.abc import Callable

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
    thaw,
)
from .names import prop_key

PRIMITIVE_TS = {"string": "string", "integer": "number", "number": "number", "boolean": "boolean"}
PRIMITIVE_CHECK = {"string": "$.str", "integer": "$.int", "number": "$.num", "boolean": "$.bool"}
OPEN = {"string": "(string & {})", "integer": "(number & {})", "number": "(number & {})"}

# constraint field -> runtime rule (the value's kind decides which apply)
_RULES = (
    ("min_length", "minLength"),
    ("max_length", "maxLength"),
    ("pattern", "pattern"),
    ("minimum", "minimum"),
    ("maximum", "maximum"),
    ("exclusive_minimum", "exclusiveMinimum"),
    ("exclusive_maximum", "exclusiveMaximum"),
    ("multiple_of", "multipleOf"),
    ("min_items", "minItems"),
    ("max_items", "maxItems"),
    ("min_properties", "minProperties"),
    ("max_properties", "maxProperties"),
)
_APPLIES = {
    "string": {"min_length", "max_length", "pattern"},
    "number": {"minimum", "maximum", "exclusive_minimum", "exclusive_maximum", "multiple_of"},
    "array": {"min_items", "max_items", "unique_items"},
    "object": {"min_properties", "max_properties"},
}


def js(value: object) -> str:
    """A JSON value as a JavaScript literal (ASCII only: other characters as \\u escapes)."""
    return json.dumps(thaw(value), ensure_ascii=True)


def literal_type(value: object) -> str:
    """A JSON value as a TypeScript literal type (``{}`` would mean "any object": spelled exactly)."""
    value = thaw(value)
    if value == {}:
        return "Record<string, never>"
    if value == []:
        return "[]"
    return js(value)


def describe(t: Type, names: dict[str, str]) -> str:
    """How a type reads in an error message: ``string``, ``ChatSession``, ``list``."""
    if isinstance(t, Primitive):
        return t.kind
    if isinstance(t, EnumType):
        return t.base
    if isinstance(t, Nullable):
        return describe(t.inner, names) + " or null"
    if isinstance(t, ModelRef):
        return names.get(t.id, "object")
    if isinstance(t, ArrayType):
        return "list"
    if isinstance(t, MapType):
        return "object"
    if isinstance(t, Const):
        return js(t.value)
    if isinstance(t, UnionType):
        parts = [describe(v, names) for v in t.variants]
        return ", ".join(parts[:-1]) + " or " + parts[-1] if len(parts) > 1 else "".join(parts)
    return "value"


class Types:
    """Maps IR types for one module; ``model_ref`` spells a model's parse function there."""

    def __init__(self, names: dict[str, str], type_prefix: str, parse_prefix: str) -> None:
        self.names = names
        self.type_prefix = type_prefix  # "" inside models.ts, "M." elsewhere
        self.parse_prefix = parse_prefix  # "" inside parse.ts, "P." elsewhere
        self.hoisted: dict[str, str] = {}  # expression -> constant name, in creation order
        self.enums: dict[str, Type] = {}  # enum model id -> its type (checked inline, like its values)

    # -- types ----------------------------------------------------------------------------------
    def ts(self, t: Type) -> str:
        if isinstance(t, Primitive):
            return PRIMITIVE_TS[t.kind]
        if isinstance(t, EnumType):
            return " | ".join([js(v) for v in t.values] + [OPEN[t.base]])
        if isinstance(t, Const):
            return literal_type(t.value)
        if isinstance(t, ArrayType):
            return f"Array<{self.ts(t.items)}>"
        if isinstance(t, MapType):
            return f"Record<string, {self.ts(t.values)}>"
        if isinstance(t, UnionType):
            parts = list(dict.fromkeys(self.ts(v) for v in t.variants))
            return " | ".join(parts) if parts else "unknown"
        if isinstance(t, Nullable):
            inner = self.ts(t.inner)
            return inner if inner in ("unknown", "null") else f"{inner} | null"
        if isinstance(t, ModelRef):
            return self.type_prefix + self.names[t.id]
        if isinstance(t, BinaryType):
            return "Blob"
        assert isinstance(t, AnyType)
        return "unknown"

    # -- checkers -------------------------------------------------------------------------------
    def hoist(self, expr: str) -> str:
        if expr not in self.hoisted:
            self.hoisted[expr] = f"$c{len(self.hoisted)}"
        return self.hoisted[expr]

    def check(self, t: Type) -> str:
        """The checker of ``t``: a runtime name, a parse function, or a hoisted constant."""
        if isinstance(t, Primitive):
            return self._constrained(PRIMITIVE_CHECK[t.kind], t.constraints, _kind_of(t.kind))
        if isinstance(t, EnumType):
            return PRIMITIVE_CHECK[t.base]
        if isinstance(t, Const):
            return self.hoist(f"$.constant({js(t.value)})")
        if isinstance(t, ArrayType):
            inner = self.hoist(f"$.list({self.check(t.items)})")
            return self._constrained(inner, t.constraints, "array")
        if isinstance(t, MapType):
            inner = self.hoist(f"$.map({self.check(t.values)})")
            return self._constrained(inner, t.constraints, "object")
        if isinstance(t, Nullable):
            return self.hoist(f"$.nullable({self.check(t.inner)})")
        if isinstance(t, ModelRef):
            return f"{self.parse_prefix}parse{self.names[t.id]}"
        if isinstance(t, UnionType):
            return self._union(t)
        if isinstance(t, BinaryType):
            return "$.blob"
        return "$.any"

    def _union(self, t: UnionType) -> str:
        what = js(describe(t, self.names))
        d = t.discriminator
        if d is not None and d.mapping:
            by_tag: dict[str, list[str]] = {}
            for k, mid in d.mapping:  # a tag may name several models: they are tried in order
                by_tag.setdefault(k, []).append(mid)
            tags = ", ".join(f"{js(k)}: {self._tag_check(mids)}" for k, mids in by_tag.items())
            mapped = {mid for _k, mid in d.mapping}
            rest = [v for v in t.variants if not (isinstance(v, ModelRef) and v.id in mapped)]
            fallback = self.hoist(self._plain_union(t, what)) if rest else "null"
            return self.hoist(f"$.tagged({js(d.property)}, {what}, {{ {tags} }}, {fallback})")
        return self.hoist(self._plain_union(t, what))

    def _tag_check(self, model_ids: list[str]) -> str:
        checks = list(dict.fromkeys(self.check(ModelRef(mid)) for mid in model_ids))
        if len(checks) == 1:
            return checks[0]
        what = js(" or ".join(self.names.get(mid, "object") for mid in model_ids))
        return self.hoist(f"$.union({what}, [{', '.join(checks)}])")

    def _plain_union(self, t: UnionType, what: str) -> str:
        variants = list(dict.fromkeys(self.check(v) for v in t.variants))
        return f"$.union({what}, [{', '.join(variants)}])"

    def _constrained(self, base: str, c: Constraints, kind: str) -> str:
        if c.is_empty():
            return base
        rules: list[str] = []
        for attr, fn in _RULES:
            value = getattr(c, attr)
            if value is not None and attr in _APPLIES[kind]:
                rules.append(f"$.{fn}({js(value)})")
        if c.unique_items and kind == "array":
            rules.append("$.uniqueItems()")
        if not rules:
            return base
        return self.hoist(f"$.checked({base}, [{', '.join(rules)}])")

    def fast_bad(self, t: Type, v: str) -> str | None:
        """A JS condition, true when ``v`` is *not* a valid ``t``, for the types a typeof test or a
        comparison decides (the generated code checks them inline); None for the others."""
        if isinstance(t, Primitive) and t.constraints.is_empty():
            return _FAST[t.kind].format(v=v)
        if isinstance(t, EnumType):
            return _FAST[t.base].format(v=v)
        if isinstance(t, Const) and (t.value is None or isinstance(t.value, (str, int, float, bool))):
            return f"{v} !== {js(t.value)}"
        if isinstance(t, ModelRef) and t.id in self.enums:
            return self.fast_bad(self.enums[t.id], v)
        if isinstance(t, Nullable):
            inner = self.fast_bad(t.inner, v)
            return None if inner is None else f"{v} !== null && {_paren(inner)}"
        return None

    def constants(self) -> list[tuple[str, str]]:
        """(name, expression) of every hoisted checker, in dependency order."""
        return [(name, expr) for expr, name in self.hoisted.items()]


_FAST = {
    "string": 'typeof {v} !== "string"',
    "boolean": 'typeof {v} !== "boolean"',
    "integer": "!Number.isSafeInteger({v})",
    "number": "!Number.isFinite({v})",
}


def _paren(cond: str) -> str:
    return cond if cond.startswith(("typeof", "!")) and "&&" not in cond else f"({cond})"


def _kind_of(primitive: str) -> str:
    return {"string": "string", "integer": "number", "number": "number", "boolean": "none"}[primitive]


_APPLIES["none"] = set()

KeyFn = Callable[[str], str]
__all__ = ["Types", "describe", "js", "literal_type", "prop_key"]
