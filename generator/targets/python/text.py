"""Spec text in Python source: string literals, docstrings and comments.

* ``py_str``: a double-quoted literal that evaluates to exactly the given string (any string,
  lone surrogates included): ``\\`` and ``"`` are escaped, and so is every character
  ``str.isprintable`` rejects (``\\n``, ``\\t``, ``\\r``, else ``\\uXXXX``/``\\UXXXXXXXX``), so the
  source is printable UTF-8 that every tool reads the same way.  Emoji and accents stay as they are.
* ``docstring``: a triple-quoted body whose value is the description (CRLF and CR read as
  newlines, long lines wrapped at spaces): the same escapes (U+2028 stays ``\\u2028``), plus
  ``\\"\\"\\"`` for a run of three quotes.
* ``comment``: one line for a ``#`` comment (no escapes exist there): see
  :func:`generator.text.source_prose`; a comment that would read as a tool directive
  (``# type:``, ``# mypy:``, ``# fmt: off``, ``# noqa``) is prefixed so that it does not.
"""

from __future__ import annotations

import re

from ...text import display_width, needs_escape, normalize_newlines, source_prose, wrap

LINE_LENGTH = 110
_NAMED = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Comments that formatters, type checkers and linters read as instructions.
_DIRECTIVE = re.compile(
    r"^(?:(?:type|mypy|fmt|ruff|pyright|pylint|flake8|isort|yapf)\s*:|noqa\b|pragma\b)", re.I
)


def _escape_char(ch: str) -> str:
    named = _NAMED.get(ch)
    if named is not None:
        return named
    if not needs_escape(ch):
        return ch
    code = ord(ch)
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def py_str(text: str) -> str:
    """A Python string literal for ``text`` (``ast.literal_eval`` gives ``text`` back)."""
    return '"' + "".join(_escape_char(ch) for ch in text) + '"'


def escape_doc(text: str) -> str:
    """Text that can stand inside a triple-double-quoted string and evaluates to itself.

    Newlines stay real newlines; every other character a literal escapes is escaped, and so is
    each run of three double quotes.
    """
    out = "".join(
        ch if ch == "\n" or (ch != "\\" and not needs_escape(ch)) else _escape_char(ch) for ch in text
    )
    return out.replace('"""', '\\"\\"\\"')


def docstring(text: str | None, indent: int = 4) -> str:
    """A safe triple-quoted docstring body (no closing quotes, no stray escapes), or ''.

    Long lines are wrapped to the line length; lines of code blocks are left alone.
    """
    if not text or not text.strip():
        return ""
    body = escape_doc(text.replace("\r\n", "\n").replace("\r", "\n").strip())
    pad = " " * indent
    width = LINE_LENGTH - indent - 4
    lines: list[str] = []
    fenced = False
    for ln in body.split("\n"):
        if ln.lstrip().startswith("```"):
            fenced = not fenced
        if fenced or display_width(ln) <= width:
            lines.append(ln.rstrip())
            continue
        lead = ln[: len(ln) - len(ln.lstrip())]
        bullet = re.match(r"^\s*(?:[-*+]|\d+\.)\s+", ln)
        rest = lead + " " * (len(bullet.group(0)) - len(lead)) if bullet else lead
        lines.extend(wrap(ln, width, rest))
    if indent == 0:  # a module docstring's lines start in column 0, where mypy reads `# mypy:` lines
        lines = [("\\x23" + ln[1:]) if ln.startswith("#") else ln for ln in lines]
    out = "\n".join([lines[0]] + [(pad + ln) if ln.strip() else "" for ln in lines[1:]])
    return out + " " if out.endswith('"') else out  # `""""` would end the docstring early


def arg_doc(arg: str, text: str | None) -> str:
    """An ``Args:`` entry's text, wrapped under its name (the name and 12 spaces precede it)."""
    flat = escape_doc(one_line(text)) or arg.replace("_", " ")
    lines = wrap(f"{arg}: {flat}", LINE_LENGTH - 12, "    ")
    return "\n".join(lines[:1] + [" " * 12 + ln for ln in lines[1:]]).removeprefix(f"{arg}: ")


def one_line(text: str | None) -> str:
    """The text on one line (whitespace runs as one space), for summaries that docstrings escape."""
    return re.sub(r"\s+", " ", normalize_newlines(text or "")).strip()


def comment(text: str | None) -> str:
    """One line for a ``#`` comment."""
    line = one_line(source_prose(text or ""))
    return "Note: " + line if _DIRECTIVE.match(line) else line
