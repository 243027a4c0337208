"""Operation view models: resource classes and their methods (arguments, body, response handling).

Streaming: when a success response offers ``text/event-stream`` beside another media type, the
operation gets a second method, ``<name>_stream``, that returns a ``Stream`` of events.  If the
request body has a boolean ``stream`` field (the common convention for such APIs), that method sets
it to ``true`` itself and does not take it as an argument.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ...ir.model import (
    ArrayType,
    BinaryType,
    Const,
    Field,
    Model,
    ModelRef,
    Nullable,
    Operation,
    Param,
    Primitive,
    Resource,
    UnionType,
)
from ...naming import pascal
from .names import (
    METHOD_LOCALS,
    RESERVED_ARGS,
    arg_name,
    field_names,
    is_keyword_argument,
    method_name,
    py_ident,
    resource_attr,
    type_name,
)
from .text import arg_doc, docstring, one_line, py_str
from .types import py_literal

if TYPE_CHECKING:
    from .views import Builder


@dataclass
class ParamView:
    arg: str
    wire: str
    annotation: str
    default: str | None
    location: str
    explode: bool
    doc: str
    to_json: str = "to_json"  # how the argument becomes JSON
    repeated: bool = False  # a multipart field sent as one part per item

    @property
    def wire_lit(self) -> str:
        """The wire name as a Python string literal."""
        return py_str(self.wire)


@dataclass
class MethodView:
    operation_id: str
    extra_stream: bool  # the additional `_stream` method of an operation that also answers JSON
    name: str
    http_method: str
    path: str
    summary: str
    doc: str
    raw_doc: str
    positional: list[ParamView]  # path params
    keyword: list[ParamView]  # query, header, body fields (required first)
    path_args: str  # "session_id=session_id"
    query: list[ParamView]
    headers: list[ParamView]
    const_headers: str  # dict literal
    body_kind: str  # "none" | "fields" | "multipart" | "whole" (JSON) | "form" | "raw"
    body_content_type: str
    body_fields: list[ParamView]
    body_consts: list[tuple[str, str]]  # (wire name, value) literals always sent: ('"stream"', "True")
    body_model: str | None
    returns_sync: str
    returns_async: str
    parser_sync: str
    parser_async: str
    expect: str
    deprecated: bool

    @property
    def returns(self) -> str:
        """What the (sync) method returns."""
        return self.returns_sync

    @property
    def path_lit(self) -> str:
        return py_str(self.path)

    @property
    def content_type_lit(self) -> str:
        return py_str(self.body_content_type)


@dataclass
class ChildView:
    attr: str  # the attribute on the parent (``messages``)
    cls: str


@dataclass
class ResourceView:
    """One node of the resource tree: its methods and the child resources it holds as attributes."""

    attr: str
    cls: str
    methods: list[MethodView]
    access: str = ""  # from the client: ``threads.messages``
    children: list[ChildView] = field(default_factory=list)


def resources(b: Builder) -> list[ResourceView]:
    """Every node of the IR's resource tree, parents before their children (roots in ``roots``)."""
    ops = {op.id: op for op in b.api.operations}
    out: list[ResourceView] = []

    def visit(node: Resource, attr: str, access: str) -> ResourceView:
        methods = []
        for op in (ops[i] for i in node.operations):
            ok = op.success
            streams_only = ok is not None and ok.encoding == "event-stream"
            methods.append(method(b, op, stream=streams_only))
            if ok is not None and ok.stream is not None and not streams_only:
                methods.append(method(b, op, stream=True))
        shadowed = {m.name for m in methods} & BUILTIN_TYPES
        if shadowed:
            methods = [qualify_builtins(m, shadowed) for m in methods]
        view = ResourceView(attr, resource_class(b, node.path, out), methods, access)
        out.append(view)
        taken = {m.name for m in methods} | {"with_raw_response"}
        for child in node.children:
            cattr = py_ident(child.name)
            while cattr in taken:  # the IR keeps method and resource words apart; keywords may not
                cattr += "_resource"
            taken.add(cattr)
            view.children.append(ChildView(cattr, visit(child, cattr, f"{access}.{cattr}").cls))
        return view

    roots_taken: set[str] = set()
    for root in b.api.resources:
        attr, n = resource_attr(root.name), 1
        while attr in roots_taken:
            n += 1
            attr = f"{resource_attr(root.name)}{n}"
        roots_taken.add(attr)
        visit(root, attr, attr)
    return out


def roots(views: list[ResourceView]) -> list[ResourceView]:
    return [v for v in views if "." not in v.access]


