"""The TypeScript target: a zero-dependency, fetch-based ESM package with runtime-checked models."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

import jinja2

from ...ir.model import Api
from ...render import TEMPLATES
from ..contract import Option, Target
from .client import ClientBuilder
from .format import format_typescript
from .models import models_view
from .names import model_names
from .package import options_of, package_view

NAME = "typescript"
_SOURCES = ("models.ts", "parse.ts", "client.ts", "index.ts")


@cache
def _environment() -> jinja2.Environment:
    """This target's templates: whole-line tags take their line with them (trim and lstrip blocks)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES / NAME)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


def render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context)


def runtime_files() -> dict[str, str]:
    """The hand-written runtime (templates/typescript/runtime/*.ts), copied verbatim to src/core/."""
    root = TEMPLATES / "typescript" / "runtime"
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(root.iterdir()) if p.suffix == ".ts"}


def generate(api: Api, options: dict[str, Any], progress: Callable[[str], None]) -> dict[str, str]:
    opts = options_of(options)
    names = model_names(api, opts.client)
    pkg = package_view(api, opts)
    models, parse_types = models_view(api, names)
    client = ClientBuilder(api, names, set(names.values()) | {opts.client, opts.client + "Options"}).build()
    models.constants = parse_types.constants()
    files: dict[str, str] = {}
    for name in _SOURCES:
        files[f"src/{name}"] = render(f"package/{name}.jinja", pkg=pkg, models=models, client=client)
    for name, text in runtime_files().items():
        files[f"src/core/{name}"] = text
    files = format_typescript(files)
    for name in ("package.json", "tsconfig.json", "README.md"):
        files[name] = render(f"package/{name}.jinja", pkg=pkg, models=models, client=client)
    return files


def _snippets(api: Api, options: Mapping[str, Any]) -> Any:
    from .snippets import TypeScriptSnippets

    return TypeScriptSnippets(api, options)


TARGET = Target(
    name=NAME,
    summary="an npm package (ESM, fetch, no dependencies) with runtime-checked models and a client",
    options=(
        Option("package", "chatkit", "the npm package name", package=True),
        Option(
            "client_name", "Client", "the client class (its env vars: <CLIENT>_API_KEY, <CLIENT>_BASE_URL)"
        ),
        Option("version", "0.1.0", "the package version (User-Agent)"),
    ),
    generate=lambda ctx: generate(ctx.api, dict(ctx.options), ctx.progress),
    snippets=_snippets,
)
