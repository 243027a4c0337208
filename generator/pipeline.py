"""Wires the stages: load -> IR -> targets -> format.  Returns files; never writes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Finding, Severity, SpecError, UsageError
from .ir.builder import build_api
from .ir.model import Api
from .loading.spec import Spec, load_spec
from .targets import TARGETS

Progress = Callable[[str], None]


@dataclass
class Result:
    api: Api
    files: dict[str, dict[str, str]]  # target -> relative path -> text
    warnings: list[Finding] = field(default_factory=list)


def target_options(name: str, options: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A target's own ``[tool.oasgen.<name>]`` table; docs also sees the SDK targets' tables."""
    own = dict(options.get(name, {}))
    if name == "docs":
        for sdk in ("python", "go"):
            own.setdefault(sdk, dict(options.get(sdk, {})))
    return own


def build(spec_path: Path) -> tuple[Spec, Api, list[Finding]]:
    """Load, check what generation depends on (raising SpecError on its errors), build the IR."""
    from .lint import blocking

    spec = load_spec(spec_path)
    found = blocking(spec)
    errors = [f for f in found if f.severity is Severity.ERROR]
    if errors:
        raise SpecError(found)
    api, warnings = build_api(spec)
    return spec, api, found + warnings


def generate(
    spec_path: Path,
    targets: list[str],
    options: dict[str, dict[str, Any]],
    progress: Progress | None = None,
) -> Result:
    """Render every target in memory.  Raises SpecError (bad spec) or UsageError (bad target/options)."""
    unknown = [t for t in targets if t not in TARGETS]
    if unknown:
        raise UsageError(f"unknown target {unknown[0]!r}; known targets: {', '.join(sorted(TARGETS))}")
    say = progress or (lambda _msg: None)
    say(f"loading {spec_path}")
    _spec, api, warnings = build(spec_path)
    say(f"built IR: {len(api.models)} models, {len(api.operations)} operations")
    files: dict[str, dict[str, str]] = {}
    for name in targets:
        say(f"rendering {name}")
        files[name] = TARGETS[name](api, target_options(name, options), say)
        say(f"rendered {name}: {len(files[name])} files")
    return Result(api, files, warnings)
