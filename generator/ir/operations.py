"""Paths -> IR operations: parameters (with constant headers), request bodies, responses."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import UsageError, error
from ..loading.spec import Node
from ..naming import keep_case_words, split_words
from .grouping import Body, operation_call
from .model import (
    AnyType,
    BodyEncoding,
    Const,
    Default,
    MediaType,
    Operation,
    Pagination,
    Param,
    ParamStyle,
    RequestBody,
    Response,
    ResponseEncoding,
    Type,
    freeze,
)
from .pagination import declare, detect, fields_of, list_items
from .schemas import SchemaConverter
from .security import SecurityBuilder

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_PARAM_IN = ("path", "query", "header", "cookie")
# The styles OpenAPI defines for each location; the first is the default.
STYLES: dict[str, tuple[ParamStyle, ...]] = {
    "path": ("simple", "label", "matrix"),
    "query": ("form", "spaceDelimited", "pipeDelimited", "deepObject"),
    "header": ("simple",),
    "cookie": ("form",),
}


def body_encoding(content_type: str) -> BodyEncoding:
    ct = content_type.lower()
    if ct == "application/json" or ct.endswith("+json"):
        return "json"
    if ct.startswith("multipart/"):
        return "multipart"
    if ct == "application/x-www-form-urlencoded":
        return "form"
    if ct.startswith("text/"):
        return "text"
    return "binary"


def response_encoding(content_type: str | None) -> ResponseEncoding:
    if content_type is None:
        return "none"
    ct = content_type.lower()
    if ct == "text/event-stream":
        return "event-stream"
    if ct == "application/json" or ct.endswith("+json"):
        return "json"
    if ct.startswith("text/"):
        return "text"
    return "binary"


def pick_media_type(content: dict[str, Any]) -> str | None:
    """The media type an SDK uses when several are offered: JSON first, then the spec's order."""
    keys = [str(k) for k in content]
    for k in keys:
        if body_encoding(k) == "json":
            return k
    return keys[0] if keys else None


def _media_examples(media: dict[str, Any]) -> tuple[tuple[str, object], ...]:
    out: list[tuple[str, object]] = []
    if "example" in media:
        out.append(("example", freeze(media["example"])))
    examples = media.get("examples")
    if isinstance(examples, dict):
        for name, ex in examples.items():
            if isinstance(ex, dict) and "value" in ex:
                out.append((str(name), freeze(ex["value"])))
    return tuple(out)


