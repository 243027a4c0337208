"""Hypothesis strategies that draw whole OpenAPI 3.0/3.1 specs (our own, not from the meta-schema).

What they aim at is where generators break: every parameter location, style and type; request
bodies of every media type the SDKs handle; responses with and without content; schemas nested in
any way (objects, arrays, maps, enums with odd values, consts, oneOf/anyOf/allOf, nullable in both
spellings, not, refs, including refs to themselves); names that clash with keywords, builtins,
the SDK's own names and each other after case conversion; text with every kind of hostile
character (comment terminators, triple quotes, backticks, template syntax, control and line
separator characters, non-BMP characters, lone surrogates in JSON escapes).

Most drawn specs are valid, so generation gets past validation; a fraction are mutated (a
required field dropped, a wrong type, a dangling ``$ref``, an undeclared path parameter), so the
refusal path is drawn too.  ``files()`` turns a drawn spec into the files of a spec folder: one
YAML or JSON document, sometimes with component schemas moved to their own files.
"""

from __future__ import annotations

import json
from typing import Any

import yaml
from hypothesis import strategies as st

JSON = dict[str, Any]

# -- names and text ---------------------------------------------------------------------------------------
HOSTILE_NAMES = [
    # keywords, builtins and standard library names of the targets
    "class",
    "def",
    "type",
    "func",
    "interface",
    "None",
    "True",
    "self",
    "cls",
    "import",
    "return",
    "object",
    "Warning",
    "Exception",
    "List",
    "Any",
    "Optional",
    "str",
    "int",
    "float",
    "bytes",
    "error",
    "string",
    "map",
    "chan",
    "range",
    "len",
    "package",
    "default",
    "json",
    "time",
    "fmt",
    # the generated package's own names
    "Client",
    "Model",
    "NotGiven",
    "NOT_GIVEN",
    "headers",
    "timeout",
    "api_key",
    "base_url",
    "ValidationError",
    "from_dict",
    "to_dict",
    "Opt",
    "Some",
    "ctx",
    "opts",
    "http",
    "request",
    "extra_fields",
    "ExtraFields",
    "raw",
    "data",
    "body",
    "params",
    "query",
    "path",
    "stream",
    # clashes after case conversion, odd shapes
    "fooBar",
    "foo_bar",
    "FooBar",
    "foo-bar",
    "FOO_BAR",
    "foo.bar",
    "foo bar",
    "Foo",
    "foo",
    "1st",
    "123",
    "_",
    "__init__",
    "__class__",
    "a$b",
    "@type",
    "x-y-z",
    "日本語",
    "naïve",
    "ü",
    "emoji👍",
    "Ω",
    "id",
    "ID",
    "Id",
    "URL",
    "url",
    "v1",
    "V1",
]
_IDENT = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,10}", fullmatch=True)
NAMES = st.one_of(st.sampled_from(HOSTILE_NAMES), _IDENT, st.text(min_size=1, max_size=8))
COMPONENT_NAMES = st.one_of(
    st.sampled_from([n for n in HOSTILE_NAMES if all(c.isalnum() or c in "._-" for c in n) and n.isascii()]),
    st.from_regex(r"[A-Za-z][A-Za-z0-9._-]{0,10}", fullmatch=True),
)
HOSTILE_TEXT = [
    "*/",
    "/*",
    '"""',
    "'''",
    "`",
    "```",
    "{{ x }}",
    "{% if x %}",
    "{#",
    "\\",
    "\\n",
    "\u2028",
    "\u2029",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\r\n",
    "\t",
    "👍",
    "\U0001f600",
    "<script>",
    "|",
    "#",
    "${x}",
    "%s",
    "%v",
    "-->",
    "]]>",
    "\\u0000",
    "\ufeff",
    "\u200b",
    "é",
    "\u0301",
    "",
    " ",
    "'",
    '"',
]
LONE_SURROGATES = ["\ud83d", "\udc4d"]  # not Unicode text: a loader may refuse them (located)
TEXT = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.lists(st.sampled_from(HOSTILE_TEXT) | st.text(max_size=6), max_size=4).map("".join),
    st.text(max_size=30),
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    TEXT,
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(NAMES, inner, max_size=3),
    max_leaves=6,
)


