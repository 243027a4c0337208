"""Every TypeScript example in generated/docs type-checks (strict, one tsc over all of them, with
the generated package installed as ``chatkit``) and runs against Prism."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docs_helpers import GENERATED, REPO, blocks

sys.path.insert(0, str(REPO / "tests" / "typescript"))
from ts_harness import NODE, STRICT, TSC, run  # noqa: E402

DOCS = GENERATED / "reference"
SDK = REPO / "generated" / "typescript"


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[str, Path]]]:
    """The examples compiled to dist/, each with where it came from (page and heading)."""
    root = tmp_path_factory.mktemp("ts-docs")
    package = root / "node_modules" / json.loads((SDK / "package.json").read_text(encoding="utf-8"))["name"]
    shutil.copytree(SDK, package, ignore=shutil.ignore_patterns("dist", "node_modules"))
    build = run([NODE, str(TSC), "-p", "tsconfig.json"], package)
    assert build.returncode == 0, build.stdout + build.stderr
    found = [b for b in blocks(DOCS) if b.lang == "typescript"]
    assert found, f"no TypeScript examples under {DOCS}"
    (root / "examples").mkdir()
    made: list[tuple[str, Path]] = []
    for i, b in enumerate(found):
        (root / "examples" / f"ex{i}.ts").write_text(b.text, encoding="utf-8")
        made.append((f"{b.page} ({b.heading})", root / "dist" / f"ex{i}.js"))
    options = dict(STRICT, rootDir="examples", outDir="dist", types=[])
    (root / "tsconfig.json").write_text(
        json.dumps({"compilerOptions": options, "include": ["examples"]}), encoding="utf-8"
    )
    (root / "package.json").write_text('{"type": "module", "private": true}\n', encoding="utf-8")
    proc = run([NODE, str(TSC), "-p", "tsconfig.json", "--pretty", "false"], root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return root, made


def test_typescript_examples_run_against_prism(
    compiled: tuple[Path, list[tuple[str, Path]]], prism_url: str
) -> None:
    root, made = compiled
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHATKIT_")}
    env.update(CHATKIT_BASE_URL=prism_url, CHATKIT_API_KEY="test")
    calls = 0
    for where, js in made:
        proc = subprocess.run([NODE, str(js)], cwd=root, env=env, capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, f"{where} failed:\n{js.read_text()}\n{proc.stderr}"
        if "await client." in js.read_text():
            calls += 1
            assert "object: 'chatkit.session'" in proc.stdout, f"{where}: printed no session:\n{proc.stdout}"
    assert calls >= 3, "one per request example of spec/chatkit.yaml (2 create, 1 cancel)"
