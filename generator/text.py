r"""Language-neutral rules for spec text that lands in generated code and docs.

Targets own their escapes (``targets/<lang>/text.py``); this module only says which characters
need one, and how text for comments and Markdown (which have no escapes) is made safe:

* ``needs_escape``: what a string literal escapes: every character ``str.isprintable`` rejects
  (C0/C1 controls, DEL, format characters such as U+FEFF and U+200D, U+2028/U+2029 and other
  separators except the space, surrogates, private-use and unassigned code points);
* ``source_prose``: text for a comment or a Markdown page.  Line endings (CRLF, CR) and the other
  line separators (VT, FF, NEL, U+2028, U+2029, U+001C-U+001E) become ``\n``; control
  characters (except tab and newline), U+FEFF and the bidirectional controls are written as
  ``\uXXXX`` text, so nothing invisible can end a comment, break a tool, or reorder what a
  reader sees (the "Trojan Source" trick).  A lone surrogate, which no UTF-8 file can hold,
  becomes U+FFFD.  Everything else (emoji, accents, other scripts, joiners) is kept;
* ``source_code``: the same for text shown verbatim (a code span or block, whose JSON or code is
  already escaped by its own rules): only ``\n`` and tab stay, every other line separator is
  written as ``\uXXXX`` too, which JSON, Python and Go all read as that character.

``path_template`` percent-encodes what a URL may not hold literally (``café`` -> ``caf%C3%A9``, a
space, ``"``, ``\``, ``|``, ``[``; not ``?`` or ``#``) outside the ``{name}`` placeholders, so a
client need not re-escape the path (and lose the ``%2F`` inside an escaped parameter value doing so).

``wrap`` breaks one line of text at spaces to a width counted as editors and linters count it
(East Asian wide characters and most emoji take two columns).

The loader already reads a lone surrogate escape in a JSON or YAML string as U+FFFD, so the
last rule only guards text built some other way.
"""

from __future__ import annotations

import re
import unicodedata

# Line separators that str.splitlines() honours, as one "\n" each (CRLF counts once).
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Characters a comment or Markdown page must not hold literally.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_HIDDEN = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff{_BIDI}]")
_HIDDEN_CODE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff{_BIDI}]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def needs_escape(ch: str) -> bool:
    """True for a character a string literal should write as an escape."""
    return not ch.isprintable()


def normalize_newlines(text: str) -> str:
    """Every line separator as ``\\n``."""
    return _LINE_BREAKS.sub("\n", text)


def source_prose(text: str) -> str:
    """Text safe to write, as is, in a comment or Markdown (see the module docstring)."""
    text = _SURROGATE.sub("\ufffd", normalize_newlines(text))
    return _HIDDEN.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def source_code(text: str) -> str:
    """Verbatim text safe to write in a code span or block (see the module docstring)."""
    text = _SURROGATE.sub("\ufffd", text.replace("\r\n", "\n"))
    return _HIDDEN_CODE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def scrub_surrogates(text: str) -> str:
    """Lone surrogates (not characters; no UTF-8 text can hold one) -> U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: two for wide and full-width characters, else one."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_CHUNK = re.compile(r" +|[^ ]+")


def wrap(text: str, width: int, subsequent_indent: str = "") -> list[str]:
    """``text`` (one line) broken at spaces into lines of at most ``width`` columns.

    The first line keeps the text's own indentation; a word longer than the width gets a line
    of its own; spaces inside a line are kept as they are.
    """
    body = text.lstrip(" ")
    line = text[: len(text) - len(body)]
    start = len(line)
    lines: list[str] = []
    gap = ""
    for chunk in _CHUNK.findall(body):
        if chunk[0] == " ":
            gap = chunk
            continue
        if len(line) > start and display_width(line + gap + chunk) > width:
            lines.append(line)
            line, start, gap = subsequent_indent + chunk, len(subsequent_indent), ""
            continue
        line += gap + chunk
        gap = ""
    lines.append(line)
    return lines


_PLACEHOLDER_OR_CHAR = re.compile(r"\{[^{}]*\}|%[0-9A-Fa-f]{2}|.", re.S)
# RFC 3986 pchar (unreserved, sub-delims, ":" and "@"), "/", and the "?" and "#" that some specs put
# in a path key on purpose (``/responses?beta=true``), which clients have always sent as they are.
_PATH_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?#")


def path_template(path: str) -> str:
    """``/notes/café/{note id}`` -> ``/notes/caf%C3%A9/{note id}`` (placeholders and escapes kept)."""

    def one(m: re.Match[str]) -> str:
        text = m.group(0)
        if len(text) > 1 or text in _PATH_SAFE:
            return text
        return "".join(f"%{b:02X}" for b in scrub_surrogates(text).encode("utf-8"))

    return _PLACEHOLDER_OR_CHAR.sub(one, path)
