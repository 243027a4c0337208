"""The naming rule (generator/ir/grouping.py), ``[tool.oasgen.resources]`` and the resource tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.errors import SpecError, UsageError
from generator.ir.builder import build_api
from generator.ir.grouping import Body, path_call
from generator.ir.model import Api, Resource
from generator.loading.spec import load_spec

SPECS = Path(__file__).resolve().parent / "fixtures" / "specs"
RESOURCES = SPECS / "resources.yaml"


def call(method: str, path: str, op_id: str | None = None, body: Body | None = None) -> str:
    """The call path; by default a collection answers a list and an item an object."""
    item = path.partition("?")[0].rstrip("/").endswith("}")
    c = path_call(method, path, op_id, body or ("object" if item else "list"))
    return ".".join("_".join(w) for w in c.resource + (c.name,))


@pytest.mark.parametrize(
    ("method", "path", "op_id", "expected"),
    [
        ("GET", "/threads", "listThreads", "threads.list"),
        ("POST", "/threads", "createThread", "threads.create"),
        ("GET", "/threads/{thread_id}", "getThread", "threads.retrieve"),
        ("POST", "/threads/{thread_id}", "modifyThread", "threads.update"),
        ("PATCH", "/threads/{thread_id}", None, "threads.update"),
        ("DELETE", "/threads/{thread_id}", "deleteThread", "threads.delete"),
        ("GET", "/threads/{thread_id}/messages/{message_id}", "getMessage", "threads.messages.retrieve"),
        ("GET", "/threads/{thread_id}/messages", "listMessages", "threads.messages.list"),
        ("POST", "/threads/{thread_id}/runs/{run_id}/cancel", "cancelRun", "threads.runs.cancel"),
        (
            "POST",
            "/threads/{thread_id}/runs/{run_id}/submit_tool_outputs",
            "submitToolOuputsToRun",
            "threads.runs.submit_tool_outputs",
        ),
        ("POST", "/threads/runs", "createThreadAndRun", "threads.create_and_run"),
        ("POST", "/threads/{thread_id}/runs", "createRun", "threads.runs.create"),
        (
            "GET",
            "/organization/projects/{project_id}/users/{user_id}",
            "retrieve-project-user",
            "organization.projects.users.retrieve",
        ),
        ("GET", "/chatkit/threads", "ListThreadsMethod", "chatkit.threads.list"),
        (
            "DELETE",
            "/vector_stores/{vs}/files/{file_id}",
            "deleteVectorStoreFile",
            "vector_stores.files.delete",
        ),
        ("POST", "/fine_tuning/alpha/graders/run", "runGrader", "fine_tuning.alpha.graders.run"),
        (
            "POST",
            "/organization/certificates/activate",
            "activateCerts",
            "organization.certificates.activate",
        ),
        # resource-first operationIds keep the segment a resource
        ("GET", "/organization/admin_api_keys", "admin-api-keys-list", "organization.admin_api_keys.list"),
        ("GET", "/threads/{id}/messages", "messagesList", "threads.messages.list"),
        # one singular word after an item, by POST, is an action whatever the operationId
        ("POST", "/videos/{video_id}/remix", "CreateVideoRemix", "videos.remix"),
        ("POST", "/sessions/{id}/cancel", None, "sessions.cancel"),
        ("DELETE", "/sessions/{id}/cancel", "cancelSession", "sessions.delete_cancel"),
        ("POST", "/files/{id}:copy", "copyFile", "files.copy"),
        # a collection that is not a list is a singleton
        (
            "POST",
            "/organization/data_retention",
            "update-data-retention",
            "organization.data_retention.update",
        ),
        (
            "POST",
            "/organization/spend_limit",
            "Updateorganizationspendlimit",
            "organization.spend_limit.update",
        ),
        ("PUT", "/widgets/{id}", "replaceWidget", "widgets.replace"),
        ("PUT", "/widgets/{id}", "putWidget", "widgets.replace"),
        ("PUT", "/widgets/{id}", "setWidget", "widgets.update"),
        # version segments and a leading api are not resources; a query string is a namespace
        ("GET", "/v1/users/{id}", "getUser", "users.retrieve"),
        ("GET", "/api/v2/users", "listUsers", "users.list"),
        ("GET", "/v1", "root", "v_1.list"),
        ("GET", "/", None, "root.retrieve"),
        ("POST", "/responses/{id}/cancel?beta=true", "beta_cancelResponse", "beta.responses.cancel"),
        ("GET", "/responses?view=full", "listFull", "view_full.responses.list"),
    ],
)
def test_path_rule(method: str, path: str, op_id: str | None, expected: str) -> None:
    assert call(method, path, op_id) == expected


def test_a_get_is_list_or_retrieve_by_what_it_returns() -> None:
    assert call("GET", "/me", "getMe", body="object") == "me.retrieve"
    assert call("GET", "/me", "getMe", body="list") == "me.list"
    assert call("GET", "/files/{id}/content", "downloadFile", body="other") == "files.content.retrieve"
    assert call("GET", "/data_retention", "get-retention", body="object") == "data_retention.retrieve"
    assert call("GET", "/categories", "get-categories", body="object") == "categories.list"  # plural
    assert call("GET", "/categories", None, body="none") == "categories.list"
    assert call("GET", "/categories/{id}", "getCategory", body="array-field") == "categories.retrieve"
    assert call("GET", "/attachments/{type}/{id}", "attachmentsAll", body="list") == "attachments.list"


def api_of(spec: Path, options: dict[str, Any] | None = None) -> Api:
    return build_api(load_spec(spec), options)[0]


def calls(api: Api) -> dict[str, str]:
    return {op.id: ".".join("_".join(w) for w in op.resource + (op.name,)) for op in api.operations}


def test_fixture_tree_nests_as_the_paths_do() -> None:
    api = api_of(RESOURCES)

    def show(r: Resource, depth: int = 0) -> list[str]:
        line = "  " * depth + "_".join(r.name) + ": " + " ".join(r.operations)
        return [line] + [x for c in r.children for x in show(c, depth + 1)]

    tree = [x for r in api.resources for x in show(r)]
    assert tree == [
        "threads: createThread createThreadAndRun getThread deleteThread",
        "  messages: listMessages createMessage getMessage",
        "  runs: createRun cancelRun submitToolOutputsToRun",
        "chatkit: ",
        "  threads: ListChatKitThreads",
        "files: ",
        "  content: downloadFile",
        "organization: ",
        "  projects: ",
        "    users: retrieve-project-user",
        "  data_retention: retrieve-data-retention update-data-retention",
        "beta: ",
        "  assistants: createAssistant",
    ]
    for r in api.resources:
        assert all(c.path[:-1] == r.path for c in r.children)


def _spec_with(tmp_path: Path, drop: set[str]) -> Path:
    """resources.yaml without some operations (as JSON, so it can be edited as data)."""
    data = load_spec(RESOURCES).data
    paths: dict[str, Any] = {}
    for path, item in data["paths"].items():
        kept = {k: v for k, v in item.items() if not (isinstance(v, dict) and v.get("operationId") in drop)}
        if any(isinstance(v, dict) and "operationId" in v for v in kept.values()):
            paths[path] = kept
    out = tmp_path / "spec.json"
    out.write_text(json.dumps({**data, "paths": paths}), encoding="utf-8")
    return out


def test_adding_an_operation_never_renames_another(tmp_path: Path) -> None:
    full = calls(api_of(RESOURCES))
    for op_id in full:
        fewer = calls(api_of(_spec_with(tmp_path, {op_id})))
        assert fewer == {k: v for k, v in full.items() if k != op_id}, op_id


def test_resources_table_moves_a_resource_and_renames_a_method() -> None:
    table = {
        "chatkit.threads": "beta.chatkit.threads",
        "threads.messages.list": "threads.messages.all",
        "getThread": "threads.fetch",
        "organization": "admin.organization",
    }
    got = calls(api_of(RESOURCES, {"resources": table}))
    assert got["ListChatKitThreads"] == "beta.chatkit.threads.list"
    assert got["listMessages"] == "threads.messages.all"
    assert got["getThread"] == "threads.fetch"
    assert got["retrieve-project-user"] == "admin.organization.projects.users.retrieve"
    assert got["createMessage"] == "threads.messages.create"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"nothing.here": "x.y"}, "matches no resource"),
        ({"threads.list_all": "x.y"}, "matches no resource"),
        ({"threads.messages.list": "all"}, "needs a resource"),
        ({"threads": 3}, "must be a dotted call path"),
        ({"threads": "a..b"}, "not a dotted call path"),
    ],
)
def test_bad_resources_table_is_a_usage_error(table: dict[str, Any], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        api_of(RESOURCES, {"resources": table})


def test_a_rename_that_clashes_is_a_located_error_naming_both() -> None:
    with pytest.raises(SpecError) as exc:
        api_of(RESOURCES, {"resources": {"getMessage": "threads.messages.list"}})
    (finding,) = exc.value.findings
    assert "'listMessages'" in finding.message and "'getMessage'" in finding.message
    assert finding.location.pointer.startswith("/paths/")
    assert "resources.yaml" in finding.location.file


def test_a_method_named_like_a_child_resource_is_an_error() -> None:
    with pytest.raises(SpecError, match="has the name of the resource threads.messages"):
        api_of(RESOURCES, {"resources": {"createThread": "threads.messages"}})


def test_x_oasgen_group_may_be_dotted_or_one_word() -> None:
    assert calls(api_of(RESOURCES))["createAssistant"] == "beta.assistants.create"
    chatkit = calls(api_of(Path(__file__).resolve().parent.parent / "spec" / "chatkit.yaml"))
    assert sorted(chatkit.values()) == ["sessions.cancel", "sessions.create"]


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "OASGEN_DEBUG"}
    env["OASGEN_NO_CACHE"] = "1"
    cmd = [sys.executable, "-m", "generator", *args]
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr
    return proc


def test_config_tables_reach_the_ir_through_the_cli(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(
        f'[tool.oasgen]\nspec = "{RESOURCES.as_posix()}"\nout = "out"\ntargets = ["ir"]\n\n'
        '[tool.oasgen.resources]\n"chatkit.threads" = "beta.chatkit.threads"\n\n'
        "[tool.oasgen.pagination]\nlistMessages = false\n",
        encoding="utf-8",
    )
    proc = _run(tmp_path, "generate", "--config", str(config), "-q")
    assert proc.returncode == 0, proc.stderr
    ir = json.loads((tmp_path / "out" / "ir" / "api.json").read_text(encoding="utf-8"))
    ops = {op["id"]: op for op in ir["operations"]}
    assert ops["ListChatKitThreads"]["resource"] == [["beta"], ["chatkit"], ["threads"]]
    assert "pagination" not in ops["listMessages"]
    roots = [r["name"] for r in ir["resources"]]
    assert roots == [["threads"], ["beta"], ["files"], ["organization"]]  # chatkit moved under beta

    config.write_text(config.read_text().replace('"chatkit.threads"', '"chatkit.thread"'), encoding="utf-8")
    proc = _run(tmp_path, "generate", "--config", str(config), "-q")
    assert proc.returncode == 2
    assert "[tool.oasgen.resources]: 'chatkit.thread' matches no resource" in proc.stderr


SETTLE = """
openapi: 3.1.0
info: {title: Settle, version: "1"}
paths:
  /pets:
    put: {operationId: updatePets, responses: {"200": {description: OK}}}
    delete: {operationId: deletePets, responses: {"204": {description: OK}}}
  /pets/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    put: {operationId: putPet, responses: {"200": {description: OK}}}
    patch: {operationId: patchPet, responses: {"200": {description: OK}}}
    delete: {operationId: deletePet, responses: {"204": {description: OK}}}
  /pets/{id}/{slot}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: string}}
      - {name: slot, in: path, required: true, schema: {type: string}}
    delete: {operationId: deletePetSlot, responses: {"204": {description: OK}}}
  /pets/{id}/forward:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    post: {operationId: forwardPet, responses: {"200": {description: OK}}}
  /pets/{id}/forward/{fid}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: string}}
      - {name: fid, in: path, required: true, schema: {type: string}}
    get: {operationId: getForward, responses: {"200": {description: OK}}}
