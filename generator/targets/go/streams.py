"""Typed multipart/form-data bodies and server-sent event streams of Go methods.

A multipart body whose schema is an object model becomes typed params fields (binary fields are
``File``, arrays of them ``[]File``) that the SDK encodes itself.  An operation whose success
response offers ``text/event-stream`` beside another media type gets a second method,
``<Method>Stream``, returning a ``Stream`` of the events; when the request body has a boolean
``stream`` field, that method sets it to true itself (and ignores the params' value).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ...ir.model import ArrayType, BinaryType, Const, Field, Model, ModelRef, Nullable, Operation, Primitive
from .docs import comment
from .names import field_names
from .types import go_json_literal
from .viewmodels import MethodView, ParamField

if TYPE_CHECKING:
    from .views import Builder


def _strip(t: object) -> object:
    return t.inner if isinstance(t, Nullable) else t


def typed_multipart(op: Operation, models: dict[str, Model]) -> bool:
    """The operation's body is multipart/form-data with an object model's schema."""
    body = op.body
    if body is None or body.encoding != "multipart" or not isinstance(body.type, ModelRef):
        return False
    target = models.get(body.type.id)
    return target is not None and target.kind == "object"


def multipart_fields(b: Builder, target: Model) -> tuple[list[ParamField], list[tuple[str, str]]]:
    """The params fields of a typed multipart body, and its constant parts (wire, JSON text literals)."""
    fields: list[ParamField] = []
    consts: list[tuple[str, str]] = []
    for f, fname in zip(target.fields, field_names(target.fields), strict=True):
        if f.read_only:
            continue
        fv = b.field_view(target, f, fname)
        if isinstance(f.type, Const):
            consts.append((fv.wire, go_json_literal(f.type.value)))
            continue
        t = _strip(f.type)
        go = fv.go
        if isinstance(t, BinaryType):
            go = "File" if f.required else "Opt[File]"
        elif isinstance(t, ArrayType) and isinstance(t.items, BinaryType):
            go = "[]File" if f.required else "Opt[[]File]"
        fields.append(ParamField(fname, go, fv.wire, "body", f.required, True, fv.doc, body_field=fname))
    return fields, consts


def is_stream_flag(f: Field) -> bool:
    """The body's ``stream: boolean`` field, which the Stream method sets for the caller."""
    t = _strip(f.type)
    return f.name == "stream" and isinstance(t, Primitive) and t.kind == "boolean"


def stream_variant(b: Builder, op: Operation, plain: MethodView) -> MethodView:
    """``<Method>Stream``: the operation's call that returns its text/event-stream response as a Stream."""
    from .methoddocs import method_doc

    name = plain.name + "Stream"
    prefix = plain.params.name.removesuffix("Params") if plain.params else name
    out_go, decoder = b.event_type(op, prefix)
    flag, value = stream_flag(b, op, plain, name)
    ok = op.success
    media = ok.stream.content_type if ok is not None and ok.stream is not None else "text/event-stream"
    note = f"It returns the {media} response as a Stream of its events."
    return replace(
        plain,
        name=name,
        doc=method_doc(name, op, b.models, [note]),
        returns="stream",
        out_go=out_go,
        event_decoder=decoder,
        stream_flag=flag,
        stream_value=value,
        extra_stream=True,
        page=None,
    )


def stream_flag(b: Builder, op: Operation, mv: MethodView, name: str) -> tuple[str, str]:
    """(params field, Go value true) of the body's stream flag, which method name sets; ("", "") if none."""
    body = op.body
    target = b.models.get(body.type.id) if body is not None and isinstance(body.type, ModelRef) else None
    if mv.params is None or target is None or mv.body_kind not in ("model", "multipart"):
        return "", ""
    for f, fname in zip(target.fields, field_names(target.fields), strict=True):
        pf = next((p for p in mv.params.fields if p.location == "body" and p.body_field == fname), None)
        if pf is not None and is_stream_flag(f):
            nullable = isinstance(f.type, Nullable)
            if f.required:
                value = "NotNull(true)" if nullable else "true"
            else:
                value = "SomeNotNull(true)" if nullable else "Some(true)"
            also = f"; {mv.name} sends it as given" if name != mv.name else ""
            pf.doc = pf.doc + comment(f"{name} sets it to true{also}.", "\t")
            return pf.name, value
    return "", ""


def unique_methods(methods: list[MethodView]) -> None:
    """Number Stream methods whose name another method of the service already has (docs follow)."""
    taken = {m.name for m in methods if not m.extra_stream}
    for i, m in enumerate(methods):
        if m.extra_stream:
            old, n = m.name, 1
            while m.name in taken:
                n += 1
                m.name = f"{old}{n}"
            taken.add(m.name)
            if m.name != old:  # the plain method before it names it too
                for view in (m, methods[i - 1]):
                    view.doc = [re.sub(rf"\b{old}\b", m.name, line) for line in view.doc]
