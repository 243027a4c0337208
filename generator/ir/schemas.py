"""Schema -> IR type conversion, normalised once.

Rules (the same for OpenAPI 3.0 and 3.1 input):

* null is never a union member: ``type: [T, "null"]``, ``nullable: true`` (3.0) and an
  ``anyOf``/``oneOf`` with a ``{type: "null"}`` branch all become ``Nullable(T)``; a schema that
  only allows null (``type: "null"``, ``const: null``) is ``Const(None)``;
* a ``$ref`` to a component schema, and any object schema with ``properties``, is a named
  :class:`Model`; inline object schemas are named after where they stand
  (``ChatKitWorkflow`` + ``tracing``), with their JSON pointer as their id;
* ``allOf`` is merged into one object, and ``allOf`` whose other members only annotate is the
  annotated type itself (objects.py); ``oneOf``/``anyOf`` stay distinguishable, also beside
  object keywords;
* ``enum`` and a ``oneOf``/``anyOf`` of ``const``s are typed exactly by their values (enums.py);
* 3.0's boolean ``exclusiveMinimum``/``exclusiveMaximum`` become the 3.1 numeric form.

Anything not representable exactly becomes :class:`AnyType` (or, for ``not``, its base type)
plus a located warning: never a crash and never a silent drop.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

from ..errors import Finding, Severity, SpecError
from ..loading.spec import Node, Spec
from ..loading.yaml_source import unescape_pointer_token
from ..naming import keep_case_words
from .enums import Member, const_members, exact_type, names_and_descriptions, nullable_if
from .model import (
    AnyType,
    ArrayType,
    BinaryType,
    Const,
    Constraints,
    Discriminator,
    EnumType,
    MapType,
    Model,
    ModelKind,
    ModelRef,
    Nullable,
    Primitive,
    Type,
    UnionType,
    freeze,
)
from .objects import ObjectReader, Parts
from .shapes import is_annotation, is_map_only, schema_is_object

COMPONENT_PREFIX = "/components/schemas/"
_CONSTRAINT_KEYS = {
    "minLength": "min_length",
    "maxLength": "max_length",
    "pattern": "pattern",
    "multipleOf": "multiple_of",
    "minItems": "min_items",
    "maxItems": "max_items",
    "minProperties": "min_properties",
    "maxProperties": "max_properties",
}
_BINARY_FORMATS = {"binary"}
_JSON_TYPES = ("string", "integer", "number", "boolean", "object", "array", "null")
# Keywords that narrow or shape values in ways the IR has no type for, and what is typed instead.
_UNTYPED_KEYWORDS = {
    "prefixItems": "the items are typed by `items` alone (any value without it)",
    "patternProperties": "members matching a pattern are typed by `additionalProperties` alone",
    "if": "the conditional schema is not checked",
    "dependentSchemas": "the dependent schemas are not checked",
}
# A union variant: (branch index, branch node, name for inline models) -> its type.
VariantOf = Callable[[int, Node, tuple[str, ...]], Type]


def is_component(node: Node) -> bool:
    rest = node.pointer[len(COMPONENT_PREFIX) :]
    return node.pointer.startswith(COMPONENT_PREFIX) and "/" not in rest


class SchemaConverter:
    """Converts schema nodes to IR types, registering named models as it goes."""

    def __init__(self, spec: Spec, is_30: bool) -> None:
        self.spec = spec
        self.is_30 = is_30
        self.models: dict[str, Model | None] = {}  # id -> Model (None while being built: recursion)
        self.order: list[str] = []
        self.findings: list[Finding] = []
        self.objects = ObjectReader(self)
        self._warned: set[tuple[str, str, str]] = set()

    # -- helpers ------------------------------------------------------------------------------------
    def warn(self, rule: str, message: str, node: Node) -> None:
        key = (rule, message, node.id)
        if key not in self._warned:  # a schema reached twice (3.0 nullable, type lists) warns once
            self._warned.add(key)
            self.findings.append(Finding(Severity.WARNING, rule, message, node.location))

    def value(self, node: Node) -> Any:
        return self.spec.value(node)

    def examples(self, s: dict[str, Any]) -> tuple[object, ...]:
        return _examples(s)

    def constraints(self, s: dict[str, Any]) -> Constraints:
        kw: dict[str, Any] = {v: s[k] for k, v in _CONSTRAINT_KEYS.items() if k in s}
        if s.get("uniqueItems") is True:
            kw["unique_items"] = True
        for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
            ex = s.get(exclusive)
            if isinstance(ex, bool):  # OpenAPI 3.0 form
                if bound in s:
                    kw["exclusive_" + bound if ex else bound] = s[bound]
            else:
                if bound in s:
                    kw[bound] = s[bound]
                if isinstance(ex, (int, float)):
                    kw["exclusive_" + bound] = ex
        return Constraints(**kw)

    # -- models -------------------------------------------------------------------------------------
    def model_ref(self, node: Node, name: tuple[str, ...]) -> ModelRef:
        """Register (once) the object/enum/alias schema at ``node`` as a named model."""
        mid = node.id
        if mid not in self.models:
            self.models[mid] = None
            self.order.append(mid)
            self.models[mid] = self.build_model(node, name)
        return ModelRef(mid)

    def register(
        self, mid: str, name: tuple[str, ...], node: Node, s: dict[str, Any], parts: Parts
    ) -> ModelRef:
        """Register (once) an object model of merged ``parts`` under the id ``mid``."""
        if mid not in self.models:
            self.models[mid] = None
            self.order.append(mid)
            self.models[mid] = self.objects.model(mid, name, node, s, parts)
        return ModelRef(mid)

    def component_name(self, node: Node) -> tuple[str, ...]:
        raw = node.pointer[len(COMPONENT_PREFIX) :].replace("~1", "/").replace("~0", "~")
        return keep_case_words(raw) or (raw,)

    def build_model(self, node: Node, name: tuple[str, ...]) -> Model:
        s = self.value(node)
        if not isinstance(s, dict):
            s = {}
        shape = self.objects.shape(node, s, name)
        if isinstance(shape, Parts):
            return self.objects.model(node.id, name, node, s, shape)
        t = shape if shape is not None else self.convert_inline(node, s, name)
        kind: ModelKind = (
            "enum"
            if isinstance(t, EnumType) or isinstance(t, Nullable) and isinstance(t.inner, EnumType)
            else "alias"
        )
        return Model(
            node.id,
            name,
            kind,
            s.get("description") or s.get("title"),
            (),
            None,
            t,
            bool(s.get("deprecated")),
            _examples(s),
            node.location,
        )

    # -- types --------------------------------------------------------------------------------------
    def convert(self, node: Node, name: tuple[str, ...]) -> Type:
        """The IR type of the schema at ``node``; ``name`` names inline models found there."""
        s = self.value(node)
        if s is True or s == {}:
            return AnyType()
        if not isinstance(s, dict):
            if s is False:
                self.warn("unsupported-schema", "a `false` schema matches nothing; typed as any", node)
            return AnyType()
        if "$ref" in s:
            target = self.spec.ref_target(s["$ref"], node)
            t = self.ref_type(target)
            return (
                Nullable(t) if self.is_30 and s.get("nullable") is True and not isinstance(t, Nullable) else t
            )
        return self.convert_inline(node, s, name)

    def ref_type(self, target: Node) -> Type:
        final, s = self.spec.deref(target)
        if is_component(final) or final.id in self.models:
            return self.model_ref(final, self.component_name(final) if is_component(final) else ("Schema",))
        words = keep_case_words(final.name) or ("Schema",)
        if isinstance(s, dict) and (schema_is_object(s) or "allOf" in s) and not is_map_only(s):
            return self.model_ref(final, words)
        return self.convert(final, words)

    def convert_inline(self, node: Node, s: dict[str, Any], name: tuple[str, ...]) -> Type:
        self.warn_unchecked(node, s)
        if isinstance(s.get("enum"), list):
            return self.enum(node, s)
        # 3.0 nullable, and null in a 3.1 type list.
        t = s.get("type")
        if self.is_30 and s.get("nullable") is True:
            rest = {k: v for k, v in s.items() if k != "nullable"}
            return _nullable(self.convert_inline(node, rest, name))
        if isinstance(t, list):
            non_null = [x for x in t if x != "null"]
            if len(non_null) != len(t):
                if not non_null:
                    return self.convert_inline(node, dict(s, type="null"), name)
                rest = dict(s, type=non_null[0] if len(non_null) == 1 else non_null)
                return _nullable(self.convert_inline(node, rest, name))
            if len(non_null) > 1:
                variants = tuple(self.convert_inline(node, dict(s, type=x), name) for x in non_null)
                return UnionType(variants, "types")
            if non_null:
                return self.convert_inline(node, dict(s, type=non_null[0]), name)
        if "const" in s:
            value = freeze(s["const"])
            if isinstance(value, float) and not math.isfinite(value):  # YAML's .inf, .nan
                self.warn("enum-value", f"const {value!r} is not a JSON number; typed as number", node)
                return Primitive("number")
            return Const(value)
        if t == "null":
            return Const(None)
        if "allOf" in s or schema_is_object(s) and not is_map_only(s):
            shape = self.objects.shape(node, s, name)
            if isinstance(shape, Parts):
                return self.model_ref(node, name)
            if shape is not None:
                return shape
            if "allOf" in s:
                self.warn("unsupported-allof", "allOf of non-object schemas is typed as any", node)
                return AnyType()
        kind = self.objects.typed_union(node, s)
        if kind is not None:
            return self.union(node, s, kind, name)
        if schema_is_object(s) or t is None and "additionalProperties" in s:
            ad = s.get("additionalProperties", True)
            values = (
                self.convert(node.child("additionalProperties"), name + ("Value",))
                if isinstance(ad, dict)
                else AnyType()
            )
            return MapType(values, self.constraints(s))
        if t == "array" or t is None and "items" in s:
            items = self.convert(node.child("items"), name + ("Item",)) if "items" in s else AnyType()
            return ArrayType(items, self.constraints(s))
        if t == "string":
            if s.get("format") in _BINARY_FORMATS or s.get("contentEncoding") == "binary":
                return BinaryType()
            return Primitive("string", s.get("format"), self.constraints(s))
        if t in ("integer", "number", "boolean"):
            return Primitive(t, s.get("format"), self.constraints(s))
        return AnyType()

    def warn_unchecked(self, node: Node, s: dict[str, Any]) -> None:
        """Keywords the IR does not type: a located warning, never a silent widening."""
        if "not" in s:
            typed = any(not is_annotation(k) and k != "not" for k in s)
            self.warn(
                "unsupported-not",
                (
                    "`not` is not checked by the SDKs; typed as the rest of the schema"
                    if typed
                    else "`not` schemas are typed as any"
                ),
                node,
            )
        for key, what in _UNTYPED_KEYWORDS.items():
            if key in s:
                self.warn("unsupported-keyword", f"`{key}` is not typed by the SDKs: {what}", node)

    def enum(self, node: Node, s: dict[str, Any]) -> Type:
        values = [freeze(v) for v in s["enum"]]
        names, descriptions, problems = names_and_descriptions(s, values)
        members = [
            Member(v, names[i] if names else (), descriptions[i] if descriptions else None)
            for i, v in enumerate(values)
        ]
        return self.exact(node, s, members, problems)

    def exact(self, node: Node, s: dict[str, Any], members: list[Member], problems: list[str]) -> Type:
        """The type of a closed list of values (an enum, a oneOf of consts) under ``s``'s ``type``."""
        t = s.get("type")
        types = {x for x in (t if isinstance(t, list) else [t]) if x in _JSON_TYPES}
        null_ok = "null" in types or self.is_30 and s.get("nullable") is True
        allowed = types - {"null"} or None
        result, has_null, more = exact_type(members, allowed)
        for message in problems + more:
            self.warn("enum-value", message, node)
        if has_null and types and not null_ok:
            self.warn(
                "enum-value",
                "enum lists null but the schema's type does not allow it; typed as nullable",
                node,
            )
        if result is None and has_null:
            return Const(None)  # only null
        if result is None:
            self.warn("enum-value", "no enum value can validate; typed by the schema's type alone", node)
            rest = {k: v for k, v in s.items() if k not in ("enum", "oneOf", "anyOf")}
            result = self.convert_inline(node, rest, ("Value",))
        return nullable_if(result, has_null or null_ok)

    def union(
        self,
        node: Node,
        s: dict[str, Any],
        kind: str,
        name: tuple[str, ...],
        variant: VariantOf | None = None,
        merged: dict[str, str] | None = None,
    ) -> Type:
        """``variant`` types each branch (default: :meth:`convert`); when it merges common parts
        into a variant, ``merged`` maps the variant's id to the merged model's (filled as it goes):
        the discriminator is read against the spec's own variants and then points at the merged."""
        branches = s[kind]
        if variant is None:
            consts = const_members(s, [self.spec.deref(node.child(kind, i))[1] for i in range(len(branches))])
            if consts is not None:
                return self.exact(node, s, consts, [])
        variants: list[Type] = []
        nullable = False
        for i in range(len(branches)):
            bnode = node.child(kind, i)
            _, b = self.spec.deref(bnode)
            if isinstance(b, dict) and b.get("type") == "null" and len(b) <= 2:
                nullable = True
                continue
            title = b.get("title") if isinstance(b, dict) else None
            vname = name + (
                keep_case_words(title)
                if isinstance(title, str) and keep_case_words(title)
                else (f"Variant{i}",)
            )
            v = variant(i, bnode, vname) if variant is not None else self.convert(bnode, vname)
            if isinstance(v, Nullable):
                nullable, v = True, v.inner
            if v not in variants:
                variants.append(v)
        if not variants:
            return Const(None) if nullable else AnyType()
        back = {mid: vid for vid, mid in (merged or {}).items()}
        own = [ModelRef(back[v.id]) if isinstance(v, ModelRef) and v.id in back else v for v in variants]
        disc = self.discriminator(node, s, own)
        if disc is not None and merged:
            pairs = dict.fromkeys((value, merged.get(mid, mid)) for value, mid in disc.mapping)
            disc = Discriminator(disc.property, tuple(pairs))
        result: Type = (
            variants[0]
            if len(variants) == 1
            else UnionType(tuple(variants), "oneOf" if kind == "oneOf" else "anyOf", disc)
        )
        return _nullable(result) if nullable else result

    def discriminator(self, node: Node, s: dict[str, Any], variants: list[Type]) -> Discriminator | None:
        d = s.get("discriminator")
        if not isinstance(d, dict) or not isinstance(d.get("propertyName"), str):
            return None
        prop = d["propertyName"]
        named = {v.id for v in variants if isinstance(v, ModelRef)}
        # (value, model id) pairs: explicit mapping first, then each unmapped variant's own value.
        # Two variants may share a value (both say type: message): both stay, in spec order.
        # When the oneOf/anyOf names its variants, a mapping entry that does not lead to one of
        # them is a warning: dispatch falls back to that variant's own value.
        mapping: list[tuple[str, str]] = []
        raw = d.get("mapping")
        at = node.child("discriminator")
        for value, ref in (raw if isinstance(raw, dict) else {}).items():
            entry = at.child("mapping", value)
            ref = str(ref) if "#" in str(ref) or "/" in str(ref) else f"#/components/schemas/{ref}"
            try:
                mid = self.spec.deref(self.spec.ref_target(ref, at))[0].id
            except SpecError as exc:
                if not named:
                    raise
                problem = exc.findings[0].message if exc.findings else "it does not resolve"
                self.warn(
                    "discriminator-mapping",
                    f"discriminator mapping {value!r} is not used ({problem}); "
                    f"dispatch falls back to the variants' own {prop!r} values",
                    entry,
                )
                continue
            through = self.spec.ref_warning(ref, at)
            if through is not None:
                self.warn("ref-through", through.message, entry)
            if named and mid not in named:
                self.warn(
                    "discriminator-mapping",
                    f"discriminator mapping {value!r} points at {mid}, which is not one of the "
                    f"variants; dispatch falls back to the variants' own {prop!r} values",
                    entry,
                )
                continue
            mapping.append((str(value), mid))
        mapped = {mid for _, mid in mapping}
        for v in variants:
            if isinstance(v, ModelRef) and v.id not in mapped:
                model = self.models.get(v.id)
                value = _discriminator_value(model, prop) if model else None
                mapping.append((value if value is not None else _implicit_value(v.id), v.id))
        return Discriminator(prop, tuple(mapping))


# -- small pure helpers ----------------------------------------------------------------------------------
def _nullable(t: Type) -> Type:
    return t if isinstance(t, Nullable) else Nullable(t)


def _examples(s: dict[str, Any]) -> tuple[object, ...]:
    if "examples" in s and isinstance(s["examples"], list):
        return tuple(freeze(e) for e in s["examples"])
    if "example" in s:
        return (freeze(s["example"]),)
    return ()


def _implicit_value(model_id: str) -> str:
    """A variant's discriminator value when nothing names one: its schema's name (file stem)."""
    if model_id.endswith("#"):
        return PurePosixPath(model_id[:-1]).stem
    return unescape_pointer_token(model_id.rsplit("/", 1)[-1])


def _discriminator_value(model: Model, prop: str) -> str | None:
    for f in model.fields:
        if f.name == prop:
            t = f.type
            if isinstance(t, Const) and isinstance(t.value, str):
                return t.value
            if isinstance(t, EnumType) and len(t.values) == 1 and isinstance(t.values[0], str):
                return t.values[0]
    return None
