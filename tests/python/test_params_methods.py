"""The generator's other shapes over real HTTP: query params (arrays, enums, booleans), header params,
an api-key header scheme, PUT/PATCH/DELETE, 204 No Content and a default-only response.

The SDK is generated from tests/fixtures/specs/params_methods.yaml into a temporary folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.python.conftest import generated_sdk
from tests.servers.scripted import Reply, ScriptedServer

SPEC = Path(__file__).resolve().parents[1] / "fixtures" / "specs" / "params_methods.yaml"
WIDGET = {"id": "w1", "name": "Sprocket"}


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with generated_sdk(SPEC, tmp_path_factory.mktemp("pm_sdk"), "pm_sdk", "Widgets") as module:
        yield module


def client(sdk: ModuleType, server: ScriptedServer) -> Any:
    return sdk.Widgets(api_key="secret-key", base_url=server.url)


def test_query_params_and_header_params(sdk: ModuleType, scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(json={"data": [WIDGET], "has_more": False}))
    with client(sdk, scripted_server) as c:
        page = c.widgets.list(
            owner="ann b",
            limit=5,
            order="asc",
            include_archived=True,
            tag=["red", "blue"],
            ids=["1", "2"],
            x_request_id="req-9",
        )
    assert page.data[0].name == "Sprocket" and page.has_more is False
    request = scripted_server.requests[0]
    assert request.method == "GET"
    assert request.query == [
        ("owner", "ann b"),
        ("limit", "5"),
        ("order", "asc"),
        ("include_archived", "true"),
        ("tag", "red"),
        ("tag", "blue"),
        ("ids", "1,2"),
    ]
    assert request.header("X-Request-Id") == "req-9"


def test_unset_params_are_not_sent_and_api_key_goes_in_its_header(
    sdk: ModuleType, scripted_server: ScriptedServer
) -> None:
    scripted_server.script(Reply(json={"data": [], "has_more": False}))
    with client(sdk, scripted_server) as c:
        c.widgets.list(owner="ann")
    request = scripted_server.requests[0]
    assert request.query == [("owner", "ann")]
    assert request.header("X-API-Key") == "secret-key"
    assert request.header("Authorization") is None
    assert request.header("X-Request-Id") is None


def test_query_constraints_are_checked_before_sending(
    sdk: ModuleType, scripted_server: ScriptedServer
) -> None:
    with client(sdk, scripted_server) as c, pytest.raises(TypeError):
        c.widgets.list()  # owner is required
    assert scripted_server.requests == []


def test_item_methods(sdk: ModuleType, scripted_server: ScriptedServer) -> None:
    scripted_server.script(
        Reply(json=WIDGET), Reply(json=WIDGET), Reply(json=WIDGET), Reply(status=204), Reply(json=WIDGET)
    )
    with client(sdk, scripted_server) as c:
        assert c.widgets.retrieve("a/b").id == "w1"
        assert c.widgets.replace("w1", name="New").name == "Sprocket"
        assert c.widgets.update("w1", name="Newer").id == "w1"
        assert c.widgets.delete("w1") is None
        assert c.widgets.create(name="Fresh").id == "w1"
    methods = [(r.method, r.path) for r in scripted_server.requests]
    assert methods == [
        ("GET", "/widgets/a%2Fb"),
        ("PUT", "/widgets/w1"),
        ("PATCH", "/widgets/w1"),
        ("DELETE", "/widgets/w1"),
        ("POST", "/widgets"),
    ]
    assert scripted_server.requests[1].json() == {"name": "New"}
    assert scripted_server.requests[3].body == b""
