"""POD text from spec prose: paragraphs kept, POD markup characters escaped."""

from __future__ import annotations

import re

_ESCAPES = {"<": "E<lt>", ">": "E<gt>"}


def inline(text: str | None) -> str:
    """One line of POD text: whitespace folded, ``<``/``>`` escaped, ``Perl code`` kept apart."""
    if not text:
        return ""
    folded = " ".join(text.split())
    return re.sub(r"[<>]", lambda m: _ESCAPES[m.group(0)], folded)


def paragraphs(text: str | None) -> list[str]:
    """POD paragraphs of a description (never verbatim or a command: no leading space or ``=``)."""
    if not text:
        return []
    out = []
    for block in re.split(r"\n\s*\n", text.strip()):
        line = inline(block)
        if line.startswith("="):
            line = "E<61>" + line[1:]
        if line:
            out.append(line)
    return out


def verbatim(text: str) -> str:
    """A verbatim block: every line indented by four spaces (blank lines kept empty)."""
    return "\n".join(("    " + line) if line.strip() else "" for line in text.splitlines())
