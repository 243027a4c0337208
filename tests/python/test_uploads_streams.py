"""Multipart uploads, server-sent event streams and binary downloads, over real HTTP.

The SDK is generated from tests/fixtures/specs/uploads_streams.yaml into a temporary folder
(the same pipeline and writer as `oasgen generate`), then talks to the scripted server.
"""

from __future__ import annotations

import asyncio
import email
import io
from collections.abc import Iterator
from email.message import Message
from pathlib import Path
from types import ModuleType

import pytest

from tests.python.conftest import generated_sdk
from tests.servers.scripted import RecordedRequest, Reply, ScriptedServer

SPEC = Path(__file__).resolve().parents[1] / "fixtures" / "specs" / "uploads_streams.yaml"


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with generated_sdk(SPEC, tmp_path_factory.mktemp("uploads_sdk"), "uploads_sdk", "Uploads") as module:
        yield module


def client(sdk: ModuleType, server: ScriptedServer, **kw: object) -> object:
    return sdk.Uploads(base_url=server.url, **kw)


def parts_of(request: RecordedRequest) -> list[Message]:
    ctype = request.header("content-type") or ""
    assert ctype.startswith("multipart/form-data; boundary=")
    message = email.message_from_bytes(b"Content-Type: " + ctype.encode() + b"\r\n\r\n" + request.body)
    assert message.is_multipart()
    payload = message.get_payload()
    assert isinstance(payload, list)
    return payload


def summary(part: Message) -> tuple[str | None, str | None, bytes]:
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return part.get_param("name", header="content-disposition"), part.get_filename(), payload  # type: ignore[return-value]


STORED = {"id": "file_1", "bytes": 5, "filename": "a.txt"}


def test_upload_sends_one_part_per_field_and_file(sdk: ModuleType, scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(json=STORED))
    with client(sdk, scripted_server) as c:  # type: ignore[attr-defined]
        stored = c.files.create(
            file=("a.txt", b"hello", "text/plain"),
            purpose="assistants",
            attachments=[b"\x00\x01", io.BytesIO(b"second")],
            tags=["x", "y"],
        )
    assert stored.id == "file_1" and stored.bytes == 5
    parts = [summary(p) for p in parts_of(scripted_server.requests[0])]
    assert parts == [
        ("file", "a.txt", b"hello"),
        ("purpose", None, b"assistants"),
        ("attachments", "upload", b"\x00\x01"),
        ("attachments", "upload", b"second"),
        ("tags", None, b"x"),
        ("tags", None, b"y"),
    ]
    assert parts_of(scripted_server.requests[0])[0].get_content_type() == "text/plain"


def test_upload_omits_unset_fields_and_resends_the_same_bytes_on_retry(
    sdk: ModuleType, scripted_server: ScriptedServer
) -> None:
    scripted_server.script(Reply(status=503, headers={"Retry-After": "0"}), Reply(json=STORED))
    with client(sdk, scripted_server) as c:  # type: ignore[attr-defined]
        c.files.create(file=io.BytesIO(b"data"), purpose="batch")
    first, second = scripted_server.requests
    assert first.body == second.body
    assert [summary(p)[0] for p in parts_of(second)] == ["file", "purpose"]


def test_binary_download_returns_the_bytes(sdk: ModuleType, scripted_server: ScriptedServer) -> None:
    data = bytes(range(256))
    scripted_server.script(Reply(body=data, headers={"Content-Type": "application/octet-stream"}))
    with client(sdk, scripted_server) as c:  # type: ignore[attr-defined]
        assert c.files.content.retrieve("file/1") == data
    assert scripted_server.requests[0].path == "/files/file%2F1/content"


SSE = (
    b": a comment line\n\n"
    b'data: {"id": "c1", "delta": "Hel"}\n\n'
    b"event: chunk\n"
    b'data: {"id": "c1",\n'
    b'data:  "delta": "lo"}\n\n'
    b"data: [DONE]\n\n"
)


def test_stream_method_sets_stream_and_yields_typed_events(
    sdk: ModuleType, scripted_server: ScriptedServer
) -> None:
    scripted_server.script(Reply(body=SSE, headers={"Content-Type": "text/event-stream"}))
    with client(sdk, scripted_server) as c:  # type: ignore[attr-defined]
        chunks = list(c.completions.create_stream(prompt="Say hello"))
    assert [type(ch).__name__ for ch in chunks] == ["CompletionChunk", "CompletionChunk"]
    assert "".join(ch.delta for ch in chunks) == "Hello"
    assert scripted_server.requests[0].json() == {"prompt": "Say hello", "stream": True}


def test_async_stream(sdk: ModuleType, scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(body=SSE, headers={"Content-Type": "text/event-stream"}))

    async def run() -> list[str]:
        async with sdk.AsyncUploads(base_url=scripted_server.url) as c:
            return [chunk.delta async for chunk in await c.completions.create_stream(prompt="p")]

    assert asyncio.run(run()) == ["Hel", "lo"]


def test_stream_error_status_raises_the_mapped_error(
    sdk: ModuleType, scripted_server: ScriptedServer
) -> None:
    scripted_server.script(Reply(status=404, json={"error": {"message": "no such model"}}))
    with client(sdk, scripted_server) as c, pytest.raises(sdk.NotFoundError) as info:  # type: ignore[attr-defined]
        list(c.completions.create_stream(prompt="p"))
    assert info.value.message == "no such model"


def test_bad_event_data_is_a_validation_error(sdk: ModuleType, scripted_server: ScriptedServer) -> None:
    body = b'data: {"id": "c1", "delta": 5}\n\n'
    scripted_server.script(Reply(body=body, headers={"Content-Type": "text/event-stream"}))
    with client(sdk, scripted_server) as c, pytest.raises(sdk.ValidationError) as info:  # type: ignore[attr-defined]
        list(c.completions.create_stream(prompt="p"))
    assert info.value.path == "delta"


def test_non_stream_method_reads_json(sdk: ModuleType, scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(json={"id": "c1", "text": "Hello"}))
    with client(sdk, scripted_server) as c:  # type: ignore[attr-defined]
        assert c.completions.create(prompt="p").text == "Hello"
    assert scripted_server.requests[0].json() == {"prompt": "p"}


def test_raw_body_is_sent_as_given_with_its_media_type(
    sdk: ModuleType, scripted_server: ScriptedServer
) -> None:
    scripted_server.script(Reply(json=STORED), Reply(json=STORED))
    with client(sdk, scripted_server) as c:  # type: ignore[attr-defined]
        c.files.raw.create(body=b"\x00raw")
        c.files.raw.create(body=io.BytesIO(b"from a file"))
    first, second = scripted_server.requests
    assert (first.body, first.header("content-type")) == (b"\x00raw", "application/octet-stream")
    assert second.body == b"from a file"


def test_form_body_is_url_encoded(sdk: ModuleType, scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(json=STORED))
    with client(sdk, scripted_server) as c:  # type: ignore[attr-defined]
        c.files.form.create(body={"url": "https://x.test/a b", "labels": ["p", "q"]})
    request = scripted_server.requests[0]
    assert request.header("content-type") == "application/x-www-form-urlencoded"
    assert request.body == b"url=https%3A%2F%2Fx.test%2Fa+b&labels=p&labels=q"
