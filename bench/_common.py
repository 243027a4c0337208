"""Shared helpers for the benchmarks: bench venvs, child-process measurement, tables.

Benchmarks only measure and print; nothing here asserts on timings.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
VENVS = BENCH / ".venvs"
OUT = BENCH / "out"

# Pinned peer versions (latest on PyPI when the benchmarks were written).
OPENAPI_PYTHON_CLIENT = "openapi-python-client==0.29.1"
DATAMODEL_CODE_GENERATOR = "datamodel-code-generator==0.89.0"
OPENAI = "openai==3.54.0"
HTTPX = "httpx==0.28.1"
PYDANTIC = "pydantic==2.14.3"

_MARKER = ".bench-requirements.json"
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def venv_python(name: str) -> Path:
    return VENVS / name / "bin" / "python"


def ensure_venv(name: str, requirements: Sequence[str], editable: Sequence[str] = ()) -> Path:
    """Create bench/.venvs/<name> with exactly these pins, or reuse it if the pins match."""
    root = VENVS / name
    marker = root / _MARKER
    # An editable project is reinstalled when its pyproject.toml (its dependencies) changes.
    wanted = {
        "requirements": list(requirements),
        "editable": {str(e): _file_hash(Path(e) / "pyproject.toml") for e in editable},
    }
    py = venv_python(name)
    if py.exists() and marker.exists():
        try:
            if json.loads(marker.read_text()) == wanted:
                return py
        except ValueError:
            pass
    log(f"creating venv {root.relative_to(REPO)} with {', '.join(requirements) or '-'} {list(editable)}")
    VENVS.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(root)], check=True)
    pip = [str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    if requirements:
        subprocess.run([*pip, *requirements], check=True)
    for path in editable:
        subprocess.run([*pip, "-e", str(path)], check=True)
    marker.write_text(json.dumps(wanted, indent=1))
    return py


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return "-"


def installed_version(py: Path, dist: str) -> str:
    code = f"import importlib.metadata as m; print(m.version({dist!r}))"
    res = subprocess.run([str(py), "-c", code], check=False, capture_output=True, text=True)
    return res.stdout.strip() if res.returncode == 0 else "?"


@dataclass
class Run:
    """One measured child process."""

    argv: list[str]
    exit_code: int
    wall_s: float
    peak_mib: float | None
    timed_out: bool = False
    stdout: str = ""
    stderr: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def tail(self, n: int = 300) -> str:
        """The most telling line of the output: the first one mentioning an error, else the last."""
        lines = [ln.strip() for ln in (self.stderr.strip() or self.stdout.strip()).splitlines() if ln.strip()]
        flagged = [ln for ln in lines if "error" in ln.lower()]
        line = flagged[0] if flagged else (lines[-1] if lines else "")
        return line[:n]

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["stdout"] = self.stdout[-2000:]
        data["stderr"] = self.stderr[-2000:]
        return data


def measure(
    argv: Sequence[str],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout_s: float = 300.0,
) -> Run:
    """Run argv in a fresh process group; wall time, and peak RSS of the largest process in its tree.

    The peak comes from GNU time (`/usr/bin/time -f %M`) when it is installed: Python starts
    children with vfork, and the kernel then charges the parent's RSS to the child's ru_maxrss,
    so a bare wait4() reading is inflated by the benchmark's own memory. Without GNU time the
    wait4() value is used (an upper bound).
    """
    out_f = _tmpfile("stdout")
    err_f = _tmpfile("stderr")
    rss_f = _tmpfile("rss")
    if GNU_TIME:
        argv = [GNU_TIME, "-f", "%M", "-o", str(rss_f), *argv]
    timed_out = threading.Event()
    with open(out_f, "w+b") as fo, open(err_f, "w+b") as fe:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(
                list(argv), cwd=cwd, env=env, stdout=fo, stderr=fe, start_new_session=True
            )
        except OSError as exc:
            return Run(list(argv), 127, 0.0, 0.0, stderr=f"cannot start: {exc}")

        def kill() -> None:
            timed_out.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout_s, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        fo.seek(0)
        fe.seek(0)
        stdout = fo.read().decode("utf-8", "replace")
        stderr = fe.read().decode("utf-8", "replace")
    peak_kib: float | None = float(usage.ru_maxrss)
    if GNU_TIME:
        argv = argv[5:]
        try:  # "%M", possibly after a "Command exited with non-zero status N" line
            peak_kib = float(rss_f.read_text().split()[-1])
        except (OSError, ValueError, IndexError):
            peak_kib = None  # killed together with GNU time (timeout)
    for f in (out_f, err_f, rss_f):
        f.unlink(missing_ok=True)
    return Run(
        list(argv),
        proc.returncode,
        wall,
        peak_kib / 1024.0 if peak_kib is not None else None,
        timed_out=timed_out.is_set(),
        stdout=stdout,
        stderr=stderr,
    )


_counter = 0


def _tmpfile(kind: str) -> Path:
    global _counter
    _counter += 1
    tmp = OUT / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    return tmp / f"{os.getpid()}-{_counter}.{kind}"


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b <= 0 or math.isnan(a) or math.isnan(b):
        return "n/a"
    return f"{a / b:.2f}x"


def fmt(value: float | None, digits: int = 2) -> str:
    if value is None or math.isnan(value):
        return "n/a"
    return f"{value:.{digits}f}"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=False)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=False))
    sep = "  ".join("-" * w for w in widths)
    body = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) for row in rows]
    return "\n".join([line, sep, *body])


def write_json(name: str, data: Any) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    path.write_text(json.dumps(data, indent=2, sort_keys=True, default=str) + "\n")
    return path
