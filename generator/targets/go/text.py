"""Spec text in Go source: interpreted string literals.

``go_string`` writes ``"..."`` in the syntax Go and JSON share, so a literal is valid Go and
valid JSON and means the same in both: ``\\`` and ``"`` are escaped, and so is every character
``str.isprintable`` rejects inside the Basic Multilingual Plane (``\\n``, ``\\r``, ``\\t``, else
``\\uXXXX``); emoji and other characters beyond it are written as UTF-8 (never as a surrogate
pair, which Go rejects).  A Go string is UTF-8, so it cannot hold a lone surrogate: one becomes
U+FFFD, which is also what Go's ``encoding/json`` sends for invalid UTF-8.
"""

from __future__ import annotations

from ...text import needs_escape, scrub_surrogates

_NAMED = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(ch: str) -> str:
    named = _NAMED.get(ch)
    if named is not None:
        return named
    if ord(ch) >= 0x10000 or not needs_escape(ch):
        return ch
    return f"\\u{ord(ch):04x}"


def go_string(text: str) -> str:
    """A Go string literal for ``text`` (lone surrogates as U+FFFD); also a JSON string."""
    return '"' + "".join(_escape_char(ch) for ch in scrub_surrogates(text)) + '"'
