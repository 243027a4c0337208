"""Every parameter style over real HTTP: the Python SDK of tests/fixtures/specs/param_styles.yaml.

The expected strings are the OpenAPI specification's "Style Examples" table (3.1.1 and later: label
follows RFC 6570, and the space, pipe and bracket delimiters are percent-encoded), written out in
tests/vectors/style_examples.json for color = "blue", ["blue", "black", "brown"] and
{"R": 100, "G": 200, "B": 150}; the Go SDK's test (tests/go/test_go_params_auth.py) reads it too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.python.conftest import generated_sdk
from tests.servers.scripted import RecordedRequest, Reply, ScriptedServer

SPEC = Path(__file__).resolve().parents[1] / "fixtures" / "specs" / "param_styles.yaml"
# The table: [resource, method, value kind, what the request carries for `color`].
VECTORS = Path(__file__).resolve().parents[1] / "vectors" / "style_examples.json"

TABLE = [tuple(row) for row in json.loads(VECTORS.read_text(encoding="utf-8"))["rows"]]


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with generated_sdk(SPEC, tmp_path_factory.mktemp("styles_sdk"), "styles_sdk", "Styles") as module:
        yield module


def color(sdk: ModuleType, kind: str) -> object:
    return {"string": "blue", "array": ["blue", "black", "brown"], "object": sdk.Rgb(r=100, g=200, b=150)}[
        kind
    ]


def sent(request: RecordedRequest, resource: str, method: str) -> str | None:
    """What the request carries for ``color``: the path segment, query string, header or Cookie."""
    if resource == "path":
        prefix = f"/path/{method.replace('_', '-')}/"
        assert request.url_path.startswith(prefix)
        return request.url_path[len(prefix) :]
    if resource == "query":
        return request.path.partition("?")[2]
    return request.header("color" if resource == "header" else "Cookie")


@pytest.mark.parametrize(("resource", "method", "kind", "expected"), TABLE)
def test_style_examples_table(
    sdk: ModuleType, scripted_server: ScriptedServer, resource: str, method: str, kind: str, expected: str
) -> None:
    scripted_server.script(Reply(204))
    with sdk.Styles(base_url=scripted_server.url) as client:
        call = getattr(getattr(client, resource), method)
        value = color(sdk, kind)
        assert (call(value) if resource == "path" else call(color=value)) is None
    assert sent(scripted_server.requests[0], resource, method) == expected


def test_async_client_sends_the_same(sdk: ModuleType, scripted_server: ScriptedServer) -> None:
    import asyncio

    async def main() -> None:
        async with sdk.AsyncStyles(base_url=scripted_server.url) as client:
            await client.path.matrix_explode(["blue", "black", "brown"])
            await client.query.deep(color={"R": 100, "G": 200, "B": 150})

    scripted_server.script(Reply(204), Reply(204))
    asyncio.run(main())
    first, second = scripted_server.requests
    assert first.url_path == "/path/matrix-explode/;color=blue;color=black;color=brown"
    assert second.path == "/query/deep?color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"


def test_natural_types_allow_reserved_content_and_constants(
    sdk: ModuleType, scripted_server: ScriptedServer
) -> None:
    scripted_server.script(Reply(204))
    with sdk.Styles(base_url=scripted_server.url) as client:
        client.typed.get(
            7,
            1.5,
            True,
            [1, 2],
            when="2024-01-01T00:00:00Z",
            kind="small",
            filter=sdk.Rgb(r=1, g=2, b=3),
            coords={"lat": 1.5, "long": -2},
            next="https://x.test/a b?c=d&e",
            x_rate=5,
            x_tags=["a", "b c"],
            session="s 1;",
            prefs="raw=value",
        )
    request = scripted_server.requests[0]
    assert request.url_path == "/typed/7/1.5/true/.1,2"
    assert request.path.partition("?")[2] == "&".join(
        [
            "when=2024-01-01T00%3A00%3A00Z",
            "kind=small",
            "R=1&G=2&B=3",
            "coords=%7B%22lat%22%3A1.5%2C%22long%22%3A-2%7D",  # content: application/json
            "next=https://x.test/a%20b?c=d%26e",  # allowReserved keeps :/?= but not & or a space
            "api-version=2024-01",  # a constant: not an argument, always sent
        ]
    )
    assert (request.header("X-Rate"), request.header("X-Tags")) == ("5", "a,b c")
    assert request.header("Cookie") == "session=s%201%3B; prefs=raw=value"


def test_unset_and_undefined_values_are_not_sent(sdk: ModuleType, scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(204), Reply(204))
    with sdk.Styles(base_url=scripted_server.url) as client:
        client.typed.get(0, -0.5, False, [3])
        client.query.form_explode(color=[])
    first, second = scripted_server.requests
    assert first.path == "/typed/0/-0.5/false/.3?api-version=2024-01"
    assert first.header("Cookie") is None and first.header("X-Rate") is None
    assert second.path == "/query/form-explode"


def test_bad_values_fail_before_sending(sdk: ModuleType, scripted_server: ScriptedServer) -> None:
    with sdk.Styles(base_url=scripted_server.url) as client:
        for call in (
            lambda: client.path.label([]),  # would leave "." in the path
            lambda: client.path.simple(""),
            lambda: client.path.simple(".."),
            lambda: client.header.simple(color="a\r\nX-Evil: 1"),
            lambda: client.typed.get(1, 1.0, True, [1], prefs="a;b"),  # a raw cookie may not hold ";"
            lambda: client.typed.get(1, float("nan"), True, [1]),
        ):
            with pytest.raises(sdk.ValidationError):
                call()
    assert scripted_server.requests == []


def test_parameter_names_do_not_clash_with_the_method_body(
    sdk: ModuleType, scripted_server: ScriptedServer
) -> None:
    scripted_server.script(Reply(json={"ok": True}))
    args: dict[str, Any] = {
        name: name for name in ("headers", "params", "query", "path", "cookies", "response", "req", "err")
    }
    with sdk.Styles(base_url=scripted_server.url) as client:
        result = client.clash.get(**args, timeout_=3, object_="o", opts="p", timeout=5.0)
    assert result.ok is True
    request = scripted_server.requests[0]
    assert request.query == [
        ("params", "params"),
        ("query", "query"),
        ("path", "path"),
        ("timeout", "3"),
        ("object", "o"),
        ("response", "response"),
        ("req", "req"),
        ("err", "err"),
        ("opts", "p"),
    ]
    assert (request.header("headers"), request.header("Cookie")) == ("headers", "cookies=cookies")