# -- schemas ----------------------------------------------------------------------------------------------
STRING_FORMATS = [
    "date",
    "date-time",
    "time",
    "duration",
    "email",
    "uri",
    "uuid",
    "binary",
    "byte",
    "password",
]
NUMBER_FORMATS = {"integer": ["int32", "int64", "uint8", "weird"], "number": ["float", "double", "decimal"]}


def _annotate(draw: st.DrawFn, schema: JSON, version: str) -> JSON:
    """Optional annotations every schema may carry."""
    extra = draw(
        st.fixed_dictionaries(
            {},
            optional={
                "description": TEXT,
                "title": TEXT,
                "deprecated": st.booleans(),
                "readOnly": st.booleans(),
                "writeOnly": st.booleans(),
                "example": JSON_VALUES,
                "default": JSON_VALUES,
            },
        )
    )
    if version.startswith("3.1") and draw(st.booleans()):
        extra.pop("example", None)
        if draw(st.booleans()):
            extra["examples"] = draw(st.lists(JSON_VALUES, max_size=2))
    return {**schema, **extra}


def _nullable(schema: JSON, version: str, how: int) -> JSON:
    """``schema`` that also accepts null, in a spelling of ``version``."""
    if version.startswith("3.0"):
        return {**schema, "nullable": True}
    t = schema.get("type")
    if isinstance(t, str) and how == 0:
        return {**schema, "type": [t, "null"]}
    return {"anyOf": [schema, {"type": "null"}]} if how == 1 else {"oneOf": [schema, {"type": "null"}]}


@st.composite
def primitive(draw: st.DrawFn, version: str) -> JSON:
    kind = draw(st.sampled_from(["string", "integer", "number", "boolean"]))
    schema: JSON = {"type": kind}
    if kind == "string" and draw(st.booleans()):
        schema["format"] = draw(st.sampled_from(STRING_FORMATS))
    if kind in NUMBER_FORMATS and draw(st.booleans()):
        schema["format"] = draw(st.sampled_from(NUMBER_FORMATS[kind]))
    if kind == "string" and draw(st.booleans()):
        schema.update(
            draw(
                st.fixed_dictionaries(
                    {},
                    optional={
                        "minLength": st.integers(0, 5),
                        "pattern": st.sampled_from(["^a", "[", "\\d+", ".*"]),
                    },
                )
            )
        )
    if kind in ("integer", "number") and draw(st.booleans()):
        schema.update(
            draw(
                st.fixed_dictionaries(
                    {},
                    optional={
                        "minimum": st.integers(-5, 5),
                        "maximum": st.integers(5, 10),
                        "multipleOf": st.sampled_from([1, 2, 0.5]),
                    },
                )
            )
        )
    return schema


ENUM_VALUES = st.one_of(
    st.sampled_from(
        ["", "null", "None", "true", "1", "1.5", "a b", "A", "a", "-", "__", "class", "👍", "\u2028"]
    ),
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from([1.5, -0.0, 1e100]),
    TEXT,
)


@st.composite
def enum(draw: st.DrawFn, version: str) -> JSON:
    values = draw(st.lists(ENUM_VALUES, min_size=1, max_size=5, unique_by=lambda v: json.dumps(v)))
    kinds = {type(v) for v in values if v is not None}
    schema: JSON = {"enum": values}
    if kinds == {str}:
        schema["type"] = "string"
    elif kinds <= {int}:
        schema["type"] = "integer" if kinds else "string"
    if draw(st.booleans()):
        schema["x-enum-varnames"] = draw(st.lists(NAMES, min_size=len(values), max_size=len(values)))
    return schema


@st.composite
def const(draw: st.DrawFn, version: str) -> JSON:
    value = draw(SCALARS | st.lists(SCALARS, max_size=2))
    if version.startswith("3.0"):
        return {"enum": [value]}
    return {"const": value}