def resource_class(b: Builder, path: tuple[tuple[str, ...], ...], done: list[ResourceView]) -> str:
    """``Sessions``, ``ThreadsMessages``; ``...Resource`` when the client, a model or an enum has it."""
    taken = set(b.names.values()) | set(b.types.enums) | set(b.hoisted) | {b.client} | {r.cls for r in done}
    base = type_name(tuple(pascal(w) for node in path for w in node), "Resource")
    name, n = base, 1
    while {name, f"Async{name}", f"{name}WithRawResponse", f"Async{name}WithRawResponse"} & taken:
        n += 1
        name = f"{base}Resource" if n == 2 and not base.endswith("Resource") else f"{base}{n}"
    return name


# Builtins the generated annotations use.  A method named like one (``jobs.list()``) shadows it in
# its class body, where mypy resolves the other methods' annotations: those name ``builtins.list``.
BUILTIN_TYPES = frozenset({"list", "dict", "str", "int", "float", "bool", "bytes", "object"})


def qualify_builtins(m: MethodView, shadowed: set[str]) -> MethodView:
    pattern = re.compile(r"(?<![\w.])(" + "|".join(sorted(shadowed)) + r")\b(?=\[|\s|$|,|\])")

    def q(text: str) -> str:
        return pattern.sub(r"builtins.\1", text)

    def qp(p: ParamView) -> ParamView:
        return replace(p, annotation=q(p.annotation))

    return replace(
        m,
        positional=[qp(p) for p in m.positional],
        keyword=[qp(p) for p in m.keyword],
        query=[qp(p) for p in m.query],
        headers=[qp(p) for p in m.headers],
        body_fields=[qp(p) for p in m.body_fields],
        returns_sync=q(m.returns_sync),
        returns_async=q(m.returns_async),
    )


def param_view(b: Builder, p: Param, hint: str, arg: str) -> ParamView:
    pt = b.types.map(p.type, hint)
    rest = 8 + len(arg) + 2 + (0 if p.required else 13) + 1
    ann = b.fit(pt.annotation, rest, hint + "Type", not p.required)
    default = None if p.required else "NOT_GIVEN"
    return ParamView(
        arg, p.name, ann, default, p.location, p.explode is not False, arg_doc(arg, p.description)
    )


def _is_stream_flag(f: Field) -> bool:
    """The body's ``stream: boolean`` field, which the ``_stream`` method sets for the caller."""
    t = f.type.inner if isinstance(f.type, Nullable) else f.type
    return f.name == "stream" and isinstance(t, Primitive) and t.kind == "boolean"


def method(b: Builder, op: Operation, stream: bool) -> MethodView:
    hint = type_name(tuple(pascal(w) for w in op.group + op.name))
    taken: set[str] = set(METHOD_LOCALS - {"body"})  # `body` is the whole request body's own argument

    def unique(arg: str) -> str:
        while arg in taken:
            arg += "_"
        taken.add(arg)
        return arg

    views = [
        param_view(b, p, hint + type_name((pascal(p.name),)), unique(arg_name(p.name)))
        for p in op.params
        if p.const is None and p.location != "cookie"
    ]
    body_kind, body_fields, body_consts, body_model = "none", [], [], None
    body = op.body
    model = b.models.get(body.type.id) if body is not None and isinstance(body.type, ModelRef) else None
    if (
        body is not None
        and model is not None
        and model.kind == "object"
        and body.encoding in ("json", "multipart")
    ):
        body_kind = "fields" if body.encoding == "json" else "multipart"
        body_model = b.names[model.id]
        for f, attr in zip(model.fields, field_names(model.fields), strict=True):
            if f.read_only:
                continue
            if stream and _is_stream_flag(f):
                body_consts.append((py_str(f.name), "True"))
                continue
            arg = attr + "_" if attr in RESERVED_ARGS else attr
            body_fields.append(body_field(b, f, unique(arg), body_model, multipart=body_kind == "multipart"))
    elif body is not None:
        body_kind = {"json": "whole", "form": "form", "multipart": "form"}.get(body.encoding, "raw")
        pt = b.types.map(body.type, hint + "Body")
        arg = unique("body")
        rest = 8 + len(arg) + 2 + (0 if body.required else 13) + 1
        annotation = "bytes | str | IO[bytes]" if body_kind == "raw" else pt.annotation
        ann = b.fit(annotation, rest, hint + "Body", not body.required)
        default = None if body.required else "NOT_GIVEN"
        doc = arg_doc(arg, body.description or "The request body.")
        body_fields.append(ParamView(arg, "", ann, default, "body", True, doc))
    keyword = [v for v in views if v.location != "path"] + body_fields
    keyword.sort(key=lambda v: v.default is not None)
    returns, parser, expect = response_view(b, op, hint, stream)
    name = (
        op.name + ("stream",)
        if stream and op.success is not None and op.success.encoding != "event-stream"
        else op.name
    )
    summary = one_line(op.summary) + (" (streaming)" if name != op.name else "")
    return MethodView(
        operation_id=op.id,
        extra_stream=name != op.name,
        name=method_name(name),
        http_method=op.method,
        path=op.path,
        summary=summary,
        raw_doc=docstring(f"{summary or py_ident(name)} (raw response).", 8),
        doc=docstring(_method_doc(op, stream), 8),
        positional=[v for v in views if v.location == "path"],
        keyword=keyword,
        path_args=", ".join(
            f"{v.wire}={v.arg}" if is_keyword_argument(v.wire) else f"**{{{py_literal(v.wire)}: {v.arg}}}"
            for v in views
            if v.location == "path"
        ),
        query=[v for v in views if v.location == "query"],
        headers=[v for v in views if v.location == "header"],
        const_headers="{"
        + ", ".join(
            f"{py_literal(p.name)}: {py_literal(p.const.value)}"
            for p in op.params
            if p.const is not None and p.location == "header"
        )
        + "}",
        body_kind=body_kind,
        body_content_type=body.content_type if body is not None else "",
        body_fields=body_fields,
        body_consts=body_consts,
        body_model=body_model,
        returns_sync=returns[0],
        returns_async=returns[1],
        parser_sync=parser[0],
        parser_async=parser[1],
        expect=expect,
        deprecated=op.deprecated,
    )


