"""The Jinja environment: StrictUndefined, no logic-bearing globals, templates from templates/<target>/."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@cache
def environment(target: str) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES / target)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )


def render(target: str, template: str, **context: Any) -> str:
    return environment(target).get_template(template).render(**context)


def static_files(target: str, folder: str) -> dict[str, str]:
    """Files copied verbatim (a target's runtime), by name."""
    root = TEMPLATES / target / folder
    return {
        p.name: p.read_text(encoding="utf-8")
        for p in sorted(root.iterdir())
        if p.is_file() and p.suffix == ".py"
    }
