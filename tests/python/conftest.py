"""Fixtures shared by the Python tests: ``scripted_server`` (a real HTTP server on 127.0.0.1)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

_REPO = Path(__file__).resolve().parents[2]
if str(_REPO) not in sys.path:  # make ``tests.servers`` importable however pytest was started
    sys.path.insert(0, str(_REPO))

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