def body_field(b: Builder, f: Field, arg: str, owner: str, multipart: bool) -> ParamView:
    fhint = owner + type_name((pascal(f.name),))
    t = f.type.inner if isinstance(f.type, Nullable) else f.type
    convert, suffix, repeated = "to_json", "", False
    if multipart and isinstance(t, BinaryType):
        annotation, convert = "FileInput", ""
    elif multipart and isinstance(t, ArrayType) and isinstance(t.items, BinaryType):
        annotation, convert, repeated = "list[FileInput]", "", True
    else:
        pt = b.types.map(f.type, fhint)
        annotation = pt.annotation
        if isinstance(f.type, ModelRef) and b.models[f.type.id].kind == "object":
            suffix = " | Mapping[str, Any]"
            convert = f"{pt.annotation}.request_json"
        elif _nested_model(f.type, b.models):
            suffix = " | Mapping[str, Any]"
        repeated = multipart and isinstance(t, ArrayType)
    default = py_literal(f.type.value) if isinstance(f.type, Const) else (None if f.required else "NOT_GIVEN")
    rest = 8 + len(arg) + 2 + (3 + len(default) if default else 0) + 1
    ann = b.fit(annotation + suffix, rest, fhint + "Arg", default == "NOT_GIVEN")
    return ParamView(arg, f.name, ann, default, "body", True, arg_doc(arg, f.description), convert, repeated)


def response_view(
    b: Builder, op: Operation, hint: str, stream: bool
) -> tuple[tuple[str, str], tuple[str, str], str]:
    """((sync, async) return annotations, (sync, async) parsers, what the runtime expects)."""
    ok = op.success
    if ok is None:
        return ("None", "None"), ("p_none", "p_none"), "none"
    if stream and ok.stream is not None:
        if ok.stream.type is not None:
            pt = b.types.map(ok.stream.type, hint + "Event")
            item = b.fit(pt.annotation, len("    ) -> APIResponse[AsyncStream[]]:"), hint + "Event")
            events = f"json_events({pt.parser})"
        else:
            item, events = "ServerSentEvent", "raw_events"
        return (
            (f"Stream[{item}]", f"AsyncStream[{item}]"),
            (f"stream_of({events})", f"async_stream_of({events})"),
            "event-stream",
        )
    if ok.type is not None and ok.encoding == "json":
        pt = b.types.map(ok.type, hint + "Response")
        returns = b.fit(pt.annotation, len("    ) -> APIResponse[]:"), hint + "Result")
        return (returns, returns), (pt.parser, pt.parser), "json"
    if ok.encoding == "binary":
        return ("bytes", "bytes"), ("p_any", "p_any"), "binary"
    if ok.encoding == "text":
        return ("str", "str"), ("p_any", "p_any"), "text"
    return ("None", "None"), ("p_none", "p_none"), "none"


def _nested_model(t: object, models: dict[str, Model]) -> bool:
    if isinstance(t, Nullable):
        return _nested_model(t.inner, models)
    if isinstance(t, UnionType):
        return any(_nested_model(v, models) for v in t.variants)
    return isinstance(t, ModelRef) and models[t.id].kind == "object"


def _method_doc(op: Operation, stream: bool) -> str:
    parts = [op.summary or "", op.description or "" if op.description != op.summary else ""]
    parts.append(f"``{op.method} {op.path}``")
    if stream:
        parts.append("Returns the response as a stream of server-sent events.")
    if op.deprecated:
        parts.append("Deprecated.")
    return "\n\n".join(p for p in parts if p)
