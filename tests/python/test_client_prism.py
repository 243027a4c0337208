"""The generated ChatKit client against a Prism mock of spec/chatkit.yaml (request validation on)."""

from __future__ import annotations

import asyncio
import json

import pytest
from chatkit import (
    APIResponse,
    AsyncChatKit,
    BadRequestError,
    ChatKit,
    ChatSession,
    ChatSessionStatus,
    ChatSessionWorkflowParam,
)

KEY = "sk-prism-test"
FULL_CREATE = {
    "user": "user_789",
    "workflow": {
        "id": "workflow_alpha",
        "version": "3",
        "state_variables": {"plan": "pro", "beta": True, "seats": 12, "ratio": 0.5},
        "tracing": {"enabled": False},
    },
    "expires_after": {"seconds": 300},
    "rate_limits": {"max_requests_per_1_minute": 20},
    "chatkit_configuration": {
        "automatic_thread_titling": {"enabled": True},
        "file_upload": {"enabled": True, "max_file_size": 16, "max_files": 3},
        "history": {"enabled": False, "recent_threads": 4},
    },
}


def check_active(session: ChatSession) -> None:
    assert isinstance(session, ChatSession)
    assert session.status is ChatSessionStatus.ACTIVE
    assert session.object == "chatkit.session"
    assert session.id == "cksess_123"
    assert session.workflow.state_variables == {"plan": "pro", "beta_features": True, "seats": 12}
    assert type(session.workflow.state_variables["beta_features"]) is bool
    assert session.chatkit_configuration.history.recent_threads is None


def check_cancelled(session: ChatSession) -> None:
    assert session.status is ChatSessionStatus.CANCELLED
    assert session.workflow.version is None and session.workflow.state_variables is None
    assert session.chatkit_configuration.file_upload.max_files is None
    assert session.rate_limits.max_requests_per_1_minute == 10


def test_sync_create_minimal_and_full(prism_url: str) -> None:
    with ChatKit(api_key=KEY, base_url=prism_url, max_retries=0) as client:
        check_active(client.sessions.create(user="user_789", workflow=ChatSessionWorkflowParam(id="w")))
        check_active(client.sessions.create(**FULL_CREATE))  # type: ignore[arg-type]


def test_sync_cancel(prism_url: str) -> None:
    with ChatKit(api_key=KEY, base_url=prism_url, max_retries=0) as client:
        check_cancelled(client.sessions.cancel("cksess_123"))
        check_cancelled(client.sessions.cancel("a b/c"))  # encoded into one segment: still the route


def test_async_create_and_cancel(prism_url: str) -> None:
    async def run() -> tuple[ChatSession, ChatSession]:
        async with AsyncChatKit(api_key=KEY, base_url=prism_url, max_retries=0) as client:
            created = await client.sessions.create(**FULL_CREATE)  # type: ignore[arg-type]
            cancelled = await client.sessions.cancel("cksess_123")
            return created, cancelled

    created, cancelled = asyncio.run(run())
    check_active(created)
    check_cancelled(cancelled)


def test_raw_response(prism_url: str) -> None:
    with ChatKit(api_key=KEY, base_url=prism_url, max_retries=0) as client:
        raw = client.sessions.with_raw_response.create(user="u", workflow={"id": "w"})
    assert isinstance(raw, APIResponse)
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("application/json")
    assert "sl-violations" not in raw.headers
    session = raw.parse()
    check_active(session)
    assert session.to_dict() == json.loads(raw.content)


def test_async_raw_response(prism_url: str) -> None:
    async def run() -> APIResponse[ChatSession]:
        async with AsyncChatKit(api_key=KEY, base_url=prism_url, max_retries=0) as client:
            return await client.sessions.with_raw_response.cancel("cksess_123")

    raw = asyncio.run(run())
    assert raw.status_code == 200
    check_cancelled(raw.parse())


@pytest.mark.parametrize("operation", ["create", "cancel"])
def test_wrong_beta_header_is_refused_by_prism(prism_url: str, operation: str) -> None:
    # Our client validates bodies first, so the only spec violation it can be made to send is a header.
    wrong = {"OpenAI-Beta": "wrong"}
    with (
        ChatKit(api_key=KEY, base_url=prism_url, max_retries=0) as client,
        pytest.raises(BadRequestError) as info,
    ):
        if operation == "create":
            client.sessions.create(user="u", workflow={"id": "w"}, extra_headers=wrong)
        else:
            client.sessions.cancel("cksess_123", extra_headers=wrong)
    err = info.value
    assert err.status_code == 400
    violations = json.loads(err.response.headers["sl-violations"])
    assert any("openai-beta" in json.dumps(v).lower() for v in violations), violations
    assert isinstance(err.body, dict) and "error" in err.body


def test_async_wrong_beta_header_is_refused_by_prism(prism_url: str) -> None:
    async def run() -> None:
        async with AsyncChatKit(api_key=KEY, base_url=prism_url, max_retries=0) as client:
            await client.sessions.cancel("cksess_123", extra_headers={"OpenAI-Beta": "wrong"})

    with pytest.raises(BadRequestError) as info:
        asyncio.run(run())
    assert info.value.status_code == 400
