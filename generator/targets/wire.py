"""How a parameter's JSON value goes on the wire, for targets that show or test requests.

The same rules as the SDK runtimes (templates/python/runtime/_params.py, templates/go/runtime/
params.go), applied to example values: the docs' curl commands and the Go SDK's generated tests
use them.  Each of the three is tested against the OpenAPI specification's "Style Examples" table.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from urllib.parse import quote

from ..ir.model import Param, thaw
from ..ir.operations import body_encoding

_RESERVED = ":/?@!$'()*,;="
_TRIPLET = re.compile(r"(%[0-9A-Fa-f]{2})")
_QUERY_JOIN = {"form": ",", "spaceDelimited": "%20", "pipeDelimited": "%7C", "deepObject": ","}


def pct(text: str) -> str:
    return quote(text, safe="")


def _pct_reserved(text: str) -> str:
    return "".join(p if _TRIPLET.fullmatch(p) else quote(p, safe=_RESERVED) for p in _TRIPLET.split(text))


def text_of(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class _Value:
    def __init__(self, value: object, as_json: bool) -> None:
        self.plain = value
        self.text = ""
        self.items: list[str] = []
        self.pairs: list[tuple[str, str]] = []
        if as_json:
            self.kind, self.text = "scalar", json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        elif isinstance(value, list):
            self.items = [text_of(v) for v in value if v is not None]
            self.kind = "array" if self.items else "undefined"
        elif isinstance(value, dict):
            self.pairs = [(str(k), text_of(v)) for k, v in value.items() if v is not None]
            self.kind = "object" if self.pairs else "undefined"
        elif value is None:
            self.kind = "undefined"
        else:
            self.kind, self.text = "scalar", text_of(value)

    def members(self, enc: Callable[[str], str], explode: bool) -> list[str]:
        pairs = [(enc(k), enc(v)) for k, v in self.pairs]
        return [f"{k}={v}" for k, v in pairs] if explode else [x for kv in pairs for x in kv]


def _json_content(p: Param) -> bool:
    return p.content_type is not None and body_encoding(p.content_type) == "json"


def path_text(p: Param, value: object) -> str:
    """The (percent-encoded) text that fills ``{name}``; "" when the value is undefined."""
    v, key, style, explode = _Value(thaw(value), _json_content(p)), pct(p.name), p.style, p.explode
    if v.kind == "undefined":
        return ""
    if v.kind == "scalar":
        text = pct(v.text)
        if style == "label":
            return "." + text
        if style == "matrix":
            return f";{key}={text}" if text else f";{key}"
        return text
    if v.kind == "object":
        members = v.members(pct, explode)
        if style == "matrix" and explode:
            return "".join(";" + m.removesuffix("=") for m in members)
    else:
        members = [pct(x) for x in v.items]
        if style == "matrix" and explode:
            return "".join(f";{key}={x}" if x else f";{key}" for x in members)
    if style == "matrix":
        return f";{key}=" + ",".join(members)
    if style == "label":
        return "." + (".".join(members) if explode else ",".join(members))
    return ",".join(members)


def query_pieces(p: Param, value: object) -> list[str]:
    """Encoded ``key=value`` pieces of a query parameter (joined by ``&``)."""
    plain = thaw(value)
    v = _Value(plain, _json_content(p))
    enc = _pct_reserved if p.allow_reserved else pct
    key = pct(p.name)
    out: list[str] = []
    if v.kind == "scalar":
        out.append(f"{key}={enc(v.text)}")
    elif v.kind == "object" and p.style == "deepObject":
        _deep(out, key, plain, enc)
    elif v.kind == "object" and p.explode:
        out.extend(v.members(enc, True))
    elif v.kind == "object":
        out.append(f"{key}=" + _QUERY_JOIN[p.style].join(v.members(enc, False)))
    elif v.kind == "array" and (p.explode or p.style == "deepObject"):
        out.extend(f"{key}={enc(x)}" for x in v.items)
    elif v.kind == "array":
        out.append(f"{key}=" + _QUERY_JOIN[p.style].join(enc(x) for x in v.items))
    return out


def _deep(out: list[str], prefix: str, value: object, enc: Callable[[str], str]) -> None:
    if isinstance(value, dict):
        for k, item in value.items():
            _deep(out, f"{prefix}%5B{enc(str(k))}%5D", item, enc)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _deep(out, f"{prefix}%5B{i}%5D", item, enc)
    elif value is not None:
        out.append(f"{prefix}={enc(text_of(value))}")


def header_text(p: Param, value: object) -> str | None:
    """A header parameter's value (not percent-encoded); None when it is not sent."""
    v = _Value(thaw(value), _json_content(p))
    if v.kind == "undefined":
        return None
    if v.kind == "scalar":
        return v.text
    if v.kind == "object":
        return ",".join(v.members(str, p.explode))
    return ",".join(v.items)


def cookie_pieces(p: Param, value: object) -> list[str]:
    """``name=value`` pieces of a cookie parameter (joined by ``; ``)."""
    v = _Value(thaw(value), _json_content(p))
    enc: Callable[[str], str] = str if p.content_type is not None else pct
    key = pct(p.name)
    if v.kind == "scalar":
        return [f"{key}={enc(v.text)}"]
    if v.kind == "object":
        members = v.members(enc, p.explode)
        return members if p.explode else [f"{key}=" + ",".join(members)]
    if v.kind == "array":
        items = [enc(x) for x in v.items]
        return [f"{key}={x}" for x in items] if p.explode else [f"{key}=" + ",".join(items)]
    return []
