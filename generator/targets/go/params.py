"""Go literals that tell the runtime how to send a parameter, and which credentials a call accepts."""

from __future__ import annotations

from ...ir.model import Param, SecurityRequirement
from ...ir.operations import body_encoding
from .types import go_json_literal, go_string


def style_literal(p: Param) -> str:
    """``paramStyle{style: "form", explode: true}``: the parameter's IR style, as the runtime reads it."""
    fields = [f"style: {go_string(p.style)}"]
    if p.explode:
        fields.append("explode: true")
    if p.allow_reserved:
        fields.append("reserved: true")
    if p.content_type is not None and body_encoding(p.content_type) == "json":
        fields.append("json: true")
    if p.content_type is not None and p.location == "cookie":
        fields.append("raw: true")
    return "paramStyle{" + ", ".join(fields) + "}"


def path_param(p: Param, value: str) -> str:
    return f"pathParam{{{go_string(p.name)}, {value}, {style_literal(p)}}}"


def const_value(p: Param) -> str:
    """A constant parameter's value: its JSON text, which the runtime lays out like any value."""
    assert p.const is not None
    return f"json.RawMessage({go_json_literal(p.const.value)})"


def security_literal(requirements: tuple[SecurityRequirement, ...]) -> str:
    """``[][]string{{"a", "b"}, {}}``: the alternatives the runtime tries, in order; nil for none."""
    if not requirements:
        return "nil"
    alternatives = ["{" + ", ".join(go_string(s) for s in r.schemes) + "}" for r in requirements]
    return "[][]string{" + ", ".join(alternatives) + "}"


SENDERS = {
    "query": "addQuery",
    "header": "setHeader",
    "cookie": "addCookie",
}  # methods of the runtime's request


def send_call(p: Param, value: str) -> str:
    """The request method call that sends a query, header or cookie parameter (it returns an error)."""
    return f"{SENDERS[p.location]}({go_string(p.name)}, {value}, {style_literal(p)})"
