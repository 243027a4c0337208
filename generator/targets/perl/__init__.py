"""The Perl target: a CPAN-style distribution (core modules only) with typed models and a client."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from ...errors import UsageError
from ...ir.model import Api
from ...render import TEMPLATES
from ..contract import Option, Target
from .render import render
from .tidy import tidy_many
from .viewmodels import Package
from .views import Builder

NAME = "perl"
_NAMESPACE = re.compile(r"^[A-Z][A-Za-z0-9]*(::[A-Z][A-Za-z0-9]*)*$")
_VERSION = re.compile(r"^[0-9]+(\.[0-9]+)*$")
RUNTIME = TEMPLATES / "perl" / "runtime"
PLACEHOLDER = "ChatKit"  # the namespace the runtime is written in


def options_of(options: Mapping[str, Any]) -> tuple[str, str]:
    ns = str(options.get("namespace") or "ChatKit")
    if re.fullmatch(r"[a-z][a-z0-9]*", ns):  # a --package name: lower case is for pragmas
        ns = ns[0].upper() + ns[1:]
    if not _NAMESPACE.match(ns):
        raise UsageError(f"perl namespace {ns!r} must be Perl package words such as ChatKit or My::API")
    version = str(options.get("version") or "0.1.0")
    if not _VERSION.match(version):
        raise UsageError(f"perl version {version!r} must be numbers separated by dots")
    return ns, version


def runtime_files(ns: str) -> dict[str, str]:
    """The runtime copied verbatim, its namespace rewritten (``ChatKit::`` -> ``<ns>::``)."""
    out: dict[str, str] = {}
    for p in sorted(RUNTIME.rglob("*")):
        if not p.is_file():
            continue
        rel = p.relative_to(RUNTIME).as_posix().replace(f"/{PLACEHOLDER}/", "/" + ns.replace("::", "/") + "/")
        text = p.read_text(encoding="utf-8")
        text = re.sub(rf"\b{PLACEHOLDER}(?=::|;| -)", ns, text)
        out[rel] = text
    return out


def generate(api: Api, options: Mapping[str, Any], progress: Callable[[str], None]) -> dict[str, str]:
    ns, version = options_of(options)
    pkg: Package = Builder(api, ns, version).build()
    files: dict[str, str] = {}
    ns_path = ns.replace("::", "/")
    files[f"lib/{ns_path}.pm"] = render("package/Client.pm.jinja", pkg=pkg)
    files[f"lib/{ns_path}/Error/API.pm"] = render("package/ErrorAPI.pm.jinja", pkg=pkg)
    for e in pkg.errors:
        files[f"lib/{ns_path}/Error/{e.word}.pm"] = render("package/ErrorStatus.pm.jinja", pkg=pkg, e=e)
    for m in pkg.models:
        files[m.file] = render("package/Model.pm.jinja", pkg=pkg, m=m)
    for r in pkg.resources:
        files[r.file] = render("package/Resource.pm.jinja", pkg=pkg, r=r)
    files.update(runtime_files(ns))
    files["t/00-load.t"] = render("package/load.t.jinja", pkg=pkg)
    files["t/examples.t"] = render("package/examples.t.jinja", pkg=pkg)
    progress(f"perltidy over {len(files)} modules")
    files.update(tidy_many(files, (TEMPLATES / "perl" / "perltidyrc").read_text(encoding="utf-8")))
    for page in pkg.references:
        files[page.file] = render("package/Reference.pod.jinja", pkg=pkg, page=page)
    files[f"lib/{ns_path}/Reference.pod"] = render("package/ReferenceIndex.pod.jinja", pkg=pkg)
    files[".perltidyrc"] = (TEMPLATES / "perl" / "perltidyrc").read_text(encoding="utf-8")
    files["Makefile.PL"] = render("package/Makefile.PL.jinja", pkg=pkg)
    files["cpanfile"] = render("package/cpanfile.jinja", pkg=pkg)
    files["README.md"] = render("package/README.md.jinja", pkg=pkg)
    return files


def _snippets(api: Api, options: Mapping[str, Any]) -> Any:
    from .snippets import PerlSnippets

    return PerlSnippets(api, options)


TARGET = Target(
    name=NAME,
    summary="a Perl distribution (core modules only) with typed models and a client",
    options=(
        Option(
            "namespace",
            "ChatKit",
            "the top-level package, e.g. ChatKit (a lower-case name is capitalised)",
            package=True,
        ),
        Option("version", "0.1.0", "the distribution version"),
    ),
    generate=lambda ctx: generate(ctx.api, ctx.options, ctx.progress),
    snippets=_snippets,
)
