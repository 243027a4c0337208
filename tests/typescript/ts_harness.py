"""Driving the TypeScript tools from pytest: one ``tsc`` over many packages, eslint, prettier,
and ``node --test`` on the compiled output.

The tools are the harness' pinned dev dependencies (tests/typescript/harness, ``npm ci`` by
``make setup``); none of them is a dependency of a generated package.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HARNESS = REPO / "tests" / "typescript" / "harness"
MODULES = HARNESS / "node_modules"
NODE = shutil.which("node") or "node"
TSC = MODULES / "typescript" / "bin" / "tsc"
ESLINT = MODULES / "eslint" / "bin" / "eslint.js"
PRETTIER = MODULES / "prettier" / "bin" / "prettier.cjs"
NODE_TESTS = REPO / "tests" / "typescript" / "node"
TIMEOUT = 1500.0

# The generated packages' own compiler options, plus Node's types for the tests.
STRICT = {
    "target": "ES2022",
    "module": "ES2022",
    "moduleResolution": "Bundler",
    "lib": ["ES2022", "DOM", "DOM.Iterable"],
    "strict": True,
    "exactOptionalPropertyTypes": True,
    "noUncheckedIndexedAccess": True,
    "noImplicitOverride": True,
    "skipLibCheck": True,
}


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )


def tsc_project(root: Path, include: list[str], node_types: bool, emit: bool) -> Path:
    """A tsconfig.json at ``root`` compiling ``include`` (globs relative to ``root``) into dist/."""
    options: dict[str, object] = dict(STRICT)
    if emit:
        options.update(rootDir=".", outDir="dist")
    else:
        options.update(noEmit=True)
    if node_types:
        options.update(types=["node"], typeRoots=[str(MODULES / "@types")])
    else:
        options.update(types=[])
    config = root / "tsconfig.json"
    config.write_text(
        json.dumps({"compilerOptions": options, "include": include}, indent=2), encoding="utf-8"
    )
    (root / "package.json").write_text('{"type": "module", "private": true}\n', encoding="utf-8")
    return config


def tsc(config: Path) -> subprocess.CompletedProcess[str]:
    return run([NODE, str(TSC), "-p", str(config), "--pretty", "false"], config.parent)


def eslint(*packages: Path) -> subprocess.CompletedProcess[str]:
    """typescript-eslint strict-type-checked over generated packages' src/ (each with its own
    tsconfig), in one eslint run."""
    env = dict(os.environ, OASGEN_TS_PROJECT=",".join(str(p / "tsconfig.json") for p in packages))
    args = [NODE, str(ESLINT), "--config", str(HARNESS / "eslint.config.mjs"), "--no-warn-ignored"]
    base = Path(os.path.commonpath([str(p) for p in packages]))  # eslint lints under its cwd only
    return run(args + [str(p / "src") for p in packages], base, env)


def prettier_check(package: Path) -> subprocess.CompletedProcess[str]:
    return run([NODE, str(PRETTIER), "--check", "src"], package)


def node_test(files: list[Path], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    args = [NODE, "--test", "--test-reporter=spec", "--test-concurrency=1", *map(str, files)]
    return run(args, cwd, env)


def stage(sdk: Path, root: Path, tests: list[str]) -> Path:
    """``root``/sdk (the package) and ``root``/tests (the named test files), compiled together."""
    shutil.copytree(sdk, root / "sdk", ignore=shutil.ignore_patterns("dist", "node_modules"))
    (root / "tests").mkdir(parents=True, exist_ok=True)
    for name in tests:
        shutil.copy(NODE_TESTS / name, root / "tests" / name)
    return tsc_project(root, ["sdk/src", "tests"], node_types=True, emit=True)
