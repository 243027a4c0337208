"""Perl source literals of JSON values: ASCII source, exact kinds.

Strings are single-quoted when plain ASCII, else double-quoted with ``\\x{...}`` escapes; numbers
are written as numbers (an integer beyond 64 bits as ``Math::BigInt->new('...')``); booleans are
``JSON::PP::true``/``JSON::PP::false``; null is ``undef``; arrays and objects are ``[...]``/``{...}``.
"""

from __future__ import annotations

import math

from ...ir.model import FrozenDict

_INT64 = 2**63


def string(text: str) -> str:
    if all(32 <= ord(c) < 127 for c in text) and "$" not in text and "@" not in text:
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
    out = []
    for c in text:
        if c.isascii() and c.isalnum() or c in " _-.,:;/+=()[]<>!?#%&*^|~'":
            out.append(c)
        else:
            out.append(f"\\x{{{ord(c):x}}}")
    return '"' + "".join(out) + '"'


def number(value: int | float) -> str:
    if isinstance(value, int):
        if -_INT64 <= value < _INT64:
            return str(value)
        return f"do {{ require Math::BigInt; Math::BigInt->new('{value}') }}"
    if math.isnan(value) or math.isinf(value):
        return "undef"
    text = repr(value)
    return text if "e" in text or "." in text else text + ".0"


def value(v: object) -> str:
    """The Perl expression of a JSON value from the IR (FrozenDict/tuple) or plain Python."""
    if v is None:
        return "undef"
    if v is True:
        return "JSON::PP::true"
    if v is False:
        return "JSON::PP::false"
    if isinstance(v, (int, float)):
        return number(v)
    if isinstance(v, str):
        return string(v)
    if isinstance(v, FrozenDict):
        return "{" + ", ".join(f"{string(k)} => {value(x)}" for k, x in v.items) + "}"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{string(str(k))} => {value(x)}" for k, x in v.items()) + "}"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(value(x) for x in v) + "]"
    return string(str(v))
