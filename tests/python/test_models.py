"""The generated models: presence, nulls, JSON kinds, secrets, open enums, validation messages,
request constraints enforced before any HTTP request, and a property test of the ChatSession
round trip over payloads generated from the spec's own JSON Schema."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from chatkit import (
    NOT_GIVEN,
    ChatKit,
    ChatKitWorkflow,
    ChatSession,
    ChatSessionExpiresAfterParam,
    ChatSessionStatus,
    ChatSessionWorkflowParam,
    SessionCreateParams,
    ValidationError,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from jsonschema import Draft202012Validator

from tests.python.conftest import make_session_json
from tests.servers.scripted import Reply, ScriptedServer

SPEC = Path(__file__).resolve().parents[2] / "spec" / "chatkit.yaml"
SECRET = "ek_secret_value_42"


# -- presence and null --------------------------------------------------------------------------------
def test_optional_absent_is_not_given_and_not_emitted() -> None:
    params = SessionCreateParams.from_dict({"user": "u", "workflow": {"id": "w"}})
    assert params.expires_after is NOT_GIVEN
    assert params.rate_limits is NOT_GIVEN and params.chatkit_configuration is NOT_GIVEN
    assert params.workflow.version is NOT_GIVEN and params.workflow.state_variables is NOT_GIVEN
    assert params.to_dict() == {"user": "u", "workflow": {"id": "w"}}
    assert list(params.to_dict()["workflow"]) == ["id"]


def test_nullable_null_is_kept_and_distinct_from_absent() -> None:
    data = {"id": "w", "version": None, "state_variables": None, "tracing": {"enabled": False}}
    workflow = ChatKitWorkflow.from_dict(data)
    assert workflow.version is None and workflow.state_variables is None
    assert workflow.to_dict() == data
    absent = {k: v for k, v in data.items() if k != "version"}
    with pytest.raises(ValidationError) as info:  # required-and-nullable: null is fine, absence is not
        ChatKitWorkflow.from_dict(absent)
    assert (info.value.path, info.value.message) == ("version", "is required")


def test_optional_field_is_not_nullable() -> None:
    with pytest.raises(ValidationError) as info:
        ChatSessionWorkflowParam.from_dict({"id": "w", "tracing": None})
    assert info.value.path == "tracing"
    assert str(info.value) == "tracing: expected object, got null"


def test_constructors_fill_const_fields_and_omit_unset_optionals() -> None:
    assert ChatSessionExpiresAfterParam(seconds=5).to_dict() == {"anchor": "created_at", "seconds": 5}
    assert ChatSessionWorkflowParam(id="w").to_dict() == {"id": "w"}
    session = ChatSession.from_dict(make_session_json())
    rebuilt = ChatSession(
        id=session.id,
        expires_at=session.expires_at,
        client_secret=session.client_secret,
        workflow=session.workflow,
        user=session.user,
        rate_limits=session.rate_limits,
        max_requests_per_1_minute=session.max_requests_per_1_minute,
        status=ChatSessionStatus.ACTIVE,
        chatkit_configuration=session.chatkit_configuration,
    )
    assert rebuilt.object == "chatkit.session"
    assert rebuilt == session
    assert rebuilt.to_dict() == make_session_json()


# -- JSON kinds -------------------------------------------------------------------------------------------
def test_state_variables_keep_json_kinds() -> None:
    state = {"b": True, "f0": False, "i": 1, "x": 1.5, "s": "1", "whole": 1.0, "neg": -2000.0, "big": 2**70}
    data = make_session_json()
    data["workflow"] = {**data["workflow"], "state_variables": state}  # type: ignore[dict-item]
    parsed = ChatSession.from_dict(data).workflow.state_variables
    assert parsed is not None
    kinds = {k: type(v) for k, v in parsed.items()}
    assert kinds == {
        "b": bool,
        "f0": bool,
        "i": int,
        "x": float,
        "s": str,
        "whole": float,
        "neg": float,
        "big": int,
    }
    assert parsed["b"] is True and parsed["i"] == 1 and type(parsed["i"]) is not bool
    out = ChatSession.from_dict(data).to_dict()
    assert json.dumps(out, sort_keys=True) == json.dumps(data, sort_keys=True)


def test_request_state_variables_keep_json_kinds() -> None:
    params = ChatSessionWorkflowParam(id="w", state_variables={"b": True, "i": 1, "x": 1.5, "s": "1"})
    out = ChatSessionWorkflowParam.from_dict(params.to_dict()).to_dict()["state_variables"]
    assert [type(out[k]) for k in ("b", "i", "x", "s")] == [bool, int, float, str]


# -- secrets ---------------------------------------------------------------------------------------------
def test_client_secret_is_never_in_repr_or_str() -> None:
    session = ChatSession.from_dict(make_session_json(extra_top="visible"))
    assert session.client_secret == SECRET  # the value itself is available
    for text in (repr(session), str(session), repr([session]), str({"k": session}), repr((session, session))):
        assert SECRET not in text
        assert "cksess_123" in text  # the rest of the model is shown
        assert "client_secret=" in text
    assert SECRET in json.dumps(session.to_dict())


# -- enums ------------------------------------------------------------------------------------------------
def test_known_enum_values_are_members() -> None:
    assert ChatSession.from_dict(make_session_json()).status is ChatSessionStatus.ACTIVE
    assert ChatSession.from_dict(make_session_json(status="expired")).status is ChatSessionStatus.EXPIRED
    assert ChatSessionStatus("cancelled").is_known


def test_unknown_enum_value_is_kept() -> None:
    session = ChatSession.from_dict(make_session_json(status="paused"))
    status = session.status
    assert isinstance(status, ChatSessionStatus)
    assert status.is_known is False
    assert str(status) == "paused" and status.value == "paused"
    assert session.to_dict()["status"] == "paused"
    assert json.dumps(session.to_dict()["status"]) == '"paused"'


def test_enum_of_wrong_json_kind_is_rejected() -> None:
    with pytest.raises(ValidationError) as info:
        ChatSession.from_dict(make_session_json(status=1))
    assert info.value.path == "status"


# -- validation messages ----------------------------------------------------------------------------------
def test_validation_error_message_format() -> None:
    data = {"id": "w", "state_variables": {"ok": 1, "x": [1]}}
    with pytest.raises(ValidationError) as info:
        SessionCreateParams.from_dict({"user": "u", "workflow": data})
    err = info.value
    assert isinstance(err, ValueError)
    assert err.path == "workflow.state_variables.x"
    assert err.message == "expected string | boolean | number, got list"
    assert str(err) == "workflow.state_variables.x: expected string | boolean | number, got list"


def test_root_error_has_empty_path() -> None:
    with pytest.raises(ValidationError) as info:
        ChatSession.from_dict([])
    assert info.value.path == "" and str(info.value) == "expected object, got list"


# -- request constraints, enforced before any request ------------------------------------------------
_65_VARS = {f"k{i}": i for i in range(65)}


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"user": ""}, "user"),
        ({"workflow": {"id": "w", "state_variables": _65_VARS}}, "workflow.state_variables"),
        ({"expires_after": {"seconds": 0}}, "expires_after.seconds"),
        ({"expires_after": ChatSessionExpiresAfterParam(seconds=0)}, "expires_after.seconds"),
        ({"workflow": ChatSessionWorkflowParam(id=5)}, "workflow.id"),  # type: ignore[arg-type]
        ({"expires_after": {"seconds": 601}}, "expires_after.seconds"),
        ({"expires_after": {"anchor": "now", "seconds": 60}}, "expires_after.anchor"),
        ({"rate_limits": {"max_requests_per_1_minute": 0}}, "rate_limits.max_requests_per_1_minute"),
        (
            {"chatkit_configuration": {"file_upload": {"max_file_size": 513}}},
            "chatkit_configuration.file_upload.max_file_size",
        ),
        ({"workflow": {"id": "w", "state_variables": {"x": {"y": 1}}}}, "workflow.state_variables.x"),
    ],
)
def test_constraints_fail_before_any_request(
    scripted_server: ScriptedServer, kwargs: dict[str, Any], path: str
) -> None:
    args: dict[str, Any] = {"user": "u", "workflow": {"id": "w"}, **kwargs}
    with ChatKit(api_key="k", base_url=scripted_server.url) as client, pytest.raises(ValidationError) as info:
        client.sessions.create(**args)
    assert info.value.path == path
    assert len(scripted_server.requests) == 0


@pytest.mark.parametrize(
    "kwargs",
    [
        {"user": "x"},
        {"workflow": {"id": "w", "state_variables": dict(list(_65_VARS.items())[:64])}},
        {"expires_after": {"seconds": 1}},
        {"expires_after": {"seconds": 600}},
        {"chatkit_configuration": {"file_upload": {"max_file_size": 512}}},
    ],
)
def test_boundary_values_are_sent(scripted_server: ScriptedServer, kwargs: dict[str, Any]) -> None:
    scripted_server.script(Reply(200, json=make_session_json()))
    args: dict[str, Any] = {"user": "u", "workflow": {"id": "w"}, **kwargs}
    with ChatKit(api_key="k", base_url=scripted_server.url) as client:
        client.sessions.create(**args)
    [request] = scripted_server.requests
    sent = json.loads(request.body)
    for key, value in kwargs.items():
        expected = {"anchor": "created_at", **value} if key == "expires_after" else value
        assert sent[key] == expected


# -- property test: ChatSession round trip over schema-generated payloads -------------------------------
_DROP = {"description", "title", "format", "example", "examples", "default"}


def _resolve(node: Any, schemas: dict[str, Any], seen: tuple[str, ...] = ()) -> Any:
    """Inline every ``#/components/schemas/...`` $ref (no cycles in this spec) and drop annotations."""
    if isinstance(node, list):
        return [_resolve(x, schemas, seen) for x in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        assert name not in seen, f"cyclic $ref {name}"
        return _resolve(schemas[name], schemas, (*seen, name))
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _DROP or key.startswith("x-"):
            continue
        if key == "properties":  # property names are data, not keywords
            out[key] = {name: _resolve(sub, schemas, seen) for name, sub in value.items()}
        else:
            out[key] = _resolve(value, schemas, seen)
    return out


def chat_session_schema(open_enums: bool) -> dict[str, Any]:
    schemas = yaml.safe_load(SPEC.read_text(encoding="utf-8"))["components"]["schemas"]
    schemas = copy.deepcopy(schemas)
    if open_enums:  # the SDK's enums are open: any string must round-trip
        schemas["ChatSessionStatus"] = {"anyOf": [schemas["ChatSessionStatus"], {"type": "string"}]}
    resolved: dict[str, Any] = _resolve(schemas["ChatSession"], schemas)
    assert "$ref" not in json.dumps(resolved)
    return resolved


def test_resolved_schema_is_self_contained() -> None:
    schema = chat_session_schema(open_enums=False)
    assert schema["properties"]["workflow"]["properties"]["tracing"]["required"] == ["enabled"]
    assert schema["properties"]["status"]["enum"] == ["active", "expired", "cancelled"]


# hypothesis-jsonschema 0.23.1 cannot draw objects under hypothesis 6.170.15 (its object strategy
# calls ``cu.many(...).more()``, which that hypothesis no longer has: AttributeError). So objects are
# drawn here, straight from the schema's properties/required/additionalProperties, and every other
# subschema (scalars, const, enum, the oneOf of state values, nullable integers) by hypothesis-jsonschema.
_JSON_SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
)
_ANY_JSON = st.recursive(
    _JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


def strategy_for(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    if "anyOf" in schema:
        return st.one_of([strategy_for(sub) for sub in schema["anyOf"]])
    if schema.get("type") != "object":
        return from_schema(schema)
    props: dict[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", []))
    known = st.fixed_dictionaries(
        {k: strategy_for(v) for k, v in props.items() if k in required},
        optional={k: strategy_for(v) for k, v in props.items() if k not in required},
    )
    additional = schema.get("additionalProperties", True)
    if additional is False:
        return known
    values = _ANY_JSON if additional is True else strategy_for(additional)
    extra = st.dictionaries(st.text(max_size=12).filter(lambda k: k not in props), values, max_size=4)
    return st.tuples(known, extra).map(lambda pair: {**pair[1], **pair[0]})


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategy_for(chat_session_schema(open_enums=True)))
def test_chat_session_round_trip_property(payload: dict[str, Any]) -> None:
    session = ChatSession.from_dict(payload)
    out = session.to_dict()
    assert out == payload
    assert json.dumps(out, sort_keys=True) == json.dumps(payload, sort_keys=True)
    assert "client_secret='**********'" in repr(session)


@settings(max_examples=30, deadline=None)
@given(strategy_for(chat_session_schema(open_enums=False)))
def test_generated_payloads_are_schema_valid(payload: dict[str, Any]) -> None:
    """The strategy is not vacuous: it draws what the spec's schema accepts, and the model accepts it."""
    Draft202012Validator(chat_session_schema(open_enums=False)).validate(payload)
    assert ChatSession.from_dict(payload).status.is_known
