"""View-model dataclasses: what the Go templates print (built by views.Builder)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...ir.model import Operation, Param
from .auth import AuthView
from .params import send_call

if TYPE_CHECKING:
    from .paging import PageView


@dataclass
class FieldView:
    name: str
    wire: str  # Go string literal of the wire name
    go: str  # as declared in the struct (Opt[...] when optional)
    decoder: str
    required: bool
    const: str | None  # Go string literal of the constant's JSON text
    doc: list[str]
    encoder: str = ""  # Go func(T, *jsonWriter) of the (unwrapped) value
    key: str = ""  # Go string literal of the member's JSON key and colon: "\"id\":"


@dataclass
class ModelView:
    name: str
    doc: list[str]
    fields: list[FieldView]
    index: str  # the fieldOf<Name> function: wire key -> field number, -1 for others
    extra_decoder: str = ""  # checks each undeclared member (typed additionalProperties); "" when any


@dataclass
class EnumView:
    name: str
    base: str
    doc: list[str]
    consts: list[tuple[str, str]]  # (constant name, Go literal)
    members: list[tuple[str, str, list[str]]]  # (constant name, Go literal, doc comment lines)


@dataclass
class CtorView:
    name: str
    go: str
    what: str
    convert: str  # expression over v
    variant: int = -1  # index of the union variant it builds; -1 for a number convenience (Int, Float)


@dataclass
class AccessorView:
    name: str
    go: str
    decoder: str
    what: str


@dataclass
class UnionView:
    name: str
    doc: list[str]
    what: str  # Go literal
    ctors: list[CtorView]
    accessors: list[AccessorView]
    tag: str | None
    tagged: list[tuple[str, str]]
    rest: list[str]


@dataclass
class AliasView:
    name: str
    go: str
    doc: list[str]


@dataclass
class ParamField:
    name: str
    go: str
    wire: str  # Go literal
    location: str  # query | header | cookie | body | content-type
    required: bool
    explode: bool
    doc: list[str]
    body_field: str = ""  # the body model's field this copies into
    param: Param | None = field(default=None, repr=False, compare=False)  # a query/header/cookie param


@dataclass
class SendView:
    """One parameter the method sends, in spec order: a constant (``call``) or a params field."""

    const_call: str = ""  # a constant's request method call
    field: ParamField | None = None

    @property
    def call(self) -> str:
        """The request method call, e.g. ``addQuery("tag", params.Tag.Value(), paramStyle{...})``."""
        if self.field is None or self.field.param is None:
            return self.const_call
        value = f"params.{self.field.name}" + ("" if self.field.required else ".Value()")
        return send_call(self.field.param, value)

    @property
    def optional(self) -> str:
        """The Opt field to test with IsSet ("" when required or constant)."""
        return self.field.name if self.field is not None and not self.field.required else ""


@dataclass
class ParamsView:
    name: str
    doc: list[str]
    fields: list[ParamField]
    extra: bool  # has ExtraFields (copied into the body)


@dataclass
class PathArg:
    arg: str
    go: str
    wire: str  # Go literal
    value: str  # Go expression of the value


@dataclass
class MethodView:
    name: str
    doc: list[str]
    http_method: str
    path: str  # Go literal
    args: list[PathArg]
    path_params: list[str]  # pathParam literals for expandPath (constants included)
    sends: list[SendView]  # the query, header and cookie parameters, in spec order
    security: str  # Go literal of the alternatives ([][]string or nil)
    params: ParamsView | None
    const_headers: list[tuple[str, str]]
    body_kind: str  # none | model | value | multipart
    body_model: str
    body_go: str
    content_type: str  # Go literal, "" for JSON
    content_type_param: bool  # params.ContentType may replace it (multipart: the boundary)
    returns: str  # model | value | none | bytes | text | stream
    out_go: str  # for a stream: the event type
    event_decoder: str = ""  # for a stream: the Go func(ServerSentEvent) (T, error)
    out_decoder: str = ""  # for a value: the decoder that validates the JSON body
    stream_flag: str = ""  # for a stream method: the body field it sets to true ("" when none)
    stream_value: str = ""  # Go expression of true for that field
    extra_stream: bool = False  # the Stream method beside the plain one (shares its params struct)
    multipart_consts: list[tuple[str, str]] = field(default_factory=list)  # (wire, JSON text) literals
    page: PageView | None = None  # a list that pages: List returns a Page, plus <Name>AutoPaging
    body_consts: list[tuple[str, str]] = field(default_factory=list)  # (field, Go value): optional consts
    op: Operation = field(repr=False, compare=False, default=None)  # type: ignore[assignment]


@dataclass
class ChildService:
    field: str  # the field on the parent service (``Messages``)
    type: str
    group: str


@dataclass
class ServiceView:
    """One node of the resource tree: its methods and the child services it holds as fields."""

    field: str
    type: str
    group: str  # the dotted resource path, for comments: ``threads.messages``
    methods: list[MethodView]
    access: str = ""  # from the client: ``Threads.Messages``
    children: list[ChildService] = dataclasses.field(default_factory=list)


@dataclass
class PackageView:
    package: str
    module: str
    version: str
    title: str  # one line, safe in a comment
    title_md: str  # one line of Markdown
    doc: list[str]
    default_base_url: str  # as the spec says (for the docs' examples)
    default_base_url_doc: str  # safe in a comment
    default_base_url_lit: str  # a Go string literal
    api_key_env: str
    base_url_env: str
    sdk_name: str
    auth: AuthView
    models: list[ModelView]
    enums: list[EnumView]
    unions: list[UnionView]
    aliases: list[AliasView]
    services: list[ServiceView]  # every node of the tree, parents first
    names: dict[str, str] = field(default_factory=dict)  # model id -> Go name

    @property
    def paged(self) -> bool:
        """Some list method pages."""
        return any(m.page for s in self.services for m in s.methods)

    @property
    def roots(self) -> list[ServiceView]:
        """The services that are fields of the Client."""
        return [s for s in self.services if "." not in s.access]
