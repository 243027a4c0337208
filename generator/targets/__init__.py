"""The target registry: one line per target.  Each names a package that defines ``TARGET``.

Targets are imported when first asked for, so choosing one target does not load the others
(except where a target sees the SDK targets: docs shows every one of them).
"""

from __future__ import annotations

import importlib
from functools import cache

from ..errors import UsageError
from .contract import SdkInfo, Target

# name -> package; the order is the order SDKs are shown in the docs.
REGISTRY: dict[str, str] = {
    "ir": "generator.targets.ir",
    "python": "generator.targets.python",
    "go": "generator.targets.go",
    "perl": "generator.targets.perl",
    "typescript": "generator.targets.typescript",
    "docs": "generator.targets.docs",
}


@cache
def get(name: str) -> Target:
    if name not in REGISTRY:
        raise UsageError(f"unknown target {name!r}; known targets: {', '.join(sorted(REGISTRY))}")
    target = importlib.import_module(REGISTRY[name]).TARGET
    assert isinstance(target, Target) and target.name == name, f"{REGISTRY[name]}.TARGET is not {name!r}"
    return target


def all_targets() -> list[Target]:
    return [get(name) for name in REGISTRY]


def sdk_infos(options: dict[str, dict[str, object]]) -> tuple[SdkInfo, ...]:
    """Every SDK target with its resolved options, in registry order."""
    return tuple(SdkInfo(t, t.resolve(options.get(t.name))) for t in all_targets() if t.is_sdk)
