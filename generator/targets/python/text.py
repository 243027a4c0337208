"""Docstrings and comments: safe inside triple quotes, wrapped to the line length."""

from __future__ import annotations

import re
import textwrap

LINE_LENGTH = 110


def docstring(text: str | None, indent: int = 4) -> str:
    """A safe triple-quoted docstring body (no closing quotes, no stray escapes), or ''.

    Long lines are wrapped to the line length; lines of code blocks are left alone.
    """
    if not text or not text.strip():
        return ""
    body = escape_doc(text.strip())
    pad = " " * indent
    width = LINE_LENGTH - indent - 4
    lines: list[str] = []
    fenced = False
    for ln in body.splitlines():
        if ln.lstrip().startswith("```"):
            fenced = not fenced
        if fenced or len(ln) <= width:
            lines.append(ln.rstrip())
            continue
        lead = ln[: len(ln) - len(ln.lstrip())]
        bullet = re.match(r"^\s*(?:[-*+]|\d+\.)\s+", ln)
        rest = lead + " " * (len(bullet.group(0)) - len(lead)) if bullet else lead
        lines.extend(
            textwrap.wrap(
                ln,
                width,
                initial_indent="",
                subsequent_indent=rest,
                break_on_hyphens=False,
                break_long_words=False,
            )
            or [""]
        )
    out = "\n".join([lines[0]] + [(pad + ln) if ln.strip() else "" for ln in lines[1:]])
    return out + " " if out.endswith('"') else out  # `""""` would end the docstring early


def escape_doc(text: str) -> str:
    """Text that can stand inside a triple-double-quoted string."""
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def arg_doc(arg: str, text: str | None) -> str:
    """An ``Args:`` entry's text, wrapped under its name (the name and 12 spaces precede it)."""
    flat = escape_doc(comment(text)) or arg.replace("_", " ")
    lines = textwrap.wrap(
        f"{arg}: {flat}", LINE_LENGTH - 12, subsequent_indent="    ", break_long_words=False
    )
    return "\n".join(lines[:1] + [" " * 12 + ln for ln in lines[1:]]).removeprefix(f"{arg}: ")


def comment(text: str | None) -> str:
    """One line, for ``#`` comments and summaries."""
    return re.sub(r"\s+", " ", text or "").strip()
