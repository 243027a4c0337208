"""Target registry: name -> function(api, options, progress) -> {relative path: text}."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..ir.model import Api
from .ir import generate as _ir

TargetFn = Callable[[Api, dict[str, Any], Callable[[str], None]], dict[str, str]]


def _ir_target(api: Api, options: dict[str, Any], progress: Callable[[str], None]) -> dict[str, str]:
    return _ir(api, options)


def _python_target(api: Api, options: dict[str, Any], progress: Callable[[str], None]) -> dict[str, str]:
    from .python import generate

    return generate(api, options, progress)


def _docs_target(api: Api, options: dict[str, Any], progress: Callable[[str], None]) -> dict[str, str]:
    from .docs import generate

    return generate(api, options, progress)


def _go_target(api: Api, options: dict[str, Any], progress: Callable[[str], None]) -> dict[str, str]:
    from .go import generate

    return generate(api, options, progress)


TARGETS: dict[str, TargetFn] = {
    "ir": _ir_target,
    "python": _python_target,
    "docs": _docs_target,
    "go": _go_target,
}
