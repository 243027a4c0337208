"""One pass over the spec that every lint rule reads from.

The walk knows where OpenAPI puts things (path items, operations, parameters,
media types, Schema Objects and their subschemas).  It reads the loader's
resolved view (an operation written as a ``$ref`` is the operation it points
to, located in its own file) and follows schema ``$ref``s as it meets them.
It collects:

* every operation with its effective parameters (path-level merged with operation-level),
* every Schema Object reached (each once, by node id),
* every value that must satisfy a schema (examples, defaults, consts, enum values),
* ref problems (unresolved, remote, outside the folder, pure alias cycles) as findings.

The walk is iterative (a work list), so deeply nested or recursive schemas cannot
blow the stack; recursion through ``$ref`` ends because each node is visited once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import Finding, SpecError
from ..loading.oas_types import HTTP_METHODS, SCHEMA_LISTS, SCHEMA_MAPS, SCHEMA_ONE
from ..loading.refs import cycle_finding
from ..loading.spec import Node, Spec


@dataclass(frozen=True, slots=True)
class ValueSite:
    """A value (``value`` node) that must be valid against the schema at ``schema``."""

    kind: str  # "example", "default", "const", "enum value"
    value: Node
    schema: Node
    vendor: bool = False  # from a vendor extension (x-oaiMeta): reported as a warning
    parsed: Any = None  # the value itself when it was parsed out of a string (vendor examples)
    has_parsed: bool = False


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    where: str  # "path", "query", ...
    node: Node  # the parameter object (after $ref)
    value: dict[str, Any]
    written: Node  # where the parameter (or its $ref) is written in the operation / path item


@dataclass(frozen=True, slots=True)
class OperationSite:
    path: str
    method: str
    node: Node
    value: dict[str, Any]
    params: tuple[Param, ...]


@dataclass
class SpecIndex:
    spec: Spec
    operations: list[OperationSite] = field(default_factory=list)
    schemas: list[tuple[Node, dict[str, Any]]] = field(default_factory=list)
    values: list[ValueSite] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


class _Walker:
    def __init__(self, spec: Spec, version: str | None) -> None:
        self.spec = spec
        self.version = version
        self.index = SpecIndex(spec)
        self.seen: set[tuple[str, str]] = set()
        self.reported: set[tuple[str, str]] = set()
        self.cycles: set[frozenset[str]] = set()
        self.todo: list[tuple[str, Node]] = []

    # -- refs -------------------------------------------------------------------------------------
    def _report(self, exc: SpecError) -> None:
        for f in exc.findings:
            key = (f.rule, f.location.file + f.location.pointer)
            if key not in self.reported:
                self.reported.add(key)
                self.index.findings.append(f)

    def resolve(self, node: Node, value: Any) -> tuple[Node, Any] | None:
        """Follow ``$ref``s from ``node``; None (and a finding) when the chain is broken or cyclic."""
        chain: list[Node] = []
        while isinstance(value, dict) and "$ref" in value:
            if node in chain:
                self._cycle(chain[chain.index(node) :])
                return None
            chain.append(node)
            try:
                node = self.spec.ref_target(value["$ref"], node)
            except SpecError as exc:
                self._report(exc)
                return None
            value = self.spec.value(node)
        return node, value

    def _cycle(self, cycle: list[Node]) -> None:
        key = frozenset(n.id for n in cycle)
        if key not in self.cycles:
            self.cycles.add(key)
            self.index.findings.append(cycle_finding(cycle))

    # -- driving ----------------------------------------------------------------------------------
    def push(self, kind: str, node: Node) -> None:
        self.todo.append((kind, node))

    def run(self) -> SpecIndex:
        data = self.spec.data
        root = self.spec.node()
        if not isinstance(data, dict):
            return self.index
        for key in ("paths", "webhooks"):
            items = data.get(key)
            if isinstance(items, dict):
                for path in items:
                    self.push("pathitem" if key == "webhooks" else "path:" + path, root.child(key, path))
        comps = data.get("components")
        if isinstance(comps, dict):
            for section, kind in (
                ("schemas", "schema"),
                ("parameters", "parameter"),
                ("headers", "parameter"),
                ("requestBodies", "body"),
                ("responses", "response"),
                ("examples", "example"),
                ("callbacks", "callback"),
                ("pathItems", "pathitem"),
            ):
                entries = comps.get(section)
                if isinstance(entries, dict):
                    for name in entries:
                        self.push(kind, root.child("components", section, name))
        while self.todo:
            kind, node = self.todo.pop()
            self.visit(kind, node)
        self.index.operations.sort(key=lambda op: _order(op.node))
        self.index.schemas.sort(key=lambda item: _order(item[0]))
        self.index.values.sort(key=lambda site: _order(site.value))
        return self.index

    def visit(self, kind: str, node: Node) -> None:
        resolved = self.resolve(node, self.spec.value(node))
        if resolved is None:
            return
        target, value = resolved
        if kind == "schema":
            raw = self.spec.value(node)
            if self.version == "3.1" and isinstance(raw, dict) and "$ref" in raw and target != node:
                self._schema_values(node, raw)  # 3.1: keywords next to $ref apply too
        path = kind[5:] if kind.startswith("path:") else None
        kind = "pathitem" if path is not None else kind
        key = (kind, target.id)
        if key in self.seen or not isinstance(value, dict):
            return
        self.seen.add(key)
        getattr(self, "_" + kind)(target, value, path)

    # -- OpenAPI objects --------------------------------------------------------------------------
    def _pathitem(self, node: Node, value: dict[str, Any], path: str | None) -> None:
        shared = self._params(node, value)
        for method in HTTP_METHODS:
            op = value.get(method)
            if isinstance(op, dict):
                self._operation(node.child(method), op, path, method, shared)

    def _params(self, owner: Node, value: dict[str, Any]) -> list[Param]:
        out: list[Param] = []
        params = value.get("parameters")
        if not isinstance(params, list):
            return out
        for i, _ in enumerate(params):
            written, node = owner.written("parameters", i), owner.child("parameters", i)
            self.push("parameter", node)
            resolved = self.resolve(node, self.spec.value(node))
            if resolved and isinstance(resolved[1], dict):
                pnode, pval = resolved
                name, where = pval.get("name"), pval.get("in")
                if isinstance(name, str) and isinstance(where, str):
                    out.append(Param(name, where, pnode, pval, written))
        return out

    def _operation(
        self, node: Node, value: dict[str, Any], path: str | None, method: str, shared: list[Param]
    ) -> None:
        own = self._params(node, value)
        merged = {(p.name, p.where): p for p in shared}
        merged.update({(p.name, p.where): p for p in own})
        if path is not None:
            self.index.operations.append(OperationSite(path, method, node, value, tuple(merged.values())))
        if "requestBody" in value:
            self.push("body", node.child("requestBody"))
        responses = value.get("responses")
        if isinstance(responses, dict):
            for status in responses:
                self.push("response", node.child("responses", status))
        callbacks = value.get("callbacks")
        if isinstance(callbacks, dict):
            for name in callbacks:
                self.push("callback", node.child("callbacks", name))

    def _callback(self, node: Node, value: dict[str, Any], _: str | None) -> None:
        for expr in value:
            if not expr.startswith("x-"):
                self.push("pathitem", node.child(expr))

    def _parameter(self, node: Node, value: dict[str, Any], _: str | None) -> None:
        if "schema" in value:
            self.push("schema", node.child("schema"))
            self._examples(node, value, node.child("schema"))
        self._content(node, value)

    def _body(self, node: Node, value: dict[str, Any], _: str | None) -> None:
        self._content(node, value)

    def _response(self, node: Node, value: dict[str, Any], _: str | None) -> None:
        headers = value.get("headers")
        if isinstance(headers, dict):
            for name in headers:
                self.push("parameter", node.child("headers", name))
        self._content(node, value)

    def _content(self, node: Node, value: dict[str, Any]) -> None:
        content = value.get("content")
        if not isinstance(content, dict):
            return
        for media, mt in content.items():
            if not isinstance(mt, dict):
                continue
            mnode = node.child("content", media)
            if "schema" in mt:
                self.push("schema", mnode.child("schema"))
                self._examples(mnode, mt, mnode.child("schema"))
            encoding = mt.get("encoding")
            if isinstance(encoding, dict):
                for prop, enc in encoding.items():
                    if isinstance(enc, dict) and isinstance(enc.get("headers"), dict):
                        for name in enc["headers"]:
                            self.push("parameter", mnode.child("encoding", prop, "headers", name))

    def _examples(self, owner: Node, value: dict[str, Any], schema: Node) -> None:
        if "example" in value:
            self.index.values.append(ValueSite("example", owner.child("example"), schema))
        examples = value.get("examples")
        if not isinstance(examples, dict):
            return
        for name in examples:
            written = owner.child("examples", name)
            self.push("example", written)
            resolved = self.resolve(written, self.spec.value(written))
            if resolved and isinstance(resolved[1], dict) and "value" in resolved[1]:
                self.index.values.append(ValueSite("example", resolved[0].child("value"), schema))

    def _example(self, node: Node, value: dict[str, Any], _: str | None) -> None:
        """Example Objects are only resolved (for their refs); their values are checked where used."""

    # -- Schema Objects ---------------------------------------------------------------------------
    def _schema(self, node: Node, value: dict[str, Any], _: str | None) -> None:
        self.index.schemas.append((node, value))
        self._schema_values(node, value)
        for key in SCHEMA_MAPS:
            sub = value.get(key)
            if isinstance(sub, dict):
                for name in sub:
                    self.push("schema", node.child(key, name))
        for key in SCHEMA_ONE:
            if isinstance(value.get(key), dict):
                self.push("schema", node.child(key))
        for key in SCHEMA_LISTS + ("items",):
            sub = value.get(key)
            if isinstance(sub, list):
                for i, _item in enumerate(sub):
                    self.push("schema", node.child(key, i))

    def _schema_values(self, node: Node, value: dict[str, Any]) -> None:
        values = self.index.values
        for kw in ("default", "example", "const"):
            if kw in value and not (kw == "const" and self.version == "3.0"):
                values.append(ValueSite(kw, node.child(kw), node))
        if isinstance(value.get("enum"), list):
            for i, _ in enumerate(value["enum"]):
                values.append(ValueSite("enum value", node.child("enum", i), node))
        if self.version == "3.1" and isinstance(value.get("examples"), list):
            for i, _ in enumerate(value["examples"]):
                values.append(ValueSite("example", node.child("examples", i), node))


def _order(node: Node) -> tuple[str, int, int, str]:
    loc = node.location
    return (loc.file, loc.line, loc.col, loc.pointer)


def walk(spec: Spec, version: str | None) -> SpecIndex:
    return _Walker(spec, version).run()
