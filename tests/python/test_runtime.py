"""The hand-written Python runtime (templates/python/runtime), exercised over real HTTP.

The runtime is copied into a throwaway package (as the Python target does) and imported;
requests go to the scripted server on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import importlib
import re
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from email.utils import formatdate
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from tests.servers.scripted import Reply, ScriptedServer

RUNTIME = Path(__file__).resolve().parents[2] / "templates" / "python" / "runtime"
KEY_ENV, URL_ENV = "RTTEST_API_KEY", "RTTEST_BASE_URL"


@pytest.fixture(scope="module")
def rt(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    root = tmp_path_factory.mktemp("runtime")
    name = f"rtpkg_{uuid.uuid4().hex[:8]}"
    (root / name).mkdir()
    for source in RUNTIME.glob("*.py"):
        shutil.copy(source, root / name / source.name)
    (root / name / "__init__.py").write_text("")
    sys.path.insert(0, str(root))
    try:
        modules = ("_base_client", "_exceptions", "_retry", "_params")
        mods = {m: importlib.import_module(f"{name}.{m}") for m in modules}
        base, exc, retry = mods["_base_client"], mods["_exceptions"], mods["_retry"]
        config = base.ClientConfig(
            sdk_name="testsdk",
            sdk_version="1.2.3",
            default_base_url="https://api.invalid/v1",
            base_url_env=URL_ENV,
            schemes=(
                base.AuthScheme("bearer", "token", args=("api_key",), envs=(KEY_ENV,), prefix="Bearer "),
            ),
            required=("bearer",),
        )
        yield SimpleNamespace(
            root=root, name=name, base=base, exc=exc, retry=retry, params=mods["_params"], config=config
        )
    finally:
        sys.path.remove(str(root))
        for mod in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            del sys.modules[mod]


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.delenv(URL_ENV, raising=False)


SEC = (("bearer",),)  # the security of an operation that needs the bearer token


def client(rt: Any, server: ScriptedServer, **kwargs: Any) -> Any:
    kwargs.setdefault("credentials", {"api_key": "sk-test"})
    kwargs.setdefault("base_url", server.url + "/v1")
    return rt.base.SyncAPIClient(config=rt.config, **kwargs)


def aclient(rt: Any, server: ScriptedServer, **kwargs: Any) -> Any:
    kwargs.setdefault("credentials", {"api_key": "sk-test"})
    kwargs.setdefault("base_url", server.url + "/v1")
    return rt.base.AsyncAPIClient(config=rt.config, **kwargs)


def ident(value: object) -> object:
    return value


# -- headers, body, response -------------------------------------------------------------------


def test_headers_and_body_sent(rt: Any, scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(200, json={"id": "s1"}), Reply(200, json={}))
    with client(rt, scripted_server, default_headers={"X-Layer": "default", "X-Default": "1"}) as c:
        c.request(
            "POST",
            "/chatkit/sessions",
            parser=ident,
            json_body={"user": "é", "n": 1},
            headers={"X-Layer": "operation", "OpenAI-Beta": "chatkit_beta=v1"},
            extra_headers={"x-layer": "extra", "OpenAI-Beta": "override"},
            security=SEC,
        )
        c.request("GET", "/things", parser=ident, query=["a=1", "a=2"])
    post, get = scripted_server.requests
    assert (post.method, post.path) == ("POST", "/v1/chatkit/sessions")
    assert post.header("Authorization") == "Bearer sk-test"
    assert re.fullmatch(r"testsdk/1\.2\.3 python/3\.\d+ httpx/\d+\.\d+\.\d+", post.header("User-Agent") or "")
    assert post.header("Accept") == "application/json"
    assert post.header("Content-Type") == "application/json"
    assert post.header_all("x-layer") == ["extra"]
    assert post.header("X-Default") == "1"
    assert post.header_all("openai-beta") == ["override"]
    assert post.header("X-Retry-Count") is None
    assert post.body == '{"user":"é","n":1}'.encode()
    assert get.path == "/v1/things?a=1&a=2"
    assert get.header("Content-Type") is None and get.body == b""
    assert get.header("X-Layer") == "default"


def test_api_response(rt: Any, scripted_server: ScriptedServer) -> None:
    headers = {"x-request-id": "req_123", "X-Custom": "v"}
    scripted_server.script(
        Reply(201, json={"id": "s1", "n": 2}, headers=headers),
        Reply(204),
        Reply(200, body=b"\x00\x01bin"),
        Reply(200, body="plain text"),
    )
    calls: list[object] = []

    def parser(value: object) -> str:
        calls.append(value)
        return f"parsed:{value!r}"

    with client(rt, scripted_server) as c:
        resp = c.request("GET", "/s", parser=parser)
        assert (resp.status_code, resp.request_id, resp.retries_taken) == (201, "req_123", 0)
        assert resp.headers["x-custom"] == "v"
        assert resp.json() == {"id": "s1", "n": 2} and resp.text == '{"id": "s1", "n": 2}'
        assert resp.parse() == "parsed:{'id': 's1', 'n': 2}"
        assert resp.parse() == resp.parse() and len(calls) == 1  # parsed once
        assert isinstance(resp.http_response, httpx.Response)
        assert c.request("DELETE", "/s", parser=parser, expect="none").parse() == "parsed:None"
        assert c.request("GET", "/b", parser=ident, expect="binary").parse() == b"\x00\x01bin"
        assert c.request("GET", "/t", parser=ident, expect="text").parse() == "plain text"


def test_success_body_not_json(rt: Any, scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(200, body="<html>oops</html>", headers={"Content-Type": "text/html"}))
    with client(rt, scripted_server) as c:
        resp = c.request("GET", "/s", parser=ident)
    with pytest.raises(rt.exc.APIError, match=r"Expected a JSON body .*GET http.*/v1/s.*text/html") as info:
        resp.parse()
    assert "<html>oops" in str(info.value) and isinstance(info.value.__cause__, ValueError)


# -- configuration -----------------------------------------------------------------------------


def test_missing_api_key_names_env_var(rt: Any) -> None:
    for key in (None, ""):
        with pytest.raises(rt.exc.APIError, match=f"api_key=.*{KEY_ENV}"):
            rt.base.SyncAPIClient(config=rt.config, credentials={"api_key": key})
        with pytest.raises(rt.exc.APIError, match=KEY_ENV):
            rt.base.AsyncAPIClient(config=rt.config, credentials={"api_key": key})
    with pytest.raises(rt.exc.APIError, match="whitespace"):
        rt.base.SyncAPIClient(config=rt.config, credentials={"api_key": "sk-x\n"})


def test_env_fallbacks(rt: Any, scripted_server: ScriptedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KEY_ENV, "sk-from-env")
    monkeypatch.setenv(URL_ENV, scripted_server.url + "/env/")
    scripted_server.script(Reply(200, json={}), Reply(200, json={}))
    with rt.base.SyncAPIClient(config=rt.config) as c:
        assert c.base_url == scripted_server.url + "/env"
        c.request("GET", "/a", parser=ident, security=SEC)
    with rt.base.SyncAPIClient(
        config=rt.config, credentials={"api_key": "sk-arg"}, base_url=scripted_server.url + "/arg"
    ) as c:
        c.request("GET", "b", parser=ident, security=SEC)
    first, second = scripted_server.requests
    assert (first.path, first.header("authorization")) == ("/env/a", "Bearer sk-from-env")
    assert (second.path, second.header("authorization")) == ("/arg/b", "Bearer sk-arg")
    monkeypatch.delenv(URL_ENV)
    with rt.base.SyncAPIClient(config=rt.config) as c:
        assert c.base_url == "https://api.invalid/v1"


def test_bad_settings(rt: Any) -> None:
    with pytest.raises(ValueError, match="max_retries"):
        rt.base.SyncAPIClient(config=rt.config, credentials={"api_key": "k"}, max_retries=-1)
    with pytest.raises(ValueError, match="http:// or https://"):
        rt.base.SyncAPIClient(config=rt.config, credentials={"api_key": "k"}, base_url="api.example.com")


def test_close_and_ownership(rt: Any, scripted_server: ScriptedServer) -> None:
    with client(rt, scripted_server) as c:
        assert not c.is_closed
        assert c.timeout.connect == 5.0 and c.timeout.read == 600.0
        assert c._http is None  # the httpx client is created on first use
        scripted_server.script(Reply(200, json={}))
        c.request("GET", "/x", parser=ident)
        http = c._http
    assert c.is_closed and http is not None and http.is_closed
    c.close()  # idempotent
    with pytest.raises(rt.exc.APIError, match="closed"):
        c.request("GET", "/x", parser=ident)
    mine = httpx.Client(timeout=3.0)
    with client(rt, scripted_server, http_client=mine) as c:
        assert c.timeout == httpx.Timeout(3.0)  # the passed client's timeout when none is given
    assert c.is_closed and not mine.is_closed  # the caller owns the httpx client
    mine.close()


# -- retries -----------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [408, 409, 429, 500, 503])
def test_retry_then_success(
    rt: Any, scripted_server: ScriptedServer, status: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    scripted_server.script(Reply(status, headers={"Retry-After": "0"}), Reply(200, json={"ok": 1}))
    delays: list[float] = []
    real_sleep = time.sleep
    monkeypatch.setattr(rt.base.time, "sleep", lambda s: (delays.append(s), real_sleep(s)))
    with client(rt, scripted_server) as c:
        resp = c.request("POST", "/s", parser=ident, json_body={"a": 1})
    assert delays == [0.0]  # "Retry-After: 0" honoured, no 0.5 s backoff
    assert resp.parse() == {"ok": 1} and resp.retries_taken == 1
    first, second = scripted_server.requests
    assert first.body == second.body == b'{"a":1}'
    assert (first.header("X-Retry-Count"), second.header("X-Retry-Count")) == (None, "1")


def test_retries_until_max(rt: Any, scripted_server: ScriptedServer) -> None:
    scripted_server.script(*[Reply(503, headers={"retry-after-ms": "1"})] * 2, Reply(200, json=[]))
    with client(rt, scripted_server, max_retries=2) as c:
        assert c.request("GET", "/s", parser=ident).retries_taken == 2
    assert len(scripted_server.requests) == 3


@pytest.mark.parametrize(
    ("kind", "minimum"),
    [("retry-after-ms", 0.69), ("retry-after-seconds", 0.99), ("retry-after-http-date", 0.99)],
)
def test_server_requested_delay(rt: Any, scripted_server: ScriptedServer, kind: str, minimum: float) -> None:
    headers = {
        "retry-after-ms": {"retry-after-ms": "700"},
        "retry-after-seconds": {"Retry-After": "1"},
        "retry-after-http-date": {"Retry-After": formatdate(time.time() + 2, usegmt=True)},
    }[kind]
    scripted_server.script(Reply(429, headers=headers), Reply(200, json={}))
    start = time.monotonic()
    with client(rt, scripted_server) as c:
        c.request("GET", "/s", parser=ident)
    assert time.monotonic() - start >= minimum  # longer than any computed first backoff (<= 0.625 s)
    assert len(scripted_server.requests) == 2


@pytest.mark.parametrize(
    ("status", "name"),
    [
        (400, "BadRequestError"),
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (422, "UnprocessableEntityError"),
        (418, "APIStatusError"),
    ],
)
def test_no_retry_on_client_errors(rt: Any, scripted_server: ScriptedServer, status: int, name: str) -> None:
    scripted_server.script(Reply(status, json={"error": {"message": f"nope {status}"}}), Reply(200, json={}))
    with client(rt, scripted_server) as c, pytest.raises(rt.exc.APIStatusError) as info:
        c.request("GET", "/s", parser=ident)
    assert type(info.value) is getattr(rt.exc, name)
    assert info.value.status_code == status and info.value.message == f"nope {status}"
    assert len(scripted_server.requests) == 1 and scripted_server.remaining == 1


def test_should_retry_header_overrides(rt: Any, scripted_server: ScriptedServer) -> None:
    scripted_server.script(
        Reply(500, headers={"x-should-retry": "false"}),
        Reply(400, headers={"x-should-retry": "true", "retry-after-ms": "1"}),
        Reply(200, json={}),
    )
    with client(rt, scripted_server) as c:
        with pytest.raises(rt.exc.InternalServerError):
            c.request("GET", "/a", parser=ident)
        assert c.request("GET", "/b", parser=ident).retries_taken == 1
    assert [r.path for r in scripted_server.requests] == ["/v1/a", "/v1/b", "/v1/b"]


def test_max_retries_zero(rt: Any, scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(503), Reply(200, json={}))
    with client(rt, scripted_server, max_retries=0) as c, pytest.raises(rt.exc.InternalServerError):
        c.request("GET", "/s", parser=ident)
    assert len(scripted_server.requests) == 1


def test_exhausted_retries_raise_mapped_error(rt: Any, scripted_server: ScriptedServer) -> None:
    error = {"error": {"message": "Slow down", "type": "rate_limit", "code": "rl", "param": None}}
    reply = Reply(429, json=error, headers={"x-request-id": "req_9", "retry-after-ms": "1"})
    scripted_server.script(reply, reply, reply)
    with client(rt, scripted_server) as c, pytest.raises(rt.exc.RateLimitError) as info:
        c.request("GET", "/s", parser=ident)
    e = info.value
    assert (e.status_code, e.message, e.request_id, e.code, e.type, e.param) == (
        429,
        "Slow down",
        "req_9",
        "rl",
        "rate_limit",
        None,
    )
    assert e.body == error and str(e) == "Slow down" and e.response.status_code == 429
    assert e.request.url.path == "/v1/s" and len(scripted_server.requests) == 3


def test_error_body_not_json(rt: Any, scripted_server: ScriptedServer) -> None:
    html = "<html><body>" + "Bad gateway " * 40 + "</body></html>"
    scripted_server.script(Reply(502, body=html, headers={"Content-Type": "text/html"}))
    with client(rt, scripted_server, max_retries=0) as c, pytest.raises(rt.exc.InternalServerError) as info:
        c.request("GET", "/s", parser=ident)
    assert info.value.body is None and info.value.status_code == 502
    assert info.value.message == "Error code: 502 - " + html[:200] + "..."


def test_timeout_retried_then_raised(rt: Any, scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(200, json={}, delay=1.0), Reply(200, json={}, delay=1.0))
    with (
        client(rt, scripted_server, max_retries=1, timeout=30) as c,
        pytest.raises(rt.exc.APITimeoutError) as info,
    ):
        c.request("GET", "/slow", parser=ident, timeout=0.1)
    assert isinstance(info.value.__cause__, httpx.TimeoutException)
    assert isinstance(info.value, rt.exc.APIConnectionError) and "/v1/slow" in str(info.value)
    assert len(scripted_server.requests) == 2


def test_client_timeout_then_success(rt: Any, scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(200, json={}, delay=1.0), Reply(200, json={"late": False}))
    with client(rt, scripted_server, timeout=0.1) as c:
        resp = c.request("GET", "/slow", parser=ident)
    assert resp.parse() == {"late": False} and resp.retries_taken == 1


def test_dropped_connection_is_retried(rt: Any, scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(drop=True), Reply(200, json={"ok": True}))
    with client(rt, scripted_server) as c:
        assert c.request("GET", "/s", parser=ident).parse() == {"ok": True}
    assert len(scripted_server.requests) == 2


def test_connection_refused(rt: Any) -> None:
    with ScriptedServer() as server:
        url = server.url
    c = rt.base.SyncAPIClient(config=rt.config, credentials={"api_key": "k"}, base_url=url, max_retries=1)
    with c, pytest.raises(rt.exc.APIConnectionError) as info:
        c.request("GET", "/s", parser=ident)
    assert not isinstance(info.value, rt.exc.APITimeoutError)
    assert isinstance(info.value.__cause__, httpx.ConnectError)


def test_unretryable_transport_error(rt: Any) -> None:
    calls: list[httpx.Request] = []

    def refuse(request: httpx.Request) -> httpx.Response:  # httpx's own test transport, not our code
        calls.append(request)
        raise httpx.UnsupportedProtocol("no transport for this scheme", request=request)

    mine = httpx.Client(transport=httpx.MockTransport(refuse))
    c = rt.base.SyncAPIClient(
        config=rt.config, credentials={"api_key": "k"}, base_url="https://x.invalid", http_client=mine
    )
    with c, pytest.raises(rt.exc.APIConnectionError, match="no transport"):
        c.request("GET", "/s", parser=ident)
    assert len(calls) == 1  # a local/protocol-setup failure is not retried
    mine.close()


# -- pure parts --------------------------------------------------------------------------------

NOW = 1_700_000_000.0


@pytest.mark.parametrize(
    ("retries", "headers", "fraction", "expected"),
    [
        (0, None, 0.5, 0.5),
        (1, None, 0.5, 1.0),
        (3, None, 0.5, 4.0),
        (4, None, 0.5, 8.0),
        (50, None, 0.5, 8.0),
        (0, None, 0.0, 0.375),
        (0, None, 0.999, 0.62475),
        (0, {"retry-after-ms": "250"}, 0.5, 0.25),
        (0, {"Retry-After-Ms": "250", "Retry-After": "9"}, 0.5, 0.25),
        (0, {"retry-after-ms": "x", "Retry-After": "2"}, 0.5, 2.0),
        (2, {"Retry-After": "3.5"}, 0.5, 3.5),
        (0, {"Retry-After": "0"}, 0.5, 0.0),
        (0, {"Retry-After": "60"}, 0.5, 60.0),
        (0, {"Retry-After": "61"}, 0.5, 0.5),
        (0, {"Retry-After": "-1"}, 0.5, 0.5),
        (0, {"Retry-After": "nan"}, 0.5, 0.5),
        (0, {"Retry-After": "soon"}, 0.5, 0.5),
        (0, {"Retry-After": formatdate(NOW + 10, usegmt=True)}, 0.5, 10.0),
        (0, {"Retry-After": formatdate(NOW - 10, usegmt=True)}, 0.5, 0.0),
        (0, {"Retry-After": formatdate(NOW + 3600, usegmt=True)}, 0.5, 0.5),
    ],
)
def test_retry_delay_table(rt: Any, retries: int, headers: Any, fraction: float, expected: float) -> None:
    got = rt.retry.retry_delay(retries, headers, random_fraction=fraction, now=NOW)
    assert got == pytest.approx(expected)


def test_should_retry_status_table(rt: Any) -> None:
    retried = [s for s in range(400, 600) if rt.retry.should_retry_status(s, {})]
    assert retried == [408, 409, 429, *range(500, 600)]
    assert rt.retry.should_retry_status(503, {"X-Should-Retry": "false"}) is False
    assert rt.retry.should_retry_status(400, {"x-should-retry": "true"}) is True


def test_validation_error_str(rt: Any) -> None:
    assert str(rt.exc.ValidationError("a.b", "is required")) == "a.b: is required"
    assert str(rt.exc.ValidationError("", "bad")) == "bad"


def test_package_import_does_not_import_httpx(rt: Any) -> None:
    code = f"import sys; import {rt.name}._base_client, {rt.name}._exceptions; print('httpx' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=rt.root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


# -- async parity ------------------------------------------------------------------------------


def test_async_headers_retry_and_response(rt: Any, scripted_server: ScriptedServer) -> None:
    scripted_server.script(
        Reply(429, headers={"retry-after-ms": "1"}), Reply(200, json={"id": 1}, headers={"x-request-id": "r"})
    )

    async def main() -> Any:
        async with aclient(rt, scripted_server, default_headers={"X-D": "1"}) as c:
            resp = await c.request(
                "POST", "/s", parser=ident, json_body=[1], extra_headers={"X-E": "2"}, security=SEC
            )
        assert c.is_closed
        return resp

    resp = asyncio.run(main())
    assert (resp.parse(), resp.request_id, resp.retries_taken) == ({"id": 1}, "r", 1)
    second = scripted_server.requests[1]
    assert (second.header("authorization"), second.header("x-d"), second.header("x-e")) == (
        "Bearer sk-test",
        "1",
        "2",
    )
    assert second.header("X-Retry-Count") == "1" and second.body == b"[1]"


def test_async_errors(rt: Any, scripted_server: ScriptedServer) -> None:
    scripted_server.script(
        Reply(404, json={"error": {"message": "no such session"}}),
        Reply(503, headers={"retry-after-ms": "1"}),
        Reply(503, headers={"retry-after-ms": "1"}),
        Reply(200, json={}, delay=1.0),
        Reply(200, json={}, delay=1.0),
    )

    async def main() -> None:
        c = aclient(rt, scripted_server, max_retries=1)
        with pytest.raises(rt.exc.NotFoundError, match="no such session"):
            await c.request("GET", "/a", parser=ident)
        with pytest.raises(rt.exc.InternalServerError):
            await c.request("GET", "/b", parser=ident)
        with pytest.raises(rt.exc.APITimeoutError):
            await c.request("GET", "/c", parser=ident, timeout=0.1)
        await c.aclose()
        assert c.is_closed
        with pytest.raises(rt.exc.APIError, match="closed"):
            await c.request("GET", "/d", parser=ident)

    asyncio.run(main())
    assert [r.path for r in scripted_server.requests] == ["/v1/a", "/v1/b", "/v1/b", "/v1/c", "/v1/c"]


# The HTTP runtime's modules; other files in the runtime folder are checked by their own tests.
HTTP_MODULES = (
    "_types",
    "_exceptions",
    "_serde",
    "_params",
    "_auth",
    "_encoding",
    "_retry",
    "_response",
    "_base_client",
)


def test_http_runtime_passes_mypy_strict(rt: Any) -> None:
    files = [str(rt.root / rt.name / f"{module}.py") for module in HTTP_MODULES]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *files],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
