"""Markdown escaping for text taken from the spec (rendered by Python-Markdown, as MkDocs does).

* ``prose``: a CommonMark description kept as Markdown, with raw HTML (``<``) neutralised outside
  code spans and fences;
* ``plain``: literal text (a summary, a name) with every Markdown-active character escaped;
* ``cell``: one table cell (one line, ``|`` escaped outside code spans);
* ``code`` / ``fence``: a code span or block that no backtick run inside the text can close.

All of them first make the text safe to write (:func:`generator.text.source_prose`, or
``source_code`` for code): no control characters, U+FEFF, bidirectional controls or lone
surrogates reach the page.  A description's unclosed code fence is closed at its end, so it cannot
swallow the rest of the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...text import source_code, source_prose

_FENCE_LINE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")
_PLAIN_ESCAPES = str.maketrans({c: "\\" + c for c in "\\`*_[]|"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"})


def _segments(line: str) -> list[tuple[bool, str]]:
    """``(is_code, text)`` pieces of one paragraph: code spans are closed by an equal backtick run."""
    out: list[tuple[bool, str]] = []
    pos = 0
    text_start = 0
    while True:
        m = _BACKTICKS.search(line, pos)
        if m is None:
            break
        run = m.group(0)
        close = re.compile(r"(?<!`)" + run + r"(?!`)").search(line, m.end())
        if close is None:
            pos = m.end()
            continue
        out.append((False, line[text_start : m.start()]))
        out.append((True, line[m.start() : close.end()]))
        pos = text_start = close.end()
    out.append((False, line[text_start:]))
    return out


# A link's or image's destination (``](other.md)``), and a link reference definition (``[x]: a.md``).
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REF_DEFINITION = re.compile(r"^( {0,3}\[[^\]]*)\]:[ \t]*<?([^\s>]*)", re.M)
_ABSOLUTE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|/)")


def _unlink(text: str) -> str:
    """Relative links and anchors (which point into the spec author's site, not this one) as text.

    Escaping the ``]`` keeps what the author wrote visible: ``[guide\\](other.md)`` shows as
    ``[guide](other.md)``.  Links with a scheme (``https:``, ``mailto:``) or a root path stay links.
    """

    def inline(m: re.Match[str]) -> str:
        return m.group(0) if _ABSOLUTE.match(m.group(1)) else "\\" + m.group(0)

    def definition(m: re.Match[str]) -> str:
        return (
            m.group(0) if _ABSOLUTE.match(m.group(2)) else m.group(1) + "\\" + m.group(0)[len(m.group(1)) :]
        )

    return _REF_DEFINITION.sub(definition, _LINK_TARGET.sub(inline, text))


def _map_text(text: str, fn: Callable[[str], str]) -> str:
    """Apply ``fn`` to the parts of ``text`` outside code spans and fenced blocks."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    fence: str | None = None
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            joined = "\n".join(paragraph)
            out.append("".join(t if code else fn(t) for code, t in _segments(joined)))
            paragraph.clear()

    for ln in lines:
        m = _FENCE_LINE.match(ln)
        if fence is not None:
            out.append(ln)
            if (
                m
                and m.group(1)[0] == fence[0]
                and len(m.group(1)) >= len(fence)
                and not ln[m.end() :].strip()
            ):
                fence = None
            continue
        if m:
            flush()
            fence = m.group(1)
            out.append(ln)
            continue
        paragraph.append(ln)
    flush()
    if fence is not None:  # an unclosed fence would run to the end of the page
        out.append(fence)
    return "\n".join(out)


def prose(text: str | None) -> str:
    """A description, still Markdown, with HTML tags shown as text; '' for no text."""
    if not text or not text.strip():
        return ""
    return _map_text(source_prose(text).strip("\n").rstrip(), lambda t: _unlink(t).replace("<", "&lt;"))


_BLOCK_START = re.compile(r"^(?:[#+\-=~]|\d+(?=[.)]))")


def plain(text: str | None) -> str:
    """Literal text: nothing in it is Markdown (one line; a leading ``#``, ``-``, ``1.`` ... escaped)."""
    flat = " ".join(source_prose(text or "").split()).translate(_PLAIN_ESCAPES)
    return _BLOCK_START.sub(
        lambda m: m.group(0) + "\\" if m.group(0)[0].isdigit() else "\\" + m.group(0), flat
    )


def first_paragraph(text: str | None) -> str:
    """The first paragraph of a description (for summaries in tables)."""
    para = re.split(r"\n\s*\n", (text or "").strip(), maxsplit=1)[0]
    return "" if _FENCE_LINE.match(para) else para


def cell(text: str | None) -> str:
    """A table cell: the first paragraph on one line, with ``|`` escaped outside code spans."""
    one_line = " ".join(prose(first_paragraph(text)).split())
    return _map_text(one_line, lambda t: t.replace("|", "\\|"))


def code(text: str) -> str:
    """An inline code span holding ``text`` literally, on one line: a newline or tab in it (which a
    code span cannot show) is written ``\\n`` / ``\\t``."""
    flat = source_code(text).replace("\n", "\\n").replace("\t", "\\t")
    longest = max((len(r) for r in _BACKTICKS.findall(flat)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat.strip() else ""
    return f"{ticks}{pad}{flat}{pad}{ticks}"


def fence(text: str, lang: str) -> str:
    """A fenced code block that no backtick run inside ``text`` can close."""
    text = source_code(text)
    longest = max((len(r) for r in _BACKTICKS.findall(text)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{lang}\n{text.rstrip(chr(10))}\n{ticks}"


def indent(text: str, prefix: str) -> str:
    """Prefix every non-blank line (list-item content in Python-Markdown needs 4 spaces a level)."""
    return "\n".join(prefix + ln if ln.strip() else "" for ln in text.split("\n"))
