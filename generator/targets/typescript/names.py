"""TypeScript identifiers: one deterministic pass from the spec's neutral words.

* Model (type) names are PascalCase; properties keep their exact wire names (quoted when they are
  not identifiers), so a payload *is* the model and nothing is renamed.
* A type name that is a reserved word, a global the SDK uses (``Error``, ``Record``, ``Blob``...)
  or a runtime export (``APIError``, the client) gets ``Model`` appended; a name already taken gets
  ``2``, ``3``... in claim order (components whose name already is their identifier first).
* Methods and resource properties are camelCase; a reserved one gets ``_`` appended.
"""

from __future__ import annotations

import json
import re

from ...ir.model import Api
from ...naming import camel, claim_order, pascal

KEYWORDS = frozenset(
    [
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "else",
        "enum",
        "export",
        "extends",
        "false",
        "finally",
        "for",
        "function",
        "if",
        "import",
        "in",
        "instanceof",
        "new",
        "null",
        "return",
        "super",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "with",
        "as",
        "implements",
        "interface",
        "let",
        "package",
        "private",
        "protected",
        "public",
        "static",
        "yield",
        "any",
        "boolean",
        "constructor",
        "declare",
        "get",
        "module",
        "require",
        "number",
        "set",
        "string",
        "symbol",
        "type",
        "from",
        "of",
        "await",
        "async",
        "unknown",
        "never",
        "object",
        "bigint",
        "undefined",
        "keyof",
        "readonly",
        "infer",
        "is",
        "asserts",
        "satisfies",
        "accessor",
        "out",
    ]
)

# Globals the generated code or its users lean on: a model must not shadow them.
GLOBALS = frozenset(
    [
        "Array",
        "ArrayBuffer",
        "AbortController",
        "AbortSignal",
        "BigInt",
        "Blob",
        "Boolean",
        "DataView",
        "Date",
        "Error",
        "EvalError",
        "File",
        "FormData",
        "Function",
        "Headers",
        "Infinity",
        "Iterable",
        "AsyncIterable",
        "Iterator",
        "AsyncIterator",
        "JSON",
        "Map",
        "Math",
        "NaN",
        "Number",
        "Object",
        "Partial",
        "Pick",
        "Omit",
        "Exclude",
        "Extract",
        "Promise",
        "PromiseLike",
        "Proxy",
        "RangeError",
        "ReadableStream",
        "ReadonlyArray",
        "ReadonlySet",
        "ReadonlyMap",
        "Readonly",
        "Record",
        "ReferenceError",
        "Reflect",
        "RegExp",
        "Request",
        "Required",
        "Response",
        "Set",
        "String",
        "Symbol",
        "SyntaxError",
        "TextDecoder",
        "TextEncoder",
        "TypeError",
        "URIError",
        "URL",
        "URLSearchParams",
        "Uint8Array",
        "WeakMap",
        "WeakSet",
        "NonNullable",
        "ReturnType",
        "Parameters",
        "Awaited",
        "globalThis",
        "console",
        "process",
        "Buffer",
    ]
)

RUNTIME_EXPORTS = frozenset(
    [
        "APIError",
        "APIConnectionError",
        "APITimeoutError",
        "APIUserAbortError",
        "APIStatusError",
        "BadRequestError",
        "AuthenticationError",
        "PermissionDeniedError",
        "NotFoundError",
        "ConflictError",
        "UnprocessableEntityError",
        "RateLimitError",
        "InternalServerError",
        "ValidationError",
        "APIPromise",
        "Page",
        "PagePromise",
        "Stream",
        "RequestOptions",
        "ClientOptions",
        "WithResponse",
        "ServerSentEvent",
    ]
)

_IDENT = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


def is_ident(text: str) -> bool:
    return bool(_IDENT.match(text))


def prop_key(wire: str) -> str:
    """An object key as written in a type or literal: bare when it is an identifier, else quoted."""
    return wire if is_ident(wire) else json.dumps(wire, ensure_ascii=False)


def member(words: tuple[str, ...], fallback: str = "value") -> str:
    """A camelCase method / property name, never a reserved word."""
    name = camel(words) or fallback
    if name[0].isdigit():
        name = "_" + name
    return name + "_" if name in KEYWORDS or name in ("prototype", "constructor") else name


def model_names(api: Api, client: str) -> dict[str, str]:
    """Model id -> its TypeScript type name (unique, never shadowing a global or an SDK export)."""
    taken = set(GLOBALS | RUNTIME_EXPORTS | KEYWORDS | {client, client + "Options"})
    ids = [m.id for m in api.models]
    wanted = []
    for m in api.models:
        base = pascal(m.name) or "Model"
        if base[0].isdigit():
            base = "Model" + base
        wanted.append(base)
    out: dict[str, str] = {}
    for i in claim_order(ids, wanted):
        base = wanted[i]
        if base in taken or base.lower() in KEYWORDS:
            base += "Model"
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base}{n}"
        taken.add(name)
        out[ids[i]] = name
    return out


def unique(name: str, taken: set[str]) -> str:
    out, n = name, 1
    while out in taken:
        n += 1
        out = f"{name}{n}"
    taken.add(out)
    return out
