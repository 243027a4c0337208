"""The language-neutral IR: frozen, slotted dataclasses and tuples only.

Nothing here is a Python, Go or any other language's identifier.  Names are the
spec's own words (``ChatSession``, ``max_file_size``) and ``name`` fields on
models and operations are *neutral word tuples* that targets case-convert.

The type algebra:

* :class:`Primitive`  string / integer / number / boolean, with format and constraints
* :class:`EnumType`   the known values of one JSON type (string, integer or number), a set that may
                      grow (forward compatible); members may carry neutral names and descriptions
* :class:`Const`      exactly one JSON value of any type (``const``, ``type: null``, a one-value
                      boolean enum)
* :class:`ArrayType`, :class:`MapType`
* :class:`UnionType`  oneOf / anyOf / type-list, with an optional discriminator
* :class:`Nullable`   the only way null is expressed; never a union member
* :class:`ModelRef`   a reference to a named :class:`Model` by its id (JSON pointer)
* :class:`AnyType`    anything JSON
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

from ..errors import Location

JSON = object  # any JSON value: None, bool, int, float, str, tuple (arrays), FrozenDict (objects)


@dataclass(frozen=True, slots=True)
class FrozenDict:
    """A JSON object in the IR: an ordered tuple of (key, value) pairs."""

    items: tuple[tuple[str, object], ...] = ()


def freeze(value: object) -> object:
    """A JSON value with dicts and lists turned into FrozenDict and tuples (hashable, immutable)."""
    if isinstance(value, dict):
        return FrozenDict(tuple((str(k), freeze(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(freeze(v) for v in value)
    return value


def thaw(value: object) -> object:
    """The inverse of :func:`freeze`: plain JSON-compatible dicts and lists."""
    if isinstance(value, FrozenDict):
        return {k: thaw(v) for k, v in value.items}
    if isinstance(value, tuple):
        return [thaw(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class Constraints:
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    exclusive_minimum: int | float | None = None
    exclusive_maximum: int | float | None = None
    multiple_of: int | float | None = None
    min_items: int | None = None
    max_items: int | None = None
    unique_items: bool = False
    min_properties: int | None = None
    max_properties: int | None = None

    def is_empty(self) -> bool:
        return self == Constraints()


NO_CONSTRAINTS = Constraints()

PrimitiveKind = Literal["string", "integer", "number", "boolean"]


@dataclass(frozen=True, slots=True)
class Primitive:
    kind: PrimitiveKind
    format: str | None = None
    constraints: Constraints = NO_CONSTRAINTS


EnumBase = Literal["string", "integer", "number"]


@dataclass(frozen=True, slots=True)
class EnumType:
    """Known values of an open enum; unknown values (of the same JSON type) from a server are kept.

    ``values`` are distinct and all of the ``base`` JSON type (a ``number`` enum may list integers).
    ``names`` and ``descriptions`` are empty, or parallel to ``values``: a member's name as neutral
    words (from a const branch's ``title``, ``x-enum-varnames`` or ``x-enumNames``; ``()`` where
    the spec names none, and targets derive one from the value) and its description (or None).
    """

    base: EnumBase
    values: tuple[object, ...]
    names: tuple[tuple[str, ...], ...] = ()
    descriptions: tuple[str | None, ...] = ()

    def name_of(self, i: int) -> tuple[str, ...]:
        return self.names[i] if self.names else ()

    def description_of(self, i: int) -> str | None:
        return self.descriptions[i] if self.descriptions else None


@dataclass(frozen=True, slots=True)
class Const:
    value: object


@dataclass(frozen=True, slots=True)
class ArrayType:
    items: Type
    constraints: Constraints = NO_CONSTRAINTS


@dataclass(frozen=True, slots=True)
class MapType:
    values: Type
    constraints: Constraints = NO_CONSTRAINTS


@dataclass(frozen=True, slots=True)
class Discriminator:
    property: str
    mapping: tuple[tuple[str, str], ...]  # (wire value, model id)


@dataclass(frozen=True, slots=True)
class UnionType:
    variants: tuple[Type, ...]
    kind: Literal["oneOf", "anyOf", "types"]
    discriminator: Discriminator | None = None


@dataclass(frozen=True, slots=True)
class Nullable:
    inner: Type


@dataclass(frozen=True, slots=True)
class ModelRef:
    id: str


@dataclass(frozen=True, slots=True)
class AnyType:
    pass


@dataclass(frozen=True, slots=True)
class BinaryType:
    """Raw bytes: a file upload part or a binary response body."""


Type = Union[  # noqa: UP007 - a runtime alias over forward-declared classes
    Primitive, EnumType, Const, ArrayType, MapType, UnionType, Nullable, ModelRef, AnyType, BinaryType
]


@dataclass(frozen=True, slots=True)
class Default:
    """A schema default.

    ``Field.default is None`` means no default; ``Default(None)`` means ``default: null``.
    """

    value: object


@dataclass(frozen=True, slots=True)
class Field:
    name: str  # wire name, exactly as in the spec
    type: Type  # Nullable(...) when null is allowed
    required: bool
    description: str | None = None
    default: Default | None = None
    secret: bool = False
    deprecated: bool = False
    read_only: bool = False
    write_only: bool = False
    examples: tuple[object, ...] = ()
    location: Location | None = field(default=None, compare=False)

    @property
    def nullable(self) -> bool:
        return isinstance(self.type, Nullable)


ModelKind = Literal["object", "enum", "alias"]


@dataclass(frozen=True, slots=True)
class Model:
    """A named schema.

    * ``object``: ``fields`` plus ``additional`` (the type of undeclared properties, or None when
      the schema does not declare ``additionalProperties``; unknown keys are still kept at runtime).
    * ``enum`` / ``alias``: ``type`` holds the aliased type (an EnumType, a UnionType, ...).
    """

    id: str  # stable JSON pointer, e.g. "#/components/schemas/ChatSession"
    name: tuple[str, ...]  # neutral words, e.g. ("Chat", "Session")
    kind: ModelKind
    description: str | None = None
    fields: tuple[Field, ...] = ()
    additional: Type | None = None
    type: Type | None = None
    deprecated: bool = False
    examples: tuple[object, ...] = ()
    location: Location | None = field(default=None, compare=False)


ParamIn = Literal["path", "query", "header", "cookie"]
ParamStyle = Literal["matrix", "label", "simple", "form", "spaceDelimited", "pipeDelimited", "deepObject"]


@dataclass(frozen=True, slots=True)
class Param:
    """A parameter, normalised once.

    ``style`` and ``explode`` are always resolved: the spec's, else the defaults of OpenAPI (``form``
    for query and cookie, ``simple`` for path and header; ``explode`` true for ``form`` only).
    ``content_type`` is set for a parameter described by ``content`` rather than ``schema``: its value
    is serialised as that media type (JSON text for a JSON type) and then sent as one string.
    """

    name: str  # wire name
    location: ParamIn
    type: Type
    required: bool
    style: ParamStyle
    explode: bool
    description: str | None = None
    const: Const | None = None  # a constant value the SDK always sends (e.g. the beta header)
    allow_reserved: bool = False  # query only: RFC 3986 reserved characters are sent unencoded
    content_type: str | None = None
    deprecated: bool = False
    default: Default | None = None
    examples: tuple[object, ...] = ()


BodyEncoding = Literal["json", "multipart", "form", "binary", "text"]


@dataclass(frozen=True, slots=True)
class RequestBody:
    content_type: str
    encoding: BodyEncoding
    type: Type  # usually a ModelRef
    required: bool
    description: str | None = None
    examples: tuple[tuple[str, object], ...] = ()  # (example name, value)


ResponseEncoding = Literal["json", "binary", "text", "event-stream", "none"]


@dataclass(frozen=True, slots=True)
class MediaType:
    """Another representation a response offers (e.g. ``text/event-stream`` beside JSON)."""

    content_type: str
    encoding: ResponseEncoding
    type: Type | None


@dataclass(frozen=True, slots=True)
class Response:
    status: str  # "200", "4XX", "default"
    description: str | None
    content_type: str | None  # the representation SDKs read by default (JSON first)
    encoding: ResponseEncoding
    type: Type | None
    examples: tuple[tuple[str, object], ...] = ()
    alternatives: tuple[MediaType, ...] = ()  # the other media types, in spec order

    @property
    def stream(self) -> MediaType | None:
        """The ``text/event-stream`` representation, when the response offers one."""
        if self.encoding == "event-stream" and self.content_type is not None:
            return MediaType(self.content_type, self.encoding, self.type)
        return next((m for m in self.alternatives if m.encoding == "event-stream"), None)

    @property
    def is_success(self) -> bool:
        return self.status.startswith("2")


PaginationStyle = Literal["cursor", "offset", "page", "link"]


@dataclass(frozen=True, slots=True)
class Pagination:
    """How a list operation pages: the style and the wire names of the fields it uses.

    * ``cursor``: pass the cursor (``cursor_field`` of the last page, or the last item's ``id`` when
      ``cursor_field`` is None) as ``cursor_param``; stop when ``has_more_field`` is false or the
      page is empty.
    * ``offset``: ``offset_param`` advances by the number of items received.
    * ``page``: ``page_param`` advances by one.
    * ``link``: follow the ``rel="next"`` URL of the RFC 8288 ``Link`` response header.
    """

    style: PaginationStyle
    items: str | None  # wire name of the response's item array ("data"); None: the body is the array
    item_type: Type  # the type of one item
    cursor_param: str | None = None  # query param taking the cursor: "after", "starting_after", ...
    cursor_field: str | None = None  # response field with the next cursor; None: the last item's `id`
    has_more_field: str | None = None  # boolean response field, e.g. "has_more"
    limit_param: str | None = None  # "limit" / "page_size" / "per_page"
    offset_param: str | None = None  # style offset
    page_param: str | None = None  # style page
    total_field: str | None = None  # total items / pages, when the response has one
    source: Literal["detected", "declared"] = "detected"


Words = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Operation:
    id: str  # operationId, or "METHOD path" when the spec has none
    resource: tuple[Words, ...]  # the resource path, e.g. (("threads",), ("messages",))
    name: Words  # method words, e.g. ("retrieve",)
    method: str  # upper-case HTTP method
    path: str  # template, e.g. "/chatkit/sessions/{session_id}/cancel"
    summary: str | None
    description: str | None
    params: tuple[Param, ...]
    body: RequestBody | None
    responses: tuple[Response, ...]
    tags: tuple[str, ...] = ()
    deprecated: bool = False
    # Alternatives (OR) of requirements (AND); None = the API's default ``Api.security``.
    security: tuple[SecurityRequirement, ...] | None = None
    pagination: Pagination | None = None
    location: Location | None = field(default=None, compare=False)

    @property
    def group(self) -> Words:
        """Every resource word in one flat tuple (``("threads", "messages")``), for flat listings."""
        return tuple(w for node in self.resource for w in node)

    @property
    def success(self) -> Response | None:
        ok = [r for r in self.responses if r.is_success]
        return ok[0] if ok else None

    @property
    def errors(self) -> tuple[Response, ...]:
        return tuple(r for r in self.responses if not r.is_success)


AuthKind = Literal["bearer", "basic", "http", "api-key", "oauth2", "openid", "mutual-tls"]


@dataclass(frozen=True, slots=True)
class Resource:
    """A node of the resource tree: its operations (ids, spec order) and its child resources."""

    name: Words  # this node's words, e.g. ("messages",)
    path: tuple[Words, ...]  # from the root, e.g. (("threads",), ("messages",))
    operations: tuple[str, ...]  # operation ids, in spec order
    children: tuple[Resource, ...] = ()


@dataclass(frozen=True, slots=True)
class AuthScheme:
    """A security scheme the SDKs can send.

    * ``bearer`` / ``oauth2`` / ``openid``: ``Authorization: Bearer <token>``;
    * ``basic``: ``Authorization: Basic base64(user:password)``;
    * ``http``: another HTTP scheme, sent as ``Authorization: <scheme> <credential>``;
    * ``api-key``: the credential as the ``param_name`` header, query parameter or cookie;
    * ``mutual-tls``: a client certificate, configured on the user's own HTTP client.
    """

    name: str  # the spec's key under components/securitySchemes
    kind: AuthKind
    param_in: Literal["header", "query", "cookie"] | None = None  # api-key only
    param_name: str | None = None  # api-key only: the header, query parameter or cookie name
    scheme: str | None = None  # http only: the scheme word, e.g. "DSN"
    bearer_format: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class SecurityRequirement:
    """One alternative of a ``security`` list: every scheme in it is sent (AND).

    An empty requirement (``{}`` in the spec) means the call may go without credentials.
    """

    schemes: tuple[str, ...]
    scopes: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (scheme, scopes) where the spec lists some


@dataclass(frozen=True, slots=True)
class Server:
    url: str
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Info:
    title: str
    version: str
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Api:
    info: Info
    servers: tuple[Server, ...]
    auth: tuple[AuthScheme, ...]  # the schemes some requirement names, in spec order
    security: tuple[SecurityRequirement, ...]  # the default alternatives; () = no credentials needed
    operations: tuple[Operation, ...]
    models: tuple[Model, ...]
    resources: tuple[Resource, ...] = ()  # the roots of the resource tree, in first-appearance order

    def security_of(self, op: Operation) -> tuple[SecurityRequirement, ...]:
        """The alternatives that apply to ``op``; () when it needs no credentials."""
        return self.security if op.security is None else op.security

    def model(self, model_id: str) -> Model:
        for m in self.models:
            if m.id == model_id:
                return m
        raise KeyError(model_id)
