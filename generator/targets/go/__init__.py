"""The Go target: a dependency-free Go module (standard library only) with typed models and a client."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from ...errors import UsageError
from ...format import format_go
from ...ir.model import Api
from ...render import TEMPLATES, render
from ..contract import Option, Target
from .files import PackageFiles
from .names import GO_KEYWORDS
from .testviews import build_tests
from .views import Builder, PackageView

NAME = "go"
_MODULE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~/-]*$")
_PACKAGE = re.compile(r"^[a-z][a-z0-9]*$")


def options_of(options: dict[str, Any]) -> tuple[str, str, str]:
    module = str(options.get("module") or "example.com/chatkit")
    if not _MODULE.match(module) or "//" in module or module.endswith("/"):
        raise UsageError(f"go module path {module!r} is not a valid module path")
    default_pkg = re.sub(r"[^a-z0-9]", "", module.rsplit("/", 1)[-1].lower()) or "client"
    if not default_pkg[0].isalpha() or default_pkg == "main":  # example.com/v2, example.com/main
        default_pkg = "sdk" + default_pkg if default_pkg[0].isdigit() else default_pkg + "sdk"
    package = str(options.get("package") or default_pkg)
    if not _PACKAGE.match(package) or package in GO_KEYWORDS or package == "main":
        raise UsageError(
            f"go package name {package!r} must be lower-case letters and digits, not a keyword or main"
        )
    return module, package, str(options.get("version") or "0.1.0")


def runtime_files() -> dict[str, str]:
    """The runtime copied verbatim (templates/go/runtime/*.go), package clause rewritten."""
    root = TEMPLATES / "go" / "runtime"
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(root.iterdir()) if p.suffix == ".go"}


def generate(api: Api, options: dict[str, Any], progress: Callable[[str], None]) -> dict[str, str]:
    module, package, version = options_of(options)
    builder = Builder(api, package, module)
    view: PackageView = builder.build(version)
    runtime = runtime_files()
    reserved = {name.removesuffix(".go").removesuffix("_test") for name in runtime}
    files = PackageFiles(api, builder, view, build_tests(api, view), reserved).render()
    for name, text in runtime.items():
        files[name] = re.sub(r"^package chatkit$", f"package {package}", text, count=1, flags=re.M)
    for rel in sorted(files):
        files[rel] = format_go(files[rel], rel)
    files["go.mod"] = render("go", "package/go.mod.jinja", pkg=view)
    files["README.md"] = render("go", "package/README.md.jinja", pkg=view)
    return files


def _snippets(api: Api, options: Mapping[str, Any]) -> Any:
    from .snippets import GoSnippets

    return GoSnippets(api, options)


TARGET = Target(
    name=NAME,
    summary="a Go module (standard library only) with typed models and a client",
    options=(
        Option("module", "example.com/chatkit", "the Go module path"),
        Option("package", None, "the package name (default: the module path's last element)", package=True),
        Option("version", "0.1.0", "the SDK version (User-Agent)"),
    ),
    generate=lambda ctx: generate(ctx.api, dict(ctx.options), ctx.progress),
    snippets=_snippets,
)
