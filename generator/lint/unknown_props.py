"""``example-unknown-property`` (warning): example keys an object schema does not declare.

JSON Schema allows undeclared properties unless ``additionalProperties: false``,
so such an example is *valid*; but a key that no schema declares is almost
always a stale or mistyped example (the generated SDK has no field for it).

An object is checked when the schemas that apply to it (the schema, its
``allOf`` parts, and the ``oneOf``/``anyOf`` branches that can hold an object)
declare ``properties`` and none declares ``additionalProperties``,
``patternProperties`` or ``unevaluatedProperties`` (an open map).  With several
branches a key is unknown only if no branch declares it.  The check recurses into
declared properties and array items.
"""

from __future__ import annotations

from typing import Any

from ..errors import Finding, Severity, SpecError
from ..loading.spec import Node, Spec
from .schema_check import json_path
from .walk import ValueSite

RULE = "example-unknown-property"
_OPEN = ("additionalProperties", "patternProperties", "unevaluatedProperties")


def _deref(spec: Spec, node: Node) -> tuple[Node, Any] | None:
    try:
        return spec.deref(node)
    except SpecError:
        return None


def _can_be(schema: dict[str, Any], instance: Any) -> bool:
    t = schema.get("type")
    types = t if isinstance(t, list) else [t] if isinstance(t, str) else []
    if isinstance(instance, dict):
        return "object" in types or (not types and ("properties" in schema or _OPEN[0] in schema))
    if isinstance(instance, list):
        return "array" in types or (not types and "items" in schema)
    return False


def _applicable(spec: Spec, node: Node, instance: Any, seen: set[str]) -> list[tuple[Node, dict[str, Any]]]:
    """The non-ref schemas that apply to ``instance`` (the schema, allOf parts, fitting branches)."""
    resolved = _deref(spec, node)
    if resolved is None or not isinstance(resolved[1], dict) or resolved[0].id in seen:
        return []
    node, schema = resolved
    seen.add(node.id)
    out = [(node, schema)]
    for i, _ in enumerate(schema.get("allOf") or []):
        out += _applicable(spec, node.child("allOf", i), instance, seen)
    for key in ("oneOf", "anyOf"):
        branches = schema.get(key)
        if isinstance(branches, list):
            for i, _ in enumerate(branches):
                sub = _applicable(spec, node.child(key, i), instance, seen)
                if any(_can_be(s, instance) for _, s in sub):
                    out += sub
    return out


def _name(node: Node) -> str:
    parts = node.pointer.split("/")
    if len(parts) >= 4 and parts[1] == "components" and parts[2] == "schemas":
        return parts[3].replace("~1", "/").replace("~0", "~")
    return f"the schema at {node.id}"


class _Checker:
    def __init__(self, spec: Spec, site: ValueSite) -> None:
        self.spec = spec
        self.site = site
        self.findings: list[Finding] = []

    def location(self, path: list[str | int]) -> Node:
        if self.site.has_parsed:
            return self.site.value
        return self.site.value.child(*path)

    def check(self, instance: Any, schema: Node, path: list[str | int]) -> None:
        applicable = _applicable(self.spec, schema, instance, set())
        if isinstance(instance, dict):
            self._object(instance, applicable, path)
        elif isinstance(instance, list):
            items = [n.child("items") for n, s in applicable if isinstance(s.get("items"), dict)]
            for i, item in enumerate(instance):
                for sub in items:
                    self.check(item, sub, path + [i])

    def _object(
        self, instance: dict[str, Any], applicable: list[tuple[Node, dict[str, Any]]], path: list[str | int]
    ) -> None:
        declared: dict[str, list[Node]] = {}
        owners: list[Node] = []
        for node, schema in applicable:
            props = schema.get("properties")
            if isinstance(props, dict):
                owners.append(node)
                for key in props:
                    declared.setdefault(key, []).append(node.child("properties", key))
        is_open = any(k in s for _, s in applicable for k in _OPEN)
        for key, sub in instance.items():
            if key in declared:
                for sub_schema in declared[key]:
                    self.check(sub, sub_schema, path + [key])
            elif owners and not is_open:
                self.findings.append(
                    Finding(
                        Severity.WARNING,
                        RULE,
                        f"example property {json_path(path + [key])} is not declared by {_name(owners[0])}",
                        self.location(path + [key]).location,
                    )
                )


def check_unknown_properties(spec: Spec, sites: list[ValueSite]) -> list[Finding]:
    findings: list[Finding] = []
    for site in sites:
        if site.kind != "example":
            continue
        checker = _Checker(spec, site)
        try:
            checker.check(site.parsed if site.has_parsed else spec.value(site.value), site.schema, [])
        except RecursionError:  # pragma: no cover - nesting is capped by the loader
            continue
        findings.extend(checker.findings)
    return findings
