"""Fixtures shared by the Python tests.

* ``scripted_server``: a real HTTP server on 127.0.0.1 (tests/servers/scripted.py).
* ``session_json``: a factory for valid ChatSession response payloads (keyword overrides replace keys).

``generated/python`` is put on sys.path so that ``import chatkit`` gives the generated SDK.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import pytest

_REPO = Path(__file__).resolve().parents[2]
if str(_REPO) not in sys.path:  # make ``tests.servers`` importable however pytest was started
    sys.path.insert(0, str(_REPO))
_GENERATED_PY = _REPO / "generated" / "python"
if str(_GENERATED_PY) not in sys.path:  # ``import chatkit`` is the generated SDK
    sys.path.insert(0, str(_GENERATED_PY))

from tests.servers.scripted import ScriptedServer  # noqa: E402


@pytest.fixture
def scripted_server() -> Iterator[ScriptedServer]:
    """A started ScriptedServer; stopped at teardown, which fails on unscripted requests or handler errors."""
    server = ScriptedServer().start()
    try:
        yield server
    finally:
        server.stop()
    assert server.unscripted == 0, f"{server.unscripted} request(s) arrived with no reply scripted"
    assert not server.errors, f"scripted server handler errors: {server.errors}"


def make_session_json(**overrides: object) -> dict[str, object]:
    """A valid ChatSession payload (as the API sends it); keyword arguments replace top-level keys."""
    payload: dict[str, object] = {
        "id": "cksess_123",
        "object": "chatkit.session",
        "expires_at": 1735689600,
        "client_secret": "ek_secret_value_42",
        "workflow": {
            "id": "workflow_alpha",
            "version": None,
            "state_variables": {"plan": "pro", "beta": True, "seats": 12, "ratio": 1.5},
            "tracing": {"enabled": True},
        },
        "user": "user_789",
        "rate_limits": {"max_requests_per_1_minute": 10},
        "max_requests_per_1_minute": 10,
        "status": "active",
        "chatkit_configuration": {
            "automatic_thread_titling": {"enabled": True},
            "file_upload": {"enabled": False, "max_file_size": None, "max_files": None},
            "history": {"enabled": True, "recent_threads": None},
        },
    }
    payload.update(overrides)
    return payload


@pytest.fixture
def session_json() -> Callable[..., dict[str, object]]:
    """See ``make_session_json``."""
    return make_session_json


@contextmanager
def generated_sdk(spec: Path, out: Path, package: str, client_name: str) -> Iterator[ModuleType]:
    """The Python SDK of ``spec``, generated into ``out`` as `oasgen generate` would, and imported."""
    from generator.pipeline import generate
    from generator.writer import sync

    result = generate(spec, ["python"], {"python": {"package": package, "client_name": client_name}})
    sync(out, "python", result.files["python"])
    with imported(out / "python", package) as module:
        yield module


@contextmanager
def imported(folder: Path, package: str) -> Iterator[ModuleType]:
    """``package`` imported from ``folder``; sys.path and sys.modules are restored afterwards."""
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(folder))
        for name in [m for m in sys.modules if m.split(".")[0] == package]:
            del sys.modules[name]
