"""The ``oasgen`` command: arguments, messages and exit codes only.

Exit codes: 0 success, 1 findings (a broken spec, stale output), 2 usage errors.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click

from .config import Config, resolve
from .errors import Finding, Severity, SpecError, UsageError


def _fail(code: int, lines: list[str]) -> NoReturn:
    for line in lines:
        click.echo(line, err=True)
    sys.exit(code)


def _guard(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn our errors into messages and exit codes; an unexpected exception is reported as a bug."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except SpecError as exc:
            _fail(1, [f.format() for f in exc.findings] + [_summary(exc.findings)])
        except UsageError as exc:
            _fail(2, [f"oasgen: {exc}"])
        except KeyboardInterrupt:
            _fail(130, ["oasgen: interrupted; nothing was written"])
        except Exception as exc:  # a generator bug, never bad input
            if os.environ.get("OASGEN_DEBUG"):
                traceback.print_exc()
            _fail(
                3,
                [
                    f"oasgen: internal error: {type(exc).__name__}: {exc}",
                    "This is a bug in oasgen, not in your spec; nothing was written.",
                    "Set OASGEN_DEBUG=1 for a traceback.",
                ],
            )

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


def _summary(findings: list[Finding]) -> str:
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = len(findings) - errors
    return f"{errors} error(s), {warnings} warning(s)"


def _progress(quiet: bool) -> Callable[[str], None] | None:
    """Progress on stderr only when it is a terminal (CI and pipes stay quiet and deterministic)."""
    if quiet or not sys.stderr.isatty():
        return None
    return lambda msg: click.echo(f"oasgen: {msg}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="oasgen")
def main() -> None:
    """oasgen: OpenAPI 3.0/3.1 to typed SDKs and docs."""


@main.command()
@click.argument("spec", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
@_guard
def lint(spec: Path, strict: bool) -> None:
    """Validate SPEC and report located findings."""
    from .lint import lint as run_lint
    from .loading.spec import load_spec

    if not spec.is_file():
        raise UsageError(f"spec file {spec} does not exist")
    findings = run_lint(load_spec(spec))
    for f in findings:
        click.echo(f.format())
    click.echo(_summary(findings), err=True)
    failed = any(f.severity is Severity.ERROR for f in findings) or (strict and findings)
    sys.exit(1 if failed else 0)


_common = [
    click.option("--spec", "spec", help="The OpenAPI spec (default: [tool.oasgen] spec)."),
    click.option("--out", "out", help="Output folder (default: [tool.oasgen] out, or generated)."),
    click.option("--target", "targets", multiple=True, help="A target to render; repeat for more."),
    click.option("--package", help="Package name for the SDK targets."),
    click.option("--config", "config", type=click.Path(path_type=Path), help="pyproject.toml to read."),
    click.option("-q", "--quiet", is_flag=True, help="No progress output."),
]


def _options(fn: Callable[..., Any]) -> Callable[..., Any]:
    for opt in reversed(_common):
        fn = opt(fn)
    return fn


def _render(cfg: Config, quiet: bool) -> dict[str, dict[str, str]]:
    from . import cache
    from .pipeline import generate as run

    if not cfg.spec.is_file():
        raise UsageError(f"spec file {cfg.spec} does not exist")
    digest = None if os.environ.get("OASGEN_NO_CACHE") else cache.key(cfg.spec, cfg.targets, cfg.options)
    hit = cache.load(digest) if digest else None
    if hit is not None:
        files, warnings = hit
    else:
        result = run(cfg.spec, cfg.targets, cfg.options, _progress(quiet))
        files, warnings = result.files, result.warnings
        if digest:
            cache.store(digest, files, warnings)
    if warnings and not quiet:
        click.echo(f"oasgen: {len(warnings)} warning(s); run `oasgen lint {cfg.spec}` to see them", err=True)
    return files


@main.command()
@_options
@_guard
def generate(
    spec: str | None,
    out: str | None,
    targets: tuple[str, ...],
    package: str | None,
    config: Path | None,
    quiet: bool,
) -> None:
    """Regenerate OUT/<target>/ from the spec (atomically)."""
    from .writer import sync

    cfg = resolve(config, spec, out, targets, package)
    files = _render(cfg, quiet)
    for target, tree in files.items():
        changed = sync(cfg.out, target, tree)
        click.echo(f"{cfg.out.as_posix()}/{target}: {len(tree)} files, {changed} changed")


@main.command()
@_options
@_guard
def check(
    spec: str | None,
    out: str | None,
    targets: tuple[str, ...],
    package: str | None,
    config: Path | None,
    quiet: bool,
) -> None:
    """Exit 1 if OUT/ differs from what the spec generates; writes nothing."""
    from .writer import diff

    cfg = resolve(config, spec, out, targets, package)
    files = _render(cfg, quiet)
    stale = False
    for target, tree in files.items():
        drift = diff(cfg.out, target, tree)
        if drift.clean:
            continue
        stale = True
        for label, items in (("stale", drift.stale), ("missing", drift.missing), ("extra", drift.extra)):
            for item in items:
                click.echo(f"{label}: {cfg.out.as_posix()}/{item}")
        for d in drift.diffs[:5]:
            click.echo(d)
    if stale:
        click.echo(
            "generated output is out of date: run `make generate` (oasgen generate) and commit the result",
            err=True,
        )
        sys.exit(1)
    click.echo("generated output is up to date")


if __name__ == "__main__":  # pragma: no cover
    main()
