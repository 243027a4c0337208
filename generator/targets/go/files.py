"""Render the Go package as files per resource (layout.py says which declaration goes where)."""

from __future__ import annotations

from ...ir.model import Api
from ...render import render
from .layout import (
    BUDGET,
    SHARED,
    ServicePart,
    ServicesFile,
    Stems,
    TypesFile,
    chunk_names,
    lines,
    model_homes,
    origin_home,
    pack,
    services_imports,
    types_imports,
)
from .testviews import Tests
from .types import Origin
from .viewmodels import AliasView, EnumView, ModelView, PackageView, UnionView
from .views import Builder

TypeView = EnumView | ModelView | UnionView | AliasView


def _file(f: TypesFile | ServicesFile) -> str:
    return render("go", "package/file.go.jinja", f=f)


def _types_body(package: str, item: TypeView) -> str:
    f = TypesFile("", package)
    _add(f, item)
    return render("go", "package/types.go.jinja", f=f)


def _services_body(package: str, parts: list[ServicePart]) -> str:
    return render("go", "package/service.go.jinja", f=ServicesFile("", package, parts))


class PackageFiles:
    """Every generated (non-runtime) Go file of the package, by name, unformatted."""

    def __init__(self, api: Api, builder: Builder, view: PackageView, tests: Tests, reserved: set[str]):
        self.api, self.builder, self.view, self.tests = api, builder, view, tests
        self.stems = Stems(reserved)
        self.files: dict[str, str] = {}

    def render(self) -> dict[str, str]:
        pkg = self.view.package
        self.files["client.go"] = render("go", "package/client.go.jinja", pkg=self.view)
        self.files["config.go"] = render("go", "package/config.go.jinja", pkg=self.view)
        for s in self.view.services:  # claim service stems first: a resource keeps its plain stem
            self.stems.of(s.group)
        for sf in self.services_files(pkg):
            self.files[f"{sf.name}.go"] = _file(sf)
            ops = [c for c in self.tests.ops if any(c.method is m for m in sf.methods)]
            pages = [c for c in self.tests.pages if any(c.op.method is m for m in sf.methods)]
            if ops:
                self.files[f"{sf.name}_test.go"] = self._tests("api_test.go", Tests(ops=ops, pages=pages))
        for f in self.types_files(pkg):
            self.files[f"{f.name}.go"] = _file(f)
            names = {m.name for m in f.models} | {e.name for e in f.enums}
            models = [c for c in self.tests.models if c.name in names]
            enums = [c for c in self.tests.enums if c.name in names]
            if models or enums:
                self.files[f"{f.name}_test.go"] = self._tests("models_test.go", Tests(models, enums))
        self.fuzz_files()
        return self.files

    def _tests(self, template: str, t: Tests, **extra: object) -> str:
        return render("go", f"package/{template}.jinja", pkg=self.view, t=t, **extra)

    def fuzz_files(self) -> None:
        """fuzz_test.go (FuzzDecode over every type), continued in fuzz_<n>_test.go past BUDGET lines."""
        types, seeds = self.tests.fuzz_types, self.tests.fuzz_seeds
        sizes = [1 + sum(1 for which, _ in seeds if which == i) for i in range(len(types))]
        groups = pack(sizes, BUDGET - 60) or [[]]
        for n, group in enumerate(groups):
            start = group[0] if group else 0
            t, members = Tests(fuzz_types=[types[i] for i in group]), set(group)
            t.fuzz_seeds = [(which - start, text) for which, text in seeds if which in members]
            if n == 0:
                self.files["fuzz_test.go"] = self._tests("fuzz_test.go", t, more=len(groups) > 1)
            else:
                self.files[f"fuzz_{n + 1}_test.go"] = self._tests("fuzz_more_test.go", t)

    # -- services -------------------------------------------------------------------------------------
    def services_files(self, pkg: str) -> list[ServicesFile]:
        out = []
        for s in self.view.services:
            items = [ServicePart(s, True, [])] + [ServicePart(s, False, [m]) for m in s.methods]
            sizes = [lines(_services_body(pkg, [p])) for p in items]
            groups = pack(sizes)
            for name, group in zip(chunk_names(self.stems.of(s.group), len(groups)), groups, strict=True):
                methods = [m for i in group for m in items[i].methods]
                f = ServicesFile(name, pkg, [ServicePart(s, 0 in group, methods)])
                f.imports = services_imports(f)
                f.body = _services_body(pkg, f.parts)
                out.append(f)
        return out

    # -- types ----------------------------------------------------------------------------------------
    def homes(self) -> dict[str, str]:
        """Go type name -> the group of the resource whose file holds it (SHARED: models.go)."""
        by_model = model_homes(self.api)
        ops = {op.id: op for op in self.api.operations}
        origins: dict[str, Origin] = {name: ("model", mid) for mid, name in self.builder.names.items()}
        for e in self.builder.types.enums.values():
            origins.setdefault(e.name, e.origin)
        for u in self.builder.types.unions.values():
            origins.setdefault(u.name, u.origin)
        return {name: origin_home(origin, by_model, ops) for name, origin in origins.items()}

    def types_files(self, pkg: str) -> list[TypesFile]:
        homes = self.homes()
        v = self.view
        items: list[TypeView] = [*v.enums, *v.models, *v.unions, *v.aliases]
        by_home: dict[str, list[TypeView]] = {}
        for item in items:
            by_home.setdefault(homes.get(item.name, SHARED), []).append(item)
        out = []
        for home, group_items in by_home.items():
            bodies = [_types_body(pkg, x) for x in group_items]
            groups = pack([lines(b) for b in bodies])
            stem = "models" if home == SHARED else f"{self.stems.of(home)}_models"
            for name, group in zip(chunk_names(stem, len(groups)), groups, strict=True):
                f = TypesFile(name, pkg)
                for x in (group_items[i] for i in group):
                    _add(f, x)
                f.imports = types_imports(f)
                f.body = "".join(bodies[i] for i in group)
                out.append(f)
        return out


def _add(f: TypesFile, x: TypeView) -> None:
    if isinstance(x, EnumView):
        f.enums.append(x)
    elif isinstance(x, ModelView):
        f.models.append(x)
    elif isinstance(x, UnionView):
        f.unions.append(x)
    else:
        f.aliases.append(x)


__all__ = ["PackageFiles"]