@st.composite
def one_of_consts(draw: st.DrawFn, version: str) -> JSON:
    values = draw(
        st.lists(st.text(max_size=5) | st.sampled_from(["", "a", "A"]), min_size=1, max_size=4, unique=True)
    )
    key = "const" if version.startswith("3.1") else "enum"
    members = [{key: v if key == "const" else [v], "title": draw(NAMES)} for v in values]
    return {draw(st.sampled_from(["oneOf", "anyOf"])): members, "type": "string"}


def leaves(version: str, refs: list[str]) -> st.SearchStrategy[JSON]:
    options = [primitive(version), enum(version), const(version), one_of_consts(version), st.just({})]
    if refs:
        options.append(st.sampled_from(refs).map(lambda r: {"$ref": r}))
        options.append(st.sampled_from(refs).map(lambda r: {"$ref": r}))
    if version.startswith("3.1"):
        options.append(st.sampled_from([{"type": "null"}, {"type": ["string", "integer"]}]))
    return st.one_of(options)


@st.composite
def obj(draw: st.DrawFn, inner: st.SearchStrategy[JSON], version: str) -> JSON:
    props = draw(st.dictionaries(NAMES, inner, max_size=4))
    schema: JSON = {"type": "object"} if draw(st.integers(0, 4)) else {}
    if props or draw(st.booleans()):
        schema["properties"] = props
    if props and draw(st.booleans()):
        schema["required"] = draw(st.lists(st.sampled_from(sorted(props)), min_size=1, unique=True))
    if draw(st.booleans()):
        schema["additionalProperties"] = draw(st.booleans() | inner)
    return schema


@st.composite
def composite(draw: st.DrawFn, inner: st.SearchStrategy[JSON], version: str) -> JSON:
    shape = draw(
        st.sampled_from(
            [
                "object",
                "object",
                "array",
                "map",
                "oneOf",
                "anyOf",
                "allOf",
                "allOf-ref",
                "not",
                "nullable",
                "object+oneOf",
            ]
        )
    )
    if shape == "object":
        return draw(obj(inner, version))
    if shape == "array":
        return {"type": "array", "items": draw(inner)}
    if shape == "map":
        return {"type": "object", "additionalProperties": draw(inner)}
    if shape in ("oneOf", "anyOf"):
        members = draw(st.lists(inner, min_size=1, max_size=3))
        schema: JSON = {shape: members}
        refs = [m["$ref"] for m in members if "$ref" in m]
        if refs and draw(st.booleans()):
            disc: JSON = {"propertyName": draw(NAMES)}
            if draw(st.booleans()):
                disc["mapping"] = {draw(NAMES): r for r in refs}
            schema["discriminator"] = disc
        return schema
    if shape == "allOf":
        return {"allOf": draw(st.lists(inner, min_size=1, max_size=3))}
    if shape == "allOf-ref":  # a reference with annotations beside it
        return {
            "allOf": [
                draw(inner),
                draw(
                    st.fixed_dictionaries(
                        {}, optional={"description": TEXT, "nullable": st.just(True), "default": SCALARS}
                    )
                ),
            ]
        }
    if shape == "not":
        return {"not": draw(inner)}
    if shape == "object+oneOf":
        return {
            "type": "object",
            "oneOf": draw(st.lists(inner, min_size=1, max_size=2)),
            "properties": draw(st.dictionaries(NAMES, inner, max_size=2)),
        }
    return _nullable(draw(inner), version, draw(st.integers(0, 2)))


def schemas(version: str, refs: list[str]) -> st.SearchStrategy[JSON]:
    @st.composite
    def annotated(draw: st.DrawFn, base: st.SearchStrategy[JSON]) -> JSON:
        schema = draw(base)
        if "$ref" in schema and version.startswith("3.0"):
            return schema  # 3.0: siblings of $ref are ignored; keep the ref plain
        return _annotate(draw, schema, version) if draw(st.integers(0, 3)) == 0 else schema

    return st.recursive(
        annotated(leaves(version, refs)),
        lambda inner: annotated(composite(inner, version)),
        max_leaves=6,
    )


# -- parameters, bodies, responses ------------------------------------------------------------------------
STYLES = {
    "path": ["simple", "label", "matrix"],
    "query": ["form", "spaceDelimited", "pipeDelimited", "deepObject"],
    "header": ["simple"],
    "cookie": ["form"],
}