"""


def test_settlement_rules_rename_one_of_two_and_say_so(tmp_path: Path) -> None:
    spec = tmp_path / "settle.yaml"
    spec.write_text(SETTLE, encoding="utf-8")
    api, warnings = build_api(load_spec(spec))
    assert calls(api) == {
        "updatePets": "pets.replace_all",  # a PUT beside an update, then no trailing parameter: _all
        "deletePets": "pets.delete_all",
        "putPet": "pets.replace",  # a PUT beside another update
        "patchPet": "pets.update",
        "deletePet": "pets.delete",
        "deletePetSlot": "pets.delete_by_slot",  # more than one trailing parameter
        "forwardPet": "pets.forward.create",  # an action named like the resource beside it
        "getForward": "pets.forward.retrieve",
    }
    settled = [w for w in warnings if w.rule == "operation-name-settled"]
    assert len(settled) == 5  # putPet is replace by its operationId: no settlement
    assert all("settle.yaml" in w.location.file and w.location.line > 0 for w in settled)
    assert any("'updatePets'" in w.message and "it is pets.replace_all" in w.message for w in settled)


def test_a_clash_no_rule_settles_is_an_error(tmp_path: Path) -> None:
    spec = tmp_path / "clash.yaml"
    spec.write_text(
        SETTLE.replace(
            "  /pets/{id}/forward:",
            "  /pets/forward:\n    post: {operationId: forwardAll, "
            'responses: {"200": {description: OK}}}\n  /pets/{id}/forward:',
        ),
        encoding="utf-8",
    )
    with pytest.raises(SpecError) as exc:
        build_api(load_spec(spec))
    messages = [f.message for f in exc.value.findings]
    assert any("'forwardAll'" in m and "'forwardPet'" in m for m in messages), messages
