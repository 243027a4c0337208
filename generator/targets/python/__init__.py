"""The Python target: a vendorable package (httpx only) with typed models and sync/async clients."""

from __future__ import annotations

import keyword
import re
from collections.abc import Callable, Mapping
from typing import Any

from ...errors import UsageError
from ...format import format_python_many
from ...ir.model import Api
from ...render import render, static_files
from ..contract import Option, Target
from .views import Builder, PackageView

NAME = "python"
_PACKAGE = re.compile(r"^[a-z_][a-z0-9_]*$")
_TEMPLATES = (
    "__init__.py",
    "_client.py",
    "models.py",
    "_version.py",
    "types/__init__.py",
    "resources/__init__.py",
)


def options_of(options: dict[str, Any]) -> tuple[str, str, str]:
    package = str(options.get("package") or "client")
    if not _PACKAGE.match(package) or keyword.iskeyword(package):
        raise UsageError(f"python package name {package!r} is not a valid lower-case module name")
    client = str(options.get("client_name") or "Client")
    if not client.isidentifier():
        raise UsageError(f"python client_name {client!r} is not a valid class name")
    return package, client, str(options.get("version") or "0.1.0")


def generate(api: Api, options: dict[str, Any], progress: Callable[[str], None]) -> dict[str, str]:
    package, client, version = options_of(options)
    view: PackageView = Builder(api, package, client).build(version)
    files: dict[str, str] = {}
    for name in _TEMPLATES:
        files[f"{package}/{name}"] = render("python", f"package/{name}.jinja", pkg=view)
    for types_module in view.types_modules:
        text = render("python", "package/types_module.py.jinja", pkg=view, mod=types_module)
        files[f"{package}/types/{types_module.name}.py"] = text
    for resource_module in view.resource_modules:
        text = render("python", "package/resource_module.py.jinja", pkg=view, mod=resource_module)
        files[f"{package}/resources/{resource_module.name}.py"] = text
    for name, text in static_files("python", "runtime").items():
        files[f"{package}/{name}"] = text
    formatted = format_python_many(files)  # one ruff run per step for every module
    files.update(formatted)
    files[f"{package}/py.typed"] = ""
    files["pyproject.toml"] = render("python", "package/pyproject.toml.jinja", pkg=view)
    files["README.md"] = render("python", "package/README.md.jinja", pkg=view)
    return files


def _snippets(api: Api, options: Mapping[str, Any]) -> Any:
    from .snippets import PythonSnippets

    return PythonSnippets(api, options)


TARGET = Target(
    name=NAME,
    summary="a typed Python package (httpx only) with sync and async clients",
    options=(
        Option("package", "client", "the import package name", package=True),
        Option("client_name", "Client", "the client classes' name (Client / AsyncClient) and env-var prefix"),
        Option("version", "0.1.0", "the package version"),
    ),
    generate=lambda ctx: generate(ctx.api, dict(ctx.options), ctx.progress),
    snippets=_snippets,
)