@st.composite
def param_schema(draw: st.DrawFn, version: str, refs: list[str]) -> JSON:
    kind = draw(st.sampled_from(["prim", "prim", "enum", "array", "object", "any"]))
    if kind == "prim":
        return draw(primitive(version))
    if kind == "enum":
        return draw(enum(version))
    if kind == "array":
        return {"type": "array", "items": draw(primitive(version) | enum(version))}
    if kind == "object":
        return draw(obj(primitive(version), version))
    return draw(schemas(version, refs))


@st.composite
def parameter(draw: st.DrawFn, version: str, refs: list[str], location: str, name: str) -> JSON:
    p: JSON = {"name": name, "in": location}
    if location == "path":
        p["required"] = True
    elif draw(st.booleans()):
        p["required"] = draw(st.booleans())
    if draw(st.integers(0, 5)) == 0:  # content instead of schema
        p["content"] = {"application/json": {"schema": draw(param_schema(version, refs))}}
    else:
        p["schema"] = draw(param_schema(version, refs))
        if draw(st.booleans()):
            p["style"] = draw(st.sampled_from(STYLES[location]))
        if draw(st.booleans()):
            p["explode"] = draw(st.booleans())
        if location == "query" and draw(st.integers(0, 3)) == 0:
            p["allowReserved"] = True
    p.update(draw(st.fixed_dictionaries({}, optional={"description": TEXT, "deprecated": st.booleans()})))
    if "schema" in p and draw(st.booleans()):
        p["example"] = draw(JSON_VALUES)
    return p


MEDIA_TYPES = [
    "application/json",
    "application/json",
    "multipart/form-data",
    "application/x-www-form-urlencoded",
    "application/octet-stream",
    "text/plain",
    "application/xml",
    "text/event-stream",
    "*/*",
    "application/vnd.api+json",
    "image/png",
]


@st.composite
def content(draw: st.DrawFn, version: str, refs: list[str]) -> JSON:
    types = draw(st.lists(st.sampled_from(MEDIA_TYPES), min_size=1, max_size=2, unique=True))
    out: JSON = {}
    for t in types:
        media: JSON = {}
        if draw(st.integers(0, 5)):
            media["schema"] = draw(schemas(version, refs))
        if draw(st.integers(0, 4)) == 0:
            media["example"] = draw(JSON_VALUES)
        out[t] = media
    return out


@st.composite
def responses(draw: st.DrawFn, version: str, refs: list[str]) -> JSON:
    codes = draw(
        st.lists(
            st.sampled_from(
                ["200", "201", "202", "204", "2XX", "301", "400", "404", "422", "4XX", "500", "default"]
            ),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    out: JSON = {}
    for code in codes:
        r: JSON = {"description": draw(TEXT)}
        if code != "204" and draw(st.integers(0, 3)):
            r["content"] = draw(content(version, refs))
        if draw(st.integers(0, 4)) == 0:
            r["headers"] = {draw(NAMES): {"schema": draw(primitive(version)), "description": draw(TEXT)}}
        out[code] = r
    return out


# -- operations, paths, the spec ---------------------------------------------------------------------------
METHODS = ["get", "post", "put", "patch", "delete", "head", "options", "trace"]


@st.composite
def path_template(draw: st.DrawFn) -> tuple[str, list[str]]:
    segments: list[str] = []
    params: list[str] = []
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            name = draw(
                NAMES.filter(lambda n: "{" not in n and "}" not in n and "/" not in n and n not in params)
            )
            params.append(name)
            segments.append("{" + name + "}" + draw(st.sampled_from(["", "", ".json", "-x"])))
        else:
            segments.append(
                draw(
                    st.sampled_from(
                        [
                            "users",
                            "api-key",
                            "v1",
                            "items",
                            "x",
                            "a.b",
                            "cancel",
                            "search",
                            "~me",
                            "%20",
                            "日本",
                        ]
                    )
                    | _IDENT
                )
            )
    return "/" + "/".join(segments), params


@st.composite
def operation(
    draw: st.DrawFn, version: str, refs: list[str], path_params: list[str], schemes: list[str]
) -> JSON:
    op: JSON = {}
    if draw(st.integers(0, 3)):
        op["operationId"] = draw(NAMES)
    op.update(
        draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "summary": TEXT,
                    "description": TEXT,
                    "deprecated": st.booleans(),
                    "tags": st.lists(NAMES, max_size=2),
                },
            )
        )
    )
    params = [draw(parameter(version, refs, "path", n)) for n in path_params]
    for _ in range(draw(st.integers(0, 4))):
        location = draw(st.sampled_from(["query", "query", "header", "cookie"]))
        params.append(draw(parameter(version, refs, location, draw(NAMES))))
    if params:
        op["parameters"] = params
    if draw(st.integers(0, 2)) == 0:
        body: JSON = {"content": draw(content(version, refs))}
        if draw(st.booleans()):
            body["required"] = draw(st.booleans())
        op["requestBody"] = body
    op["responses"] = draw(responses(version, refs))
    if schemes and draw(st.integers(0, 3)) == 0:
        op["security"] = draw(
            st.lists(st.dictionaries(st.sampled_from(schemes), st.just([]), max_size=2), max_size=2)
        )
    return op


