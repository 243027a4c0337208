"""Go doc comments from spec descriptions: ``// ChatSession represents a ChatKit session ...``.

A ``//`` comment ends at a line break and has no escapes: the text goes through
:func:`generator.text.source_prose` (every line separator a new ``//`` line; control characters,
U+FEFF and bidirectional controls as ``\\uXXXX`` text).  ``*/`` and ``/*`` need nothing: the
templates write only line comments.  Directives need ``//`` without a space (``//go:build``), so
none can start here, but go vet reads ``// +build`` as a build constraint: such a line gets
``Note: `` in front.
"""

from __future__ import annotations

import re

from ...text import source_prose, wrap

WIDTH = 100
_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "whether",
        "how",
        "when",
        "which",
        "if",
        "one",
        "all",
        "any",
        "each",
        "every",
        "its",
        "their",
        "this",
        "that",
    ]
)


def _conjugate(verb: str) -> str:
    low = verb.lower()
    if low.endswith("s"):
        return low
    if low.endswith(("sh", "ch", "x", "z", "o")):
        return low + "es"
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return low[:-1] + "ies"
    return low + "s"


def lead(name: str, text: str) -> str:
    """The first sentence starting with ``name``, as Go doc comments do."""
    text = text.strip()
    words = text.split(maxsplit=2)
    if text.startswith(name + " "):
        return text
    verb = len(words) >= 2 and words[0].isalpha() and words[0][:1].isupper() and words[0][1:].islower()
    if verb and words[1].lower() in _DETERMINERS:
        return f"{name} {_conjugate(words[0])} {text[len(words[0]) :].lstrip()}"
    return f"{name}: {text}"


def comment(text: str | None, indent: str = "", name: str | None = None) -> list[str]:
    """``// ``-prefixed lines of ``text`` (wrapped; blank lines kept as ``//``); [] for no text."""
    if not text or not text.strip():
        return [f"{indent}// {name} is generated from the spec."] if name else []
    text = source_prose(text)
    body = lead(name, text) if name else text.strip()
    lines: list[str] = []
    for para in body.split("\n"):
        para = para.rstrip()
        if not para.strip():
            lines.append(f"{indent}//")
            continue
        bullet = re.match(r"^\s*(?:[-*+]|\d+\.)\s+", para)
        rest = " " * len(bullet.group(0)) if bullet else ""
        for ln in wrap(para.replace("\t", "    "), WIDTH, rest):
            if ln.lstrip().startswith("+build"):  # go vet reads `// +build` as a misplaced constraint
                ln = "Note: " + ln.lstrip()
            lines.append(f"{indent}// {ln}".rstrip())
    return lines


def one_line(text: str | None) -> str:
    """The text on one line, safe in a comment."""
    return re.sub(r"\s+", " ", source_prose(text or "")).strip()
