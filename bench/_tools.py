"""The generators under comparison: how to install and invoke each one, and what its output holds."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from _common import (
    DATAMODEL_CODE_GENERATOR,
    HTTPX,
    OPENAPI_PYTHON_CLIENT,
    OUT,
    REPO,
    Run,
    ensure_venv,
    installed_version,
    measure,
)

# Imports every module of a package (or one module) and prints "<ok> <failed> <first failure>".
_IMPORT_ALL = r"""
import importlib, pkgutil, sys
name = sys.argv[1]
ok = bad = 0
first = ""
def attempt(mod):
    global ok, bad, first
    try:
        m = importlib.import_module(mod)
        ok += 1
        return m
    except BaseException as exc:
        bad += 1
        first = first or f"{mod}: {type(exc).__name__}: {exc}"[:200]
        return None
top = attempt(name)
if top is not None and hasattr(top, "__path__"):
    for info in pkgutil.walk_packages(top.__path__, name + "."):
        attempt(info.name)
print(ok, bad, first)
"""


@dataclass
class Tool:
    name: str
    dist: str  # distribution name for the version report
    setup: Callable[[], Path]  # creates/reuses the venv, returns its python
    argv: Callable[[Path, Path, Path, str], list[str]]  # (python, spec, out dir, package) -> argv
    import_target: Callable[[Path, str], tuple[Path, str]]  # (out dir, package) -> (sys.path entry, module)
    path_env: bool = False  # put the venv's bin/ on PATH (post-hooks such as ruff)

    def env(self, py: Path) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("PYTHONPATH", None)
        env.pop("VIRTUAL_ENV", None)
        if self.path_env:
            env["PATH"] = f"{py.parent}{os.pathsep}{env.get('PATH', '')}"
        return env


def _oasgen_setup() -> Path:
    return ensure_venv("oasgen", [HTTPX], editable=[str(REPO)])


def _oasgen_argv(py: Path, spec: Path, out: Path, package: str) -> list[str]:
    return [
        str(py), "-m", "generator", "generate",
        "--spec", str(spec), "--out", str(out), "--target", "python", "--package", package, "--quiet",
    ]  # fmt: skip


def _opc_setup() -> Path:
    return ensure_venv("openapi-python-client", [OPENAPI_PYTHON_CLIENT])


def _opc_argv(hooks: bool) -> Callable[[Path, Path, Path, str], list[str]]:
    def argv(py: Path, spec: Path, out: Path, package: str) -> list[str]:
        cmd = [
            str(py.parent / "openapi-python-client"), "generate",
            "--path", str(spec), "--output-path", str(out / package), "--overwrite", "--meta", "none",
        ]  # fmt: skip
        if not hooks:
            config = OUT / "opc-no-post-hooks.yaml"
            config.parent.mkdir(parents=True, exist_ok=True)
            config.write_text("post_hooks: []\n")
            cmd += ["--config", str(config)]
        return cmd

    return argv


def _dcg_setup() -> Path:
    return ensure_venv("datamodel-code-generator", [DATAMODEL_CODE_GENERATOR])


def _dcg_argv(formatters: list[str] | None) -> Callable[[Path, Path, Path, str], list[str]]:
    def argv(py: Path, spec: Path, out: Path, package: str) -> list[str]:
        out.mkdir(parents=True, exist_ok=True)
        cmd = [
            str(py.parent / "datamodel-codegen"),
            "--input", str(spec), "--input-file-type", "openapi", "--output", str(out / "models.py"),
            "--output-model-type", "pydantic_v2.BaseModel", "--target-python-version", "3.11",
            "--disable-timestamp",
        ]  # fmt: skip
        if formatters is not None:
            cmd += ["--formatters", *formatters]
        return cmd

    return argv


TOOLS: dict[str, Tool] = {
    "oasgen": Tool("oasgen", "oasgen", _oasgen_setup, _oasgen_argv, lambda out, pkg: (out / "python", pkg)),
    "opc": Tool(
        "opc",
        "openapi-python-client",
        _opc_setup,
        _opc_argv(hooks=True),
        lambda out, pkg: (out, pkg),
        path_env=True,
    ),
    "opc-nohooks": Tool(
        "opc-nohooks",
        "openapi-python-client",
        _opc_setup,
        _opc_argv(hooks=False),
        lambda out, pkg: (out, pkg),
    ),
    "dcg": Tool(
        "dcg",
        "datamodel-code-generator",
        _dcg_setup,
        _dcg_argv(None),
        lambda out, pkg: (out, "models"),
    ),
    "dcg-builtin": Tool(
        "dcg-builtin",
        "datamodel-code-generator",
        _dcg_setup,
        _dcg_argv(["builtin"]),
        lambda out, pkg: (out, "models"),
    ),
}

TOOL_NOTES = {
    "oasgen": "oasgen generate --target python (full SDK: models + client)",
    "opc": "openapi-python-client, default post-hooks (ruff check --fix, ruff format)",
    "opc-nohooks": "openapi-python-client with post_hooks: [] (no ruff)",
    "dcg": "datamodel-code-generator, pydantic v2 models only (no client), default black+isort",
    "dcg-builtin": "datamodel-code-generator, pydantic v2 models only, --formatters builtin",
}


def version(tool: Tool, py: Path) -> str:
    return installed_version(py, tool.dist)


def clean(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)


def count_py(root: Path) -> int:
    return sum(1 for p in root.rglob("*.py") if "__pycache__" not in p.parts) if root.exists() else 0


def count_classes(root: Path) -> int:
    pattern = re.compile(r"^class \w", re.MULTILINE)
    total = 0
    for p in root.rglob("*.py") if root.exists() else ():
        total += len(pattern.findall(p.read_text(encoding="utf-8", errors="replace")))
    return total


def describe_output(tool: Tool, run: Run, out: Path, package: str) -> dict[str, object]:
    """Facts about one run's output: files, classes, operations, dropped endpoints."""
    facts: dict[str, object] = {"py_files": count_py(out), "classes": count_classes(out)}
    log = run.stdout + run.stderr
    if tool.name.startswith("opc"):
        api = out / package / "api"
        facts["operations"] = (
            sum(1 for p in api.rglob("*.py") if p.name != "__init__.py") if api.exists() else 0
        )
        facts["endpoints_dropped"] = log.count("Endpoint will not be generated")
        facts["responses_omitted"] = log.count("response will be omitted")
        failed = re.findall(r"^Unable to (?:parse|process) schema (\S+?):?$", log, re.MULTILINE)
        facts["schemas_failed"] = len(set(failed))
        facts["warnings"] = len(re.findall(r"^WARNING", log, re.MULTILINE))
    if tool.name.startswith("dcg"):
        facts["numbered_collisions"] = _first_int(r"(\d+) of \d+ class names are numbered collisions", log)
    return facts


def _first_int(pattern: str, text: str) -> int | None:
    m = re.search(pattern, text)
    return int(m.group(1)) if m else None


def import_check(tool: Tool, py: Path, out: Path, package: str) -> dict[str, object]:
    """Import every module of the output in the tool's own venv (fresh interpreter)."""
    entry, module = tool.import_target(out, package)
    env = tool.env(py)
    env["PYTHONPATH"] = str(entry)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    cwd = entry if entry.exists() else None
    run = measure([str(py), "-c", _IMPORT_ALL, module], cwd=cwd, env=env, timeout_s=180)
    if run.exit_code != 0 or not run.stdout.strip():
        return {"imports": "error", "detail": run.tail(), "wall_s": run.wall_s}
    ok_s, bad_s, *rest = run.stdout.strip().split(" ", 2)
    ok, bad = int(ok_s), int(bad_s)
    return {
        "imports": "ok" if bad == 0 else "fail",
        "modules_ok": ok,
        "modules_failed": bad,
        "first_failure": rest[0] if rest else "",
        "wall_s": run.wall_s,
        "peak_mib": run.peak_mib,
    }