SECURITY_SCHEMES = [
    {"type": "apiKey", "in": "header", "name": "X-API-Key"},
    {"type": "apiKey", "in": "query", "name": "api_key"},
    {"type": "apiKey", "in": "cookie", "name": "session"},
    {"type": "http", "scheme": "basic"},
    {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
    {
        "type": "oauth2",
        "flows": {"clientCredentials": {"tokenUrl": "https://example.com/token", "scopes": {"read": "r"}}},
    },
    {"type": "openIdConnect", "openIdConnectUrl": "https://example.com/.well-known/openid-configuration"},
    {"type": "mutualTLS"},
]


@st.composite
def valid_specs(draw: st.DrawFn) -> JSON:
    version = draw(st.sampled_from(["3.0.3", "3.1.0"]))
    names = draw(st.lists(COMPONENT_NAMES, max_size=5, unique=True))
    refs = [f"#/components/schemas/{n}" for n in names]
    spec: JSON = {
        "openapi": version,
        "info": {"title": draw(TEXT), "version": draw(st.sampled_from(["1.0", "", "v2 👍"]))},
    }
    if draw(st.booleans()):
        spec["info"]["description"] = draw(TEXT)
    if draw(st.booleans()):
        spec["servers"] = [
            {
                "url": draw(
                    st.sampled_from(["https://api.example.com/v1", "/", "http://{host}:8080", "{scheme}://x"])
                ),
                "variables": {
                    "host": {"default": "localhost"},
                    "scheme": {"default": "https", "enum": ["https", "http"]},
                },
            }
        ]
    components: JSON = {}
    if names:
        components["schemas"] = {n: draw(schemas(version, refs)) for n in names}
    scheme_names: list[str] = []
    if draw(st.booleans()):
        chosen = draw(
            st.lists(st.sampled_from(range(len(SECURITY_SCHEMES))), min_size=1, max_size=3, unique=True)
        )
        allowed = [
            i for i in chosen if version.startswith("3.1") or SECURITY_SCHEMES[i]["type"] != "mutualTLS"
        ]
        scheme_names = [draw(COMPONENT_NAMES) + str(i) for i in allowed]
        components["securitySchemes"] = dict(
            zip(scheme_names, (SECURITY_SCHEMES[i] for i in allowed), strict=True)
        )
        if draw(st.booleans()):
            spec["security"] = [{n: []} for n in scheme_names[:1]] + ([{}] if draw(st.booleans()) else [])
    paths: JSON = {}
    for _ in range(draw(st.integers(0 if version.startswith("3.1") else 1, 4))):
        template, params = draw(path_template())
        methods = draw(st.lists(st.sampled_from(METHODS), min_size=1, max_size=3, unique=True))
        paths[template] = {m: draw(operation(version, refs, params, scheme_names)) for m in methods}
    spec["paths"] = paths
    if components:
        spec["components"] = components
    return spec


# -- breaking a spec: the refusal path ----------------------------------------------------------------------
def _break(spec: JSON, how: int) -> JSON:
    spec = json.loads(json.dumps(spec))
    ops = [op for item in spec["paths"].values() for op in item.values() if isinstance(op, dict)]
    if how == 0:
        del spec["info"]
    elif how == 1:
        spec["paths"]["/{undeclared}"] = {"get": {"responses": {"200": {"description": "x"}}}}
    elif how == 2:
        spec["paths"]["/dangling"] = {
            "get": {
                "responses": {
                    "200": {
                        "description": "x",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/DoesNotExist"}}
                        },
                    }
                }
            }
        }
    elif how == 3 and ops:
        ops[0]["responses"] = "not a mapping"
    elif how == 4:
        spec.setdefault("components", {})["schemas"] = {"Bad": {"type": "strin", "properties": []}}
    elif how == 5 and ops:
        ops[0]["operationId"] = "dup"
        spec["paths"]["/dup"] = {"post": {"operationId": "dup", "responses": {"200": {"description": "x"}}}}
    elif how == 6:
        spec["paths"]["/ext"] = {
            "get": {
                "responses": {
                    "200": {
                        "description": "x",
                        "content": {"application/json": {"schema": {"$ref": "other.yaml#/X"}}},
                    }
                }
            }
        }
    elif how == 7:
        spec["openapi"] = "2.0"
    elif how == 8:
        spec["paths"]["no-slash"] = {}
    elif how == 10:
        spec["info"]["description"] = "a lone surrogate: " + LONE_SURROGATES[0]
    else:
        spec["info"]["version"] = 1.5
    return spec


