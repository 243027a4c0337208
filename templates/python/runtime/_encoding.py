"""Encoding of path parameters, query parameters and JSON bodies."""

from __future__ import annotations

from enum import Enum
from collections.abc import Sequence
from urllib.parse import quote

from ._exceptions import ValidationError
from ._types import NotGiven

__all__ = ["add_query", "encode_form", "encode_json", "encode_multipart", "encode_path", "encode_raw"]


def encode_path(template: str, **values: str) -> str:
    """Fill ``{name}`` placeholders of ``template`` with percent-encoded values.

    Every character outside ``A-Z a-z 0-9 - . _ ~`` is encoded, so a value such as
    ``"a/b"`` or ``"../x"`` cannot add segments or move to another endpoint.
    ``""``, ``"."`` and ``".."`` are rejected: they would still address another resource.
    """
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
        if name not in values:
            raise ValueError(f"no value for path placeholder {{{name}}} in {template!r}")
        parts.append(_path_segment(name, values[name]))
        used.add(name)
    unused = sorted(set(values) - used)
    if unused:
        raise ValueError(f"path template {template!r} has no placeholder for {', '.join(unused)}")
    return "".join(parts)


def _path_segment(name: str, value: object) -> str:
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValidationError(name, f"must be a string, got {type(value).__name__}")
    text = str(value)
    if text == "":
        raise ValidationError(name, "must be a non-empty string")
    if text in (".", ".."):
        raise ValidationError(name, f"must not be {text!r}")
    return quote(text, safe="")


def add_query(out: list[tuple[str, str]], name: str, value: object, *, explode: bool = True) -> None:
    """Append query parameter ``name`` to ``out`` (form style).

    ``None`` and ``NOT_GIVEN`` are skipped. Booleans become ``true``/``false``. A list or
    tuple becomes repeated ``name=v`` pairs when ``explode`` is true, else one
    comma-joined value; an empty list adds nothing.
    """
    if value is None or isinstance(value, NotGiven):
        return
    if isinstance(value, list | tuple):
        items = [_scalar(name, item) for item in value if item is not None]
        if not items:
            return
        if explode:
            out.extend((name, item) for item in items)
        else:
            out.append((name, ",".join(items)))
        return
    out.append((name, _scalar(name, value)))


def _scalar(name: str, value: object) -> str:
    if isinstance(value, Enum):
        value = value.value
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
    raise ValidationError(name, f"cannot be sent as a query parameter: {type(value).__name__}")


def encode_json(body: object) -> bytes:
    """Serialise a request body (plain dicts/lists/scalars, as produced by the models) to UTF-8 JSON."""
    try:
        import json  # lazily: json's import is a noticeable share of the SDK's

        text = json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except ValueError as exc:  # NaN or infinity
        raise ValidationError("body", str(exc)) from exc
    except TypeError as exc:  # an object json cannot encode
        raise ValidationError("body", str(exc)) from exc
    return text.encode("utf-8")


def encode_multipart(parts: Sequence[tuple[str, object]]) -> tuple[bytes, str]:
    """A ``multipart/form-data`` body and its content type.

    A part's value is a file (``bytes``, a binary file object, or ``(filename, bytes_or_file[,
    content_type])``), or a scalar/JSON value sent as text.  Files are read once, here, so a
    retried request sends the same bytes.
    """
    import secrets

    boundary = f"oasgen-{secrets.token_hex(16)}"
    chunks: list[bytes] = []
    for name, value in parts:
        if value is None or isinstance(value, NotGiven):
            continue
        filename, data, content_type = _part(name, value)
        disposition = f'form-data; name="{_quote_header(name)}"'
        if filename is not None:
            disposition += f'; filename="{_quote_header(filename)}"'
        head = f"--{boundary}\r\nContent-Disposition: {disposition}\r\n"
        if content_type:
            head += f"Content-Type: {content_type}\r\n"
        chunks += [head.encode(), b"\r\n", data, b"\r\n"]
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


def _part(name: str, value: object) -> tuple[str | None, bytes, str | None]:
    """(filename or None, bytes, content type or None) of one multipart value."""
    if isinstance(value, tuple) and len(value) in (2, 3) and isinstance(value[0], str):
        declared = value[2] if len(value) == 3 else None
        content_type = declared if isinstance(declared, str) else "application/octet-stream"
        return value[0], _read(name, value[1]), content_type
    if isinstance(value, bytes | bytearray) or hasattr(value, "read"):
        filename = getattr(value, "name", None)
        base = filename.replace("\\", "/").rsplit("/", 1)[-1] if isinstance(filename, str) else "upload"
        return base, _read(name, value), "application/octet-stream"
    if isinstance(value, str):
        return None, value.encode(), None
    if isinstance(value, Enum):
        return None, str(value.value).encode(), None
    if isinstance(value, bool | int | float):
        return None, _scalar(name, value).encode(), None
    return None, encode_json(value), "application/json"


def _read(name: str, value: object) -> bytes:
    if isinstance(value, bytes | bytearray):
        return bytes(value)
    read = getattr(value, "read", None)
    if callable(read):
        data = read()
        if isinstance(data, bytes):
            return data
    raise ValidationError(name, "expected bytes or a binary file object")


def _quote_header(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


def encode_raw(name: str, value: object, content_type: str) -> tuple[bytes, str]:
    """A body sent as given: bytes, text (UTF-8) or a binary file object, with its media type."""
    if isinstance(value, str):
        return value.encode(), content_type
    return _read(name, value), content_type


def encode_form(name: str, value: object) -> tuple[bytes, str]:
    """An ``application/x-www-form-urlencoded`` body from a JSON object (lists repeat their key)."""
    from urllib.parse import urlencode

    if not isinstance(value, dict):
        raise ValidationError(name, f"expected an object, got {type(value).__name__}")
    pairs: list[tuple[str, str]] = []
    for key, item in value.items():
        add_query(pairs, str(key), item)
    return urlencode(pairs).encode(), "application/x-www-form-urlencoded"
