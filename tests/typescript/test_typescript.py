"""The generated TypeScript SDK (generated/typescript): built, linted, formatted, and tested.

* ``tsc`` with the package's own tsconfig (strict, exactOptionalPropertyTypes,
  noUncheckedIndexedAccess; no Node types: the core needs none);
* typescript-eslint strict-type-checked and ``prettier --check`` over its src/;
* ``node --test`` on the compiled tests (tests/typescript/node): the client against a scripted
  ``node:http`` server, the retry policy, the shared payload vectors, and the contract against Prism.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from ts_harness import NODE, REPO, TSC, eslint, node_test, prettier_check, run, stage, tsc

SDK = REPO / "generated" / "typescript"
VECTORS = REPO / "tests" / "vectors" / "chatkit.json"
UNIT = ["server.ts", "client.test.ts", "retry.test.ts", "vectors.test.ts"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ts-chatkit")
    config = stage(SDK, root, UNIT + ["prism.test.ts"])
    proc = tsc(config)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return root / "dist"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHATKIT_")}
    env.update(extra)
    return env


def test_package_compiles_alone_under_its_own_strict_tsconfig() -> None:
    proc = run([NODE, str(TSC), "-p", "tsconfig.json", "--noEmit", "--pretty", "false"], SDK)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_core_imports_nothing_from_node() -> None:
    for path in (SDK / "src").rglob("*.ts"):
        text = path.read_text(encoding="utf-8")
        assert 'from "node:' not in text and "require(" not in text, path


def test_eslint_strict_type_checked() -> None:
    proc = eslint(SDK)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_prettier_check() -> None:
    proc = prettier_check(SDK)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_package_json_has_no_runtime_dependencies() -> None:
    import json

    pkg = json.loads((SDK / "package.json").read_text(encoding="utf-8"))
    assert pkg["type"] == "module"
    assert not pkg.get("dependencies") and not pkg.get("peerDependencies")


@pytest.mark.parametrize("name", [n for n in UNIT if n.endswith(".test.ts")])
def test_node(built: Path, name: str) -> None:
    compiled = built / "tests" / name.replace(".ts", ".js")
    proc = node_test([compiled], built, _env(OASGEN_VECTORS=str(VECTORS)))
    assert proc.returncode == 0, proc.stdout[-12000:] + proc.stderr[-4000:]
    assert "# fail 0" in proc.stdout or "fail 0" in proc.stdout, proc.stdout[-3000:]


def test_node_prism_contract(built: Path, prism_url: str) -> None:
    proc = node_test([built / "tests" / "prism.test.js"], built, _env(OASGEN_PRISM_URL=prism_url))
    assert proc.returncode == 0, proc.stdout[-12000:] + proc.stderr[-4000:]