@st.composite
def specs(draw: st.DrawFn) -> JSON:
    """A spec: valid most of the time, broken in one way otherwise."""
    spec = draw(valid_specs())
    if draw(st.integers(0, 5)) == 5:  # not 0: hypothesis favours the simplest value
        spec = _break(spec, draw(st.integers(0, 10)))
    return spec


# -- files ---------------------------------------------------------------------------------------------------
def _rewrite_refs(node: Any, mapping: dict[str, str]) -> Any:
    if isinstance(node, dict):
        return {
            k: (mapping.get(v, v) if k == "$ref" and isinstance(v, str) else _rewrite_refs(v, mapping))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rewrite_refs(v, mapping) for v in node]
    return node


def dump(data: Any, as_json: bool, ascii_only: bool = False) -> str:
    """YAML, or JSON (``ascii_only``: every non-ASCII character as a ``\\u`` escape, as many tools write)."""
    if as_json:
        return json.dumps(data, indent=1, ensure_ascii=ascii_only) + "\n"
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


@st.composite
def files(draw: st.DrawFn) -> dict[str, str]:
    """The files of a spec folder: ``openapi.yaml`` or ``openapi.json`` first, then its parts."""
    spec = draw(specs())
    as_json = draw(st.booleans())
    root = "openapi.json" if as_json else "openapi.yaml"
    out: dict[str, str] = {}
    schemas_ = spec.get("components", {}).get("schemas", {})
    if schemas_ and draw(st.integers(0, 3)) == 0:  # a multi-file spec: some schemas in their own files
        moved = draw(st.lists(st.sampled_from(sorted(schemas_)), min_size=1, unique=True))
        parts = {n: f"schemas/s{i}.yaml" for i, n in enumerate(moved)}
        from_root = {f"#/components/schemas/{n}": p for n, p in parts.items()}
        from_part = {f"#/components/schemas/{n}": f"s{i}.yaml" for i, n in enumerate(moved)}
        from_part.update(
            {
                f"#/components/schemas/{n}": f"../{root}#/components/schemas/{n}"
                for n in schemas_
                if n not in parts
            }
        )
        for n, p in parts.items():
            out[p] = dump(_rewrite_refs(schemas_[n], from_part), False)
        spec = _rewrite_refs(spec, from_root)
        for n, p in parts.items():
            spec["components"]["schemas"][n] = {"$ref": p}
    return {root: dump(spec, as_json, draw(st.integers(0, 5)) == 0), **out}
