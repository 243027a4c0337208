"""The Python target's output for every valid fixture spec passes mypy --strict, ruff, black and imports.

Every fixture is generated once per session (in parallel subprocesses); mypy checks all of them in
one invocation (its start-up dominates) and each fixture's test looks at its own lines of the report.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "tests" / "fixtures" / "specs"
BIN = Path(sys.executable).parent

FIXTURES: dict[str, Path] = {
    p.stem if p.parent == SPECS else p.parent.name: p
    for p in sorted(SPECS.glob("*.yaml")) + sorted(SPECS.glob("*/root.yaml"))
}

# fixture -> reason, for generator bugs not fixed yet (strict: a fix makes the test fail until removed)
KNOWN_BUGS: dict[str, dict[str, str]] = {"generate": {}, "ruff": {}, "black": {}, "mypy": {}, "import": {}}


def cases(check: str) -> list[object]:
    out: list[object] = []
    for name in FIXTURES:
        reason = KNOWN_BUGS[check].get(name) or KNOWN_BUGS["generate"].get(name)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(name, marks=marks, id=name))
    return out


@dataclass
class Output:
    name: str
    folder: Path  # out/python: holds pyproject.toml and the package
    package: str
    returncode: int
    stderr: str


@pytest.fixture(scope="session")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Output]:
    base = tmp_path_factory.mktemp("fixture-python")
    env = dict(os.environ)  # the default formatter cache: content-addressed, so it cannot hide a change
    procs = {}
    for name, spec in FIXTURES.items():
        cmd = [sys.executable, "-m", "generator", "generate", "-q", "--spec", str(spec)]
        cmd += ["--out", str(base / name), "--target", "python", "--package", f"fx_{name}"]
        procs[name] = subprocess.Popen(
            cmd, cwd=base, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    results = {}
    for name, proc in procs.items():
        _out, err = proc.communicate(timeout=120)
        folder = base / name / "python"
        results[name] = Output(name, folder, f"fx_{name}", proc.returncode, err)
    return results


def generated(outputs: dict[str, Output], name: str) -> Output:
    out = outputs[name]
    assert out.returncode == 0, f"generate failed for {name}:\n{out.stderr}"
    return out


def run_tool(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("name", cases("generate"))
def test_generates(outputs: dict[str, Output], name: str) -> None:
    out = generated(outputs, name)
    assert (out.folder / out.package / "__init__.py").is_file()
    assert (out.folder / out.package / "py.typed").is_file()
    assert (out.folder / "pyproject.toml").is_file()


@pytest.mark.parametrize("name", cases("ruff"))
def test_ruff_clean(outputs: dict[str, Output], name: str) -> None:
    out = generated(outputs, name)
    proc = run_tool(out.folder, str(BIN / "ruff"), "check", "--no-cache", "--output-format", "concise", ".")
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("name", cases("black"))
def test_black_clean(outputs: dict[str, Output], name: str) -> None:
    out = generated(outputs, name)
    proc = run_tool(out.folder, str(BIN / "black"), "--check", "--quiet", ".")
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("name", cases("import"))
def test_imports(outputs: dict[str, Output], name: str) -> None:
    out = generated(outputs, name)
    code = f"import {out.package}, {out.package}.models; print({out.package}.__name__)"
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=out.folder,
        env=dict(os.environ, PYTHONPATH=str(out.folder)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == out.package


@pytest.fixture(scope="session")
def mypy_report(outputs: dict[str, Output], tmp_path_factory: pytest.TempPathFactory) -> str:
    """One ``mypy --strict`` run over every package that generated; its output."""
    ok = [o for o in outputs.values() if o.returncode == 0]
    assert ok, "no fixture generated"
    config = ok[0].folder / "pyproject.toml"  # each package's own config (all the same: strict = true)
    cache = tmp_path_factory.mktemp("mypy-cache")
    args = [str(BIN / "mypy"), "--strict", "--config-file", str(config), "--cache-dir", str(cache)]
    args += ["--no-error-summary", "--show-absolute-path"]
    proc = run_tool(ok[0].folder.parent.parent, *args, *(str(o.folder / o.package) for o in ok))
    report = proc.stdout + proc.stderr
    assert (proc.returncode == 0) == (": error:" not in report), f"mypy exit {proc.returncode}:\n{report}"
    assert proc.returncode in (0, 1), report  # 2: mypy itself failed (bad config, crash)
    return report


@pytest.mark.parametrize("name", cases("mypy"))
def test_mypy_strict(outputs: dict[str, Output], mypy_report: str, name: str) -> None:
    out = generated(outputs, name)
    prefix = str(out.folder / out.package) + os.sep
    mine = [line for line in mypy_report.splitlines() if line.startswith(prefix)]
    assert not mine, "\n".join(mine)
    errors = [line for line in mypy_report.splitlines() if ": error:" in line]
    unattributed = [
        line for line in errors if not any(line.startswith(str(o.folder)) for o in outputs.values())
    ]
    assert not unattributed, "\n".join(unattributed)
