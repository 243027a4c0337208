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
    Primitive,
    Resource,
    UnionType,
)
from ...naming import pascal
from .names import RESERVED_ARGS, field_names, method_name, py_ident, resource_attr, type_name
from .params import BODY_NAMES, ArgNames, ParamView, names_in, params, security_literal
from .text import arg_doc, docstring, one_line, py_str
from .types import const_default, py_literal

if TYPE_CHECKING:
    from .views import Builder


@dataclass
class PagingView:
    """A list method's paging: its ``Paging`` constant and the item type its pages hold."""

    constant: str  # module-level name, e.g. "_PAGING_LIST"
    expr: str  # the runtime ``Paging(...)`` call
    item: str  # annotation of one item


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
    keyword: list[ParamView]  # query, header, cookie params and body fields (required first)
    path_values: list[str]  # encode_path's (wire name, value, style, explode) tuples
    query: list[str]  # runtime calls that add query parameters
    headers: list[str]  # ... that set header parameters
    cookies: list[str]  # ... that add cookies
    const_headers: str  # dict literal
    security: str  # tuple literal of the alternatives, e.g. (("bearerAuth",),)
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
    paging: PagingView | None = None
    result_sync: str = ""  # what the (non-raw) method returns: returns_sync, or its page type
    result_async: str = ""

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
    module: str  # its module under resources/


@dataclass
class ResourceView:
    """One node of the resource tree: its methods and the child resources it holds as attributes."""

    attr: str
    cls: str
    methods: list[MethodView]
    access: str = ""  # from the client: ``threads.messages``
    children: list[ChildView] = field(default_factory=list)
    module: str = ""  # its module under resources/: the path's words, ``threads_messages``

    @property
    def root(self) -> bool:
        return "." not in self.access


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
        module = py_ident(tuple(w for part in node.path for w in part))
        view = ResourceView(attr, resource_class(b, node.path, out), methods, access, module=module)
        out.append(view)
        taken = {m.name for m in methods} | {"with_raw_response"}
        for child in node.children:
            cattr = py_ident(child.name)
            while cattr in taken:  # the IR keeps method and resource words apart; keywords may not
                cattr += "_resource"
            taken.add(cattr)
            sub = visit(child, cattr, f"{access}.{cattr}")
            view.children.append(ChildView(cattr, sub.cls, sub.module))
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
        body_fields=[qp(p) for p in m.body_fields],
        returns_sync=q(m.returns_sync),
        returns_async=q(m.returns_async),
        result_sync=q(m.result_sync),
        result_async=q(m.result_async),
    )


def _is_stream_flag(f: Field) -> bool:
    """The body's ``stream: boolean`` field, which the ``_stream`` method sets for the caller."""
    t = f.type.inner if isinstance(f.type, Nullable) else f.type
    return f.name == "stream" and isinstance(t, Primitive) and t.kind == "boolean"


def method(b: Builder, op: Operation, stream: bool) -> MethodView:
    hint = type_name(tuple(pascal(w) for w in op.group + op.name))
    returns, parser, expect = response_view(b, op, hint, stream)
    unique = ArgNames(set(BODY_NAMES) | names_in(*parser))
    views, sends = params(b, op, hint, unique)
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
            # an object or array const: no argument, always sent
            if isinstance(f.type, Const) and const_default(f.type.value) is None:
                body_consts.append((py_str(f.name), py_literal(f.type.value)))
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
        body_fields.append(ParamView(arg, "", ann, default, "body", doc))
    keyword = [v for v in views if v.location != "path"] + body_fields
    keyword.sort(key=lambda v: v.default is not None)
    name = (
        op.name + ("stream",)
        if stream and op.success is not None and op.success.encoding != "event-stream"
        else op.name
    )
    summary = one_line(op.summary) + (" (streaming)" if name != op.name else "")
    paging = paging_view(b, op, hint) if not stream else None
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
        path_values=sends["path"],
        query=sends["query"],
        headers=sends["header"],
        cookies=sends["cookie"],
        const_headers="{"
        + ", ".join(
            f"{py_literal(p.name)}: {py_literal(p.const.value)}"
            for p in op.params
            if p.const is not None and p.location == "header"
        )
        + "}",
        security=security_literal(b.api.security_of(op)),
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
        paging=paging,
        result_sync=f"SyncPage[{paging.item}]" if paging else returns[0],
        result_async=f"AsyncPage[{paging.item}]" if paging else returns[1],
    )


def paging_view(b: Builder, op: Operation, hint: str) -> PagingView | None:
    """The runtime ``Paging`` of a list operation whose JSON response the IR says pages."""
    p = op.pagination
    ok = op.success
    if p is None or ok is None or ok.type is None or ok.encoding != "json":
        return None
    items_attr = None
    if p.items is not None:
        model = b.models.get(ok.type.id) if isinstance(ok.type, ModelRef) else None
        if model is None or model.kind != "object":
            return None
        owner = b.names[model.id]  # the attribute names the model's own view gives its fields
        hints = [owner + type_name((pascal(f.name),)) for f in model.fields]
        pairs = zip(model.fields, hints, strict=True)
        names = field_names(model.fields, tuple(b.types.map(f.type, h).annotation for f, h in pairs))
        attrs = dict(zip((f.name for f in model.fields), names, strict=True))
        if p.items not in attrs:
            return None
        items_attr = attrs[p.items]
    item = b.types.map(p.item_type, hint + "Item").annotation
    args = [py_literal(p.style)]
    fields = {
        "items_attr": items_attr,
        "items_field": p.items,
        "cursor_param": p.cursor_param,
        "cursor_field": p.cursor_field,
        "has_more_field": p.has_more_field,
        "limit_param": p.limit_param,
        "offset_param": p.offset_param,
        "page_param": p.page_param,
        "total_field": p.total_field,
    }
    args += [f"{k}={py_literal(v)}" for k, v in fields.items() if v is not None]
    if p.total_field is not None and "page" in p.total_field.lower():  # total_pages, page_count
        args.append("total_counts_pages=True")
    constant = "_PAGING_" + "_".join(w.upper() for w in py_ident(op.name).split("_") if w)
    return PagingView(constant, f"Paging({', '.join(args)})", item)


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
    return ParamView(arg, f.name, ann, default, "body", arg_doc(arg, f.description), convert, repeated)


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
