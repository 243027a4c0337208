"""Fixtures shared by the whole test suite.

* ``repo_root``: the checkout's root folder.
* ``prism_url``: base URL of a Prism mock server that serves ``spec/chatkit.yaml`` on 127.0.0.1
  (request validation on, as in Prism's mock mode by default).  Prism is installed with
  ``npm ci --prefix tests/prism``; when it is missing the fixture fails, it never skips.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
PRISM_BIN = REPO_ROOT / "tests" / "prism" / "node_modules" / ".bin" / "prism"
CHATKIT_SPEC = REPO_ROOT / "spec" / "chatkit.yaml"
PRISM_START_TIMEOUT = 60.0


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop the Prism process group we started (Prism runs under node, which may fork)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    except ProcessLookupError:
        pass


def _wait_until_up(proc: subprocess.Popen[bytes], base_url: str, log: Path) -> str | None:
    """Poll until Prism answers any HTTP request; return an error message on failure."""
    deadline = time.monotonic() + PRISM_START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return f"Prism exited with code {proc.returncode} before answering:\n{log.read_text()[-3000:]}"
        try:
            httpx.get(base_url + "/", timeout=1.0)  # 404 from Prism is fine: it is up
            return None
        except httpx.TransportError:
            time.sleep(0.1)
    return f"Prism did not answer within {PRISM_START_TIMEOUT:.0f} s:\n{log.read_text()[-3000:]}"


@pytest.fixture(scope="session")
def prism_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from prism_serving(CHATKIT_SPEC, tmp_path_factory)


@pytest.fixture(scope="session")
def prism_pagination_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Prism serving tests/fixtures/specs/pagination.yaml (one list operation per paging style)."""
    yield from prism_serving(REPO_ROOT / "tests" / "fixtures" / "specs" / "pagination.yaml", tmp_path_factory)


def prism_serving(spec: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Prism mock of ``spec`` on a free 127.0.0.1 port for as long as the generator runs."""
    if not PRISM_BIN.exists():
        pytest.fail(
            f"Prism is not installed ({PRISM_BIN.relative_to(REPO_ROOT)} is missing). "
            "Install it with: npm ci --prefix tests/prism",
            pytrace=False,
        )
    log = tmp_path_factory.mktemp("prism") / "prism.log"
    failure = ""
    for _attempt in range(3):  # a free port can be taken between probing and binding it
        port = _free_port()
        base_url = f"http://127.0.0.1:{port}"
        with log.open("wb") as out:
            proc = subprocess.Popen(
                [str(PRISM_BIN), "mock", str(spec), "--host", "127.0.0.1", "--port", str(port)],
                cwd=REPO_ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        problem = _wait_until_up(proc, base_url, log)
        if problem is None:
            try:
                yield base_url
            finally:
                _stop(proc)
            return
        _stop(proc)
        failure = problem
        if "EADDRINUSE" not in problem:
            break
    pytest.fail(failure, pytrace=False)
