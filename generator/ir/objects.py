"""Object schemas -> models, with ``allOf`` merged and unions beside object keywords kept.

An object's *parts* are its properties, required names and ``additionalProperties``, merged over
``allOf`` (a later member wins, except that a ``{}`` property does not erase a type).  Then:

* ``allOf`` with one member that gives a type and others that only annotate (a description,
  ``nullable``, a default, ...) is that member's type itself, not a new model;
* a typed ``oneOf``/``anyOf`` beside the parts (on the schema or in one ``allOf`` member) is a
  union; when there are common parts, each object variant that lacks them becomes a model of the
  common parts plus the variant's own (id: the owner's pointer + ``/oneOf/<i>``);
* a ``oneOf`` whose branches only list ``required`` names constrains the object: it stays one model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..loading.spec import Node, Spec
from ..naming import keep_case_words
from .enums import nullable_if
from .model import Default, Field, Model, Type, freeze
from .shapes import annotation_only, constraint_only, is_map_only, is_weaker, says_nullable, schema_is_object

if TYPE_CHECKING:
    from .schemas import SchemaConverter


@dataclass(frozen=True)
class UnionSite:
    """A typed ``oneOf``/``anyOf``: the schema that holds it, and which keyword."""

    node: Node
    s: dict[str, Any]
    kind: str


@dataclass
class Parts:
    props: dict[str, Node] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    additional: Any = None  # a typed additionalProperties schema (None: not given, true or false)
    ad_node: Node | None = None
    unions: list[UnionSite] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not self.props and not self.required and self.additional is None

    def covered_by(self, other: Parts) -> bool:
        """Whether ``other`` already declares (and requires) everything these parts do."""
        return (
            all(k in other.props for k in self.props)
            and self.required <= other.required
            and self.additional is None
        )


class ObjectReader:
    def __init__(self, conv: SchemaConverter) -> None:
        self.conv = conv
        self.spec = conv.spec

    # -- what a schema is ---------------------------------------------------------------------------
    def typed_union(self, node: Node, s: dict[str, Any]) -> str | None:
        """``oneOf``/``anyOf`` when the schema has one that gives types (not only ``required`` lists)."""
        for kind in ("oneOf", "anyOf"):
            branches = s.get(kind)
            if isinstance(branches, list) and branches:
                derefed = [self.spec.deref(node.child(kind, i))[1] for i in range(len(branches))]
                if not all(constraint_only(b) for b in derefed):
                    return kind
        return None

    def annotated(self, node: Node, s: dict[str, Any]) -> tuple[Node, bool] | None:
        """For ``allOf: [X, {description: ...}]``: X's node, and whether an annotation (3.0) says
        ``nullable``.  None unless exactly one member gives a type and the rest only annotate."""
        branches = s.get("allOf")
        if not isinstance(branches, list) or not all(k == "allOf" or _annotates(k) for k in s):
            return None
        typed = [i for i, b in enumerate(branches) if not annotation_only(b)]
        if len(typed) != 1:
            return None
        nullable = self.conv.is_30 and (says_nullable(s) or any(says_nullable(b) for b in branches))
        return node.child("allOf", typed[0]), nullable

    def annotations(self, node: Node, s: dict[str, Any]) -> list[dict[str, Any]]:
        """The annotation-only ``allOf`` members of ``s`` (where a description or default may live)."""
        found = self.annotated(node, s)
        if found is None:
            return []
        return [b for b in s["allOf"] if annotation_only(b)]

    # -- parts --------------------------------------------------------------------------------------
    def own_parts(self, node: Node, s: dict[str, Any]) -> Parts:
        props = s.get("properties") or {}
        typed_extra = isinstance(s.get("additionalProperties"), dict)  # true/false: untyped extras
        parts = Parts(
            props={str(k): node.child("properties", k) for k in props} if isinstance(props, dict) else {},
            required={str(r) for r in s.get("required", []) if isinstance(r, str)},
            additional=s["additionalProperties"] if typed_extra else None,
            ad_node=node.child("additionalProperties") if typed_extra else None,
        )
        kind = self.typed_union(node, s)
        if kind is not None:
            parts.unions.append(UnionSite(node, s, kind))
        return parts

    def parts(self, node: Node, s: dict[str, Any], seen: frozenset[str] = frozenset()) -> Parts | None:
        """The merged parts of an object schema, or None when an ``allOf`` member is not an object."""
        out = Parts()
        branches = s.get("allOf")
        if isinstance(branches, list):
            for i in range(len(branches)):
                target, b = self.spec.deref(node.child("allOf", i))
                if target.id in seen or annotation_only(b):
                    continue
                if not isinstance(b, dict) or not (
                    "allOf" in b or schema_is_object(b) or constraint_only(b) or self.typed_union(target, b)
                ):
                    return None
                sub = self.parts(target, b, seen | {target.id})
                if sub is None:
                    return None
                self.merge(out, sub)
        self.merge(out, self.own_parts(node, s))
        return out

    def merge(self, into: Parts, other: Parts) -> None:
        for k, pn in other.props.items():
            if k not in into.props or not is_weaker(self.spec.value(pn)):
                into.props[k] = pn
        into.required |= other.required
        if other.additional is not None:
            into.additional, into.ad_node = other.additional, other.ad_node
        into.unions += [u for u in other.unions if u not in into.unions]

    # -- shapes -------------------------------------------------------------------------------------
    def shape(self, node: Node, s: dict[str, Any], name: tuple[str, ...]) -> Parts | Type | None:
        """Parts for a plain object (the caller makes it a model), a type for an annotated ``allOf``
        or an object union, None when the schema is not an object (a map, a primitive, ...)."""
        found = self.annotated(node, s)
        if found is not None:
            return nullable_if(self.conv.convert(found[0], name), found[1])
        if "allOf" not in s and not (schema_is_object(s) and not is_map_only(s)):
            return None
        parts = self.parts(node, s)
        if parts is None:
            return None
        if not parts.unions:
            return parts
        if len(parts.unions) > 1:
            self.conv.warn(
                "unsupported-allof",
                "allOf of several oneOf/anyOf schemas: only the first is a union, the others are not checked",
                node,
            )
        site = parts.unions[0]
        parts.unions = []
        if parts.is_empty():
            return self.conv.union(site.node, site.s, site.kind, name)
        return self.distribute(node, parts, site, name)

    def distribute(self, owner: Node, parts: Parts, site: UnionSite, name: tuple[str, ...]) -> Type:
        """The union of ``site`` with the common ``parts`` in every variant."""
        merged: dict[str, str] = {}  # variant model id -> the merged model's id

        def variant(i: int, bnode: Node, vname: tuple[str, ...]) -> Type:
            target, b = self.spec.deref(bnode)
            is_object = isinstance(b, dict) and ("allOf" in b or schema_is_object(b))
            own = self.parts(target, b) if is_object else None
            if own is None or own.unions or parts.covered_by(own):
                return self.conv.convert(bnode, vname)
            raw = self.spec.value(bnode)
            words = keep_case_words(target.name) if isinstance(raw, dict) and "$ref" in raw else ()
            both = Parts()
            self.merge(both, parts)
            self.merge(both, own)
            mid = f"{owner.id}/{site.kind}/{i}"
            merged[target.id] = mid
            return self.conv.register(mid, name + words if words else vname, target, b, both)

        return self.conv.union(site.node, site.s, site.kind, name, variant, merged)

    def field(self, pnode: Node, pname: str, required: bool, owner: tuple[str, ...]) -> Field:
        raw = self.spec.value(pnode)
        s = raw if isinstance(raw, dict) else {}
        words = keep_case_words(pname)
        t = self.conv.convert(pnode, owner + words if words else owner + ("Field",))
        # Where the description, default and flags may live besides the property schema itself:
        # the non-null branch of `anyOf: [X, null]`, and annotation-only `allOf` members.
        around = [s, _non_null_branch(self.spec, pnode, s)] + self.annotations(pnode, s)
        description = next((d["description"] for d in around if d.get("description")), None)
        default = next((Default(freeze(d["default"])) for d in around if "default" in d), None)
        secret = any(
            d.get("format") == "password" or d.get("x-oasgen-secret") is True or _ext(d).get("secret") is True
            for d in around[:2]
        )
        return Field(
            name=pname,
            type=t,
            required=required,
            description=description,
            default=default,
            secret=secret,
            deprecated=any(bool(d.get("deprecated")) for d in around),
            read_only=any(bool(d.get("readOnly")) for d in around[:1] + around[2:]),
            write_only=any(bool(d.get("writeOnly")) for d in around[:1] + around[2:]),
            examples=next((e for d in around[:1] + around[2:] if (e := self.conv.examples(d))), ()),
            location=pnode.location,
        )

    def model(self, mid: str, name: tuple[str, ...], node: Node, s: dict[str, Any], parts: Parts) -> Model:
        """An object model of ``parts``; ``s`` documents it."""
        self.conv.warn_unchecked(node, s)
        fields = tuple(
            self.field(pnode, pname, pname in parts.required, name) for pname, pnode in parts.props.items()
        )
        extra: Type | None = None
        if isinstance(parts.additional, dict) and parts.ad_node is not None:
            extra = self.conv.convert(parts.ad_node, name + ("Value",))
        return Model(
            mid,
            name,
            "object",
            s.get("description") or s.get("title"),
            fields,
            extra,
            None,
            bool(s.get("deprecated")),
            self.conv.examples(s),
            node.location,
        )


def _annotates(key: object) -> bool:
    return annotation_only({key: None})


def _ext(s: dict[str, Any]) -> dict[str, Any]:
    x = s.get("x-oasgen")
    return x if isinstance(x, dict) else {}


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
