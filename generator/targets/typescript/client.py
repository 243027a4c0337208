"""View models of client.ts: the resource tree as classes, one method per operation (two when a
JSON operation can also stream), and the params interfaces (declared in models.ts).

A method takes its path parameters positionally, then the request body (``body``), then the other
parameters as one object keyed by wire name (``params``), then the per-call ``options``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...ir.model import Api, ArrayType, BinaryType, Operation, Param, Primitive, Resource
from ...naming import pascal
from .docs import tsdoc
from .names import member, prop_key, unique
from .types import Types, js

# Members of BaseClient / a resource class that a method or child resource may not take.
CLIENT_MEMBERS = frozenset({"request", "send", "baseURL", "maxRetries", "timeout", "toJSON", "constructor"})


@dataclass
class ParamsField:
    key: str
    optional: bool
    ts: str
    doc: list[str]


@dataclass
class ParamsView:
    name: str
    fields: list[ParamsField]
    doc: list[str]


@dataclass
class MethodView:
    name: str
    doc: list[str]
    args: list[str]  # "sessionId: string", "body: M.X", "params?: M.XParams"
    returns: str  # the APIPromise / PagePromise type
    call: list[str]  # the Call object's "key: value" entries
    kind: str  # "request" | "page" | "stream"
    check: str  # the checker of the response (or of one event)
    data: str = "unknown"  # the type the call's promise resolves to
    paging: str = ""  # JS object literal of the Paging, for kind "page"
    item: str = ""  # the item type, for kind "page"
    body_type: str = ""  # the decoded body type, for kind "page"
    op_id: str = ""
    path_args: list[tuple[str, str]] = field(default_factory=list)  # (argument, wire name)
    body: str = ""  # "" | "required" | "optional"
    params: str = ""  # "" | "required" | "optional"
    extra_stream: bool = False


@dataclass
class ResourceView:
    cls: str
    methods: list[MethodView]
    children: list[tuple[str, str]]  # (property, class)


@dataclass
class ClientView:
    resources: list[ResourceView]  # every class, children first
    roots: list[tuple[str, str]]  # the client's resource properties
    methods: list[MethodView]  # operations at the root of the tree
    params: list[ParamsView] = field(default_factory=list)
    constants: list[tuple[str, str]] = field(default_factory=list)
    uses_models: bool = False  # client.ts names a type of models.ts (import type * as M)
    uses_parse: bool = False  # ... or a parse function of parse.ts (import * as P)


def _template(text: str) -> str:
    return text.replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${")


class ClientBuilder:
    def __init__(self, api: Api, names: dict[str, str], taken: set[str]) -> None:
        self.api = api
        self.types = Types(names, "M.", "P.")
        self.local = Types(names, "", "P.")  # types as models.ts spells them
        self.taken = taken  # type names of models.ts: params interfaces join them
        self.params: list[ParamsView] = []
        self.ops = {op.id: op for op in api.operations}
        self.access: dict[str, tuple[str, MethodView]] = {}  # op id -> (client.x.y, its main method)

    def build(self) -> ClientView:
        classes: list[ResourceView] = []
        class_names: set[str] = set(self.taken)  # the client and its options are taken too
        taken = set(CLIENT_MEMBERS)
        roots = [
            self._resource(r, classes, class_names, "client", unique(member(r.name), taken))
            for r in self.api.resources
        ]
        root_ops = [op for op in self.api.operations if not op.resource]
        methods = [m for op in root_ops for m in self._methods(op, taken, "client")]
        view = ClientView(classes, roots, methods, self.params, self.types.constants())
        text = repr([(m.args, m.returns, m.call, m.check) for r in classes for m in r.methods])
        text += repr([(m.args, m.returns, m.call, m.check) for m in methods]) + repr(view.constants)
        view.uses_models = "M." in text
        view.uses_parse = "P." in text
        return view

    def _resource(
        self, r: Resource, out: list[ResourceView], class_names: set[str], parent: str, prop: str = ""
    ) -> tuple[str, str]:
        prop = prop or member(r.name)
        access = f"{parent}.{prop}"
        base = pascal(tuple(w for node in r.path for w in node)) + "Resource"
        cls = unique(base if base[0].isalpha() else "R" + base, class_names)
        taken = set(CLIENT_MEMBERS)
        children = []
        for child in r.children:
            child_prop = unique(member(child.name), taken)
            children.append((child_prop, self._resource(child, out, class_names, access, child_prop)[1]))
        methods = [m for oid in r.operations for m in self._methods(self.ops[oid], taken, access)]
        out.append(ResourceView(cls, methods, children))
        return prop, cls

    def _methods(self, op: Operation, taken: set[str], access: str) -> list[MethodView]:
        ok = op.success
        if ok is not None and ok.encoding == "event-stream":
            out = [self._method(op, taken, stream=True, suffix=False)]
        else:
            out = [self._method(op, taken, stream=False, suffix=False)]
            if ok is not None and ok.stream is not None:
                out.append(self._method(op, taken, stream=True, suffix=True))
                out[-1].extra_stream = True
        for m in out:
            m.op_id = op.id
        self.access[op.id] = (access, out[0])
        return out

    def _method(self, op: Operation, taken: set[str], stream: bool, suffix: bool) -> MethodView:
        name = unique(member(op.name + (("stream",) if suffix else ())), taken)
        args: list[str] = []
        arg_names: set[str] = {"body", "params", "options"}
        path_args: list[tuple[str, str]] = []
        by_name = {p.name: p for p in op.params if p.location == "path"}
        pieces: list[str] = []
        for i, part in enumerate(re.split(r"\{([^}]*)\}", op.path)):
            if i % 2 == 0:
                pieces.append(_template(part))
                continue
            p = by_name.get(part)
            if p is None:  # a template variable the spec does not declare: kept as written
                pieces.append(_template("{" + part + "}"))
                continue
            if p.const is not None:
                value = js(str(p.const.value))
            else:
                words = tuple(re.findall(r"[A-Za-z0-9]+", p.name)) or ("arg",)
                arg = unique(member(words), arg_names)
                args.append(f"{arg}: {self._path_type(p)}")
                path_args.append((arg, p.name))
                value = arg
            pieces.append("${$.pathSegment(" + js(p.name) + ", " + value + ")}")
        literal = "`" + "".join(pieces) + "`"
        call = [f"method: {js(op.method)}", f"path: {literal}"]
        body = op.body
        if body is not None:
            bt = self.types.ts(body.type)
            free_required = any(p.required and p.const is None for p in op.params if p.location != "path")
            if body.required:
                args.append(f"body: {bt}")
            elif free_required:  # a required argument follows: the body is passed, maybe as undefined
                args.append(f"body: {bt} | undefined")
            else:
                args.append(f"body?: {bt}")
            call.append(self._body(op, stream and suffix))
        others = [p for p in op.params if p.location != "path"]
        free = [p for p in others if p.const is None]
        if free:
            pname = unique(
                pascal(op.name) + pascal(tuple(w for n in op.resource for w in n)) + "Params", self.taken
            )
            pname = self._params_view(op, free, pname)
            optional = not any(p.required for p in free)
            args.append(f"params{'?' if optional else ''}: M.{pname}")
        call.extend(self._param_entries(others, bool(free) and not any(p.required for p in free)))
        security = self.api.security_of(op)
        call.append(f"security: {js([list(r.schemes) for r in security])}")
        args.append("options?: $.RequestOptions")
        view = self._returns(op, name, args, call, stream)
        view.path_args = path_args
        view.body = "" if body is None else "required" if body.required else "optional"
        view.params = "" if not free else "optional" if not any(p.required for p in free) else "required"
        return view

    def _path_type(self, p: Param) -> str:
        t = p.type
        if isinstance(t, Primitive) and t.kind in ("integer", "number"):
            return "number | string"
        if isinstance(t, Primitive) and t.kind == "boolean":
            return "boolean"
        return "string"

    def _body(self, op: Operation, set_stream: bool) -> str:
        assert op.body is not None
        b = op.body
        check = self.types.check(b.type)
        value = f"{check}(body)" if b.required else f"body === undefined ? undefined : {check}(body)"
        if b.encoding == "json":
            if set_stream:
                return f"json: {{ ...($.obj({check}(body))), stream: true }}"
            return f"json: {value}"
        if b.encoding == "multipart":
            return f"multipart: $.obj({check}({'body' if b.required else 'body ?? {}'}))"
        if b.encoding == "form":
            return f"raw: {{ body: $.formBody(body), type: {js(b.content_type)} }}"
        return f"raw: {{ body: $.rawBody(body), type: {js(b.content_type)} }}"

    def _params_view(self, op: Operation, free: list[Param], name: str) -> str:
        fields = [
            ParamsField(
                prop_key(p.name), not p.required, self._param_ts(p), tsdoc(p.description, p.deprecated)
            )
            for p in free
        ]
        self.params.append(ParamsView(name, fields, tsdoc(f"The parameters of {op.id}.")))
        return name

    def _param_ts(self, p: Param) -> str:
        return self.local.ts(p.type)  # declared in models.ts, beside the models

    def _param_entries(self, params: list[Param], optional: bool) -> list[str]:
        q = "?." if optional else ""
        query, headers, cookies = [], [], []
        for p in params:
            value = js(p.const.value) if p.const is not None else f"params{q}[{js(p.name)}]"
            if p.location == "query":
                query.append(f"[{js(p.name)}, {value}, {js(p.style)}, {js(p.explode)}]")
            elif p.location == "header":
                headers.append(f"[{js(p.name)}, {value}, {js(p.explode)}]")
            else:
                cookies.append(f"[{js(p.name)}, {value}]")
        out = []
        if query:
            out.append(f"query: [{', '.join(query)}]")
        if headers:
            out.append(f"headers: [{', '.join(headers)}]")
        if cookies:
            out.append(f"cookies: [{', '.join(cookies)}]")
        return out

    def _returns(
        self, op: Operation, name: str, args: list[str], call: list[str], stream: bool
    ) -> MethodView:
        ok = op.success
        doc = tsdoc(
            op.description or op.summary,
            op.deprecated,
            (f"`{op.method} {op.path}`".replace("*/", "*\\/"),),
        )
        if stream and ok is not None and ok.stream is not None:
            st = ok.stream.type
            call.append('expect: "stream"')
            check = self.types.check(st) if st is not None else "$.any"
            ts = self.types.ts(st) if st is not None else "unknown"
            check = _cast(check, ts)
            return MethodView(name, doc, args, f"$.APIPromise<$.Stream<{ts}>>", call, "stream", check)
        if ok is None or ok.encoding == "none" or (ok.type is None and ok.encoding == "json"):
            call.append('expect: "none"')
            return MethodView(name, doc, args, "$.APIPromise<void>", call, "request", "", "undefined")
        if ok.encoding == "binary" or isinstance(ok.type, BinaryType):
            call.append('expect: "binary"')
            return MethodView(
                name, doc, args, "$.APIPromise<ArrayBuffer>", call, "request", "", "ArrayBuffer"
            )
        if ok.encoding == "text":
            call.append('expect: "text"')
            return MethodView(name, doc, args, "$.APIPromise<string>", call, "request", "", "string")
        assert ok.type is not None
        ts = self.types.ts(ok.type)
        check = _cast(self.types.check(ok.type), ts)
        call.append('expect: "json"')
        call.append(f"check: {check}")
        pg = op.pagination
        if pg is not None:
            item = (
                self.types.ts(pg.item_type)
                if pg.items is not None or isinstance(ok.type, ArrayType)
                else "unknown"
            )
            paging = {"style": pg.style, "items": pg.items}
            for key, value in (
                ("cursorParam", pg.cursor_param),
                ("cursorField", pg.cursor_field),
                ("hasMoreField", pg.has_more_field),
                ("offsetParam", pg.offset_param),
                ("pageParam", pg.page_param),
            ):
                if value is not None:
                    paging[key] = value
            return MethodView(
                name, doc, args, f"$.PagePromise<{item}, {ts}>", call, "page", check, ts, js(paging), item, ts
            )
        return MethodView(name, doc, args, f"$.APIPromise<{ts}>", call, "request", check, ts)


def _cast(check: str, ts: str) -> str:
    """A hoisted checker is typed ``Check<unknown>``: it is asserted to the type it checks."""
    return f"({check} as $.Check<{ts}>)" if check.startswith("$c") else check
