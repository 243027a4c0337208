"""Wires the stages: load -> IR -> targets -> format.  Returns files; never writes."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import background
from .errors import Finding, Severity, SpecError
from .ir.builder import build_api
from .ir.model import Api
from .loading.spec import Spec, load_spec
from .targets import get as get_target
from .targets import sdk_infos
from .targets.contract import Context, SdkInfo

Progress = Callable[[str], None]


@dataclass
class Result:
    api: Api
    files: dict[str, dict[str, str]]  # target -> relative path -> text
    warnings: list[Finding] = field(default_factory=list)


IR_TABLES = ("resources", "pagination")  # the [tool.oasgen] tables the IR itself reads


def ir_options(options: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {k: options[k] for k in IR_TABLES if k in options}


def build(spec_path: Path, options: dict[str, Any] | None = None) -> tuple[Spec, Api, list[Finding]]:
    """Load, check what generation depends on (raising SpecError on its errors), build the IR."""
    spec = load_spec(spec_path)
    checked = checks(spec)
    api, warnings = build_api_checked(spec, checked, options)
    return spec, api, checked() + warnings


def checks(spec: Spec) -> Callable[[], list[Finding]]:
    """The blocking lint checks, started in the background: they need no IR, and the IR needs none of them.

    The lint stack (jsonschema and the OpenAPI meta-schemas) is imported by the worker itself.
    """

    def run() -> list[Finding]:
        from .lint import blocking

        return blocking(spec)

    return background.start(run)


def build_api_checked(
    spec: Spec, checked: Callable[[], list[Finding]], options: dict[str, Any] | None = None
) -> tuple[Api, list[Finding]]:
    """The IR; when building it fails, the checks' located findings say why (they list them all)."""
    try:
        return build_api(spec, options)
    except Exception:
        blame_the_spec(checked)
        raise


def blame_the_spec(checked: Callable[[], list[Finding]]) -> None:
    """Raise the checks' findings if they have errors: on a spec that breaks the rules, a failure
    further on is a consequence of the breakage, and the findings say what to change."""
    try:
        found = checked()
    except Exception:
        return  # the checks failed too: the original error is the one to report
    if any(f.severity is Severity.ERROR for f in found):
        raise SpecError(found) from None


def raise_on_errors(found: list[Finding]) -> list[Finding]:
    if any(f.severity is Severity.ERROR for f in found):
        raise SpecError(found)
    return found


def generate(
    spec_path: Path,
    targets: list[str],
    options: dict[str, dict[str, Any]],
    progress: Progress | None = None,
) -> Result:
    """Render every target in memory.  Raises SpecError (bad spec) or UsageError (bad target/options).

    ``options`` maps a target's name to its ``[tool.oasgen.<name>]`` table.  Every option is checked
    (through the target contract) before the spec is read, so a usage error never waits on a spec.
    """
    chosen = [get_target(t) for t in targets]
    resolved = {t.name: t.resolve(options.get(t.name)) for t in chosen}
    sdks: tuple[SdkInfo, ...] = sdk_infos(options) if any(t.needs_sdks for t in chosen) else ()
    say = progress or (lambda _msg: None)
    say(f"loading {spec_path}")
    spec = load_spec(spec_path)
    checked = checks(spec)  # in parallel with everything below; its errors win
    try:
        api, warnings = build_api_checked(spec, checked, ir_options(options))
        say(f"built IR: {len(api.models)} models, {len(api.operations)} operations")
        files: dict[str, dict[str, str]] = {}
        for target in chosen:
            name = target.name
            say(f"rendering {name}")
            files[name] = target.generate(Context(api, resolved[name], sdks, say))
            say(f"rendered {name}: {len(files[name])} files")
    except Exception:
        blame_the_spec(checked)  # collects the worker either way
        raise
    except BaseException:
        checked_safely(checked)
        raise
    found = raise_on_errors(checked())
    return Result(api, files, found + warnings)


def checked_safely(checked: Callable[[], list[Finding]]) -> None:
    """Collect a background worker whose result is no longer needed (no zombie processes)."""
    with contextlib.suppress(Exception):  # the original error is the one to report
        checked()
