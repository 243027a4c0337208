"""TSDoc comments from the spec's prose."""

from __future__ import annotations

from ...text import source_prose


def tsdoc(text: str | None, deprecated: bool = False, extra: tuple[str, ...] = ()) -> list[str]:
    """The lines of a ``/** ... */`` block (without indentation), or [] when there is nothing to say."""
    lines: list[str] = []
    if text:
        clean = source_prose(text).strip()
        lines.extend(ln.rstrip() for ln in clean.split("\n"))
    lines.extend(extra)
    if deprecated:
        lines.append("@deprecated")
    if not lines:
        return []
    body = [(" * " + ln.replace("*/", "*\\/")).rstrip() for ln in lines]
    return ["/**", *body, " */"]
