"""Contract tests of spec/chatkit.yaml: a Prism mock of it answers real HTTP as the spec says,
and the shared payload vectors agree with the spec's schemas.

The generated SDK is not used here: requests go through httpx directly.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from generator.loading.spec import load_spec

SPEC_URI = "urn:oasgen:chatkit"
AUTH = {"Authorization": "Bearer sk-test"}
BETA = {"OpenAI-Beta": "chatkit_beta=v1"}
MINIMAL_CREATE = {"user": "user_789", "workflow": {"id": "workflow_alpha"}}


def _without(schema_node: Any, keyword: str) -> Any:
    if isinstance(schema_node, dict):
        return {k: _without(v, keyword) for k, v in schema_node.items() if k != keyword}
    if isinstance(schema_node, list):
        return [_without(v, keyword) for v in schema_node]
    return schema_node


@pytest.fixture(scope="module")
def spec_data(repo_root: Path) -> dict[str, Any]:
    data = load_spec(repo_root / "spec" / "chatkit.yaml").data
    assert isinstance(data, dict)
    return data


def _validator(spec_data: dict[str, Any], schema: str, open_enums: bool = False) -> Draft202012Validator:
    contents = copy.deepcopy(spec_data)
    if open_enums:  # SDK enums are forward compatible: an unknown value is not an error
        contents["components"]["schemas"] = _without(contents["components"]["schemas"], "enum")
    registry: Registry[Any] = Registry().with_resource(
        SPEC_URI, Resource.from_contents(contents, default_specification=DRAFT202012)
    )
    return Draft202012Validator({"$ref": f"{SPEC_URI}#/components/schemas/{schema}"}, registry=registry)


def _violations(response: httpx.Response) -> list[dict[str, Any]]:
    raw = response.headers.get("sl-violations")
    assert raw, f"Prism gave no sl-violations header; status {response.status_code}: {response.text}"
    found = json.loads(raw)
    assert isinstance(found, list)
    return found


def _post(url: str, body: object | None = None, headers: dict[str, str] | None = None) -> httpx.Response:
    hdrs = {**AUTH, **BETA} if headers is None else headers
    return httpx.post(url, json=body, headers=hdrs, timeout=10.0)


# -- success --------------------------------------------------------------------------------------


def test_create_returns_a_valid_session(prism_url: str, spec_data: dict[str, Any]) -> None:
    response = _post(f"{prism_url}/chatkit/sessions", MINIMAL_CREATE)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    _validator(spec_data, "ChatSession").validate(body)
    assert body["object"] == "chatkit.session"
    assert body["status"] == "active"


def test_create_accepts_the_full_request_example(prism_url: str, spec_data: dict[str, Any]) -> None:
    media = spec_data["paths"]["/chatkit/sessions"]["post"]["requestBody"]["content"]["application/json"]
    full = media["examples"]["full"]["value"]
    response = _post(f"{prism_url}/chatkit/sessions", full)
    assert response.status_code == 200, response.headers.get("sl-violations")
    assert "sl-violations" not in response.headers


def test_cancel_returns_a_cancelled_session(prism_url: str, spec_data: dict[str, Any]) -> None:
    response = _post(f"{prism_url}/chatkit/sessions/cksess_123/cancel")
    assert response.status_code == 200, response.text
    body = response.json()
    _validator(spec_data, "ChatSession").validate(body)
    assert body["status"] == "cancelled"


def test_session_validator_is_not_vacuous(spec_data: dict[str, Any]) -> None:
    media = spec_data["paths"]["/chatkit/sessions"]["post"]["responses"]["200"]["content"]["application/json"]
    broken = copy.deepcopy(media["examples"]["active"]["value"])
    broken["workflow"]["state_variables"] = {"x": [1]}
    assert not _validator(spec_data, "ChatSession").is_valid(broken)


# -- refusals ---------------------------------------------------------------------------------------
# The spec documents 400 for invalid requests, so Prism answers 400 (it only invents a 422 when the
# operation has neither 422 nor 400); the sl-violations header says which rule was broken.


@pytest.mark.parametrize(
    ("body", "location", "code"),
    [
        ({"workflow": {"id": "workflow_alpha"}}, ["request", "body"], "required"),
        ({"user": "", "workflow": {"id": "workflow_alpha"}}, ["request", "body", "user"], "minLength"),
        (
            {"user": "u", "workflow": {"id": "w"}, "expires_after": {"anchor": "created_at", "seconds": 601}},
            ["request", "body", "expires_after", "seconds"],
            "maximum",
        ),
    ],
    ids=["missing-user", "empty-user", "seconds-601"],
)
def test_invalid_create_body_is_refused(
    prism_url: str, spec_data: dict[str, Any], body: dict[str, Any], location: list[str], code: str
) -> None:
    response = _post(f"{prism_url}/chatkit/sessions", body)
    assert response.status_code == 400
    assert any(v["location"] == location and v["code"] == code for v in _violations(response))
    _validator(spec_data, "ErrorResponse").validate(response.json())


@pytest.mark.parametrize("path", ["/chatkit/sessions", "/chatkit/sessions/cksess_123/cancel"])
@pytest.mark.parametrize(
    ("beta", "location", "code"),
    [
        (None, ["request", "header"], "required"),
        ("chatkit_beta=v2", ["request", "header", "openai-beta"], "const"),
    ],
    ids=["missing-beta", "wrong-beta"],
)
def test_beta_header_is_required_and_constant(
    prism_url: str, path: str, beta: str | None, location: list[str], code: str
) -> None:
    headers = dict(AUTH) if beta is None else {**AUTH, "OpenAI-Beta": beta}
    response = _post(prism_url + path, MINIMAL_CREATE, headers)
    assert response.status_code == 400
    assert any(v["location"] == location and v["code"] == code for v in _violations(response))


def test_missing_bearer_token_is_unauthorized(prism_url: str, spec_data: dict[str, Any]) -> None:
    response = _post(f"{prism_url}/chatkit/sessions", MINIMAL_CREATE, dict(BETA))
    assert response.status_code == 401
    _validator(spec_data, "ErrorResponse").validate(response.json())


def test_unknown_path_is_not_found(prism_url: str) -> None:
    response = _post(f"{prism_url}/chatkit/threads")
    assert response.status_code == 404
    assert "NO_PATH_MATCHED" in response.json()["type"]


# -- shared payload vectors agree with the spec -----------------------------------------------------


def _vectors(repo_root: Path) -> list[dict[str, Any]]:
    data = json.loads((repo_root / "tests" / "vectors" / "chatkit.json").read_text(encoding="utf-8"))
    vectors = data["vectors"]
    assert isinstance(vectors, list)
    return vectors


def _error_paths(validator: Draft202012Validator, payload: object) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    pending = list(validator.iter_errors(payload))
    while pending:
        err = pending.pop()
        pending.extend(err.context or [])
        path = ".".join(str(p) for p in err.absolute_path)
        if err.validator == "required":
            missing = err.message.split("'")[1]
            path = f"{path}.{missing}" if path else missing
        found.add((path, str(err.validator)))
    return found


def test_vectors_agree_with_the_spec(repo_root: Path, spec_data: dict[str, Any]) -> None:
    vectors = _vectors(repo_root)
    names = [v["name"] for v in vectors]
    assert len(names) == len(set(names)), "vector names must be unique"
    assert {v["valid"] for v in vectors} == {True, False}
    problems = []
    for v in vectors:
        validator = _validator(spec_data, v["schema"], open_enums=True)
        found = _error_paths(validator, v["payload"])
        if v["valid"]:
            if found:
                problems.append(f"{v['name']}: should be valid, got {sorted(found)}")
            continue
        rules = {"type": {"type", "oneOf", "anyOf"}}.get(v["rule"], {v["rule"]})
        if not any(path == v["error_path"] and rule in rules for path, rule in found):
            problems.append(f"{v['name']}: expected {v['rule']} at {v['error_path']!r}, got {sorted(found)}")
    assert not problems, "\n".join(problems)
