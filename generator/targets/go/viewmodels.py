"""View-model dataclasses: what the Go templates print (built by views.Builder)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...ir.model import Operation

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


@dataclass
class EnumView:
    name: str
    base: str
    doc: list[str]
    consts: list[tuple[str, str]]  # (constant name, Go literal)


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
    location: str  # query | header | body | content-type
    required: bool
    explode: bool
    doc: list[str]
    body_field: str = ""  # the body model's field this copies into


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
    text: str  # Go expression: the value as a string


@dataclass
class MethodView:
    name: str
    doc: list[str]
    http_method: str
    path: str  # Go literal
    args: list[PathArg]
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
    stream_flag: str = ""  # for a stream method: the body field it sets to true ("" when none)
    stream_value: str = ""  # Go expression of true for that field
    extra_stream: bool = False  # the Stream method beside the plain one (shares its params struct)
    multipart_consts: list[tuple[str, str]] = field(default_factory=list)  # (wire, JSON text) literals
    page: PageView | None = None  # a list that pages: List returns a Page, plus <Name>AutoPaging
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
    auth_kind: str  # bearer | header | none
    auth_header: str
    auth_header_lit: str  # a Go string literal
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
