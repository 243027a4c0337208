"""Identifier rules of the Python and Go targets (generator/targets/*/names.py).

Unit tests of each rule, a property test of its stability as a spec grows, checks that the reserved
tables still cover what the runtimes define, and the docs' snippets of the hostile-names fixture
type-check (Python, mypy --strict) and vet (Go) against the SDKs generated beside them, with a Go
package named like a standard-library package the snippets import (``fmt``).
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.ir.model import Field, Primitive
from generator.naming import claim_order, split_words, symbol_words
from generator.pipeline import generate
from generator.targets.go import names as go_names
from generator.targets.go import options_of as go_options
from generator.targets.python import names as py_names

# Shared cores: no per-example deadline (a slow example is not a failure).
RELAXED = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
ROOT = Path(__file__).resolve().parent.parent
RUNTIME = ROOT / "templates"
SPECS = ROOT / "tests" / "fixtures" / "specs"
GO = shutil.which("go") or "/usr/local/go/bin/go"
STRING = Primitive("string")


def fields(*names: str) -> tuple[Field, ...]:
    return tuple(Field(n, STRING, False) for n in names)


# -- Python ---------------------------------------------------------------------------------------------
def test_python_type_names_escape_builtins_and_package_names() -> None:
    for name in ("Warning", "Exception", "TimeoutError", "Model", "NotGiven", "Any", "Stream", "APIResponse"):
        assert py_names.type_name((name,)) == name + "Model"
    assert py_names.type_name(("List",)) == "List"  # typing.List is not imported anywhere
    assert py_names.type_name(("None",)) == "NoneModel"
    assert py_names.type_name(("stream",), "Resource") == "StreamResource"
    assert py_names.type_name(("ChatKit",), taken=frozenset({"ChatKit"})) == "ChatKitModel"


def test_python_arguments_methods_and_resources() -> None:
    got = [
        py_names.arg_name(n) for n in ("object", "str", "to_json", "json_param", "timeout", "type", "class")
    ]
    assert got == ["object_", "str_", "to_json_", "json_param_", "timeout_", "type", "class_"]
    assert py_names.arg_name("headers") == "headers"  # the method's own locals are _headers, _body, ...
    assert py_names.method_name(("with", "raw", "response")) == "with_raw_response_"
    assert py_names.method_name(("list",)) == "list"
    assert py_names.resource_attr(("api", "key")) == "api_key_"
    assert py_names.resource_attr(("close",)) == "close_"
    assert py_names.resource_attr(("sessions",)) == "sessions"
    assert not py_names.is_keyword_argument("class") and not py_names.is_keyword_argument("template")
    assert py_names.is_keyword_argument("session_id")


def test_python_field_names() -> None:
    assert py_names.field_names(fields("fooBar", "foo_bar", "foo-bar", "FooBar")) == [
        "foo_bar2",
        "foo_bar",
        "foo_bar3",
        "foo_bar4",
    ]
    assert py_names.field_names(fields("from", "self", "to_dict", "request_json", "str", "type")) == [
        "from_",
        "self_",
        "to_dict_",
        "request_json_",
        "str_",
        "type",
    ]
    assert py_names.field_names(fields("bytes", "int"), ("bytes",)) == ["bytes_", "int"]
    assert py_names.field_names(fields("naïve", "👍", "")) == ["naive", "thumbs_up_sign", "empty"]


WIRE = st.text(st.sampled_from("aAbB_-. 1é"), min_size=1, max_size=6)


@RELAXED
@given(st.lists(WIRE, min_size=1, max_size=8, unique=True), WIRE, st.integers(0, 8))
def test_adding_a_field_never_renames_one_spelled_as_its_identifier(
    names: list[str], new: str, at: int
) -> None:
    if new in names:
        return
    before = dict(zip(names, py_names.field_names(fields(*names)), strict=True))
    grown = names[:at] + [new] + names[at:]
    after = dict(zip(grown, py_names.field_names(fields(*grown)), strict=True))
    for wire, attr in before.items():
        if attr == wire:
            assert after[wire] == wire


@RELAXED
@given(
    st.lists(
        st.sampled_from(["Pet", "pet", "PET", "Pet2", "pet_2", "Pets"]), min_size=1, max_size=6, unique=True
    )
)
def test_component_spelled_as_its_identifier_always_keeps_it(names: list[str]) -> None:
    ids = [f"#/components/schemas/{n}" for n in names]
    wanted = [py_names.type_name(tuple(split_words(n))) for n in names]
    got = py_names.unique([(ids[i], wanted[i]) for i in claim_order(ids, wanted)])
    for n, i in zip(names, ids, strict=True):
        if py_names.type_name(tuple(split_words(n))) == n:
            assert got[i] == n
    assert len(set(got.values())) == len(names)


def _top_level_names(path: Path) -> set[str]:
    out: set[str] = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(node.name)
        elif isinstance(node, ast.Assign):
            out.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out.add(node.target.id)
    return {n for n in out if not n.startswith("_") and len(n) > 1}  # not the private ones or TypeVars


def test_python_reserved_names_cover_the_runtime() -> None:
    runtime = set().union(*(_top_level_names(p) for p in (RUNTIME / "python" / "runtime").glob("*.py")))
    assert runtime - py_names.PACKAGE_NAMES == set()


def test_python_client_members_cover_the_base_client() -> None:
    tree = ast.parse((RUNTIME / "python" / "runtime" / "_base_client.py").read_text())
    members: set[str] = set()
    for cls in tree.body:
        if isinstance(cls, ast.ClassDef) and cls.name in ("_ClientCore", "SyncAPIClient", "AsyncAPIClient"):
            for node in ast.walk(cls):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in {
                    n.name for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
                }:
                    members.add(node.name)
                if (
                    isinstance(node, ast.Attribute)
                    and isinstance(node.value, ast.Name)
                    and node.value.id == "self"
                    and isinstance(node.ctx, ast.Store)
                ):
                    members.add(node.attr)
    public = {m for m in members if not m.startswith("_")}
    assert public and public - py_names.CLIENT_MEMBERS == set()


# -- Go -------------------------------------------------------------------------------------------------
def _go_sources() -> list[str]:
    return [
        p.read_text()
        for p in sorted((RUNTIME / "go" / "runtime").glob("*.go"))
        if not p.stem.endswith("_test")
    ]


def _go_top_level(exported: bool) -> set[str]:
    first = "A-Z" if exported else "a-z"
    names: set[str] = set()
    for src in _go_sources():
        names.update(re.findall(rf"^(?:func|type) ([{first}]\w*)", src, re.M))
        names.update(re.findall(rf"^(?:var|const) ([{first}]\w*)", src, re.M))
        for block in re.findall(r"^(?:var|const) \((.*?)^\)", src, re.M | re.S):
            names.update(re.findall(rf"^\t([{first}]\w*)", block, re.M))
    return names


def test_go_reserved_names_cover_the_runtime() -> None:
    assert _go_top_level(True) - go_names.RUNTIME_NAMES - go_names.STRUCT_MEMBERS == set()
    assert _go_top_level(False) - go_names.RUNTIME_UNEXPORTED == set()
    imports = set()
    for p in list((RUNTIME / "go").rglob("*.go")) + list((RUNTIME / "go").rglob("*.jinja")):
        text = p.read_text()
        blocks = re.findall(r"^import \((.*?)^\)", text, re.M | re.S) + re.findall(
            r"^import (.*)$", text, re.M
        )
        for block in blocks:
            imports.update(
                m.rsplit("/", 1)[-1] for m in re.findall(r'^\s*(?:\w+ )?"([a-z/]+)"\s*$', block, re.M)
            )
    assert imports and imports - go_names.IMPORTED_PACKAGES == set()


def test_go_names() -> None:
    taken: set[str] = set()
    got = [
        go_names.unexported(n, taken) for n in ("string", "error", "len", "json", "request", "object", "id")
    ]
    assert got == ["stringParam", "errorParam", "lenParam", "jsonParam", "requestParam", "object", "id"]
    assert go_names.exported("👍") == "ThumbsUpSign" and go_names.exported("naïve") == "Naive"
    assert go_options({"module": "example.com/main"})[1] == "mainsdk"


def test_symbol_words() -> None:
    assert symbol_words("*/") == ("asterisk", "solidus") and symbol_words("") == ("empty",)
    assert symbol_words("in_progress") == ("in", "progress") and symbol_words("+1") == ("1",)


# -- the hostile fixture's docs snippets compile against its SDKs -----------------------------------------
@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile")
    sdk = {"python": {"package": "hostile", "client_name": "Client"}, "go": {"module": "example.com/fmt"}}
    result = generate(SPECS / "hostile_names.yaml", ["python", "go", "docs"], sdk)
    for target, files in result.files.items():
        for rel, text in files.items():
            (out / target / rel).parent.mkdir(parents=True, exist_ok=True)
            (out / target / rel).write_text(text, encoding="utf-8")
    return out


def _snippets(root: Path, lang: str) -> list[str]:
    found = []
    for md in sorted((root / "docs").rglob("*.md")):
        found += re.findall(rf"^```{lang}\n(.*?)^```$", md.read_text(encoding="utf-8"), re.M | re.S)
    return found


def test_python_snippets_type_check(hostile: Path) -> None:
    snippets = [s for s in _snippets(hostile, "python") if "from hostile import" in s]
    assert len(snippets) >= 5
    folder = hostile / "py-snippets"
    folder.mkdir()
    for i, s in enumerate(snippets):
        (folder / f"ex{i}.py").write_text(s, encoding="utf-8")
    env = dict(os.environ, MYPYPATH=str(hostile / "python"))
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--allow-untyped-globals", "."],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-4000:]


def test_go_snippets_vet(hostile: Path) -> None:
    programs = [s for s in _snippets(hostile, "go") if s.startswith("package main")]
    assert len(programs) >= 5 and all('fmtsdk "example.com/fmt"' in p for p in programs)
    root = hostile / "go-snippets"
    sdk = hostile / "go"
    root.mkdir()
    (root / "go.mod").write_text(
        f"module snippets\n\ngo 1.22\n\nrequire example.com/fmt v0.0.0\n\nreplace example.com/fmt => {sdk}\n"
    )
    for i, p in enumerate(programs):
        (root / f"ex{i}").mkdir()
        (root / f"ex{i}" / "main.go").write_text(p, encoding="utf-8")
    env = dict(
        os.environ, GOFLAGS="-mod=mod", GOTOOLCHAIN="local", GOPROXY="off", GOWORK="off", CGO_ENABLED="0"
    )
    env["PATH"] = f"{Path(GO).parent}{os.pathsep}{env.get('PATH', '')}"
    for cwd in (sdk, root):
        proc = subprocess.run(
            [GO, "vet", "./..."], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
        )
        assert proc.returncode == 0, proc.stderr[-4000:]


def test_go_client_imports_json_when_only_a_parameter_needs_it(tmp_path: Path) -> None:
    """The params struct is the only place its resource's file names json (a binary query parameter)."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /files:\n    get:\n"
        "      operationId: listFiles\n      parameters:\n        - name: blob\n          in: query\n"
        "          schema: {type: string, format: binary}\n"
        "      responses:\n        '204': {description: ok}\n"
    )
    files = generate(spec, ["go"], {"go": {"module": "example.com/files"}}).files["go"]
    assert "json.RawMessage" in files["files.go"] and '"encoding/json"' in files["files.go"]
    for rel, text in files.items():
        (tmp_path / "go" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "go" / rel).write_text(text)
    env = dict(
        os.environ, GOFLAGS="-mod=mod", GOTOOLCHAIN="local", GOPROXY="off", GOWORK="off", CGO_ENABLED="0"
    )
    env["PATH"] = f"{Path(GO).parent}{os.pathsep}{env.get('PATH', '')}"
    proc = subprocess.run([GO, "vet", "./..."], cwd=tmp_path / "go", env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-4000:]
