"""The generated ChatKit client against a scripted HTTP server on 127.0.0.1: the exact requests it
sends, how it retries, and how responses and errors come back. Async parity is at the end."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import chatkit
import pytest
from chatkit import (
    APIError,
    APIStatusError,
    APITimeoutError,
    AsyncChatKit,
    ChatKit,
    ChatSession,
    ChatSessionStatus,
    ValidationError,
)

from tests.python.conftest import make_session_json
from tests.servers.scripted import RecordedRequest, Reply, ScriptedServer

KEY = "sk-test-key-123"
CREATE_PATH = "/chatkit/sessions"


def make_client(server: ScriptedServer, **kwargs: Any) -> ChatKit:
    return ChatKit(api_key=KEY, base_url=server.url, **kwargs)


def ok(**overrides: object) -> Reply:
    return Reply(200, json=make_session_json(**overrides), headers={"x-request-id": "req_ok"})


def body_of(request: RecordedRequest) -> object:
    return json.loads(request.body)


# -- the request -------------------------------------------------------------------------------------
def test_create_minimal_request_is_exact(scripted_server: ScriptedServer) -> None:
    scripted_server.script(ok())
    with make_client(scripted_server) as client:
        session = client.sessions.create(user="user_789", workflow={"id": "workflow_alpha"})
    assert isinstance(session, ChatSession)
    assert session.status is ChatSessionStatus.ACTIVE
    assert session.workflow.state_variables == {"plan": "pro", "beta": True, "seats": 12, "ratio": 1.5}
    [request] = scripted_server.requests
    assert request.method == "POST"
    assert request.path == CREATE_PATH
    assert body_of(request) == {"user": "user_789", "workflow": {"id": "workflow_alpha"}}
    assert request.header("OpenAI-Beta") == "chatkit_beta=v1"
    assert request.header("Authorization") == f"Bearer {KEY}"
    assert request.header("Content-Type") == "application/json"
    user_agent = request.header("User-Agent") or ""
    assert user_agent.startswith(f"chatkit-python/{chatkit.__version__} "), user_agent
    assert len(request.header_all("OpenAI-Beta")) == 1


FULL_BODY: dict[str, Any] = {
    "user": "user_789",
    "workflow": {
        "id": "workflow_alpha",
        "version": "3",
        "state_variables": {"flag": True, "n": 1, "x": 1.5, "s": "1"},
        "tracing": {"enabled": False},
    },
    "expires_after": {"anchor": "created_at", "seconds": 300},
    "rate_limits": {"max_requests_per_1_minute": 20},
    "chatkit_configuration": {
        "automatic_thread_titling": {"enabled": False},
        "file_upload": {"enabled": True, "max_file_size": 16, "max_files": 3},
        "history": {"enabled": True, "recent_threads": 5},
    },
}


def test_create_with_dicts_and_with_models_send_the_same_body(scripted_server: ScriptedServer) -> None:
    scripted_server.script(ok(), ok())
    with make_client(scripted_server) as client:
        client.sessions.create(
            user="user_789",
            workflow=FULL_BODY["workflow"],
            expires_after={"seconds": 300},  # the const anchor is filled in
            rate_limits={"max_requests_per_1_minute": 20},
            chatkit_configuration=FULL_BODY["chatkit_configuration"],
        )
        client.sessions.create(
            user="user_789",
            workflow=chatkit.ChatSessionWorkflowParam(
                id="workflow_alpha",
                version="3",
                state_variables={"flag": True, "n": 1, "x": 1.5, "s": "1"},
                tracing=chatkit.ChatSessionWorkflowTracingParam(enabled=False),
            ),
            expires_after=chatkit.ChatSessionExpiresAfterParam(seconds=300),
            rate_limits=chatkit.ChatSessionRateLimitsParam(max_requests_per_1_minute=20),
            chatkit_configuration=chatkit.ChatSessionChatKitConfigurationParam(
                automatic_thread_titling=chatkit.ChatSessionAutomaticThreadTitlingParam(enabled=False),
                file_upload=chatkit.ChatSessionFileUploadParam(enabled=True, max_file_size=16, max_files=3),
                history=chatkit.ChatSessionHistoryParam(enabled=True, recent_threads=5),
            ),
        )
    first, second = scripted_server.requests
    assert body_of(first) == FULL_BODY
    assert first.body == second.body  # byte for byte, key order included
    state = body_of(first)["workflow"]["state_variables"]  # type: ignore[index]
    assert [type(state[k]) for k in ("flag", "n", "x", "s")] == [bool, int, float, str]


def test_optional_fields_never_sent_unless_set(scripted_server: ScriptedServer) -> None:
    scripted_server.script(ok())
    with make_client(scripted_server) as client:
        client.sessions.create(user="u", workflow={"id": "w", "tracing": {}}, chatkit_configuration={})
    assert body_of(scripted_server.requests[0]) == {
        "user": "u",
        "workflow": {"id": "w", "tracing": {}},
        "chatkit_configuration": {},
    }


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"user": None}, "user"),
        ({"workflow": {"id": "w", "version": None}}, "workflow.version"),
        ({"workflow": {"id": "w", "state_variables": None}}, "workflow.state_variables"),
        ({"expires_after": None}, "expires_after"),
        ({"rate_limits": None}, "rate_limits"),
        ({"chatkit_configuration": None}, "chatkit_configuration"),
        ({"workflow": None}, "workflow"),
    ],
)
def test_none_is_rejected_where_the_schema_has_no_null(
    scripted_server: ScriptedServer, kwargs: dict[str, Any], path: str
) -> None:
    # SessionCreateParams has no nullable field, so None is never sent as null.
    args: dict[str, Any] = {"user": "u", "workflow": {"id": "w"}, **kwargs}
    with make_client(scripted_server) as client, pytest.raises(ValidationError) as info:
        client.sessions.create(**args)
    assert info.value.path == path
    assert scripted_server.requests == []


def test_extra_headers_apply_to_one_call(scripted_server: ScriptedServer) -> None:
    scripted_server.script(ok(), ok())
    with make_client(scripted_server) as client:
        client.sessions.cancel("s1", extra_headers={"X-Trace": "abc", "openai-beta": "chatkit_beta=v2"})
        client.sessions.cancel("s1")
    first, second = scripted_server.requests
    assert first.header("X-Trace") == "abc"
    assert first.header_all("OpenAI-Beta") == ["chatkit_beta=v2"]
    assert second.header("X-Trace") is None
    assert second.header("OpenAI-Beta") == "chatkit_beta=v1"


# -- path encoding -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("session_id", "segment"),
    [("cksess_1", "cksess_1"), ("../x", "..%2Fx"), ("a/b", "a%2Fb"), ("a b?c#d", "a%20b%3Fc%23d")],
)
def test_cancel_encodes_the_id_as_one_segment(
    scripted_server: ScriptedServer, session_id: str, segment: str
) -> None:
    scripted_server.script(ok(status="cancelled"))
    with make_client(scripted_server) as client:
        session = client.sessions.cancel(session_id)
    assert session.status is ChatSessionStatus.CANCELLED
    [request] = scripted_server.requests
    assert request.method == "POST"
    assert request.path == f"/chatkit/sessions/{segment}/cancel"
    assert request.body == b""
    assert request.header("OpenAI-Beta") == "chatkit_beta=v1"


@pytest.mark.parametrize("session_id", ["", ".", ".."])
def test_cancel_rejects_ids_that_address_another_resource(
    scripted_server: ScriptedServer, session_id: str
) -> None:
    with make_client(scripted_server) as client, pytest.raises(ValidationError) as info:
        client.sessions.cancel(session_id)
    assert info.value.path == "session_id"
    assert scripted_server.requests == []


# -- retries and timeouts -----------------------------------------------------------------------------
@pytest.mark.parametrize("status", [429, 503])
def test_retryable_status_then_success(scripted_server: ScriptedServer, status: int) -> None:
    scripted_server.script(
        Reply(status, json={"error": {"message": "busy"}}, headers={"Retry-After": "0"}), ok()
    )
    with make_client(scripted_server) as client:
        response = client.sessions.with_raw_response.create(user="u", workflow={"id": "w"})
    assert response.parse().id == "cksess_123"
    assert response.retries_taken == 1
    assert len(scripted_server.requests) == 2
    first, second = scripted_server.requests
    assert first.body == second.body and second.path == CREATE_PATH


def test_400_is_not_retried(scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(400, json={"error": {"message": "bad"}}))
    with make_client(scripted_server) as client, pytest.raises(chatkit.BadRequestError):
        client.sessions.create(user="u", workflow={"id": "w"})
    assert len(scripted_server.requests) == 1


def test_max_retries_zero_makes_one_attempt(scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(503, headers={"Retry-After": "0"}))
    with make_client(scripted_server, max_retries=0) as client, pytest.raises(chatkit.InternalServerError):
        client.sessions.cancel("s1")
    assert len(scripted_server.requests) == 1


def test_per_call_timeout_is_retried_then_raised(scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(200, json=make_session_json(), delay=1.0), Reply(200, json={}, delay=1.0))
    with make_client(scripted_server, max_retries=1) as client, pytest.raises(APITimeoutError):
        client.sessions.create(user="u", workflow={"id": "w"}, timeout=0.2)
    assert len(scripted_server.requests) == 2


# -- errors -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, chatkit.BadRequestError),
        (401, chatkit.AuthenticationError),
        (403, chatkit.PermissionDeniedError),
        (404, chatkit.NotFoundError),
        (409, chatkit.ConflictError),
        (422, chatkit.UnprocessableEntityError),
        (429, chatkit.RateLimitError),
        (500, chatkit.InternalServerError),
        (503, chatkit.InternalServerError),
    ],
)
def test_error_status_maps_to_exception(
    scripted_server: ScriptedServer, status: int, cls: type[APIStatusError]
) -> None:
    body = {
        "error": {
            "message": f"failure {status}",
            "type": "invalid_request_error",
            "param": None,
            "code": "c1",
        }
    }
    scripted_server.script(Reply(status, json=body, headers={"x-request-id": f"req_{status}"}))
    with make_client(scripted_server, max_retries=0) as client, pytest.raises(APIStatusError) as info:
        client.sessions.cancel("s1")
    err = info.value
    assert type(err) is cls
    assert err.status_code == status
    assert err.body == body
    assert err.message == f"failure {status}"
    assert err.request_id == f"req_{status}"
    assert (err.code, err.type, err.param) == ("c1", "invalid_request_error", None)
    assert len(scripted_server.requests) == 1


def test_non_json_error_body(scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(502, body="<html>Bad gateway</html>"))
    with (
        make_client(scripted_server, max_retries=0) as client,
        pytest.raises(chatkit.InternalServerError) as info,
    ):
        client.sessions.cancel("s1")
    assert info.value.status_code == 502
    assert info.value.body is None
    assert "502" in info.value.message and "Bad gateway" in info.value.message


# -- responses ----------------------------------------------------------------------------------------
def test_unknown_enum_and_extra_fields_are_kept(scripted_server: ScriptedServer) -> None:
    payload = make_session_json(status="paused", new_top={"a": [1, 2.5, None]})
    payload["workflow"] = {**payload["workflow"], "new_nested": True}  # type: ignore[dict-item]
    scripted_server.script(Reply(200, json=payload))
    with make_client(scripted_server) as client:
        session = client.sessions.create(user="u", workflow={"id": "w"})
    assert not session.status.is_known
    assert str(session.status) == "paused"
    assert session.extra_fields == {"new_top": {"a": [1, 2.5, None]}}
    assert session.workflow.extra_fields == {"new_nested": True}
    assert json.dumps(session.to_dict(), sort_keys=True) == json.dumps(payload, sort_keys=True)


def test_invalid_response_data_raises_validation_error(scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(200, json=make_session_json(expires_at="soon")))
    with make_client(scripted_server) as client:
        raw = client.sessions.with_raw_response.create(user="u", workflow={"id": "w"})
        assert raw.status_code == 200
        with pytest.raises(ValidationError) as info:
            raw.parse()
    assert info.value.path == "expires_at"
    assert "expires_at" in str(info.value) and "integer" in str(info.value)


def test_raw_response_access(scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(200, json=make_session_json(), headers={"x-request-id": "req_abc"}))
    with make_client(scripted_server) as client:
        raw = client.sessions.with_raw_response.cancel("s1")
    assert raw.status_code == 200
    assert raw.headers["x-request-id"] == "req_abc"
    assert raw.request_id == "req_abc"
    assert raw.parse() == ChatSession.from_dict(make_session_json())
    assert raw.parse() is raw.parse()


# -- configuration ------------------------------------------------------------------------------------
@pytest.mark.parametrize("cls", [ChatKit, AsyncChatKit])
def test_missing_api_key_names_the_variable(monkeypatch: pytest.MonkeyPatch, cls: type[Any]) -> None:
    monkeypatch.delenv("CHATKIT_API_KEY", raising=False)
    with pytest.raises(APIError, match="CHATKIT_API_KEY"):
        cls(base_url="http://127.0.0.1:9")


def test_env_fallback_for_key_and_base_url(
    scripted_server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHATKIT_API_KEY", "sk-from-env")
    monkeypatch.setenv("CHATKIT_BASE_URL", scripted_server.url + "/v1/")
    scripted_server.script(ok())
    with ChatKit() as client:
        client.sessions.cancel("s1")
    [request] = scripted_server.requests
    assert request.header("Authorization") == "Bearer sk-from-env"
    assert request.path == "/v1/chatkit/sessions/s1/cancel"


# -- async parity -------------------------------------------------------------------------------------
def async_client(server: ScriptedServer, **kwargs: Any) -> AsyncChatKit:
    return AsyncChatKit(api_key=KEY, base_url=server.url, **kwargs)


def test_async_create_and_cancel(scripted_server: ScriptedServer) -> None:
    scripted_server.script(ok(), ok(status="cancelled"))

    async def run() -> tuple[ChatSession, ChatSession]:
        async with async_client(scripted_server) as client:
            created = await client.sessions.create(
                user="user_789", workflow={"id": "workflow_alpha"}, expires_after={"seconds": 300}
            )
            cancelled = await client.sessions.cancel("a/b")
            return created, cancelled

    created, cancelled = asyncio.run(run())
    assert created.status is ChatSessionStatus.ACTIVE
    assert cancelled.status is ChatSessionStatus.CANCELLED
    first, second = scripted_server.requests
    assert (first.method, first.path) == ("POST", CREATE_PATH)
    assert body_of(first) == {
        "user": "user_789",
        "workflow": {"id": "workflow_alpha"},
        "expires_after": {"anchor": "created_at", "seconds": 300},
    }
    assert (second.method, second.path) == ("POST", "/chatkit/sessions/a%2Fb/cancel")
    for request in (first, second):
        assert request.header("OpenAI-Beta") == "chatkit_beta=v1"
        assert request.header("Authorization") == f"Bearer {KEY}"
        assert (request.header("User-Agent") or "").startswith(f"chatkit-python/{chatkit.__version__}")


def test_async_validation_before_request(scripted_server: ScriptedServer) -> None:
    async def run() -> None:
        async with async_client(scripted_server) as client:
            with pytest.raises(ValidationError) as info:
                await client.sessions.cancel("")
            assert info.value.path == "session_id"
            with pytest.raises(ValidationError) as info:
                await client.sessions.create(user="", workflow={"id": "w"})
            assert info.value.path == "user"

    asyncio.run(run())
    assert scripted_server.requests == []


def test_async_retry_then_success_and_error_mapping(scripted_server: ScriptedServer) -> None:
    scripted_server.script(
        Reply(429, headers={"Retry-After": "0"}),
        ok(),
        Reply(404, json={"error": {"message": "no such session"}}, headers={"x-request-id": "req_404"}),
    )

    async def run() -> tuple[int, chatkit.NotFoundError]:
        async with async_client(scripted_server) as client:
            raw = await client.sessions.with_raw_response.create(user="u", workflow={"id": "w"})
            with pytest.raises(chatkit.NotFoundError) as info:
                await client.sessions.cancel("missing")
            return raw.status_code, info.value

    status, err = asyncio.run(run())
    assert status == 200
    assert (err.status_code, err.message, err.request_id) == (404, "no such session", "req_404")
    assert len(scripted_server.requests) == 3


def test_async_timeout(scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(200, json={}, delay=1.0), Reply(200, json={}, delay=1.0))

    async def run() -> None:
        async with async_client(scripted_server, max_retries=1) as client:
            await client.sessions.cancel("s1", timeout=0.2)

    with pytest.raises(APITimeoutError):
        asyncio.run(run())
    assert len(scripted_server.requests) == 2
