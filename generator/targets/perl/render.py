"""The Perl target's Jinja environment: the shared one's settings, plus ``trim_blocks`` and
``lstrip_blocks`` so block tags leave no lines behind (POD is whitespace-sensitive)."""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from ...render import TEMPLATES


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES / "perl")),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context)
