"""Schema -> IR type conversion, normalised once.

Rules (the same for OpenAPI 3.0 and 3.1 input):

* null is never a union member: ``type: [T, "null"]``, ``nullable: true`` (3.0) and an
  ``anyOf``/``oneOf`` with a ``{type: "null"}`` branch all become ``Nullable(T)``;
* a ``$ref`` to a component schema, and any object schema with ``properties``, is a named
  :class:`Model`; inline object schemas are named after where they stand
  (``ChatKitWorkflow`` + ``tracing``), with their JSON pointer as their id;
* ``allOf`` is merged into one object; ``oneOf``/``anyOf`` stay distinguishable;
* 3.0's boolean ``exclusiveMinimum``/``exclusiveMaximum`` become the 3.1 numeric form.

Anything not representable exactly becomes :class:`AnyType` plus a located warning:
never a crash and never a silent drop.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any, Literal

from ..errors import Finding, Severity, SpecError
from ..loading.spec import Node, Spec
from ..loading.yaml_source import unescape_pointer_token
from ..naming import keep_case_words
from .model import (
    AnyType,
    ArrayType,
    BinaryType,
    Const,
    Constraints,
    Default,
    Discriminator,
    EnumType,
    Field,
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


def is_component(node: Node) -> bool:
    rest = node.pointer[len(COMPONENT_PREFIX) :]
    return node.pointer.startswith(COMPONENT_PREFIX) and "/" not in rest


def schema_is_object(s: dict[str, Any]) -> bool:
    t = s.get("type")
    return "properties" in s or t == "object" or (isinstance(t, list) and "object" in t and "properties" in s)


class SchemaConverter:
    """Converts schema nodes to IR types, registering named models as it goes."""

    def __init__(self, spec: Spec, is_30: bool) -> None:
        self.spec = spec
        self.is_30 = is_30
        self.models: dict[str, Model | None] = {}  # id -> Model (None while being built: recursion)
        self.order: list[str] = []
        self.findings: list[Finding] = []

    # -- helpers ------------------------------------------------------------------------------------
    def warn(self, rule: str, message: str, node: Node) -> None:
        self.findings.append(Finding(Severity.WARNING, rule, message, node.location))

    def value(self, node: Node) -> Any:
        return self.spec.value(node)

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

    def component_name(self, node: Node) -> tuple[str, ...]:
        raw = node.pointer[len(COMPONENT_PREFIX) :].replace("~1", "/").replace("~0", "~")
        return keep_case_words(raw) or (raw,)

    def build_model(self, node: Node, name: tuple[str, ...]) -> Model:
        s = self.value(node)
        if not isinstance(s, dict):
            s = {}
        description = s.get("description") or s.get("title")
        examples = _examples(s)
        deprecated = bool(s.get("deprecated"))
        merged = self.merge_all_of(node, s) if "allOf" in s else None
        if merged is not None or schema_is_object(s) and not _is_map_only(s):
            props, required, additional, ad_node = (
                merged if merged is not None else self.object_parts(node, s)
            )
            fields = tuple(self.field(pnode, pname, pname in required, name) for pname, pnode in props)
            extra: Type | None = None
            if isinstance(additional, dict) and ad_node is not None:
                extra = self.convert(ad_node, name + ("Value",))
            elif additional is False:
                extra = None
            return Model(
                node.id, name, "object", description, fields, extra, None, deprecated, examples, node.location
            )
        t = self.convert_inline(node, s, name)
        kind: ModelKind = (
            "enum"
            if isinstance(t, EnumType) or isinstance(t, Nullable) and isinstance(t.inner, EnumType)
            else "alias"
        )
        return Model(node.id, name, kind, description, (), None, t, deprecated, examples, node.location)

    def object_parts(
        self, node: Node, s: dict[str, Any]
    ) -> tuple[list[tuple[str, Node]], set[str], Any, Node | None]:
        props = s.get("properties") or {}
        pairs = [(str(k), node.child("properties", k)) for k in props] if isinstance(props, dict) else []
        required = {str(r) for r in s.get("required", []) if isinstance(r, str)}
        additional = s.get("additionalProperties")
        ad_node = node.child("additionalProperties") if isinstance(additional, dict) else None
        return pairs, required, additional, ad_node

    def merge_all_of(
        self, node: Node, s: dict[str, Any]
    ) -> tuple[list[tuple[str, Node]], set[str], Any, Node | None] | None:
        """Merge ``allOf`` branches (and the schema's own properties) into one object, or None."""
        props: dict[str, Node] = {}
        required: set[str] = set()
        additional: Any = None
        ad_node: Node | None = None
        branches = s.get("allOf")
        if not isinstance(branches, list):
            return None
        stack = [node.child("allOf", i) for i in range(len(branches))]
        seen: set[str] = set()
        for bnode in stack:
            target, b = self.spec.deref(bnode)
            if target.id in seen or not isinstance(b, dict):
                continue
            seen.add(target.id)
            if "allOf" in b:
                sub = self.merge_all_of(target, b)
                if sub is None:
                    return None
                bp, br, ba, ban = sub
            elif schema_is_object(b) or not b.keys() - {
                "description",
                "title",
                "required",
                "example",
                "examples",
            }:
                bp, br, ba, ban = self.object_parts(target, b)
            else:
                return None
            for k, pn in bp:
                if k not in props or not _is_weaker(self.value(pn)):  # a later `{}` does not erase a type
                    props[k] = pn
            required |= br
            if ba is not None:
                additional, ad_node = ba, ban
        own, own_req, own_ad, own_ad_node = self.object_parts(node, s)
        for k, pn in own:
            props[k] = pn
        required |= own_req
        if own_ad is not None:
            additional, ad_node = own_ad, own_ad_node
        return list(props.items()), required, additional, ad_node

    def field(self, pnode: Node, pname: str, required: bool, owner: tuple[str, ...]) -> Field:
        raw = self.value(pnode)
        s = raw if isinstance(raw, dict) else {}
        t = self.convert(
            pnode, owner + keep_case_words(pname) if keep_case_words(pname) else owner + ("Field",)
        )
        inner_s = _non_null_branch(self.spec, pnode, s)
        description = s.get("description") or inner_s.get("description")
        if description is None and "$ref" in s:
            description = None  # the model documents itself
        default = (
            Default(freeze(s["default"]))
            if "default" in s
            else (Default(freeze(inner_s["default"])) if "default" in inner_s else None)
        )
        secret = any(
            d.get("format") == "password" or d.get("x-oasgen-secret") is True or _ext(d).get("secret") is True
            for d in (s, inner_s)
        )
        return Field(
            name=pname,
            type=t,
            required=required,
            description=description,
            default=default,
            secret=secret,
            deprecated=bool(s.get("deprecated") or inner_s.get("deprecated")),
            read_only=bool(s.get("readOnly")),
            write_only=bool(s.get("writeOnly")),
            examples=_examples(s),
            location=pnode.location,
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
        if isinstance(s, dict) and (schema_is_object(s) or "allOf" in s) and not _is_map_only(s):
            return self.model_ref(final, keep_case_words(final.name) or ("Schema",))
        return self.convert(final, keep_case_words(final.name) or ("Schema",))

    def convert_inline(self, node: Node, s: dict[str, Any], name: tuple[str, ...]) -> Type:
        # 3.0 nullable, and null in a 3.1 type list.
        t = s.get("type")
        if self.is_30 and s.get("nullable") is True:
            rest = {k: v for k, v in s.items() if k != "nullable"}
            return _nullable(self.convert_inline(node, rest, name))
        if isinstance(t, list):
            non_null = [x for x in t if x != "null"]
            if len(non_null) != len(t):
                rest = dict(s, type=non_null[0] if len(non_null) == 1 else non_null)
                if not non_null:
                    return Nullable(AnyType())
                return _nullable(self.convert_inline(node, rest, name))
            if len(non_null) > 1:
                variants = tuple(self.convert_inline(node, dict(s, type=x), name) for x in non_null)
                return UnionType(variants, "types")
            if non_null:
                return self.convert_inline(node, dict(s, type=non_null[0]), name)
        if "const" in s:
            return Const(freeze(s["const"]))
        if "enum" in s and isinstance(s["enum"], list):
            return self.enum(node, s)
        for kind in ("oneOf", "anyOf"):
            if isinstance(s.get(kind), list):
                return self.union(node, s, kind, name)
        if "allOf" in s:
            branches = s["allOf"]
            if isinstance(branches, list) and len(branches) == 1 and not schema_is_object(s):
                return self.convert(node.child("allOf", 0), name)
            if self.merge_all_of(node, s) is not None:
                return self.model_ref(node, name)
            self.warn("unsupported-allof", "allOf of non-object schemas is typed as any", node)
            return AnyType()
        if t == "null":
            return Nullable(AnyType())
        if schema_is_object(s) or t is None and "additionalProperties" in s:
            if _is_map_only(s):
                ad = s.get("additionalProperties", True)
                values = (
                    self.convert(node.child("additionalProperties"), name + ("Value",))
                    if isinstance(ad, dict)
                    else AnyType()
                )
                return MapType(values, self.constraints(s))
            return self.model_ref(node, name)
        if t == "array" or t is None and "items" in s:
            items = self.convert(node.child("items"), name + ("Item",)) if "items" in s else AnyType()
            return ArrayType(items, self.constraints(s))
        if t == "string":
            if s.get("format") in _BINARY_FORMATS or s.get("contentEncoding") == "binary":
                return BinaryType()
            return Primitive("string", s.get("format"), self.constraints(s))
        if t in ("integer", "number", "boolean"):
            return Primitive(t, s.get("format"), self.constraints(s))
        if "not" in s:
            self.warn("unsupported-not", "`not` schemas are typed as any", node)
        return AnyType()

    def enum(self, node: Node, s: dict[str, Any]) -> Type:
        values = list(s["enum"])
        has_null = None in values
        values = [v for v in values if v is not None]
        t = s.get("type")
        base: Literal["string", "integer", "number"] | None = (
            t if t in ("string", "integer", "number") else None
        )
        if base is None:
            kinds = {
                ("integer" if isinstance(v, int) and not isinstance(v, bool) else type(v).__name__)
                for v in values
            }
            base = (
                "integer"
                if kinds == {"integer"}
                else "number" if kinds <= {"integer", "float"} and kinds else "string"
            )
            if kinds - {"integer", "float", "str"}:
                self.warn(
                    "unsupported-enum", "enum values that are not strings or numbers are typed as any", node
                )
                return AnyType()
        result: Type = EnumType(base, tuple(freeze(v) for v in values))
        return Nullable(result) if has_null else result

    def union(self, node: Node, s: dict[str, Any], kind: str, name: tuple[str, ...]) -> Type:
        branches = s[kind]
        variants: list[Type] = []
        nullable = False
        for i in range(len(branches)):
            bnode = node.child(kind, i)
            _, b = self.spec.deref(bnode)
            if isinstance(b, dict) and b.get("type") == "null" and len(b) <= 2:
                nullable = True
                continue
            title = b.get("title") if isinstance(b, dict) else None
            v = self.convert(
                bnode,
                name
                + (
                    keep_case_words(title)
                    if isinstance(title, str) and keep_case_words(title)
                    else (f"Variant{i}",)
                ),
            )
            if isinstance(v, Nullable):
                nullable, v = True, v.inner
            if v not in variants:
                variants.append(v)
        if not variants:
            return Nullable(AnyType())
        disc = self.discriminator(node, s, variants)
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


def _is_map_only(s: dict[str, Any]) -> bool:
    return not s.get("properties") and "allOf" not in s


def _is_weaker(s: Any) -> bool:
    return not isinstance(s, dict) or not s


def _ext(s: dict[str, Any]) -> dict[str, Any]:
    x = s.get("x-oasgen")
    return x if isinstance(x, dict) else {}


def _examples(s: dict[str, Any]) -> tuple[object, ...]:
    if "examples" in s and isinstance(s["examples"], list):
        return tuple(freeze(e) for e in s["examples"])
    if "example" in s:
        return (freeze(s["example"]),)
    return ()


def _non_null_branch(spec: Spec, node: Node, s: dict[str, Any]) -> dict[str, Any]:
    """For ``anyOf: [X, {type: null}]`` the X branch (its description and format often live there)."""
    for kind in ("anyOf", "oneOf"):
        branches = s.get(kind)
        if isinstance(branches, list):
            rest = [
                i for i, b in enumerate(branches) if not (isinstance(b, dict) and b.get("type") == "null")
            ]
            if len(rest) == 1 and len(rest) < len(branches):
                b = branches[rest[0]]
                if isinstance(b, dict) and "$ref" not in b:
                    return b
    return {}


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
