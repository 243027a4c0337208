"""What each position of an OpenAPI 3.0/3.1 document holds, as far as ``$ref`` resolution cares.

A position has a *kind*:

* an OpenAPI object (``operation``, ``parameter``, ...) or a map/list of them: a ``$ref`` there is
  resolved in place, as bundlers do, whether or not OpenAPI allows a Reference Object there;
* ``schema``: a Schema Object.  Its ``$ref``s stay references (schemas are models with an
  identity, and may be recursive); the subschemas under its keywords are schemas too;
* ``literal``: data taken as written (examples, defaults, enums, link values, extensions), where a
  ``$ref`` key is just a key;
* ``any``: every other value (descriptions, info, tags, security schemes, ...): a ``$ref`` is
  resolved in place and the value is searched for more.

Unknown keys of an object are ``any``; ``x-`` keys of an object are extensions (``literal``).
"""

from __future__ import annotations

SCHEMA = "schema"
LITERAL = "literal"
ANY = "any"

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# Schema keywords whose value is a map of subschemas / one subschema / a list of subschemas.
SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
SCHEMA_ONE = (
    "additionalProperties",
    "items",
    "additionalItems",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
)
SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
SCHEMA_LITERALS = ("default", "example", "examples", "const", "enum")

_PARAMETER = {"schema": SCHEMA, "content": "content", "example": LITERAL, "examples": "examples"}
_PATH_ITEM = {"parameters": "parameters", "servers": "servers"} | {m: "operation" for m in HTTP_METHODS}

# object kind -> key -> kind of the value under it
OBJECTS: dict[str, dict[str, str]] = {
    "root": {
        "paths": "paths",
        "webhooks": "pathitems",
        "components": "components",
        "servers": "servers",
        "openapi": LITERAL,
        "security": LITERAL,
    },
    "pathitem": _PATH_ITEM,
    "operation": {
        "parameters": "parameters",
        "requestBody": "requestbody",
        "responses": "responses",
        "callbacks": "callbacks",
        "servers": "servers",
        "security": LITERAL,
    },
    "parameter": _PARAMETER,
    "header": _PARAMETER,
    "requestbody": {"content": "content"},
    "mediatype": {"schema": SCHEMA, "example": LITERAL, "examples": "examples", "encoding": "encodings"},
    "encoding": {"headers": "headers"},
    "response": {"headers": "headers", "content": "content", "links": "links"},
    "link": {"parameters": LITERAL, "requestBody": LITERAL, "server": "server"},
    "example": {"value": LITERAL},
    "server": {"variables": "servervariables"},
    "servervariable": {"enum": LITERAL, "default": LITERAL},
    "components": {
        "schemas": "schemas",
        "responses": "responses",
        "parameters": "parametermap",
        "examples": "examples",
        "requestBodies": "requestbodies",
        "headers": "headers",
        "securitySchemes": "securityschemes",
        "links": "links",
        "callbacks": "callbacks",
        "pathItems": "pathitems",
    },
}

# map kind -> kind of every value (the keys are names the spec chooses)
MAPS: dict[str, str] = {
    "paths": "pathitem",
    "pathitems": "pathitem",
    "callbacks": "callback",
    "callback": "pathitem",
    "responses": "response",
    "content": "mediatype",
    "encodings": "encoding",
    "headers": "header",
    "links": "link",
    "examples": "example",
    "servervariables": "servervariable",
    "schemas": SCHEMA,
    "parametermap": "parameter",
    "requestbodies": "requestbody",
    "securityschemes": ANY,
}
# Maps that are OpenAPI objects with patterned fields: their ``x-`` keys are extensions, not names.
EXTENSIBLE_MAPS = frozenset({"paths", "callback", "responses"})

# list kind -> kind of every item
LISTS: dict[str, str] = {"parameters": "parameter", "servers": "server"}


def child_kind(kind: str, key: str) -> str:
    """The kind of the value under ``key`` of a mapping of kind ``kind``."""
    if kind == SCHEMA:
        return _schema_child(key)
    value_kind = MAPS.get(kind)
    if value_kind is not None:
        return LITERAL if key.startswith("x-") and kind in EXTENSIBLE_MAPS else value_kind
    if kind == LITERAL or key.startswith("x-"):
        return LITERAL
    fields = OBJECTS.get(kind)
    return fields.get(key, ANY) if fields is not None else ANY


def item_kind(kind: str) -> str:
    """The kind of each item of a list of kind ``kind``."""
    if kind in (SCHEMA, LITERAL):
        return kind  # a list where a schema stands is a list of schemas (``items: [...]``, allOf)
    return LISTS.get(kind, ANY)


def _schema_child(key: str) -> str:
    if key in SCHEMA_ONE or key in SCHEMA_LISTS:
        return SCHEMA
    if key in SCHEMA_MAPS:
        return "schemas"
    if key in SCHEMA_LITERALS or key.startswith("x-"):
        return LITERAL
    return ANY


def is_name_map(kind: str) -> bool:
    """Whether the keys under a mapping of this kind are names the spec chooses (even ``$ref``)."""
    return kind in MAPS or kind == "schemas"
