"""The full public OpenAI spec: generated completely, importable, type-checked, examples parsed.

Slow (about a minute, mostly mypy): marked ``slow``; `make test` runs it.
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from generator.ir.builder import build_api
from generator.lint.oai_meta import vendor_example_sites
from generator.lint.schema_check import SchemaChecker
from generator.lint.walk import walk
from generator.loading.spec import load_spec
from generator.pipeline import generate
from generator.targets.python.views import Builder
from generator.writer import sync
from tests.python.conftest import imported

ROOT = Path(__file__).resolve().parents[2]
PUBLIC = ROOT.parent / "shared" / "specs" / "openai-openapi.yaml"
PACKAGE = "openai_sdk"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not PUBLIC.exists(), reason=f"the shared public spec is not at {PUBLIC}"),
]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("openai")
    result = generate(PUBLIC, ["python", "docs"], {"python": {"package": PACKAGE, "client_name": "OpenAI"}})
    for target, files in result.files.items():
        sync(out, target, files)
    return out


@pytest.fixture(scope="module")
def sdk(out: Path) -> Iterator[ModuleType]:
    with imported(out / "python", PACKAGE) as module:
        yield module


def test_every_operation_is_a_method_and_every_schema_a_model(out: Path) -> None:
    spec = load_spec(PUBLIC)
    api, _ = build_api(spec)
    operations = sum(
        1
        for item in spec.data["paths"].values()
        for method in ("get", "put", "post", "delete", "options", "head", "patch", "trace")
        if method in item
    )
    assert len(api.operations) == operations == 288
    schemas = spec.data["components"]["schemas"]
    assert len(schemas) == 1422
    component_ids = {m.id for m in api.models if re.fullmatch(r"#/components/schemas/[^/]+", m.id)}
    assert component_ids == {f"#/components/schemas/{name}" for name in schemas}
    # Every operation is a sync method of its resource's module (streams add methods, never replace).
    package = out / "python" / PACKAGE
    names = Builder(api, PACKAGE, "OpenAI").build("0")
    methods = [(m.name, m.resource.cls, x) for m in names.resource_modules for x in m.resource.methods]
    assert len([x for _, _, x in methods if not x.extra_stream]) == operations
    for module, cls, name in ((module, cls, x.name) for module, cls, x in methods):
        sync_section = (
            (package / "resources" / f"{module}.py").read_text(encoding="utf-8").split("class Async", 1)[0]
        )
        assert re.search(rf"class {cls}\b[\s\S]*?    def {name}\(", sync_section), (module, cls, name)
    # Every component schema is exported by one types module, and from the package root.
    exported: dict[str, str] = {}
    for path in sorted((package / "types").glob("*.py")):
        head = path.read_text(encoding="utf-8").split("__all__ = [", 1)
        if len(head) == 2:
            for name in re.findall(r'^    "(\w+)",$', head[1].split("]", 1)[0], re.M):
                assert name not in exported, (name, path.name, exported.get(name))
                exported[name] = path.stem
    root = (package / "__init__.py").read_text(encoding="utf-8")
    for m in api.models:
        if m.id in component_ids:
            name = Builder(api, PACKAGE, "OpenAI").names[m.id]
            assert name in exported and f'    "{name}",' in root, m.id


def test_no_source_file_is_huge(out: Path) -> None:
    sizes = {p: len(p.read_text(encoding="utf-8").splitlines()) for p in (out / "python").rglob("*.py")}
    biggest = max(sizes, key=sizes.__getitem__)
    print(f"{len(sizes)} Python files; the largest, {biggest.name}, has {sizes[biggest]} lines")
    assert sizes[biggest] <= 5000, biggest


def _loaded_after(out: Path, code: str) -> set[str]:
    script = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", script], cwd=out / "python", capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return {m for m in proc.stdout.split() if m.split(".")[0] in (PACKAGE, "httpx")}


def test_import_and_client_load_no_models_and_a_call_loads_its_own(out: Path) -> None:
    start = f"import {PACKAGE}; client = {PACKAGE}.OpenAI(api_key_auth='k')"
    loaded = _loaded_after(out, start)
    assert not {m for m in loaded if ".types" in m or ".resources" in m or m == "httpx"}, sorted(loaded)
    # The first use of a resource imports its module and the models it uses, nothing else.
    view = Builder(build_api(load_spec(PUBLIC))[0], PACKAGE, "OpenAI").build("0")
    deps = {m.name: [d.removeprefix(".") for d, _ in m.imports] for m in view.types_modules}
    resource = max((m for m in view.resource_modules if m.resource.root), key=lambda m: len(m.imports))

    def closure(todo: list[str]) -> set[str]:
        needed: set[str] = set()
        while todo:
            name = todo.pop()
            if name not in needed:
                needed.add(name)
                todo += deps[name]
        return {f"{PACKAGE}.types.{n}" for n in needed}

    needed = closure([d.removeprefix("..types.") for d, _ in resource.imports])
    loaded = _loaded_after(out, start + f"; client.{resource.resource.attr}")
    assert {m for m in loaded if ".resources." in m} == {f"{PACKAGE}.resources.{resource.name}"}
    assert {m for m in loaded if ".types." in m} == needed
    assert len(needed) < len(view.types_modules) / 2
    # A model loads its own module and what that module refers to.
    name, module = view.lazy[0]
    loaded = _loaded_after(out, f"from {PACKAGE} import {name}")
    assert {m for m in loaded if ".types." in m} == closure([module])


def test_mypy_strict_is_clean(out: Path) -> None:
    mypy = Path(sys.executable).with_name("mypy")
    proc = subprocess.run(
        [str(mypy), "--strict", "--no-incremental", PACKAGE],
        cwd=out / "python",
        capture_output=True,
        text=True,
        timeout=900,
    )
    errors = [line for line in proc.stdout.splitlines() if ": error:" in line]
    print(f"mypy --strict on the full OpenAI SDK: {len(errors)} error(s)")
    assert proc.returncode == 0 and not errors, "\n".join(errors[:40])


def test_schema_examples_parse_exactly(sdk: ModuleType) -> None:
    """Every component schema example that is valid JSON Schema-wise parses and round-trips exactly.

    Examples the spec gets wrong (``oasgen lint`` reports them) are counted, not asserted.
    """
    spec = load_spec(PUBLIC)
    api, _ = build_api(spec)
    names = Builder(api, PACKAGE, "OpenAI").names
    checker = SchemaChecker(spec, "3.1")
    models = {m.id: m for m in api.models}
    parsed = invalid = 0
    for name, schema in spec.data["components"]["schemas"].items():
        examples = schema.get("examples") if isinstance(schema.get("examples"), list) else []
        if "example" in schema:
            examples = [schema["example"], *examples]
        mid = f"#/components/schemas/{name}"
        model = models[mid]
        if model.kind not in ("object", "enum"):
            continue
        cls = getattr(sdk, names[mid])
        for example in examples:
            if isinstance(example, str) and model.kind == "object":
                with contextlib.suppress(ValueError):  # some object examples are written as JSON text
                    example = json.loads(example)
            errors = checker.errors(example, spec.node(f"/components/schemas/{name}"))
            if errors is None:  # jsonschema cannot use this schema (lint reports why)
                continue
            if errors:
                invalid += 1
                continue
            value = cls.from_dict(example) if model.kind == "object" else cls(example)
            if model.kind == "object":
                assert value.to_dict() == example, name
            parsed += 1
    # The operations' response examples (JSON text in x-oaiMeta), against the success response's model.
    for site in vendor_example_sites(spec, walk(spec, "3.1").operations):
        target, _ = spec.deref(site.schema)
        model = models.get(target.id)
        if model is None or model.kind != "object":
            continue
        errors = checker.errors(site.parsed, site.schema)
        if errors is None:
            continue
        if errors:
            invalid += 1
            continue
        assert (
            getattr(sdk, names[target.id]).from_dict(site.parsed).to_dict() == site.parsed
        ), site.value.pointer
        parsed += 1
    print(f"examples: {parsed} parsed exactly, {invalid} invalid per their own schema")
    assert parsed >= 20


def test_deprecated_markers_reach_the_sdk(out: Path) -> None:
    spec = load_spec(PUBLIC)
    deprecated_ops = sum(
        1
        for item in spec.data["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and op.get("deprecated")
    )
    package = out / "python" / PACKAGE
    resources = "".join(p.read_text(encoding="utf-8") for p in sorted((package / "resources").glob("*.py")))
    # Each deprecated operation says so in its sync and async method docstrings (and stream variants).
    assert deprecated_ops > 0 and resources.count("Deprecated.") >= 2 * deprecated_ops
    # Each deprecated field and object model is marked (descriptions may say so too, hence >=).
    api, _ = build_api(spec)
    marked = sum(1 for m in api.models if m.kind == "object" for f in m.fields if f.deprecated)
    marked += sum(1 for m in api.models if m.kind == "object" and m.deprecated)
    models = "".join(p.read_text(encoding="utf-8") for p in sorted((package / "types").glob("*.py")))
    assert marked > 0 and models.count("Deprecated.") >= marked


def test_docs_cover_every_operation(out: Path) -> None:
    pages = list((out / "docs" / "reference" / "operations").glob("*.md"))
    assert len(pages) == 288
