"""Parameter and security views of a Python method: arguments and the runtime calls that send them.

Every parameter is an argument of its natural type (``int``, ``list[str]``, a model or a mapping);
the method body hands it to the runtime (``_params``) with its IR ``style``/``explode``, which
serialises it.  Constant parameters are not arguments: their value is sent as is.

The method body's own locals start with ``_`` (``_path``, ``_query``, ``_headers``, ...), so a
parameter may be called ``headers`` or ``params``; an argument that would shadow a name the body
uses (``object``, ``isinstance``, a runtime helper) or a keyword every method takes (``timeout``,
``extra_headers``) gets a trailing ``_``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...ir.model import ModelRef, Nullable, Operation, Param, SecurityRequirement
from ...ir.operations import body_encoding
from ...naming import pascal
from .names import arg_name, type_name
from .text import arg_doc, py_str
from .types import py_literal

if TYPE_CHECKING:
    from .views import Builder

# Names a generated method body refers to besides its own ``_`` locals and the parser it calls.
BODY_NAMES = frozenset(
    {
        "self",
        "timeout",
        "extra_headers",
        "isinstance",
        "NotGiven",
        "NOT_GIVEN",
        "Any",
        "list",
        "dict",
        "str",
        "tuple",
        "object",
        "to_json",
        "json_param",
        "encode_path",
        "add_query",
        "add_header",
        "add_cookie",
        "encode_form",
        "encode_raw",
    }
)
RUNTIME_PARAM_NAMES = ("add_cookie", "add_header", "add_query", "encode_path", "json_param")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass
class ParamView:
    arg: str
    wire: str
    annotation: str
    default: str | None
    location: str
    doc: str
    to_json: str = "to_json"  # body fields: how the argument becomes JSON
    repeated: bool = False  # a multipart field sent as one part per item
    send: str = ""  # parameters: the runtime call (or path tuple) that sends it

    @property
    def wire_lit(self) -> str:
        """The wire name as a Python string literal."""
        return py_str(self.wire)


def names_in(*texts: str) -> set[str]:
    return {n for t in texts for n in _IDENT.findall(t)}


class ArgNames:
    """Unique argument names for one method: ``taken`` names get a trailing ``_``."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = set(taken)

    def __call__(self, arg: str) -> str:
        while arg in self.taken:
            arg += "_"
        self.taken.add(arg)
        return arg


def param_view(b: Builder, p: Param, hint: str, arg: str) -> ParamView:
    pt = b.types.map(p.type, hint)
    inner = p.type.inner if isinstance(p.type, Nullable) else p.type
    suffix = ""
    if isinstance(inner, ModelRef) and b.models[inner.id].kind == "object":
        suffix = " | Mapping[str, Any]"
    rest = 8 + len(arg) + 2 + (0 if p.required else 13) + 1
    ann = b.fit(pt.annotation + suffix, rest, hint + "Type", not p.required)
    default = None if p.required else "NOT_GIVEN"
    return ParamView(arg, p.name, ann, default, p.location, arg_doc(arg, p.description), send=send(p, arg))


def send(p: Param, value: str) -> str:
    """The runtime call that sends ``p`` (for a path parameter: its ``encode_path`` tuple)."""
    if p.content_type is not None and body_encoding(p.content_type) == "json":
        value = f"json_param({value})"
    wire = py_literal(p.name)
    if p.location == "path":
        return f"({wire}, {value}, {py_literal(p.style)}, {p.explode})"
    if p.location == "query":
        reserved = ", allow_reserved=True" if p.allow_reserved else ""
        return f"add_query(_query, {wire}, {value}, {py_literal(p.style)}, {p.explode}{reserved})"
    if p.location == "header":
        return f"add_header(_headers, {wire}, {value}, {p.explode})"
    raw = ", raw=True" if p.content_type is not None else ""
    return f"add_cookie(_cookies, {wire}, {value}, {p.explode}{raw})"


def const_send(p: Param) -> str | None:
    """The runtime call of a constant parameter; None for a header (it is in the headers literal)."""
    assert p.const is not None
    return None if p.location == "header" else send(p, py_literal(p.const.value))


def params(
    b: Builder, op: Operation, hint: str, unique: ArgNames
) -> tuple[list[ParamView], dict[str, list[str]]]:
    """Argument views of the operation's parameters and the calls that send each location, in spec order."""
    views: list[ParamView] = []
    sends: dict[str, list[str]] = {"path": [], "query": [], "header": [], "cookie": []}
    for p in op.params:
        if p.const is None:
            v = param_view(b, p, hint + type_name((pascal(p.name),)), unique(arg_name(p.name)))
            views.append(v)
            sends[p.location].append(v.send)
        elif (call := const_send(p)) is not None:
            sends[p.location].append(call)
    return views, sends


def py_tuple(items: list[str]) -> str:
    """A tuple literal without a trailing comma the formatter would explode: ``()``, ``(a,)``, ``(a, b)``."""
    return f"({items[0]},)" if len(items) == 1 else "(" + ", ".join(items) + ")"


def security_literal(requirements: tuple[SecurityRequirement, ...]) -> str:
    """``(("a", "b"), ("c",))``: the alternatives the runtime tries, in order."""
    return py_tuple([py_tuple([py_literal(s) for s in r.schemes]) for r in requirements])
