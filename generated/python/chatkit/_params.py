"""Parameter serialisation: path, query, header and cookie values in every OpenAPI ``style``.

Values arrive as the SDK's natural types (``int``, ``list[str]``, a model, a mapping, an enum) and
are first turned into their JSON form.  Then:

* a scalar is its text (``true``/``false`` for booleans, numbers as JSON writes them);
* an array or an object is laid out by ``style`` and ``explode`` as the OpenAPI specification's
  "Style Examples" table shows (``blue,black,brown``, ``R=100&G=200&B=150``, ``color[R]=100``, ...);
* a member that is itself an array or object is sent as its compact JSON text.

``NOT_GIVEN``, ``None`` and empty arrays/objects are "undefined": the parameter is left out (a
path parameter must have a value).  Data is percent-encoded (all but ``A-Z a-z 0-9 - . _ ~``) in
paths, queries and cookies, never in headers; the delimiters a style adds are not.  With
``allow_reserved`` a query value keeps RFC 3986's reserved characters and percent-triplets as given.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from urllib.parse import quote

from ._exceptions import ValidationError
from ._serde import to_json
from ._types import NotGiven

__all__ = ["add_cookie", "add_header", "add_query", "encode_path", "json_param", "scalar_text"]

# allowReserved: RFC 3986 reserved characters a query value may keep (not the ones that end or split it).
_RESERVED = ":/?@!$'()*,;="
_TRIPLET = re.compile(r"(%[0-9A-Fa-f]{2})")
_QUERY_JOIN = {"form": ",", "spaceDelimited": "%20", "pipeDelimited": "%7C", "deepObject": ","}


def json_param(value: object) -> object:
    """The JSON text of a parameter described by ``content: {application/json: ...}`` (NOT_GIVEN stays)."""
    if isinstance(value, NotGiven):
        return value
    return _json_text(value)


def _json_text(value: object) -> str:
    import json

    try:
        return json.dumps(to_json(value), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ValidationError("parameter", str(exc)) from exc


def scalar_text(name: str, value: object) -> str:
    """The text of a scalar (a nested array or object: its compact JSON)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValidationError(name, "must be a finite number")
        return repr(value)
    return _json_text(value)  # a nested array or object


class _Value:
    """A parameter value as texts: ``kind`` is "undefined", "scalar", "array" or "object"."""

    __slots__ = ("kind", "text", "items", "pairs", "plain")

    def __init__(self, name: str, value: object) -> None:
        self.text = ""
        self.items: list[str] = []
        self.pairs: list[tuple[str, str]] = []
        self.plain: object = None if isinstance(value, NotGiven) else to_json(value)
        plain = self.plain
        if isinstance(plain, list):
            self.items = [scalar_text(name, v) for v in plain if v is not None]
            self.kind = "array" if self.items else "undefined"
        elif isinstance(plain, dict):
            self.pairs = [(str(k), scalar_text(name, v)) for k, v in plain.items() if v is not None]
            self.kind = "object" if self.pairs else "undefined"
        elif plain is None:
            self.kind = "undefined"
        else:
            self.kind, self.text = "scalar", scalar_text(name, plain)

    def members(self, enc: Callable[[str], str], explode: bool) -> list[str]:
        """An object's members: ``k=v`` each when exploded, else ``k, v`` flattened."""
        pairs = [(enc(k), enc(v)) for k, v in self.pairs]
        return [f"{k}={v}" for k, v in pairs] if explode else [x for kv in pairs for x in kv]


def _pct(text: str) -> str:
    return quote(text, safe="")


def _pct_reserved(text: str) -> str:
    return "".join(p if _TRIPLET.fullmatch(p) else quote(p, safe=_RESERVED) for p in _TRIPLET.split(text))


# -- path ---------------------------------------------------------------------------------------


def path_value(name: str, value: object, style: str = "simple", explode: bool = False) -> str:
    """The text of path parameter ``name`` (``simple``, ``label`` or ``matrix``), percent-encoded."""
    v = _Value(name, value)
    key = _pct(name)
    if v.kind == "undefined":
        raise ValidationError(name, "is required: a path parameter must have a value")
    if v.kind == "scalar":
        text = _pct(v.text)
        if style == "label":
            return "." + text
        if style == "matrix":
            return f";{key}={text}" if text else f";{key}"
        return text
    if v.kind == "object":
        members = v.members(_pct, explode)
        if style == "matrix" and explode:
            return "".join(";" + m.removesuffix("=") for m in members)
        if style == "matrix":
            return f";{key}=" + ",".join(members)
    else:
        members = [_pct(x) for x in v.items]
        if style == "matrix" and explode:
            return "".join(f";{key}={x}" if x else f";{key}" for x in members)
        if style == "matrix":
            return f";{key}=" + ",".join(members)
    if style == "label":
        return "." + (".".join(members) if explode else ",".join(members))
    return ",".join(members)


