"""The nested resource tree over real HTTP: ``client.threads.messages.retrieve(thread_id, message_id)``.

The SDK is generated from tests/fixtures/specs/resources.yaml into a temporary folder.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.python.conftest import generated_sdk
from tests.servers.scripted import Reply, ScriptedServer

SPEC = Path(__file__).resolve().parents[1] / "fixtures" / "specs" / "resources.yaml"
MESSAGE = {"id": "m1", "text": "hi"}
RUN = {"id": "r1", "status": "cancelled"}


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with generated_sdk(SPEC, tmp_path_factory.mktemp("tree_sdk"), "tree_sdk", "Tree") as module:
        yield module


def test_nested_calls_hit_nested_paths(sdk: ModuleType, scripted_server: ScriptedServer) -> None:
    scripted_server.script(
        Reply(json=MESSAGE),
        Reply(json=RUN),
        Reply(json=[{"id": "t9"}]),
        Reply(json={"id": "u1"}),
        Reply(body=b"bytes", headers={"Content-Type": "application/octet-stream"}),
        Reply(json={"days": 30}),
    )
    with sdk.Tree(base_url=scripted_server.url) as c:
        assert c.threads.messages.retrieve("t 1", "m1").text == "hi"
        assert c.threads.runs.cancel("t1", "r1").status == "cancelled"
        assert [t.id for t in c.chatkit.threads.list()] == ["t9"]
        assert c.organization.projects.users.retrieve("p1", "u1").id == "u1"
        assert c.files.content.retrieve("f1") == b"bytes"
        assert c.organization.data_retention.update().days == 30
    assert [(r.method, r.path) for r in scripted_server.requests] == [
        ("GET", "/threads/t%201/messages/m1"),
        ("POST", "/threads/t1/runs/r1/cancel"),
        ("GET", "/chatkit/threads"),
        ("GET", "/organization/projects/p1/users/u1"),
        ("GET", "/files/f1/content"),
        ("POST", "/organization/data_retention"),
    ]


def test_nested_raw_responses_and_async(sdk: ModuleType, scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(json=MESSAGE, headers={"X-Request-Id": "req_1"}), Reply(json=MESSAGE))
    with sdk.Tree(base_url=scripted_server.url) as c:
        raw = c.threads.with_raw_response.messages.retrieve("t1", "m1")
        assert raw.headers["X-Request-Id"] == "req_1" and raw.parse().id == "m1"

    async def run() -> str:
        async with sdk.AsyncTree(base_url=scripted_server.url) as ac:
            message = await ac.threads.messages.retrieve("t2", "m1")
            return str(message.id)

    assert asyncio.run(run()) == "m1"
    assert [r.path for r in scripted_server.requests] == [
        "/threads/t1/messages/m1",
        "/threads/t2/messages/m1",
    ]


def test_the_tree_has_no_flat_leftovers(sdk: ModuleType) -> None:
    c = sdk.Tree(base_url="http://127.0.0.1:9")
    assert not hasattr(c, "messages") and not hasattr(c, "runs")
    assert callable(c.threads.create_and_run) and callable(c.beta.assistants.create)
    # Children are lazily imported properties: the resource holds them, and its methods, nothing else.
    public = {n for n in dir(c.threads) if not n.startswith("_")}
    assert {"messages", "runs", "with_raw_response"} <= public
    assert all(callable(getattr(c.threads, n)) for n in public - {"messages", "runs", "with_raw_response"})