class OperationBuilder:
    def __init__(
        self, conv: SchemaConverter, security: SecurityBuilder, paging: Mapping[str, Any] | None = None
    ) -> None:
        self.conv = conv
        self.spec = conv.spec
        self.security = security
        self.paging = paging or {}  # [tool.oasgen.pagination]: operationId -> declaration
        self.declared: set[str] = set()  # ids of operations named by x-oasgen

    def deref(self, node: Node) -> tuple[Node, Any]:
        return self.spec.deref(node)

    def build_all(self) -> list[Operation]:
        paths_node = self.spec.node("/paths")
        paths = self.spec.value(paths_node) or {}
        ops: list[Operation] = []
        for path in paths:
            pnode, pitem = self.deref(paths_node.child(path))
            if not isinstance(pitem, dict):
                continue
            for method in METHODS:
                if isinstance(pitem.get(method), dict):
                    ops.append(self.operation(str(path), method, pnode, pitem))
        return ops

    def operation(self, path: str, method: str, pnode: Node, pitem: dict[str, Any]) -> Operation:
        onode = pnode.child(method)
        op: dict[str, Any] = pitem[method]
        op_id = op.get("operationId") if isinstance(op.get("operationId"), str) else None
        words = keep_case_words(op_id) if op_id else split_words(f"{method} {path}")
        params = self.params(pnode, pitem, onode, op)
        body = self.request_body(onode, op, words)
        responses = self.responses(onode, op, words)
        success = next((r for r in responses if r.is_success), None)
        pagination = self.pagination(method, onode, op, params, success)
        call = operation_call(method, path, op, self.body_kind(success, pagination))
        if isinstance(op.get("x-oasgen"), dict):
            self.declared.add(op_id or f"{method.upper()} {path}")
        security = (
            self.security.requirements(onode.child("security"))
            if isinstance(op.get("security"), list)
            else None
        )
        return Operation(
            id=op_id or f"{method.upper()} {path}",
            resource=call.resource,
            name=call.name,
            method=method.upper(),
            path=path,
            summary=op.get("summary"),
            description=op.get("description"),
            params=params,
            body=body,
            responses=responses,
            tags=tuple(str(t) for t in op.get("tags") or ()),
            deprecated=bool(op.get("deprecated")),
            security=security,
            pagination=pagination,
            location=onode.location,
        )

    def body_kind(self, success: Response | None, pagination: Pagination | None) -> Body:
        """What the success body looks like, for naming a ``GET`` (see :mod:`.grouping`)."""
        if pagination is not None:
            return "list"
        if success is None or success.type is None:
            return "none"
        if success.encoding != "json":
            return "other"
        models = self.conv.models
        has_id = any(f.name == "id" for f in fields_of(success.type, models))
        if list_items(success.type, models) is not None and not has_id:
            return "list"
        return "array-field" if list_items(success.type, models, loose=True) is not None else "object"

    def pagination(
        self,
        method: str,
        onode: Node,
        op: dict[str, Any],
        params: tuple[Param, ...],
        success: Response | None,
    ) -> Pagination | None:
        """``[tool.oasgen.pagination]``, else ``x-oasgen-pagination``, else what detection finds."""
        op_id = op.get("operationId")
        if isinstance(op_id, str) and op_id in self.paging:
            try:
                return declare(self.paging[op_id], params, success, self.conv.models)
            except ValueError as exc:
                raise UsageError(f"[tool.oasgen.pagination] {op_id!r}: {exc}") from None
        if "x-oasgen-pagination" in op:
            node = onode.child("x-oasgen-pagination")
            try:
                return declare(op["x-oasgen-pagination"], params, success, self.conv.models)
            except ValueError as exc:
                raise error("pagination-invalid", f"x-oasgen-pagination: {exc}", node.location) from None
        return detect(method, params, success, self.link_header(onode, op), self.conv.models)

    def link_header(self, onode: Node, op: dict[str, Any]) -> bool:
        """Whether the first success response declares an RFC 8288 ``Link`` header."""
        raw = op.get("responses")
        for status in raw if isinstance(raw, dict) else ():
            if str(status).startswith("2"):
                _node, r = self.deref(onode.child("responses", status))
                headers = r.get("headers") if isinstance(r, dict) else None
                return isinstance(headers, dict) and any(str(h).lower() == "link" for h in headers)
        return False

    def params(
        self, pnode: Node, pitem: dict[str, Any], onode: Node, op: dict[str, Any]
    ) -> tuple[Param, ...]:
        merged: dict[tuple[str, str], Param] = {}
        for owner, raw in ((pnode, pitem.get("parameters")), (onode, op.get("parameters"))):
            if not isinstance(raw, list):
                continue
            for i in range(len(raw)):
                node, p = self.deref(owner.child("parameters", i))
                if (
                    not isinstance(p, dict)
                    or p.get("in") not in _PARAM_IN
                    or not isinstance(p.get("name"), str)
                ):
                    raise error("param-invalid", "a parameter needs a string `name` and `in`", node.location)
                merged[(p["name"], p["in"])] = self.param(node, p)
        return tuple(merged.values())

    def param(self, node: Node, p: dict[str, Any]) -> Param:
        schema_node = node.child("schema")
        content_type = None
        if "schema" not in p and isinstance(p.get("content"), dict) and p["content"]:
            content_type = pick_media_type(p["content"]) or ""
            schema_node = node.child("content", content_type, "schema")
        words = keep_case_words(p["name"]) or ("Param",)
        has_schema = self.spec.value(schema_node) is not None
        t: Type = self.conv.convert(schema_node, words) if has_schema else AnyType()
        s = self.spec.deref(schema_node)[1] if has_schema else {}
        const = Const(freeze(s["const"])) if isinstance(s, dict) and "const" in s else None
        examples: tuple[object, ...] = (freeze(p["example"]),) if "example" in p else ()
        style = self.style(node, p)
        explode = p.get("explode")
        return Param(
            name=p["name"],
            location=p["in"],
            type=t,
            required=bool(p.get("required")) or p["in"] == "path",
            style=style,
            explode=explode if isinstance(explode, bool) else style == "form",
            description=p.get("description"),
            const=const,
            allow_reserved=p["in"] == "query" and p.get("allowReserved") is True,
            content_type=content_type,
            deprecated=bool(p.get("deprecated")),
            default=Default(freeze(s["default"])) if isinstance(s, dict) and "default" in s else None,
            examples=examples,
        )

    def style(self, node: Node, p: dict[str, Any]) -> ParamStyle:
        """The parameter's ``style``, or its location's default; a style the location lacks is an error."""
        allowed = STYLES[p["in"]]
        style = p.get("style")
        if style is None:
            return allowed[0]
        for known in allowed:
            if style == known:
                return known
        raise error(
            "param-style",
            f"style {style!r} is not defined for {p['in']} parameters " f"(use {', '.join(allowed)})",
            node.child("style").location,
        )

    def request_body(self, onode: Node, op: dict[str, Any], words: tuple[str, ...]) -> RequestBody | None:
        if "requestBody" not in op:
            return None
        node, rb = self.deref(onode.child("requestBody"))
        content = rb.get("content") if isinstance(rb, dict) else None
        if not isinstance(content, dict) or not content:
            raise error("request-body-invalid", "a request body needs `content`", node.location)
        mt = pick_media_type(content) or ""
        media = content[mt] if isinstance(content[mt], dict) else {}
        enc = body_encoding(mt)
        for other in content:
            if other != mt:
                self.conv.warn(
                    "media-type-unused",
                    f"the request body can also be {other}; the SDKs send {mt}",
                    node.child("content", other),
                )
        t = self.conv.convert(node.child("content", mt, "schema"), words + ("Body",))
        return RequestBody(
            mt, enc, t, bool(rb.get("required")), rb.get("description"), _media_examples(media)
        )

    def responses(self, onode: Node, op: dict[str, Any], words: tuple[str, ...]) -> tuple[Response, ...]:
        raw = op.get("responses")
        out: list[Response] = []
        if not isinstance(raw, dict):
            return ()
        for status in raw:
            node, r = self.deref(onode.child("responses", status))
            if not isinstance(r, dict):
                continue
            raw_content = r.get("content")
            content: dict[str, Any] = raw_content if isinstance(raw_content, dict) else {}
            mt = pick_media_type(content) if content else None
            media = content.get(mt, {}) if mt else {}
            media = media if isinstance(media, dict) else {}
            t: Type | None = None
            if mt is not None and "schema" in media:
                t = self.conv.convert(node.child("content", mt, "schema"), words + ("Response",))
            alternatives = []
            for other in content:
                if other == mt:
                    continue
                omedia = content[other] if isinstance(content[other], dict) else {}
                otype = None
                if "schema" in omedia:
                    otype = self.conv.convert(node.child("content", other, "schema"), words + ("Event",))
                encoding = response_encoding(str(other))
                alternatives.append(MediaType(str(other), encoding, otype))
                if encoding != "event-stream" and str(status).startswith("2"):
                    self.conv.warn(
                        "media-type-unused",
                        f"response {status} also offers {other}; the SDKs read {mt}",
                        node.child("content", other),
                    )
            out.append(
                Response(
                    str(status),
                    r.get("description"),
                    mt,
                    response_encoding(mt),
                    t,
                    _media_examples(media),
                    tuple(alternatives),
                )
            )
        return tuple(out)
