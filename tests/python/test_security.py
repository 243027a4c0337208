"""Every security scheme over real HTTP: the Python SDK of tests/fixtures/specs/security_schemes.yaml.

apiKey in a header, the query and a cookie; HTTP basic, bearer and another scheme (DSN); OAuth2 and
OpenID Connect tokens, given or from a callable; mutual TLS (the HTTP client's business);
operation-level security with alternatives (OR), combined schemes (AND), optional and none.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.python.conftest import generated_sdk
from tests.servers.scripted import RecordedRequest, Reply, ScriptedServer

SPEC = Path(__file__).resolve().parents[1] / "fixtures" / "specs" / "security_schemes.yaml"
ENV = "SECURED_"

# Every credential the client takes, and what each operation must send with all of them given.
ALL = {
    "api_key": "k-header",
    "query_key": "k query",
    "cookie_key": "k-cookie",
    "basic_username": "Aladdin",
    "basic_password": "open sesame",
    "bearer": "b.jwt.token",
    "dsn": "https://pub@sentry.example/1",
    "oauth": "oauth-token",
    "oidc": "oidc-token",
}
EXPECTED = [
    ("default", {"X-API-Key": "k-header"}, "", None),
    ("header", {"X-API-Key": "k-header"}, "", None),
    ("query", {}, "api%20key=k%20query", None),
    ("cookie", {}, "", "theme=dark; sid=k-cookie"),
    ("basic", {"Authorization": "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}, "", None),
    ("bearer", {"Authorization": "Bearer b.jwt.token"}, "", None),
    ("dsn", {"Authorization": "DSN https://pub@sentry.example/1"}, "", None),
    ("oauth", {"Authorization": "Bearer oauth-token"}, "", None),
    ("oidc", {"Authorization": "Bearer oidc-token"}, "", None),
    ("mtls", {}, "", None),
    ("either", {"Authorization": "Bearer b.jwt.token"}, "", None),  # the first alternative wins
    ("both", {"X-API-Key": "k-header"}, "api%20key=k%20query", None),
    ("optional", {"Authorization": "Bearer b.jwt.token"}, "", None),
    ("public", {}, "", None),
]
AUTH_HEADERS = ("Authorization", "X-API-Key")


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with generated_sdk(SPEC, tmp_path_factory.mktemp("sec_sdk"), "sec_sdk", "Secured") as module:
        yield module


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for arg in ALL:
        monkeypatch.delenv(ENV + arg.upper(), raising=False)


def call(client: Any, name: str) -> Any:
    method = getattr(client.calls, name)
    return method(theme="dark") if name == "cookie" else method()


def check(request: RecordedRequest, headers: dict[str, str], query: str, cookie: str | None) -> None:
    for name in AUTH_HEADERS:
        assert request.header(name) == headers.get(name), name
    assert request.path.partition("?")[2] == query
    assert request.header("Cookie") == cookie


@pytest.mark.parametrize(("name", "headers", "query", "cookie"), EXPECTED, ids=[e[0] for e in EXPECTED])
def test_each_scheme_sends_its_credential(
    sdk: ModuleType,
    scripted_server: ScriptedServer,
    name: str,
    headers: dict[str, str],
    query: str,
    cookie: str | None,
) -> None:
    scripted_server.script(Reply(204))
    with sdk.Secured(base_url=scripted_server.url, **ALL) as client:
        assert call(client, name) is None
    check(scripted_server.requests[0], headers, query, cookie)


def test_alternatives_optional_and_none(sdk: ModuleType, scripted_server: ScriptedServer) -> None:
    scripted_server.script(*[Reply(204)] * 4)
    with sdk.Secured(base_url=scripted_server.url, basic_username="u", basic_password="") as client:
        client.calls.either()  # no bearer token: the second alternative, basic
        client.calls.optional()  # nothing needed, nothing given
        client.calls.public()
    with sdk.Secured(base_url=scripted_server.url) as client:
        client.calls.mtls()  # the certificate is the HTTP client's: nothing to check here
    either, optional, public, mtls = scripted_server.requests
    check(either, {"Authorization": "Basic dTo="}, "", None)
    for request in (optional, public, mtls):
        check(request, {}, "", None)


def test_a_missing_credential_fails_only_the_calls_that_need_it(
    sdk: ModuleType, scripted_server: ScriptedServer
) -> None:
    scripted_server.script(Reply(204))
    with sdk.Secured(base_url=scripted_server.url, api_key="k") as client:  # no error: /public needs none
        with pytest.raises(sdk.APIError, match="bearer=.*SECURED_BEARER"):
            client.calls.bearer()
        with pytest.raises(sdk.APIError, match="bearer=.*SECURED_BEARER.*basic_username=.*SECURED_BASIC"):
            client.calls.either()
        with pytest.raises(sdk.APIError, match="query_key=.*SECURED_QUERY_KEY"):
            client.calls.both()  # AND: the header key alone is not enough
        client.calls.header()
    assert [r.path for r in scripted_server.requests] == ["/header"]


def test_credentials_from_the_environment(
    sdk: ModuleType, scripted_server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SECURED_BEARER", "from-env")
    monkeypatch.setenv("SECURED_BASIC_USERNAME", "env-user")
    scripted_server.script(Reply(204), Reply(204))
    with sdk.Secured(base_url=scripted_server.url) as client:
        client.calls.bearer()
    with sdk.Secured(base_url=scripted_server.url, bearer="from-arg") as client:
        client.calls.bearer()
    assert [r.header("Authorization") for r in scripted_server.requests] == [
        "Bearer from-env",
        "Bearer from-arg",
    ]
    monkeypatch.setenv("SECURED_API_KEY", "bad key\n")
    with pytest.raises(sdk.APIError, match="SECURED_API_KEY.*whitespace"):
        sdk.Secured(base_url=scripted_server.url)


def test_token_callables_are_called_for_every_request(
    sdk: ModuleType, scripted_server: ScriptedServer
) -> None:
    tokens = iter(["t1", "t2", "t3"])
    scripted_server.script(Reply(503, headers={"Retry-After": "0"}), Reply(204), Reply(204), Reply(204))
    with sdk.Secured(base_url=scripted_server.url, oauth=lambda: next(tokens)) as client:
        client.calls.oauth()  # retried once: the same token
        client.calls.oauth()

    async def main() -> None:
        async with sdk.AsyncSecured(base_url=scripted_server.url, oidc=lambda: "async-token") as client:
            await client.calls.oidc()

    asyncio.run(main())
    assert [r.header("Authorization") for r in scripted_server.requests] == [
        "Bearer t1",
        "Bearer t1",
        "Bearer t2",
        "Bearer async-token",
    ]
    with (
        sdk.Secured(base_url=scripted_server.url, oauth=lambda: "") as client,
        pytest.raises(sdk.APIError, match="oauth callable"),
    ):
        client.calls.oauth()


def test_credentials_are_not_sent_where_the_call_needs_none(
    sdk: ModuleType, scripted_server: ScriptedServer
) -> None:
    scripted_server.script(Reply(204))
    with sdk.Secured(base_url=scripted_server.url, **ALL, default_headers={"X-Trace": "1"}) as client:
        client.calls.public()
    request = scripted_server.requests[0]
    check(request, {}, "", None)
    assert request.header("X-Trace") == "1"