def encode_path(template: str, values: Sequence[tuple[str, object, str, bool]]) -> str:
    """Fill the ``{name}`` placeholders of ``template`` with ``(name, value, style, explode)``.

    Every character of a value outside ``A-Z a-z 0-9 - . _ ~`` is percent-encoded, so a value such
    as ``"a/b"`` or ``"../x"`` cannot add segments or move to another endpoint; a value that
    would fill a placeholder with ``""``, ``"."`` or ``".."`` is rejected for the same reason.
    """
    texts: dict[str, str] = {}
    for name, value, style, explode in values:
        text = path_value(name, value, style, explode)
        if text in ("", ".", ".."):
            raise ValidationError(name, f"must not be {text!r} in a path" if text else "must be non-empty")
        texts[name] = text
    parts: list[str] = []
    used: set[str] = set()
    rest = template
    while True:
        before, brace, after = rest.partition("{")
        parts.append(before)
        if not brace:
            break
        name, closing, rest = after.partition("}")
        if not closing:
            raise ValueError(f"unterminated placeholder in path template {template!r}")
        if name not in texts:
            raise ValueError(f"no value for path placeholder {{{name}}} in {template!r}")
        parts.append(texts[name])
        used.add(name)
    unused = sorted(set(texts) - used)
    if unused:
        raise ValueError(f"path template {template!r} has no placeholder for {', '.join(unused)}")
    return "".join(parts)


# -- query --------------------------------------------------------------------------------------


def add_query(
    out: list[str],
    name: str,
    value: object,
    style: str = "form",
    explode: bool = True,
    *,
    allow_reserved: bool = False,
) -> None:
    """Append query parameter ``name`` to ``out`` as encoded ``key=value`` pieces (joined by ``&``)."""
    v = _Value(name, value)
    enc = _pct_reserved if allow_reserved else _pct
    key = _pct(name)
    if v.kind == "undefined":
        return
    if v.kind == "scalar":
        out.append(f"{key}={enc(v.text)}")
    elif v.kind == "object" and style == "deepObject":
        _deep(out, key, v.plain, enc)
    elif v.kind == "object" and explode:
        out.extend(v.members(enc, True))
    elif v.kind == "object":
        out.append(f"{key}=" + _QUERY_JOIN[style].join(v.members(enc, False)))
    elif explode or style == "deepObject":
        out.extend(f"{key}={enc(x)}" for x in v.items)
    else:
        out.append(f"{key}=" + _QUERY_JOIN[style].join(enc(x) for x in v.items))


def _deep(out: list[str], prefix: str, value: object, enc: Callable[[str], str]) -> None:
    """``deepObject``: ``name[key]=value``; nested objects add ``[key]``, nested arrays ``[index]``."""
    if isinstance(value, dict):
        for k, item in value.items():
            _deep(out, f"{prefix}%5B{enc(str(k))}%5D", item, enc)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _deep(out, f"{prefix}%5B{i}%5D", item, enc)
    elif value is not None:
        out.append(f"{prefix}={enc(scalar_text(prefix, value))}")


# -- header and cookie --------------------------------------------------------------------------


def add_header(out: dict[str, str], name: str, value: object, explode: bool = False) -> None:
    """Set header parameter ``name`` (``simple`` style; values are not percent-encoded)."""
    v = _Value(name, value)
    if v.kind == "undefined":
        return
    if v.kind == "scalar":
        text = v.text
    elif v.kind == "object":
        text = ",".join(v.members(str, explode))
    else:
        text = ",".join(v.items)
    if any(c in text for c in "\r\n\0"):
        raise ValidationError(name, "a header value must not contain line breaks or NUL")
    out[name] = text


def add_cookie(out: list[str], name: str, value: object, explode: bool = True, *, raw: bool = False) -> None:
    """Append cookie parameter ``name`` as ``name=value`` pieces (``form`` style; joined by ``; ``).

    With ``raw`` (a parameter described by ``content``) the text is sent as given, else it is
    percent-encoded; either way it may not contain ``;``, line breaks or NUL.
    """
    v = _Value(name, value)
    enc = _checked_cookie if raw else _pct
    key = _pct(name)
    if v.kind == "undefined":
        return
    if v.kind == "scalar":
        out.append(f"{key}={enc(v.text)}")
    elif v.kind == "object" and explode:
        out.extend(v.members(enc, True))
    elif v.kind == "object":
        out.append(f"{key}=" + ",".join(v.members(enc, False)))
    elif explode:
        out.extend(f"{key}={enc(x)}" for x in v.items)
    else:
        out.append(f"{key}=" + ",".join(enc(x) for x in v.items))


def _checked_cookie(text: str) -> str:
    if any(c in text for c in ";\r\n\0"):
        raise ValidationError("cookie", "a cookie value must not contain ';', line breaks or NUL")
    return text
