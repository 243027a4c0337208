"""Encoding of request bodies: JSON, multipart, form and raw (parameters are in ``_params``)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from ._exceptions import ValidationError
from ._params import scalar_text
from ._types import NotGiven

__all__ = ["encode_form", "encode_json", "encode_multipart", "encode_raw"]


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
        return None, scalar_text(name, value).encode(), None
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
        items = item if isinstance(item, list | tuple) else [item]
        given = [x for x in items if x is not None and not isinstance(x, NotGiven)]
        pairs += [(str(key), scalar_text(str(key), x)) for x in given]
    return urlencode(pairs).encode(), "application/x-www-form-urlencoded"
