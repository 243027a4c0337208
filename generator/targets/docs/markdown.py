"""Markdown escaping for text taken from the spec (rendered by Python-Markdown, as MkDocs does).

* ``prose``: a CommonMark description kept as Markdown, with raw HTML (``<``) neutralised outside
  code spans and fences;
* ``plain``: literal text (a summary, a name) with every Markdown-active character escaped;
* ``cell``: one table cell (one line, ``|`` escaped outside code spans);
* ``code`` / ``fence``: a code span or block that no backtick run inside the text can close.
"""

from __future__ import annotations

import re

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


def _map_text(text: str, fn: dict[int, str]) -> str:
    """Apply a translation to the parts of ``text`` outside code spans and fenced blocks."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    fence: str | None = None
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            joined = "\n".join(paragraph)
            out.append("".join(t if code else t.translate(fn) for code, t in _segments(joined)))
            paragraph.clear()

    for ln in lines:
        m = _FENCE_LINE.match(ln)
        if fence is not None:
            out.append(ln)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if m:
            flush()
            fence = m.group(1)
            out.append(ln)
            continue
        paragraph.append(ln)
    flush()
    return "\n".join(out)


def prose(text: str | None) -> str:
    """A description, still Markdown, with HTML tags shown as text; '' for no text."""
    if not text or not text.strip():
        return ""
    return _map_text(text.strip("\n").rstrip(), {ord("<"): "&lt;"})


def plain(text: str | None) -> str:
    """Literal text: nothing in it is Markdown (one line)."""
    return " ".join((text or "").split()).translate(_PLAIN_ESCAPES)


def first_paragraph(text: str | None) -> str:
    """The first paragraph of a description (for summaries in tables)."""
    para = re.split(r"\n\s*\n", (text or "").strip(), maxsplit=1)[0]
    return "" if _FENCE_LINE.match(para) else para


def cell(text: str | None) -> str:
    """A table cell: the first paragraph on one line, with ``|`` escaped outside code spans."""
    one_line = " ".join(prose(first_paragraph(text)).split())
    return _map_text(one_line, {ord("|"): "\\|"})


def code(text: str) -> str:
    """An inline code span holding ``text`` literally (on one line)."""
    flat = " ".join(text.splitlines()) if "\n" in text else text
    longest = max((len(r) for r in _BACKTICKS.findall(flat)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat.strip() else ""
    return f"{ticks}{pad}{flat}{pad}{ticks}"


def fence(text: str, lang: str) -> str:
    """A fenced code block that no backtick run inside ``text`` can close."""
    longest = max((len(r) for r in _BACKTICKS.findall(text)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{lang}\n{text.rstrip(chr(10))}\n{ticks}"


def indent(text: str, prefix: str) -> str:
    """Prefix every non-blank line (list-item content in Python-Markdown needs 4 spaces a level)."""
    return "\n".join(prefix + ln if ln.strip() else "" for ln in text.split("\n"))
